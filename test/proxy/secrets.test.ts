import { expect } from '@open-wc/testing';
import { call, PAGE_ORIGIN, requestWith, PROXY, SECRETS, testProxy } from './helpers.js';

/**
 * Runs served, refused and failed requests with recognizable keys, and looks for any key, secret,
 * passphrase (clear or HMAC'd), token or signature in every answer and every log line.
 */
describe('proxy: secrets never leave', () => {
  it('appear in no answer (body or header) and no log line', async () => {
    const answers: Response[] = [];
    const logs: string[] = [];
    const signatures: string[] = [];
    const scenarios = [
      testProxy({}, (sent) => {
        // Keep every signature sent, to look for it in the answers too.
        for (const name of ['kc-api-sign', 'x-bm-sign']) if (sent.headers[name]) signatures.push(sent.headers[name]!);
        return { body: { code: '200000', data: { ok: true } }, headers: { 'gw-ratelimit-remaining': '10' } };
      }),
      testProxy({ fetch: () => Promise.reject(new TypeError(`fetch failed ${SECRETS.kucoinSecret}`)) }),
      testProxy({ readOnly: true, allowedSymbols: ['ETH-USDT'], maxOrderNotional: '1' }),
      testProxy({ rateLimit: { capacity: 1, refillPerSecond: 1 } }),
    ];
    const order = { clientOid: 'c1', side: 'buy', symbol: 'BTC-USDT', type: 'limit', price: '100', size: '1' };
    for (const proxy of scenarios) {
      const requests = [
        call('GET', '/kucoin/api/v3/margin/symbols'),
        call('GET', '/kucoin/api/v3/hf/margin/orders/active?symbol=BTC-USDT'),
        call('POST', '/kucoin/api/v3/hf/margin/order', order, { origin: PAGE_ORIGIN }),
        call('DELETE', '/kucoin/api/v3/hf/margin/orders/abc?symbol=BTC-USDT'),
        call('POST', '/bitmart/spot/v1/margin/isolated/borrow', { symbol: 'BTC_USDT', currency: 'BTC', amount: '1' }),
        call('GET', '/bitmart/spot/v1/margin/isolated/pairs'),
        call('GET', '/kucoin/api/v1/accounts'),
        call('POST', '/kucoin/api/v3/hf/margin/order', 'not json'),
        call('GET', '/kucoin/api/v3/margin/symbols', undefined, { authorization: `Bearer ${SECRETS.token}x` }),
        requestWith(`${PROXY}/kucoin/api/v3/margin/symbols`, { headers: { origin: 'https://evil.example', ...{ authorization: `Bearer ${SECRETS.token}` } } }),
        requestWith(`${PROXY}/kucoin/api/v3/margin/symbols`, { method: 'OPTIONS', headers: { origin: PAGE_ORIGIN, 'access-control-request-method': 'GET' } }),
      ];
      for (const request of requests) answers.push(await proxy.handler(request));
      logs.push(...proxy.logs);
    }
    expect(signatures.length).to.be.greaterThan(3);
    expect(logs.length).to.equal(44);

    const texts: string[] = [];
    for (const answer of answers) {
      texts.push(await answer.text());
      answer.headers.forEach((value, name) => texts.push(`${name}: ${value}`));
    }
    const haystack = [...texts, ...logs].join('\n');
    const needles = [...Object.values(SECRETS), ...signatures];
    for (const needle of needles) expect(haystack.includes(needle), `found ${needle}`).to.equal(false);
    // The scan is real: the haystack holds the answers and logs it claims to.
    expect(haystack).to.contain('"error":"not_allowed"').and.contain('gw-ratelimit-remaining: 10');
  });
});
