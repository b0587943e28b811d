import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import type { SigningProxyOptions } from '../../../src/proxy/index.js';
import { ADAPTERS, offLoopbackAttempts, rawRequest, startCaptureServer, type Answer, type ProxyAdapter } from './helpers.js';

const TOKEN = 'node-token-TEST-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };

async function withProxy(adapter: ProxyAdapter, answer: () => Answer, options: Partial<SigningProxyOptions>, run: (url: string) => Promise<void>) {
  const venue = await startCaptureServer(answer);
  const proxy = await adapter.serve({ kucoin: { baseUrl: venue.url }, token: TOKEN, log: false, ...options });
  try {
    await run(proxy.url);
  } finally {
    await proxy.close();
    await venue.close();
  }
}

for (const adapter of ADAPTERS) describe(`upstream answers over real HTTP (${adapter.name})`, () => {
  after(() => assert.deepEqual(offLoopbackAttempts, []));

  test('status, body and rate-limit headers pass through; Set-Cookie and hop-by-hop headers do not', async () => {
    const body = '{"code":"429000","msg":"Too many requests"}';
    await withProxy(
      adapter,
      () => ({
        status: 429,
        body,
        headers: {
          'gw-ratelimit-limit': '2000',
          'gw-ratelimit-remaining': '0',
          'gw-ratelimit-reset': '1500',
          'X-BM-RateLimit-Reset': '1',
          'set-cookie': ['a=1; Path=/', 'b=2; HttpOnly'],
          'keep-alive': 'timeout=5',
          'proxy-authenticate': 'Basic',
          server: 'venue/1.0',
        },
      }),
      {},
      async (url) => {
        const response = await rawRequest(url, { method: 'GET', target: '/kucoin/api/v3/margin/symbols', headers: auth });
        assert.equal(response.status, 429);
        assert.equal(response.body, body);
        assert.equal(response.headers['gw-ratelimit-limit'], '2000');
        assert.equal(response.headers['gw-ratelimit-remaining'], '0');
        assert.equal(response.headers['gw-ratelimit-reset'], '1500');
        assert.equal(response.headers['x-bm-ratelimit-reset'], '1');
        assert.equal(response.headers['set-cookie'], undefined);
        assert.equal(response.headers['keep-alive'], undefined);
        assert.equal(response.headers['proxy-authenticate'], undefined);
        assert.equal(response.headers.server, undefined);
        assert.equal(response.headers['cache-control'], 'private, no-store', 'an error answer is never cached');
      },
    );
  });

  test('a venue that never answers gives 504 upstream_timeout', async () => {
    await withProxy(adapter, () => ({ hang: true }), { upstreamTimeoutMs: 100 }, async (url) => {
      const response = await rawRequest(url, { method: 'GET', target: '/kucoin/api/v3/margin/symbols', headers: auth });
      assert.equal(response.status, 504);
      assert.equal(JSON.parse(response.body).error, 'upstream_timeout');
    });
  });

  test('a venue that cannot be reached gives 502 upstream_unreachable', async () => {
    // A port that was just free: bind, read it, close, and point the proxy there.
    const placeholder = createServer();
    await new Promise<void>((resolve) => placeholder.listen(0, '127.0.0.1', resolve));
    const { port } = placeholder.address() as AddressInfo;
    await new Promise<void>((resolve) => placeholder.close(() => resolve()));
    const proxy = await adapter.serve({ kucoin: { baseUrl: `http://127.0.0.1:${port}` }, token: TOKEN, log: false });
    try {
      const response = await rawRequest(proxy.url, { method: 'GET', target: '/kucoin/api/v3/margin/symbols', headers: auth });
      assert.equal(response.status, 502);
      assert.equal(JSON.parse(response.body).error, 'upstream_unreachable');
    } finally {
      await proxy.close();
    }
  });
});
