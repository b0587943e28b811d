import ky, { TimeoutError as KyTimeoutError } from 'ky';
import type { HttpMethod, Venue } from '../core/endpoints.js';
import {
  ExchangeError,
  MalformedResponseError,
  MarginKitError,
  NetworkError,
  ProxyError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from './errors.js';

export type QueryValue = string | number | boolean | undefined;

/** One call to a venue endpoint, through the proxy. */
export interface VenueRequest {
  venue: Venue;
  method: HttpMethod;
  /** The venue path with parameters filled in (`/api/v3/hf/margin/orders/123`). */
  path: string;
  query?: Record<string, QueryValue>;
  body?: Record<string, unknown>;
  signal?: AbortSignal;
}

/** What endpoint functions need: send a request, get the envelope's `data` or a typed error. */
export interface Transport {
  send(request: VenueRequest): Promise<unknown>;
}

export interface RetryOptions {
  /** Retries after the first attempt, for GET only (default 2). */
  limit?: number;
  /** First backoff delay; doubles per retry (default 300 ms). */
  baseDelayMs?: number;
  /** Longest backoff between retries (default 5 s). */
  maxDelayMs?: number;
  /** A venue asking to wait longer than this is not retried: the RateLimitError reaches the caller (default 10 s). */
  maxRetryAfterMs?: number;
}

export interface TransportOptions {
  /** The signing proxy's base URL; `/kucoin/...` and `/bitmart/...` are appended. */
  proxyUrl: string;
  /** Defaults to the global fetch; Storybook and tests plug the in-page proxy and sandbox in here. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers per request, for example the host page's token for the proxy. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** `include` for a proxy on the page's own site that authenticates by cookie. */
  credentials?: RequestCredentials;
  /** Per attempt (default 10 s). */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const KUCOIN_OK = '200000';
const BITMART_OK = 1000;
/** KuCoin answers a rate limit with HTTP 429 and code 429000; BitMart with 429 and code 30013. */
const RATE_LIMIT_CODES = new Set(['429000', '30013']);
/** What can go in a query value unencoded: KuCoin signs the query as sent, so nothing may need encoding. */
const SAFE_QUERY_VALUE = /^[A-Za-z0-9_.,:~-]*$/;

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Builds `a=1&b=x` in insertion order, skipping `undefined`. Values that would need URL
 * encoding are refused: the proxy signs the exact query it forwards, and KuCoin verifies the
 * signature over the unencoded text.
 */
export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [name, raw] of Object.entries(query)) {
    if (raw === undefined) continue;
    const value = String(raw);
    if (!SAFE_QUERY_VALUE.test(value)) {
      throw new ValidationError([{ field: name, rule: 'characters' }], `${name}: "${value}" contains characters a venue query cannot carry`);
    }
    parts.push(`${name}=${value}`);
  }
  return parts.join('&');
}

function retryAfterMs(headers: Headers): number | undefined {
  // KuCoin: gw-ratelimit-reset is milliseconds until the window resets.
  const kucoinReset = headers.get('gw-ratelimit-reset');
  if (kucoinReset && /^\d+$/.test(kucoinReset)) return Number(kucoinReset);
  const retryAfter = headers.get('retry-after');
  if (retryAfter && /^\d+(\.\d+)?$/.test(retryAfter)) return Math.ceil(Number(retryAfter) * 1000);
  if (retryAfter) {
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - Date.now());
  }
  // BitMart: X-BM-RateLimit-Reset is the window length in seconds.
  const bitmartReset = headers.get('x-bm-ratelimit-reset');
  if (bitmartReset && /^\d+$/.test(bitmartReset)) return Number(bitmartReset) * 1000;
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns one HTTP answer into the envelope's `data`, or the typed error it stands for. */
export function unwrapResponse(venue: Venue, status: number, headers: Headers, text: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new MalformedResponseError(`${venue}: answer was not JSON (HTTP ${status})`, status);
  }
  if (!isObject(json)) throw new MalformedResponseError(`${venue}: answer was not a JSON object (HTTP ${status})`, status);

  // The proxy's own refusals carry `error` (a stable code) and never a venue `code`.
  if (typeof json.error === 'string' && json.code === undefined) {
    const message = typeof json.message === 'string' ? json.message : json.error;
    switch (json.error) {
      case 'rate_limited':
        return raise(new RateLimitError({ message, retryAfterMs: retryAfterMs(headers), status, source: 'proxy' }));
      case 'upstream_timeout':
        return raise(new TimeoutError(0, message));
      case 'upstream_unreachable':
        return raise(new NetworkError(message));
      default:
        return raise(new ProxyError({ code: json.error, message, status, check: typeof json.check === 'string' ? json.check : undefined }));
    }
  }

  const code = json.code;
  if (venue === 'kucoin' && code === KUCOIN_OK) return json.data;
  if (venue === 'bitmart' && (code === BITMART_OK || code === String(BITMART_OK))) return json.data;
  if (code === undefined) throw new MalformedResponseError(`${venue}: answer has no code (HTTP ${status})`, status);

  const codeText = String(code);
  const message =
    typeof json.msg === 'string' ? json.msg : typeof json.message === 'string' ? json.message : `error ${codeText}`;
  if (status === 429 || RATE_LIMIT_CODES.has(codeText)) {
    throw new RateLimitError({ message, retryAfterMs: retryAfterMs(headers), status, source: 'venue' });
  }
  throw new ExchangeError({
    venue,
    code: codeText,
    message,
    status,
    trace: typeof json.trace === 'string' ? json.trace : undefined,
  });
}

function raise(error: MarginKitError): never {
  throw error;
}

function isRetryable(error: unknown): boolean {
  if (error instanceof RateLimitError || error instanceof NetworkError) return true;
  if (error instanceof ExchangeError || error instanceof MalformedResponseError) return error.status >= 500;
  return false;
}

/** The ky-based transport: one per proxy URL. */
export function createTransport(options: TransportOptions): Transport {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const limit = options.retry?.limit ?? 2;
  const baseDelayMs = options.retry?.baseDelayMs ?? 300;
  const maxDelayMs = options.retry?.maxDelayMs ?? 5_000;
  const maxRetryAfterMs = options.retry?.maxRetryAfterMs ?? 10_000;
  const sleep = options.sleep ?? defaultSleep;
  const prefixUrl = options.proxyUrl.replace(/\/+$/, '');

  const http = ky.create({
    prefixUrl,
    timeout: timeoutMs,
    // Retries are ours (below): ky's would retry on Retry-After only, and never on gw-ratelimit-reset.
    retry: 0,
    throwHttpErrors: false,
    credentials: options.credentials,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  async function attempt(request: VenueRequest): Promise<unknown> {
    const query = buildQuery(request.query);
    const url = `${request.venue}${request.path}${query ? `?${query}` : ''}`;
    const headers: Record<string, string> = { accept: 'application/json', ...(await options.headers?.()) };
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    let response: Response;
    try {
      response = await http(url, { method: request.method, headers, body, signal: request.signal });
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason ?? error;
      if (error instanceof KyTimeoutError) throw new TimeoutError(timeoutMs);
      throw new NetworkError(`Could not reach the proxy at ${prefixUrl}`, { cause: error });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason ?? error;
      throw new NetworkError('The connection was lost while reading the answer', { cause: error });
    }
    return unwrapResponse(request.venue, response.status, response.headers, text);
  }

  return {
    async send(request) {
      // Never retry a POST or DELETE: its outcome may be unknown, and only the caller can look it up.
      const retries = request.method === 'GET' ? limit : 0;
      for (let n = 0; ; n += 1) {
        try {
          return await attempt(request);
        } catch (error) {
          if (n >= retries || !isRetryable(error) || request.signal?.aborted) throw error;
          const asked = error instanceof RateLimitError ? error.retryAfterMs : undefined;
          if (asked !== undefined && asked > maxRetryAfterMs) throw error;
          const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** n);
          await sleep(asked ?? backoff, request.signal);
        }
      }
    },
  };
}
