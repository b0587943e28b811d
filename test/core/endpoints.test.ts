import { expect } from '@open-wc/testing';
import { ENDPOINTS, fillPath, matchEndpoint } from '../../src/core/endpoints.js';

describe('endpoint catalog', () => {
  it('has the 33 KuCoin and 5 BitMart endpoints of the docs and the 3 margin-account reads, each once', () => {
    expect(ENDPOINTS.filter((e) => e.venue === 'kucoin')).to.have.length(35);
    expect(ENDPOINTS.filter((e) => e.venue === 'bitmart')).to.have.length(6);
    const keys = ENDPOINTS.map((e) => `${e.venue} ${e.method} ${e.path}`);
    expect(new Set(keys).size).to.equal(41);
    expect(new Set(ENDPOINTS.map((e) => e.name)).size).to.equal(41);
  });

  it('lists the margin accounts as read-only reads: KuCoin signed, BitMart keyed', () => {
    const accounts = ['getCrossMarginAccount', 'getIsolatedMarginAccount', 'getMarginAccountDetailsIsolated'].map((name) => ENDPOINTS.find((e) => e.name === name));
    expect(accounts.map((e) => e && `${e.venue} ${e.method} ${e.path} ${e.auth}`)).to.deep.equal([
      'kucoin GET /api/v3/margin/accounts signed',
      'kucoin GET /api/v3/isolated/accounts signed',
      'bitmart GET /spot/v1/margin/isolated/account keyed',
    ]);
  });

  it('marks only market data public, BitMart GETs keyed', () => {
    const publicPaths = ENDPOINTS.filter((e) => e.auth === 'public').map((e) => e.path).sort();
    expect(publicPaths).to.deep.equal([
      '/api/v1/isolated/symbols',
      '/api/v1/margin/config',
      '/api/v1/mark-price/{symbol}/current',
      '/api/v3/etf/info',
      '/api/v3/margin/symbols',
      '/api/v3/mark-price/all-symbols',
      '/api/v3/project/list',
      '/api/v3/project/marketInterestRate',
    ]);
    expect(ENDPOINTS.filter((e) => e.auth === 'keyed').every((e) => e.venue === 'bitmart' && e.method === 'GET')).to.equal(true);
  });

  it('prefers literal paths over templates', () => {
    expect(matchEndpoint('kucoin', 'GET', '/api/v3/hf/margin/orders/active')?.endpoint.name).to.equal('getOpenOrders');
    expect(matchEndpoint('kucoin', 'GET', '/api/v3/hf/margin/orders/done')?.endpoint.name).to.equal('getClosedOrders');
    const byId = matchEndpoint('kucoin', 'GET', '/api/v3/hf/margin/orders/671124f9365ccb00073debd4');
    expect(byId?.endpoint.name).to.equal('getOrderByOrderId');
    expect(byId?.params).to.deep.equal({ orderId: '671124f9365ccb00073debd4' });
  });

  it('refuses unsafe path parameters and unknown routes', () => {
    expect(matchEndpoint('kucoin', 'GET', '/api/v3/hf/margin/orders/a.b')).to.equal(null);
    expect(matchEndpoint('kucoin', 'GET', '/api/v3/hf/margin/orders/..')).to.equal(null);
    expect(matchEndpoint('kucoin', 'GET', '/api/v3/hf/margin/orders/')).to.equal(null);
    expect(matchEndpoint('kucoin', 'POST', '/api/v3/margin/symbols')).to.equal(null);
    expect(matchEndpoint('kucoin', 'GET', '/api/v1/withdrawals')).to.equal(null);
    expect(matchEndpoint('bitmart', 'GET', '/api/v3/margin/symbols')).to.equal(null);
    expect(matchEndpoint('kucoin', 'GET', '/API/v3/margin/symbols')).to.equal(null);
  });

  it('fillPath refuses values that are not one safe segment', () => {
    expect(fillPath('/api/v1/mark-price/{symbol}/current', { symbol: 'USDT-BTC' })).to.equal('/api/v1/mark-price/USDT-BTC/current');
    expect(() => fillPath('/api/v3/hf/margin/orders/{orderId}', { orderId: '../../withdrawals' })).to.throw(TypeError);
    expect(() => fillPath('/api/v3/hf/margin/orders/{orderId}', {})).to.throw(TypeError);
  });
});
