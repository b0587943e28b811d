import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, readFile, sendKeys } from '@web/test-runner-commands';
import { createInPageStack, type InPageStack } from '../../../demo/in-page-stack.js';
import { getMarginClient } from '../../../src/client/client.js';
import type { MarkPriceText } from '../../../src/client/kucoin/market-text.js';
import { MarginMarkPriceTicker } from '../../../src/define/margin-mark-price-ticker.js';
import type { MarginSymbolSelectEvent } from '../../../src/elements/mark-price-ticker/events.js';
import styles, { TICKER_TOKENS } from '../../../src/elements/mark-price-ticker/margin-mark-price-ticker.styles.js';
import { MARK_PRICES_KEY } from '../../../src/elements/mark-price-ticker/margin-mark-price-ticker.js';
import type { MarginErrorEvent } from '../../../src/elements/shared/events.js';
import { THEME_TOKENS, themeTokens } from '../../../src/elements/shared/theme.js';
import { SYMBOLS } from '../../../src/sandbox/index.js';
import { FakeClock, FakeVisibility } from '../../helpers/fake-clock.js';
import { captureLitWarnings, tokenUse } from '../../helpers/lit-warnings.js';

const ALL_PRICES = 'GET /api/v3/mark-price/all-symbols';
const CROSS_SYMBOLS = 'GET /api/v3/margin/symbols';

interface Setup {
  clock: FakeClock;
  visibility: FakeVisibility;
  stack: InPageStack;
  /** Requests that reached the sandbox, by `METHOD /path` prefix. */
  count(prefix: string): number;
  /** Moves the hub's (and the sandbox's) clock, then waits for the poll it starts to land. */
  tick(ms: number): Promise<void>;
  /** The sandbox's price of `symbol` at the next tick of `ms` (the random walk already applied). */
  priceAtNextTick(symbol: string, price: string, ms?: number): void;
}

function setup(): Setup {
  const clock = new FakeClock();
  const visibility = new FakeVisibility();
  const stack = createInPageStack({ now: () => clock.now(), page: { hub: { clock, visibility } } });
  const count = (prefix: string) => stack.upstream.filter((r) => r.startsWith(prefix)).length;
  return {
    clock,
    visibility,
    stack,
    count,
    priceAtNextTick(symbol, price, ms = 1000) {
      stack.sandbox.state.advance(clock.now() + ms);
      stack.sandbox.state.markPrices.set(symbol, price);
    },
    async tick(ms) {
      await clock.advance(ms);
      await settle();
    },
  };
}

/** Lets in-flight requests through the in-page proxy and sandbox finish, and Lit render. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await aTimeout(5);
}

const root = (el: HTMLElement) => el.shadowRoot!;
const q = <E extends Element = HTMLElement>(el: HTMLElement, selector: string) => root(el).querySelector<E>(selector);
const qa = <E extends Element = HTMLElement>(el: HTMLElement, selector: string) => [...root(el).querySelectorAll<E>(selector)];

function listRow(el: HTMLElement, symbol: string): HTMLTableRowElement {
  const button = q(el, `tbody button[data-symbol="${symbol}"]`);
  if (!button) throw new Error(`no row for ${symbol}`);
  return button.closest('tr')!;
}

/** The hidden words of a list row that a screen reader would read: those not `display: none`. */
function spokenWord(row: Element): string {
  return [...row.querySelectorAll('td .visually-hidden')]
    .filter((word) => getComputedStyle(word).display !== 'none')
    .map((word) => word.textContent)
    .join(' ');
}

async function mounted(template: ReturnType<typeof html>, ready = '[part~="base"]:not([part~="skeleton"])'): Promise<MarginMarkPriceTicker> {
  const el = await fixture<MarginMarkPriceTicker>(template);
  await waitUntil(() => q(el, ready), `ticker never showed ${ready}`, { timeout: 4000 });
  await el.updateComplete;
  return el;
}

describe('<margin-mark-price-ticker>', () => {
  let lit: ReturnType<typeof captureLitWarnings>;
  beforeEach(() => {
    lit = captureLitWarnings();
  });
  afterEach(() => {
    lit.stop();
    expect(lit.warnings, lit.warnings.join('\n')).to.deep.equal([]);
  });

  it('is registered by its define file', () => {
    expect(customElements.get('margin-mark-price-ticker')).to.equal(MarginMarkPriceTicker);
  });

  it('lists live sandbox prices at each priceIncrement, in the order asked', async () => {
    setup();
    const el = await mounted(html`<margin-mark-price-ticker mode="list" locale="en-US" symbols="eth-usdt,BTC-USDT,SHIB-USDT"></margin-mark-price-ticker>`, 'table');
    const rows = qa(el, 'tbody tr');
    expect(rows.map((r) => r.querySelector('[part="symbol"]')!.textContent)).to.deep.equal(['ETH-USDT', 'BTC-USDT', 'SHIB-USDT']);
    expect(rows.map((r) => r.querySelector('[part~="price"]')!.textContent)).to.deep.equal(['3,412.57', '67,250.4', '0.00002512']);
    expect(rows.map((r) => r.querySelector('[part~="change"]')!.textContent)).to.deep.equal(['0.00%', '0.00%', '0.00%']);
    expect(q(el, '[part~="stale-badge"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows every margin symbol when none are named, marking those with trading off', async () => {
    setup();
    const el = await mounted(html`<margin-mark-price-ticker mode="list" locale="en-US"></margin-mark-price-ticker>`, 'table');
    expect(qa(el, 'tbody tr').length).to.equal(SYMBOLS.length);
    expect(listRow(el, 'LUNC-USDT').querySelector('[part="trading-off"]')).to.exist;
    expect(listRow(el, 'BTC-USDT').querySelector('[part="trading-off"]')).to.equal(null);
  });

  it('marks a rise and a fall with a flash, and keeps each row element (keyed)', async () => {
    const t = setup();
    const el = await mounted(html`<margin-mark-price-ticker mode="list" locale="en-US" poll-interval="1000" symbols="BTC-USDT,ETH-USDT"></margin-mark-price-ticker>`, 'table');
    const btcRow = listRow(el, 'BTC-USDT');
    const ethRow = listRow(el, 'ETH-USDT');
    t.priceAtNextTick('BTC-USDT', '68595.4'); // +2%
    await t.tick(1000);
    await waitUntil(() => btcRow.querySelector('[part~="price"]')!.textContent === '68,595.4');
    expect(listRow(el, 'BTC-USDT')).to.equal(btcRow);
    const price = btcRow.querySelector('[part~="price"]')!;
    const direction = btcRow.querySelector('[part="direction"]')!;
    // one class around the price and its marks says the move
    expect([...price.parentElement!.classList]).to.include.members(['flash-up', 'flash-1']);
    expect(getComputedStyle(direction, '::before').content).to.equal('"▲"');
    expect(spokenWord(btcRow)).to.equal('up');
    expect(btcRow.querySelector('[part~="change"]')!.textContent).to.equal('+2.00%');
    expect(getComputedStyle(price, '::after').animationName).to.equal('flash-b');
    const upColour = getComputedStyle(direction).color;
    expect(getComputedStyle(price, '::after').backgroundColor).to.equal(upColour);

    t.priceAtNextTick('BTC-USDT', '65905.3'); // -2% from the start
    await t.tick(1000);
    await waitUntil(() => price.textContent === '65,905.3');
    expect([...price.parentElement!.classList]).to.include.members(['flash-down', 'flash-0']);
    expect(getComputedStyle(direction, '::before').content).to.equal('"▼"');
    expect(getComputedStyle(direction).color).not.to.equal(upColour);
    expect(spokenWord(btcRow)).to.equal('down');
    // the other animation name: the flash restarts without any reflow trick
    expect(getComputedStyle(price, '::after').animationName).to.equal('flash-a');
    expect(btcRow.querySelector('[part~="change"]')!.textContent).to.equal('-2.00%');
    expect(btcRow.querySelector('[part~="change"]')!.classList.contains('down')).to.equal(true);
    expect(listRow(el, 'BTC-USDT')).to.equal(btcRow);
    expect(listRow(el, 'ETH-USDT')).to.equal(ethRow);
  });

  it('three tickers share one poll: one request per interval, counted at the proxy', async () => {
    const t = setup();
    const els = await Promise.all([
      mounted(html`<margin-mark-price-ticker poll-interval="1000" symbols="BTC-USDT"></margin-mark-price-ticker>`),
      mounted(html`<margin-mark-price-ticker mode="list" poll-interval="1000"></margin-mark-price-ticker>`),
      mounted(html`<margin-mark-price-ticker mode="list" poll-interval="1000" symbols="ETH-USDT,SOL-USDT"></margin-mark-price-ticker>`),
    ]);
    expect(els.length).to.equal(3);
    expect(t.count(ALL_PRICES)).to.equal(1);
    expect(t.count(CROSS_SYMBOLS)).to.equal(1);
    await t.tick(1000);
    expect(t.count(ALL_PRICES)).to.equal(2);
    await t.tick(1000);
    await t.tick(1000);
    expect(t.count(ALL_PRICES)).to.equal(4);
    expect(t.count(CROSS_SYMBOLS)).to.equal(1);
    expect(getMarginClient(t.stack.proxyUrl).hub.activeTimers).to.equal(1);
  });

  it('never polls faster than once a second', async () => {
    const t = setup();
    await mounted(html`<margin-mark-price-ticker mode="list" poll-interval="100"></margin-mark-price-ticker>`, 'table');
    expect(t.count(ALL_PRICES)).to.equal(1);
    await t.tick(999);
    expect(t.count(ALL_PRICES)).to.equal(1);
    await t.tick(1);
    expect(t.count(ALL_PRICES)).to.equal(2);
  });

  it('pauses while the tab is hidden and loads at once when it shows again', async () => {
    const t = setup();
    await mounted(html`<margin-mark-price-ticker mode="list" poll-interval="1000"></margin-mark-price-ticker>`, 'table');
    expect(t.count(ALL_PRICES)).to.equal(1);
    t.visibility.set(true);
    await t.tick(10_000);
    expect(t.count(ALL_PRICES)).to.equal(1);
    t.visibility.set(false);
    await settle();
    expect(t.count(ALL_PRICES)).to.equal(2);
  });

  it('pauses while off-screen and resumes when scrolled into view', async () => {
    // The page's IntersectionObserver, driven by hand: a background test page renders no frames.
    const observers: Array<{ target?: Element; show(visible: boolean): void }> = [];
    const real = globalThis.IntersectionObserver;
    globalThis.IntersectionObserver = class {
      target?: Element;
      constructor(private readonly callback: IntersectionObserverCallback) {
        observers.push(this);
      }
      observe(target: Element) {
        this.target = target;
      }
      unobserve() {}
      disconnect() {}
      takeRecords() {
        return [];
      }
      show(visible: boolean) {
        this.callback([{ isIntersecting: visible, target: this.target } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
      }
    } as unknown as typeof IntersectionObserver;
    try {
      const t = setup();
      const el = await mounted(html`<margin-mark-price-ticker mode="list" poll-interval="1000"></margin-mark-price-ticker>`, 'table');
      const observer = observers.find((o) => o.target === el)!;
      expect(t.count(ALL_PRICES)).to.equal(1);
      observer.show(false);
      await t.tick(10_000);
      expect(t.count(ALL_PRICES)).to.equal(1);
      observer.show(true);
      await settle();
      expect(t.count(ALL_PRICES)).to.equal(2);
      await t.tick(1000);
      expect(t.count(ALL_PRICES)).to.equal(3);
    } finally {
      globalThis.IntersectionObserver = real;
    }
  });

  it('shows a stale badge and a retry button when a poll fails after data, and clears it on retry', async () => {
    const t = setup();
    const el = await mounted(html`<margin-mark-price-ticker mode="list" poll-interval="1000" symbols="BTC-USDT"></margin-mark-price-ticker>`, 'table');
    const errors: MarginErrorEvent[] = [];
    el.addEventListener('margin-error', (e) => errors.push(e));
    t.stack.sandbox.faults.add({ kind: 'server-error', path: '/api/v3/mark-price/all-symbols', times: 3 });
    await t.tick(1000);
    await waitUntil(() => q(el, '[part~="stale-badge"]'), 'no stale badge', { timeout: 5000 });
    expect(q(el, 'table')).to.exist; // the last prices stay on screen
    expect(errors.map((e) => [e.detail.kind, e.detail.action])).to.deep.equal([['exchange', 'load']]);
    await expect(el).to.be.accessible();
    q(el, '[part~="retry-button"]')!.click();
    await waitUntil(() => !q(el, '[part~="stale-badge"]'), 'still stale after retry');
  });

  it('shows a stale badge when no fresh value arrived for three intervals (a hanging request)', async () => {
    const t = setup();
    const el = await mounted(html`<margin-mark-price-ticker mode="list" poll-interval="1000" symbols="BTC-USDT"></margin-mark-price-ticker>`, 'table');
    t.stack.sandbox.faults.add({ kind: 'delay', path: '/api/v3/mark-price/all-symbols', delayMs: 8000, times: 1 });
    await t.tick(1000); // the next poll starts and hangs: no poll state will say "stale"
    expect(q(el, '[part~="stale-badge"]')).to.equal(null);
    await waitUntil(() => q(el, '[part~="stale-badge"]'), 'no stale badge', { timeout: 5000, interval: 100 });
    expect(q(el, '[part~="retry-button"]')).to.equal(null); // nothing failed: just old
  });

  it('shows an error with retry when the first load fails, fires margin-error, and recovers', async () => {
    const t = setup();
    t.stack.sandbox.faults.add({ kind: 'server-error', path: '/api/v3/mark-price/all-symbols', times: 3 });
    const el = await fixture<MarginMarkPriceTicker>(html`<margin-mark-price-ticker mode="list" poll-interval="1000"></margin-mark-price-ticker>`);
    const error = await oneEvent(el, 'margin-error');
    expect([error.detail.kind, error.detail.action, error.detail.message]).to.deep.equal(['exchange', 'load', 'KuCoin refused: Internal Server Error (code 500000)']);
    await el.updateComplete;
    const box = q(el, '[part~="error"]')!;
    expect(box.getAttribute('role')).to.equal('alert');
    expect(box.textContent).to.contain('KuCoin refused: Internal Server Error (code 500000)');
    await expect(el).to.be.accessible();
    q(el, '[part~="retry-button"]')!.click();
    await waitUntil(() => q(el, 'table'), 'no data after retry');
  });

  it('backs off after a 429 and says so in words', async () => {
    const t = setup();
    t.stack.sandbox.faults.add({ kind: 'rate-limit', path: '/api/v3/mark-price/all-symbols', times: 3 });
    const el = await fixture<MarginMarkPriceTicker>(html`<margin-mark-price-ticker mode="list" poll-interval="1000"></margin-mark-price-ticker>`);
    await waitUntil(() => q(el, '[part~="error"]'), 'no error', { timeout: 5000 });
    expect(q(el, '[part~="error"]')!.textContent).to.contain('Too many requests');
    const attempts = t.count(ALL_PRICES);
    await t.tick(1000); // one interval: the hub waits longer after a failure
    expect(t.count(ALL_PRICES)).to.equal(attempts);
    await t.tick(1000);
    await waitUntil(() => q(el, 'table'), 'no data after the backoff');
  });

  it('shows a loading skeleton until prices and increments arrive', async () => {
    const t = setup();
    t.stack.sandbox.faults.add({ kind: 'delay', path: '/api/v3/mark-price/all-symbols', delayMs: 300, times: 1 });
    const el = await fixture<MarginMarkPriceTicker>(html`<margin-mark-price-ticker mode="list"></margin-mark-price-ticker>`);
    const skeleton = q(el, '[part~="skeleton"]')!;
    expect(skeleton.getAttribute('aria-busy')).to.equal('true');
    expect(skeleton.textContent).to.contain('Loading mark prices');
    await expect(el).to.be.accessible();
    await waitUntil(() => q(el, 'table'), 'never loaded');
  });

  it('shows why there is nothing: unknown symbols, no symbol for single, no proxy', async () => {
    setup();
    const unknown = await mounted(html`<margin-mark-price-ticker mode="list" symbols="NOPE-USDT"></margin-mark-price-ticker>`, '[part~="message"]');
    expect(q(unknown, '[part~="message"]')!.textContent).to.contain('No mark price for NOPE-USDT');
    await expect(unknown).to.be.accessible();
    const single = await fixture<MarginMarkPriceTicker>(html`<margin-mark-price-ticker mode="single"></margin-mark-price-ticker>`);
    expect(q(single, '[part~="message"]')!.textContent).to.contain('set the symbols attribute');
    await expect(single).to.be.accessible();
    createInPageStack({ page: { proxyUrl: '' } });
    const offline = await fixture<MarginMarkPriceTicker>(html`<margin-mark-price-ticker></margin-mark-price-ticker>`);
    expect(q(offline, '[part~="message"]')!.textContent).to.contain('Not connected');
    await expect(offline).to.be.accessible();
  });

  it('single: reads the page\'s one mark-price poll, shows a large price and announces politely, not on every tick', async () => {
    const t = setup();
    const el = await mounted(html`<margin-mark-price-ticker mode="single" locale="en-US" poll-interval="1000" symbols="ETH-USDT"></margin-mark-price-ticker>`, '[part~="card"]');
    expect(t.count(ALL_PRICES)).to.equal(1);
    expect(t.count('GET /api/v1/mark-price/')).to.equal(0);
    expect(q(el, '[part~="price"]')!.textContent).to.equal('3,412.57');
    const live = q(el, '[aria-live]')!;
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(live.textContent).to.equal('ETH-USDT mark price 3,412.57, 0.00% since opened');
    await expect(el).to.be.accessible();
    t.priceAtNextTick('ETH-USDT', '3450.1');
    await t.tick(1000);
    await waitUntil(() => q(el, '[part~="price"]')!.textContent === '3,450.10');
    // the card's price carries its own move classes: it flashes up, the arrow points up
    expect(getComputedStyle(q(el, '[part~="price"]')!, '::after').animationName).to.equal('flash-b');
    expect(getComputedStyle(q(el, '[part="direction"]')!, '::before').content).to.equal('"▲"');
    // within ten seconds of the last announcement: the screen reader is not told again yet
    expect(q(el, '[aria-live]')!.textContent).to.equal('ETH-USDT mark price 3,412.57, 0.00% since opened');
  });

  it('a single ticker and a list on one page show the same mark price at every tick: one poll, one request per tick', async () => {
    const t = setup();
    const list = await mounted(html`<margin-mark-price-ticker mode="list" locale="en-US" poll-interval="1000" symbols="BTC-USDT,ETH-USDT"></margin-mark-price-ticker>`, 'table');
    const single = await mounted(html`<margin-mark-price-ticker mode="single" locale="en-US" poll-interval="1000" symbols="ETH-USDT"></margin-mark-price-ticker>`, '[part~="card"]');
    const shown = () => [listRow(list, 'ETH-USDT').querySelector('[part~="price"]')!.textContent, q(single, '[part~="price"]')!.textContent];
    const before = t.count(ALL_PRICES);
    for (const [price, expected] of [['3450.1', '3,450.10'], ['3449.99', '3,449.99'], ['3501.25', '3,501.25']] as const) {
      t.priceAtNextTick('ETH-USDT', price);
      await t.tick(1000);
      await waitUntil(() => shown()[0] === expected, `the list shows ${expected}`);
      // the same answer reached both in the same update: no moment where they differ
      expect(shown()).to.deep.equal([expected, expected]);
    }
    expect(t.count(ALL_PRICES) - before).to.equal(3);
    expect(t.count('GET /api/v1/mark-price/')).to.equal(0);
  });

  it('the tape and the list have no live region', async () => {
    setup();
    const tape = await mounted(html`<margin-mark-price-ticker symbols="BTC-USDT,ETH-USDT"></margin-mark-price-ticker>`, '[part~="tape"]');
    const list = await mounted(html`<margin-mark-price-ticker mode="list" symbols="BTC-USDT"></margin-mark-price-ticker>`, 'table');
    for (const el of [tape, list]) expect(qa(el, '[aria-live], [role="status"], [role="alert"], [role="log"]')).to.deep.equal([]);
  });

  it('tape: one focusable copy, pauses on hover, on focus and with its button, axe-clean', async () => {
    setup();
    const el = await mounted(html`<margin-mark-price-ticker symbols="BTC-USDT,ETH-USDT,SOL-USDT"></margin-mark-price-ticker>`, '[part~="tape"]');
    expect(qa(el, 'button[data-symbol]').map((b) => b.dataset.symbol)).to.deep.equal(['BTC-USDT', 'ETH-USDT', 'SOL-USDT']);
    const copy = q(el, '.copy')!;
    expect(copy.getAttribute('aria-hidden')).to.equal('true');
    expect(copy.querySelectorAll('button, [tabindex]').length).to.equal(0);
    const track = q(el, '[part~="track"]')!;
    expect(getComputedStyle(track).animationName).to.equal('tape-scroll');
    expect(getComputedStyle(track).animationPlayState).to.equal('running');
    q(el, 'button[data-symbol="ETH-USDT"]')!.focus();
    expect(getComputedStyle(track).animationPlayState).to.equal('paused');
    q(el, 'button[data-symbol="ETH-USDT"]')!.blur();
    expect(getComputedStyle(track).animationPlayState).to.equal('running');
    // hover: a background test page gets no mouse, so the rule itself is checked
    const rules = root(el).adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]).filter((r): r is CSSStyleRule => r instanceof CSSStyleRule);
    const hover = rules.find((r) => r.selectorText.includes('.viewport:hover .track'));
    expect(hover?.style.animationPlayState).to.equal('paused');
    const pause = q(el, '[part~="pause-button"]')!;
    expect(pause.getAttribute('aria-pressed')).to.equal('false');
    pause.click();
    await el.updateComplete;
    pause.blur();
    expect(pause.getAttribute('aria-pressed')).to.equal('true');
    expect(getComputedStyle(track).animationPlayState).to.equal('paused');
    await expect(el).to.be.accessible();
  });

  it('list: a move shows its colour and arrow but no flash under prefers-reduced-motion', async () => {
    const t = setup();
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await mounted(html`<margin-mark-price-ticker mode="list" locale="en-US" poll-interval="1000" symbols="BTC-USDT"></margin-mark-price-ticker>`, 'table');
      const row = listRow(el, 'BTC-USDT');
      t.priceAtNextTick('BTC-USDT', '68595.4');
      await t.tick(1000);
      const price = row.querySelector('[part~="price"]')!;
      await waitUntil(() => price.textContent === '68,595.4');
      expect([...price.parentElement!.classList]).to.include('flash-up');
      expect(getComputedStyle(row.querySelector('[part="direction"]')!, '::before').content).to.equal('"▲"');
      // The flash is an ::after overlay: the theme's reduced-motion rule must reach pseudo-elements.
      expect(getComputedStyle(price, '::after').animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('tape: stands still under prefers-reduced-motion', async () => {
    setup();
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await mounted(html`<margin-mark-price-ticker symbols="BTC-USDT,ETH-USDT"></margin-mark-price-ticker>`, '[part~="tape"]');
      expect(getComputedStyle(q(el, '[part~="track"]')!).animationName).to.equal('none');
      expect(getComputedStyle(q(el, '.copy')!).display).to.equal('none');
      expect(getComputedStyle(q(el, '[part~="pause-button"]')!).display).to.equal('none');
      expect(getComputedStyle(q(el, '[part~="viewport"]')!).overflowX).to.equal('auto');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('fires a cancelable margin-symbol-select on click and on Enter; selects unless prevented', async () => {
    setup();
    const el = await mounted(html`<margin-mark-price-ticker mode="list" symbols="BTC-USDT,ETH-USDT"></margin-mark-price-ticker>`, 'table');
    setTimeout(() => q(el, 'button[data-symbol="ETH-USDT"] .symbol')!.click());
    const clicked = await oneEvent(el, 'margin-symbol-select');
    expect(clicked.detail).to.deep.equal({ symbol: 'ETH-USDT', exchange: 'kucoin' });
    expect([clicked.cancelable, clicked.bubbles, clicked.composed]).to.deep.equal([true, true, true]);
    await el.updateComplete;
    expect(el.selected).to.equal('ETH-USDT');
    expect(q(el, 'button[data-symbol="ETH-USDT"]')!.getAttribute('aria-current')).to.equal('true');

    const veto = (e: MarginSymbolSelectEvent) => e.preventDefault();
    el.addEventListener('margin-symbol-select', veto);
    q(el, 'button[data-symbol="BTC-USDT"]')!.focus();
    const pressed = oneEvent(el, 'margin-symbol-select');
    await sendKeys({ press: 'Enter' });
    expect((await pressed).detail.symbol).to.equal('BTC-USDT');
    await el.updateComplete;
    expect(el.selected).to.equal('ETH-USDT');
    el.removeEventListener('margin-symbol-select', veto);
  });

  it('the tape copy is clickable too', async () => {
    setup();
    const el = await mounted(html`<margin-mark-price-ticker symbols="BTC-USDT,ETH-USDT"></margin-mark-price-ticker>`, '[part~="tape"]');
    setTimeout(() => q(el, '.copy [data-symbol="BTC-USDT"] .price')!.click());
    expect((await oneEvent(el, 'margin-symbol-select')).detail.symbol).to.equal('BTC-USDT');
  });

  it('500 symbols: keyed rows, only moved rows change', async () => {
    const t = setup();
    const client = getMarginClient(t.stack.proxyUrl);
    const symbols = Array.from({ length: 500 }, (_, i) => `S${i}-USDT`);
    let prices: MarkPriceText[] = symbols.map((symbol, i) => ({ symbol, timePoint: 1, value: String(100 + i) }));
    // The first subscriber's loader serves the key for the page: the ticker shares this poll.
    const host = client.hub.poll<MarkPriceText[]>(MARK_PRICES_KEY, async () => prices, 1000, () => {});
    try {
      const el = await mounted(html`<margin-mark-price-ticker mode="list" locale="en-US" poll-interval="1000"></margin-mark-price-ticker>`, 'table');
      const rows = qa(el, 'tbody tr');
      expect(rows.length).to.equal(500);
      const moved = new Set(['S3-USDT', 'S250-USDT', 'S499-USDT']);
      prices = prices.map((p) => (moved.has(p.symbol) ? { ...p, value: String(BigInt(p.value) + 1n) } : p));
      await t.tick(1000);
      await waitUntil(() => listRow(el, 'S499-USDT').querySelector('[part~="price"]')!.textContent === '600');
      const after = qa(el, 'tbody tr');
      expect(after.every((row, i) => row === rows[i])).to.equal(true);
      const flashing = after.filter((row) => row.querySelector('.flash-up')).map((row) => row.querySelector('[part="symbol"]')!.textContent);
      expect(flashing).to.deep.equal(['S3-USDT', 'S250-USDT', 'S499-USDT']);
      // a row that never moved has no arrow, no hidden word and no flash
      const still = listRow(el, 'S4-USDT');
      expect(getComputedStyle(still.querySelector('[part="direction"]')!, '::before').content).to.equal('none');
      expect(spokenWord(still)).to.equal('');
      expect(getComputedStyle(still.querySelector('[part~="price"]')!, '::after').animationName).to.equal('none');
      expect(getComputedStyle(listRow(el, 'S3-USDT').querySelector('[part="direction"]')!, '::before').content).to.equal('"▲"');
    } finally {
      host.unsubscribe();
    }
  });

  it('reads only declared tokens; its own public tokens and every part are documented', async () => {
    const { used, declared } = tokenUse(themeTokens.cssText + styles.cssText);
    for (const token of used) if (!token.startsWith('--margin-kit-')) expect(declared.has(token), `${token} is read but never declared`).to.equal(true);
    const source = await readFile({ path: '../../../src/elements/mark-price-ticker/margin-mark-price-ticker.ts' });
    const documented = new Set([...(source ?? '').matchAll(/@cssprop (--margin-kit-[\w-]+)/g)].map((m) => m[1]));
    const own = [...tokenUse(styles.cssText).used].filter((t) => t.startsWith('--margin-kit-'));
    expect(own).to.deep.equal([...TICKER_TOKENS]);
    for (const token of own) expect(THEME_TOKENS.includes(token as never) || documented.has(token), `${token} undocumented`).to.equal(true);
    for (const token of documented) expect([...THEME_TOKENS, ...TICKER_TOKENS], `${token} documented but not read`).to.include(token);
    for (const part of new Set([...(source ?? '').matchAll(/part="([\w\s-]+)"/g)].flatMap((m) => m[1]!.split(/\s+/)))) {
      expect(source, `part ${part} undocumented`).to.contain(`@csspart ${part} `);
    }
  });
});
