/**
 * A token bucket per caller, in memory: the default RateLimitStore. Each proxy instance counts
 * its own callers, so behind a load balancer the limit applies per instance; a shared store
 * (src/node/redis-rate-limit.ts) makes instances agree.
 */
import type { RateLimitDecision, RateLimitOptions, RateLimitStore } from './types.js';

interface Bucket {
  tokens: number;
  at: number;
}

export type { RateLimitDecision };

/** Throws on limits no bucket can honour; shared by every store. */
export function checkRateLimitOptions(options: RateLimitOptions): void {
  if (!(options.capacity >= 1) || !(options.refillPerSecond > 0)) {
    throw new TypeError('rateLimit needs capacity >= 1 and refillPerSecond > 0.');
  }
}

/** Buckets kept before full (idle) ones are dropped: a full bucket and a missing one are the same. */
const PRUNE_AT = 10_000;

export class RateLimiter implements RateLimitStore {
  private readonly capacity: number;
  private readonly refillPerMs: number;
  private readonly now: () => number;
  private readonly buckets = new Map<string, Bucket>();

  constructor(options: RateLimitOptions, now: () => number) {
    checkRateLimitOptions(options);
    this.capacity = options.capacity;
    this.refillPerMs = options.refillPerSecond / 1000;
    this.now = now;
  }

  /** Takes one token from the caller's bucket, or says how long until there is one. */
  take(caller: string): RateLimitDecision {
    const now = this.now();
    let bucket = this.buckets.get(caller);
    if (bucket) this.refill(bucket, now);
    else {
      bucket = { tokens: this.capacity, at: now };
      this.buckets.set(caller, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      if (this.buckets.size > PRUNE_AT) this.prune(now);
      return OK;
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000)) };
  }

  /** Brings a bucket up to `now`, in place. */
  private refill(bucket: Bucket, now: number): void {
    // A clock that steps back gives nothing back and takes nothing away.
    const elapsed = Math.max(0, now - bucket.at);
    bucket.tokens = Math.min(this.capacity, bucket.tokens + elapsed * this.refillPerMs);
    bucket.at = Math.max(now, bucket.at);
  }

  private prune(now: number): void {
    for (const [caller, bucket] of this.buckets) {
      this.refill(bucket, now);
      if (bucket.tokens >= this.capacity) this.buckets.delete(caller);
    }
  }
}

const OK: RateLimitDecision = Object.freeze({ ok: true });
