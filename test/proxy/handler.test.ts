import { expect } from '@open-wc/testing';
import { createTransport } from '../../src/client/transport.js';
import { NetworkError, ProxyError, RateLimitError, TimeoutError } from '../../src/client/errors.js';
import { getCrossMarginSymbols } from '../../src/client/kucoin/market.js';
import { createSigningProxy, type SigningProxyOptions } from '../../src/proxy/index.js';
import { AUTH, call, captureFetch, errorOf, PAGE_ORIGIN, PROXY, requestWith, SECRETS, testProxy } from './helpers.js';

describe('proxy: CORS', () => {
  it('answers a preflight from an allowed origin, without credentials, never with *', async () => {
    const proxy = testProxy();
    const response = await proxy.handler(
      requestWith(`${PROXY}/kucoin/api/v3/hf/margin/order`, {
        method: 'OPTIONS',
        headers: {
          origin: PAGE_ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
          'access-control-request-private-network': 'true',
        },
      }),
    );
    expect(response.status).to.equal(204);
    expect(response.headers.get('access-control-allow-origin')).to.equal(PAGE_ORIGIN);
    expect(response.headers.get('access-control-allow-credentials')).to.equal('true');
    expect(response.headers.get('access-control-allow-methods')).to.equal('GET, POST, DELETE');
    expect(response.headers.get('access-control-allow-headers')).to.equal('authorization, content-type, accept');
    expect(response.headers.get('access-control-allow-private-network')).to.equal('true');
    expect(response.headers.get('vary')).to.contain('Origin');
    expect(proxy.calls.length).to.equal(0);
  });

  it('refuses a preflight for a method it never proxies', async () => {
    const proxy = testProxy();
    const response = await proxy.handler(
      requestWith(`${PROXY}/kucoin/api/v3/margin/borrow`, { method: 'OPTIONS', headers: { origin: PAGE_ORIGIN, 'access-control-request-method': 'PUT' } }),
    );
    expect(response.status).to.equal(404);
    expect(response.headers.get('access-control-allow-methods')).to.equal(null);
  });

  it('lets an allowed page read answers and refusals alike, and exposes the rate-limit headers', async () => {
    const proxy = testProxy();
    const ok = await proxy.handler(call('GET', '/kucoin/api/v3/margin/symbols', undefined, { origin: PAGE_ORIGIN }));
    expect(ok.headers.get('access-control-allow-origin')).to.equal(PAGE_ORIGIN);
    expect(ok.headers.get('access-control-expose-headers')).to.contain('gw-ratelimit-reset').and.contain('retry-after');
    const refused = await proxy.handler(call('GET', '/kucoin/api/v1/accounts', undefined, { origin: PAGE_ORIGIN }));
    expect(refused.status).to.equal(404);
    expect(refused.headers.get('access-control-allow-origin')).to.equal(PAGE_ORIGIN);
  });

  it('adds no CORS grant when there is no Origin; a refused origin may read only its refusal', async () => {
    const proxy = testProxy();
    expect((await proxy.handler(call('GET', '/kucoin/api/v3/margin/symbols'))).headers.get('access-control-allow-origin')).to.equal(null);
    // The preflight passes so the browser sends the call and shows the page why it was refused (issue 19).
    const preflight = await proxy.handler(
      requestWith(`${PROXY}/kucoin/api/v3/margin/symbols`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization', 'access-control-request-private-network': 'true' } }),
    );
    expect(preflight.status).to.equal(204);
    expect(preflight.headers.get('access-control-allow-private-network'), 'no loopback access for an unlisted page').to.equal(null);
    const forwarded = proxy.calls.length;
    const refused = await proxy.handler(call('GET', '/kucoin/api/v3/margin/symbols', undefined, { origin: 'https://evil.example' }));
    expect(refused.status).to.equal(403);
    expect(refused.headers.get('access-control-allow-origin')).to.equal('https://evil.example');
    expect(refused.headers.get('access-control-expose-headers'), 'nothing exposed beyond the refusal').to.equal(null);
    expect(await refused.json()).to.deep.include({ error: 'origin', check: 'origin' });
    expect(proxy.calls.length, 'nothing forwarded').to.equal(forwarded);
    const nullOrigin = await proxy.handler(call('GET', '/kucoin/api/v3/margin/symbols', undefined, { origin: 'null' }));
    expect(nullOrigin.headers.get('access-control-allow-origin')).to.equal(null);
  });

  it('refuses wildcard, null and non-exact origins in its options', () => {
    for (const origin of ['*', 'null', 'https://app.example.com/', 'app.example.com', 'https://*.example.com']) {
      expect(() => testProxy({ allowedOrigins: [origin] }), origin).to.throw(TypeError);
    }
  });
});

describe('proxy: made once, at module scope (the README edge example)', () => {
  it('rate-limits 40 rapid GETs only when one proxy serves them all', async () => {
    const options: Partial<SigningProxyOptions> = { rateLimit: { capacity: 35, refillPerSecond: 0.01 } };
    const once = testProxy(options);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) statuses.push((await once.handler(call('GET', '/kucoin/api/v3/margin/symbols'))).status);
    expect(statuses.filter((status) => status === 200).length).to.equal(35);
    expect(statuses.filter((status) => status === 429).length).to.equal(5);
    // One proxy per request starts with a full bucket every time: no limit at all.
    const fresh: number[] = [];
    for (let i = 0; i < 40; i += 1) fresh.push((await testProxy(options).handler(call('GET', '/kucoin/api/v3/margin/symbols'))).status);
    expect(fresh.every((status) => status === 200)).to.equal(true);
  });
});

describe('proxy: operator routes on the fetch handler', () => {
  it('answers /healthz to anyone, and /metrics (its text exposition) only with the metrics token when the peer is unknown', async () => {
    const proxy = testProxy({ metricsToken: 'metrics-token-TEST-0123456789', basePath: '/api/proxy' });
    const health = await proxy.handler(requestWith(`${PROXY}/api/proxy/healthz`, { headers: { host: 'anything.example' } }));
    expect(health.status).to.equal(200);
    expect(await health.json()).to.deep.equal({ status: 'ok' });
    await proxy.handler(call('GET', '/api/proxy/kucoin/api/v3/margin/symbols'));
    expect((await proxy.handler(requestWith(`${PROXY}/api/proxy/metrics`))).status).to.equal(401);
    const metrics = await proxy.handler(requestWith(`${PROXY}/api/proxy/metrics`, { headers: { authorization: 'Bearer metrics-token-TEST-0123456789' } }));
    expect(metrics.status).to.equal(200);
    expect(metrics.headers.get('content-type')).to.match(/^text\/plain; version=0\.0\.4/);
    const text = await metrics.text();
    expect(text).to.contain('margin_kit_proxy_requests_total{venue="kucoin",route="/api/v3/margin/symbols",status="200",caller="token"} 1');
    expect(text).to.contain('margin_kit_proxy_refusals_total{code="unauthorized"} 1');
    expect(text).to.match(/margin_kit_proxy_upstream_duration_seconds_count\{venue="kucoin",route="\/api\/v3\/margin\/symbols"\} 1/);
    expect(text).to.contain('margin_kit_proxy_requests_in_flight 1');
    // No token set and no peer address known (an edge runtime): refused, never open.
    const open = testProxy();
    expect((await open.handler(requestWith(`${PROXY}/metrics`))).status).to.equal(403);
    expect((await open.handler(requestWith(`${PROXY}/metrics`), { remoteAddress: '127.0.0.1' })).status).to.equal(200);
    expect((await open.handler(requestWith(`${PROXY}/metrics`), { remoteAddress: '203.0.113.9' })).status).to.equal(403);
  });
});

describe('proxy: upstream answers', () => {
  it('passes status, body and the venues rate-limit headers; drops cookies and hop-by-hop headers', async () => {
    const venueError = '{"code":"400100","msg":"Parameter error"}';
    const proxy = testProxy({}, () => ({
      status: 400,
      body: venueError,
      headers: {
        'gw-ratelimit-limit': '2000',
        'gw-ratelimit-remaining': '1999',
        'gw-ratelimit-reset': '29980',
        'x-bm-ratelimit-remaining': '11',
        'set-cookie': 'AWSALB=abc; Path=/',
        'keep-alive': 'timeout=5',
        'x-powered-by': 'venue',
        'access-control-allow-origin': '*',
      },
    }));
    const response = await proxy.handler(call('GET', '/kucoin/api/v3/margin/symbols'));
    expect(response.status).to.equal(400);
    expect(await response.text()).to.equal(venueError);
    expect(response.headers.get('gw-ratelimit-limit')).to.equal('2000');
    expect(response.headers.get('gw-ratelimit-remaining')).to.equal('1999');
    expect(response.headers.get('gw-ratelimit-reset')).to.equal('29980');
    expect(response.headers.get('x-bm-ratelimit-remaining')).to.equal('11');
    expect(response.headers.get('content-type')).to.equal('application/json');
    for (const dropped of ['set-cookie', 'keep-alive', 'x-powered-by', 'access-control-allow-origin']) {
      expect(response.headers.get(dropped), dropped).to.equal(null);
    }
  });

  it('answers 502 upstream_unreachable when the venue cannot be reached', async () => {
    const proxy = testProxy({ fetch: () => Promise.reject(new TypeError('fetch failed')) });
    const response = await proxy.handler(call('GET', '/kucoin/api/v3/margin/symbols'));
    expect(response.status).to.equal(502);
    expect((await errorOf(response)).error).to.equal('upstream_unreachable');
  });

  it('answers 504 upstream_timeout when the venue does not answer in time', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const proxy = testProxy({ fetch: hanging, upstreamTimeoutMs: 20 });
    const response = await proxy.handler(call('GET', '/kucoin/api/v3/margin/symbols'));
    expect(response.status).to.equal(504);
    expect((await errorOf(response)).error).to.equal('upstream_timeout');
  });

  it('does not follow a redirect with signed headers', async () => {
    const proxy = testProxy({}, () => ({ status: 302, body: '', headers: { location: 'https://elsewhere.example/' } }));
    const response = await proxy.handler(call('GET', '/kucoin/api/v3/margin/borrow'));
    expect(response.status).to.equal(502);
    expect(proxy.calls.length).to.equal(1);
  });

  it('answers 500 internal_error, forwarding nothing, when the authorize hook throws', async () => {
    const proxy = testProxy({ token: undefined, authorize: () => { throw new Error('db down'); } });
    const response = await proxy.handler(call('GET', '/kucoin/api/v3/margin/symbols'));
    expect(response.status).to.equal(500);
    const body = await errorOf(response);
    expect(body.error).to.equal('internal_error');
    expect(body.message).not.to.contain('db down');
    expect(proxy.calls.length).to.equal(0);
  });
});

describe('proxy: configuration', () => {
  const keys = { apiKey: 'k', apiSecret: 's', apiPassphrase: 'p' };

  it('needs exactly one caller check', () => {
    expect(() => createSigningProxy({})).to.throw(/exactly one caller check/);
    expect(() => createSigningProxy({ token: SECRETS.token, allowAnonymous: true })).to.throw(/exactly one/);
    expect(() => createSigningProxy({ token: SECRETS.token, authorize: () => true })).to.throw(/exactly one/);
    expect(() => createSigningProxy({ token: 'short' })).to.throw(/16/);
    expect(() => createSigningProxy({ allowAnonymous: true })).not.to.throw();
  });

  it('refuses half-given KuCoin keys and base URLs with a path', () => {
    expect(() => createSigningProxy({ allowAnonymous: true, kucoin: { apiKey: 'k' } as SigningProxyOptions['kucoin'] })).to.throw(/together/);
    expect(() => createSigningProxy({ allowAnonymous: true, kucoin: { ...keys, baseUrl: 'https://api.kucoin.com/v1' } })).to.throw(/origin/);
    expect(() => createSigningProxy({ allowAnonymous: true, kucoin: { ...keys, baseUrl: 'ftp://api.kucoin.com' } })).to.throw(/origin/);
    expect(() => createSigningProxy({ allowAnonymous: true, kucoin: { ...keys, apiKeyVersion: '1' as '2' } })).to.throw(/version/i);
  });

  it('serves public KuCoin market data without keys, and nothing private', async () => {
    const { fetch, calls } = captureFetch();
    const handler = createSigningProxy({ allowAnonymous: true, kucoin: { baseUrl: 'https://kucoin.test' }, fetch, log: false });
    expect((await handler(new Request('http://localhost/kucoin/api/v3/margin/symbols'))).status).to.equal(200);
    const privateCall = await handler(new Request('http://localhost/kucoin/api/v3/margin/borrow'));
    expect(privateCall.status).to.equal(503);
    expect((await errorOf(privateCall)).error).to.equal('venue_not_configured');
    expect(calls.map((sent) => sent.url)).to.deep.equal(['https://kucoin.test/api/v3/margin/symbols']);
  });

  it('serves under a base path', async () => {
    const proxy = testProxy({ basePath: '/api/proxy' });
    expect((await proxy.handler(call('GET', '/api/proxy/kucoin/api/v3/margin/symbols'))).status).to.equal(200);
    expect((await proxy.handler(call('GET', '/kucoin/api/v3/margin/symbols'))).status).to.equal(404);
    expect(() => testProxy({ basePath: '/api/proxy/' })).to.throw(TypeError);
  });

  it('checks Host against configured names, with or without a port', async () => {
    const proxy = testProxy({ allowedHosts: ['proxy.example.com', 'localhost:8787'] });
    const withHost = (host: string) => proxy.handler(call('GET', '/kucoin/api/v3/margin/symbols', undefined, { host }));
    expect((await withHost('proxy.example.com')).status).to.equal(200);
    expect((await withHost('PROXY.example.com:443')).status).to.equal(200);
    expect((await withHost('localhost:8787')).status).to.equal(200);
    expect((await withHost('localhost:9999')).status).to.equal(403);
    expect((await withHost('proxy.example.com.evil.example')).status).to.equal(403);
    expect((await withHost('user@proxy.example.com')).status).to.equal(403);
    expect(() => testProxy({ allowedHosts: ['https://proxy.example.com'] })).to.throw(TypeError);
    const anyHost = testProxy({ allowedHosts: 'any' });
    expect((await anyHost.handler(call('GET', '/kucoin/api/v3/margin/symbols', undefined, { host: 'x.example' }))).status).to.equal(200);
  });

  it('names anonymous callers by address', async () => {
    const proxy = testProxy({ token: undefined, allowAnonymous: true });
    await proxy.handler(requestWith(`${PROXY}/kucoin/api/v3/margin/symbols`), { remoteAddress: '127.0.0.1' });
    expect(proxy.entries[0]!.caller).to.equal('anonymous:127.0.0.1');
  });
});

describe('proxy: logs', () => {
  it('writes one JSON line per request with exactly the agreed fields, no query', async () => {
    const proxy = testProxy();
    proxy.clock.now = Date.UTC(2024, 0, 2, 3, 4, 5);
    await proxy.handler(call('GET', '/kucoin/api/v3/hf/margin/orders/active?symbol=BTC-USDT'));
    await proxy.handler(requestWith(`${PROXY}/kucoin/api/v3/margin/symbols`));
    expect(proxy.logs.length).to.equal(2);
    expect(JSON.parse(proxy.logs[0]!)).to.deep.equal({
      time: '2024-01-02T03:04:05.000Z',
      caller: 'token',
      venue: 'kucoin',
      method: 'GET',
      path: '/kucoin/api/v3/hf/margin/orders/active',
      status: 200,
      ms: 0,
    });
    expect(JSON.parse(proxy.logs[1]!)).to.deep.include({ caller: null, venue: null, status: 401, error: 'unauthorized' });
  });

  it('survives a logger that throws', async () => {
    const proxy = testProxy({ log: () => { throw new Error('disk full'); } });
    expect((await proxy.handler(call('GET', '/kucoin/api/v3/margin/symbols'))).status).to.equal(200);
  });
});

describe('proxy: the client reads its answers as typed errors', () => {
  function clientFor(options: Partial<SigningProxyOptions>, answer?: Parameters<typeof testProxy>[1]) {
    const proxy = testProxy({ rateLimit: false, ...options }, answer);
    const transport = createTransport({
      proxyUrl: PROXY,
      fetch: (input, init) => proxy.handler(new Request(input, init)),
      headers: () => AUTH,
      retry: { limit: 0 },
    });
    return { proxy, transport };
  }

  it('gets market data through the proxy', async () => {
    const { transport, proxy } = clientFor({}, () => ({ body: { code: '200000', data: { timestamp: 1, items: [] } } }));
    expect(await getCrossMarginSymbols(transport, { symbol: 'BTC-USDT' })).to.deep.equal({ timestamp: 1, items: [] });
    expect(proxy.calls[0]!.url).to.equal('https://kucoin.test/api/v3/margin/symbols?symbol=BTC-USDT');
  });

  it('maps refusals, rate limits, timeouts and unreachable venues', async () => {
    const refused = clientFor({ readOnly: true }).transport.send({ venue: 'kucoin', method: 'POST', path: '/api/v3/margin/borrow', body: { currency: 'BTC', size: '1' } });
    const proxyError = await refused.catch((error: unknown) => error);
    expect(proxyError).to.be.instanceOf(ProxyError);
    expect((proxyError as ProxyError).code).to.equal('guard');
    expect((proxyError as ProxyError).status).to.equal(403);
    expect((proxyError as ProxyError).check).to.equal('guard');

    // A page on an origin the proxy does not list reads why (issue 19), rather than "cannot reach".
    const foreign = testProxy();
    const fromForeignPage = createTransport({
      proxyUrl: PROXY,
      fetch: (input, init) => {
        const request = new Request(input, init);
        const headers = new Headers(request.headers);
        headers.set('origin', 'https://unlisted.example');
        return foreign.handler(requestWith(request.url, { method: request.method, headers }));
      },
      headers: () => AUTH,
      retry: { limit: 0 },
    });
    const originError = await fromForeignPage.send({ venue: 'kucoin', method: 'GET', path: '/api/v3/margin/symbols' }).catch((error: unknown) => error);
    expect(originError).to.be.instanceOf(ProxyError);
    expect(originError).to.include({ code: 'origin', check: 'origin', status: 403 });

    const limited = clientFor({ rateLimit: { capacity: 1, refillPerSecond: 0.5 } });
    await limited.transport.send({ venue: 'kucoin', method: 'GET', path: '/api/v3/margin/symbols' });
    const rateError = await limited.transport.send({ venue: 'kucoin', method: 'GET', path: '/api/v3/margin/symbols' }).catch((error: unknown) => error);
    expect(rateError).to.be.instanceOf(RateLimitError);
    expect((rateError as RateLimitError).retryAfterMs).to.equal(2000);

    const unreachable = clientFor({ fetch: () => Promise.reject(new TypeError('fetch failed')) });
    expect(await unreachable.transport.send({ venue: 'kucoin', method: 'GET', path: '/api/v3/margin/symbols' }).catch((error: unknown) => error)).to.be.instanceOf(NetworkError);

    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const slow = clientFor({ fetch: hanging, upstreamTimeoutMs: 10 });
    expect(await slow.transport.send({ venue: 'kucoin', method: 'GET', path: '/api/v3/margin/symbols' }).catch((error: unknown) => error)).to.be.instanceOf(TimeoutError);
  });
});
