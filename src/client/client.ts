import { ENDPOINTS, type Venue } from '../core/endpoints.js';
import * as bitmartEndpoints from './bitmart/index.js';
import { createConnection, getConnection, type MarginClientOptions, type MarginConnection } from './connection.js';
import * as kucoinEndpoints from './kucoin/index.js';
import { borrowRepayVenue, type BorrowRepayVenue, type KucoinVenueOptions, type MarginMode } from './venue.js';
import type { Transport } from './transport.js';

type EndpointFunction = (transport: Transport, ...args: never[]) => Promise<unknown>;

/** A venue module's endpoint functions with the transport already applied. */
export type BoundEndpoints<M> = {
  [K in keyof M as M[K] extends EndpointFunction ? K : never]: M[K] extends (
    transport: Transport,
    ...args: infer A
  ) => infer R
    ? (...args: A) => R
    : never;
};

function bindEndpoints<M extends object>(venue: Venue, module: M, transport: Transport): BoundEndpoints<M> {
  const bound: Record<string, unknown> = {};
  const functions = module as Record<string, unknown>;
  for (const endpoint of ENDPOINTS) {
    if (endpoint.venue !== venue) continue;
    const fn = functions[endpoint.name];
    if (typeof fn !== 'function') throw new Error(`margin-kit: no client function for ${endpoint.name}`);
    bound[endpoint.name] = (...args: unknown[]) => fn(transport, ...args);
  }
  return bound as BoundEndpoints<M>;
}

/** A connection with every endpoint of both venues bound to it, for pages that call the venues themselves. */
export interface MarginClient extends MarginConnection {
  readonly kucoin: BoundEndpoints<typeof kucoinEndpoints>;
  readonly bitmart: BoundEndpoints<typeof bitmartEndpoints>;
  /** The borrow/repay venue for an exchange and margin mode (KuCoin: the HF account unless `isHf: false`). */
  venue(exchange: Venue, marginMode: MarginMode, options?: KucoinVenueOptions): BorrowRepayVenue;
}

function bindClient(connection: MarginConnection): MarginClient {
  const { proxyUrl, transport, hub } = connection;
  return {
    proxyUrl,
    transport,
    hub,
    venue: (exchange, marginMode, options) => borrowRepayVenue(transport, hub, exchange, marginMode, options),
    kucoin: bindEndpoints('kucoin', kucoinEndpoints, transport),
    bitmart: bindEndpoints('bitmart', bitmartEndpoints, transport),
  };
}

/** A new, unshared client. Pages that share with the elements use `getMarginClient`. */
export function createMarginClient(options: MarginClientOptions): MarginClient {
  return bindClient(createConnection(options));
}

const clientOf = new WeakMap<MarginConnection, MarginClient>();

/**
 * The page's shared client for a proxy URL (the configured one when `proxyUrl` is empty): built
 * on the same connection as the elements', so the page keeps one cache and one poll per resource.
 */
export function getMarginClient(proxyUrl?: string): MarginClient {
  const connection = getConnection(proxyUrl);
  let client = clientOf.get(connection);
  if (!client) clientOf.set(connection, (client = bindClient(connection)));
  return client;
}

export { configure, pageConfig, getConnection, createConnection, CONFIGURED_EVENT } from './connection.js';
export type { MarginClientOptions, MarginConnection, PageConfig } from './connection.js';
