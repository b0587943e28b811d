/**
 * Render: a 500-symbol `<margin-mark-price-ticker mode="list">` in Chromium, every price moving
 * each tick, 50 ticks; scripting time per update from a Chromium trace (CPU time of the page's
 * main thread, as DevTools counts "Scripting"), beside the floor (a hand-written page that keeps
 * its rows and writes only the changed cells' text and one class, cached Intl) and a naive
 * innerHTML table, fed the same data. Held to ticker <= 1.2x floor, the median of a few rounds.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { createSandboxExchange } from '../src/sandbox/index.js';
import { buildPage, hasChromium, serveDir, withBrowser } from './browser.js';
import { type Figure, type Section, ROOT, markdownTable, median, ms, percentile, times, withTempDir } from './lib.js';
import type { TickResult } from './pages/render-page.js';

const SYMBOLS = 500;
const WARMUP_TICKS = 5;
const TICKS = 50;
/** The ticker's scripting per update, as a multiple of the floor page's. */
const TARGET_RATIO = 1.2;
/** Rounds of the whole measurement (fresh pages each): the ratio is their median. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_RENDER_ROUNDS ?? 3) || 3);

/** A small seeded generator (mulberry32): the same prices every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `units` of 10^-decimals as JSON number text: 672504, 1 -> 67250.4 */
function unitsText(units: number, decimals: number): string {
  if (decimals === 0) return String(units);
  const digits = String(units).padStart(decimals + 1, '0');
  const text = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`.replace(/0+$/, '');
  return text.endsWith('.') ? text.slice(0, -1) : text;
}

/**
 * 500 symbols shaped like the sandbox's (its ~20 symbols as templates, realistic increments) and
 * one mark-price answer per tick in which every price moved.
 */
export async function fixtures(): Promise<{ symbols: string; marks: string[] }> {
  const sandbox = createSandboxExchange({ seed: 1, now: () => 1_800_000_000_000 });
  const read = async (path: string) => (await (await sandbox(new Request(`http://sandbox${path}`))).json()) as { data: unknown };
  const templates = ((await read('/api/v3/margin/symbols')).data as { items: Record<string, unknown>[] }).items;
  const marks = new Map(((await read('/api/v3/mark-price/all-symbols')).data as { symbol: string; value: number }[]).map((m) => [m.symbol, m.value]));
  const next = random(42);
  const items: Record<string, unknown>[] = [];
  const prices: { symbol: string; units: number; decimals: number; step: number }[] = [];
  for (let i = 0; i < SYMBOLS; i += 1) {
    const template = templates[i % templates.length]!;
    const generation = Math.floor(i / templates.length);
    const base = `${String(template.baseCurrency)}${generation === 0 ? '' : generation}`;
    const symbol = `${base}-${String(template.quoteCurrency)}`;
    items.push({ ...template, symbol, name: symbol, baseCurrency: base, enableTrading: true });
    const decimals = (String(template.priceIncrement).split('.')[1] ?? '').length + 1;
    const start = marks.get(String(template.symbol)) ?? 1;
    prices.push({ symbol, units: Math.max(1000, Math.round(start * 10 ** decimals)), decimals, step: 10 });
  }
  const symbols = JSON.stringify({ code: '200000', data: { timestamp: 1_800_000_000_000, items } });
  const answers: string[] = [];
  for (let tick = 0; tick <= WARMUP_TICKS + TICKS; tick += 1) {
    if (tick > 0) {
      for (const p of prices) {
        const move = (1 + Math.floor(next() * 5)) * p.step;
        p.units = next() < 0.5 && p.units > move * 2 ? p.units - move : p.units + move;
      }
    }
    const timePoint = 1_800_000_000_000 + tick * 3000;
    const data = prices.map((p) => `{"symbol":"${p.symbol}","timePoint":${timePoint},"value":${unitsText(p.units, p.decimals)}}`);
    answers.push(`{"code":"200000","data":[${data.join(',')}]}`);
  }
  return { symbols, marks: answers };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
}

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'toplevel'];
/** What DevTools counts as Scripting: JavaScript entry points, microtasks, and garbage collection. */
const SCRIPT = new Set([
  'RunMicrotasks', 'TimerFire', 'FunctionCall', 'EvaluateScript', 'FireAnimationFrame', 'EventDispatch', 'FireIdleCallback',
  'v8.callFunction', 'v8.run', 'v8.evaluateModule', 'v8.compile', 'v8.compileModule', 'V8.Execute', 'MinorGC', 'MajorGC',
  'XHRReadyStateChange', 'XHRLoad',
]);
/** Browser work that script can trigger synchronously (innerHTML parsing, a forced layout): not Scripting. */
const NOT_SCRIPT = new Set(['Layout', 'UpdateLayoutTree', 'ParseHTML', 'ParseAuthorStyleSheet', 'Paint', 'PrePaint', 'Layerize', 'HitTest', 'Commit']);
const STYLE_LAYOUT = new Set(['Layout', 'UpdateLayoutTree']);

/** CPU (thread) time of an event, ms. */
const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
const endOf = (e: TraceEvent) => e.ts + (e.dur ?? 0);

/** The events not nested in another of the same list. */
function outermost(events: readonly TraceEvent[]): TraceEvent[] {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const kept: TraceEvent[] = [];
  let coveredUntil = -Infinity;
  for (const e of sorted) {
    if (endOf(e) <= coveredUntil) continue;
    kept.push(e);
    coveredUntil = Math.max(coveredUntil, endOf(e));
  }
  return kept;
}

/** The share of an event inside [start, end] (events straddle the marks by microseconds). */
function inside(e: TraceEvent, start: number, end: number): number {
  const dur = e.dur ?? 0;
  if (dur === 0) return e.ts >= start && e.ts <= end ? 1 : 0;
  return Math.max(0, Math.min(endOf(e), end) - Math.max(e.ts, start)) / dur;
}

interface Sample {
  /** CPU ms: JavaScript, microtasks and GC, without the layout, style or HTML parsing it caused. */
  scripting: number;
  styleLayout: number;
  /** CPU ms: everything the main thread did in the tick (script, style, layout, paint...). */
  mainThread: number;
  /** Wall ms in the page: trigger to rendered. */
  update: number;
}

export function analyse(events: readonly TraceEvent[], mode: string, walls: ReadonlyMap<number, number>): Sample[] {
  const marks = new Map<string, TraceEvent>();
  for (const e of events) if (e.name.startsWith(`${mode}-tick-`)) marks.set(e.name, e);
  const first = [...marks.values()][0];
  if (!first) throw new Error(`the trace has no ${mode} tick marks`);
  const thread = events.filter((e) => e.pid === first.pid && e.tid === first.tid && e.ph === 'X');
  const samples: Sample[] = [];
  for (const [index, update] of walls) {
    const start = marks.get(`${mode}-tick-${index}-start`)?.ts;
    const end = marks.get(`${mode}-tick-${index}-end`)?.ts;
    if (start === undefined || end === undefined) throw new Error(`the trace lacks the marks of ${mode} tick ${index}`);
    const window = thread.filter((e) => endOf(e) >= start && e.ts <= end);
    const sum = (list: readonly TraceEvent[], f: (e: TraceEvent) => number) => list.reduce((total, e) => total + f(e), 0);
    const nonScript = window.filter((e) => NOT_SCRIPT.has(e.name));
    const scripting = sum(outermost(window.filter((e) => SCRIPT.has(e.name))), (js) => {
      const nested = outermost(nonScript.filter((e) => e.ts >= js.ts && endOf(e) <= endOf(js)));
      return inside(js, start, end) * Math.max(0, cpu(js) - sum(nested, cpu));
    });
    samples.push({
      scripting,
      styleLayout: sum(outermost(window.filter((e) => STYLE_LAYOUT.has(e.name))), (e) => inside(e, start, end) * cpu(e)),
      mainThread: sum(outermost(window.filter((e) => e.name === 'RunTask')), (e) => inside(e, start, end) * cpu(e)),
      update,
    });
  }
  return samples;
}

type Mode = 'ticker' | 'floor' | 'naive';
const MODES: readonly Mode[] = ['ticker', 'floor', 'naive'];

interface Driven {
  mode: Mode;
  page: Page;
  /** Wall ms per measured tick index. */
  walls: Map<number, number>;
  prices: string[];
  errors: string[];
  samples: Sample[];
}

async function open(browser: Browser, base: string, mode: Mode): Promise<Driven> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${base}/?mode=${mode}`, { waitUntil: 'load', timeout: 30_000 });
  const { rows } = await page.evaluate(() => window.renderBench.ready);
  if (rows !== SYMBOLS) throw new Error(`${mode} page: ${rows} rows at start, expected ${SYMBOLS}`);
  return { mode, page, walls: new Map(), prices: [], errors, samples: [] };
}

async function tick(driven: Driven, index: number, record: boolean): Promise<void> {
  // A page in the background gets no animation frames: the one ticking is in front.
  await driven.page.bringToFront();
  const result: TickResult = await driven.page.evaluate((i) => window.renderBench.tick(i), index);
  if (result.rows !== SYMBOLS) throw new Error(`${driven.mode} tick ${index}: ${result.rows} rows, expected ${SYMBOLS}`);
  driven.prices.push(result.firstPrice);
  if (record) driven.walls.set(index, result.updateMs);
}

export async function renderBench(): Promise<Section> {
  if (!existsSync(join(ROOT, 'src/define/margin-mark-price-ticker.ts'))) {
    return { title: 'Render', status: 'not yet', reason: '<margin-mark-price-ticker> has not landed (src/define/margin-mark-price-ticker.ts).', figures: [] };
  }
  if (!hasChromium()) return { title: 'Render', status: 'not yet', reason: 'no Chromium (set CHROME_PATH)', figures: [] };

  return withTempDir('render', async (dir) => {
    await writeFile(join(dir, 'fixtures.json'), JSON.stringify(await fixtures()));
    await buildPage('bench/pages/render-page.ts', dir, 'render.js');
    await writeFile(
      join(dir, 'index.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>render bench</title></head><body><script type="module" src="./render.js"></script></body></html>',
    );
    const server = await serveDir(dir);
    try {
      const rounds: Round[] = [];
      for (let round = 0; round < ROUNDS; round += 1) rounds.push(await withBrowser((browser) => measureRound(browser, server.url)));
      return report(rounds);
    } finally {
      await server.close();
    }
  });
}

interface Round {
  pages: Record<Mode, Driven>;
  requests: Record<string, number>;
}

/** One round: three fresh pages in one Chromium, ticked in turn, traced together. */
async function measureRound(browser: Browser, base: string): Promise<Round> {
  const pages = {} as Record<Mode, Driven>;
  for (const mode of MODES) pages[mode] = await open(browser, base, mode);
  // Tick by tick in turn, so a noisy moment of the machine hits all three alike.
  for (let i = 1; i <= WARMUP_TICKS; i += 1) for (const mode of MODES) await tick(pages[mode], i, false);
  await pages.ticker.page.tracing.start({ categories: TRACE_CATEGORIES });
  for (let i = WARMUP_TICKS + 1; i <= WARMUP_TICKS + TICKS; i += 1) for (const mode of MODES) await tick(pages[mode], i, true);
  const trace = await pages.ticker.page.tracing.stop();
  const events = (JSON.parse(Buffer.from(trace ?? new Uint8Array()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  for (const mode of MODES) pages[mode].samples = analyse(events, mode, pages[mode].walls);
  const requests = await pages.ticker.page.evaluate(() => window.renderBench.requests);
  for (const mode of MODES) await pages[mode].page.close();
  return { pages, requests };
}

function stat(d: Driven, f: (s: Sample) => number): { median: number; p95: number } {
  const values = d.samples.map(f);
  return { median: median(values), p95: percentile(values, 95) };
}

function report(rounds: readonly Round[]): Section {
  const scripting = (round: Round, mode: Mode) => stat(round.pages[mode], (s) => s.scripting);
  const ratios = rounds.map((round) => scripting(round, 'ticker').median / scripting(round, 'floor').median);
  const naiveRatios = rounds.map((round) => scripting(round, 'naive').median / scripting(round, 'floor').median);
  // The round whose ticker/floor ratio is the median: its figures are the ones shown.
  const middle = rounds[ratios.indexOf([...ratios].sort((a, b) => a - b)[Math.floor((ratios.length - 1) / 2)]!)]!;
  const ratio = median(ratios);
  const t = scripting(middle, 'ticker');
  const f = scripting(middle, 'floor');
  const n = scripting(middle, 'naive');
  const main = (mode: Mode) => stat(middle.pages[mode], (s) => s.mainThread).median;
  const unchanged = (d: Driven) => d.prices.filter((price, i) => i > 0 && price === d.prices[i - 1]).length;
  const problems = rounds.flatMap((round) => [
    ...MODES.flatMap((mode) => round.pages[mode].errors.map((e) => `${mode} page: ${e}`)),
    ...MODES.filter((mode) => unchanged(round.pages[mode]) > 0).map((mode) => `the ${mode} page's first price did not change on ${unchanged(round.pages[mode])} ticks`),
    ...Object.entries(round.requests)
      .filter(([path, count]) => !(path.endsWith('/mark-price/all-symbols') || (path.endsWith('/margin/symbols') && count === 1)))
      .map(([path, count]) => `unexpected requests from the ticker: ${path} x${count}`),
  ]);
  const spread = (values: readonly number[]) => (values.length > 1 ? ` (rounds ${Math.min(...values).toFixed(2)} to ${Math.max(...values).toFixed(2)})` : '');
  const figures: Figure[] = [
    {
      name: `Render: ticker, ${SYMBOLS} symbols all moving, scripting per update vs the floor page`,
      value: `${ms(t.median)} / ${ms(t.p95)} (median / p95); floor ${ms(f.median)} / ${ms(f.p95)}`,
      target: `<= ${TARGET_RATIO}x floor`,
      ratio: `${times(ratio, 'floor')}${spread(ratios)}`,
      ok: ratio <= TARGET_RATIO,
    },
    {
      name: 'Render: naive innerHTML page, scripting per update vs the floor page',
      value: `${ms(n.median)} / ${ms(n.p95)} (median / p95)`,
      ratio: `${times(median(naiveRatios), 'floor')}${spread(naiveRatios)}`,
    },
    {
      name: 'Render: main thread per update, all work (median): ticker / floor / naive',
      value: `${ms(main('ticker'))} / ${ms(main('floor'))} / ${ms(main('naive'))}`,
      ratio: times(main('ticker') / main('floor'), 'floor'),
    },
  ];
  if (problems.length > 0) figures.push({ name: 'Render: problems seen', value: problems.join('; '), target: 'none', ok: false });

  const row = (name: string, d: Driven) => {
    const cells = [stat(d, (s) => s.scripting), stat(d, (s) => s.styleLayout), stat(d, (s) => s.mainThread), stat(d, (s) => s.update)];
    return [name, ...cells.map((c) => `${ms(c.median)} / ${ms(c.p95)}`)];
  };
  return {
    title: 'Render',
    status: 'measured',
    figures,
    detail: [
      markdownTable(
        ['page', 'scripting (CPU)', 'style + layout (CPU)', 'main thread, all (CPU)', 'update in page (wall)'],
        [row('`<margin-mark-price-ticker mode="list">`', middle.pages.ticker), row('floor: hand-written, changed cells only', middle.pages.floor), row('naive innerHTML table', middle.pages.naive)],
      ),
      '',
      `Ticker / floor scripting per round: ${ratios.map((r) => r.toFixed(2)).join(', ')}; naive / floor: ${naiveRatios.map((r) => r.toFixed(2)).join(', ')}. The table is the median round.`,
    ].join('\n'),
    notes: [
      `${SYMBOLS} symbols, every price moving every tick (the worst case: every row re-formatted and flashed), ${TICKS} ticks measured after ${WARMUP_TICKS} warm-up ticks, ${rounds.length} round(s) with fresh pages; cells are median / p95 per update of the median round.`,
      'From a Chromium trace of the measured ticks, per tick from its start mark to a mark after the next frame, on the page\'s main thread, in CPU (thread) time so other processes on the machine do not inflate it. Scripting is what DevTools counts as Scripting: JavaScript tasks, microtasks (where Lit renders) and GC, less the style, layout and HTML parsing they forced (innerHTML parsing is the naive page\'s main cost and shows under main thread, not scripting). Update (wall) is performance.now() in the page from the trigger to the element\'s updateComplete (floor, naive: the cells written).',
      'A tick: the page\'s fetch answers the next prepared all-symbols JSON; the ticker gets it through its real path (client, ky, envelope, exact-text validation, the shared hub poll, Lit render), triggered by a refresh of the shared \'kucoin:mark-prices\' poll. The floor page fetches the same JSON, parses it and, for each moved price, writes the price text, the change text and one flash class into rows it built once (cached Intl.NumberFormat, prices as parsed numbers: the least work a page can do). The naive page rebuilds the table with innerHTML. The three run in three pages of one Chromium, tick by tick in turn.',
    ],
  };
}
