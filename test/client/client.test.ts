import { expect } from '@open-wc/testing';
import { configure, createConnection, createMarginClient, getConnection, getMarginClient, pageConfig, type MarginConnection } from '../../src/client/client.js';
import { ENDPOINTS } from '../../src/core/endpoints.js';

function recordingFetch() {
  const seen: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(new Request(input, init));
    return new Response(JSON.stringify({ code: '200000', data: { currencyList: ['BTC'], maxLeverage: 5, warningDebtRatio: '0.95', liqDebtRatio: '0.97' } }), {
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

describe('margin client', () => {
  afterEach(() => configure({ proxyUrl: undefined, getToken: undefined, fetch: undefined, credentials: undefined }));

  it('has a bound function for each of the 41 endpoints, and nothing else', () => {
    const client = createMarginClient({ proxyUrl: 'https://p.test' });
    const names = (venue: 'kucoin' | 'bitmart') => ENDPOINTS.filter((e) => e.venue === venue).map((e) => e.name).sort();
    expect(Object.keys(client.kucoin).sort()).to.deep.equal(names('kucoin'));
    expect(Object.keys(client.bitmart).sort()).to.deep.equal(names('bitmart'));
    for (const fn of [...Object.values(client.kucoin), ...Object.values(client.bitmart)]) expect(fn).to.be.a('function');
  });

  it('each bound function calls its own method and path', async () => {
    // Every endpoint reaches the transport with the catalog's method and path: a wrong binding fails here.
    const { fetch, seen } = recordingFetch();
    const client = createMarginClient({ proxyUrl: 'https://p.test', fetch, retry: { limit: 0 } });
    const args: Record<string, unknown[]> = {
      getMarkPriceDetail: [{ symbol: 'USDT-BTC' }],
      cancelOrderByOrderId: [{ orderId: 'o1', symbol: 'BTC-USDT' }],
      getOrderByOrderId: [{ orderId: 'o1', symbol: 'BTC-USDT' }],
      cancelOrderByClientOid: [{ clientOid: 'c1', symbol: 'BTC-USDT' }],
      getOrderByClientOid: [{ clientOid: 'c1', symbol: 'BTC-USDT' }],
    };
    for (const endpoint of ENDPOINTS) {
      const fn = (client[endpoint.venue] as Record<string, (...a: unknown[]) => Promise<unknown>>)[endpoint.name]!;
      const before = seen.length;
      // Parameters are deliberately incomplete: the answer may not parse, but the request must go out right.
      await fn(...(args[endpoint.name] ?? [{ symbol: 'BTC-USDT', currency: 'BTC', tradeType: 'MARGIN_TRADE' }])).catch(() => {});
      const request = seen[before];
      if (!request) continue; // refused before sending (our own validation): checked in the endpoint tests
      const path = new URL(request.url).pathname.replace(`/${endpoint.venue}`, '');
      const template = new RegExp(`^${endpoint.path.replace(/\{\w+\}/g, '[A-Za-z0-9_-]+')}$`);
      expect(request.method, endpoint.name).to.equal(endpoint.method);
      expect(template.test(path), `${endpoint.name}: ${path}`).to.equal(true);
    }
    expect(seen.length).to.be.greaterThan(20);
  });

  it('shares one client per proxy URL (trailing slash ignored), across copies via Symbol.for', () => {
    const a = getMarginClient('https://proxy.test/');
    const b = getMarginClient('https://proxy.test');
    expect(a).to.equal(b);
    expect(getMarginClient('https://other.test')).not.to.equal(a);
    // The page registry holds the lean connection; the bound client is built on it, so both share one hub.
    const registry = (globalThis as unknown as Record<symbol, { clients: Map<string, MarginConnection> }>)[Symbol.for('margin-kit/client-registry')];
    const connection = registry?.clients.get('https://proxy.test');
    expect(connection).to.equal(getConnection('https://proxy.test/'));
    expect(a.hub).to.equal(connection!.hub);
    expect(a.transport).to.equal(connection!.transport);
  });

  it('a connection made by another copy of the package serves getMarginClient too', () => {
    // Another copy registers its own connection object: this copy binds its endpoints to it, not a second hub.
    const registry = (globalThis as unknown as Record<symbol, { clients: Map<string, MarginConnection> }>)[Symbol.for('margin-kit/client-registry')];
    const foreign = createConnection({ proxyUrl: 'https://foreign.test' });
    registry!.clients.set('https://foreign.test', foreign);
    const client = getMarginClient('https://foreign.test');
    expect(client.hub).to.equal(foreign.hub);
    expect(getMarginClient('https://foreign.test/')).to.equal(client);
  });

  it('configure() replaces the connections, and getMarginClient follows', () => {
    const before = getMarginClient('https://proxy.test');
    configure({});
    const after = getMarginClient('https://proxy.test');
    expect(after).not.to.equal(before);
    expect(after.hub).to.equal(getConnection('https://proxy.test').hub);
  });

  it('configure() gives elements without proxy-url the page proxy and a fresh bearer token per request', async () => {
    const { fetch, seen } = recordingFetch();
    let n = 0;
    configure({ proxyUrl: 'https://page-proxy.test', fetch, getToken: () => `token-${++n}` });
    expect(pageConfig().proxyUrl).to.equal('https://page-proxy.test');
    const client = getMarginClient();
    await client.kucoin.getMarginConfig();
    await client.kucoin.getMarginConfig();
    expect(seen.map((r) => r.headers.get('authorization'))).to.deep.equal(['Bearer token-1', 'Bearer token-2']);
    expect(seen[0]!.url).to.equal('https://page-proxy.test/kucoin/api/v1/margin/config');
  });

  it('says how to fix a missing proxy URL', () => {
    expect(() => getMarginClient('')).to.throw(/proxy-url/);
  });

  it('a client parses answers into Decimal at the boundary', async () => {
    const { fetch } = recordingFetch();
    const config = await createMarginClient({ proxyUrl: 'https://p.test', fetch }).kucoin.getMarginConfig();
    expect(config.maxLeverage).to.equal(5);
    expect(config.liqDebtRatio.toString()).to.equal('0.97');
  });
});
