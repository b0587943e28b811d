/**
 * Every word in the trader's language: each element is loaded in English, the page switches
 * (words captured at load time would stay English), and the element is walked through its main
 * states (each tab, the review step, a validation error, an error state) in es and zh-Hans: no
 * English word of the kit's source catalog may be left in what it renders, text in every shadow
 * root, aria-labels, titles and placeholders included.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createInPageStack, type InPageStack } from '../../../demo/in-page-stack.js';
import '../../../src/define/margin-borrow-repay.js';
import '../../../src/define/margin-lending-market.js';
import '../../../src/define/margin-mark-price-ticker.js';
import '../../../src/define/margin-order-ticket.js';
import { getWordsLocale, setLocale } from '../../../src/elements/shared/localization.js';

type Host = HTMLElement & { updateComplete: Promise<unknown> };

/**
 * Words a Spanish sentence spells as English does (no, error, base, ratio, principal, visible, use
 * and active are Spanish words too), trading terms the venues' own Spanish and Chinese pages keep
 * (iceberg, maker) and the proxy. Venue names, symbols, currency codes, numbers, units and code
 * (attribute names, camelCase fields) are left out by `englishWords` itself.
 */
const SAME_IN_TRANSLATION = new Set(['kucoin', 'bitmart', 'proxy', 'no', 'error', 'base', 'ratio', 'principal', 'visible', 'use', 'active', 'iceberg', 'maker']);

/** Attribute examples and API calls quoted in messages (`symbols="BTC-USDT"`, `configure({ proxyUrl })`) are code. */
const CODE = /[\w-]+="[^"]*"|configure\(\{[^}]*\}\)/g;

/**
 * The words of a text that could be English: Latin letters only (not "días", not an id like
 * "mk83…be81"), 2 or more, not all capitals (codes, symbols), not camelCase (venue fields).
 */
function englishWords(text: string): string[] {
  return (text.replace(CODE, ' ').match(/[\p{L}\p{N}_]+/gu) ?? [])
    .filter((w) => /^[A-Za-z]{2,}$/.test(w) && w !== w.toUpperCase() && !/[a-z][A-Z]/.test(w))
    .map((w) => w.toLowerCase());
}

/** Every English word of the source catalog, read from the XLIFF the translators get. */
async function catalogWords(): Promise<Set<string>> {
  const xlf = new DOMParser().parseFromString(await (await fetch('/xliff/es.xlf')).text(), 'application/xml');
  const words = new Set<string>();
  // The placeholders (<x/>) are empty elements: textContent is the English around them.
  for (const source of xlf.getElementsByTagName('source')) for (const w of englishWords(source.textContent ?? '')) words.add(w);
  for (const w of SAME_IN_TRANSLATION) words.delete(w);
  return words;
}

const SHOWN_ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'alt'];

/**
 * What a reader sees or hears: text nodes of the light and shadow trees, and the attributes read
 * out; not what is marked `translate="no"` (the exact venue parameters of the review step).
 */
function shownTexts(node: Node, out: string[] = []): string[] {
  if (node.nodeType === Node.TEXT_NODE) {
    if (node.textContent?.trim()) out.push(node.textContent.trim());
    return out;
  }
  if (node instanceof Element) {
    if (['style', 'script', 'template'].includes(node.localName) || node.getAttribute('translate') === 'no') return out;
    for (const name of SHOWN_ATTRIBUTES) {
      const value = node.getAttribute(name);
      if (value?.trim()) out.push(value.trim());
    }
    if (node.shadowRoot) shownTexts(node.shadowRoot, out);
  }
  for (const child of node.childNodes) shownTexts(child, out);
  return out;
}

let catalog: Set<string>;

/** Collects what is left in English, state by state, for one element. */
function walker(el: Host) {
  const left: string[] = [];
  const states: string[] = [];
  return {
    left,
    states,
    async look(state: string): Promise<void> {
      await el.updateComplete;
      const texts = shownTexts(el);
      expect(texts.length, `${state}: nothing rendered`).to.be.greaterThan(0);
      if (getWordsLocale() === 'zh-Hans') expect(texts.join(' '), `${state}: no Chinese shown`).to.match(/[\u4e00-\u9fff]/);
      for (const text of texts) for (const word of englishWords(text)) if (catalog.has(word)) left.push(`${state}: "${word}" in "${text}"`);
      states.push(state);
    },
  };
}

const $ = <E extends Element = HTMLElement>(el: Host, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: Host, selector: string) => [...el.shadowRoot!.querySelectorAll<E>(selector)];

async function typeInto(el: Host, selector: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, selector);
  if (!input) throw new Error(`no field ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function click(el: Host, selector: string): Promise<void> {
  const target = $(el, selector);
  if (!target) throw new Error(`nothing at ${selector}`);
  target.click();
  await el.updateComplete;
}

/** A bounded wait, not a timed assertion: failed loads are retried with backoff first, slower on a busy machine. */
const until = (predicate: () => unknown, message: string, timeout = 8_000) => waitUntil(predicate, message, { timeout, interval: 20 });
const settle = async (el: Host) => {
  for (let i = 0; i < 4; i += 1) await aTimeout(5);
  await el.updateComplete;
};

function stack(): InPageStack {
  return createInPageStack({ ignorePageVisibility: true, page: { timeoutMs: 4_000 } });
}

/**
 * The page-level switch of words alone (`setLocale`): the elements keep their connection and the
 * data they loaded, so a word taken when the data arrived (not when rendering) would stay English.
 */
async function pageIn(locale: string): Promise<void> {
  await setLocale(locale);
}

before(async () => {
  catalog = await catalogWords();
});

afterEach(async () => {
  await setLocale('en');
});

describe('words: the check can fail', () => {
  it('finds the English words of an element left in English', async () => {
    expect(catalog.size).to.be.greaterThan(200);
    stack();
    const el = await fixture<Host>(html`<margin-mark-price-ticker mode="list" symbols="BTC-USDT"></margin-mark-price-ticker>`);
    await until(() => $$(el, 'tbody tr').length === 1, 'no row');
    const walk = walker(el);
    await walk.look('list in English');
    expect(walk.left.join('\n')).to.contain('"mark" in "Mark price"');
  });
});

for (const locale of ['es', 'zh-Hans']) {
  describe(`words in ${locale}: no English left`, function () {
    this.timeout(60_000);

    it('<margin-mark-price-ticker>: list, tape, single, unknown symbol, error', async () => {
      stack();
      const list = await fixture<Host>(html`<margin-mark-price-ticker mode="list" symbols="BTC-USDT,ETH-USDT"></margin-mark-price-ticker>`);
      await until(() => $$(list, 'tbody tr').length === 2, 'no rows');
      // The single card's live region spoke in English before the switch: it must not stay English.
      const spoken = await fixture<Host>(html`<margin-mark-price-ticker mode="single" symbols="ETH-USDT"></margin-mark-price-ticker>`);
      await until(() => $(spoken, '[role="status"]')?.textContent?.trim(), 'nothing announced');
      await pageIn(locale);
      await settle(list);
      await settle(spoken);
      const spokenWalk = walker(spoken);
      await spokenWalk.look('single, announced before the switch');
      const walk = walker(list);
      await walk.look('list');
      const tape = await fixture<Host>(html`<margin-mark-price-ticker mode="tape" symbols="BTC-USDT,ETH-USDT"></margin-mark-price-ticker>`);
      await until(() => $(tape, '[part~="pause-button"]'), 'no tape');
      const tapeWalk = walker(tape);
      await tapeWalk.look('tape');
      const single = await fixture<Host>(html`<margin-mark-price-ticker mode="single" symbols="BTC-USDT"></margin-mark-price-ticker>`);
      await until(() => $(single, '[part~="card"]'), 'no card');
      const singleWalk = walker(single);
      await singleWalk.look('single');
      const unknown = await fixture<Host>(html`<margin-mark-price-ticker mode="list" symbols="NOPE-USDT"></margin-mark-price-ticker>`);
      await until(() => $(unknown, '[part~="message"]'), 'no message for an unknown symbol');
      const unknownWalk = walker(unknown);
      await unknownWalk.look('unknown symbol');
      // A new stack is a new page connection: nothing cached, and every mark-price read fails.
      stack().sandbox.faults.add({ kind: 'reset', path: '/api/v3/mark-price/all-symbols' });
      const failed = await fixture<Host>(html`<margin-mark-price-ticker mode="list" symbols="BTC-USDT" poll-interval="60000"></margin-mark-price-ticker>`);
      await until(() => $(failed, '[part~="error"]'), 'no error state', 30_000);
      const errorWalk = walker(failed);
      await errorWalk.look('error');
      expect([...walk.left, ...spokenWalk.left, ...tapeWalk.left, ...singleWalk.left, ...unknownWalk.left, ...errorWalk.left]).to.deep.equal([]);
    });

    it('<margin-order-ticket>: form, advanced, market, validation, review, placed, details, every symbol, orders tabs, cancel all, error', async () => {
      stack();
      const el = await fixture<Host>(html`<margin-order-ticket symbol="BTC-USDT" confirm poll-interval="60000"></margin-order-ticket>`);
      await until(() => $(el, '#place[part~="submit"]'), 'no form');
      await until(() => /\d/.test($(el, '[part~="mark-price"]')?.textContent ?? ''), 'no mark price');
      await settle(el);
      // A notice said in English before the switch (here: the draft is invalid) must not stay English.
      await typeInto(el, '#size', '0.000001');
      await click(el, '#place[part~="submit"]');
      await until(() => $(el, '[part~="error"][role="alert"]')?.textContent?.trim(), 'no validation error before the switch');
      await pageIn(locale);
      await until(() => /\d/.test($(el, '[part~="mark-price"]')?.textContent ?? ''), 'no mark price after the switch');
      await settle(el);
      const walk = walker(el);
      await walk.look('form, with an error said before the switch');
      $<HTMLDetailsElement>(el, 'details[part~="advanced"]')!.open = true;
      await walk.look('advanced options');
      $<HTMLInputElement>(el, 'input[name="type"][value="market"]')!.click();
      await walk.look('market order');
      $<HTMLInputElement>(el, 'input[name="type"][value="limit"]')!.click();
      await el.updateComplete;
      await typeInto(el, '#price', '60000.05');
      await typeInto(el, '#size', '0.000001');
      await click(el, '#place[part~="submit"]');
      await until(() => $(el, '[part~="error"][role="alert"]'), 'no validation error');
      await walk.look('validation error');
      await typeInto(el, '#price', '60000');
      await typeInto(el, '#size', '0.001');
      await click(el, '#place[part~="submit"]');
      await until(() => $(el, '[part~="review"]'), 'no review step');
      await walk.look('review');
      $$<HTMLButtonElement>(el, '[part~="review"] button')[0]!.click();
      await until(() => $$(el, '[part~="panel"] [part~="row"]').length === 1, 'the placed order is not listed');
      await settle(el);
      await walk.look('placed, open orders');
      await click(el, '[part~="panel"] [part~="details-button"]');
      await until(() => $(el, '[part~="order-details"]') && !$(el, '[part~="order-details"] [part~="skeleton"]'), 'no order details');
      await settle(el);
      await walk.look('order details');
      await click(el, '[part~="order-details"] [part~="close"]');
      await click(el, '[part~="all-symbols"]');
      await until(() => $(el, '[part~="all-open"] h4'), 'no open orders in every symbol');
      await settle(el);
      await walk.look('open orders in every symbol');
      await click(el, '[part~="cancel"]#cancel-all');
      await walk.look('cancel all, confirm');
      await click(el, '[part~="tab"]#tab-history');
      await settle(el);
      await walk.look('order history');
      await click(el, '[part~="tab"]#tab-fills');
      await settle(el);
      await walk.look('fills');

      const failing = stack();
      failing.sandbox.faults.add({ kind: 'reset', path: '/api/v3/margin/symbols' });
      const broken = await fixture<Host>(html`<margin-order-ticket symbol="BTC-USDT" poll-interval="60000"></margin-order-ticket>`);
      await until(() => $(broken, '[part~="retry"]'), 'no error state', 30_000);
      const errorWalk = walker(broken);
      await errorWalk.look('symbols failed');
      expect([...walk.left, ...errorWalk.left]).to.deep.equal([]);
    });

    it('<margin-borrow-repay>: limits, risk, history tabs, validation, borrowed, repay, error', async () => {
      const s = stack();
      const el = await fixture<Host>(html`<margin-borrow-repay currency="USDT" proxy-url=${s.proxyUrl} poll-interval="60000"></margin-borrow-repay>`);
      await until(() => $(el, '[part="limits"] dl'), 'limits did not load');
      await until(() => $(el, '[part="risk"] dl'), 'risk did not load');
      await until(() => !$(el, '[part="history"] [part="panel"] [part="skeleton"]'), 'history did not load');
      await pageIn(locale);
      await until(() => $(el, '[part="limits"] dl') && $(el, '[part="risk"] dl'), 'limits did not load after the switch');
      await settle(el);
      const walk = walker(el);
      await walk.look('loaded');
      await typeInto(el, '#amount', '0.1234567890123');
      await click(el, 'button[type="submit"]');
      await until(() => $(el, '#amount-error')?.textContent?.trim(), 'no validation error');
      await walk.look('validation error');
      await typeInto(el, '#amount', '10');
      await click(el, 'button[type="submit"]');
      await until(() => /\d/.test($(el, '[part="outcome"]')?.textContent ?? '') && !/…/.test($(el, '[part="outcome"]')!.textContent!), 'not borrowed');
      await walk.look('borrowed');
      const borrowedId = /[(（]\D*([0-9A-Za-z]{8,})[)）]/.exec($(el, '[part="outcome"]')!.textContent!)?.[1];
      expect(borrowedId, 'no order id in the outcome').to.be.a('string');
      for (const [state, id] of [['look-up: found', borrowedId!], ['look-up: not found', 'no-such-loan']] as const) {
        await typeInto(el, '#lookup-id', id);
        await click(el, '[part~="lookup-find"]');
        await until(() => $(el, '[part~="lookup-result"]')?.textContent?.trim(), `${state}: no answer`);
        await walk.look(state);
      }
      $<HTMLInputElement>(el, 'input[name="action"][value="repay"]')!.click();
      await walk.look('repay');
      for (const tab of ['repay', 'interest', 'borrow']) {
        await click(el, `#tab-${tab}`);
        await until(() => !$(el, '[part="history"] [part="panel"] [part="skeleton"]'), `${tab} history did not load`);
        await walk.look(`history: ${tab}`);
      }

      const failing = stack();
      failing.sandbox.faults.add({ kind: 'reset', path: '/api/v3/margin/currencies' });
      const broken = await fixture<Host>(html`<margin-borrow-repay currency="BTC" proxy-url=${failing.proxyUrl} poll-interval="60000"></margin-borrow-repay>`);
      await until(() => $(broken, '[part="limits"] [part="error"]'), 'no error state', 30_000);
      const errorWalk = walker(broken);
      await errorWalk.look('limits failed');
      const bitmart = await fixture<Host>(
        html`<margin-borrow-repay exchange="bitmart" margin-mode="isolated" symbol="BTC_USDT" currency="BTC" proxy-url=${s.proxyUrl} poll-interval="60000"></margin-borrow-repay>`,
      );
      await until(() => $(bitmart, '[part="limits"] dl'), 'BitMart limits did not load');
      const bitmartWalk = walker(bitmart);
      await bitmartWalk.look('BitMart isolated');
      expect([...walk.left, ...errorWalk.left, ...bitmartWalk.left]).to.deep.equal([]);
    });

    it('<margin-lending-market>: market, lend form, validation, my lending, redemptions, BitMart pairs, error', async () => {
      stack();
      const el = await fixture<Host>(html`<margin-lending-market poll-interval="60000"></margin-lending-market>`);
      await until(() => $(el, '[data-action="lend"]'), 'the market did not load');
      await settle(el);
      // A lend said "Lent …" in English before the switch: the notice must not stay English.
      await click(el, '[data-action="lend"][data-currency="USDT"]');
      await until(() => $(el, 'section[part~="form"]'), 'the lend form did not open');
      await typeInto(el, '#size', '100');
      await typeInto(el, '#rate', '8.5');
      await click(el, 'section[part~="form"] [part~="submit"]');
      await until(() => $(el, 'p[part~="status"]')?.textContent?.trim(), 'the lend was not confirmed');
      await pageIn(locale);
      await until(() => $(el, '[data-action="lend"]'), 'the market did not load after the switch');
      await settle(el);
      const walk = walker(el);
      await walk.look('market');
      await click(el, '[data-action="lend"]');
      await until(() => $(el, 'section[part~="form"]'), 'the lend form did not open');
      await walk.look('lend form');
      await typeInto(el, '#size', '0.0000000001');
      await click(el, 'section[part~="form"] [part~="submit"]');
      await until(() => $(el, '#size-error')?.textContent?.trim(), 'no validation error');
      await walk.look('validation error');
      await click(el, 'section[part~="form"] [part~="cancel"]');
      for (const tab of ['orders', 'redemptions']) {
        await click(el, `[part~="tab"]#tab-${tab}`);
        await until(() => $(el, `[part~="panel"]#panel-${tab} tbody tr, [part~="panel"]#panel-${tab} [part~="empty"]`), `${tab} did not load`);
        await walk.look(tab);
      }
      const bitmart = await fixture<Host>(html`<margin-lending-market exchange="bitmart" poll-interval="60000"></margin-lending-market>`);
      await until(() => $$(bitmart, 'tbody tr').length > 0, 'BitMart pairs did not load');
      const bitmartWalk = walker(bitmart);
      await bitmartWalk.look('BitMart pairs');

      stack().sandbox.faults.add({ kind: 'reset', path: '/api/v3/project/list' });
      const broken = await fixture<Host>(html`<margin-lending-market poll-interval="60000"></margin-lending-market>`);
      await until(() => $(broken, '[part~="error"][role="alert"]'), 'no error state', 30_000);
      const errorWalk = walker(broken);
      await errorWalk.look('market failed');
      expect([...walk.left, ...bitmartWalk.left, ...errorWalk.left]).to.deep.equal([]);
    });
  });
}
