/**
 * A test page for Chromium, on loopback: a folder served on 127.0.0.1 with the built CDN bundle
 * (dist/cdn: the loader, its chunks, margin-kit.all.js) beside it, a sandbox (any fetch handler) and a signing proxy that allows
 * the page's origin and a bearer token. The page's `setup.js` is written once the proxy listens.
 */
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveFetchHandler, type FetchHandler, type ServedHandler } from '../../../src/node/serve.js';
import { createSigningProxy } from '../../../src/proxy/index.js';
import { DEMO_CREDENTIALS } from '../../../src/sandbox/index.js';
import { serveFolder } from '../../helpers/static-server.js';

export const BUNDLE = 'dist/cdn/margin-kit.js';
export const PAGE_TOKEN = 'page-token-TEST-0123456789abcdef';

export interface PageSite {
  /** The page's origin. */
  url: string;
  proxy: ServedHandler;
  venue: ServedHandler;
  folder: string;
  /** Writes a file of the page (index.html, setup.js ...). */
  write(name: string, text: string): void;
  close(): Promise<void>;
}

export function bundleExists(): boolean {
  return existsSync(BUNDLE);
}

export async function startPageSite(options: { venue: FetchHandler; headers?: (proxyUrl: string) => Record<string, string> }): Promise<PageSite> {
  const folder = mkdtempSync(join(tmpdir(), 'margin-kit-page-'));
  // The loader (margin-kit.js), its chunks and margin-kit.all.js, side by side as a CDN serves them.
  cpSync('dist/cdn', folder, { recursive: true });
  const venue = await serveFetchHandler(options.venue, { onThrow: 'drop-connection' });
  let headers: Record<string, string> = {};
  // Read on every answer: the headers may name the proxy, which listens only after the page does.
  const live = new Proxy({} as Record<string, string>, {
    ownKeys: () => Reflect.ownKeys(headers),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(headers, key),
    get: (_, key) => (typeof key === 'string' ? headers[key] : undefined),
  });
  const files = await serveFolder(folder, live);
  const proxy = await serveFetchHandler(
    createSigningProxy({
      kucoin: { ...DEMO_CREDENTIALS.kucoin, baseUrl: venue.url },
      bitmart: { ...DEMO_CREDENTIALS.bitmart, baseUrl: venue.url },
      token: PAGE_TOKEN,
      allowedOrigins: [files.url],
      rateLimit: false,
      // The soak drives the hub's clock far faster than real time: a browser cache of public
      // data (max-age=1 by default) would answer polls the fake clock says are seconds apart.
      publicMaxAgeSeconds: 0,
      log: false,
    }),
  );
  headers = options.headers?.(proxy.url) ?? {};
  return {
    url: files.url,
    proxy,
    venue,
    folder,
    write: (name, text) => writeFileSync(join(folder, name), text),
    async close() {
      await files.close();
      await proxy.close();
      await venue.close();
    },
  };
}
