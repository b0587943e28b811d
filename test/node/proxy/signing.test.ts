import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADAPTERS, hmacBase64, hmacHex, offLoopbackAttempts, rawRequest, startCaptureServer, type CaptureServer, type ServedProxy } from './helpers.js';

const NOW = 1_712_345_678_901;
const TOKEN = 'node-token-TEST-0123456789abcdef';
const KC = { apiKey: 'kc-key-NODE', apiSecret: 'kc-secret-NODE', apiPassphrase: 'kc-pass-NODE' };
const BM = { apiKey: 'bm-key-NODE', apiSecret: 'bm-secret-NODE', memo: 'bm-memo-NODE' };

for (const adapter of ADAPTERS) describe(`signing over real HTTP (${adapter.name}), checked with node:crypto`, () => {
  let venue: CaptureServer;
  const proxies: Record<'2' | '3', ServedProxy> = {} as Record<'2' | '3', ServedProxy>;

  before(async () => {
    venue = await startCaptureServer();
    for (const version of ['2', '3'] as const) {
      proxies[version] = await adapter.serve({
        kucoin: { ...KC, apiKeyVersion: version, baseUrl: venue.url },
        bitmart: { ...BM, baseUrl: venue.url },
        token: TOKEN,
        now: () => NOW,
        log: false,
      });
    }
  });

  after(async () => {
    await Promise.all([venue.close(), proxies['2'].close(), proxies['3'].close()]);
    assert.deepEqual(offLoopbackAttempts, []);
  });

  const auth = { authorization: `Bearer ${TOKEN}` };

  test('the published KuCoin SDK vector holds for node:crypto too', () => {
    assert.equal(hmacBase64('test_api_secret', 'test_plain'), 'jie/gxS38wLFFaBwl/cAzFbAzlI8MIny96jSXrB+iP4=');
  });

  for (const version of ['2', '3'] as const) {
    test(`KuCoin key version ${version}: GET with a query and POST with a body`, async () => {
      const target = '/api/v3/hf/margin/orders/done?symbol=BTC-USDT&tradeType=MARGIN_TRADE&lastId=254062248624417&limit=20';
      const get = await rawRequest(proxies[version].url, { method: 'GET', target: `/kucoin${target}`, headers: auth });
      assert.equal(get.status, 200);
      const sentGet = venue.calls.at(-1)!;
      assert.equal(sentGet.target, target);
      assert.equal(sentGet.headers['kc-api-key'], KC.apiKey);
      assert.equal(sentGet.headers['kc-api-timestamp'], String(NOW));
      assert.equal(sentGet.headers['kc-api-sign'], hmacBase64(KC.apiSecret, `${NOW}GET${target}`));
      assert.equal(sentGet.headers['kc-api-passphrase'], hmacBase64(KC.apiSecret, KC.apiPassphrase));
      assert.equal(sentGet.headers['kc-api-key-version'], version);
      assert.equal(sentGet.headers['content-type'], 'application/json');
      assert.equal(sentGet.headers.authorization, undefined);

      const body = JSON.stringify({ currency: 'USDT', size: '10.5', timeInForce: 'IOC', isIsolated: false, isHf: true });
      const post = await rawRequest(proxies[version].url, {
        method: 'POST',
        target: '/kucoin/api/v3/margin/borrow',
        headers: { ...auth, 'content-type': 'application/json' },
        body,
      });
      assert.equal(post.status, 200);
      const sentPost = venue.calls.at(-1)!;
      assert.equal(sentPost.body, body);
      assert.equal(sentPost.headers['kc-api-sign'], hmacBase64(KC.apiSecret, `${NOW}POST/api/v3/margin/borrow${body}`));
    });
  }

  test('KuCoin DELETE signs the path parameter and query, with an empty body', async () => {
    const target = '/api/v3/hf/margin/orders/client-order/my-oid_1?symbol=BTC-USDT';
    await rawRequest(proxies['3'].url, { method: 'DELETE', target: `/kucoin${target}`, headers: auth });
    const sent = venue.calls.at(-1)!;
    assert.equal(sent.method, 'DELETE');
    assert.equal(sent.body, '');
    assert.equal(sent.headers['kc-api-sign'], hmacBase64(KC.apiSecret, `${NOW}DELETE${target}`));
  });

  test('BitMart SIGNED: hex HMAC of timestamp#memo#body', async () => {
    const body = JSON.stringify({ symbol: 'BTC_USDT', currency: 'USDT', amount: '25.00000001' });
    await rawRequest(proxies['3'].url, {
      method: 'POST',
      target: '/bitmart/spot/v1/margin/isolated/repay',
      headers: { ...auth, 'content-type': 'application/json' },
      body,
    });
    const sent = venue.calls.at(-1)!;
    assert.equal(sent.target, '/spot/v1/margin/isolated/repay');
    assert.equal(sent.headers['x-bm-key'], BM.apiKey);
    assert.equal(sent.headers['x-bm-timestamp'], String(NOW));
    assert.equal(sent.headers['x-bm-sign'], hmacHex(BM.apiSecret, `${NOW}#${BM.memo}#${body}`));
  });

  test('BitMart KEYED GETs send X-BM-KEY only', async () => {
    for (const path of ['borrow_record?symbol=BTC_USDT&N=10', 'repay_record?symbol=BTC_USDT', 'pairs']) {
      await rawRequest(proxies['3'].url, { method: 'GET', target: `/bitmart/spot/v1/margin/isolated/${path}`, headers: auth });
      const sent = venue.calls.at(-1)!;
      assert.equal(sent.target, `/spot/v1/margin/isolated/${path}`);
      assert.deepEqual(Object.keys(sent.headers).filter((name) => name.startsWith('x-bm-')), ['x-bm-key']);
    }
  });

  test('public KuCoin endpoints go unsigned', async () => {
    await rawRequest(proxies['3'].url, { method: 'GET', target: '/kucoin/api/v1/mark-price/USDT-BTC/current', headers: auth });
    const sent = venue.calls.at(-1)!;
    assert.equal(sent.target, '/api/v1/mark-price/USDT-BTC/current');
    assert.deepEqual(Object.keys(sent.headers).filter((name) => name.startsWith('kc-')), []);
  });
});
