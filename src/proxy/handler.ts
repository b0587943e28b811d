/**
 * The signing proxy as one standard fetch handler, `(Request) => Promise<Response>`, for any
 * runtime with fetch and Web Crypto: the fetch adapter of the proxy core (core.ts). On Node, the
 * CLI serves the same core through node:http instead (src/node/proxy.ts).
 */
import { readBodyText } from './body.js';
import { createProxyCore, type ProxyRequestView } from './core.js';
import type { ProxyAnswer } from './respond.js';
import { forwardWithFetch } from './upstream.js';
import type { FetchHandler, ProxyRequestInfo, SigningProxyOptions } from './types.js';

/** The path and query of an absolute URL's text, unparsed. */
function targetOf(href: string): string {
  const path = href.indexOf('/', href.indexOf('//') + 2);
  return path === -1 ? '/' : href.slice(path);
}

/** A `Request` (and what its server adapter told about it) as the core sees it. */
export class FetchRequestView implements ProxyRequestView {
  readonly method: string;
  readonly target: string;
  readonly raw: boolean;
  readonly parsedPath: string | undefined;
  readonly remoteAddress: string | undefined;
  private readonly url: URL;

  constructor(readonly request: Request, info: ProxyRequestInfo | undefined) {
    this.method = request.method;
    this.remoteAddress = info?.remoteAddress;
    const url = new URL(request.url);
    this.url = url;
    if (info?.rawTarget === undefined) {
      // Deno and workerd put the target in request.url as it arrived (`..`, `%2e%2e`, `\`
      // unresolved) and only URL parsing resolves it: held to the canonical spelling, as a raw target.
      const parsed = url.pathname + url.search;
      const given = targetOf(request.url);
      this.target = given;
      this.raw = given !== parsed;
      this.parsedPath = this.raw ? url.pathname : undefined;
    } else {
      this.target = info.rawTarget;
      this.raw = true;
      this.parsedPath = url.pathname;
    }
  }

  header(name: string): string | null {
    return this.request.headers.get(name);
  }

  has(name: string): boolean {
    return this.request.headers.has(name);
  }

  host(): string {
    // Browsers (and so the in-page proxy) never expose Host on a Request: the URL carries it.
    return this.request.headers.get('host') ?? this.url.host;
  }

  bodyText(maxBytes: number): Promise<string> {
    return readBodyText(this.request, maxBytes);
  }

  toRequest(): Request {
    return this.request;
  }
}

function toResponse(answer: ProxyAnswer): Response {
  return new Response(answer.body as BodyInit | null, { status: answer.status, headers: answer.headers });
}

/** Creates the signing proxy: `(request) => Promise<Response>`, for any runtime with fetch and Web Crypto. */
export function createSigningProxy(options: SigningProxyOptions): FetchHandler {
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const core = createProxyCore<FetchRequestView>(options, (call, view) => forwardWithFetch(fetchImpl, call, view.request.signal));
  return async (request, info) => toResponse(await core(new FetchRequestView(request, info)));
}
