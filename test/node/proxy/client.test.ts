import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ExchangeError, ProxyError, RateLimitError } from '../../../src/client/errors.js';
import { getCrossMarginSymbols } from '../../../src/client/kucoin/market.js';
import { createTransport } from '../../../src/client/transport.js';
import { ADAPTERS, hmacBase64, offLoopbackAttempts, startCaptureServer, type Captured, type CaptureServer, type ServedProxy } from './helpers.js';

const TOKEN = 'client-token-TEST-0123456789abcd';
const KC = { apiKey: 'kc-key-CLIENT', apiSecret: 'kc-secret-CLIENT', apiPassphrase: 'kc-pass-CLIENT' };
const BTC_USDT = {
  symbol: 'BTC-USDT', name: 'BTC-USDT', enableTrading: true, market: 'USDS', baseCurrency: 'BTC', quoteCurrency: 'USDT',
  baseIncrement: '0.00000001', baseMinSize: '0.00001', quoteIncrement: '0.000001', quoteMinSize: '0.1', baseMaxSize: '10000000000',
  quoteMaxSize: '99999999', priceIncrement: '0.1', feeCurrency: 'USDT', priceLimitRate: '0.1', minFunds: '0.1',
};

/** A tiny KuCoin: market data in the clear, open orders only with a signature it can verify. */
function fakeKucoin(call: Captured) {
  const envelope = (data: unknown) => ({ body: JSON.stringify({ code: '200000', data }) });
  if (call.method === 'GET' && call.target.startsWith('/api/v3/margin/symbols')) return envelope({ timestamp: 1729665839353, items: [BTC_USDT] });
  if (call.method === 'GET' && call.target.startsWith('/api/v3/hf/margin/orders/active')) {
    const timestamp = String(call.headers['kc-api-timestamp']);
    const expected = hmacBase64(KC.apiSecret, `${timestamp}GET${call.target}`);
    const passphrase = hmacBase64(KC.apiSecret, KC.apiPassphrase);
    if (call.headers['kc-api-sign'] !== expected || call.headers['kc-api-passphrase'] !== passphrase || call.headers['kc-api-key'] !== KC.apiKey) {
      return { status: 401, body: JSON.stringify({ code: '400005', msg: 'Invalid KC-API-SIGN' }) };
    }
    return envelope([]);
  }
  return { status: 404, body: JSON.stringify({ code: '404000', msg: 'Not Found' }) };
}

for (const adapter of ADAPTERS) describe(`the foundation's client talks to the proxy over real HTTP on 127.0.0.1 (${adapter.name})`, () => {
  let venue: CaptureServer;
  let proxy: ServedProxy;

  before(async () => {
    venue = await startCaptureServer(fakeKucoin);
    proxy = await adapter.serve({
      kucoin: { ...KC, baseUrl: venue.url },
      token: TOKEN,
      rateLimit: { capacity: 5, refillPerSecond: 0.2 },
      // A still clock: the bucket refills only when the test says so, however slow the machine.
      now: () => 1_700_000_000_000,
      log: false,
    });
  });

  after(async () => {
    await proxy.close();
    await venue.close();
    assert.deepEqual(offLoopbackAttempts, []);
  });

  const transport = (token = TOKEN) =>
    createTransport({ proxyUrl: proxy.url, headers: () => ({ authorization: `Bearer ${token}` }), retry: { limit: 0 } });

  test('getCrossMarginSymbols returns parsed symbols', async () => {
    const symbols = await getCrossMarginSymbols(transport(), { symbol: 'BTC-USDT' });
    assert.equal(symbols.items.length, 1);
    assert.equal(symbols.items[0]!.symbol, 'BTC-USDT');
    assert.equal(symbols.items[0]!.priceIncrement.toString(), '0.1');
    assert.equal(venue.calls.at(-1)!.target, '/api/v3/margin/symbols?symbol=BTC-USDT');
  });

  test('a signed call passes a venue that verifies the signature', async () => {
    const data = await transport().send({
      venue: 'kucoin', method: 'GET', path: '/api/v3/hf/margin/orders/active', query: { symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' },
    });
    assert.deepEqual(data, []);
  });

  test('a venue error comes back as ExchangeError, a refusal as ProxyError, the limit as RateLimitError', async () => {
    const venueError = await transport().send({ venue: 'kucoin', method: 'GET', path: '/api/v3/margin/borrow', query: { currency: 'BTC' } }).catch((error: unknown) => error);
    assert.ok(venueError instanceof ExchangeError);
    assert.equal(venueError.code, '404000');

    const refused = await transport().send({ venue: 'kucoin', method: 'GET', path: '/api/v1/accounts' }).catch((error: unknown) => error);
    assert.ok(refused instanceof ProxyError);
    assert.equal(refused.code, 'not_allowed');
    assert.equal(refused.status, 404);

    const wrongToken = await getCrossMarginSymbols(transport('not-the-token-0123456789')).catch((error: unknown) => error);
    assert.ok(wrongToken instanceof ProxyError);
    assert.equal(wrongToken.code, 'unauthorized');

    let limited: unknown;
    for (let i = 0; i < 10 && !limited; i += 1) {
      await getCrossMarginSymbols(transport()).catch((error: unknown) => {
        limited = error;
      });
    }
    assert.ok(limited instanceof RateLimitError);
    assert.equal(limited.source, 'proxy');
    assert.equal(limited.retryAfterMs, 5000);
  });
});
