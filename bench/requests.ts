/**
 * Requests: one page with ten elements on one proxy (3 tickers, 1 single-symbol ticker, 2 order
 * tickets, 2 borrow/repay panels, 2 lending tables), for N poll intervals; requests counted per
 * endpoint at the proxy. Targets: the mark-price list once per interval; symbols, margin config
 * and the loan market (reference data, one shared copy per page that lives REFERENCE_TTL_MS) once
 * per copy, so once in a run shorter than a minute, however many elements read them and however
 * often they poll.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { hasChromium, serveDir, withBrowser } from './browser.js';
import { REFERENCE_TTL_MS } from '../src/elements/shared/resource.js';
import { type Figure, type Section, ROOT, markdownTable, sleep, withTempDir } from './lib.js';
import type { ElementSpec } from './pages/requests-page.js';
import { ELEMENT_TAGS } from './size.js';

const INTERVAL_MS = 1000;
const INTERVALS = 10;
/** Time for every element's first loads before the counted window opens. */
const SETTLE_MS = 3000;

const poll = { 'poll-interval': String(INTERVAL_MS) };
const PAGE: readonly ElementSpec[] = [
  { tag: 'margin-mark-price-ticker', attributes: { mode: 'tape', ...poll } },
  { tag: 'margin-mark-price-ticker', attributes: { mode: 'list', ...poll } },
  { tag: 'margin-mark-price-ticker', attributes: { mode: 'list', symbols: 'BTC-USDT,ETH-USDT,SOL-USDT', ...poll } },
  { tag: 'margin-mark-price-ticker', attributes: { mode: 'single', symbols: 'BTC-USDT', ...poll } },
  { tag: 'margin-order-ticket', attributes: { symbol: 'BTC-USDT', 'margin-mode': 'cross', ...poll } },
  { tag: 'margin-order-ticket', attributes: { symbol: 'ETH-USDT', 'margin-mode': 'isolated', ...poll } },
  { tag: 'margin-borrow-repay', attributes: { exchange: 'kucoin', 'margin-mode': 'cross', currency: 'USDT', ...poll } },
  { tag: 'margin-borrow-repay', attributes: { exchange: 'kucoin', 'margin-mode': 'isolated', symbol: 'BTC-USDT', currency: 'USDT', ...poll } },
  { tag: 'margin-lending-market', attributes: { exchange: 'kucoin', ...poll } },
  { tag: 'margin-lending-market', attributes: { exchange: 'kucoin', ...poll } },
];

/**
 * Reference data: one request for the whole page per REFERENCE_TTL_MS, whatever the number of
 * elements and their intervals (the lending market polls the loan market, through the copy).
 */
const ONCE: readonly { endpoint: string; what: string }[] = [
  { endpoint: 'GET /api/v3/margin/symbols', what: 'cross symbols' },
  { endpoint: 'GET /api/v1/isolated/symbols', what: 'isolated symbols' },
  { endpoint: 'GET /api/v1/margin/config', what: 'margin config' },
  { endpoint: 'GET /api/v3/project/list', what: 'loan market' },
];
const MARK_PRICES = 'GET /api/v3/mark-price/all-symbols';

const endpointOf = (line: string) => line.replace(/\?.*$/, '');

function countBy(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(endpointOf(line), (counts.get(endpointOf(line)) ?? 0) + 1);
  return counts;
}

export async function requestsBench(): Promise<Section> {
  const present = ELEMENT_TAGS.filter((tag) => existsSync(join(ROOT, 'src/define', `${tag}.ts`)));
  const missing = ELEMENT_TAGS.filter((tag) => !present.includes(tag));
  if (present.length === 0) return { title: 'Requests', status: 'not yet', reason: 'no element has landed yet', figures: [] };
  if (!hasChromium()) return { title: 'Requests', status: 'not yet', reason: 'no Chromium (set CHROME_PATH)', figures: [] };
  const specs = PAGE.filter((spec) => present.includes(spec.tag as (typeof ELEMENT_TAGS)[number]));

  return withTempDir('requests', async (dir) => {
    await esbuild.build({
      stdin: {
        contents: [`import { install } from './requests-page.ts';`, ...present.map((tag) => `import '../../src/define/${tag}.ts';`), 'install();'].join('\n'),
        resolveDir: join(ROOT, 'bench/pages'),
        loader: 'ts',
      },
      absWorkingDir: ROOT,
      outfile: join(dir, 'requests.js'),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      tsconfig: join(ROOT, 'tsconfig.json'),
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    await writeFile(
      join(dir, 'index.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>requests bench</title></head><body><script type="module" src="./requests.js"></script></body></html>',
    );
    const server = await serveDir(dir);
    try {
      return await withBrowser(async (browser) => {
        const page = await browser.newPage();
        const pageErrors: string[] = [];
        page.on('pageerror', (error) => pageErrors.push(String(error)));
        page.on('console', (message) => {
          if (message.type() === 'error') pageErrors.push(message.text());
        });
        await page.goto(`${server.url}/`, { waitUntil: 'load', timeout: 30_000 });
        await page.waitForFunction(() => window.requestsBench !== undefined, { timeout: 15_000 }).catch((error: unknown) => {
          throw new Error(`the page did not start: ${pageErrors.join('; ') || String(error)}`);
        });
        const defined = await page.evaluate((list) => window.requestsBench.mount(list), specs as ElementSpec[]);
        if (defined !== specs.length) throw new Error(`${specs.length - defined} of the mounted elements are not defined`);
        await sleep(SETTLE_MS);
        const opened = await page.evaluate(() => window.requestsBench.upstream.length);
        const t0 = Date.now();
        await sleep(INTERVALS * INTERVAL_MS);
        const { upstream, errors } = await page.evaluate(() => ({ upstream: [...window.requestsBench.upstream], errors: [...window.requestsBench.errors] }));
        const seconds = (Date.now() - t0) / 1000;
        return report(specs, missing, countBy(upstream), countBy(upstream.slice(opened)), seconds, SETTLE_MS / 1000 + seconds, [...pageErrors, ...errors]);
      });
    } finally {
      await server.close();
    }
  });
}

function report(
  specs: readonly ElementSpec[],
  missing: readonly string[],
  total: ReadonlyMap<string, number>,
  window: ReadonlyMap<string, number>,
  seconds: number,
  wholeSeconds: number,
  errors: readonly string[],
): Section {
  const intervals = Math.round((seconds * 1000) / INTERVAL_MS);
  const figures: Figure[] = [];
  const marks = window.get(MARK_PRICES) ?? 0;
  const tickers = specs.filter((s) => s.tag === 'margin-mark-price-ticker' && s.attributes.mode !== 'single').length;
  figures.push({
    name: `Requests: mark-price list, ${specs.length} elements (${tickers} list/tape tickers), ${intervals} intervals of ${INTERVAL_MS} ms`,
    value: `${marks} requests (${(marks / intervals).toFixed(2)} per interval)`,
    target: '1 per interval',
    ratio: `${(marks / intervals).toFixed(2)}x target`,
    ok: marks >= intervals - 1 && marks <= intervals + 1,
  });
  // One copy per REFERENCE_TTL_MS: a copy loaded at the start serves the first minute, the next reader after it loads again.
  const copies = 1 + Math.floor((wholeSeconds * 1000) / REFERENCE_TTL_MS);
  for (const { endpoint, what } of ONCE) {
    const count = total.get(endpoint) ?? 0;
    figures.push({
      name: `Requests: ${what} (${endpoint}), whole run`,
      value: count === 0 ? 'not requested (no element on the page reads it yet)' : String(count),
      target: copies === 1 ? '1 in all' : `${copies} in all (1 per ${REFERENCE_TTL_MS / 1000} s)`,
      ok: count === 0 ? undefined : count === copies,
    });
  }
  if (errors.length > 0) figures.push({ name: 'Requests: errors shown by elements or the page', value: errors.slice(0, 5).join('; '), target: 'none', ok: false });

  const endpoints = [...new Set([...total.keys()])].sort();
  const rows = endpoints.map((endpoint) => [
    `\`${endpoint}\``,
    String(total.get(endpoint) ?? 0),
    String(window.get(endpoint) ?? 0),
    ((window.get(endpoint) ?? 0) / intervals).toFixed(2),
  ]);
  const page = specs.map((s) => `\`<${s.tag} ${Object.entries(s.attributes).map(([k, v]) => `${k}="${v}"`).join(' ')}>\``);
  return {
    title: 'Requests',
    status: 'measured',
    figures,
    detail: [
      markdownTable(['endpoint (as forwarded by the proxy)', 'whole run', `last ${intervals} intervals`, 'per interval'], rows),
      '',
      `The page (${specs.length} elements): ${page.join(', ')}.`,
    ].join('\n'),
    notes: [
      `All elements on one page and one proxy (demo/in-page-stack.ts: the signing proxy handler in front of the sandbox, in the page; \`upstream\` lists what the proxy forwarded). Counted over ${intervals} poll intervals of ${INTERVAL_MS} ms after ${SETTLE_MS / 1000} s for first loads; "whole run" includes those first loads.`,
      `Symbols, margin config and the loan market are reference data: one copy per page, kept ${REFERENCE_TTL_MS / 1000} s, read by every element that needs it (the lending markets poll the loan market at their 5 s floor through that copy; the borrow/repay rate and the ticket read it too), so a run of ${Math.round(wholeSeconds)} s asks for each ${copies === 1 ? 'once' : `${copies} times`}.`,
      ...(missing.length > 0
        ? [`Partial: ${missing.map((t) => `<${t}>`).join(', ')} not yet landed, so the page has ${specs.length} of its 10 elements; rerun when all four have.`]
        : []),
    ],
  };
}
