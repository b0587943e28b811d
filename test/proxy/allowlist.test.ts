import { expect } from '@open-wc/testing';
import { parseQuery, requestTarget, resolveRoute, splitVenuePath } from '../../src/proxy/allowlist.js';
import { Refusal } from '../../src/proxy/respond.js';

function refusalOf(run: () => unknown): Refusal {
  try {
    run();
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('allowlist: splitVenuePath', () => {
  it('splits the venue from the venue path', () => {
    expect(splitVenuePath('/kucoin/api/v3/margin/symbols')).to.deep.equal({ venue: 'kucoin', path: '/api/v3/margin/symbols' });
    expect(splitVenuePath('/bitmart/spot/v1/margin/isolated/borrow_record')).to.deep.equal({
      venue: 'bitmart',
      path: '/spot/v1/margin/isolated/borrow_record',
    });
  });

  it('honours a base path, and only under it', () => {
    expect(splitVenuePath('/api/proxy/kucoin/api/v3/margin/symbols', '/api/proxy').path).to.equal('/api/v3/margin/symbols');
    expect(refusalOf(() => splitVenuePath('/kucoin/api/v3/margin/symbols', '/api/proxy')).status).to.equal(404);
    expect(refusalOf(() => splitVenuePath('/api/proxykucoin/api/v3/margin/symbols', '/api/proxy')).status).to.equal(404);
  });

  const refused = [
    '/kucoin/api/../api/v3/margin/symbols',
    '/kucoin/api/v3/margin/./symbols',
    '/kucoin/api/v3/margin/%2e%2e/symbols',
    '/kucoin/api/v3/margin/symbols%2E',
    '/kucoin/api/v3/margin%2Fsymbols',
    '/kucoin/api/v3/margin%5Csymbols',
    '/kucoin/api/v3\\margin/symbols',
    '/kucoin//api/v3/margin/symbols',
    '/kucoin/api/v3/margin/symbols/',
    '/kucoin/api/v3/margin/symbols;x=1',
    '/kucoin/api/v3/margin/symbols\u0000',
    '/kucoin/api/v3/margin/symbo\u0131s',
    '/kucoin',
    '/kucoin/',
    '/',
    '',
    '/Kucoin/api/v3/margin/symbols',
    '/kucoinx/api/v3/margin/symbols',
  ];
  for (const path of refused) {
    it(`refuses ${JSON.stringify(path)}`, () => {
      const refusal = refusalOf(() => splitVenuePath(path));
      expect(refusal.status).to.equal(404);
      expect(refusal.code).to.equal('not_allowed');
    });
  }
});

describe('allowlist: resolveRoute', () => {
  it('matches literal paths before templates', () => {
    const route = resolveRoute('GET', { path: '/kucoin/api/v3/hf/margin/orders/active', query: 'symbol=BTC-USDT' });
    expect(route.endpoint.name).to.equal('getOpenOrders');
    expect(route.queryParams.get('symbol')).to.equal('BTC-USDT');
    expect(resolveRoute('GET', { path: '/kucoin/api/v3/hf/margin/orders/67', query: '' }).pathParams).to.deep.equal({ orderId: '67' });
  });

  it('refuses a method the doc does not give the path', () => {
    expect(refusalOf(() => resolveRoute('DELETE', { path: '/kucoin/api/v3/margin/borrow', query: '' })).code).to.equal('not_allowed');
    expect(refusalOf(() => resolveRoute('get', { path: '/kucoin/api/v3/margin/borrow', query: '' })).code).to.equal('not_allowed');
  });
});

describe('allowlist: parseQuery', () => {
  it('keeps names and values that need no encoding', () => {
    const params = parseQuery('symbol=BTC-USDT,ETH-USDT&startAt=1700000000000&N=50&side=&lastId=a_b.c:d~e');
    expect([...params]).to.deep.equal([
      ['symbol', 'BTC-USDT,ETH-USDT'],
      ['startAt', '1700000000000'],
      ['N', '50'],
      ['side', ''],
      ['lastId', 'a_b.c:d~e'],
    ]);
  });

  const refused = ['a=%41', 'a=b c', 'a=b+c', 'a=b&a=c', 'a', '=b', 'a=b=c', '&a=b', 'a=b&', 'a=é', 'a=b%26c%3Dd', 'a-b=c', '1a=b', 'a=<x>', "a='x'", 'a="x"'];
  for (const query of refused) {
    it(`refuses ${JSON.stringify(query)}`, () => {
      const refusal = refusalOf(() => parseQuery(query));
      expect(refusal.status).to.equal(400);
      expect(refusal.code).to.equal('bad_query');
    });
  }
});

describe('allowlist: requestTarget', () => {
  it('prefers the raw target a server adapter passes, refusing what URL parsing would rewrite', () => {
    const request = new Request('http://127.0.0.1:8787/kucoin/api/v3/margin/symbols');
    expect(requestTarget(request, { rawTarget: '/kucoin/api/v3/margin/symbols?symbol=BTC-USDT' })).to.deep.equal({
      path: '/kucoin/api/v3/margin/symbols',
      query: 'symbol=BTC-USDT',
    });
    expect(refusalOf(() => requestTarget(request, { rawTarget: '/kucoin/api/v3/x/../margin/symbols' })).code).to.equal('not_allowed');
    expect(refusalOf(() => requestTarget(request, { rawTarget: '/kucoin/api/v3/margin/symbols#x' })).code).to.equal('not_allowed');
    expect(refusalOf(() => requestTarget(request, { rawTarget: '*' })).code).to.equal('not_allowed');
  });

  it('refuses a raw target that disagrees with the request URL', () => {
    const request = new Request('http://127.0.0.1:8787/kucoin/api/v3/margin/symbols');
    expect(refusalOf(() => requestTarget(request, { rawTarget: '/kucoin/api/v1/margin/config' })).code).to.equal('not_allowed');
  });

  it('reads the parsed URL when no raw target is known', () => {
    const request = new Request('http://127.0.0.1:8787/kucoin/api/v3/margin/symbols?symbol=BTC-USDT');
    expect(requestTarget(request)).to.deep.equal({ path: '/kucoin/api/v3/margin/symbols', query: 'symbol=BTC-USDT' });
  });
});
