/**
 * `npm start`: the whole stack on this machine, offline. The sandbox exchange, the signing proxy
 * pointed at it (demo credentials, the page's origin allowed, a fresh bearer token), and the demo
 * page (index.html) served by Vite. Each takes its usual port (8790, 8787, 5173) or the next free
 * one; SANDBOX_PORT, PROXY_PORT and DEMO_PORT pin them. PROXY_TOKEN and PROXY_ALLOWED_ORIGINS
 * let a page of your own call the proxy. Ctrl-C stops all three.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { build, createServer, type Plugin } from 'vite';
import { createNodeFetch } from '../src/node/http-fetch.js';
import { serveFetchHandler } from '../src/node/serve.js';
import { createSigningProxy } from '../src/proxy/index.js';
import { createSandboxExchange, DEMO_CREDENTIALS } from '../src/sandbox/index.js';
import { freePort } from './ports.js';

const HOST = '127.0.0.1';
const ROOT = join(import.meta.dirname, '..');
const taken = new Set<number>();
async function port(name: string, preferred: number): Promise<number> {
  const given = process.env[name];
  const chosen = await freePort(given ? Number(given) : preferred, HOST, { explicit: given !== undefined, taken });
  taken.add(chosen);
  return chosen;
}
const src = (path: string) => join(ROOT, 'src', path);

/**
 * /demo/cdn.html loads the CDN bundle the way a page without a bundler would: a fresh checkout
 * has none yet, so build it (a few seconds) rather than answer that page with an error.
 */
async function ensureCdnBundle(): Promise<void> {
  if (existsSync(join(ROOT, 'dist/cdn/margin-kit.js'))) return;
  process.stdout.write('building dist/cdn/margin-kit.js for /demo/cdn.html...\n');
  await build({ root: ROOT, mode: 'cdn', logLevel: 'warn' });
}

async function main(): Promise<void> {
  // Probed before anything listens, so the proxy can allow the page's origin from the start.
  const [sandboxPort, proxyPort, pagePort] = [await port('SANDBOX_PORT', 8790), await port('PROXY_PORT', 8787), await port('DEMO_PORT', 5173)];
  await ensureCdnBundle();
  const sandbox = await serveFetchHandler(createSandboxExchange({ seed: Number(process.env.SANDBOX_SEED ?? 1) }), {
    host: HOST,
    port: sandboxPort,
    onThrow: 'drop-connection',
  });

  const pageOrigin = `http://${HOST}:${pagePort}`;
  // Your own page can use this proxy too: PROXY_TOKEN fixes the token (else a fresh one, also at
  // /demo-config.json), PROXY_ALLOWED_ORIGINS adds origins to the demo page's own.
  const token = process.env.PROXY_TOKEN || randomBytes(24).toString('hex');
  const extraOrigins = (process.env.PROXY_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  const proxy = await serveFetchHandler(
    createSigningProxy({
      kucoin: { ...DEMO_CREDENTIALS.kucoin, baseUrl: sandbox.url },
      bitmart: { ...DEMO_CREDENTIALS.bitmart, baseUrl: sandbox.url },
      allowedOrigins: [pageOrigin, `http://localhost:${pagePort}`, ...extraOrigins],
      token,
      log: false,
      fetch: createNodeFetch(),
      // One demo page loads all four elements at once (about 25 calls); allow quick reloads too.
      rateLimit: { capacity: 150, refillPerSecond: 25 },
    }),
    { host: HOST, port: proxyPort },
  );

  // The page asks for its proxy URL and token here, as a real site would from its own backend.
  const demoConfig: Plugin = {
    name: 'margin-kit-demo-config',
    configureServer(server) {
      server.middlewares.use('/demo-config.json', (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('cache-control', 'no-store');
        res.end(JSON.stringify({ proxyUrl: proxy.url, token }));
      });
    },
  };
  const page = await createServer({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    server: { host: HOST, port: pagePort, strictPort: true },
    // The examples import `margin-kit` as an app would: here that is this checkout's source, so
    // /examples/react/ runs without a build (and shows the change being worked on).
    resolve: {
      alias: [
        { find: /^margin-kit$/, replacement: src('index.ts') },
        { find: /^margin-kit\/client$/, replacement: src('client/index.ts') },
        { find: /^margin-kit\/(margin-[a-z-]+)\.js$/, replacement: `${src('define')}/$1.ts` },
      ],
    },
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    plugins: [demoConfig],
  });
  await page.listen();

  process.stdout.write(
    [
      `sandbox exchange  ${sandbox.url}  (KuCoin /api/..., BitMart /spot/...)`,
      `signing proxy     ${proxy.url}  (signs with the demo credentials)`,
      `  bearer token    ${token}`,
      `  origins         ${[pageOrigin, `http://localhost:${pagePort}`, ...extraOrigins].join(', ')}`,
      '',
      `margin-kit demo   ${pageOrigin}/`,
      `CDN bundle page   ${pageOrigin}/demo/cdn.html`,
      `React 19 example  ${pageOrigin}/examples/react/`,
      '',
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );

  const stop = async () => {
    await Promise.allSettled([page.close(), proxy.close(), sandbox.close()]);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
