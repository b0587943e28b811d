/**
 * `npm start`: the whole stack on this machine, offline. The sandbox exchange, the signing proxy
 * pointed at it (demo credentials, the page's origin allowed, a fresh bearer token), and the demo
 * page (index.html) served by Vite. Ctrl-C stops all three.
 */
import { randomBytes } from 'node:crypto';
import process from 'node:process';
import { createServer, type Plugin } from 'vite';
import { createNodeFetch } from '../src/node/http-fetch.js';
import { serveFetchHandler } from '../src/node/serve.js';
import { createSigningProxy } from '../src/proxy/index.js';
import { createSandboxExchange, DEMO_CREDENTIALS } from '../src/sandbox/index.js';

const HOST = '127.0.0.1';
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

async function main(): Promise<void> {
  const sandbox = await serveFetchHandler(createSandboxExchange({ seed: Number(process.env.SANDBOX_SEED ?? 1) }), {
    host: HOST,
    port: port('SANDBOX_PORT', 8790),
    onThrow: 'drop-connection',
  });

  const pagePort = port('DEMO_PORT', 5173);
  const pageOrigin = `http://${HOST}:${pagePort}`;
  const token = randomBytes(24).toString('hex');
  const proxy = await serveFetchHandler(
    createSigningProxy({
      kucoin: { ...DEMO_CREDENTIALS.kucoin, baseUrl: sandbox.url },
      bitmart: { ...DEMO_CREDENTIALS.bitmart, baseUrl: sandbox.url },
      allowedOrigins: [pageOrigin, `http://localhost:${pagePort}`],
      token,
      log: false,
      fetch: createNodeFetch(),
      // One demo page loads all four elements at once (about 25 calls); allow quick reloads too.
      rateLimit: { capacity: 150, refillPerSecond: 25 },
    }),
    { host: HOST, port: port('PROXY_PORT', 8787) },
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
    root: process.cwd(),
    logLevel: 'warn',
    server: { host: HOST, port: pagePort, strictPort: true },
    esbuild: { target: 'es2022' },
    plugins: [demoConfig],
  });
  await page.listen();

  process.stdout.write(
    [
      `sandbox exchange  ${sandbox.url}  (KuCoin /api/..., BitMart /spot/...)`,
      `signing proxy     ${proxy.url}  (signs with the demo credentials)`,
      '',
      `margin-kit demo   ${pageOrigin}/`,
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
