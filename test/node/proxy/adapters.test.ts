/**
 * What the two Node adapters of the proxy core must agree on beyond the refusal table: repeated
 * headers, a caller that goes away, compressed venue answers, unread bodies, the authorize hook.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { after, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { ProxyLogEntry, SigningProxyOptions } from '../../../src/proxy/index.js';
import { ADAPTERS, hmacBase64, offLoopbackAttempts, rawRequest, startCaptureServer, type Answer, type Captured, type CaptureServer } from './helpers.js';

const TOKEN = 'adapter-token-TEST-0123456789ab';
const auth = { authorization: `Bearer ${TOKEN}` };

/** Sends bytes as they are (repeated headers, HTTP/1.0) and returns the whole answer as text. */
function rawExchange(url: string, text: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    // Written, not ended: the server closes the connection after its answer (HTTP/1.0, or Connection: close).
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

for (const adapter of ADAPTERS) {
  describe(`proxy on Node (${adapter.name})`, () => {
    const venues: CaptureServer[] = [];
    after(async () => {
      await Promise.all(venues.map((venue) => venue.close()));
      assert.deepEqual(offLoopbackAttempts, []);
    });

    async function setUp(answer: (call: Captured) => Answer = () => ({}), options: Partial<SigningProxyOptions> = {}) {
      const venue = await startCaptureServer(answer);
      venues.push(venue);
      const entries: ProxyLogEntry[] = [];
      const proxy = await adapter.serve({
        kucoin: { apiKey: 'kc-key', apiSecret: 'kc-secret', apiPassphrase: 'kc-pass', baseUrl: venue.url },
        token: TOKEN,
        log: (_line, entry) => entries.push(entry),
        ...options,
      });
      return { venue, proxy, entries };
    }

    test('a repeated Host is judged as one joined value, and refused', async () => {
      const { venue, proxy } = await setUp();
      try {
        const answer = await rawExchange(
          proxy.url,
          `GET /kucoin/api/v3/margin/symbols HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: attacker.example\r\nAuthorization: Bearer ${TOKEN}\r\nConnection: close\r\n\r\n`,
        );
        assert.match(answer, /^HTTP\/1\.1 403 /);
        assert.match(answer, /"error":"host"/);
        assert.equal(venue.calls.length, 0);
      } finally {
        await proxy.close();
      }
    });

    test('HTTP/1.0 without Host is judged by the address it reached', async () => {
      const { venue, proxy } = await setUp();
      try {
        const answer = await rawExchange(proxy.url, `GET /kucoin/api/v3/margin/symbols HTTP/1.0\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`);
        assert.match(answer, /^HTTP\/1\.[01] 200 /);
        assert.equal(venue.calls.length, 1);
      } finally {
        await proxy.close();
      }
    });

    test('a gzip answer from the venue reaches the caller decoded', async () => {
      const body = '{"code":"200000","data":{"zipped":true}}';
      const { proxy } = await setUp(() => ({ headers: { 'content-encoding': 'gzip' }, body: gzipSync(body) as unknown as string }));
      try {
        const response = await rawRequest(proxy.url, { method: 'GET', target: '/kucoin/api/v3/margin/symbols', headers: auth });
        assert.equal(response.status, 200);
        assert.equal(response.body, body);
        assert.equal(response.headers['content-encoding'], undefined);
        assert.equal(response.headers['content-length'], String(Buffer.byteLength(body)));
      } finally {
        await proxy.close();
      }
    });

    test('a caller that goes away stops the venue call, and the log says client_closed', async () => {
      const { venue, proxy, entries } = await setUp(() => ({ hang: true }));
      try {
        const { hostname, port } = new URL(proxy.url);
        const gone = new Promise<void>((resolve) => {
          const req = httpRequest({ host: hostname, port, path: '/kucoin/api/v3/margin/symbols', headers: auth, agent: false });
          req.on('error', () => resolve());
          req.end();
          const poll = setInterval(() => {
            if (venue.calls.length > 0) {
              clearInterval(poll);
              req.destroy();
              resolve();
            }
          }, 5);
        });
        await gone;
        const deadline = Date.now() + 5_000;
        while (entries.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
        assert.equal(entries.at(-1)?.status, 499);
        assert.equal(entries.at(-1)?.error, 'client_closed');
      } finally {
        await proxy.close();
      }
    });

    test('each of several calls to a venue that never answers times out, and so does a later one', async () => {
      const { proxy, entries } = await setUp(() => ({ hang: true }), { upstreamTimeoutMs: 100 });
      try {
        const send = () => rawRequest(proxy.url, { method: 'GET', target: '/kucoin/api/v3/margin/symbols', headers: auth });
        const started = Date.now();
        const first = await Promise.all([send(), send(), send()]);
        for (const response of first) {
          assert.equal(response.status, 504);
          assert.equal(JSON.parse(response.body).error, 'upstream_timeout');
        }
        assert.ok(Date.now() - started < 5_000);
        const later = await send();
        assert.equal(later.status, 504);
        assert.equal(entries.filter((entry) => entry.error === 'upstream_timeout').length, 4);
      } finally {
        await proxy.close();
      }
    });

    test('a refused POST whose chunked body was never read ends its connection', async () => {
      const { venue, proxy } = await setUp();
      try {
        const { hostname, port } = new URL(proxy.url);
        const answer = await new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
          const req = httpRequest(
            { host: hostname, port, method: 'POST', path: '/kucoin/api/v3/margin/borrow', headers: { 'content-type': 'application/json' }, agent: false },
            (res) => {
              res.resume();
              resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
              req.destroy();
            },
          );
          req.on('error', reject);
          // A body that keeps coming, past what a server would read ahead: refused (no token) unread.
          req.write(`{"currency":"USDT","pad":"${'x'.repeat(100 * 1024)}`);
        });
        assert.equal(answer.status, 401);
        assert.equal(answer.connection, 'close');
        assert.equal(venue.calls.length, 0);
      } finally {
        await proxy.close();
      }
    });

    test('bodies decode as UTF-8 alike: a leading BOM is dropped, malformed bytes are refused', async () => {
      const { venue, proxy } = await setUp();
      try {
        const headers = { ...auth, 'content-type': 'application/json' };
        const json = '{"currency":"USDT","size":"1"}';
        const bom = await rawRequest(proxy.url, { method: 'POST', target: '/kucoin/api/v3/margin/borrow', headers, body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]) });
        assert.equal(bom.status, 200);
        assert.equal(venue.calls.at(-1)!.body, json);
        const bad = await rawRequest(proxy.url, { method: 'POST', target: '/kucoin/api/v3/margin/borrow', headers, body: Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]) });
        assert.equal(bad.status, 400);
        assert.equal(JSON.parse(bad.body).error, 'bad_body');
        assert.equal(venue.calls.length, 1);
      } finally {
        await proxy.close();
      }
    });

    test('a body is signed and sent as the proxy read it: one spelling, one value per key', async () => {
      const { venue, proxy } = await setUp();
      try {
        const headers = { ...auth, 'content-type': 'application/json' };
        const spaced = '{ "currency": "USDT", "currency": "BTC", "size": "0.5" }';
        assert.equal((await rawRequest(proxy.url, { method: 'POST', target: '/kucoin/api/v3/margin/borrow', headers, body: spaced })).status, 200);
        const sent = venue.calls.at(-1)!;
        assert.equal(sent.body, '{"currency":"BTC","size":"0.5"}');
        assert.equal(sent.headers['kc-api-sign'], hmacBase64('kc-secret', `${String(sent.headers['kc-api-timestamp'])}POST/api/v3/margin/borrow${sent.body}`));
      } finally {
        await proxy.close();
      }
    });

    test('the authorize hook gets the caller as a Request', async () => {
      const seen: { url: string; method: string; cookie: string | null }[] = [];
      const { venue, proxy, entries } = await setUp(() => ({}), {
        token: undefined,
        authorize: (request) => {
          seen.push({ url: request.url, method: request.method, cookie: request.headers.get('cookie') });
          return request.headers.get('cookie') === 'session=alice' ? 'alice' : false;
        },
      });
      try {
        const target = '/kucoin/api/v3/margin/symbols?symbol=BTC-USDT';
        assert.equal((await rawRequest(proxy.url, { method: 'GET', target, headers: { cookie: 'session=alice' } })).status, 200);
        assert.equal((await rawRequest(proxy.url, { method: 'GET', target, headers: { cookie: 'session=mallory' } })).status, 401);
        assert.equal(seen.length, 2);
        assert.equal(new URL(seen[0]!.url).pathname + new URL(seen[0]!.url).search, target);
        assert.equal(seen[0]!.method, 'GET');
        assert.equal(entries[0]!.caller, 'alice');
        assert.equal(venue.calls.length, 1);
      } finally {
        await proxy.close();
      }
    });
  });
}
