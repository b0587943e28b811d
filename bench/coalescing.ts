/**
 * Coalescing: how many venue calls 50 browsers polling one public resource cost per poll
 * interval, through one proxy instance without coalescing, with it, and with it behind a shared
 * cache (a CDN) that honours the proxy's `Cache-Control: public, max-age=1`.
 *
 * Everything runs on loopback in this process: a venue that counts its calls and answers after a
 * realistic delay, the proxy (node:http adapter, as the CLI serves it), a minimal shared cache,
 * and 50 pollers. Two timings: pollers in phase (pages opened together, or a broadcast tick) and
 * spread at random over the interval (the usual case).
 */
import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveSigningProxy } from '../src/node/proxy.js';
import { type Section, markdownTable } from './lib.js';

const CALLERS = 50;
const INTERVAL_MS = 1000;
const INTERVALS = 4;
/** How long the venue takes to answer: a call abroad, not loopback. */
const VENUE_DELAY_MS = 50;
const TARGET = '/kucoin/api/v1/mark-price/BTC-USDT/current';
const BODY = '{"code":"200000","data":{"symbol":"USDT-BTC","granularity":5000,"timePoint":1700000000000,"value":"0.0000152"}}';

interface Served {
  url: string;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<Served> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function venue(counter: { calls: number }): Promise<Served> {
  return listen(
    createServer((req, res) => {
      counter.calls += 1;
      req.resume();
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(BODY), VENUE_DELAY_MS);
    }),
  );
}

function get(agent: Agent, base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingMessage['headers']; body: string }> {
  const url = new URL(base);
  return new Promise((done, fail) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

/**
 * A shared cache in front of the proxy, as a CDN is: keeps a 200 that says `public, max-age=N`
 * for N seconds (keyed by path and the headers `Vary` names) and makes one call per key at a time.
 */
function sharedCache(upstream: string): Promise<Served> {
  const agent = new Agent({ keepAlive: true });
  const entries = new Map<string, { until: number; status: number; type: string; body: string }>();
  const filling = new Map<string, Promise<void>>();
  return listen(
    createServer(async (req, res) => {
      const key = `${req.url} ${req.headers.origin ?? ''}`;
      let entry = entries.get(key);
      if (!entry || entry.until <= Date.now()) {
        let fill = filling.get(key);
        if (!fill) {
          fill = get(agent, upstream, req.url ?? '/', { authorization: req.headers.authorization ?? '' }).then((answer) => {
            const maxAge = /(?:^|,)\s*public\s*,\s*max-age=(\d+)/.exec(String(answer.headers['cache-control'] ?? ''));
            const fresh = { until: Date.now() + (maxAge ? Number(maxAge[1]) * 1000 : 0), status: answer.status, type: String(answer.headers['content-type']), body: answer.body };
            if (maxAge && answer.status === 200) entries.set(key, fresh);
            else entries.delete(key);
            entry = fresh;
          });
          filling.set(key, fill);
          void fill.finally(() => filling.delete(key));
        }
        await fill;
        entry = entries.get(key) ?? entry;
      }
      res.writeHead(entry!.status, { 'content-type': entry!.type }).end(entry!.body);
    }),
  );
}

type Timing = 'in phase' | 'spread';

/** 50 pollers for INTERVALS intervals; returns the venue calls in each interval after the first. */
async function poll(base: string, timing: Timing, counter: { calls: number }): Promise<{ perInterval: number[]; failed: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CALLERS });
  let failed = 0;
  const start = Date.now() + 100;
  const counts: number[] = [];
  const pollers = Array.from({ length: CALLERS }, async (_, i) => {
    // In phase: every poller at the interval's start. Spread: a fixed random-like offset each.
    const offset = timing === 'in phase' ? 0 : Math.floor(((i * 7919) % CALLERS) * (INTERVAL_MS / CALLERS));
    for (let tick = 0; tick <= INTERVALS; tick += 1) {
      const at = start + tick * INTERVAL_MS + offset;
      await new Promise((done) => setTimeout(done, Math.max(0, at - Date.now())));
      const answer = await get(agent, base, TARGET, { authorization: `Bearer caller-${i}-token-abcdefghij` }).catch(() => undefined);
      if (!answer || answer.status !== 200 || answer.body !== BODY) failed += 1;
    }
  });
  // The venue's count at each interval boundary (the first interval warms connections up).
  const sampler = (async () => {
    for (let tick = 1; tick <= INTERVALS + 1; tick += 1) {
      await new Promise((done) => setTimeout(done, Math.max(0, start + tick * INTERVAL_MS - Date.now())));
      counts.push(counter.calls);
    }
  })();
  await Promise.all([...pollers, sampler]);
  agent.destroy();
  return { perInterval: counts.slice(1).map((count, i) => count - counts[i]!), failed };
}

type Setup = 'no coalescing' | 'coalescing' | 'coalescing + shared cache (CDN)';
const SETUPS: readonly Setup[] = ['no coalescing', 'coalescing', 'coalescing + shared cache (CDN)'];

async function measure(setup: Setup, timing: Timing): Promise<{ perInterval: number[]; failed: number }> {
  const counter = { calls: 0 };
  const upstream = await venue(counter);
  const tokens = Object.fromEntries(Array.from({ length: CALLERS }, (_, i) => [`caller-${i}`, `caller-${i}-token-abcdefghij`]));
  const proxy = await serveSigningProxy(
    { kucoin: { baseUrl: upstream.url }, tokens, log: false, rateLimit: false, coalescePublicGets: setup !== 'no coalescing' },
    { host: '127.0.0.1', port: 0 },
  );
  const cache = setup === 'coalescing + shared cache (CDN)' ? await sharedCache(proxy.url) : undefined;
  try {
    return await poll(cache?.url ?? proxy.url, timing, counter);
  } finally {
    await cache?.close();
    await proxy.close();
    await upstream.close();
  }
}

export async function coalescingBench(): Promise<Section> {
  const rows: string[][] = [];
  const figures: Section['figures'] = [];
  for (const timing of ['spread', 'in phase'] as const) {
    for (const setup of SETUPS) {
      const { perInterval, failed } = await measure(setup, timing);
      const mean = perInterval.reduce((sum, n) => sum + n, 0) / perInterval.length;
      console.log(`  ${timing.padEnd(8)} ${setup.padEnd(32)} ${perInterval.join(', ')} venue calls per interval${failed ? `, ${failed} FAILED` : ''}`);
      rows.push([timing, setup, perInterval.join(', '), mean.toFixed(1), String(CALLERS), String(failed)]);
      figures.push({
        name: `Coalescing: venue calls per ${INTERVAL_MS / 1000} s, ${CALLERS} pollers ${timing}, ${setup}`,
        value: `${mean.toFixed(1)} (of ${CALLERS} polls)${failed ? `, ${failed} failed` : ''}`,
        ratio: `${(mean / CALLERS).toFixed(2)}x one call per poll`,
      });
    }
  }
  return {
    title: 'Coalescing',
    status: 'measured',
    figures,
    detail: markdownTable(['pollers', 'setup', 'venue calls in each interval', 'mean', 'polls per interval', 'failed'], rows),
    notes: [
      `${CALLERS} callers (each its own named token, as separate browsers) poll GET ${TARGET} every ${INTERVAL_MS} ms for ${INTERVALS + 1} intervals; the first is left out (connections warming up). One proxy instance (serveSigningProxy, log off, rate limit off), a loopback venue that answers after ${VENUE_DELAY_MS} ms and counts its calls.`,
      'Spread: the pollers start evenly across the interval (the usual case: pages opened at different moments); in phase: all at its start (pages opened together, or timers aligned). Coalescing merges the calls that overlap in time, so it saves most when callers are in phase and the venue is slow.',
      'Shared cache: a minimal CDN in front of the proxy that keeps a 200 with `Cache-Control: public, max-age=N` for N seconds, keyed by path and Origin (the proxy says `Vary: Origin`), one fill per key at a time. With max-age=1 and a 1 s poll, about one venue call per interval whatever the number of browsers or proxy instances.',
    ],
  };
}
