/**
 * The render benchmark's page. `?mode=ticker`: a 500-symbol `<margin-mark-price-ticker
 * mode="list">` fed by an in-page fetch; `?mode=floor`: the same data on a hand-written page that
 * keeps its 500 rows and writes only the changed cells' text and one class (cached Intl), the
 * least a page can do; `?mode=naive`: the same data re-rendered with innerHTML each tick. The
 * driver (bench/render.ts) calls `window.renderBench.tick(i)`.
 */
import { configure, getMarginClient } from '../../src/client/client.js';
import type { PollState } from '../../src/client/hub.js';
import '../../src/define/margin-mark-price-ticker.js';

interface Fixtures {
  /** The `GET /api/v3/margin/symbols` answer, as text. */
  symbols: string;
  /** One `GET /api/v3/mark-price/all-symbols` answer per tick (index 0: the first load), as text. */
  marks: string[];
}

export interface TickResult {
  /** Trigger to rendered (the element's updateComplete / innerHTML set), ms. */
  updateMs: number;
  /** Trigger to the next frame after it (style, layout, paint included), ms. */
  frameMs: number;
  /** The first row's price text after the tick, to check the tick showed. */
  firstPrice: string;
  rows: number;
}

declare global {
  interface Window {
    renderBench: { ready: Promise<{ rows: number }>; tick(index: number): Promise<TickResult>; requests: Record<string, number> };
  }
}

const PROXY_URL = 'https://proxy.render-bench.invalid';
const MARKS_PATH = '/kucoin/api/v3/mark-price/all-symbols';
const SYMBOLS_PATH = '/kucoin/api/v3/margin/symbols';
const asked = new URLSearchParams(location.search).get('mode');
const mode = asked === 'naive' || asked === 'floor' ? asked : 'ticker';

let current = 0;
const requests: Record<string, number> = {};

function answer(text: string): Response {
  return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
}

/** The in-page "network": the two answers the ticker needs, prepared before timing starts. */
function fakeFetch(fixtures: Fixtures): typeof globalThis.fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    requests[path] = (requests[path] ?? 0) + 1;
    if (path === MARKS_PATH) return answer(fixtures.marks[current]!);
    if (path === SYMBOLS_PATH) return answer(fixtures.symbols);
    return new Response(JSON.stringify({ code: '400100', msg: `not served by the render bench: ${path}` }), { status: 404 });
  }) as typeof globalThis.fetch;
}

const nextFrame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));
/** The frame after the change: rAF runs before style and layout, so wait for the one after. */
const afterNextFrame = async () => {
  await nextFrame();
  await nextFrame();
};

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`render bench: ${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

async function startTicker(fixtures: Fixtures) {
  configure({ proxyUrl: PROXY_URL, fetch: fakeFetch(fixtures) });
  const ticker = document.createElement('margin-mark-price-ticker');
  ticker.setAttribute('mode', 'list');
  // The bench drives the ticks; the element's own timer must not fire during the run.
  ticker.setAttribute('poll-interval', '3600000');
  document.body.append(ticker);
  const rows = () => ticker.shadowRoot?.querySelectorAll('tbody tr').length ?? 0;
  const expected = (JSON.parse(fixtures.marks[0]!) as { data: unknown[] }).data.length;
  await until(() => rows() === expected, `the ticker showing ${expected} rows`);

  // A second subscriber of the shared poll: refresh() makes the hub load once and tell every
  // subscriber, the ticker first (it subscribed first), exactly as a poll tick does.
  let settled: ((state: PollState<unknown>) => void) | undefined;
  const subscription = getMarginClient(PROXY_URL).hub.poll<unknown>(
    'kucoin:mark-prices',
    async () => {
      throw new Error("render bench: the ticker does not poll 'kucoin:mark-prices'");
    },
    3_600_000,
    (state) => {
      if (!state.loading) settled?.(state);
    },
  );
  const firstPrice = () => ticker.shadowRoot?.querySelector('tbody [part~="price"]')?.textContent?.trim() ?? '';

  return {
    rows: rows(),
    async tick(): Promise<number> {
      const t0 = performance.now();
      const state = await new Promise<PollState<unknown>>((done) => {
        settled = done;
        subscription.refresh();
      });
      settled = undefined;
      if (state.error) throw state.error;
      await ticker.updateComplete;
      return performance.now() - t0;
    },
    read: () => ({ firstPrice: firstPrice(), rows: rows() }),
  };
}

interface MarkItem {
  symbol: string;
  value: number;
}

/**
 * The baseline: what a page without a component library would write. Fetch, parse, rebuild the
 * whole table as one HTML string. Same data, same columns (price at the increment, direction,
 * change since start, a flash class on change).
 */
async function startNaive(fixtures: Fixtures) {
  const fetchAnswer = fakeFetch(fixtures);
  const symbols = (JSON.parse(fixtures.symbols) as { data: { items: { symbol: string; priceIncrement: string }[] } }).data.items;
  const decimals = new Map(symbols.map((s) => [s.symbol, (s.priceIncrement.split('.')[1] ?? '').length]));
  const formats = new Map<number, Intl.NumberFormat>();
  const format = (value: number, d: number) => {
    let f = formats.get(d);
    if (!f) formats.set(d, (f = new Intl.NumberFormat(undefined, { minimumFractionDigits: d, maximumFractionDigits: d })));
    return f.format(value);
  };
  const percent = new Intl.NumberFormat(undefined, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  const container = document.createElement('div');
  document.body.append(container);

  const render = async () => {
    const body = (await (await fetchAnswer(`${PROXY_URL}${MARKS_PATH}`)).json()) as { code: string; data: MarkItem[] };
    if (body.code !== '200000') throw new Error(`render bench: bad envelope ${body.code}`);
    let html = '<table><thead><tr><th>Symbol</th><th>Mark price</th><th>Change</th></tr></thead><tbody>';
    for (const { symbol, value } of body.data) {
      const before = last.get(symbol);
      if (!first.has(symbol)) first.set(symbol, value);
      last.set(symbol, value);
      const direction = before === undefined || before === value ? '' : value > before ? 'up' : 'down';
      const change = (value - first.get(symbol)!) / first.get(symbol)!;
      html += `<tr><th><button type="button" data-symbol="${symbol}">${symbol}</button></th><td><span class="price ${direction ? `flash-${direction}` : ''}">${format(value, decimals.get(symbol) ?? 2)}</span>${direction === 'up' ? '▲' : direction === 'down' ? '▼' : ''}</td><td>${percent.format(change)}</td></tr>`;
    }
    container.innerHTML = `${html}</tbody></table>`;
  };
  await render();
  const rows = () => container.querySelectorAll('tbody tr').length;
  return {
    rows: rows(),
    async tick(): Promise<number> {
      const t0 = performance.now();
      await render();
      return performance.now() - t0;
    },
    read: () => ({ firstPrice: container.querySelector('tbody .price')?.textContent ?? '', rows: rows() }),
  };
}

/**
 * The floor: a hand-written page that does the least the ticker's list must do. The table is
 * built once; a tick fetches and parses the same answer, and for each price that moved writes the
 * price cell's text, the change cell's text and one class (the flash, alternating two names so
 * the animation restarts); unmoved rows are not touched. Intl formatters are made once.
 */
async function startFloor(fixtures: Fixtures) {
  const fetchAnswer = fakeFetch(fixtures);
  const symbols = (JSON.parse(fixtures.symbols) as { data: { items: { symbol: string; priceIncrement: string }[] } }).data.items;
  const decimals = new Map(symbols.map((s) => [s.symbol, (s.priceIncrement.split('.')[1] ?? '').length]));
  const formats = new Map<number, Intl.NumberFormat>();
  const formatter = (d: number) => {
    let f = formats.get(d);
    if (!f) formats.set(d, (f = new Intl.NumberFormat(undefined, { minimumFractionDigits: d, maximumFractionDigits: d })));
    return f;
  };
  const percent = new Intl.NumberFormat(undefined, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  interface Row {
    first: number;
    last: number;
    moves: number;
    format: Intl.NumberFormat;
    cell: HTMLElement;
    price: Text;
    change: Text;
  }
  const rows = new Map<string, Row>();
  const style = document.createElement('style');
  style.textContent = `.flash-up-0,.flash-up-1{color:green}.flash-down-0,.flash-down-1{color:red}
.flash-up-0,.flash-down-0{animation:flash-a 1s}.flash-up-1,.flash-down-1{animation:flash-b 1s}
@keyframes flash-a{from{background:#ff08}}@keyframes flash-b{from{background:#ff08}}`;
  const table = document.createElement('table');
  table.innerHTML = '<thead><tr><th>Symbol</th><th>Mark price</th><th>Change</th></tr></thead><tbody></tbody>';
  const tbody = table.tBodies[0]!;
  document.body.append(style, table);

  const load = async () => {
    const body = (await (await fetchAnswer(`${PROXY_URL}${MARKS_PATH}`)).json()) as { code: string; data: MarkItem[] };
    if (body.code !== '200000') throw new Error(`render bench: bad envelope ${body.code}`);
    return body.data;
  };
  for (const { symbol, value } of await load()) {
    const tr = tbody.insertRow();
    const name = document.createElement('th');
    name.innerHTML = `<button type="button" data-symbol="${symbol}">${symbol}</button>`;
    const cell = document.createElement('span');
    const format = formatter(decimals.get(symbol) ?? 2);
    const price = document.createTextNode(format.format(value));
    const change = document.createTextNode(percent.format(0));
    cell.append(price);
    tr.append(name);
    tr.insertCell().append(cell);
    tr.insertCell().append(change);
    rows.set(symbol, { first: value, last: value, moves: 0, format, cell, price, change });
  }
  return {
    rows: tbody.rows.length,
    async tick(): Promise<number> {
      const t0 = performance.now();
      for (const { symbol, value } of await load()) {
        const row = rows.get(symbol);
        if (!row || row.last === value) continue;
        const up = value > row.last;
        row.last = value;
        row.moves += 1;
        row.price.data = row.format.format(value);
        row.change.data = percent.format((value - row.first) / row.first);
        row.cell.className = `flash-${up ? 'up' : 'down'}-${row.moves % 2}`;
      }
      return performance.now() - t0;
    },
    read: () => ({ firstPrice: tbody.rows[0]?.cells[1]?.textContent ?? '', rows: tbody.rows.length }),
  };
}

async function start() {
  const fixtures = (await (await fetch('./fixtures.json')).json()) as Fixtures;
  const view = mode === 'naive' ? await startNaive(fixtures) : mode === 'floor' ? await startFloor(fixtures) : await startTicker(fixtures);
  // Each tick runs as a page task of its own (not inside the driver's CDP call), so Chromium's
  // trace shows it as the page's own work, between two user-timing marks.
  window.renderBench.tick = (index: number) =>
    new Promise<TickResult>((resolve, reject) => {
      setTimeout(() => {
        current = index;
        performance.mark(`${mode}-tick-${index}-start`);
        const t0 = performance.now();
        view.tick().then(async (updateMs) => {
          await afterNextFrame();
          performance.mark(`${mode}-tick-${index}-end`);
          const frameMs = performance.now() - t0;
          // Read back after the end mark: the check is the driver's, not the page's work.
          resolve({ ...view.read(), updateMs, frameMs });
        }, reject);
      }, 0);
    });
  return { rows: view.rows };
}

window.renderBench = {
  requests,
  tick: () => Promise.reject(new Error('render bench: not ready')),
  ready: start(),
};
