#!/usr/bin/env node
/**
 * HMAC-SHA256 per signature on each runtime the fetch handler runs on: Web Crypto (what the
 * fetch handler signs with) against the hand-written JavaScript HMAC it replaced (read from git
 * history, commit c805641's parent) and, on Node, node:crypto (the node:http adapter's). The
 * message is a KuCoin order prehash. "1" awaits each signature in turn; "64" keeps 64 in flight.
 *
 *   node scripts/runtimes/hmac-bench.mjs        (runtimes from scripts/runtimes/install.mjs)
 *
 * workerd freezes its clocks while a request runs, so there the time is taken by this process
 * around one request that signs N times, less one that signs a few.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ensureRuntime } from './install.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const N = 40_000;
const dir = mkdtempSync(join(tmpdir(), 'margin-kit-hmac-bench-'));

const SECRET = 'sandbox-kucoin-secret';
const MESSAGE = '1700000000000POST/api/v3/hf/margin/order{"clientOid":"order-1","side":"buy","symbol":"BTC-USDT","type":"limit","price":"100.5","size":"0.01"}';

writeFileSync(join(dir, 'hmac-sha256.ts'), execFileSync('git', ['show', 'c805641~1:src/core/hmac-sha256.ts'], { cwd: ROOT }));
writeFileSync(
  join(dir, 'bench.ts'),
  `import { hmacSha256 } from './hmac-sha256.ts';
const encoder = new TextEncoder();
const SECRET = ${JSON.stringify(SECRET)};
const MESSAGE = ${JSON.stringify(MESSAGE)};
let key: CryptoKey | undefined;
export async function bench(kind: string, n: number, batch: number): Promise<void> {
  key ??= await crypto.subtle.importKey('raw', encoder.encode(SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const k = key;
  const one = kind === 'js' ? async () => hmacSha256(SECRET, MESSAGE) : () => crypto.subtle.sign('HMAC', k, encoder.encode(MESSAGE));
  for (let i = 0; i < n; i += batch) await Promise.all(Array.from({ length: batch }, one));
}
/** Times in-process where the clock runs (Node, Deno, Bun). */
export async function run(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const batch of [1, 64]) for (const kind of ['webcrypto', 'js']) {
    await bench(kind, ${N / 10}, batch);
    const start = performance.now();
    await bench(kind, ${N}, batch);
    out[kind + '/' + batch] = ((performance.now() - start) * 1000) / ${N};
  }
  return out;
}
export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    await bench(url.searchParams.get('kind')!, Number(url.searchParams.get('n')), Number(url.searchParams.get('batch')));
    return new Response('ok');
  },
};
`,
);
writeFileSync(join(dir, 'main.ts'), `import { run } from './bench.ts';\nconsole.log(JSON.stringify(await run()));\n`);
await build({ entryPoints: [join(dir, 'bench.ts'), join(dir, 'main.ts')], outdir: dir, bundle: true, format: 'esm', target: 'es2022', logLevel: 'error' });

const results = {};
const capture = (command, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: dir, env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1))) : reject(new Error(`${command} exited ${code}`))));
  });

results.node = await capture(process.execPath, [join(dir, 'main.js')]);
{
  // node:crypto, as the node adapter signs (synchronously).
  const sign = () => createHmac('sha256', SECRET).update(MESSAGE).digest('base64');
  for (let i = 0; i < N / 10; i += 1) sign();
  const start = performance.now();
  for (let i = 0; i < N; i += 1) sign();
  results.node['node:crypto/1'] = ((performance.now() - start) * 1000) / N;
}
for (const name of ['deno', 'bun']) {
  const runtime = ensureRuntime(name);
  if (runtime.missing) results[name] = runtime.missing;
  else results[name] = await capture(runtime.command, [...runtime.args, 'run', join(dir, 'main.js')]);
}

const workerd = ensureRuntime('workerd');
if (workerd.missing) results.workerd = workerd.missing;
else {
  const port = await new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
  writeFileSync(
    join(dir, 'bench.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .w) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const w :Workerd.Worker = ( modules = [ (name = "bench.js", esModule = embed "bench.js") ], compatibilityDate = "2026-11-01" );
`,
  );
  const child = spawn(workerd.command, [...workerd.args, 'serve', join(dir, 'bench.capnp')], { cwd: dir, stdio: 'ignore' });
  const timed = async (kind, n, batch) => {
    const start = performance.now();
    await (await fetch(`http://127.0.0.1:${port}/?kind=${kind}&n=${n}&batch=${batch}`)).text();
    return performance.now() - start;
  };
  for (let tries = 0; ; tries += 1) {
    try {
      await timed('js', 64, 64);
      break;
    } catch (error) {
      if (tries > 200) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  results.workerd = {};
  for (const batch of [1, 64]) {
    for (const kind of ['webcrypto', 'js']) {
      await timed(kind, N / 10, batch);
      const base = await timed(kind, 64, batch);
      results.workerd[`${kind}/${batch}`] = ((await timed(kind, N, batch)) - base) * 1000 / (N - 64);
    }
  }
  child.kill();
}
rmSync(dir, { recursive: true, force: true });

const columns = ['webcrypto/1', 'webcrypto/64', 'js/1', 'js/64', 'node:crypto/1'];
console.log(`| runtime | ${columns.map((column) => `${column} (µs)`).join(' | ')} |`);
console.log(`| --- |${columns.map(() => ' ---: |').join('')}`);
for (const [name, row] of Object.entries(results)) {
  if (typeof row === 'string') console.log(`| ${name} | ${row} |`);
  else console.log(`| ${name} | ${columns.map((column) => (row[column] === undefined ? '' : row[column].toFixed(1))).join(' | ')} |`);
}
