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

  // Vectors computed independently with node:crypto createHmac over the same UTF-8 bytes.
  it('hashes a key longer than a block first, and signs UTF-8 keys and messages', async () => {
    expect(await hmacSha256Hex('y'.repeat(65), 'x'.repeat(200))).to.equal('42388acdf76fc76f73a05c71fb13a07e81e6ba9d161780c72719d0adceaa25e3');
    expect(await hmacSha256Base64('sécret-€-😀', 'prix 100€ — 😀')).to.equal('w37twrn5B5EWYutnM8mgFU6Buha/EyBvjc6nK117pv4=');
  });

  it('keeps one imported key per secret: interleaved secrets never sign with each other\'s key', async () => {
    const [a, b, again] = await Promise.all([hmacSha256Hex('a', 'm1'), hmacSha256Hex('b', 'm1'), hmacSha256Hex('a', 'm1')]);
    expect(a).to.equal('304d5b8f91521dda88fa23469f990db400c346530d3d23d17d4ae247b27a5ded');
    expect(b).to.equal('a395feb1b2a565d5c36abc3e396bbaa6596a9f0e2d6c9cf5779ff53cf822b7d3');
    expect(again).to.equal(a);
    // Past the cache's bound (64 secrets) the keys are imported again, still right.
    for (let i = 0; i < 70; i += 1) await hmacSha256Hex(`secret-${i}`, 'm1');
    expect(await hmacSha256Hex('b', 'm1')).to.equal(b);
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
