/**
 * A token bucket per caller, in memory: each proxy instance counts its own callers, so behind a
 * load balancer the limit applies per instance.
 */
import type { RateLimitOptions } from './types.js';

interface Bucket {
  tokens: number;
  at: number;
}

export type RateLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Buckets kept before full (idle) ones are dropped: a full bucket and a missing one are the same. */
const PRUNE_AT = 10_000;

export class RateLimiter {
  private readonly capacity: number;
  private readonly refillPerMs: number;
  private readonly now: () => number;
  private readonly buckets = new Map<string, Bucket>();

  constructor(options: RateLimitOptions, now: () => number) {
    if (!(options.capacity >= 1) || !(options.refillPerSecond > 0)) {
      throw new TypeError('rateLimit needs capacity >= 1 and refillPerSecond > 0.');
    }
    this.capacity = options.capacity;
    this.refillPerMs = options.refillPerSecond / 1000;
    this.now = now;
  }

  /** Takes one token from the caller's bucket, or says how long until there is one. */
  take(caller: string): RateLimitDecision {
    const now = this.now();
    const bucket = this.refill(this.buckets.get(caller), now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(caller, bucket);
      if (this.buckets.size > PRUNE_AT) this.prune(now);
      return { ok: true };
    }
    this.buckets.set(caller, bucket);
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000)) };
  }

  private refill(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.capacity, at: now };
    // A clock that steps back gives nothing back and takes nothing away.
    const elapsed = Math.max(0, now - bucket.at);
    return { tokens: Math.min(this.capacity, bucket.tokens + elapsed * this.refillPerMs), at: Math.max(now, bucket.at) };
  }

  private prune(now: number): void {
    for (const [caller, bucket] of this.buckets) {
      if (this.refill(bucket, now).tokens >= this.capacity) this.buckets.delete(caller);
    }
  }
}
