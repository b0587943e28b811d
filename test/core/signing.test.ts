import { expect } from '@open-wc/testing';
import {
  bitmartSign,
  constantTimeEqual,
  hmacSha256Base64,
  hmacSha256Hex,
  kucoinPassphrase,
  kucoinPrehash,
  kucoinSign,
} from '../../src/core/signing.js';

describe('signing', () => {
  it('matches the KuCoin SDK published vector', async () => {
    expect(await hmacSha256Base64('test_api_secret', 'test_plain')).to.equal('jie/gxS38wLFFaBwl/cAzFbAzlI8MIny96jSXrB+iP4=');
  });

  it('matches RFC 4231 test case 2 (HMAC-SHA256, hex)', async () => {
    expect(await hmacSha256Hex('Jefe', 'what do ya want for nothing?')).to.equal(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('builds the KuCoin prehash as timestamp + METHOD + path?query + body', async () => {
    const prehash = kucoinPrehash('1700000000000', 'get', '/api/v3/margin/borrow?currency=BTC', '');
    expect(prehash).to.equal('1700000000000GET/api/v3/margin/borrow?currency=BTC');
    expect(await kucoinSign('s', '1700000000000', 'get', '/api/v3/margin/borrow?currency=BTC', '')).to.equal(
      await hmacSha256Base64('s', prehash),
    );
    expect(await kucoinPassphrase('s', 'pass')).to.equal(await hmacSha256Base64('s', 'pass'));
  });

  it('signs BitMart as hex of timestamp#memo#body', async () => {
    const body = '{"symbol":"BTC_USDT","currency":"BTC","amount":"1"}';
    expect(await bitmartSign('secret', '1700000000000', 'memo', body)).to.equal(
      await hmacSha256Hex('secret', `1700000000000#memo#${body}`),
    );
    expect(await bitmartSign('secret', '1700000000000', 'memo', body)).to.match(/^[0-9a-f]{64}$/);
  });

  it('constantTimeEqual compares whole strings', () => {
    expect(constantTimeEqual('token', 'token')).to.equal(true);
    expect(constantTimeEqual('token', 'tokem')).to.equal(false);
    expect(constantTimeEqual('token', 'token2')).to.equal(false);
    expect(constantTimeEqual('', '')).to.equal(true);
  });
});
