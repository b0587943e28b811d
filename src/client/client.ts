import { ENDPOINTS, type Venue } from '../core/endpoints.js';
import * as bitmartEndpoints from './bitmart/index.js';
import { Hub, type HubOptions } from './hub.js';
import * as kucoinEndpoints from './kucoin/index.js';
import { borrowRepayVenue, type BorrowRepayVenue, type MarginMode } from './venue.js';
import { createTransport, type Transport, type TransportOptions } from './transport.js';

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

export interface MarginClientOptions extends TransportOptions {
  hub?: HubOptions;
}

/** One client per proxy URL: the transport, the shared hub, and every endpoint of both venues. */
export interface MarginClient {
  readonly proxyUrl: string;
  readonly transport: Transport;
  readonly hub: Hub;
  readonly kucoin: BoundEndpoints<typeof kucoinEndpoints>;
  readonly bitmart: BoundEndpoints<typeof bitmartEndpoints>;
  /** The borrow/repay venue for an exchange and margin mode. */
  venue(exchange: Venue, marginMode: MarginMode): BorrowRepayVenue;
}

/** A new, unshared client. Elements use `getMarginClient`, which shares one per proxy URL. */
export function createMarginClient(options: MarginClientOptions): MarginClient {
  const transport = createTransport(options);
  const hub = new Hub(options.hub);
  return {
    proxyUrl: options.proxyUrl,
    transport,
    hub,
    venue: (exchange, marginMode) => borrowRepayVenue(transport, hub, exchange, marginMode),
    kucoin: bindEndpoints('kucoin', kucoinEndpoints, transport),
    bitmart: bindEndpoints('bitmart', bitmartEndpoints, transport),
  };
}

/** Page-wide settings: how elements reach the proxy as the page's user. */
export interface PageConfig {
  /** Used by elements without a `proxy-url` attribute. */
  proxyUrl?: string;
  /** Called before each request; sent as `Authorization: Bearer <token>`. A function, so a short-lived token can be refreshed. */
  getToken?: () => string | undefined | Promise<string | undefined>;
  /** `include` for a proxy on the page's own site that authenticates by cookie. */
  credentials?: RequestCredentials;
  /** A fetch to use instead of the network (Storybook and tests: the in-page proxy and sandbox). */
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  hub?: HubOptions;
}

interface Registry {
  config: PageConfig;
  clients: Map<string, MarginClient>;
}

/**
 * Shared across elements and across two copies of margin-kit on one page (npm build + CDN):
 * the same proxy URL always yields the same client, cache and polls.
 */
const REGISTRY_KEY = Symbol.for('margin-kit/client-registry');

function registry(): Registry {
  const scope = globalThis as typeof globalThis & { [REGISTRY_KEY]?: Registry };
  scope[REGISTRY_KEY] ??= { config: {}, clients: new Map() };
  return scope[REGISTRY_KEY];
}

/** Fired on `globalThis` after `configure()`: elements connected earlier pick up the new client. */
export const CONFIGURED_EVENT = 'margin-kit-configured';

/** Set once per page, before or after elements connect; clients made earlier are replaced. */
export function configure(config: PageConfig): void {
  const r = registry();
  r.config = { ...r.config, ...config };
  r.clients.clear();
  if (typeof globalThis.dispatchEvent === 'function') globalThis.dispatchEvent(new Event(CONFIGURED_EVENT));
}

export function pageConfig(): Readonly<PageConfig> {
  return registry().config;
}

function normalizeProxyUrl(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The page's shared client for a proxy URL (the configured one when `proxyUrl` is empty). */
export function getMarginClient(proxyUrl?: string): MarginClient {
  const r = registry();
  const url = normalizeProxyUrl(proxyUrl || r.config.proxyUrl || '');
  if (!url) throw new TypeError('margin-kit: no proxy URL: set the proxy-url attribute or call configure({ proxyUrl })');
  let client = r.clients.get(url);
  if (!client) {
    const { getToken, credentials, fetch, timeoutMs, hub } = r.config;
    client = createMarginClient({
      proxyUrl: url,
      credentials,
      fetch,
      timeoutMs,
      hub,
      headers: getToken
        ? async (): Promise<Record<string, string>> => {
            const token = await getToken();
            return token ? { authorization: `Bearer ${token}` } : {};
          }
        : undefined,
    });
    r.clients.set(url, client);
  }
  return client;
}
