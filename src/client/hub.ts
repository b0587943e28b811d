import { RateLimitError } from './errors.js';

/** Time as the hub sees it; tests swap in a fake one. */
export interface HubClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Whether the page is hidden, and a way to hear when that changes. */
export interface HubVisibility {
  isHidden(): boolean;
  subscribe(onChange: () => void): () => void;
}

export interface HubOptions {
  clock?: HubClock;
  visibility?: HubVisibility;
  /** Longest wait between attempts while a resource keeps failing (default 60 s). */
  maxBackoffMs?: number;
}

/** What a subscriber sees of a polled resource. */
export interface PollState<T> {
  /** The last value loaded, kept through later failures. */
  value: T | undefined;
  /** The last attempt's error, cleared by the next success. */
  error: unknown;
  /** A request is in flight. */
  loading: boolean;
  /** There is a value, but the last attempt failed or it is older than three intervals. */
  stale: boolean;
  /** Clock time of the last success. */
  updatedAt: number | undefined;
}

export interface PollSubscription {
  /** Stop listening; the last subscriber out stops the timer and aborts the request in flight. */
  unsubscribe(): void;
  /** An inactive subscriber (off-screen element) does not keep the poll running. */
  setActive(active: boolean): void;
  /** Load now (a retry button), unless a request is already in flight. */
  refresh(): void;
}

export type Loader<T> = (signal: AbortSignal) => Promise<T>;

const realClock: HubClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const documentVisibility: HubVisibility = {
  isHidden: () => typeof document !== 'undefined' && document.hidden,
  subscribe(onChange) {
    if (typeof document === 'undefined') return () => {};
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  },
};

interface Subscriber<T> {
  listener: (state: PollState<T>) => void;
  intervalMs: number;
  active: boolean;
}

class PolledResource<T> {
  readonly subscribers = new Set<Subscriber<T>>();
  private value: T | undefined;
  private error: unknown;
  private updatedAt: number | undefined;
  private lastAttemptAt: number | undefined;
  private failures = 0;
  private retryAfterMs = 0;
  private inFlight: AbortController | undefined;
  private timer: unknown;
  private loader: Loader<T>;

  constructor(
    loader: Loader<T>,
    private readonly clock: HubClock,
    private readonly visibility: HubVisibility,
    private readonly maxBackoffMs: number,
  ) {
    this.loader = loader;
  }

  /** The shortest interval any active subscriber asked for. */
  private interval(): number | undefined {
    let shortest: number | undefined;
    for (const s of this.subscribers) if (s.active) shortest = Math.min(shortest ?? Infinity, s.intervalMs);
    return shortest;
  }

  private delay(interval: number): number {
    if (this.failures === 0) return interval;
    const backoff = Math.min(this.maxBackoffMs, interval * 2 ** this.failures);
    return Math.max(backoff, this.retryAfterMs);
  }

  state(): PollState<T> {
    const interval = this.interval() ?? Infinity;
    const old = this.updatedAt !== undefined && this.clock.now() - this.updatedAt > 3 * interval;
    return {
      value: this.value,
      error: this.error,
      loading: this.inFlight !== undefined,
      stale: this.value !== undefined && (this.error !== undefined || old),
      updatedAt: this.updatedAt,
    };
  }

  private notify(): void {
    const state = this.state();
    for (const s of [...this.subscribers]) s.listener(state);
  }

  /** Sets or clears the single timer to match subscribers, visibility and backoff. */
  schedule(): void {
    if (this.timer !== undefined) {
      this.clock.clearTimeout(this.timer);
      this.timer = undefined;
    }
    const interval = this.interval();
    if (interval === undefined || this.visibility.isHidden() || this.inFlight) return;
    const due = this.lastAttemptAt === undefined ? 0 : this.lastAttemptAt + this.delay(interval) - this.clock.now();
    if (due <= 0) {
      void this.load();
      return;
    }
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      void this.load();
    }, due);
  }

  async load(): Promise<void> {
    if (this.inFlight) return;
    const controller = new AbortController();
    this.inFlight = controller;
    const previousAttemptAt = this.lastAttemptAt;
    this.lastAttemptAt = this.clock.now();
    this.notify();
    try {
      const value = await this.loader(controller.signal);
      if (controller.signal.aborted) {
        // Stopped before it finished: it does not count as an attempt, so resuming loads at once.
        this.lastAttemptAt = previousAttemptAt;
        return;
      }
      this.value = value;
      this.error = undefined;
      this.updatedAt = this.clock.now();
      this.failures = 0;
      this.retryAfterMs = 0;
    } catch (error) {
      if (controller.signal.aborted) {
        this.lastAttemptAt = previousAttemptAt;
        return;
      }
      this.error = error;
      this.failures += 1;
      this.retryAfterMs = error instanceof RateLimitError ? (error.retryAfterMs ?? 0) : 0;
    } finally {
      if (this.inFlight === controller) this.inFlight = undefined;
    }
    this.notify();
    this.schedule();
  }

  get hasTimer(): boolean {
    return this.timer !== undefined;
  }

  /** No more re-polls; a load in flight finishes. */
  pause(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  stop(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.inFlight?.abort();
    this.inFlight = undefined;
  }
}

/**
 * Shared loading for every element on a page that uses one client: N subscribers of a key
 * make one timer and at most one request in flight; reference data is fetched once per TTL.
 */
export class Hub {
  /** The hub's clock: elements time their own waits by it, so tests move them with the polls. */
  readonly clock: HubClock;
  private readonly visibility: HubVisibility;
  private readonly maxBackoffMs: number;
  private readonly polls = new Map<string, PolledResource<unknown>>();
  private readonly cache = new Map<string, { value?: unknown; expiresAt: number; pending?: Promise<unknown> }>();
  private unsubscribeVisibility: (() => void) | undefined;

  constructor(options: HubOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.visibility = options.visibility ?? documentVisibility;
    this.maxBackoffMs = options.maxBackoffMs ?? 60_000;
  }

  /**
   * Subscribes to a polled resource. The listener gets the current state at once (a late
   * subscriber sees the last value), then after every attempt. The loader given by the first
   * subscriber of a key is the one used.
   */
  poll<T>(key: string, loader: Loader<T>, intervalMs: number, listener: (state: PollState<T>) => void): PollSubscription {
    let resource = this.polls.get(key) as PolledResource<T> | undefined;
    if (!resource) {
      resource = new PolledResource<T>(loader, this.clock, this.visibility, this.maxBackoffMs);
      this.polls.set(key, resource as PolledResource<unknown>);
    }
    const subscriber: Subscriber<T> = { listener, intervalMs, active: true };
    resource.subscribers.add(subscriber);
    this.watchVisibility();
    listener(resource.state());
    resource.schedule();
    const owned = resource;
    return {
      unsubscribe: () => {
        owned.subscribers.delete(subscriber);
        if (owned.subscribers.size === 0) owned.stop();
        else owned.schedule();
        this.releaseVisibility();
      },
      setActive: (active) => {
        if (subscriber.active === active) return;
        subscriber.active = active;
        // Pausing stops re-polls only: a load on its way (the first one of an element below the
        // fold) still lands and renders.
        if (![...owned.subscribers].some((s) => s.active)) owned.pause();
        owned.schedule();
      },
      refresh: () => void owned.load(),
    };
  }

  /** Timers running now: one per polled key with an active subscriber at most. */
  get activeTimers(): number {
    return [...this.polls.values()].filter((p) => p.hasTimer).length;
  }

  /**
   * Reference data (symbols, margin config, loan market): one request for all callers while it
   * is pending, then the value for `ttlMs`. Failures are not cached. A caller's signal abandons
   * its own wait, never the shared request.
   */
  async cached<T>(key: string, ttlMs: number, loader: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const now = this.clock.now();
    let entry = this.cache.get(key);
    if (entry && !entry.pending && entry.expiresAt > now) return entry.value as T;
    if (!entry?.pending) {
      const pending = loader().then(
        (value) => {
          this.cache.set(key, { value, expiresAt: this.clock.now() + ttlMs });
          return value;
        },
        (error: unknown) => {
          this.cache.delete(key);
          throw error;
        },
      );
      entry = { expiresAt: 0, pending };
      this.cache.set(key, entry);
    }
    const pending = entry.pending as Promise<T>;
    if (!signal) return pending;
    return new Promise<T>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** Forget a cached value (after an action changed it, e.g. a purchase changes the loan market). */
  invalidate(key: string): void {
    this.cache.delete(key);
  }

  private watchVisibility(): void {
    if (this.unsubscribeVisibility) return;
    this.unsubscribeVisibility = this.visibility.subscribe(() => {
      for (const resource of this.polls.values()) {
        if (this.visibility.isHidden()) resource.stop();
        else resource.schedule();
      }
    });
  }

  private releaseVisibility(): void {
    if ([...this.polls.values()].some((p) => p.subscribers.size > 0)) return;
    this.unsubscribeVisibility?.();
    this.unsubscribeVisibility = undefined;
  }
}
