import { expect } from '@open-wc/testing';
import { kucoinCall, sandboxAt } from '../helpers/sandbox.js';

describe('sandbox: market data', () => {
  it('lists ~20 cross margin symbols with the doc fields as strings', async () => {
    const t = sandboxAt();
    const { status, json } = await kucoinCall(t.sandbox, t.now, 'GET', '/api/v3/margin/symbols', undefined, { sign: false });
    expect(status).to.equal(200);
    expect(json.code).to.equal('200000');
    expect(json.data.items.length).to.be.within(18, 30);
    const btc = json.data.items.find((s: { symbol: string }) => s.symbol === 'BTC-USDT');
    for (const field of ['baseIncrement', 'baseMinSize', 'quoteIncrement', 'quoteMinSize', 'baseMaxSize', 'quoteMaxSize', 'priceIncrement', 'priceLimitRate', 'minFunds']) {
      expect(typeof btc[field], field).to.equal('string');
    }
    expect(json.data.items.some((s: { enableTrading: boolean }) => !s.enableTrading)).to.equal(true);
  });

  it('mark prices walk deterministically with the seed and the clock, on the price increment', async () => {
    const a = sandboxAt();
    const b = sandboxAt();
    a.advance(30_000);
    b.advance(30_000);
    const pa = await a.sandbox(new Request('https://s.test/api/v3/mark-price/all-symbols'));
    const pb = await b.sandbox(new Request('https://s.test/api/v3/mark-price/all-symbols'));
    const ta = await pa.text();
    expect(ta).to.equal(await pb.text());
    const first = JSON.parse(ta).data.find((p: { symbol: string }) => p.symbol === 'BTC-USDT');
    expect(typeof first.value).to.equal('number');
    expect(first.value).not.to.equal(67250.4);
    // a price is a multiple of 0.1: its JSON text has at most one decimal
    expect(/"symbol":"BTC-USDT","timePoint":\d+,"value":\d+(\.\d)?}/.test(ta)).to.equal(true);
  });

  it('one symbol: /api/v1/mark-price/{symbol}/current', async () => {
    const t = sandboxAt();
    const { json } = await kucoinCall(t.sandbox, t.now, 'GET', '/api/v1/mark-price/ETH-USDT/current', undefined, { sign: false });
    expect(json.data.symbol).to.equal('ETH-USDT');
    expect(json.data.value).to.equal(3412.57);
    const missing = await kucoinCall(t.sandbox, t.now, 'GET', '/api/v1/mark-price/NOPE-USDT/current', undefined, { sign: false });
    expect(missing.json.code).to.equal('400100');
  });

  it('margin config, isolated symbols and ETF info', async () => {
    const t = sandboxAt();
    const config = (await kucoinCall(t.sandbox, t.now, 'GET', '/api/v1/margin/config', undefined, { sign: false })).json.data;
    expect(config.maxLeverage).to.equal(5);
    expect(config.currencyList).to.include('BTC');
    const isolated = (await kucoinCall(t.sandbox, t.now, 'GET', '/api/v1/isolated/symbols', undefined, { sign: false })).json.data;
    expect(isolated.some((s: { tradeEnable: boolean }) => !s.tradeEnable)).to.equal(true);
    expect(isolated[0]).to.include.keys('symbolName', 'flDebtRatio', 'baseBorrowEnable', 'quoteBorrowCoefficient');
    const etf = (await kucoinCall(t.sandbox, t.now, 'GET', '/api/v3/etf/info?currency=BTC3L', undefined, { sign: false })).json.data;
    expect(etf).to.have.length(1);
    expect(etf[0].currency).to.equal('BTC3L');
  });

  it('refuses unknown parameters with 400100 and unknown paths with 404', async () => {
    const t = sandboxAt();
    const bad = await kucoinCall(t.sandbox, t.now, 'GET', '/api/v1/margin/config?foo=1', undefined, { sign: false });
    expect([bad.status, bad.json.code]).to.deep.equal([400, '400100']);
    const missing = await kucoinCall(t.sandbox, t.now, 'GET', '/api/v1/withdrawals', undefined, { sign: false });
    expect(missing.status).to.equal(404);
  });
});
