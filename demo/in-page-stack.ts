/**
 * The whole stack inside one page, no server: the signing proxy handler in front of the sandbox
 * handler, joined by fetch functions. Storybook, the element tests and offline demos use it.
 */
import { configure, type PageConfig } from '../src/client/client.js';
import { createSigningProxy } from '../src/proxy/index.js';
import { createSandboxExchange, DEMO_CREDENTIALS, type SandboxExchange, type SandboxOptions } from '../src/sandbox/index.js';

export interface InPageStack {
  /** Use as `proxy-url` (or leave it empty: `configure()` set it for the page). */
  proxyUrl: string;
  sandbox: SandboxExchange;
  /** The fetch the client uses: it calls the proxy handler directly. */
  fetch: typeof globalThis.fetch;
  /** Requests that reached the sandbox, `METHOD /path?query`, for request-count checks. */
  upstream: string[];
}

const SANDBOX_ORIGIN = 'https://sandbox.margin-kit.invalid';

export interface InPageStackOptions extends SandboxOptions {
  proxyUrl?: string;
  /** Configure the page's shared client to use this stack (default true). */
  configurePage?: boolean;
  page?: PageConfig;
  /**
   * Poll even while the page is hidden. Test runners keep all but one test page in a background
   * tab (`document.hidden`), where the hub rightly pauses.
   */
  ignorePageVisibility?: boolean;
}

const ALWAYS_VISIBLE = { isHidden: () => false, subscribe: () => () => {} };

export function createInPageStack(options: InPageStackOptions = {}): InPageStack {
  const sandbox = createSandboxExchange(options);
  const upstream: string[] = [];
  const toSandbox = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    upstream.push(`${request.method} ${url.pathname}${url.search}`);
    return sandbox(request);
  }) as typeof globalThis.fetch;
  const proxy = createSigningProxy({
    kucoin: { ...DEMO_CREDENTIALS.kucoin, baseUrl: SANDBOX_ORIGIN },
    bitmart: { ...DEMO_CREDENTIALS.bitmart, baseUrl: SANDBOX_ORIGIN },
    allowAnonymous: true,
    allowedHosts: 'any',
    rateLimit: false,
    log: false,
    fetch: toSandbox,
    now: options.now,
  });
  const proxyUrl = options.proxyUrl ?? 'https://proxy.margin-kit.invalid';
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => proxy(new Request(input, init))) as typeof globalThis.fetch;
  if (options.configurePage !== false) {
    const hub = options.ignorePageVisibility ? { ...options.page?.hub, visibility: ALWAYS_VISIBLE } : options.page?.hub;
    configure({ proxyUrl, fetch, ...options.page, hub });
  }
  return { proxyUrl, sandbox, fetch, upstream };
}
