/**
 * The proxy's own answers: `{ "error": "<stable code>", "check": "<which check>", "message": "..." }`.
 * The client maps `rate_limited`, `upstream_timeout` and `upstream_unreachable` to typed errors
 * and every other code to ProxyError, so codes are API: never rename one. `check` names the
 * check that refused, so a page can tell "this origin was refused" from "the proxy is down".
 */
export type RefusalCode =
  | 'not_allowed'
  | 'origin'
  | 'host'
  | 'unauthorized'
  | 'method_override'
  | 'bad_query'
  | 'bad_body'
  | 'body_too_large'
  | 'rate_limited'
  | 'guard'
  | 'venue_not_configured'
  | 'upstream_timeout'
  | 'upstream_unreachable'
  | 'client_closed'
  | 'rate_limit_unavailable'
  | 'internal_error';

/** The check a refusal comes from, in the order the proxy runs them. */
export type RefusalCheck = 'host' | 'origin' | 'auth' | 'rate-limit' | 'allow-list' | 'keys' | 'body' | 'guard' | 'upstream' | 'proxy';

const CHECK_OF: Readonly<Record<RefusalCode, RefusalCheck>> = {
  host: 'host',
  origin: 'origin',
  unauthorized: 'auth',
  rate_limited: 'rate-limit',
  rate_limit_unavailable: 'rate-limit',
  not_allowed: 'allow-list',
  method_override: 'allow-list',
  bad_query: 'allow-list',
  venue_not_configured: 'keys',
  bad_body: 'body',
  body_too_large: 'body',
  guard: 'guard',
  upstream_timeout: 'upstream',
  upstream_unreachable: 'upstream',
  client_closed: 'upstream',
  internal_error: 'proxy',
};

/** Thrown inside the handler to answer with a refusal; nothing has been forwarded. */
export class Refusal extends Error {
  readonly status: number;
  readonly code: RefusalCode;
  readonly check: RefusalCheck;
  readonly headers: Record<string, string>;

  constructor(status: number, code: RefusalCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'Refusal';
    this.status = status;
    this.code = code;
    this.check = CHECK_OF[code];
    this.headers = headers;
  }
}

/** Headers on everything the proxy answers: private data, never cached, never sniffed. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/**
 * What the proxy answers, whatever serves it: the fetch adapter turns it into a `Response`, the
 * node:http adapter writes it as it is. The headers object is the adapter's to add to.
 */
export interface ProxyAnswer {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** null for none (a preflight, a 204 from the venue). */
  body: Uint8Array | string | null;
}

/** The refusal as an answer; `cors` (the caller's CORS headers, when known) is added last. */
export function refusalAnswer(refusal: Refusal, cors: Readonly<Record<string, string>> = {}): ProxyAnswer {
  return {
    status: refusal.status,
    headers: { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8', ...refusal.headers, ...cors },
    body: JSON.stringify({ error: refusal.code, check: refusal.check, message: refusal.message }),
  };
}

/** The refusal as a standard `Response`. */
export function refusalResponse(refusal: Refusal, cors: Readonly<Record<string, string>> = {}): Response {
  const answer = refusalAnswer(refusal, cors);
  return new Response(answer.body as BodyInit, { status: answer.status, headers: answer.headers });
}

/** The venue did not answer in time (the whole answer, not only its headers). */
export function upstreamTimeout(timeoutMs: number): Refusal {
  return new Refusal(504, 'upstream_timeout', `The venue did not answer within ${timeoutMs} ms.`);
}

export function upstreamUnreachable(): Refusal {
  return new Refusal(502, 'upstream_unreachable', 'The proxy could not reach the venue.');
}

/** A redirect would carry signed headers elsewhere: the proxy never follows one. */
export function upstreamRedirect(): Refusal {
  return new Refusal(502, 'upstream_unreachable', 'The venue answered with a redirect, which the proxy does not follow.');
}

export function clientClosed(): Refusal {
  return new Refusal(499, 'client_closed', 'The caller went away.');
}
