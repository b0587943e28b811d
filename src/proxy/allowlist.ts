/**
 * Which calls may pass: exactly the (method, path) pairs of the two venue docs, on paths in one
 * canonical spelling, with a query the venue reads the way the proxy signs it.
 */
import { ENDPOINTS, matchEndpoint, type EndpointSpec, type Venue } from '../core/endpoints.js';
import { Refusal } from './respond.js';
import type { ProxyRequestInfo } from './types.js';

/**
 * Every venue path is segments of these characters, and so is every path parameter. Checking the
 * whole path against it refuses `..`, `.`, `%2e`, `%2f`, `%5c`, `\`, `//`, a trailing `/` and any
 * other spelling that a server, a load balancer or the venue could read differently.
 */
const CANONICAL_PATH = /^(?:\/[A-Za-z0-9_-]+)+$/;
/** Query names as the docs spell them (`symbol`, `currentPage`, `start_time`, `N`). */
const QUERY_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/**
 * Values that mean the same before and after URL encoding. KuCoin verifies the signature over the
 * decoded query, so a value that needs encoding (or a `%`-escape, or `+`) would be signed as one
 * text and read as another; `&`, `=` and `#` inside a value would smuggle in another parameter.
 * The same set the client's `buildQuery` sends.
 */
const QUERY_VALUE = /^[A-Za-z0-9_.,:~-]*$/;
/** Headers and a parameter some frameworks read to turn a POST into something else. */
const METHOD_OVERRIDE_HEADERS = ['x-http-method-override', 'x-http-method', 'x-method-override'];
const METHOD_OVERRIDE_PARAM = '_method';


/** The literal (untemplated) endpoints by venue, method and path: most calls are found in one look-up. */
const LITERAL = new Map<string, Map<string, EndpointSpec>>();
for (const endpoint of ENDPOINTS) {
  if (endpoint.path.includes('{')) continue;
  const key = `${endpoint.venue} ${endpoint.method}`;
  if (!LITERAL.has(key)) LITERAL.set(key, new Map());
  LITERAL.get(key)!.set(endpoint.path, endpoint);
}
const LITERAL_BY_VENUE = {
  kucoin: { GET: LITERAL.get('kucoin GET'), POST: LITERAL.get('kucoin POST'), DELETE: LITERAL.get('kucoin DELETE') },
  bitmart: { GET: LITERAL.get('bitmart GET'), POST: LITERAL.get('bitmart POST'), DELETE: LITERAL.get('bitmart DELETE') },
} as const;
const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});
/** Read only (ProxyRoute.queryParams is a ReadonlyMap): one for every call without a query. */
const NO_QUERY: ReadonlyMap<string, string> = new Map();

export interface RequestTarget {
  /** The path as the proxy received it, basePath included. */
  path: string;
  /** The query as received, without `?`; '' when none. */
  query: string;
}

export interface ProxyRoute {
  venue: Venue;
  endpoint: EndpointSpec;
  /** The venue path, parameters filled: `/api/v3/hf/margin/orders/123`. */
  path: string;
  pathParams: Readonly<Record<string, string>>;
  /** The query exactly as it is signed and sent, without `?`; '' when none. */
  query: string;
  queryParams: ReadonlyMap<string, string>;
}

function notAllowed(message: string): Refusal {
  return new Refusal(404, 'not_allowed', message);
}

/**
 * The path and query to check. A server adapter that knows the raw request target passes it, so
 * that `/kucoin/api/x/../y` is refused rather than silently resolved to `/kucoin/api/y` by URL
 * parsing before the handler ever sees it.
 */
export function requestTarget(request: Request, info?: ProxyRequestInfo): RequestTarget {
  const url = new URL(request.url);
  if (info?.rawTarget === undefined) return { path: url.pathname, query: url.search.slice(1) };
  return checkTarget(info.rawTarget, true, url.pathname);
}

/**
 * Splits a target into path and query. A raw target (as it arrived on the wire) must be a plain,
 * canonical path; `parsedPath`, when given, is what URL parsing made of it, and must be the same.
 */
export function checkTarget(target: string, raw: boolean, parsedPath?: string): RequestTarget {
  const mark = target.indexOf('?');
  const path = mark === -1 ? target : target.slice(0, mark);
  const query = mark === -1 ? '' : target.slice(mark + 1);
  if (!raw) return { path, query };
  if (target.charCodeAt(0) !== 0x2f /* / */ || target.includes('#')) throw notAllowed('The request target must be a plain path.');
  if (!CANONICAL_PATH.test(path) || (parsedPath !== undefined && parsedPath !== path)) {
    throw notAllowed('The path is not in canonical form.');
  }
  return { path, query };
}

/** Splits `<basePath>/<venue><venue path>`, refusing every non-canonical spelling. */
export function splitVenuePath(path: string, basePath = ''): { venue: Venue; path: string } {
  if (basePath !== '' && !path.startsWith(`${basePath}/`)) throw notAllowed('Not a proxy route.');
  const rest = path.slice(basePath.length);
  if (!CANONICAL_PATH.test(rest)) throw notAllowed('The path is not in canonical form.');
  const slash = rest.indexOf('/', 1);
  const name = rest.slice(1, slash === -1 ? undefined : slash);
  const venue = name === 'kucoin' || name === 'bitmart' ? name : undefined;
  if (!venue || slash === -1) throw notAllowed('Routes are /kucoin/<venue path> and /bitmart/<venue path>.');
  return { venue, path: rest.slice(slash) };
}

/** Parses `a=1&b=2`, refusing anything the venue might read differently from how it is signed. */
export function parseQuery(query: string): Map<string, string> {
  const params = new Map<string, string>();
  if (query === '') return params;
  for (const part of query.split('&')) {
    const pieces = part.split('=');
    const [name, value] = pieces;
    if (pieces.length !== 2 || name === undefined || value === undefined) {
      throw new Refusal(400, 'bad_query', 'Each query parameter must be one name=value pair.');
    }
    if (name === METHOD_OVERRIDE_PARAM) throw new Refusal(400, 'method_override', 'Method override is not supported.');
    if (!QUERY_NAME.test(name)) throw new Refusal(400, 'bad_query', 'A query parameter name has characters no venue uses.');
    if (!QUERY_VALUE.test(value)) {
      throw new Refusal(
        400,
        'bad_query',
        `The value of ${name} needs URL encoding, which would make the signed and the sent query differ: send only A-Z a-z 0-9 _ . , : ~ -.`,
      );
    }
    if (params.has(name)) throw new Refusal(400, 'bad_query', `${name} is given twice.`);
    params.set(name, value);
  }
  return params;
}

/** Refuses X-HTTP-Method-Override and friends: the method checked is the method sent. */
export function refuseMethodOverride(headers: { has(name: string): boolean }): void {
  for (const name of METHOD_OVERRIDE_HEADERS) {
    if (headers.has(name)) throw new Refusal(400, 'method_override', 'Method override is not supported.');
  }
}

/** The route for an allowed call, or a 404 `not_allowed` refusal. */
export function resolveRoute(method: string, target: RequestTarget, basePath = ''): ProxyRoute {
  const { venue, path } = splitVenuePath(target.path, basePath);
  // Literal paths win over templates (matchEndpoint's rule), so a literal hit needs no more search.
  const literal = method === 'GET' || method === 'POST' || method === 'DELETE' ? LITERAL_BY_VENUE[venue][method]?.get(path) : undefined;
  const match = literal ? { endpoint: literal, params: NO_PARAMS } : matchEndpoint(venue, method, path);
  if (!match) throw notAllowed(`${method} ${path} is not a ${venue} endpoint margin-kit allows.`);
  const queryParams = target.query === '' ? NO_QUERY : parseQuery(target.query);
  return { venue, endpoint: match.endpoint, path, pathParams: match.params, query: target.query, queryParams };
}
