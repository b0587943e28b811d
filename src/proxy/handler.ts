/**
 * The signing proxy as one fetch handler. Every request walks the same checks, cheapest and
 * least trusting first: Host, Origin, method override, caller, rate limit, allow-list, venue keys,
 * body, guards. Only then is it signed and sent, and nothing refused ever reaches a venue.
 */
import { constantTimeEqual } from '../core/signing.js';
import type { Venue } from '../core/endpoints.js';
import { refuseMethodOverride, requestTarget, resolveRoute, type ProxyRoute } from './allowlist.js';
import { readJsonObject, refuseBody } from './body.js';
import { CorsPolicy } from './cors.js';
import { createGuard } from './guards.js';
import { createLogSink } from './log.js';
import { RateLimiter } from './rate-limit.js';
import { BASE_HEADERS, Refusal, refusalResponse } from './respond.js';
import { BitmartSigner } from './sign-bitmart.js';
import { KucoinSigner } from './sign-kucoin.js';
import { forward } from './upstream.js';
import type { FetchHandler, KucoinCredentials, KucoinOptions, ProxyRequestInfo, SigningProxyOptions } from './types.js';

export const DEFAULT_KUCOIN_BASE_URL = 'https://api.kucoin.com';
export const DEFAULT_BITMART_BASE_URL = 'https://api-cloud.bitmart.com';
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000;
export const DEFAULT_RATE_LIMIT = { capacity: 30, refillPerSecond: 5 } as const;
/** The names a loopback proxy answers to when no `allowedHosts` are given. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

const CANONICAL_BASE_PATH = /^(?:\/[A-Za-z0-9_-]+)*$/;
const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/;

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

function hostMatcher(allowedHosts: SigningProxyOptions['allowedHosts']): (request: Request) => void {
  if (allowedHosts === 'any') return () => {};
  const allowed = (allowedHosts ?? LOOPBACK_HOSTS).map((entry) => {
    const parsed = parseHost(entry);
    if (!parsed) throw new TypeError(`allowedHosts takes host names with an optional port, got ${JSON.stringify(entry)}.`);
    return parsed;
  });
  return (request) => {
    // Browsers (and so the in-page proxy) never expose Host on a Request: the URL carries it.
    const host = parseHost(request.headers.get('host') ?? new URL(request.url).host);
    const ok =
      host !== undefined &&
      allowed.some((entry) => entry.hostname === host.hostname && (entry.port === undefined || entry.port === host.port));
    if (!ok) throw new Refusal(403, 'host', 'This Host is not one the proxy answers to.');
  };
}

/** No keys at all means public data only; some keys but not all is a mistake worth stopping for. */
function hasKucoinKeys(options: KucoinOptions): options is KucoinOptions & KucoinCredentials {
  const given = [options.apiKey, options.apiSecret, options.apiPassphrase].filter((value) => value !== undefined);
  if (given.length === 0) return false;
  if (given.length !== 3) throw new TypeError('KuCoin needs apiKey, apiSecret and apiPassphrase together, or none of them.');
  return true;
}

type Identify = (request: Request, info: ProxyRequestInfo | undefined) => Promise<string>;

function unauthorized(): Refusal {
  return new Refusal(401, 'unauthorized', 'Send a valid caller credential.', { 'www-authenticate': 'Bearer' });
}

function callerCheck(options: SigningProxyOptions): Identify {
  const given = [options.token !== undefined, options.authorize !== undefined, options.allowAnonymous === true];
  if (given.filter(Boolean).length !== 1) {
    throw new TypeError(
      'Give exactly one caller check: token, authorize, or allowAnonymous: true (a loopback demo without any check).',
    );
  }
  const { token, authorize } = options;
  if (token !== undefined) {
    if (token.length < 16) throw new TypeError('token must be at least 16 characters.');
    return async (request) => {
      const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(request.headers.get('authorization') ?? '');
      if (!match || !constantTimeEqual(match[1]!, token)) throw unauthorized();
      return 'token';
    };
  }
  if (authorize) {
    return async (request) => {
      const verdict = await authorize(request);
      if (verdict === true) return 'caller';
      if (typeof verdict === 'string' && verdict !== '') return verdict;
      throw unauthorized();
    };
  }
  return async (_request, info) => (info?.remoteAddress ? `anonymous:${info.remoteAddress}` : 'anonymous');
}

/** Creates the signing proxy: `(request) => Promise<Response>`, for any runtime with fetch and Web Crypto. */
export function createSigningProxy(options: SigningProxyOptions): FetchHandler {
  const now = options.now ?? (() => Date.now());
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  const basePath = options.basePath ?? '';
  if (!CANONICAL_BASE_PATH.test(basePath)) throw new TypeError('basePath must look like /api/proxy (no trailing slash).');

  const identify = callerCheck(options);
  const checkHost = hostMatcher(options.allowedHosts);
  const cors = new CorsPolicy(options.allowedOrigins);
  const guard = createGuard(options);
  const limiter = options.rateLimit === false ? undefined : new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, now);
  const log = createLogSink(options.log);
  const kucoinOrigin = venueOrigin('kucoin', options.kucoin?.baseUrl ?? DEFAULT_KUCOIN_BASE_URL);
  const kucoinKeys = options.kucoin;
  const venues = {
    kucoin: kucoinKeys && hasKucoinKeys(kucoinKeys) ? { origin: kucoinOrigin, signer: new KucoinSigner(kucoinKeys) } : undefined,
    bitmart: options.bitmart && {
      origin: venueOrigin('bitmart', options.bitmart.baseUrl ?? DEFAULT_BITMART_BASE_URL),
      signer: new BitmartSigner(options.bitmart),
    },
  };

  async function upstreamHeaders(route: ProxyRoute, method: string, body: string | undefined): Promise<Record<string, string>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const { auth } = route.endpoint;
    if (auth === 'public') return headers;
    const timestamp = now();
    if (route.venue === 'kucoin') {
      const signer = venues.kucoin?.signer;
      if (!signer) throw notConfigured('kucoin');
      const pathWithQuery = route.query ? `${route.path}?${route.query}` : route.path;
      headers['content-type'] = 'application/json';
      return { ...headers, ...(await signer.headers({ method, pathWithQuery, body: body ?? '', timestamp })) };
    }
    const signer = venues.bitmart?.signer;
    if (!signer) throw notConfigured('bitmart');
    if (auth === 'keyed') return { ...headers, ...signer.keyed() };
    return { ...headers, ...(await signer.signed({ payload: method === 'GET' ? route.query : (body ?? ''), timestamp })) };
  }

  function notConfigured(venue: Venue): Refusal {
    return new Refusal(503, 'venue_not_configured', `This proxy has no ${venue} API keys: only its public routes are served.`);
  }

  async function handle(request: Request, info: ProxyRequestInfo | undefined, entry: LogState): Promise<Response> {
    checkHost(request);
    entry.cors = cors.headersFor(request);
    refuseMethodOverride(request.headers);
    if (request.method === 'OPTIONS') {
      const preflight = cors.preflight(request);
      entry.cors = {};
      return preflight;
    }

    const caller = await identify(request, info);
    entry.caller = caller;
    const decision = limiter?.take(caller);
    if (decision && !decision.ok) {
      throw new Refusal(429, 'rate_limited', 'Too many requests: wait and try again.', {
        'retry-after': String(decision.retryAfterSeconds),
      });
    }

    const method = request.method;
    const route = resolveRoute(method, requestTarget(request, info), basePath);
    entry.venue = route.venue;
    if (route.endpoint.auth !== 'public' && !venues[route.venue]) throw notConfigured(route.venue);

    let body: { text: string; json: Record<string, unknown> } | undefined;
    if (method === 'POST') body = await readJsonObject(request, maxBodyBytes);
    else await refuseBody(request, maxBodyBytes);
    guard({ endpoint: route.endpoint, pathParams: route.pathParams, queryParams: route.queryParams, body: body?.json });

    const origin = route.venue === 'kucoin' ? kucoinOrigin : venues.bitmart!.origin;
    const response = await forward(
      fetchImpl,
      {
        url: `${origin}${route.path}${route.query ? `?${route.query}` : ''}`,
        method,
        headers: await upstreamHeaders(route, method, body?.text),
        body: body?.text,
      },
      upstreamTimeoutMs,
      request.signal,
      entry.cors,
    );
    // The venue's answer is built with every header it needs: nothing to add afterwards.
    entry.complete = true;
    return response;
  }

  return async (request, info) => {
    const started = now();
    const entry: LogState = { caller: null, venue: null, cors: {}, complete: false };
    let response: Response;
    let error: string | undefined;
    try {
      response = await handle(request, info, entry);
    } catch (thrown) {
      const refusal = thrown instanceof Refusal ? thrown : new Refusal(500, 'internal_error', 'The proxy failed on this request.');
      error = refusal.code;
      response = refusalResponse(refusal, entry.cors);
      entry.complete = true;
    }
    if (!entry.complete) {
      for (const [name, value] of Object.entries({ ...BASE_HEADERS, ...entry.cors })) response.headers.set(name, value);
    }
    if (!log) return response;
    log({
      time: new Date(started).toISOString(),
      caller: entry.caller,
      venue: entry.venue,
      method: request.method,
      path: logPath(request, info),
      status: response.status,
      ms: Math.max(0, now() - started),
      ...(error === undefined ? {} : { error }),
    });
    return response;
  };
}

interface LogState {
  caller: string | null;
  venue: Venue | null;
  cors: Record<string, string>;
  /** The response already carries the base and CORS headers. */
  complete: boolean;
}

function logPath(request: Request, info: ProxyRequestInfo | undefined): string {
  const raw = info?.rawTarget;
  if (raw !== undefined) return raw.split('?')[0]!;
  try {
    return new URL(request.url).pathname;
  } catch {
    return '';
  }
}
