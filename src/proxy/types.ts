import type { Venue } from '../core/endpoints.js';

/** KuCoin API credentials. Key versions 2 and 3 both send the passphrase HMAC'd, never in clear. */
export interface KucoinCredentials {
  apiKey: string;
  apiSecret: string;
  apiPassphrase: string;
  /** Default `'3'`. */
  apiKeyVersion?: '2' | '3';
}

/**
 * KuCoin: the three keys, or none of them (then only public market data is served, from
 * `baseUrl`).
 */
export type KucoinOptions = (KucoinCredentials | { apiKey?: undefined; apiSecret?: undefined; apiPassphrase?: undefined; apiKeyVersion?: undefined }) & {
  /** Default `https://api.kucoin.com`. An origin only: no path, query or fragment. */
  baseUrl?: string;
};

/** BitMart API credentials: the memo is the one chosen when the key was created. */
export interface BitmartCredentials {
  apiKey: string;
  apiSecret: string;
  memo: string;
  /** Default `https://api-cloud.bitmart.com`. An origin only: no path, query or fragment. */
  baseUrl?: string;
}

/** A caller's own venue keys, from `credentials(callerId)`. */
export interface CallerCredentials {
  kucoin?: KucoinCredentials;
  bitmart?: Omit<BitmartCredentials, 'baseUrl'>;
}

/**
 * Resolves the venue keys of one caller (platforms whose users bring their own keys). Called at
 * most once per caller per `credentialsTtlMs`; the keys are never logged or echoed. Resolve to
 * `undefined` (or leave a venue out) for a caller without keys: its private calls answer 503.
 */
export type ResolveCredentials = (callerId: string) => Promise<CallerCredentials | undefined>;

/** Where per-caller token buckets live: memory (one instance) or a shared store (Redis) for many. */
export interface RateLimitStore {
  /** Takes one token from the caller's bucket, or says how long until there is one. */
  take(caller: string): RateLimitDecision | Promise<RateLimitDecision>;
}

export type RateLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * What the proxy counts, for `/metrics`. The node adapter records into prom-client, the fetch
 * handler into a small exposition of its own (metrics.ts); `render` writes the text format.
 */
export interface ProxyMetrics {
  /** A request has started (in-flight gauge; `answered` ends it). */
  started(): void;
  /** One answered request. `route` is an allow-list template (bounded), `caller` a bounded label. */
  answered(venue: string, route: string, status: number, caller: string, refusal: string | undefined): void;
  /** One venue call's time, successful or not. */
  upstream(venue: string, route: string, seconds: number): void;
  /** The Prometheus text exposition. */
  render(): string | Promise<string>;
  readonly contentType: string;
}

/** What a server adapter knows about a request beyond the `Request` itself. */
export interface ProxyRequestInfo {
  /**
   * The request target exactly as it arrived (`/kucoin/api/..?a=1`), before URL parsing resolved
   * `..` or turned `\` into `/`. `serveFetchHandler` passes it; without it the handler checks the
   * already-parsed URL.
   */
  rawTarget?: string;
  /** The peer's address, used as the caller id of anonymous callers. */
  remoteAddress?: string;
}

/** A standard fetch handler, optionally told the raw target and peer address by its server. */
export type FetchHandler = (request: Request, info?: ProxyRequestInfo) => Promise<Response>;

/** Returns the caller's id (for rate limits and logs), `true` for an unnamed caller, or `false` to refuse. */
export type Authorize = (request: Request) => boolean | string | Promise<boolean | string>;

export interface RateLimitOptions {
  /** Requests a caller may burst. */
  capacity: number;
  /** Tokens a caller gets back per second. */
  refillPerSecond: number;
}

/** One log line's fields. Never headers, bodies, query values or secrets. */
export interface ProxyLogEntry {
  /** ISO 8601. */
  time: string;
  /** The id `authorize` returned, `token`, `anonymous:<address>`, or null when refused before. */
  caller: string | null;
  venue: Venue | null;
  method: string;
  /** The path without the query, cut at 200 characters. */
  path: string;
  status: number;
  ms: number;
  /** The refusal code, when the proxy answered itself. */
  error?: string;
}

export interface SigningProxyOptions {
  kucoin?: KucoinOptions;
  /** BitMart's keys; with `credentials`, `{ baseUrl }` alone says where BitMart is. */
  bitmart?: BitmartCredentials | { baseUrl?: string; apiKey?: undefined; apiSecret?: undefined; memo?: undefined };
  /** Exact origins (`https://app.example.com`) allowed to call from a browser. Default: none. */
  allowedOrigins?: readonly string[];
  /**
   * `Host` names accepted (`example.com` for any port, `localhost:8787` for one), against DNS
   * rebinding. Default: loopback names only. `'any'` turns the check off, for platforms that
   * route by host name already.
   */
  allowedHosts?: readonly string[] | 'any';
  /** Bearer token every caller must send (`Authorization: Bearer <token>`), compared in constant time. */
  token?: string;
  /**
   * Named callers: `{ alice: '<token>', bob: '<token>' }`. The name is the caller id in logs,
   * metrics and the rate-limit bucket. May be given with `token` (whose caller id is `token`).
   */
  tokens?: Readonly<Record<string, string>>;
  /** Your own caller check (session cookie, JWT...). */
  authorize?: Authorize;
  /** No caller check at all: for a demo on loopback only. Must be said explicitly. */
  allowAnonymous?: boolean;
  /** Refuse everything but GET. */
  readOnly?: boolean;
  /** Only these symbols may be named (`BTC-USDT` on KuCoin, `BTC_USDT` on BitMart); case-insensitive. */
  allowedSymbols?: readonly string[];
  /** Largest order notional (price x size, or funds) in the quote currency, as a decimal string. */
  maxOrderNotional?: string;
  /** Token bucket per caller; `false` turns it off. Default 30 requests, 5 per second back. */
  rateLimit?: RateLimitOptions | false;
  /**
   * Where the buckets live. Default: this instance's memory. Give a shared store (the node
   * adapter's `createRedisRateLimitStore`) when several instances must share one budget per caller.
   */
  rateLimitStore?: RateLimitStore;
  /** Per-caller venue keys, resolved per request (cached per caller for `credentialsTtlMs`). */
  credentials?: ResolveCredentials;
  /** How long a caller's resolved keys are kept. Default 60 s. */
  credentialsTtlMs?: number;
  /** `Cache-Control: public, max-age=<this>` on public market data. Default 1. */
  publicMaxAgeSeconds?: number;
  /** Identical public GETs in flight at once make one venue call. Default true. */
  coalescePublicGets?: boolean;
  /**
   * Bearer token for `GET /metrics`. Without it, /metrics answers only callers on loopback
   * (the adapter must know the peer address).
   */
  metricsToken?: string;
  /** Where `/metrics` counts; adapters supply their own by default. */
  metrics?: ProxyMetrics;
  /** Default 16 KiB. */
  maxBodyBytes?: number;
  /** Default 10 s. */
  upstreamTimeoutMs?: number;
  /** Serve under a prefix (`/api/proxy`): routes become `<basePath>/kucoin/...`. */
  basePath?: string;
  /** The upstream fetch. Tests and the in-browser sandbox plug in here. */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds since the epoch: signature timestamps, rate limits, log times. */
  now?: () => number;
  /** Receives one JSON line per request; `false` for none. Default `console.log`. */
  log?: ((line: string, entry: ProxyLogEntry) => void) | false;
}
