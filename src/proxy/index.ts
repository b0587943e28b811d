/**
 * margin-kit's reference signing proxy: `createSigningProxy(options)` returns a standard fetch
 * handler that checks the caller, allow-lists the endpoint, signs with keys it alone holds, and
 * forwards. Web standards only, so it runs on Node, Deno, Bun, edge runtimes and in the page.
 */
export { createSigningProxy } from './handler.js';
export {
  DEFAULT_BITMART_BASE_URL,
  DEFAULT_KUCOIN_BASE_URL,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_PUBLIC_MAX_AGE_SECONDS,
  DEFAULT_RATE_LIMIT,
  DEFAULT_UPSTREAM_TIMEOUT_MS,
  LOOPBACK_HOSTS,
} from './core.js';
export { RateLimiter } from './rate-limit.js';
export { TextMetrics } from './metrics.js';
export type { RefusalCheck, RefusalCode } from './respond.js';
export type {
  Authorize,
  BitmartCredentials,
  CallerCredentials,
  ProxyMetrics,
  RateLimitDecision,
  RateLimitStore,
  ResolveCredentials,
  FetchHandler,
  KucoinCredentials,
  KucoinOptions,
  ProxyLogEntry,
  ProxyRequestInfo,
  RateLimitOptions,
  SigningProxyOptions,
} from './types.js';
