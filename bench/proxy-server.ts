/**
 * One server of the proxy benchmark, in its own process; prints `{"url": ...}` when listening.
 *
 *   sandbox               the sandbox exchange (fresh state, seed 1)
 *   ours <upstream URL>   our signing proxy with the CLI's defaults (serveSigningProxy, the node:http
 *                         adapter of the proxy core): one pino log line per request on stdout,
 *                         prom-client metrics; demo credentials, anonymous, no rate limit
 *   quiet <upstream URL>  the same with logging off (log: false)
 *   bare <upstream URL>   the floor of any proxy: node:http, no checks, no signing, pipes through
 *   fetch <upstream URL>  a fetch-handler pass-through: serveFetchHandler + createNodeFetch, no
 *                         checks, no signing (what the plumbing alone costs, our proxy minus its work)
 *
 * Ends on SIGTERM or when its parent goes away (stdin closes).
 */
import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeFetch } from '../src/node/http-fetch.js';
import { serveSigningProxy } from '../src/node/proxy.js';
import { serveFetchHandler } from '../src/node/serve.js';
import { createSandboxExchange, DEMO_CREDENTIALS } from '../src/sandbox/index.js';

const [mode, upstream] = process.argv.slice(2);

async function bare(upstreamUrl: string): Promise<{ url: string; close(): void }> {
  const target = new URL(upstreamUrl);
  const agent = new Agent({ keepAlive: true });
  const server = createServer((req, res) => {
    const route = /^\/(?:kucoin|bitmart)(\/.*)$/.exec(req.url ?? '');
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const forwarded = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: route[1], headers: { ...req.headers, host: target.host }, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(forwarded);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** A fetch handler that forwards as our proxy does (whole bodies, the same upstream fetch) and checks nothing. */
function fetchPassThrough(upstreamUrl: string) {
  const origin = new URL(upstreamUrl).origin;
  const fetch = createNodeFetch();
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const route = /^\/(?:kucoin|bitmart)(\/.*)$/.exec(url.pathname);
    if (!route) return new Response(null, { status: 404 });
    const headers = new Headers(request.headers);
    headers.delete('host');
    headers.delete('connection');
    const body = request.method === 'GET' ? undefined : await request.text();
    const answer = await fetch(`${origin}${route[1]}${url.search}`, { method: request.method, headers, body, redirect: 'manual' });
    const content = await answer.arrayBuffer();
    return new Response(content, { status: answer.status, headers: { 'content-type': answer.headers.get('content-type') ?? 'application/json' } });
  };
}

async function main(): Promise<void> {
  let served: { url: string; close(): unknown };
  if (mode === 'sandbox') {
    served = await serveFetchHandler(createSandboxExchange({ seed: 1 }), { host: '127.0.0.1', port: 0 });
  } else if ((mode === 'ours' || mode === 'quiet') && upstream) {
    // Exactly what src/node/proxy-cli.ts starts (its log included: no log hook means pino on
    // stdout, which the bench reads as a log collector would), but without a rate limit.
    served = await serveSigningProxy(
      {
        kucoin: { ...DEMO_CREDENTIALS.kucoin, baseUrl: upstream },
        bitmart: { ...DEMO_CREDENTIALS.bitmart, baseUrl: upstream },
        allowAnonymous: true,
        rateLimit: false,
        ...(mode === 'quiet' ? { log: false as const } : {}),
      },
      { host: '127.0.0.1', port: 0 },
    );
  } else if (mode === 'fetch' && upstream) {
    served = await serveFetchHandler(fetchPassThrough(upstream), { host: '127.0.0.1', port: 0 });
  } else if (mode === 'bare' && upstream) {
    served = await bare(upstream);
  } else {
    throw new Error('usage: proxy-server.ts sandbox | ours <upstream> | quiet <upstream> | bare <upstream> | fetch <upstream>');
  }
  process.stdout.write(`${JSON.stringify({ url: served.url })}\n`);
  const stop = () => {
    void served.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
