/**
 * Where a placed order stands, read from "Get Order By OrderId", and the loop that follows it
 * until it is done. No DOM.
 */
import type { MarginOrder } from '../../client/kucoin/orders.js';
import { RateLimitError } from '../../client/errors.js';

export type OrderStatus =
  /** Resting in the book, nothing filled. */
  | 'open'
  /** Still active, part filled. */
  | 'partially-filled'
  /** Done, all filled. */
  | 'filled'
  /** Done, part filled, the rest cancelled (IOC, a cancel, a market order's remainder). */
  | 'partially-filled-cancelled'
  /** Done, nothing filled. */
  | 'cancelled';

export type StatusFields = Pick<MarginOrder, 'active' | 'dealSize' | 'dealFunds' | 'cancelExist'>;

export function orderStatus(order: StatusFields): OrderStatus {
  const filledSome = order.dealSize.gt(0) || order.dealFunds.gt(0);
  if (order.active) return filledSome ? 'partially-filled' : 'open';
  if (!filledSome) return 'cancelled';
  return order.cancelExist ? 'partially-filled-cancelled' : 'filled';
}

export function isDone(status: OrderStatus): boolean {
  return status === 'filled' || status === 'partially-filled-cancelled' || status === 'cancelled';
}

/** Done with something filled: what `margin-order-filled` reports. */
export function hasFilled(status: OrderStatus): boolean {
  return status === 'filled' || status === 'partially-filled-cancelled';
}

export interface TrackOptions {
  /** "Get Order By OrderId". */
  load(signal: AbortSignal): Promise<MarginOrder>;
  /** Between reads while the order is active (and the base of the backoff after errors). */
  intervalMs: number;
  maxBackoffMs?: number;
  signal: AbortSignal;
  onUpdate(order: MarginOrder, status: OrderStatus): void;
  onError?(error: unknown): void;
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
}

function sleepFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Reads the order now, then every `intervalMs` until it is done (resolves with its last state)
 * or the signal aborts (resolves undefined). Errors back off and keep trying: a status that
 * cannot be read now can be read later.
 */
export async function trackOrder(options: TrackOptions): Promise<{ order: MarginOrder; status: OrderStatus } | undefined> {
  const sleep = options.sleep ?? sleepFor;
  const maxBackoff = options.maxBackoffMs ?? 30_000;
  let failures = 0;
  let wait = 0;
  while (!options.signal.aborted) {
    if (wait > 0) {
      try {
        await sleep(wait, options.signal);
      } catch {
        return undefined;
      }
    }
    try {
      const order = await options.load(options.signal);
      if (options.signal.aborted) return undefined;
      failures = 0;
      const status = orderStatus(order);
      options.onUpdate(order, status);
      if (isDone(status)) return { order, status };
      wait = options.intervalMs;
    } catch (error) {
      if (options.signal.aborted) return undefined;
      failures += 1;
      options.onError?.(error);
      wait = Math.min(maxBackoff, options.intervalMs * 2 ** failures);
      if (error instanceof RateLimitError && error.retryAfterMs !== undefined) wait = Math.max(wait, error.retryAfterMs);
    }
  }
  return undefined;
}
