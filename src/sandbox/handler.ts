import { ENDPOINTS, matchEndpoint, type Venue } from '../core/endpoints.js';
import type { BitmartAccount, KucoinAccount } from './accounts.js';
import { verifyBitmart, verifyKucoin } from './auth.js';
import type { EndpointImpl, RequestContext } from './context.js';
import { VenueError } from './errors.js';
import type { FaultController } from './faults.js';
import { stringify } from './json.js';
import type { SandboxState } from './state.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

function venueOf(path: string): Venue | undefined {
  if (path.startsWith('/api/')) return 'kucoin';
  if (path.startsWith('/spot/')) return 'bitmart';
  return undefined;
}

function envelope(venue: Venue, state: SandboxState, data: unknown): string {
  return venue === 'kucoin'
    ? stringify({ code: '200000', data })
    : stringify({ code: 1000, message: 'OK', trace: state.trace(), data });
}

function errorResponse(venue: Venue, state: SandboxState, error: VenueError, headers: Record<string, string> = {}): Response {
  const body =
    venue === 'kucoin'
      ? { code: error.code, msg: error.message }
      : { code: Number(error.code), message: error.message, trace: state.trace(), data: {} };
  return new Response(JSON.stringify(body), { status: error.status, headers: { ...JSON_HEADERS, ...headers } });
}

function rateLimitHeaders(venue: Venue, now: number): Record<string, string> {
  return venue === 'kucoin'
    ? { 'gw-ratelimit-limit': '2000', 'gw-ratelimit-remaining': '0', 'gw-ratelimit-reset': String(1000 - (now % 1000)) }
    : { 'X-BM-RateLimit-Remaining': '0', 'X-BM-RateLimit-Limit': '12', 'X-BM-RateLimit-Reset': '2' };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Dropped answers look like a reset connection to any fetch caller. */
export class ConnectionLost extends TypeError {
  constructor() {
    super('sandbox: connection lost (injected fault)');
    this.name = 'ConnectionLost';
  }
}

/**
 * The sandbox as one fetch handler: routes the venues' real paths, verifies auth as they do,
 * applies the endpoint and answers in the venue's envelope. Never throws for bad input: every
 * refusal is the venue's own error envelope. Throws only to simulate a lost connection.
 */
export function createHandler(
  state: SandboxState,
  implementations: Record<string, EndpointImpl>,
  faults: FaultController,
): (request: Request) => Promise<Response> {
  const missing = ENDPOINTS.filter((e) => !implementations[e.name]).map((e) => e.name);
  if (missing.length > 0) throw new Error(`sandbox: no implementation for ${missing.join(', ')}`);

  return async (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    const venue = venueOf(path);
    if (!venue) {
      return new Response(JSON.stringify({ code: '404000', msg: 'Url Not Found' }), { status: 404, headers: JSON_HEADERS });
    }
    const match = matchEndpoint(venue, request.method, path);
    if (!match) {
      const notFound = venue === 'kucoin' ? new VenueError('404000', 'Url Not Found', 404) : new VenueError('30000', 'Not found', 404);
      return errorResponse(venue, state, notFound);
    }

    const drawn = faults.draw(request.method, path);
    if (drawn.delayMs > 0) await sleep(drawn.delayMs);
    if (drawn.before === 'reset') throw new ConnectionLost();
    const now = state.now();
    if (drawn.before === 'rate-limit') {
      const limited = venue === 'kucoin' ? new VenueError('429000', 'Too Many Requests', 429) : new VenueError('30013', 'Too Many Requests', 429);
      return errorResponse(venue, state, limited, rateLimitHeaders(venue, now));
    }
    if (drawn.before === 'server-error') {
      // BitMart's 503 is 30014 "Service unavailable" (its authentication/gateway table).
      const unavailable = venue === 'kucoin' ? new VenueError('500000', 'Internal Server Error', 503) : new VenueError('30014', 'Service unavailable', 503);
      return errorResponse(venue, state, unavailable);
    }

    const rawBody = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.text();
    try {
      state.advance(now);
      const { endpoint } = match;
      let kucoin: KucoinAccount | undefined;
      let bitmart: BitmartAccount | undefined;
      if (endpoint.auth !== 'public') {
        if (venue === 'kucoin') kucoin = await verifyKucoin(request, `${path}${url.search}`, rawBody, state, now);
        else bitmart = await verifyBitmart(request, rawBody, endpoint.auth === 'signed', state, now);
      }
      let body: Record<string, unknown> = {};
      if (rawBody) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(rawBody);
        } catch {
          throw venue === 'kucoin' ? new VenueError('400100', 'Invalid JSON body') : new VenueError('50000', 'Invalid JSON body');
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
          throw venue === 'kucoin' ? new VenueError('400100', 'Body must be a JSON object') : new VenueError('50000', 'Body must be a JSON object');
        }
        body = parsed as Record<string, unknown>;
      }
      const ctx: RequestContext = { endpoint, params: match.params, query: url.searchParams, body, kucoin, bitmart, now, state };
      // Awaited: an implementation may be async, and its rejection must become an envelope too.
      const data: unknown = await implementations[endpoint.name]!(ctx);
      if (drawn.after === 'lose-response') throw new ConnectionLost();
      if (drawn.after === 'malformed') return new Response('{"code":"200000","data":', { status: 200, headers: JSON_HEADERS });
      return new Response(envelope(venue, state, data === undefined ? null : data), { status: 200, headers: JSON_HEADERS });
    } catch (error) {
      if (error instanceof ConnectionLost) throw error;
      if (error instanceof VenueError) return errorResponse(venue, state, error);
      // A bug in the sandbox must still answer like a venue would, never crash the server.
      console.error('sandbox: internal error', error);
      const internal = venue === 'kucoin' ? new VenueError('500000', 'Internal Server Error', 500) : new VenueError('59002', 'Internal Server Error', 500);
      return errorResponse(venue, state, internal);
    }
  };
}
