import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SigningProxyOptions } from '../../../src/proxy/index.js';
import { CASE_ORIGIN, CASE_TOKEN, EXACT_BODY_CASES, REFUSAL_CASES, type RefusalCase } from '../../proxy/refusal-cases.js';
import { ADAPTERS, offLoopbackAttempts, rawRequest, startCaptureServer, type CaptureServer } from './helpers.js';

for (const adapter of ADAPTERS) describe(`refusals over real HTTP (${adapter.name}): a capture server on 127.0.0.1 proves nothing refused was forwarded`, () => {
  let venue: CaptureServer;
  before(async () => {
    venue = await startCaptureServer();
  });
  after(async () => {
    await venue.close();
    assert.deepEqual(offLoopbackAttempts, []);
  });

  async function serve(refusal: Pick<RefusalCase, 'options'>, logs: string[]) {
    const options: SigningProxyOptions = {
      kucoin: { apiKey: 'kc-key', apiSecret: 'kc-secret', apiPassphrase: 'kc-pass' },
      bitmart: { apiKey: 'bm-key', apiSecret: 'bm-secret', memo: 'bm-memo', baseUrl: venue.url },
      token: CASE_TOKEN,
      allowedOrigins: [CASE_ORIGIN],
      log: (line) => logs.push(line),
      ...refusal.options,
    };
    if (options.kucoin) options.kucoin = { ...options.kucoin, baseUrl: venue.url };
    return adapter.serve(options);
  }

  function send(url: string, refusal: Pick<RefusalCase, 'method' | 'target' | 'headers' | 'body'>) {
    const headers: Record<string, string> = { authorization: `Bearer ${CASE_TOKEN}`, accept: 'application/json' };
    for (const [name, value] of Object.entries(refusal.headers ?? {})) {
      if (value === null) delete headers[name];
      else headers[name] = value;
    }
    return rawRequest(url, { method: refusal.method, target: refusal.target, headers, body: refusal.body });
  }

  for (const refusal of REFUSAL_CASES) {
    test(`${refusal.status} ${refusal.code}: ${refusal.name}`, async () => {
      const logs: string[] = [];
      const proxy = await serve(refusal, logs);
      try {
        for (let i = 0; i < (refusal.warmup ?? 0); i += 1) assert.equal((await send(proxy.url, refusal)).status, 200);
        const forwardedBefore = venue.calls.length;
        const response = await send(proxy.url, refusal);
        assert.equal(response.status, refusal.status, response.body);
        assert.match(String(response.headers['content-type']), /^application\/json/);
        const body = JSON.parse(response.body) as { error: string; check: string; message: string };
        assert.equal(body.error, refusal.code);
        assert.ok(body.check, 'the refusal names its check');
        const origin = refusal.headers?.origin;
        if (origin !== undefined && origin !== null && origin !== 'null') assert.equal(response.headers['access-control-allow-origin'], origin);
        assert.equal(venue.calls.length, forwardedBefore, 'a refused request reached the venue');
        assert.equal((JSON.parse(logs.at(-1)!) as { error: string }).error, refusal.code);
      } finally {
        await proxy.close();
      }
    });
  }

  for (const exact of EXACT_BODY_CASES) {
    test(`forwards ${exact.name} exactly as written`, async () => {
      const proxy = await serve({}, []);
      try {
        const response = await send(proxy.url, { method: 'POST', target: exact.target, headers: { 'content-type': 'application/json' }, body: exact.body });
        assert.equal(response.status, 200, response.body);
        assert.equal(venue.calls.at(-1)!.body, exact.sent);
      } finally {
        await proxy.close();
      }
    });
  }

  test('the same proxy forwards a valid request (the capture is live)', async () => {
    const proxy = await serve({}, []);
    try {
      const before = venue.calls.length;
      const response = await send(proxy.url, { method: 'GET', target: '/kucoin/api/v3/margin/symbols?symbol=BTC-USDT' });
      assert.equal(response.status, 200);
      assert.equal(venue.calls.length, before + 1);
      assert.equal(venue.calls.at(-1)!.target, '/api/v3/margin/symbols?symbol=BTC-USDT');
    } finally {
      await proxy.close();
    }
  });

  test('a chunked body over 16 KiB is cut off while streaming, and 16 KiB exactly passes', async () => {
    const proxy = await serve({}, []);
    try {
      const before = venue.calls.length;
      const padding = (bytes: number) => JSON.stringify({ clientOid: 'x'.repeat(bytes - '{"clientOid":""}'.length) });
      const headers = { authorization: `Bearer ${CASE_TOKEN}`, 'content-type': 'application/json' };
      const big = await rawRequest(proxy.url, { method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers, body: padding(64 * 1024), chunked: true });
      assert.equal(big.status, 413);
      assert.equal(JSON.parse(big.body).error, 'body_too_large');
      const over = await rawRequest(proxy.url, { method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers, body: padding(16 * 1024 + 1) });
      assert.equal(over.status, 413);
      assert.equal(venue.calls.length, before);
      const exact = await rawRequest(proxy.url, { method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers, body: padding(16 * 1024) });
      assert.equal(exact.status, 200);
      assert.equal(venue.calls.length, before + 1);
    } finally {
      await proxy.close();
    }
  });
});
