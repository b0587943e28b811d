import { expect } from '@open-wc/testing';
import {
  ExchangeError,
  MalformedResponseError,
  NetworkError,
  ProxyError,
  RateLimitError,
  TimeoutError,
  ValidationError,
  outcomeUnknown,
} from '../../src/client/errors.js';
import { buildQuery, createTransport, type TransportOptions } from '../../src/client/transport.js';

interface Seen {
  url: string;
  method: string;
  headers: Headers;
  body: string | null;
}

/** A fetch that records requests and plays back scripted answers (or throws). */
function scriptedFetch(script: Array<Response | Error | (() => Promise<Response>)>) {
  const seen: Seen[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    seen.push({ url: request.url, method: request.method, headers: request.headers, body: await request.text() || null });
    const next = script.shift();
    if (!next) throw new Error('no scripted answer');
    if (next instanceof Error) throw next;
    if (typeof next === 'function') return next();
    return next;
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

function transport(script: Parameters<typeof scriptedFetch>[0], extra: Partial<TransportOptions> = {}) {
  const { fetch, seen } = scriptedFetch(script);
  const sleeps: number[] = [];
  const t = createTransport({
    proxyUrl: 'https://proxy.example.test/base/',
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  });
  return { t, seen, sleeps };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('transport', () => {
  it('sends to <proxy>/<venue><path>?query with JSON and unwraps KuCoin data', async () => {
    const { t, seen } = transport([json({ code: '200000', data: { ok: 1 } })]);
    const data = await t.send({ venue: 'kucoin', method: 'GET', path: '/api/v3/margin/borrow', query: { currency: 'BTC', page: 2, skip: undefined } });
    expect(data).to.deep.equal({ ok: 1 });
    expect(seen[0]!.url).to.equal('https://proxy.example.test/base/kucoin/api/v3/margin/borrow?currency=BTC&page=2');
    expect(seen[0]!.method).to.equal('GET');
    expect(seen[0]!.headers.get('accept')).to.equal('application/json');
  });

  it('sends a POST body as JSON once and unwraps BitMart data', async () => {
    const { t, seen } = transport([json({ code: 1000, message: 'OK', trace: 't', data: { borrow_id: '1' } })]);
    const body = { symbol: 'BTC_USDT', currency: 'BTC', amount: '0.00000001' };
    expect(await t.send({ venue: 'bitmart', method: 'POST', path: '/spot/v1/margin/isolated/borrow', body })).to.deep.equal({ borrow_id: '1' });
    expect(seen[0]!.body).to.equal(JSON.stringify(body));
    expect(seen[0]!.headers.get('content-type')).to.equal('application/json');
  });

  it('adds the host page headers (a bearer token for the proxy)', async () => {
    const { t, seen } = transport([json({ code: '200000', data: null })], {
      headers: async () => ({ authorization: 'Bearer page-token' }),
    });
    await t.send({ venue: 'kucoin', method: 'GET', path: '/api/v1/margin/config' });
    expect(seen[0]!.headers.get('authorization')).to.equal('Bearer page-token');
  });

  it('ExchangeError: KuCoin code and msg, HTTP status', async () => {
    const { t } = transport([json({ code: '400100', msg: 'Parameter error' }, 400)]);
    const error = await rejection(t.send({ venue: 'kucoin', method: 'POST', path: '/api/v3/margin/borrow', body: {} }));
    expect(error).to.be.instanceOf(ExchangeError);
    const e = error as ExchangeError;
    expect([e.kind, e.venue, e.code, e.message, e.status]).to.deep.equal(['exchange', 'kucoin', '400100', 'Parameter error', 400]);
  });

  it('ExchangeError: BitMart code, message and trace', async () => {
    const { t } = transport([json({ code: 51004, message: 'Insufficient balance', trace: 'abc-123', data: {} }, 400)]);
    const e = (await rejection(t.send({ venue: 'bitmart', method: 'POST', path: '/spot/v1/margin/isolated/repay', body: {} }))) as ExchangeError;
    expect([e.kind, e.code, e.trace]).to.deep.equal(['exchange', '51004', 'abc-123']);
  });

  it('RateLimitError from KuCoin honours gw-ratelimit-reset (ms) and retries a GET', async () => {
    const { t, seen, sleeps } = transport([
      json({ code: '429000', msg: 'Too many requests' }, 429, { 'gw-ratelimit-reset': '1500' }),
      json({ code: '200000', data: 'ok' }),
    ]);
    expect(await t.send({ venue: 'kucoin', method: 'GET', path: '/api/v1/margin/config' })).to.equal('ok');
    expect(seen).to.have.length(2);
    expect(sleeps).to.deep.equal([1500]);
  });

  it('RateLimitError reaches the caller with retryAfterMs when retries run out', async () => {
    const limited = () => json({ code: '429000', msg: 'Too many requests' }, 429, { 'retry-after': '2' });
    const { t, seen, sleeps } = transport([limited(), limited(), limited()]);
    const e = (await rejection(t.send({ venue: 'kucoin', method: 'GET', path: '/api/v1/margin/config' }))) as RateLimitError;
    expect([e.kind, e.retryAfterMs, e.source]).to.deep.equal(['rate-limit', 2000, 'venue']);
    expect(seen).to.have.length(3);
    expect(sleeps).to.deep.equal([2000, 2000]);
  });

  it('does not wait out a venue asking for longer than maxRetryAfterMs', async () => {
    const { t, seen } = transport([json({ code: '429000', msg: 'slow down' }, 429, { 'gw-ratelimit-reset': '60000' })]);
    const e = await rejection(t.send({ venue: 'kucoin', method: 'GET', path: '/api/v1/margin/config' }));
    expect(e).to.be.instanceOf(RateLimitError);
    expect(seen).to.have.length(1);
  });

  it('never retries a POST or DELETE, whatever the error', async () => {
    for (const method of ['POST', 'DELETE'] as const) {
      const { t, seen } = transport([json({ code: '500000', msg: 'Internal error' }, 503), json({ code: '200000', data: 'late' })]);
      const e = await rejection(t.send({ venue: 'kucoin', method, path: '/api/v3/hf/margin/order', body: method === 'POST' ? {} : undefined }));
      expect(e, method).to.be.instanceOf(ExchangeError);
      expect(seen, method).to.have.length(1);
      expect(outcomeUnknown(e), method).to.equal(true);
    }
    const { t, seen } = transport([new TypeError('Failed to fetch')]);
    const e = await rejection(t.send({ venue: 'kucoin', method: 'POST', path: '/api/v3/hf/margin/order', body: {} }));
    expect(e).to.be.instanceOf(NetworkError);
    expect(seen).to.have.length(1);
  });

  it('retries a GET on 5xx and network errors with doubling backoff', async () => {
    const { t, seen, sleeps } = transport([
      new TypeError('Failed to fetch'),
      json({ code: '500000', msg: 'Internal error' }, 502),
      json({ code: '200000', data: 3 }),
    ]);
    expect(await t.send({ venue: 'kucoin', method: 'GET', path: '/api/v1/margin/config' })).to.equal(3);
    expect(seen).to.have.length(3);
    expect(sleeps).to.deep.equal([300, 600]);
  });

  it('does not retry a 4xx venue error', async () => {
    const { t, seen } = transport([json({ code: '400100', msg: 'bad' }, 400)]);
    await rejection(t.send({ venue: 'kucoin', method: 'GET', path: '/api/v1/margin/config' }));
    expect(seen).to.have.length(1);
  });

  it('ProxyError for the proxy refusals; its 429/502/504 map to rate-limit, network, timeout', async () => {
    const cases: Array<[Response, string, string?]> = [
      [json({ error: 'not_allowed', message: 'POST /api/v1/withdrawals is not allowed' }, 404), 'proxy', 'not_allowed'],
      [json({ error: 'unauthorized', message: 'missing token' }, 401), 'proxy', 'unauthorized'],
      [json({ error: 'guard', message: 'read-only' }, 403), 'proxy', 'guard'],
      [json({ error: 'rate_limited', message: 'slow down' }, 429, { 'retry-after': '30' }), 'rate-limit'],
      [json({ error: 'upstream_timeout', message: 'venue timed out' }, 504), 'timeout'],
      [json({ error: 'upstream_unreachable', message: 'venue unreachable' }, 502), 'network'],
    ];
    for (const [response, kind, code] of cases) {
      const { t } = transport([response], { retry: { limit: 0 } });
      const e = await rejection(t.send({ venue: 'kucoin', method: 'POST', path: '/api/v3/margin/borrow', body: {} }));
      expect((e as { kind: string }).kind, kind).to.equal(kind);
      if (code) {
        expect(e).to.be.instanceOf(ProxyError);
        expect((e as ProxyError).code).to.equal(code);
      }
    }
  });

  it('MalformedResponseError for a body that is not JSON or has no envelope', async () => {
    for (const body of ['<html>bad gateway</html>', '[1,2]', '{"data":1}']) {
      const { t } = transport([json(body, 200)], { retry: { limit: 0 } });
      const e = await rejection(t.send({ venue: 'kucoin', method: 'GET', path: '/api/v1/margin/config' }));
      expect(e, body).to.be.instanceOf(MalformedResponseError);
      expect((e as MalformedResponseError).kind).to.equal('malformed-response');
    }
  });

  it('TimeoutError when no answer arrives in time', async () => {
    const hang = () => new Promise<Response>(() => {});
    const { t } = transport([hang], { timeoutMs: 50, retry: { limit: 0 } });
    const e = await rejection(t.send({ venue: 'kucoin', method: 'POST', path: '/api/v3/hf/margin/order', body: {} }));
    expect(e).to.be.instanceOf(TimeoutError);
    expect((e as TimeoutError).kind).to.equal('timeout');
    expect(outcomeUnknown(e)).to.equal(true);
  });

  it('passes an AbortSignal through and rethrows the abort, not a MarginKitError', async () => {
    const controller = new AbortController();
    const waiting = async (input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
        if (signal?.aborted) reject(signal.reason);
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
    const t = createTransport({ proxyUrl: 'https://p.test', fetch: waiting as typeof globalThis.fetch });
    const pending = t.send({ venue: 'kucoin', method: 'GET', path: '/api/v1/margin/config', signal: controller.signal });
    controller.abort(new DOMException('gone', 'AbortError'));
    const e = await rejection(pending);
    expect((e as Error).name).to.equal('AbortError');
    expect((e as { kind?: string }).kind).to.equal(undefined);
  });

  it('ValidationError for query values that would need encoding (nothing is sent)', async () => {
    const { t, seen } = transport([]);
    const e = await rejection(t.send({ venue: 'kucoin', method: 'GET', path: '/api/v3/margin/borrow', query: { currency: 'BTC&x=1' } }));
    expect(e).to.be.instanceOf(ValidationError);
    expect((e as ValidationError).kind).to.equal('validation');
    expect((e as ValidationError).field).to.equal('currency');
    expect(seen).to.have.length(0);
    expect(() => buildQuery({ a: 'x y' })).to.throw(ValidationError);
    expect(() => buildQuery({ a: 'x#y' })).to.throw(ValidationError);
    expect(buildQuery({ symbol: 'BTC_USDT,ETH_USDT', n: 5, b: true })).to.equal('symbol=BTC_USDT,ETH_USDT&n=5&b=true');
  });
});
