/**
 * Per-caller token buckets in Redis, so every proxy instance behind a load balancer spends from
 * one budget per caller. One Lua script takes a token atomically (read, refill, take, write in
 * one step on the server, which no two instances can interleave) and uses the server's clock,
 * so instances with drifting clocks still agree.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { checkRateLimitOptions } from '../proxy/rate-limit.js';
import type { RateLimitDecision, RateLimitOptions, RateLimitStore } from '../proxy/types.js';

/**
 * KEYS[1] the caller's bucket; ARGV capacity, tokens back per millisecond.
 * Returns { 1, 0 } when a token was taken, { 0, ms until one is back } when not.
 */
const TAKE = `
local capacity = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = capacity
  at = now
end
if now > at then
  tokens = math.min(capacity, tokens + (now - at) * per_ms)
  at = now
end
local taken = 0
if tokens >= 1 then
  tokens = tokens - 1
  taken = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
-- A bucket refills in capacity / per_ms: after that a missing key and a full bucket are the same.
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / per_ms) + 1000)
if taken == 1 then return {1, 0} end
return {0, math.ceil((1 - tokens) / per_ms)}
`;

export interface RedisRateLimitOptions extends RateLimitOptions {
  /** `redis://host:6379/0` (PROXY_REDIS_URL), or a client of your own. */
  url?: string;
  client?: Redis;
  /** Key prefix, so several proxies (or apps) can share one Redis. Default `margin-kit:rl:`. */
  prefix?: string;
  /** Longest wait for Redis per request before the proxy answers 503. Default 500 ms. */
  commandTimeoutMs?: number;
}

export interface RedisRateLimitStore extends RateLimitStore {
  /** Closes the connection this store opened (not a client you gave it). */
  close(): Promise<void>;
}

type TakeCommand = (key: string, capacity: number, perMs: number) => Promise<[number, number]>;

export function createRedisRateLimitStore(options: RedisRateLimitOptions): RedisRateLimitStore {
  checkRateLimitOptions(options);
  if ((options.url === undefined) === (options.client === undefined)) throw new TypeError('Give the Redis store a url or a client.');
  const clientOptions: RedisOptions = {
    commandTimeout: options.commandTimeoutMs ?? 500,
    maxRetriesPerRequest: 1,
    // Requests made while connecting wait for the connection, at most commandTimeout.
    enableOfflineQueue: true,
    lazyConnect: false,
  };
  const own = options.client === undefined;
  const client = options.client ?? new Redis(options.url!, clientOptions);
  // A dropped connection is reported per request (503); an unhandled 'error' event would crash the process.
  if (own) client.on('error', () => {});
  client.defineCommand('marginKitTake', { numberOfKeys: 1, lua: TAKE });
  const take = (client as unknown as { marginKitTake: TakeCommand }).marginKitTake.bind(client);
  const prefix = options.prefix ?? 'margin-kit:rl:';
  const perMs = options.refillPerSecond / 1000;
  return {
    async take(caller): Promise<RateLimitDecision> {
      const [taken, waitMs] = await take(prefix + caller, options.capacity, perMs);
      return taken === 1 ? OK : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    },
    async close() {
      if (own) await client.quit().catch(() => client.disconnect());
    },
  };
}

const OK: RateLimitDecision = Object.freeze({ ok: true });
