/**
 * The proxy's own answers: `{ "error": "<stable code>", "message": "..." }`. The client maps
 * `rate_limited`, `upstream_timeout` and `upstream_unreachable` to typed errors and every other
 * code to ProxyError, so codes are API: never rename one.
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
  | 'internal_error';

/** Thrown inside the handler to answer with a refusal; nothing has been forwarded. */
export class Refusal extends Error {
  readonly status: number;
  readonly code: RefusalCode;
  readonly headers: Record<string, string>;

  constructor(status: number, code: RefusalCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'Refusal';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/** Headers on everything the proxy answers: private data, never cached, never sniffed. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** The refusal as an answer; `cors` (the caller's CORS headers, when known) is added last. */
export function refusalResponse(refusal: Refusal, cors: Readonly<Record<string, string>> = {}): Response {
  return new Response(JSON.stringify({ error: refusal.code, message: refusal.message }), {
    status: refusal.status,
    headers: { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8', ...refusal.headers, ...cors },
  });
}
