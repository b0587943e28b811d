/**
 * The page's shared connection per proxy URL: one transport and one hub (cache and polls), and
 * nothing else, so an element that calls three endpoints bundles three endpoint functions, not
 * every endpoint of both venues. Elements call the functions they import with `connection.transport`;
 * `getMarginClient` (client.ts) binds every endpoint on top of the same connection.
 */
import { Hub, type HubOptions } from './hub.js';
import { createTransport, type Transport, type TransportOptions } from './transport.js';

export interface MarginClientOptions extends TransportOptions {
  hub?: HubOptions;
}

/** What every call needs: the transport to send through and the hub that shares loads and polls. */
export interface MarginConnection {
  readonly proxyUrl: string;
  readonly transport: Transport;
  readonly hub: Hub;
}

/** A new, unshared connection. Elements use `getConnection`, which shares one per proxy URL. */
export function createConnection(options: MarginClientOptions): MarginConnection {
  return { proxyUrl: options.proxyUrl, transport: createTransport(options), hub: new Hub(options.hub) };
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
  /**
   * BCP 47 locale of the page: the language of every element's words, and the number and date
   * format of elements without a `locale` attribute.
   */
  locale?: string;
}

interface Registry {
  config: PageConfig;
  /** One connection per normalized proxy URL. Any object with `proxyUrl`, `transport` and `hub` will do, whichever copy made it. */
  clients: Map<string, MarginConnection>;
}

/**
 * Shared across elements and across two copies of margin-kit on one page (npm build + CDN):
 * the same proxy URL always yields the same connection, cache and polls.
 */
const REGISTRY_KEY = Symbol.for('margin-kit/client-registry');

function registry(): Registry {
  const scope = globalThis as typeof globalThis & { [REGISTRY_KEY]?: Registry };
  return (scope[REGISTRY_KEY] ??= { config: {}, clients: new Map() });
}

/** Fired on `globalThis` after `configure()`: elements connected earlier pick up the new connection. */
export const CONFIGURED_EVENT = 'margin-kit-configured';

/** Set once per page, before or after elements connect; connections made earlier are replaced. */
export function configure(config: PageConfig): void {
  const r = registry();
  r.config = { ...r.config, ...config };
  r.clients.clear();
  globalThis.dispatchEvent?.(new Event(CONFIGURED_EVENT));
}

export function pageConfig(): Readonly<PageConfig> {
  return registry().config;
}

/** The page's shared connection for a proxy URL (the configured one when `proxyUrl` is empty). */
export function getConnection(proxyUrl?: string): MarginConnection {
  const r = registry();
  const url = (proxyUrl || r.config.proxyUrl || '').replace(/\/+$/, '');
  if (!url) throw new TypeError('margin-kit: no proxy URL: set the proxy-url attribute or call configure({ proxyUrl })');
  let connection = r.clients.get(url);
  if (!connection) {
    const { getToken, credentials, fetch, timeoutMs, hub } = r.config;
    connection = createConnection({
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
    r.clients.set(url, connection);
  }
  return connection;
}
