import { expect } from '@open-wc/testing';
import { getMarginClient } from '../../src/client/client.js';
import { createInPageStack } from '../../demo/in-page-stack.js';

describe('in-page stack (client -> proxy handler -> sandbox handler)', () => {
  it('serves public and signed calls, signed by the proxy, verified by the sandbox', async () => {
    const stack = createInPageStack();
    const client = getMarginClient(stack.proxyUrl);
    const prices = await client.kucoin.getMarkPriceList();
    expect(prices.length).to.be.greaterThan(10);
    const pairs = await client.bitmart.getIsolatedPairs({ symbol: 'BTC_USDT' });
    expect(pairs[0]!.symbol).to.equal('BTC_USDT');
    const limits = await client.kucoin.getMarginRiskLimit({ currency: 'BTC' });
    const [btc] = limits;
    expect(btc && 'currency' in btc ? btc.currency : undefined).to.equal('BTC');
    expect(stack.upstream).to.include('GET /api/v3/mark-price/all-symbols');
    expect(stack.upstream).to.include('GET /api/v3/margin/currencies?currency=BTC');
  });
});
