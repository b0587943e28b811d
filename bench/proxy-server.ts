/**
 * One server of the proxy benchmark, in its own process; prints `{"url": ...}` when listening.
 *
 *   sandbox               the sandbox exchange (fresh state, seed 1)
 *   ours <upstream URL>   our signing proxy: demo credentials, anonymous, no rate limit, no log
 *   bare <upstream URL>   the floor of any proxy: node:http, no checks, no signing, pipes through
 *
 * Ends on SIGTERM or when its parent goes away (stdin closes).
 */
import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveFetchHandler } from '../src/node/serve.js';
import { createSigningProxy } from '../src/proxy/index.js';
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

async function main(): Promise<void> {
  let served: { url: string; close(): unknown };
  if (mode === 'sandbox') {
    served = await serveFetchHandler(createSandboxExchange({ seed: 1 }), { host: '127.0.0.1', port: 0 });
  } else if (mode === 'ours' && upstream) {
    const proxy = createSigningProxy({
      kucoin: { ...DEMO_CREDENTIALS.kucoin, baseUrl: upstream },
      bitmart: { ...DEMO_CREDENTIALS.bitmart, baseUrl: upstream },
      allowAnonymous: true,
      rateLimit: false,
      log: false,
    });
    served = await serveFetchHandler(proxy, { host: '127.0.0.1', port: 0 });
  } else if (mode === 'bare' && upstream) {
    served = await bare(upstream);
  } else {
    throw new Error('usage: proxy-server.ts sandbox | ours <upstream> | bare <upstream>');
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
