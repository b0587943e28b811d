/**
 * The signing proxy's one implementation, whatever serves it. Every request walks the same
 * checks, cheapest and least trusting first: Host, Origin, method override, caller, rate limit,
 * allow-list, venue keys, body, guards. Only then is it signed and sent, and nothing refused
 * ever reaches a venue. (`/healthz` and `/metrics`, the operator's routes, come first: ops.ts.)
 *
 * Public market data is the same for every caller: identical public GETs in flight at once make
 * one venue call (coalescing), and their answers say `Cache-Control: public, max-age=N`, so a
 * CDN in front fans one call out to every browser. Everything else is `private, no-store`.
 *
 * It works on a small description of the request (`ProxyRequestView`) and returns a small
 * description of the answer (`ProxyAnswer`); an adapter supplies both ends and the upstream call.
 * Two adapters exist: the fetch handler (`createSigningProxy`, handler.ts) for any runtime with
 * Request/Response, and the node:http one (src/node/proxy.ts) the CLI runs, which never builds
 * a Request, a Response, a Headers or a URL object per request.
 */
import type { Venue } from '../core/endpoints.js';
import { checkTarget, refuseMethodOverride, resolveRoute, type ProxyRoute } from './allowlist.js';
import { checkJsonContentType, parseJsonObject, refuseNonEmptyBody, type JsonBody } from './body.js';
import { callerCheck } from './callers.js';
import { CorsPolicy, refuseOrigin } from './cors.js';
import { createGuard } from './guards.js';
import { createLogSink, type LogSink } from './log.js';
import { TextMetrics } from './metrics.js';
import { healthAnswer, metricsAnswer, metricsGate, opsRoute } from './ops.js';
import { RateLimiter } from './rate-limit.js';
import { BASE_HEADERS, Refusal, refusalAnswer, upstreamRedirect, type ProxyAnswer } from './respond.js';
import type { HmacSha256 } from './sign-kucoin.js';
import { createSigners, type Signers } from './signers.js';
import { PROXY_UPSTREAM_TIMEOUT_MS } from '../core/timing.js';
import type { ProxyMetrics, SigningProxyOptions } from './types.js';

export const DEFAULT_KUCOIN_BASE_URL = 'https://api.kucoin.com';
export const DEFAULT_BITMART_BASE_URL = 'https://api-cloud.bitmart.com';
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;
export const DEFAULT_UPSTREAM_TIMEOUT_MS = PROXY_UPSTREAM_TIMEOUT_MS;
export const DEFAULT_RATE_LIMIT = { capacity: 30, refillPerSecond: 5 } as const;
export const DEFAULT_PUBLIC_MAX_AGE_SECONDS = 1;
/** The names a loopback proxy answers to when no `allowedHosts` are given. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

const CANONICAL_BASE_PATH = /^(?:\/[A-Za-z0-9_-]+)*$/;
const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/;

/** What the core needs to know of a request; each adapter implements it over its own objects. */
export interface ProxyRequestView {
  readonly method: string;
  /** The path and `?query` to check. */
  readonly target: string;
  /**
   * `target` is the request target exactly as it arrived (before URL parsing resolved `..` or
   * turned `\` into `/`), so it is held to the canonical spelling.
   */
  readonly raw: boolean;
  /** What URL parsing made of the path, when the adapter has both: it must equal the raw path. */
  readonly parsedPath: string | undefined;
  /** The peer's address, the caller id of anonymous callers. */
  readonly remoteAddress: string | undefined;
  /** A request header (lower-case name), duplicates joined with `, ` as `Headers.get` does; null when absent. */
  header(name: string): string | null;
  has(name: string): boolean;
  /** The Host header, or the host of the URL the request was made to. */
  host(): string;
  /**
   * The whole body as UTF-8 text, '' for none; a 413 `body_too_large` refusal past `maxBytes`,
   * without reading further. A string when the adapter knows without waiting.
   */
  bodyText(maxBytes: number): string | Promise<string>;
  /** The request as a standard `Request`, for an `authorize` hook. */
  toRequest(): Request;
}

/** The call to the venue, signed. */
export interface UpstreamCall {
  /** `https://api.kucoin.com`: an origin checked at start-up. */
  origin: string;
  /** The venue path and `?query`, exactly as signed. */
  pathWithQuery: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** The whole answer must have arrived by then. */
  timeoutMs: number;
  /** The allow-list template of the call, for metrics. */
  route?: string;
}

/** The venue's answer, read whole. */
export interface UpstreamAnswer {
  status: number;
  /** `[name, value, name, value, ...]`, names in any case. */
  headers: readonly string[];
  body: Uint8Array;
}

/**
 * Sends the call. Never follows a redirect (a redirect would carry signed headers elsewhere). On
 * failure it rejects with the refusal to answer: `upstreamTimeout`, `upstreamUnreachable`,
 * `clientClosed` (respond.ts).
 */
export type Forward<V extends ProxyRequestView> = (call: UpstreamCall, request: V) => Promise<UpstreamAnswer>;

export type ProxyCore<V extends ProxyRequestView> = (request: V) => Promise<ProxyAnswer>;

/** A venue base URL reduced to its origin; a path would change what KuCoin sees signed. */
function venueOrigin(venue: string, baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`${venue} baseUrl is not a URL.`);
  }
  const plain = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !plain) {
    throw new TypeError(`${venue} baseUrl must be an http(s) origin like ${venue === 'kucoin' ? DEFAULT_KUCOIN_BASE_URL : DEFAULT_BITMART_BASE_URL}.`);
  }
  return url.origin;
}

interface HostName {
  hostname: string;
  port: string | undefined;
}

function parseHost(value: string): HostName | undefined {
  const match = HOST.exec(value.toLowerCase());
  if (!match) return undefined;
  return { hostname: match[1]!, port: match[2] };
}

type HostCheck = (request: ProxyRequestView) => void;

function hostMatcher(allowedHosts: SigningProxyOptions['allowedHosts']): HostCheck | undefined {
  if (allowedHosts === 'any') return undefined;
  const allowed = (allowedHosts ?? LOOPBACK_HOSTS).map((entry) => {
    const parsed = parseHost(entry);
    if (!parsed) throw new TypeError(`allowedHosts takes host names with an optional port, got ${JSON.stringify(entry)}.`);
    return parsed;
  });
  // The Host values seen are few (the names callers use): remember each verdict.
  const verdicts = new Map<string, boolean>();
  const judge = (value: string): boolean => {
    const host = parseHost(value);
    return host !== undefined && allowed.some((entry) => entry.hostname === host.hostname && (entry.port === undefined || entry.port === host.port));
  };
  return (request) => {
    const value = request.host();
    let ok = verdicts.get(value);
    if (ok === undefined) {
      ok = judge(value);
      if (verdicts.size >= 256) verdicts.clear();
      verdicts.set(value, ok);
    }
    if (!ok) throw new Refusal(403, 'host', 'This Host is not one the proxy answers to.');
  };
}

/** Passed on from the venue's answer; everything else (Set-Cookie, hop-by-hop, server banners) is dropped. */
function passesThrough(name: string): boolean {
  return name === 'content-type' || name === 'retry-after' || name.startsWith('gw-ratelimit-') || name.startsWith('x-bm-ratelimit-');
}

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

const PRIVATE = 'private, no-store';

/**
 * The venue's answer as ours: its status and body, the headers a caller needs, ours and CORS.
 * `cacheControl` is for a public 200; anything else is private.
 */
function venueAnswer(upstream: UpstreamAnswer, cors: Readonly<Record<string, string>>, cacheControl: string): ProxyAnswer {
  const status = upstream.status;
  if (status >= 300 && status < 400) throw upstreamRedirect();
  const headers: Record<string, string> = {
    'cache-control': status === 200 ? cacheControl : PRIVATE,
    'x-content-type-options': BASE_HEADERS['x-content-type-options']!,
  };
  const pairs = upstream.headers;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const name = pairs[i]!.toLowerCase();
    if (!passesThrough(name)) continue;
    const value = pairs[i + 1]!;
    // Repeated headers are joined as Headers does.
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  for (const name in cors) headers[name] = cors[name]!;
  return { status, headers, body: NULL_BODY_STATUSES.has(status) ? null : upstream.body };
}

interface Entry {
  caller: string | null;
  venue: Venue | null;
  /** The allow-list template (`/api/v3/hf/margin/orders/{orderId}`): a bounded metrics label. */
  route: string;
  cors: Readonly<Record<string, string>>;
}

const NO_CORS: Readonly<Record<string, string>> = Object.freeze({});

/** What an adapter may bring of its platform. */
export interface ProxyPlatform {
  /** The HMAC signatures are computed with (default: Web Crypto, a promise per signature). */
  hmac?: HmacSha256;
  /** Where /metrics counts (default: the fetch handler's own text exposition). */
  metrics?: ProxyMetrics;
  /** Where log entries go when `options.log` is not given (default: console.log). */
  log?: LogSink;
}

/** The checks, signing and logging of the proxy, with the upstream call left to the adapter. */
export function createProxyCore<V extends ProxyRequestView>(
  options: SigningProxyOptions,
  forward: Forward<V>,
  platform: ProxyPlatform = {},
): ProxyCore<V> {
  const now = options.now ?? Date.now;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  const basePath = options.basePath ?? '';
  if (!CANONICAL_BASE_PATH.test(basePath)) throw new TypeError('basePath must look like /api/proxy (no trailing slash).');

  const callers = callerCheck(options);
  const identify = callers.identify;
  const checkHost = hostMatcher(options.allowedHosts);
  const cors = new CorsPolicy(options.allowedOrigins);
  const guarded = options.readOnly === true || options.allowedSymbols !== undefined || options.maxOrderNotional !== undefined;
  const guard = guarded ? createGuard(options) : undefined;
  const limiter =
    options.rateLimit === false ? undefined : (options.rateLimitStore ?? new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, now));
  const log = createLogSink(options.log, platform.log);
  const metrics = options.metrics ?? platform.metrics ?? new TextMetrics();
  const checkMetricsCaller = metricsGate(options.metricsToken);
  const maxAge = options.publicMaxAgeSeconds ?? DEFAULT_PUBLIC_MAX_AGE_SECONDS;
  if (!Number.isInteger(maxAge) || maxAge < 0) throw new TypeError('publicMaxAgeSeconds must be a whole number of seconds, 0 or more.');
  const publicCache = `public, max-age=${maxAge}`;
  const coalesce = options.coalescePublicGets ?? true;
  const signersFor = createSigners(options, platform.hmac, now);
  const kucoinOrigin = venueOrigin('kucoin', options.kucoin?.baseUrl ?? DEFAULT_KUCOIN_BASE_URL);
  const bitmartOrigin = venueOrigin('bitmart', options.bitmart?.baseUrl ?? DEFAULT_BITMART_BASE_URL);
  /** Public GETs on their way to the venue, by origin + path + query: later identical ones wait for the first. */
  const inFlight = new Map<string, Promise<UpstreamAnswer>>();

  function notConfigured(venue: Venue): Refusal {
    return new Refusal(503, 'venue_not_configured', `This proxy has no ${venue} API keys for this caller: only its public routes are served.`);
  }

  /** The venue call, shared with identical public GETs in flight; a shared call its starter abandoned is made again. */
  async function coalesced(key: string, venue: Venue, call: UpstreamCall, request: V): Promise<UpstreamAnswer> {
    const pending = inFlight.get(key);
    if (pending) {
      try {
        return await pending;
      } catch (error) {
        if (!(error instanceof Refusal && error.code === 'client_closed')) throw error;
        return timed(venue, call, request);
      }
    }
    const started = timed(venue, call, request);
    inFlight.set(key, started);
    try {
      return await started;
    } finally {
      inFlight.delete(key);
    }
  }

  /** The venue call, its time recorded. */
  function timed(venue: Venue, call: UpstreamCall, request: V): Promise<UpstreamAnswer> {
    const began = performance.now();
    const done = () => metrics.upstream(venue, call.route ?? 'none', (performance.now() - began) / 1000);
    return forward(call, request).then(
      (answer) => {
        done();
        return answer;
      },
      (error: unknown) => {
        done();
        throw error;
      },
    );
  }

  /** The venue headers; a promise only while a Web Crypto signature is being computed. */
  function upstreamHeaders(
    signers: Signers,
    route: ProxyRoute,
    method: string,
    pathWithQuery: string,
    body: string | undefined,
  ): Record<string, string> | Promise<Record<string, string>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const { auth } = route.endpoint;
    if (auth === 'public') return headers;
    const timestamp = now();
    const { kucoin: kucoinSigner, bitmart: bitmartSigner } = signers;
    if (route.venue === 'kucoin') {
      if (!kucoinSigner) throw notConfigured('kucoin');
      headers['content-type'] = 'application/json';
      const signing = kucoinSigner.addHeaders(headers, { method, pathWithQuery, body: body ?? '', timestamp });
      return signing ? signing.then(() => headers) : headers;
    }
    if (!bitmartSigner) throw notConfigured('bitmart');
    if (auth === 'keyed') bitmartSigner.addKeyed(headers);
    else {
      const signing = bitmartSigner.addSigned(headers, { payload: method === 'GET' ? route.query : (body ?? ''), timestamp });
      if (signing) return signing.then(() => headers);
    }
    return headers;
  }

  async function operate(route: 'healthz' | 'metrics', request: V, entry: Entry): Promise<ProxyAnswer> {
    entry.route = `/${route}`;
    if (route === 'healthz') return healthAnswer();
    // Without its own token, /metrics is a loopback route like any other: the Host check applies.
    if (options.metricsToken === undefined) checkHost?.(request);
    checkMetricsCaller(request.header('authorization'), request.remoteAddress);
    return metricsAnswer(metrics);
  }

  async function handle(request: V, entry: Entry): Promise<ProxyAnswer> {
    const target = request.target;
    const mark = target.indexOf('?');
    const ops = opsRoute(request.method, mark === -1 ? target : target.slice(0, mark), basePath);
    if (ops) return operate(ops, request, entry);
    const origin = request.header('origin');
    // Computed first, so every refusal an allowed page gets (the Host's too) is one it can read.
    entry.cors = cors.headersFor(origin);
    checkHost?.(request);
    if (origin !== null && !cors.allows(origin) && request.method !== 'OPTIONS') throw refuseOrigin();
    refuseMethodOverride(request);
    const method = request.method;
    if (method === 'OPTIONS') {
      const preflight = cors.preflight(request);
      entry.cors = NO_CORS;
      return preflight;
    }

    const identified = identify(request);
    const caller = typeof identified === 'string' ? identified : await identified;
    entry.caller = caller;
    const taken = limiter?.take(caller);
    let decision;
    try {
      decision = taken instanceof Promise ? await taken : taken;
    } catch {
      // A shared store that cannot answer fails closed: no budget is no budget.
      throw new Refusal(503, 'rate_limit_unavailable', 'The rate limiter cannot be reached: try again shortly.', { 'retry-after': '1' });
    }
    if (decision && !decision.ok) {
      throw new Refusal(429, 'rate_limited', 'Too many requests: wait and try again.', {
        'retry-after': String(decision.retryAfterSeconds),
      });
    }

    const route = resolveRoute(method, checkTarget(request.target, request.raw, request.parsedPath), basePath);
    entry.venue = route.venue;
    entry.route = route.endpoint.path;
    const isPublic = route.endpoint.auth === 'public';
    let signers: Signers | undefined;
    if (!isPublic) {
      const found = signersFor(caller);
      signers = found instanceof Promise ? await found : found;
      if (!(route.venue === 'kucoin' ? signers.kucoin : signers.bitmart)) throw notConfigured(route.venue);
    }

    let body: JsonBody | undefined;
    if (method === 'POST') {
      checkJsonContentType(request.header('content-type'));
      const text = request.bodyText(maxBodyBytes);
      body = parseJsonObject(typeof text === 'string' ? text : await text);
    } else {
      const text = request.bodyText(maxBodyBytes);
      refuseNonEmptyBody(method, typeof text === 'string' ? text : await text);
    }
    guard?.({ endpoint: route.endpoint, pathParams: route.pathParams, queryParams: route.queryParams, body: body?.json });

    const pathWithQuery = route.query ? `${route.path}?${route.query}` : route.path;
    const venueOrigin = route.venue === 'kucoin' ? kucoinOrigin : bitmartOrigin;
    const headers = signers ? upstreamHeaders(signers, route, method, pathWithQuery, body?.text) : { accept: 'application/json' };
    const call: UpstreamCall = {
      origin: venueOrigin,
      pathWithQuery,
      method,
      headers: headers instanceof Promise ? await headers : headers,
      body: body?.text,
      timeoutMs: upstreamTimeoutMs,
      route: entry.route,
    };
    if (isPublic && method === 'GET' && coalesce) return venueAnswer(await coalesced(venueOrigin + pathWithQuery, route.venue, call, request), entry.cors, publicCache);
    return venueAnswer(await timed(route.venue, call, request), entry.cors, isPublic && method === 'GET' ? publicCache : PRIVATE);
  }

  return async (request) => {
    const started = log ? now() : 0;
    const entry: Entry = { caller: null, venue: null, route: 'none', cors: NO_CORS };
    metrics.started();
    let answer: ProxyAnswer;
    let error: string | undefined;
    try {
      answer = await handle(request, entry);
    } catch (thrown) {
      const refusal = thrown instanceof Refusal ? thrown : new Refusal(500, 'internal_error', 'The proxy failed on this request.');
      error = refusal.code;
      answer = refusalAnswer(refusal, entry.cors);
    }
    metrics.answered(entry.venue ?? 'none', entry.route, answer.status, entry.caller === null ? 'none' : callers.label(entry.caller), error);
    if (!log) return answer;
    const target = request.target;
    const mark = target.indexOf('?');
    log({
      time: new Date(started).toISOString(),
      caller: entry.caller,
      venue: entry.venue,
      method: request.method,
      path: mark === -1 ? target : target.slice(0, mark),
      status: answer.status,
      ms: Math.max(0, now() - started),
      ...(error === undefined ? {} : { error }),
    });
    return answer;
  };
}
