/**
 * Proxy: a bounded loopback load of a signed GET, a signed POST and a public GET, five ways:
 * straight to the sandbox; through a bare node:http pass-through (the floor of any proxy: no
 * checks, no signing, it forwards requests this process signed); through a do-nothing fetch
 * handler on serveFetchHandler (the web-standard plumbing alone); and through our signing proxy
 * as the CLI serves it (serveSigningProxy), with its defaults (a log line per request, metrics)
 * and with logging off.
 * Each run gets fresh processes (a fresh sandbox state); the load comes from this process.
 */
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { BitmartSigner } from '../src/proxy/sign-bitmart.js';
import { KucoinSigner } from '../src/proxy/sign-kucoin.js';
import { DEMO_CREDENTIALS } from '../src/sandbox/fixtures.js';
import { type Child, type Figure, type Section, ROOT, markdownTable, median, ms, percentile, processCpuMs, startChild, times, withTempDir } from './lib.js';
import { type LoadRequest, type LoadResult, runLoad } from './load.js';

/**
 * The servers run as plain JavaScript bundled by esbuild, as a deployed proxy runs from the
 * built package: no TypeScript loader in the measured processes.
 */
async function buildServer(dir: string): Promise<string> {
  const outfile = join(dir, 'proxy-server.mjs');
  await esbuild.build({
    entryPoints: [join(ROOT, 'bench/proxy-server.ts')],
    absWorkingDir: ROOT,
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'silent',
    // pino and ioredis are CommonJS and require node's modules: give the ES bundle a require.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return outfile;
}

const ROUNDS = Math.min(9, Math.max(1, Number(process.env.BENCH_PROXY_ROUNDS ?? 3)));
const WARMUP = { concurrency: 16, maxRequests: 300, maxMs: 10_000 };
/** One request at a time: latency with no queue, what a hop adds to each call. */
const UNLOADED = { concurrency: 1, maxRequests: 500, maxMs: 10_000 };
/** The throughput run the issue asks for: 2000 requests or 20 s, whichever first. */
const LOADED = { concurrency: 16, maxRequests: 2000, maxMs: 20_000 };

/** Issue 18: proxy CPU per request with the CLI's defaults (logging on) against bare node:http. */
const THROUGHPUT_TARGET = 0.9;
const ADDED_P50_TARGET_MS = 1;

type Path = 'direct' | 'bare' | 'fetch' | 'ours' | 'quiet';
const PATHS: readonly Path[] = ['direct', 'bare', 'fetch', 'ours', 'quiet'];
const PATH_NAMES: Record<Path, string> = {
  direct: 'direct to sandbox',
  bare: 'bare pass-through',
  fetch: 'fetch-handler pass-through',
  ours: 'our signing proxy (CLI defaults: logging on)',
  quiet: 'our signing proxy, logging off',
};

interface Scenario {
  key: string;
  label: string;
  venue: 'kucoin' | 'bitmart';
  method: 'GET' | 'POST';
  /** The venue path (and query) as the sandbox sees it. */
  path: string;
  body?: string;
  signed: boolean;
}

const SCENARIOS: readonly Scenario[] = [
  { key: 'signed-get', label: 'signed GET /api/v3/margin/currencies?currency=BTC (KuCoin)', venue: 'kucoin', method: 'GET', path: '/api/v3/margin/currencies?currency=BTC', signed: true },
  {
    key: 'signed-post',
    label: 'signed POST /spot/v1/margin/isolated/borrow 0.0001 BTC (BitMart)',
    venue: 'bitmart',
    method: 'POST',
    path: '/spot/v1/margin/isolated/borrow',
    body: JSON.stringify({ symbol: 'BTC_USDT', currency: 'BTC', amount: '0.0001' }),
    signed: true,
  },
  { key: 'public-get', label: 'public GET /api/v3/margin/symbols (KuCoin)', venue: 'kucoin', method: 'GET', path: '/api/v3/margin/symbols', signed: false },
];

const kucoinSigner = new KucoinSigner(DEMO_CREDENTIALS.kucoin);
const bitmartSigner = new BitmartSigner(DEMO_CREDENTIALS.bitmart);

/**
 * What the load generator sends. Through our proxy: no keys. Direct and through the bare
 * pass-through: signed here, re-signed once a second (the venues accept a few seconds of skew),
 * so the generator does the same little work on every path.
 */
function requestMaker(scenario: Scenario, path: Path): () => Promise<LoadRequest> {
  const base: Record<string, string> = { accept: 'application/json' };
  if (scenario.body !== undefined) base['content-type'] = 'application/json';
  const target = path === 'direct' ? scenario.path : `/${scenario.venue}${scenario.path}`;
  if (path === 'ours' || path === 'quiet' || !scenario.signed) {
    // Our proxy signs; the others forward what they get, so they get it signed.
    const req: LoadRequest = { method: scenario.method, path: target, headers: base, body: scenario.body };
    return async () => req;
  }
  let signedAt = 0;
  let signed: Promise<LoadRequest> | undefined;
  const sign = async (timestamp: number): Promise<LoadRequest> => {
    const headers =
      scenario.venue === 'kucoin'
        ? await kucoinSigner.headers({ method: scenario.method, pathWithQuery: scenario.path, body: scenario.body ?? '', timestamp })
        : await bitmartSigner.signed({ payload: scenario.body ?? '', timestamp });
    return { method: scenario.method, path: target, headers: { ...base, 'content-type': 'application/json', ...headers }, body: scenario.body };
  };
  return () => {
    const now = Date.now();
    if (!signed || now - signedAt > 1_000) {
      signedAt = now;
      signed = sign(now);
    }
    return signed;
  };
}

function venueOk(status: number, body: string): boolean {
  return status === 200 && (body.includes('"code":"200000"') || body.includes('"code":1000'));
}

interface Run {
  rps: number;
  /** CPU µs the proxy process spent per request in the throughput run (NaN for direct). */
  proxyCpuUs: number;
  loadedP50: number;
  loadedP95: number;
  p50: number;
  p95: number;
  failed: number;
  firstFailure?: string;
  requests: number;
  seconds: number;
}

async function measure(server: string, scenario: Scenario, path: Path): Promise<Run> {
  const children: Child<{ url: string }>[] = [];
  try {
    const sandbox = await startChild<{ url: string }>(server, ['sandbox']);
    children.push(sandbox);
    let url = sandbox.ready.url;
    let proxyPid: number | undefined;
    if (path !== 'direct') {
      const proxy = await startChild<{ url: string }>(server, [path, sandbox.ready.url]);
      children.push(proxy);
      url = proxy.ready.url;
      proxyPid = proxy.process.pid;
    }
    const next = requestMaker(scenario, path);
    const load = (shape: typeof LOADED): Promise<LoadResult> => runLoad({ baseUrl: url, next, ok: venueOk, ...shape });
    const warm = await load(WARMUP);
    const unloaded = await load(UNLOADED);
    const cpuBefore = processCpuMs(proxyPid);
    const loaded = await load(LOADED);
    const cpuAfter = processCpuMs(proxyPid);
    const failed = warm.failed + unloaded.failed + loaded.failed;
    const sent = loaded.completed + loaded.failed;
    return {
      rps: loaded.requestsPerSecond,
      proxyCpuUs: cpuBefore === undefined || cpuAfter === undefined || sent === 0 ? Number.NaN : ((cpuAfter - cpuBefore) * 1000) / sent,
      loadedP50: median(loaded.latencies),
      loadedP95: percentile(loaded.latencies, 95),
      p50: median(unloaded.latencies),
      p95: percentile(unloaded.latencies, 95),
      failed,
      firstFailure: warm.firstFailure ?? unloaded.firstFailure ?? loaded.firstFailure,
      requests: loaded.completed,
      seconds: loaded.elapsedMs / 1000,
    };
  } finally {
    for (const child of children.reverse()) await child.stop();
  }
}

type Summary = Record<Path, Run>;

/** The median of each figure over the rounds. */
function summarize(runs: readonly Run[]): Run {
  const pick = (f: (r: Run) => number) => median(runs.map(f));
  return {
    rps: pick((r) => r.rps),
    proxyCpuUs: pick((r) => r.proxyCpuUs),
    loadedP50: pick((r) => r.loadedP50),
    loadedP95: pick((r) => r.loadedP95),
    p50: pick((r) => r.p50),
    p95: pick((r) => r.p95),
    failed: runs.reduce((sum, r) => sum + r.failed, 0),
    firstFailure: runs.find((r) => r.firstFailure)?.firstFailure,
    requests: pick((r) => r.requests),
    seconds: pick((r) => r.seconds),
  };
}

export function proxyBench(): Promise<Section> {
  return withTempDir('proxy', async (dir) => measureAll(await buildServer(dir)));
}

async function measureAll(server: string): Promise<Section> {
  const runs = new Map<string, Run[]>();
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const scenario of SCENARIOS) {
      // Rotate the order each round, so a slow patch of the machine does not always hit one path.
      const order = PATHS.map((_, i) => PATHS[(i + round) % PATHS.length]!);
      for (const path of order) {
        const run = await measure(server, scenario, path);
        const key = `${scenario.key}/${path}`;
        runs.set(key, [...(runs.get(key) ?? []), run]);
        console.log(
          `  round ${round + 1}/${ROUNDS} ${scenario.key.padEnd(11)} ${path.padEnd(6)} ${run.rps.toFixed(0).padStart(5)} req/s, ` +
            `p50 ${run.p50.toFixed(3)} ms unloaded${Number.isFinite(run.proxyCpuUs) ? `, proxy CPU ${run.proxyCpuUs.toFixed(0)} µs/req` : ''}${run.failed ? `, ${run.failed} FAILED (${run.firstFailure})` : ''}`,
        );
      }
    }
  }

  const figures: Figure[] = [];
  const detailRows: string[][] = [];
  let failures = 0;
  const spread = (values: readonly number[], f: (v: number) => string) =>
    values.length > 1 ? `${f(Math.min(...values))} to ${f(Math.max(...values))}` : '';
  for (const scenario of SCENARIOS) {
    const all = (p: Path) => runs.get(`${scenario.key}/${p}`)!;
    const s = Object.fromEntries(PATHS.map((p) => [p, summarize(all(p))])) as Summary;
    failures += PATHS.reduce((sum, p) => sum + s[p].failed, 0);
    // Paired per round (the runs compared were minutes, not a whole bench, apart), then the median.
    const perRound = <T>(f: (round: number) => T) => Array.from({ length: ROUNDS }, (_, round) => f(round));
    const wallRatios = perRound((i) => all('ours')[i]!.rps / all('bare')[i]!.rps);
    // Capacity: requests per CPU-second of the proxy process, what a proxy serves on a core of
    // its own. Other work on a busy machine slows the wall clock, far less the CPU per request.
    const capacities = perRound((i) => all('bare')[i]!.proxyCpuUs / all('ours')[i]!.proxyCpuUs);
    const addeds = perRound((i) => all('ours')[i]!.p50 - all('direct')[i]!.p50);
    const relative = (p: Path) => median(perRound((i) => all(p)[i]!.rps / all('bare')[i]!.rps));
    const capacity = (p: Path) => median(perRound((i) => all('bare')[i]!.proxyCpuUs / all(p)[i]!.proxyCpuUs));
    const addedBy = (p: Path) => median(perRound((i) => all(p)[i]!.p50 - all('direct')[i]!.p50));
    const capacityRatio = median(capacities);
    const wallRatio = median(wallRatios);
    const added = median(addeds);
    const short = scenario.label.replace(/ \(.*\)$/, '').replace(/\?.*$/, '').replace(/ 0\.0001 BTC/, '');
    const cpuKnown = Number.isFinite(capacityRatio);
    const rounds = (values: readonly number[], f: (v: number) => string) => (ROUNDS > 1 ? ` (rounds ${spread(values, f)})` : '');
    figures.push({
      name: `Proxy: ${short}, throughput ours (CLI defaults, logging on) vs bare`,
      value: cpuKnown
        ? `${(1e6 / s.ours.proxyCpuUs).toFixed(0)} vs ${(1e6 / s.bare.proxyCpuUs).toFixed(0)} req per proxy CPU-second; wall ${s.ours.rps.toFixed(0)} vs ${s.bare.rps.toFixed(0)} req/s = ${times(wallRatio, 'bare')}${rounds(wallRatios, (v) => v.toFixed(2))}`
        : `${s.ours.rps.toFixed(0)} vs ${s.bare.rps.toFixed(0)} req/s`,
      target: `>= ${THROUGHPUT_TARGET}x bare`,
      ratio: cpuKnown ? `${times(capacityRatio, 'bare')} (CPU)${rounds(capacities, (v) => v.toFixed(2))}` : times(wallRatio, 'bare'),
      ok: (cpuKnown ? capacityRatio : wallRatio) >= THROUGHPUT_TARGET,
    });
    const quietCapacities = perRound((i) => all('bare')[i]!.proxyCpuUs / all('quiet')[i]!.proxyCpuUs);
    figures.push({
      name: `Proxy: ${short}, logging off vs bare`,
      value: cpuKnown ? `${(1e6 / s.quiet.proxyCpuUs).toFixed(0)} req per proxy CPU-second (logging on: ${(1e6 / s.ours.proxyCpuUs).toFixed(0)})` : `${s.quiet.rps.toFixed(0)} req/s`,
      ratio: cpuKnown ? `${times(median(quietCapacities), 'bare')} (CPU)${rounds(quietCapacities, (v) => v.toFixed(2))}` : times(relative('quiet'), 'bare'),
    });
    figures.push({
      name: `Proxy: ${short}, added p50 vs direct`,
      value: `+${ms(added, 3)} (direct ${ms(s.direct.p50, 3)}; bare adds ${ms(addedBy('bare'), 3)}, fetch-handler ${ms(addedBy('fetch'), 3)})`,
      target: `<= ${ADDED_P50_TARGET_MS} ms`,
      ratio: `${times(median(perRound((i) => all('ours')[i]!.p50 / all('direct')[i]!.p50)), 'direct p50')}${rounds(addeds, (v) => `+${v.toFixed(2)} ms`)}`,
      ok: added <= ADDED_P50_TARGET_MS,
    });
    for (const p of PATHS) {
      const r = s[p];
      detailRows.push([
        p === 'direct' ? scenario.label : '',
        PATH_NAMES[p],
        r.rps.toFixed(0),
        p === 'direct' ? '' : times(relative(p), 'bare'),
        Number.isFinite(r.proxyCpuUs) ? `${r.proxyCpuUs.toFixed(0)} µs` : '',
        p === 'direct' || !Number.isFinite(r.proxyCpuUs) ? '' : times(capacity(p), 'bare'),
        ms(r.loadedP50),
        ms(r.loadedP95),
        ms(r.p50, 3),
        ms(r.p95, 3),
        p === 'direct' ? '' : `+${ms(addedBy(p), 3)}`,
        String(r.failed),
      ]);
    }
  }
  const detail = markdownTable(
    ['endpoint', 'path', 'req/s (c=16)', 'vs bare', 'proxy CPU per request', 'capacity vs bare', 'p50 (c=16)', 'p95 (c=16)', 'p50 (c=1)', 'p95 (c=1)', 'added p50', 'failed'],
    detailRows,
  );
  return {
    title: 'Proxy',
    status: 'measured',
    figures: [...figures, { name: 'Proxy: requests without an OK envelope', value: String(failures), target: '0', ok: failures === 0 }],
    detail,
    notes: [
      `Loopback, three processes: the sandbox (serveFetchHandler), the proxy under test, and the load generator (node:http, keep-alive). Direct: the generator talks to the sandbox. Ours: serveSigningProxy, what the CLI (margin-kit-proxy) runs: the proxy core (every check, signing, the answer's header filtering, prom-client metrics) behind its node:http adapter, which reads node's request as it is and forwards on kept-alive node:net connections of its own (each request one write, each answer read whole by a strict HTTP/1.1 reader: no node:http client); demo credentials, allowAnonymous, rate limit off, and the CLI's log: one JSON line per request through pino into a line buffer written asynchronously to stdout (read by the bench, as a log collector would). Logging off: the same with log: false. Bare: node:http piping to the sandbox with a keep-alive agent, no checks, no signing (the target's yardstick). Fetch-handler pass-through: serveFetchHandler and createNodeFetch (the same venue client) forwarding whole bodies with no checks and no signing, i.e. what serving the proxy's fetch handler (createSigningProxy, for edge runtimes) on Node costs before any check: the reason the CLI serves the same core through its node:http adapter instead. Servers run as plain JavaScript (esbuild bundle), fresh processes (so a fresh sandbox) for every run.`,
      `Every run: ${WARMUP.maxRequests} warm-up requests, then latency one request at a time (c=1, ${UNLOADED.maxRequests} requests or ${UNLOADED.maxMs / 1000} s), then throughput at concurrency ${LOADED.concurrency} (${LOADED.maxRequests} requests or ${LOADED.maxMs / 1000} s, whichever first). Each figure is the median of ${ROUNDS} rounds (ratios and differences paired within a round, whose runs follow each other), the path order rotated per round; the spread over rounds is shown beside the ratio.`,
      'Throughput is judged on capacity: requests per CPU-second of the proxy process (all its threads, from /proc during the c=16 run), i.e. what the proxy serves on a core of its own. On this shared 2-core machine the wall-clock req/s of three processes plus everything else running swings by 2x or more from run to run, and mostly measures who got the cores; both are shown.',
      'Public GETs through our proxy can beat bare: identical public GETs in flight are coalesced, so at c=16 many share one venue call (the Coalescing section measures that on its own). The CLI log goes through pino in 4 KiB writes, flushed at least every 250 ms: logging on and off differ by those writes and the JSON of each line. Bare forwards with the node:http client (ClientRequest, its Agent, a stream per answer), ours with its own venue client: that is where most of the gap to bare was (issue 18).',
      'The added p50 is measured at c=1: under load, latency is mostly queueing (concurrency / throughput), which the throughput ratio already shows. Direct and bare requests are signed by the generator (once a second, as the venues allow seconds of skew), so the bare path forwards pre-signed requests.',
    ],
  };
}
