/**
 * The Redis rate-limit store against a real redis-server (Debian's package; .ci/run installs
 * it): two proxy instances, one per adapter, spend from one budget per caller.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createRedisRateLimitStore, type RedisRateLimitStore } from '../../../src/node/redis-rate-limit.js';
import { ADAPTERS, offLoopbackAttempts, rawRequest, startCaptureServer, type CaptureServer, type ServedProxy } from './helpers.js';

const REDIS = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
const missing = REDIS === '' ? 'redis-server is not installed (apt-get install -y redis-server)' : undefined;
if (missing && process.env.CI === 'true') throw new Error(`CI: ${missing}`);

/** A port that was free a moment ago (redis-server has no "--port 0"). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startRedis(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
  return { url: `redis://127.0.0.1:${port}`, process: child };
}

const TOKENS = { alice: 'alice-token-TEST-0123456789', bob: 'bob-token-TEST-0123456789ab' };

describe('rate limits shared through Redis', { skip: missing }, () => {
  let redis: { url: string; process: ChildProcess };
  let venue: CaptureServer;
  const stores: RedisRateLimitStore[] = [];
  const proxies: ServedProxy[] = [];

  before(async () => {
    redis = await startRedis();
    venue = await startCaptureServer();
  });
  after(async () => {
    await Promise.all(proxies.map((proxy) => proxy.close()));
    await Promise.all(stores.map((store) => store.close()));
    await venue.close();
    redis.process.kill();
    assert.deepEqual(offLoopbackAttempts, []);
  });

  async function instances(prefix: string, capacity: number) {
    return Promise.all(
      ADAPTERS.map(async (adapter) => {
        // One Redis connection per instance, as two machines would have.
        const store = createRedisRateLimitStore({ url: redis.url, prefix, capacity, refillPerSecond: 0.01 });
        stores.push(store);
        const proxy = await adapter.serve({ kucoin: { baseUrl: venue.url }, tokens: TOKENS, rateLimitStore: store, log: false });
        proxies.push(proxy);
        return proxy;
      }),
    );
  }

  const get = (url: string, token: string) =>
    rawRequest(url, { method: 'GET', target: '/kucoin/api/v3/margin/symbols', headers: { authorization: `Bearer ${token}` } });

  test('two instances (one per adapter) share one budget per caller, and callers do not share', async () => {
    const [a, b] = await instances('t1:', 5);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await get((i % 2 === 0 ? a : b)!.url, TOKENS.alice)).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200]);
    const over = await get(b!.url, TOKENS.alice);
    assert.equal(over.status, 429, 'the sixth call, on either instance, is over the shared budget');
    assert.equal(JSON.parse(over.body).error, 'rate_limited');
    assert.match(String(over.headers['retry-after']), /^\d+$/);
    assert.equal((await get(a!.url, TOKENS.alice)).status, 429);
    // Each instance alone would have allowed five: the budget really is shared.
    assert.equal((await get(a!.url, TOKENS.bob)).status, 200, 'bob has his own bucket');
  });

  test('concurrent takes never overspend (the Lua script is atomic)', async () => {
    const [a, b] = await instances('t2:', 10);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => get((i % 2 === 0 ? a : b)!.url, TOKENS.alice)));
    assert.equal(answers.filter((answer) => answer.status === 200).length, 10);
    assert.equal(answers.filter((answer) => answer.status === 429).length, 20);
  });

  test('a Redis that cannot be reached fails closed with 503 rate_limit_unavailable', async () => {
    const store = createRedisRateLimitStore({ url: `redis://127.0.0.1:${await freePort()}`, capacity: 5, refillPerSecond: 1, commandTimeoutMs: 200 });
    stores.push(store);
    const proxy = await ADAPTERS[1]!.serve({ kucoin: { baseUrl: venue.url }, tokens: TOKENS, rateLimitStore: store, log: false });
    proxies.push(proxy);
    const before = venue.calls.length;
    const answer = await get(proxy.url, TOKENS.alice);
    assert.equal(answer.status, 503);
    assert.equal(JSON.parse(answer.body).error, 'rate_limit_unavailable');
    assert.equal(venue.calls.length, before, 'nothing forwarded');
  });
});
