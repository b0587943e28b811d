import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kucoinSign } from '../../src/core/signing.js';

test('Web Crypto signing runs in Node too (KuCoin SDK vector)', async () => {
  // KuCoin's SDK test: HMAC-SHA256 of "test_plain" with secret "test_api_secret".
  const { hmacSha256Base64 } = await import('../../src/core/signing.js');
  assert.equal(await hmacSha256Base64('test_api_secret', 'test_plain'), 'jie/gxS38wLFFaBwl/cAzFbAzlI8MIny96jSXrB+iP4=');
  assert.equal(typeof kucoinSign, 'function');
});
