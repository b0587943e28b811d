import { expect } from '@open-wc/testing';
import { ENDPOINTS, fillPath } from '../../src/core/endpoints.js';
import { hmacSha256Base64 } from '../../src/core/signing.js';
import { BitmartSigner } from '../../src/proxy/sign-bitmart.js';
import { KucoinSigner } from '../../src/proxy/sign-kucoin.js';
import { call, NOW, SECRETS, testProxy } from './helpers.js';

// Fixed vectors, computed independently with node:crypto createHmac (see test/node/proxy for the
// same computed live).
const KUCOIN_GET_SIGN = 'DnUTweWwdn+61089qHwU4JmssA7wJnfY8XCSXKT9c7w=';
const KUCOIN_POST_SIGN = 'JFNfkTLcWAyLcOg9wsNdjOP7uQYF6bCXQZ0HAq0VR24=';
const KUCOIN_ORDER = { clientOid: 'order-1', side: 'buy', symbol: 'BTC-USDT', type: 'limit', price: '100.5', size: '0.01' };
const BITMART_BORROW = { symbol: 'BTC_USDT', currency: 'BTC', amount: '1' };
const BITMART_BORROW_SIGN = 'e81bd94109179fb7c02439915555d7ed6f821fe7d2d836c2edccfd5885f0c42f';

describe('proxy signing: vectors', () => {
  it('matches the published KuCoin SDK vector', async () => {
    expect(await hmacSha256Base64('test_api_secret', 'test_plain')).to.equal('jie/gxS38wLFFaBwl/cAzFbAzlI8MIny96jSXrB+iP4=');
  });

  for (const version of ['2', '3'] as const) {
    it(`signs KuCoin key version ${version}: GET with query, POST with body`, async () => {
      const signer = new KucoinSigner({
        apiKey: SECRETS.kucoinKey,
        apiSecret: SECRETS.kucoinSecret,
        apiPassphrase: SECRETS.kucoinPassphrase,
        apiKeyVersion: version,
      });
      const get = await signer.headers({
        method: 'GET',
        pathWithQuery: '/api/v3/hf/margin/orders/active?symbol=BTC-USDT&tradeType=MARGIN_TRADE',
        body: '',
        timestamp: NOW,
      });
      expect(get).to.deep.equal({
        'KC-API-KEY': SECRETS.kucoinKey,
        'KC-API-SIGN': KUCOIN_GET_SIGN,
        'KC-API-TIMESTAMP': String(NOW),
        'KC-API-PASSPHRASE': SECRETS.kucoinPassphraseHmac,
        'KC-API-KEY-VERSION': version,
      });
      const post = await signer.headers({ method: 'POST', pathWithQuery: '/api/v3/hf/margin/order', body: JSON.stringify(KUCOIN_ORDER), timestamp: NOW });
      expect(post['KC-API-SIGN']).to.equal(KUCOIN_POST_SIGN);
    });
  }

  it('signs BitMart SIGNED calls in hex and sends the key alone for KEYED ones', async () => {
    const signer = new BitmartSigner({ apiKey: SECRETS.bitmartKey, apiSecret: SECRETS.bitmartSecret, memo: SECRETS.bitmartMemo });
    expect(await signer.signed({ payload: JSON.stringify(BITMART_BORROW), timestamp: NOW })).to.deep.equal({
      'X-BM-KEY': SECRETS.bitmartKey,
      'X-BM-TIMESTAMP': String(NOW),
      'X-BM-SIGN': BITMART_BORROW_SIGN,
    });
    expect(signer.keyed()).to.deep.equal({ 'X-BM-KEY': SECRETS.bitmartKey });
  });

  it('signs through a promise with Web Crypto, and at once with an HMAC that answers at once (the node adapter\'s)', async () => {
    const credentials = { apiKey: SECRETS.kucoinKey, apiSecret: SECRETS.kucoinSecret, apiPassphrase: SECRETS.kucoinPassphrase };
    const input = { method: 'POST', pathWithQuery: '/api/v3/hf/margin/order', body: JSON.stringify(KUCOIN_ORDER), timestamp: NOW };
    const webCrypto: Record<string, string> = {};
    const pending = new KucoinSigner(credentials).addHeaders(webCrypto, input);
    expect(pending).to.be.instanceOf(Promise);
    await pending;
    expect(webCrypto['KC-API-SIGN']).to.equal(KUCOIN_POST_SIGN);

    // A synchronous HMAC of the same bytes: here Web Crypto's answers, looked up (the test's stand-in for node:crypto).
    const prehash = `${NOW}POST/api/v3/hf/margin/order${JSON.stringify(KUCOIN_ORDER)}`;
    const known = new Map([
      [prehash, KUCOIN_POST_SIGN],
      [SECRETS.kucoinPassphrase, SECRETS.kucoinPassphraseHmac],
      [`${NOW}#${SECRETS.bitmartMemo}#${JSON.stringify(BITMART_BORROW)}`, BITMART_BORROW_SIGN],
    ]);
    const sync = (_secret: string, message: string) => known.get(message) ?? 'unknown';
    const atOnce: Record<string, string> = {};
    expect(new KucoinSigner(credentials, sync).addHeaders(atOnce, input)).to.equal(undefined);
    expect(atOnce).to.deep.equal(webCrypto);
    const bitmart: Record<string, string> = {};
    const bitmartSigner = new BitmartSigner({ apiKey: SECRETS.bitmartKey, apiSecret: SECRETS.bitmartSecret, memo: SECRETS.bitmartMemo }, sync);
    expect(bitmartSigner.addSigned(bitmart, { payload: JSON.stringify(BITMART_BORROW), timestamp: NOW })).to.equal(undefined);
    expect(bitmart['X-BM-SIGN']).to.equal(BITMART_BORROW_SIGN);
  });

  it('refuses incomplete credentials when constructed', () => {
    expect(() => new KucoinSigner({ apiKey: 'k', apiSecret: '', apiPassphrase: 'p' })).to.throw(/apiSecret/);
    expect(() => new BitmartSigner({ apiKey: 'k', apiSecret: 's', memo: '' })).to.throw(/memo/);
  });
});

describe('proxy signing: what reaches the venue', () => {
  it('signs a KuCoin GET over exactly the path and query it sends', async () => {
    const proxy = testProxy();
    const response = await proxy.handler(call('GET', '/kucoin/api/v3/hf/margin/orders/active?symbol=BTC-USDT&tradeType=MARGIN_TRADE'));
    expect(response.status).to.equal(200);
    const [sent] = proxy.calls;
    expect(sent!.url).to.equal('https://kucoin.test/api/v3/hf/margin/orders/active?symbol=BTC-USDT&tradeType=MARGIN_TRADE');
    expect(sent!.headers['kc-api-sign']).to.equal(KUCOIN_GET_SIGN);
    expect(sent!.headers['kc-api-passphrase']).to.equal(SECRETS.kucoinPassphraseHmac);
    expect(sent!.headers['kc-api-key-version']).to.equal('3');
    expect(sent!.headers['content-type']).to.equal('application/json');
    expect(sent!.body).to.equal('');
  });

  it('signs a KuCoin POST over the body it sends', async () => {
    const proxy = testProxy();
    await proxy.handler(call('POST', '/kucoin/api/v3/hf/margin/order', KUCOIN_ORDER));
    const [sent] = proxy.calls;
    expect(sent!.method).to.equal('POST');
    expect(sent!.body).to.equal(JSON.stringify(KUCOIN_ORDER));
    expect(sent!.headers['kc-api-sign']).to.equal(KUCOIN_POST_SIGN);
  });

  it('sends the body it signed even when the caller spaced it out or repeated a key', async () => {
    const proxy = testProxy();
    const spaced = '{ "clientOid": "order-1", "side":"buy", "symbol":"ETH-USDT", "symbol":"BTC-USDT", "type":"limit", "price":"100.5", "size":"0.01" }';
    await proxy.handler(call('POST', '/kucoin/api/v3/hf/margin/order', spaced));
    const [sent] = proxy.calls;
    expect(sent!.body).to.equal(JSON.stringify(KUCOIN_ORDER));
    expect(sent!.headers['kc-api-sign']).to.equal(KUCOIN_POST_SIGN);
  });

  it('signs BitMart borrow and sends KEYED GETs with X-BM-KEY only', async () => {
    const proxy = testProxy();
    await proxy.handler(call('POST', '/bitmart/spot/v1/margin/isolated/borrow', BITMART_BORROW));
    await proxy.handler(call('GET', '/bitmart/spot/v1/margin/isolated/pairs?symbol=BTC_USDT'));
    const [borrow, pairs] = proxy.calls;
    expect(borrow!.url).to.equal('https://bitmart.test/spot/v1/margin/isolated/borrow');
    expect(borrow!.headers['x-bm-sign']).to.equal(BITMART_BORROW_SIGN);
    expect(borrow!.headers['x-bm-timestamp']).to.equal(String(NOW));
    expect(pairs!.url).to.equal('https://bitmart.test/spot/v1/margin/isolated/pairs?symbol=BTC_USDT');
    expect(pairs!.headers['x-bm-key']).to.equal(SECRETS.bitmartKey);
    expect(Object.keys(pairs!.headers).filter((name) => name.startsWith('x-bm-'))).to.deep.equal(['x-bm-key']);
  });

  it('sends public KuCoin market data unsigned', async () => {
    const proxy = testProxy();
    await proxy.handler(call('GET', '/kucoin/api/v3/margin/symbols?symbol=BTC-USDT'));
    const [sent] = proxy.calls;
    expect(Object.keys(sent!.headers).filter((name) => name.startsWith('kc-'))).to.deep.equal([]);
  });

  it('never forwards the caller headers: token, cookies, origin, custom headers', async () => {
    const proxy = testProxy();
    await proxy.handler(
      call('GET', '/kucoin/api/v3/margin/symbols', undefined, {
        cookie: 'session=abc',
        origin: 'https://app.example.com',
        'x-forwarded-for': '10.0.0.1',
        'kc-api-key': 'caller-supplied',
      }),
    );
    expect(Object.keys(proxy.calls[0]!.headers).sort()).to.deep.equal(['accept']);
  });

  it('serves every one of the 41 endpoints, each with its venue auth', async () => {
    const proxy = testProxy({ rateLimit: false });
    expect(ENDPOINTS.length).to.equal(41);
    for (const endpoint of ENDPOINTS) {
      const path = fillPath(endpoint.path, { orderId: '6710d8336afcdb0007319c27', clientOid: 'client-1', symbol: 'BTC-USDT' });
      const body = endpoint.method === 'POST' ? { symbol: 'BTC-USDT', currency: 'BTC', size: '1' } : undefined;
      const response = await proxy.handler(call(endpoint.method, `/${endpoint.venue}${path}`, body));
      expect(response.status, `${endpoint.method} ${endpoint.path}`).to.equal(200);
      const sent = proxy.calls.at(-1)!;
      expect(sent.method).to.equal(endpoint.method);
      expect(new URL(sent.url).pathname).to.equal(path);
      const names = Object.keys(sent.headers);
      const expected = {
        kucoin: { public: [], signed: ['kc-api-key', 'kc-api-key-version', 'kc-api-passphrase', 'kc-api-sign', 'kc-api-timestamp'], keyed: [] },
        bitmart: { public: [], signed: ['x-bm-key', 'x-bm-sign', 'x-bm-timestamp'], keyed: ['x-bm-key'] },
      }[endpoint.venue][endpoint.auth];
      expect(names.filter((name) => /^(kc|x-bm)-/.test(name)).sort(), endpoint.name).to.deep.equal(expected);
    }
    expect(proxy.calls.length).to.equal(41);
  });
});
