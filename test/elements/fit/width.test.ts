/**
 * Every element fits its box from 280 px up: each one, with sandbox data loaded and the tabs with
 * wide tables opened, is laid out at 280, 375, 600 and 1024 px, and nothing it paints may cross
 * the host's edges except inside a scroll container of its own (a table's scrolling box). Run
 * with English, Spanish and Chinese words, and right to left (`dir="rtl"`, Arabic numbers), where
 * no two sibling controls may overlap either.
 */
import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { createInPageStack } from '../../../demo/in-page-stack.js';
import { configure } from '../../../src/client/connection.js';
import '../../../src/define/margin-borrow-repay.js';
import '../../../src/define/margin-lending-market.js';
import '../../../src/define/margin-mark-price-ticker.js';
import '../../../src/define/margin-order-ticket.js';
import { setLocale } from '../../../src/elements/shared/localization.js';
import { historyLoaded, limitsLoaded, openTab as openHistoryTab } from '../borrow-repay/harness.js';
import { openTab as openLendingTab } from '../lending-market/harness.js';
import { openOrdersTab, P as TICKET } from '../order-ticket/harness.js';
import { boxesPastEdges, overlappingControls } from './fit.js';
import { stackWithHistory } from './stack.js';

type Host = HTMLElement & { updateComplete: Promise<unknown> };

const WIDTHS = [280, 375, 600, 1024];

interface Run {
  name: string;
  /** The words' locale (`setLocale`). */
  words: string;
  /** The `locale` attribute of each element (numbers and dates), when set. */
  locale?: string;
  rtl?: boolean;
}

const RUNS: Run[] = [
  { name: 'en', words: 'en' },
  { name: 'es', words: 'es' },
  { name: 'zh-Hans', words: 'zh-Hans' },
  { name: 'rtl (ar numbers, English words)', words: 'en', locale: 'ar', rtl: true },
];

const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 8_000, interval: 20 });
const $ = (el: Host, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

/** A box of `width` px holding the element. */
async function mount(template: TemplateResult): Promise<{ box: HTMLElement; el: Host }> {
  // fixtureSync: `fixture` would wait a frame for the plain div, and a background test page gets none.
  const box = fixtureSync<HTMLElement>(html`<div style="inline-size: 1024px">${template}</div>`);
  const el = box.firstElementChild as Host;
  await el.updateComplete;
  return { box, el };
}

/** Lays the element out at each width and collects what crosses the host's edges or overlaps. */
async function fitsAtEveryWidth(box: HTMLElement, el: Host, state: string, problems: string[]): Promise<void> {
  for (const width of WIDTHS) {
    // Reading a box lays the page out, container queries included: no frame to wait for (a
    // background test page gets none).
    box.style.inlineSize = `${width}px`;
    await el.updateComplete;
    const host = el.getBoundingClientRect();
    const outer = box.getBoundingClientRect();
    if (host.right > outer.right + 0.5 || host.left < outer.left - 0.5) problems.push(`${state} @${width}: the host is ${Math.round(host.width)} px wide`);
    for (const found of boxesPastEdges(el)) problems.push(`${state} @${width}: ${found}`);
    for (const found of overlappingControls(el)) problems.push(`${state} @${width}: ${found}`);
  }
}

for (const run of RUNS) {
  describe(`fit from 280 to 1024 px: ${run.name}`, function () {
    this.timeout(60_000);

    before(async () => {
      await setLocale(run.words);
      configure({ locale: run.words });
      if (run.rtl) document.documentElement.dir = 'rtl';
    });

    after(async () => {
      document.documentElement.dir = '';
      await setLocale('en');
      configure({ locale: 'en' });
    });

    const locale = run.locale ?? '';

    it('<margin-order-ticket>: form with advanced options, open orders, history, fills', async () => {
      await stackWithHistory();
      const { box, el } = await mount(html`<margin-order-ticket symbol="BTC-USDT" locale=${locale} poll-interval="60000"></margin-order-ticket>`);
      await until(() => $(el, TICKET.place), 'no form');
      await until(() => /\d/.test($(el, TICKET.markPrice)?.textContent ?? ''), 'no mark price');
      const details = $(el, TICKET.advanced) as HTMLDetailsElement | null;
      if (details) details.open = true;
      const problems: string[] = [];
      for (const tab of ['open', 'history', 'fills'] as const) {
        await openOrdersTab(el, tab);
        expect(el.shadowRoot!.querySelectorAll(TICKET.rows).length, `${tab}: no rows to lay out`).to.be.greaterThan(0);
        await fitsAtEveryWidth(box, el, tab, problems);
      }
      expect(problems).to.deep.equal([]);
    });

    it('<margin-borrow-repay>: limits, form, borrow, repay and interest histories; BitMart isolated', async () => {
      const stack = await stackWithHistory();
      const { box, el } = await mount(
        html`<margin-borrow-repay currency="USDT" proxy-url=${stack.proxyUrl} locale=${locale} poll-interval="60000"></margin-borrow-repay>`,
      );
      await limitsLoaded(el as never);
      await historyLoaded(el as never);
      const problems: string[] = [];
      for (const tab of ['borrow', 'repay', 'interest'] as const) {
        await openHistoryTab(el as never, tab);
        await historyLoaded(el as never);
        await fitsAtEveryWidth(box, el, `history: ${tab}`, problems);
      }
      const bitmart = await mount(
        html`<margin-borrow-repay exchange="bitmart" margin-mode="isolated" symbol="BTC_USDT" currency="BTC" proxy-url=${stack.proxyUrl} locale=${locale} poll-interval="60000"></margin-borrow-repay>`,
      );
      await limitsLoaded(bitmart.el as never);
      await fitsAtEveryWidth(bitmart.box, bitmart.el, 'BitMart', problems);
      expect(problems).to.deep.equal([]);
    });

    it('<margin-lending-market>: market with the lend form, my lending, redemptions; BitMart pairs', async () => {
      await stackWithHistory();
      const { box, el } = await mount(html`<margin-lending-market locale=${locale} poll-interval="60000"></margin-lending-market>`);
      await until(() => $(el, '[data-action="lend"]'), 'the market did not load');
      const problems: string[] = [];
      await fitsAtEveryWidth(box, el, 'market', problems);
      $(el, '[data-action="lend"]')!.click();
      await until(() => $(el, 'section[part~="form"]'), 'the lend form did not open');
      await fitsAtEveryWidth(box, el, 'lend form', problems);
      for (const tab of ['orders', 'redemptions'] as const) {
        await openLendingTab(el, tab);
        await fitsAtEveryWidth(box, el, tab, problems);
      }
      const bitmart = await mount(html`<margin-lending-market exchange="bitmart" locale=${locale} poll-interval="60000"></margin-lending-market>`);
      await until(() => bitmart.el.shadowRoot!.querySelectorAll('tbody tr').length > 0, 'BitMart pairs did not load');
      await fitsAtEveryWidth(bitmart.box, bitmart.el, 'BitMart pairs', problems);
      expect(problems).to.deep.equal([]);
    });

    it('<margin-mark-price-ticker>: list, tape, single', async () => {
      createInPageStack({ ignorePageVisibility: true, page: { timeoutMs: 4_000 } });
      const problems: string[] = [];
      for (const mode of ['list', 'tape', 'single']) {
        const symbols = mode === 'single' ? 'BTC-USDT' : 'BTC-USDT,ETH-USDT,SOL-USDT';
        const { box, el } = await mount(html`<margin-mark-price-ticker mode=${mode} symbols=${symbols} locale=${locale}></margin-mark-price-ticker>`);
        await until(() => /\d/.test(el.shadowRoot!.textContent ?? '') && !$(el, '[part~="skeleton"]'), `${mode}: no prices`);
        await fitsAtEveryWidth(box, el, mode, problems);
      }
      expect(problems).to.deep.equal([]);
    });
  });
}

describe('fit: the checks can fail', () => {
  it('finds a box past the host edge, and two overlapping controls', async () => {
    const host = fixtureSync<HTMLElement>(html`<div style="inline-size: 200px"><div></div></div>`);
    const inner = host.firstElementChild as HTMLElement;
    const root = inner.attachShadow({ mode: 'open' });
    root.innerHTML = `<div style="inline-size: 300px">wide</div>
      <div class="scroll" style="overflow-x: auto"><table style="inline-size: 500px"><tr><td>in a scroller</td></tr></table></div>
      <p><button style="margin-inline-end: -10px">one</button><button>two</button></p>`;
    const past = boxesPastEdges(inner);
    expect(past).to.have.length(1);
    expect(past[0]).to.match(/^div .*wide/);
    expect(overlappingControls(inner)).to.have.length(1);
  });
});
