import { createHmac } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveFetchHandler } from '../../../src/node/serve.js';
import { serveSigningProxy } from '../../../src/node/proxy.js';
import { createSigningProxy, type SigningProxyOptions } from '../../../src/proxy/index.js';

/** HMAC-SHA256 by node:crypto, independent of the Web Crypto code under test. */
export const hmacBase64 = (secret: string, message: string) => createHmac('sha256', secret).update(message).digest('base64');
export const hmacHex = (secret: string, message: string) => createHmac('sha256', secret).update(message).digest('hex');

export interface Captured {
  method: string;
  /** The request target exactly as it arrived. */
  target: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Answer {
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: string;
  /** Never answer (a venue that hangs). */
  hang?: boolean;
  /** Answer after this long (a slow venue). */
  delayMs?: number;
}

export interface CaptureServer {
  url: string;
  calls: Captured[];
  close(): Promise<void>;
}

/** A fake venue on 127.0.0.1 that records every request it gets. */
export async function startCaptureServer(answer: (call: Captured) => Answer = () => ({})): Promise<CaptureServer> {
  const calls: Captured[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const call: Captured = { method: req.method ?? '', target: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      calls.push(call);
      const { status = 200, headers = {}, body = '{"code":"200000","data":{"ok":true}}', hang, delayMs = 0 } = answer(call);
      if (hang) return;
      const send = () => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(body);
      };
      if (delayMs > 0) setTimeout(send, delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One HTTP request with the target sent byte for byte (fetch would normalize `..` first). */
export function rawRequest(
  baseUrl: string,
  init: { method: string; target: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean },
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: hostname,
        port,
        method: init.method,
        path: init.target,
        headers: {
          ...(init.body !== undefined && !init.chunked ? { 'content-length': String(Buffer.byteLength(init.body)) } : {}),
          ...init.headers,
        },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

/** Hosts a test tried to reach off loopback: each suite asserts this stays empty. */
export const offLoopbackAttempts: string[] = [];

/** The global fetch, refusing anything but 127.0.0.1: tests never reach a real venue. */
export const loopbackFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== '127.0.0.1') {
    offLoopbackAttempts.push(url.host);
    return Promise.reject(new Error(`test tried to reach ${url.host}`));
  }
  return fetch(input, init);
};

/** A proxy listening on 127.0.0.1, whichever adapter serves it. */
export interface ServedProxy {
  url: string;
  close(): Promise<void>;
}

export interface ProxyAdapter {
  name: string;
  serve(options: SigningProxyOptions): Promise<ServedProxy>;
}

function loopbackOnly(options: SigningProxyOptions): void {
  for (const base of [options.kucoin?.baseUrl, options.bitmart?.baseUrl]) {
    if (base !== undefined && new URL(base).hostname !== '127.0.0.1') {
      offLoopbackAttempts.push(new URL(base).host);
      throw new Error(`test points the proxy at ${base}`);
    }
  }
  if (options.kucoin?.baseUrl === undefined) throw new Error('tests give the proxy a loopback KuCoin base URL');
}

/**
 * The two ways the proxy is served on Node, so every over-HTTP suite runs against both: the fetch
 * handler on serveFetchHandler (upstream: the loopback-only global fetch), and the node:http
 * adapter the CLI runs (upstream: its own node:http client, pointed at loopback only).
 */
export const ADAPTERS: readonly ProxyAdapter[] = [
  {
    name: 'fetch handler',
    serve: (options) => serveFetchHandler(createSigningProxy({ fetch: loopbackFetch, ...options }), { host: '127.0.0.1', port: 0 }),
  },
  {
    name: 'node:http adapter',
    serve: (options) => {
      loopbackOnly(options);
      const { fetch: _ignored, ...rest } = options;
      return serveSigningProxy(rest, { host: '127.0.0.1', port: 0 });
    },
  },
];
