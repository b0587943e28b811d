/**
 * The proxy in production (issue 20), on both Node adapters: health and metrics for operators,
 * named callers, caching headers and coalescing for public data, per-caller venue keys.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { CallerCredentials, ProxyLogEntry, SigningProxyOptions } from '../../../src/proxy/index.js';
import { ADAPTERS, hmacBase64, offLoopbackAttempts, rawRequest, startCaptureServer, type Answer, type Captured, type CaptureServer } from './helpers.js';

const TOKENS = { alice: 'alice-token-TEST-0123456789', bob: 'bob-token-TEST-0123456789ab' };
const METRICS_TOKEN = 'metrics-token-TEST-0123456789';
const SYMBOLS = '/kucoin/api/v3/margin/symbols';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

for (const adapter of ADAPTERS) {
  describe(`proxy operations (${adapter.name})`, () => {
    const venues: CaptureServer[] = [];
    after(async () => {
      await Promise.all(venues.map((venue) => venue.close()));
      assert.deepEqual(offLoopbackAttempts, []);
    });

    type Options = Partial<SigningProxyOptions> | ((venueUrl: string) => Partial<SigningProxyOptions>);

    async function setUp(options: Options = {}, answer: (call: Captured) => Answer = () => ({})) {
      const venue = await startCaptureServer(answer);
      venues.push(venue);
      const entries: ProxyLogEntry[] = [];
      const proxy = await adapter.serve({
        kucoin: { apiKey: 'kc-key', apiSecret: 'kc-secret', apiPassphrase: 'kc-pass', baseUrl: venue.url },
        tokens: TOKENS,
        allowedOrigins: ['https://app.example.com'],
        log: (_line, entry) => entries.push(entry),
        ...(typeof options === 'function' ? options(venue.url) : options),
      });
      return { venue, proxy, entries };
    }

    test('GET /healthz answers 200 without credentials and touches no venue', async () => {
      const { venue, proxy } = await setUp();
      try {
        // A load balancer probes by address: no token, any Host.
        const answer = await rawRequest(proxy.url, { method: 'GET', target: '/healthz', headers: { host: '10.0.0.7:8787' } });
        assert.equal(answer.status, 200);
        assert.deepEqual(JSON.parse(answer.body), { status: 'ok' });
        assert.equal(answer.headers['cache-control'], 'no-store');
        assert.equal(venue.calls.length, 0);
        assert.equal((await rawRequest(proxy.url, { method: 'POST', target: '/healthz', headers: bearer(TOKENS.alice) })).status, 404);
      } finally {
        await proxy.close();
      }
    });

    test('GET /metrics: Prometheus text with requests by venue, route, status and caller, refusals, upstream latency, in-flight', async () => {
      const { proxy } = await setUp();
      try {
        assert.equal((await rawRequest(proxy.url, { method: 'GET', target: `${SYMBOLS}?symbol=BTC-USDT`, headers: bearer(TOKENS.alice) })).status, 200);
        assert.equal((await rawRequest(proxy.url, { method: 'GET', target: '/kucoin/api/v3/hf/margin/orders/abc123?symbol=BTC-USDT', headers: bearer(TOKENS.bob) })).status, 200);
        assert.equal((await rawRequest(proxy.url, { method: 'GET', target: '/kucoin/api/v1/accounts', headers: bearer(TOKENS.bob) })).status, 404);
        assert.equal((await rawRequest(proxy.url, { method: 'GET', target: SYMBOLS })).status, 401);
        // Open on loopback when no metrics token is set.
        const answer = await rawRequest(proxy.url, { method: 'GET', target: '/metrics' });
        assert.equal(answer.status, 200);
        assert.match(String(answer.headers['content-type']), /^text\/plain/);
        const text = answer.body;
        const sample = (pattern: RegExp) => {
          const line = text.split('\n').find((candidate) => pattern.test(candidate));
          assert.ok(line, `no sample matching ${pattern}\n${text}`);
          return Number(line.slice(line.lastIndexOf(' ') + 1));
        };
        assert.equal(sample(/^margin_kit_proxy_requests_total\{venue="kucoin",route="\/api\/v3\/margin\/symbols",status="200",caller="alice"\}/), 1);
        // The route label is the allow-list template, never the raw path (bounded label values).
        assert.equal(sample(/^margin_kit_proxy_requests_total\{venue="kucoin",route="\/api\/v3\/hf\/margin\/orders\/\{orderId\}",status="200",caller="bob"\}/), 1);
        assert.doesNotMatch(text, /abc123/);
        assert.equal(sample(/^margin_kit_proxy_refusals_total\{code="not_allowed"\}/), 1);
        assert.equal(sample(/^margin_kit_proxy_refusals_total\{code="unauthorized"\}/), 1);
        assert.equal(sample(/^margin_kit_proxy_upstream_duration_seconds_count\{venue="kucoin",route="\/api\/v3\/margin\/symbols"\}/), 1);
        assert.equal(sample(/^margin_kit_proxy_requests_in_flight/), 1, 'the /metrics request itself');
      } finally {
        await proxy.close();
      }
    });

    test('/metrics read again counts each request once: what came since is added, nothing twice', async () => {
      const { proxy } = await setUp();
      try {
        const scrape = async () => {
          const text = (await rawRequest(proxy.url, { method: 'GET', target: '/metrics' })).body;
          const value = (pattern: RegExp) => {
            const line = text.split('\n').find((candidate) => pattern.test(candidate));
            return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
          };
          return {
            ok: value(/^margin_kit_proxy_requests_total\{venue="kucoin",route="\/api\/v3\/margin\/symbols",status="200",caller="alice"\}/),
            refused: value(/^margin_kit_proxy_refusals_total\{code="unauthorized"\}/),
            metrics: value(/^margin_kit_proxy_requests_total\{venue="none",route="\/metrics",status="200",caller="none"\}/),
          };
        };
        const call = () => rawRequest(proxy.url, { method: 'GET', target: `${SYMBOLS}?symbol=BTC-USDT`, headers: bearer(TOKENS.alice) });
        assert.equal((await call()).status, 200);
        assert.equal((await call()).status, 200);
        assert.equal((await rawRequest(proxy.url, { method: 'GET', target: SYMBOLS })).status, 401);
        assert.deepEqual(await scrape(), { ok: 2, refused: 1, metrics: 0 });
        assert.deepEqual(await scrape(), { ok: 2, refused: 1, metrics: 1 });
        assert.equal((await call()).status, 200);
        assert.deepEqual(await scrape(), { ok: 3, refused: 1, metrics: 2 });
      } finally {
        await proxy.close();
      }
    });

    test('with PROXY_METRICS_TOKEN set, /metrics wants it', async () => {
      const { proxy } = await setUp({ metricsToken: METRICS_TOKEN });
      try {
        assert.equal((await rawRequest(proxy.url, { method: 'GET', target: '/metrics' })).status, 401);
        assert.equal((await rawRequest(proxy.url, { method: 'GET', target: '/metrics', headers: bearer(TOKENS.alice) })).status, 401);
        const ok = await rawRequest(proxy.url, { method: 'GET', target: '/metrics', headers: { ...bearer(METRICS_TOKEN), host: 'proxy-3.internal:9090' } });
        assert.equal(ok.status, 200);
        assert.match(ok.body, /# TYPE margin_kit_proxy_requests_total counter/);
      } finally {
        await proxy.close();
      }
    });

    test('named callers: the name is the caller id in logs and its own rate-limit bucket', async () => {
      const { proxy, entries } = await setUp({ rateLimit: { capacity: 2, refillPerSecond: 0.01 } });
      try {
        const get = (token: string) => rawRequest(proxy.url, { method: 'GET', target: SYMBOLS, headers: bearer(token) });
        assert.deepEqual([(await get(TOKENS.alice)).status, (await get(TOKENS.alice)).status, (await get(TOKENS.alice)).status], [200, 200, 429]);
        assert.equal((await get(TOKENS.bob)).status, 200, 'one busy caller does not throttle another');
        assert.deepEqual(entries.map((entry) => entry.caller), ['alice', 'alice', 'alice', 'bob']);
        assert.equal((await get(`${TOKENS.alice}x`)).status, 401);
        assert.equal((await get(TOKENS.alice.slice(0, -1))).status, 401);
      } finally {
        await proxy.close();
      }
    });

    test('public market data says public, max-age; private answers private, no-store; both vary by Origin', async () => {
      const { proxy } = await setUp({ publicMaxAgeSeconds: 5 });
      try {
        const origin = { origin: 'https://app.example.com' };
        const open = await rawRequest(proxy.url, { method: 'GET', target: '/kucoin/api/v1/mark-price/BTC-USDT/current', headers: { ...bearer(TOKENS.alice), ...origin } });
        assert.equal(open.headers['cache-control'], 'public, max-age=5');
        assert.equal(open.headers.vary, 'Origin');
        const own = await rawRequest(proxy.url, { method: 'GET', target: '/kucoin/api/v3/margin/borrow?currency=USDT', headers: { ...bearer(TOKENS.alice), ...origin } });
        assert.equal(own.status, 200);
        assert.equal(own.headers['cache-control'], 'private, no-store');
        assert.equal(own.headers.vary, 'Origin');
      } finally {
        await proxy.close();
      }
    });

    test('40 concurrent identical public GETs reach the venue at most twice (coalescing); private ones each once', async () => {
      // A venue slow enough that all 40 are in flight together.
      const { venue, proxy } = await setUp({ rateLimit: false }, () => ({ delayMs: 150 }));
      try {
        const target = '/kucoin/api/v1/mark-price/BTC-USDT/current';
        const answers = await Promise.all(
          Array.from({ length: 40 }, (_, i) => rawRequest(proxy.url, { method: 'GET', target, headers: bearer(i % 2 === 0 ? TOKENS.alice : TOKENS.bob) })),
        );
        assert.ok(answers.every((answer) => answer.status === 200 && answer.body === '{"code":"200000","data":{"ok":true}}'));
        const publicCalls = venue.calls.filter((call) => call.target === '/api/v1/mark-price/BTC-USDT/current').length;
        assert.ok(publicCalls >= 1 && publicCalls <= 2, `${publicCalls} upstream calls`);
        await Promise.all(Array.from({ length: 5 }, () => rawRequest(proxy.url, { method: 'GET', target: '/kucoin/api/v3/margin/borrow?currency=USDT', headers: bearer(TOKENS.alice) })));
        assert.equal(venue.calls.filter((call) => call.target === '/api/v3/margin/borrow?currency=USDT').length, 5, 'signed calls are never shared');
      } finally {
        await proxy.close();
      }
    });

    test("credentials(callerId): each caller's own keys sign its calls, looked up once per TTL, never logged or echoed", async () => {
      const looked: string[] = [];
      const keys: Record<string, CallerCredentials> = {
        alice: { kucoin: { apiKey: 'alice-kc-key', apiSecret: 'alice-kc-SECRET-value', apiPassphrase: 'alice-PASS' } },
        bob: {},
      };
      const lines: string[] = [];
      const { venue, proxy } = await setUp((venueUrl) => ({
        // No keys of the proxy's own: each caller brings theirs.
        kucoin: { baseUrl: venueUrl },
        credentials: async (caller) => {
          looked.push(caller);
          return keys[caller];
        },
        log: (line) => lines.push(line),
      }));
      try {
        const target = '/kucoin/api/v3/margin/borrow?currency=USDT';
        const first = await rawRequest(proxy.url, { method: 'GET', target, headers: bearer(TOKENS.alice) });
        assert.equal(first.status, 200, first.body);
        await rawRequest(proxy.url, { method: 'GET', target, headers: bearer(TOKENS.alice) });
        const sent = venue.calls.at(-1)!;
        assert.equal(sent.headers['kc-api-key'], 'alice-kc-key');
        assert.equal(sent.headers['kc-api-sign'], hmacBase64('alice-kc-SECRET-value', `${String(sent.headers['kc-api-timestamp'])}GET/api/v3/margin/borrow?currency=USDT`));
        assert.equal(sent.headers['kc-api-passphrase'], hmacBase64('alice-kc-SECRET-value', 'alice-PASS'));
        const refused = await rawRequest(proxy.url, { method: 'GET', target, headers: bearer(TOKENS.bob) });
        assert.equal(refused.status, 503);
        assert.equal(JSON.parse(refused.body).error, 'venue_not_configured');
        assert.deepEqual(looked, ['alice', 'bob'], 'one look-up per caller within the TTL');
        const everything = lines.join('\n') + first.body + refused.body + JSON.stringify(first.headers);
        for (const secret of ['alice-kc-SECRET-value', 'alice-PASS', 'alice-kc-key']) assert.ok(!everything.includes(secret), secret);
      } finally {
        await proxy.close();
      }
    });
  });
}
