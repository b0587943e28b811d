/**
 * examples/worker: `wrangler deploy --dry-run` bundles it (wrangler 3, installed on demand like
 * the runtimes), and the bundle wrangler wrote, served by workerd with its secrets as bindings,
 * proxies signed calls to the sandbox with ONE proxy for all requests (its rate limit holds).
 *
 * Nothing reaches a public host: no login, metrics off, and wrangler's one call out (its update
 * check, to the npm registry) pointed at a loopback server that answers 404.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { serveFetchHandler } from '../../../src/node/serve.js';
import { createSandboxExchange, DEMO_CREDENTIALS } from '../../../src/sandbox/index.js';
import { rawRequest } from '../proxy/helpers.js';
import { runtimeCommand, startWorkerd } from './runtimes.js';

const EXAMPLE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples', 'worker');
const TOKEN = 'worker-example-token-abcdefghijklmnop';

const wrangler = runtimeCommand('wrangler');
const workerd = runtimeCommand('workerd');

describe('examples/worker', { skip: 'skip' in wrangler ? wrangler.skip : false }, () => {
  let dir: string;
  let registryCalls: string[] = [];
  let output = '';

  before(async () => {
    if ('skip' in wrangler) return;
    dir = await mkdtemp(join(tmpdir(), 'margin-kit-worker-'));
    const registry = createServer((request, response) => {
      registryCalls.push(`${request.method} ${request.url}`);
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    const { port } = registry.address() as { port: number };
    try {
      const child = spawn(wrangler.command, [...wrangler.args, 'deploy', '--dry-run', '--outdir', join(dir, 'out')], {
        cwd: EXAMPLE,
        env: {
          ...process.env,
          HOME: dir,
          XDG_CONFIG_HOME: join(dir, 'config'),
          TMPDIR: dir,
          CI: 'true',
          WRANGLER_SEND_METRICS: 'false',
          NO_COLOR: '1',
          // update-check reads the registry through rc('npm'): npm_registry, not npm_config_registry.
          npm_registry: `http://127.0.0.1:${port}/`,
          CLOUDFLARE_API_TOKEN: '',
          CLOUDFLARE_ACCOUNT_ID: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      assert.equal(code, 0, output);
    } finally {
      registry.closeAllConnections();
      await new Promise<void>((resolve) => registry.close(() => resolve()));
    }
  });

  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('wrangler deploy --dry-run writes one module bundle, reaching nothing but loopback', async () => {
    assert.match(output, /--dry-run: exiting now/);
    const bundle = await readFile(join(dir, 'out', 'index.js'), 'utf8');
    assert.match(bundle, /from "cloudflare:workers"/);
    assert.match(bundle, /createSigningProxy/);
    // The alias built it from this repository's source: the proxy's allow-list is in it.
    assert.match(bundle, /\/api\/v3\/margin\/borrow/);
    assert.ok(registryCalls.every((call) => call === 'GET /wrangler'), registryCalls.join('\n'));
  });

  describe('its bundle on workerd, with its secrets as bindings', { skip: 'skip' in workerd ? workerd.skip : false }, () => {
    let venueCalls = 0;
    let venue: Awaited<ReturnType<typeof serveFetchHandler>>;
    let worker: Awaited<ReturnType<typeof startWorkerd>>;
    before(async () => {
      if ('skip' in workerd) return;
      const sandbox = createSandboxExchange({ seed: 7 });
      venue = await serveFetchHandler(
        (request) => {
          venueCalls += 1;
          return sandbox(request);
        },
        { host: '127.0.0.1', port: 0 },
      );
      assert.ok(existsSync(join(dir, 'out', 'index.js')));
      const kucoin = DEMO_CREDENTIALS.kucoin;
      worker = await startWorkerd(workerd, join(dir, 'out'), 'index.js', {
        KUCOIN_API_KEY: kucoin.apiKey,
        KUCOIN_API_SECRET: kucoin.apiSecret,
        KUCOIN_API_PASSPHRASE: kucoin.apiPassphrase,
        KUCOIN_BASE_URL: venue.url,
        PROXY_TOKEN: TOKEN,
        PROXY_ALLOWED_ORIGINS: 'https://app.example.com',
        PROXY_ALLOWED_HOSTS: '127.0.0.1',
      }, '2025-07-18');
    });
    after(async () => {
      await worker?.close();
      await venue?.close();
    });

    const get = (target: string) =>
      rawRequest(worker.url, { method: 'GET', target, headers: { authorization: `Bearer ${TOKEN}`, accept: 'application/json' } });

    test('a signed KuCoin GET reaches the sandbox and passes its signature check', async () => {
      const before = venueCalls;
      const response = await get('/kucoin/api/v3/margin/accounts?quoteCurrency=USDT');
      assert.equal(response.status, 200, response.body);
      assert.equal(JSON.parse(response.body).code, '200000');
      assert.equal(venueCalls, before + 1);
    });

    test('40 rapid GETs meet one rate limiter (the proxy is made once, at module scope)', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 40; i += 1) statuses.push((await get('/kucoin/api/v3/margin/symbols?symbol=BTC-USDT')).status);
      const limited = statuses.filter((status) => status === 429).length;
      assert.ok(limited > 0, `no 429 in ${statuses.join(' ')}: a proxy per request?`);
      assert.ok(statuses.every((status) => status === 200 || status === 429), statuses.join(' '));
    });
  });
});
