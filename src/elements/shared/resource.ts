/**
 * What a shared venue resource is (its hub key, loader, cache time and poll floor) and how elements
 * read and poll one, apart from the declarations in resources.ts: this module imports no endpoint,
 * so an element's chunk in the CDN build can depend on it without the Decimal-based client
 * (resources.ts re-exports all of it).
 */
import type { MarginConnection } from '../../client/connection.js';
import type { Transport } from '../../client/transport.js';

export interface Resource<T> {
  /** The hub key: one cache entry and one poll per key and connection. */
  readonly key: string;
  /** How long a cached copy serves readers of reference data (`read`). */
  readonly ttlMs: number;
  /** The fastest a poll of it may run, whatever `poll-interval` asks: below it we only spend the venue's rate limit. */
  readonly minIntervalMs: number;
  /**
   * Reference data (the loan market, BitMart's pairs: rates move hourly): polls read through the
   * cache, so the page asks the venue at most once per `ttlMs` whatever the elements' intervals.
   */
  readonly reference?: boolean;
  load(transport: Transport, signal?: AbortSignal): Promise<T>;
}

/** Symbols, config and market lists change rarely: one load serves every element for a minute. */
export const REFERENCE_TTL_MS = 60_000;
/** The kit's default poll of live data. */
export const DEFAULT_POLL_MS = 5_000;

// Declaring a resource has no effect: a bundle keeps only the resources its element reads (no decimal.js in the ticker).
/* @__NO_SIDE_EFFECTS__ */
export function resource<T>(key: string, load: Resource<T>['load'], options: Partial<Pick<Resource<T>, 'ttlMs' | 'minIntervalMs' | 'reference'>> = {}): Resource<T> {
  return { key, load, ttlMs: options.ttlMs ?? REFERENCE_TTL_MS, minIntervalMs: options.minIntervalMs ?? 1_000, reference: options.reference ?? false };
}

/**
 * A resource that depends on a parameter (a symbol, a currency, a trade type): one declaration,
 * a key per parameter value.
 */
/* @__NO_SIDE_EFFECTS__ */
export function resourceFamily<P, T>(
  prefix: string,
  keyOf: (params: P) => string,
  load: (transport: Transport, params: P, signal?: AbortSignal) => Promise<T>,
  options: Partial<Pick<Resource<T>, 'ttlMs' | 'minIntervalMs'>> = {},
): (params: P) => Resource<T> {
  return (params) => resource(`${prefix}:${keyOf(params)}`, (transport, signal) => load(transport, params, signal), options);
}

/** Reads reference data through the page's cache: one request for every element while it is pending. */
export function read<T>(connection: MarginConnection, resource: Resource<T>, signal?: AbortSignal): Promise<T> {
  return connection.hub.cached(resource.key, resource.ttlMs, () => resource.load(connection.transport), signal);
}

/** Forgets a cached copy after an action changed it (a purchase changes the loan market). */
export function invalidate(connection: MarginConnection, resource: Resource<unknown>): void {
  connection.hub.invalidate(resource.key);
}

/** A poll interval the resource allows: the element's `poll-interval`, or the default, never below the resource's floor. */
export function pollIntervalFor(resource: Resource<unknown>, requestedMs: number | null | undefined, defaultMs = DEFAULT_POLL_MS): number {
  const wanted = requestedMs === null || requestedMs === undefined || !Number.isFinite(requestedMs) || requestedMs <= 0 ? defaultMs : requestedMs;
  return Math.max(resource.minIntervalMs, Math.round(wanted));
}
