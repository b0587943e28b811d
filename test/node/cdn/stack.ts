/**
 * What `npm start` runs, on loopback ports chosen by the OS, for Node-side page checks: the
 * sandbox exchange and the signing proxy (demo credentials, a fresh bearer token, the page's
 * origin allowed, no rate limit), and a page server for the repository root that also answers
 * `/demo-config.json` as demo/server.ts does, plus any routes a test adds.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import type { Browser, ConsoleMessage, Page } from 'puppeteer-core';
import { serveFetchHandler, type ServedHandler } from '../../../src/node/serve.js';
import { createSigningProxy } from '../../../src/proxy/index.js';
import { createSandboxExchange, DEMO_CREDENTIALS } from '../../../src/sandbox/index.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

export interface Route {
  type: string;
  body: string | Buffer;
}

export interface PageStack {
  /** The page origin, `http://127.0.0.1:<port>`. */
  url: string;
  proxyUrl: string;
  token: string;
  /** Extra answers by path (`/pages/twice.html`), checked before the files. */
  routes: Map<string, Route>;
  /** Serves files from this folder under a path prefix (`/examples/react/` -> a build folder). */
  mount(prefix: string, folder: string): void;
  close(): Promise<void>;
}

function serveFile(file: string, res: import('node:http').ServerResponse): void {
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
}

function listen(server: Server): Promise<string> {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

export async function startPageStack(): Promise<PageStack> {
  const routes = new Map<string, Route>();
  const mounts: Array<[string, string]> = [['/', REPO_ROOT]];
  const token = randomBytes(24).toString('hex');
  let config = '';

  const pages = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/demo-config.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(config);
      return;
    }
    const route = routes.get(path);
    if (route) {
      res.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' }).end(route.body);
      return;
    }
    const [prefix, folder] = mounts.filter(([p]) => path.startsWith(p)).sort((a, b) => b[0].length - a[0].length)[0]!;
    const root = resolve(folder);
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    serveFile(file, res);
  });
  const url = await listen(pages);

  let sandbox: ServedHandler | undefined;
  let proxy: ServedHandler | undefined;
  try {
    sandbox = await serveFetchHandler(createSandboxExchange({ seed: 1 }), { onThrow: 'drop-connection' });
    proxy = await serveFetchHandler(
      createSigningProxy({
        kucoin: { ...DEMO_CREDENTIALS.kucoin, baseUrl: sandbox.url },
        bitmart: { ...DEMO_CREDENTIALS.bitmart, baseUrl: sandbox.url },
        allowedOrigins: [url],
        token,
        log: false,
        // One caller opens page after page of four elements here; a page's first load alone is
        // about the default burst (30), and the rate limiter has tests of its own.
        rateLimit: false,
      }),
      {},
    );
  } catch (error) {
    await Promise.allSettled([sandbox?.close(), closeServer(pages)]);
    throw error;
  }
  config = JSON.stringify({ proxyUrl: proxy.url, token });

  return {
    url,
    proxyUrl: proxy.url,
    token,
    routes,
    mount: (prefix, folder) => void mounts.push([prefix, folder]),
    close: async () => {
      await Promise.allSettled([proxy!.close(), sandbox!.close(), closeServer(pages)]);
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.closeAllConnections();
    server.close(() => done());
  });
}

/** A page with everything it reports collected: console messages by type, page errors, failed loads. */
export interface WatchedPage {
  page: Page;
  errors: string[];
  warnings: string[];
}

export async function openWatched(browser: Browser, url: string, setup?: (page: Page) => void): Promise<WatchedPage> {
  const page = await browser.newPage();
  // Elements poll only while on screen: a viewport tall enough for every element of a page.
  await page.setViewport({ width: 1400, height: 3000 });
  const watched: WatchedPage = { page, errors: [], warnings: [] };
  page.on('console', (message: ConsoleMessage) => {
    // A failed load is reported with its URL by the response listener below.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) watched.errors.push(`console: ${message.text()}`);
    if (message.type() === 'warn') watched.warnings.push(message.text());
  });
  page.on('pageerror', (error) => watched.errors.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
  page.on('response', (response) => {
    // Chromium asks for /favicon.ico on its own; the pages never do.
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) watched.errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  setup?.(page);
  await page.goto(url, { waitUntil: 'load' });
  return watched;
}
