/**
 * Browser callers: only exact, configured origins; credentials allowed, so never `*`. Requests
 * without an `Origin` header (curl, servers) are not browser cross-origin calls and pass here.
 *
 * A page on an origin not on the list still gets to READ its refusal (a 403 `origin` with the
 * CORS headers for it, and a preflight that lets the browser send the call so it can be
 * refused): otherwise the browser hides the answer and the page can only say "cannot reach the
 * proxy". That is safe because the proxy checks the origin of every call itself, before the
 * caller, and a refusal holds nothing but its code.
 */
import { BASE_HEADERS, Refusal, type ProxyAnswer } from './respond.js';

const METHODS = ['GET', 'POST', 'DELETE'];
/** What a caller may send: its token, and the JSON it posts. */
const REQUEST_HEADERS = ['authorization', 'content-type', 'accept'];
/** What the client reads from answers: how long to wait after a rate limit. */
export const EXPOSED_HEADERS = [
  'retry-after',
  'gw-ratelimit-limit',
  'gw-ratelimit-remaining',
  'gw-ratelimit-reset',
  'x-bm-ratelimit-limit',
  'x-bm-ratelimit-remaining',
  'x-bm-ratelimit-reset',
];
const PREFLIGHT_MAX_AGE_SECONDS = 600;

export class CorsPolicy {
  private readonly origins: ReadonlySet<string>;

  constructor(allowedOrigins: readonly string[] = []) {
    for (const origin of allowedOrigins) {
      let exact: string | undefined;
      try {
        exact = new URL(origin).origin;
      } catch {
        exact = undefined;
      }
      if (exact !== origin || exact === 'null') {
        throw new TypeError(`allowedOrigins takes exact origins like https://app.example.com, got ${JSON.stringify(origin)}.`);
      }
    }
    this.origins = new Set(allowedOrigins);
  }

  allows(origin: string): boolean {
    return this.origins.has(origin);
  }

  /**
   * The CORS headers for an answer to `origin` (the request's Origin header). For an origin not
   * on the list they only let the page read a refusal: callers throw `refuseOrigin()` next.
   */
  headersFor(origin: string | null): Readonly<Record<string, string>> {
    if (origin === null) return NO_ORIGIN;
    if (!this.origins.has(origin)) return origin === 'null' ? NO_ORIGIN : readableRefusal(origin);
    return {
      vary: 'Origin',
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': EXPOSED_HEADERS_VALUE,
    };
  }

  /** Answers an `OPTIONS` preflight; for an origin not on the list, only so its call can be refused readably. */
  preflight(request: { header(name: string): string | null }): ProxyAnswer {
    const origin = request.header('origin');
    if (origin === null) throw new Refusal(404, 'not_allowed', 'OPTIONS is for CORS preflight only.');
    const allowed = this.origins.has(origin);
    // `Origin: null` (sandboxed frames, file:) is never granted anything.
    if (!allowed && origin === 'null') throw refuseOrigin();
    const headers = this.headersFor(origin);
    const method = request.header('access-control-request-method');
    if (method === null || !METHODS.includes(method)) {
      throw new Refusal(404, 'not_allowed', 'Only GET, POST and DELETE are proxied.', headers);
    }
    const answer: Record<string, string> = {
      ...headers,
      vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
      'access-control-allow-methods': METHODS.join(', '),
      'access-control-allow-headers': REQUEST_HEADERS.join(', '),
      'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
    };
    // Chrome's Private Network Access: a public page calling a proxy on loopback asks first.
    if (allowed && request.header('access-control-request-private-network') === 'true') {
      answer['access-control-allow-private-network'] = 'true';
    }
    delete answer['access-control-expose-headers'];
    return { status: 204, headers: { ...answer, ...BASE_HEADERS }, body: null };
  }
}

/** A call without Origin is no browser's cross-origin call: it only learns that answers vary by Origin. */
const NO_ORIGIN: Readonly<Record<string, string>> = Object.freeze({ vary: 'Origin' });

export function refuseOrigin(): Refusal {
  return new Refusal(403, 'origin', 'This origin may not call the proxy: add it to the allowed origins (PROXY_ALLOWED_ORIGINS).');
}

/** Lets a page read the refusal of its origin (credentialed calls need both headers to read anything). */
function readableRefusal(origin: string): Readonly<Record<string, string>> {
  return { vary: 'Origin', 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' };
}
const EXPOSED_HEADERS_VALUE = EXPOSED_HEADERS.join(', ');
