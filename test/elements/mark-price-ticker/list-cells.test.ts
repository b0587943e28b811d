/**
 * The list's moving cells (list-cells.ts): a tick that only moves prices renders no row template
 * and writes each moved row's text and class in place; everything else (new symbols, a new
 * locale, a selection, the element moved in the page) still shows the current values.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createInPageStack } from '../../../demo/in-page-stack.js';
import { getMarginClient } from '../../../src/client/client.js';
import type { PollSubscription } from '../../../src/client/hub.js';
import type { MarkPriceText } from '../../../src/client/kucoin/market-text.js';
import type { MarginMarkPriceTicker } from '../../../src/define/margin-mark-price-ticker.js';
import '../../../src/define/margin-mark-price-ticker.js';
import { MARK_PRICES_KEY } from '../../../src/elements/mark-price-ticker/margin-mark-price-ticker.js';
import { TickerModel } from '../../../src/elements/mark-price-ticker/ticker-model.js';
import { TickerViews } from '../../../src/elements/mark-price-ticker/ticker-view.js';
import { FakeClock, FakeVisibility } from '../../helpers/fake-clock.js';
import { captureLitWarnings } from '../../helpers/lit-warnings.js';

const q = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

function row(el: HTMLElement, symbol: string): HTMLTableRowElement {
  const button = q(el, `tbody button[data-symbol="${symbol}"]`);
  if (!button) throw new Error(`no row for ${symbol}`);
  return button.closest('tr')!;
}
const price = (el: HTMLElement, symbol: string) => row(el, symbol).querySelector('[part~="price"]')!.textContent;
const change = (el: HTMLElement, symbol: string) => row(el, symbol).querySelector('[part~="change"]')!;

/** A page whose mark prices are `prices` (the test's own loader serves the shared poll), on a fake clock. */
function page(initial: MarkPriceText[]) {
  const clock = new FakeClock();
  const stack = createInPageStack({ now: () => clock.now(), page: { hub: { clock, visibility: new FakeVisibility() } } });
  const state = { prices: initial };
  const host: PollSubscription = getMarginClient(stack.proxyUrl).hub.poll<MarkPriceText[]>(MARK_PRICES_KEY, async () => state.prices, 1000, () => {});
  return {
    state,
    host,
    async tick() {
      await clock.advance(1000);
      for (let i = 0; i < 5; i += 1) await aTimeout(5);
    },
  };
}

const mark = (symbol: string, value: string): MarkPriceText => ({ symbol, value, timePoint: 1 });
const SYMBOLS = ['S0-USDT', 'S1-USDT', 'S2-USDT', 'S3-USDT', 'S4-USDT'];

async function list(locale = 'en-US'): Promise<MarginMarkPriceTicker> {
  const el = await fixture<MarginMarkPriceTicker>(html`<margin-mark-price-ticker mode="list" locale=${locale} poll-interval="1000"></margin-mark-price-ticker>`);
  await waitUntil(() => el.shadowRoot!.querySelectorAll('tbody tr').length > 0, 'no rows', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

describe('<margin-mark-price-ticker> list: moving cells written in place', () => {
  let lit: ReturnType<typeof captureLitWarnings>;
  let host: PollSubscription | undefined;
  beforeEach(() => {
    lit = captureLitWarnings();
  });
  afterEach(() => {
    host?.unsubscribe();
    lit.stop();
    expect(lit.warnings, lit.warnings.join('\n')).to.deep.equal([]);
  });

  it('a tick changes only the moved row: its price and change text and the move class, no node replaced', async () => {
    const p = page(SYMBOLS.map((s, i) => mark(s, `${1000 + i}`)));
    host = p.host;
    const el = await list();
    const priceNode = row(el, 'S1-USDT').querySelector('[part~="price"]')!.firstChild;
    const seen: MutationRecord[] = [];
    const observer = new MutationObserver((records) => seen.push(...records));
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
    p.state.prices = p.state.prices.map((m) => (m.symbol === 'S1-USDT' ? mark(m.symbol, '1010') : m)); // +0.90%
    await p.tick();
    await waitUntil(() => price(el, 'S1-USDT') === '1,010');
    seen.push(...observer.takeRecords());
    observer.disconnect();
    expect(row(el, 'S1-USDT').querySelector('[part~="price"]')!.firstChild).to.equal(priceNode);
    expect(seen.filter((r) => r.type === 'childList')).to.deep.equal([]);
    const touched = new Set(seen.map((r) => (r.target instanceof Element ? r.target : r.target.parentElement)!.closest('tr')));
    expect([...touched]).to.deep.equal([row(el, 'S1-USDT')]);
    expect(change(el, 'S1-USDT').textContent).to.equal('+0.90%');
    expect(change(el, 'S1-USDT').className).to.equal('change up');
    expect(row(el, 'S1-USDT').querySelector('[part~="price"]')!.parentElement!.className).to.equal('flash-up flash-1');
    expect(price(el, 'S0-USDT')).to.equal('1,000');
    expect(change(el, 'S0-USDT').textContent).to.equal('0.00%');
    await expect(el).to.be.accessible();
  });

  it('a symbol that appears later gets a row, and that row moves on the next tick', async () => {
    const p = page(SYMBOLS.slice(0, 2).map((s) => mark(s, '5')));
    host = p.host;
    const el = await list();
    p.state.prices = [...p.state.prices, mark('NEW-USDT', '7')];
    await p.tick();
    await waitUntil(() => q(el, 'button[data-symbol="NEW-USDT"]'), 'no row for the new symbol');
    expect(price(el, 'NEW-USDT')).to.equal('7');
    p.state.prices = p.state.prices.map((m) => (m.symbol === 'NEW-USDT' ? mark(m.symbol, '6.3') : m));
    await p.tick();
    await waitUntil(() => price(el, 'NEW-USDT') === '6.3');
    expect(change(el, 'NEW-USDT').textContent).to.equal('-10.00%');
    expect([...row(el, 'NEW-USDT').querySelector('[part~="price"]')!.parentElement!.classList]).to.include('flash-down');
  });

  it('a new order from the venue: every row shows its own symbol, price and change, and moves with it', async () => {
    const p = page(SYMBOLS.map((s, i) => mark(s, `${10 + i}`)));
    host = p.host;
    const el = await list();
    p.state.prices = p.state.prices.map((m) => (m.symbol === 'S0-USDT' ? mark(m.symbol, '11') : m)); // S0 +10%
    await p.tick();
    await waitUntil(() => price(el, 'S0-USDT') === '11');
    p.state.prices = [...p.state.prices].reverse();
    await p.tick();
    await waitUntil(() => q(el, 'tbody button[data-symbol]')!.dataset.symbol === 'S4-USDT', 'the new order never showed');
    const shown = () =>
      [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [
        tr.querySelector('[part="symbol"]')!.textContent,
        tr.querySelector('button')!.dataset.symbol,
        tr.querySelector('[part~="price"]')!.textContent,
        tr.querySelector('[part~="change"]')!.textContent,
      ]);
    expect(shown()).to.deep.equal([
      ['S4-USDT', 'S4-USDT', '14', '0.00%'],
      ['S3-USDT', 'S3-USDT', '13', '0.00%'],
      ['S2-USDT', 'S2-USDT', '12', '0.00%'],
      ['S1-USDT', 'S1-USDT', '11', '0.00%'],
      ['S0-USDT', 'S0-USDT', '11', '+10.00%'],
    ]);
    expect([...row(el, 'S0-USDT').querySelector('[part~="price"]')!.parentElement!.classList]).to.include('flash-up');
    expect(row(el, 'S4-USDT').querySelector('[part~="price"]')!.parentElement!.className).to.equal('');
    p.state.prices = p.state.prices.map((m) => (m.symbol === 'S4-USDT' ? mark(m.symbol, '12.6') : m)); // S4 -10%
    await p.tick();
    await waitUntil(() => price(el, 'S4-USDT') === '12.6');
    expect(change(el, 'S4-USDT').textContent).to.equal('-10.00%');
    expect(price(el, 'S0-USDT')).to.equal('11');
  });

  it('a new locale formats every row again; a selection keeps the moved values', async () => {
    const p = page(SYMBOLS.map((s) => mark(s, '1234.5')));
    host = p.host;
    const el = await list();
    p.state.prices = p.state.prices.map((m) => (m.symbol === 'S2-USDT' ? mark(m.symbol, '1250') : m));
    await p.tick();
    await waitUntil(() => price(el, 'S2-USDT') === '1,250');
    el.locale = 'de-DE';
    await el.updateComplete;
    expect(SYMBOLS.map((s) => price(el, s))).to.deep.equal(['1.234,5', '1.234,5', '1.250', '1.234,5', '1.234,5']);
    expect(change(el, 'S2-USDT').textContent).to.equal('+1,26\u00a0%');
    el.selected = 'S2-USDT';
    await el.updateComplete;
    expect(row(el, 'S2-USDT').querySelector('button')!.getAttribute('aria-current')).to.equal('true');
    expect([price(el, 'S2-USDT'), change(el, 'S2-USDT').textContent]).to.deep.equal(['1.250', '+1,26\u00a0%']);
  });

  it('keeps writing after the element is moved in the page (disconnected, then connected again)', async () => {
    const p = page(SYMBOLS.map((s) => mark(s, '10')));
    host = p.host;
    const el = await list();
    const other = document.createElement('div');
    el.parentElement!.after(other);
    other.append(el);
    await el.updateComplete;
    p.state.prices = p.state.prices.map((m) => (m.symbol === 'S4-USDT' ? mark(m.symbol, '11') : m));
    await p.tick();
    await waitUntil(() => price(el, 'S4-USDT') === '11', 'the moved element shows the old price');
    expect(change(el, 'S4-USDT').textContent).to.equal('+10.00%');
    other.remove();
  });
});

describe('<margin-mark-price-ticker> tape: its speed follows the number of symbols', () => {
  it('sets --_tape-items on the track (through the CSSOM, no style attribute) and again when symbols come', async () => {
    const p = page(SYMBOLS.slice(0, 3).map((s) => mark(s, '1')));
    const el = await fixture<MarginMarkPriceTicker>(html`<margin-mark-price-ticker poll-interval="1000"></margin-mark-price-ticker>`);
    try {
      await waitUntil(() => q(el, '[part~="track"]'), 'no tape', { timeout: 4000 });
      await el.updateComplete;
      const track = q(el, '[part~="track"]')!;
      expect(track.style.getPropertyValue('--_tape-items')).to.equal('3');
      p.state.prices = SYMBOLS.map((s) => mark(s, '1'));
      await p.tick();
      await waitUntil(() => track.style.getPropertyValue('--_tape-items') === '5', 'the count did not follow');
      // A flat item keeps no room for an arrow; a moved one shows it, and its word.
      const item = () => q(el, 'button[data-symbol="S1-USDT"]')!;
      expect(getComputedStyle(item().querySelector('[part="direction"]')!).display).to.equal('none');
      p.state.prices = p.state.prices.map((m) => (m.symbol === 'S1-USDT' ? mark(m.symbol, '0.9') : m));
      await p.tick();
      await waitUntil(() => item().classList.contains('flash-down'), 'the item never moved');
      expect(getComputedStyle(item().querySelector('[part="direction"]')!).display).not.to.equal('none');
      expect(getComputedStyle(item().querySelector('[part="direction"]')!, '::before').content).to.equal('"▼"');
      expect([...item().querySelectorAll('.word')].filter((w) => getComputedStyle(w).display !== 'none').map((w) => w.textContent)).to.deep.equal(['down']);
    } finally {
      p.host.unsubscribe();
    }
  });
});

describe('ticker model and views: the same rows while only values move', () => {
  const sample = (symbol: string, value: string) => ({ symbol, value, timePoint: 1 });

  it('select and views give back the same arrays until a symbol is added or the order changes', () => {
    const model = new TickerModel();
    const views = new TickerViews();
    const info = new Map();
    model.ingest([sample('A-USDT', '1'), sample('B-USDT', '2')], true);
    const wanted = ['B-USDT', 'X-USDT'];
    const picked = model.select(wanted);
    model.ingest([sample('A-USDT', '1.1'), sample('B-USDT', '2')], true);
    expect(model.select(wanted)).to.equal(picked);
    const every = model.select([]);
    const shown = views.views(every.rows, 'en-US', info);
    const a = shown[0]!;
    model.ingest([sample('A-USDT', '1.5'), sample('B-USDT', '2')], true);
    expect(model.select([]).rows).to.equal(every.rows);
    expect(views.views(every.rows, 'en-US', info)).to.equal(shown);
    expect(shown[0]).to.equal(a); // updated in place
    expect([a.priceText, a.moves, a.flashClass]).to.deep.equal(['1.5', 2, 'flash-up flash-0']);
    model.ingest([sample('A-USDT', '1.5'), sample('B-USDT', '2'), sample('X-USDT', '3')], true);
    expect(model.select(wanted).rows.map((r) => r.symbol)).to.deep.equal(['B-USDT', 'X-USDT']);
    expect(model.select(wanted).missing).to.deep.equal([]);
    const grown = views.views(model.select([]).rows, 'en-US', info);
    expect(grown).not.to.equal(shown);
    expect(grown.map((v) => v.symbol)).to.deep.equal(['A-USDT', 'B-USDT', 'X-USDT']);
    expect(views.views(model.select([]).rows, 'de-DE', info)).not.to.equal(grown);
  });
});
