/**
 * Issue 9: property-based fuzzing of every numeric field of the four elements, typed into the
 * real inputs against the in-page stack. For each value: invalid -> a field error on that field
 * and no request at all; valid -> exactly one request whose body carries the exact decimal string
 * typed (the plain decimal of it when typed with spaces, zeros or a plus). Bounded runs, fixed seeds.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define/margin-borrow-repay.js';
import '../../src/define/margin-lending-market.js';
import '../../src/define/margin-mark-price-ticker.js';
import '../../src/define/margin-order-ticket.js';
import type { MarginBorrowRepay } from '../../src/define/margin-borrow-repay.js';
import type { MarginLendingMarket } from '../../src/define/margin-lending-market.js';
import type { MarginMarkPriceTicker } from '../../src/define/margin-mark-price-ticker.js';
import type { MarginOrderTicket } from '../../src/define/margin-order-ticket.js';
import { createInPageStack } from '../../demo/in-page-stack.js';
import { getMarginClient } from '../../src/client/client.js';
import { Decimal } from '../../src/core/decimal.js';
import { CURRENCIES, SYMBOLS } from '../../src/sandbox/index.js';
import { dressed, drain, fuzzStack, garbage, invalid, multiple, outcomeOf, QuickClock, until, validOnGrid, type FuzzStack, type Typed } from './fuzz-stack.js';

const RUNS = 40;
const HF_ORDER = '/api/v3/hf/margin/order';
const LEVERAGE = '/api/v3/position/update-user-leverage';

const root = (el: Element) => el.shadowRoot!;
const q = <E extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<E>(selector);
const text = (el: Element, selector: string) => (q(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function typeInto(el: Element & { updateComplete: Promise<unknown> }, selector: string, value: string): Promise<void> {
  const input = q<HTMLInputElement>(el, selector);
  if (!input) throw new Error(`no field ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Runs per field, and how many were sent and refused: printed at the end, and both must happen. */
const tally = new Map<string, { sent: number; refused: number }>();

function count(field: string, value: Typed): void {
  const entry = tally.get(field) ?? { sent: 0, refused: 0 };
  if (value.sends === undefined) entry.refused += 1;
  else entry.sent += 1;
  tally.set(field, entry);
}

function bothHappened(field: string): void {
  const entry = tally.get(field);
  expect(entry?.sent, `${field}: no valid value was typed`).to.be.greaterThan(0);
  expect(entry?.refused, `${field}: no invalid value was typed`).to.be.greaterThan(0);
}

/** Asserts what one typed value led to: a field error and nothing sent, or one request with the exact string. */
async function judge(
  t: FuzzStack,
  value: Typed,
  options: { el: Element & { updateComplete: Promise<unknown> }; input: string; error: string; path: string; field: string; act: () => void | Promise<void>; ok?: string; sent?: (body: Record<string, unknown>) => unknown; tally?: string },
): Promise<void> {
  count(options.tally ?? options.field, value);
  const before = t.posts().length;
  const outcome = value.sends !== undefined && options.ok ? outcomeOf(options.el, options.ok) : undefined;
  await options.act();
  if (value.sends === undefined) {
    await drain(options.el);
    expect(t.posts().length, `"${value.text}" (${value.why}) was sent`).to.equal(before);
    expect(q(options.el, options.input)!.getAttribute('aria-invalid'), `"${value.text}" has no field error`).to.equal('true');
    expect(text(options.el, options.error), `"${value.text}" has no error text`).to.not.equal('');
    return;
  }
  if (outcome) await outcome;
  await until(() => t.posts().length > before, `"${value.text}" was never sent`);
  await Promise.all(t.posts().slice(before).map((p) => p.done));
  await drain(options.el, 2);
  const posts = t.posts().slice(before);
  expect(posts.map((p) => p.path), `"${value.text}"`).to.deep.equal([options.path]);
  const body = posts[0]!.body!;
  expect(String((options.sent ?? ((b) => b[options.field]))(body)), `"${value.text}"`).to.equal(value.sends);
  expect(q(options.el, options.input)?.getAttribute('aria-invalid') ?? 'false').to.equal('false');
}

const symbol = SYMBOLS.find((s) => s.symbol === 'BTC-USDT')!;
const usdt = CURRENCIES.find((c) => c.currency === 'USDT')!;

/** A value made invalid by one rule, chosen by fast-check among `cases`. */
const oneOf = (...cases: Array<fc.Arbitrary<Typed>>) => fc.oneof(...cases);

describe('element fuzz: every numeric field, typed into the real inputs', function () {
  this.timeout(120_000);
  after(() => {
    console.log(`element fuzz: ${[...tally].map(([field, n]) => `${field} ${n.sent + n.refused} runs (${n.sent} sent, ${n.refused} refused)`).join('; ')}`);
  });

  describe('<margin-order-ticket> (BTC-USDT, cross)', () => {
    let t: FuzzStack;
    let el: MarginOrderTicket;
    const place = () => q<HTMLButtonElement>(el, '#place')!.click();

    beforeEach(async () => {
      t = fuzzStack();
      el = await fixture<MarginOrderTicket>(
        html`<margin-order-ticket symbol="BTC-USDT" locale="en-US" poll-interval="60000" margin-mode="cross" api="hf"></margin-order-ticket>`,
      );
      await until(() => q(el, '#place') && !q<HTMLButtonElement>(el, '#place')!.disabled, 'the ticket never showed its form');
      await until(() => text(el, '#leverage-hint').includes('5×'), 'no maximum leverage');
    });

    async function advanced(): Promise<void> {
      const details = q<HTMLDetailsElement>(el, 'details[part="advanced"]');
      if (details && !details.open) details.open = true;
      await el.updateComplete;
    }

    it(`price: ${RUNS} runs`, async () => {
      // On the 0.1 tick, from 100 to 60 000 (below the mark: the order rests).
      const valid = validOnGrid(symbol.priceIncrement, 1000n, 600_000n);
      const values = oneOf(
        valid,
        dressed(valid),
        garbage,
        fc.tuple(fc.bigInt({ min: 1000n, max: 600_000n }), fc.integer({ min: 1, max: 9 })).map(([u, d]) => {
          const onTick = multiple(u, symbol.priceIncrement);
          return invalid(onTick.includes('.') ? `${onTick}${d}` : `${onTick}.0${d}`, 'off the tick');
        }),
        fc.constantFrom(invalid('0', 'zero'), invalid('0.00', 'zero'), invalid('-60000', 'negative')),
      );
      await fc.assert(
        fc.asyncProperty(values, async (value) => {
          await typeInto(el, '#price', value.text);
          await typeInto(el, '#size', '0.001');
          await judge(t, value, { el, input: '#price', error: '#price-error', path: HF_ORDER, field: 'price', act: place, ok: 'margin-order-placed' });
        }),
        { numRuns: RUNS, seed: 901 },
      );
      bothHappened('price');
    });

    it(`size: ${RUNS} runs`, async () => {
      // baseIncrement 1e-8, baseMinSize 1e-5; at most 0.01 BTC per order.
      const valid = validOnGrid(symbol.baseIncrement, 1000n, 1_000_000n);
      const values = oneOf(
        valid,
        dressed(valid),
        garbage,
        fc.bigInt({ min: 1n, max: 999n }).map((u) => invalid(multiple(u, symbol.baseIncrement), 'below baseMinSize')),
        fc.bigInt({ min: 10_000n, max: 9_999_999n }).filter((u) => u % 10n !== 0n).map((u) => invalid(multiple(u, '0.000000001'), 'off baseIncrement')),
      );
      await fc.assert(
        fc.asyncProperty(values, async (value) => {
          await typeInto(el, '#price', '30000');
          await typeInto(el, '#size', value.text);
          await judge(t, value, { el, input: '#size', error: '#size-error', path: HF_ORDER, field: 'size', act: place, ok: 'margin-order-placed' });
        }),
        { numRuns: RUNS, seed: 902 },
      );
      bothHappened('size');
    });

    it(`funds (market buy): ${RUNS} runs`, async () => {
      q<HTMLInputElement>(el, 'input[name="type"][value="market"]')!.click();
      await el.updateComplete;
      q<HTMLInputElement>(el, 'input[name="market-amount"]:not(:checked)')!.click();
      await el.updateComplete;
      expect(q(el, '#funds')).to.exist;
      // quoteIncrement 1e-6, quoteMinSize and minFunds 0.1; at most 100 USDT per order.
      const valid = validOnGrid('0.000001', 100_000n, 100_000_000n);
      const values = oneOf(
        valid,
        dressed(valid),
        garbage,
        fc.bigInt({ min: 1n, max: 99_999n }).map((u) => invalid(multiple(u, '0.000001'), 'below the minimum funds')),
        fc.bigInt({ min: 1_000_001n, max: 99_999_999n }).filter((u) => u % 10n !== 0n).map((u) => invalid(multiple(u, '0.0000001'), 'off quoteIncrement')),
      );
      await fc.assert(
        fc.asyncProperty(values, async (value) => {
          await typeInto(el, '#funds', value.text);
          await judge(t, value, { el, input: '#funds', error: '#funds-error', path: HF_ORDER, field: 'funds', act: place, ok: 'margin-order-placed' });
        }),
        { numRuns: RUNS, seed: 903 },
      );
      bothHappened('funds');
    });

    it(`visibleSize (iceberg): ${RUNS} runs`, async () => {
      await advanced();
      q<HTMLInputElement>(el, '#iceberg')!.click();
      await el.updateComplete;
      // On the size increment, at most the size (0.01).
      const valid = validOnGrid(symbol.baseIncrement, 1n, 1_000_000n);
      const values = oneOf(
        valid,
        dressed(valid),
        garbage,
        fc.bigInt({ min: 1_000_001n, max: 100_000_000n }).map((u) => invalid(multiple(u, symbol.baseIncrement), 'above the size')),
        fc.bigInt({ min: 1n, max: 9_999_999n }).filter((u) => u % 10n !== 0n).map((u) => invalid(multiple(u, '0.000000001'), 'off baseIncrement')),
        fc.constant(invalid('0', 'zero')),
      );
      await fc.assert(
        fc.asyncProperty(values, async (value) => {
          await typeInto(el, '#price', '30000');
          await typeInto(el, '#size', '0.01');
          await advanced();
          await typeInto(el, '#visibleSize', value.text);
          await judge(t, value, { el, input: '#visibleSize', error: '#visibleSize-error', path: HF_ORDER, field: 'visibleSize', act: place, ok: 'margin-order-placed' });
        }),
        { numRuns: RUNS, seed: 904 },
      );
      bothHappened('visibleSize');
    });

    it(`cancelAfter (GTT): ${RUNS} runs`, async () => {
      await advanced();
      const tif = q<HTMLSelectElement>(el, '#tif')!;
      tif.value = 'GTT';
      tif.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await el.updateComplete;
      const valid = fc.integer({ min: 1, max: 1_000_000_000 }).map((n) => ({ text: String(n), sends: String(n) }));
      const values = oneOf(
        valid,
        valid.map((v) => ({ text: ` 00${v.text} `, sends: v.sends })),
        garbage,
        fc.constantFrom(
          invalid('0', 'below 1 s'),
          invalid('1.5', 'not whole'),
          invalid('7.0', 'not written whole'),
          invalid('-3', 'negative'),
          invalid('9007199254740992', 'above the largest exact integer'),
        ),
      );
      await fc.assert(
        fc.asyncProperty(values, async (value) => {
          await typeInto(el, '#price', '30000');
          await typeInto(el, '#size', '0.001');
          await advanced();
          await typeInto(el, '#cancelAfter', value.text);
          await judge(t, value, { el, input: '#cancelAfter', error: '#cancelAfter-error', path: HF_ORDER, field: 'cancelAfter', act: place, ok: 'margin-order-placed' });
        }),
        { numRuns: RUNS, seed: 905 },
      );
      bothHappened('cancelAfter');
    });

    it(`leverage: ${RUNS} runs`, async () => {
      // Above 1, two decimals, at most the margin config's 5.
      const valid = validOnGrid('0.01', 101n, 500n);
      const values = oneOf(
        valid,
        dressed(valid),
        garbage,
        fc.constantFrom(invalid('1', 'not above 1'), invalid('1.00', 'not above 1'), invalid('0.5', 'below 1'), invalid('5.01', 'above 5'), invalid('6', 'above 5')),
        fc.bigInt({ min: 1001n, max: 5000n }).filter((u) => u % 10n !== 0n).map((u) => invalid(multiple(u, '0.001'), 'three decimals')),
      );
      await fc.assert(
        fc.asyncProperty(values, async (value) => {
          await typeInto(el, '#leverage', value.text);
          await judge(t, value, {
            el,
            input: '#leverage',
            error: '#leverage-error',
            path: LEVERAGE,
            field: 'leverage',
            act: () => q<HTMLFormElement>(el, 'form[part="leverage"]')!.requestSubmit(),
          });
        }),
        { numRuns: RUNS, seed: 906 },
      );
      bothHappened('leverage');
    });
  });

  describe('<margin-borrow-repay> (KuCoin cross, USDT)', () => {
    it(`amount, borrow and repay: ${2 * RUNS} runs`, async () => {
      const t = fuzzStack();
      // A debt to repay from.
      await getMarginClient(t.stack.proxyUrl).kucoin.borrow({ currency: 'USDT', size: '100000', timeInForce: 'IOC' });
      const el = await fixture<MarginBorrowRepay>(html`<margin-borrow-repay exchange="kucoin" margin-mode="cross" currency="USDT" locale="en-US"></margin-borrow-repay>`);
      await until(() => q(el, '[part="limits"] dl'), 'limits did not load');
      const submit = () => q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      const choose = async (action: 'borrow' | 'repay') => {
        q<HTMLInputElement>(el, `input[name="action"][value="${action}"]`)!.click();
        await el.updateComplete;
      };
      // Borrow: a multiple of borrowMinUnit (1), from borrowMinAmount up to borrowMaxAmount.
      const borrowValid = validOnGrid(usdt.borrowMinUnit, 1n, 1000n);
      const borrows = oneOf(
        borrowValid,
        dressed(borrowValid),
        garbage,
        fc.bigInt({ min: 1n, max: 1000n }).map((u) => invalid(`${u}.5`, 'off borrowMinUnit')),
        fc.constantFrom(invalid('0', 'zero'), invalid(String(Number(usdt.borrowMaxAmount) + 1), 'above borrowMaxAmount'), invalid('0.000000001', 'nine decimals')),
      ).map((v) => ({ ...v, action: 'borrow' as const }));
      // Repay: any positive amount within the precision (8).
      const repayValid = validOnGrid('0.00000001', 1n, 500_000_000n);
      const repays = oneOf(
        repayValid,
        dressed(repayValid),
        garbage,
        fc.bigInt({ min: 1n, max: 99_999n }).filter((u) => u % 10n !== 0n).map((u) => invalid(multiple(u, '0.000000001'), 'nine decimals')),
        fc.constant(invalid('0', 'zero')),
      ).map((v) => ({ ...v, action: 'repay' as const }));
      await fc.assert(
        fc.asyncProperty(fc.oneof(borrows, repays), async (value) => {
          await choose(value.action);
          await typeInto(el, '#amount', value.text);
          await judge(t, value, {
            el,
            input: '#amount',
            error: '#amount-error',
            path: `/api/v3/margin/${value.action}`,
            field: 'size',
            tally: `${value.action} amount`,
            act: submit,
            ok: value.action === 'borrow' ? 'margin-borrowed' : 'margin-repaid',
          });
        }),
        { numRuns: 2 * RUNS, seed: 907 },
      );
      bothHappened('borrow amount');
      bothHappened('repay amount');
    });
  });

  describe('<margin-lending-market> (KuCoin, USDT)', () => {
    let t: FuzzStack;
    let el: MarginLendingMarket;
    beforeEach(async () => {
      t = fuzzStack();
      el = await fixture<MarginLendingMarket>(html`<margin-lending-market locale="en-US"></margin-lending-market>`);
      await until(() => q(el, '[data-action="lend"][data-currency="USDT"]'), 'the market never loaded');
    });
    const submit = () => q<HTMLButtonElement>(el, 'section[part~="form"] [part~="submit"]')!.click();
    async function openLend(): Promise<void> {
      if (!q(el, 'section[part~="form"]')) q(el, '[data-action="lend"][data-currency="USDT"]')!.click();
      await until(() => q(el, 'section[part~="form"] #size'), 'no lend panel');
    }
    // "Get Loan Market": increment and minimum 1 for USDT; rates 0.5 %..32 % in steps of 0.01 %.
    const rateValid = validOnGrid('0.01', 50n, 3200n).map((v) => ({ text: v.text, sends: new Decimal(v.text).div(100).toFixed() }));
    const sizeValid = validOnGrid(usdt.borrowMinUnit, 1n, 1000n);

    it(`purchase size: ${RUNS} runs`, async () => {
      const values = oneOf(
        sizeValid,
        dressed(sizeValid),
        garbage,
        fc.bigInt({ min: 1n, max: 1000n }).map((u) => invalid(`${u}.5`, 'off the increment')),
        fc.constantFrom(invalid('0', 'zero'), invalid(String(Number(usdt.borrowMaxAmount) + 1), 'above maxPurchaseSize')),
      );
      await fc.assert(
        fc.asyncProperty(values, async (value) => {
          await openLend();
          await typeInto(el, '#size', value.text);
          await typeInto(el, '#rate', '8.5');
          await judge(t, value, { el, input: '#size', error: '#size-error', path: '/api/v3/purchase', field: 'size', tally: 'purchase size', act: submit, ok: 'margin-purchased' });
        }),
        { numRuns: RUNS, seed: 908 },
      );
      bothHappened('purchase size');
    });

    it(`purchase rate: ${RUNS} runs`, async () => {
      const values = oneOf(
        rateValid,
        dressed(rateValid),
        garbage,
        fc.bigInt({ min: 501n, max: 31_999n }).filter((u) => u % 10n !== 0n).map((u) => invalid(multiple(u, '0.001'), 'off interestIncrement')),
        fc.constantFrom(invalid('0.4', 'below minInterestRate'), invalid('32.01', 'above maxInterestRate'), invalid('0', 'zero')),
      );
      await fc.assert(
        fc.asyncProperty(values, async (value) => {
          await openLend();
          await typeInto(el, '#size', '10');
          await typeInto(el, '#rate', value.text);
          await judge(t, value, { el, input: '#rate', error: '#rate-error', path: '/api/v3/purchase', field: 'interestRate', tally: 'purchase rate', act: submit, ok: 'margin-purchased' });
        }),
        { numRuns: RUNS, seed: 909 },
      );
      bothHappened('purchase rate');
    });

    it(`redeem size: ${RUNS} runs`, async () => {
      const { orderNo } = await getMarginClient(t.stack.proxyUrl).kucoin.purchase({ currency: 'USDT', size: '100000', interestRate: '0.05' });
      q(el, '#tab-orders')!.click();
      await until(() => q(el, `[data-action="redeem"][data-order="${orderNo}"]`), 'the orders tab never listed the purchase');
      const openRedeem = async () => {
        if (!q(el, 'section[part~="form"]')) q(el, `[data-action="redeem"][data-order="${orderNo}"]`)!.click();
        await until(() => text(el, '#size-hint').startsWith('Up to'), 'no holding');
      };
      const values = oneOf(
        validOnGrid(usdt.borrowMinUnit, 1n, 5n),
        dressed(validOnGrid(usdt.borrowMinUnit, 1n, 5n)),
        garbage,
        fc.bigInt({ min: 1n, max: 1000n }).map((u) => invalid(`${u}.5`, 'off the increment')),
        fc.constantFrom(invalid('0', 'zero'), invalid('100001', 'more than the order holds')),
      );
      await fc.assert(
        fc.asyncProperty(values, async (value) => {
          await until(() => q(el, `[data-action="redeem"][data-order="${orderNo}"]`), 'the orders list did not come back');
          await openRedeem();
          await typeInto(el, '#size', value.text);
          await judge(t, value, { el, input: '#size', error: '#size-error', path: '/api/v3/redeem', field: 'size', tally: 'redeem size', act: submit, ok: 'margin-redeemed' });
        }),
        { numRuns: RUNS, seed: 910 },
      );
      bothHappened('redeem size');
    });
  });

  describe('<margin-mark-price-ticker>', () => {
    it(`poll-interval: ${RUNS} runs, never faster than 1 s, a valid interval used exactly`, async () => {
      const values = fc.oneof(
        fc.integer({ min: 1000, max: 120_000 }).map(String),
        fc.integer({ min: -5000, max: 999 }).map(String),
        fc.double({ min: 1, max: 60_000, noNaN: true }).map((n) => n.toFixed(2)),
        fc.constantFrom('', 'abc', 'NaN', 'Infinity', '-Infinity', '1e4', '0x10', ' 2500 ', '3,000'),
      );
      await fc.assert(
        fc.asyncProperty(values, async (attribute) => {
          const clock = new QuickClock();
          const stack = createInPageStack({ now: () => clock.now(), page: { hub: { clock, visibility: { isHidden: () => false, subscribe: () => () => {} } } } });
          const polls = () => stack.upstream.filter((r) => r.startsWith('GET /api/v3/mark-price/all-symbols')).length;
          const el = await fixture<MarginMarkPriceTicker>(html`<margin-mark-price-ticker mode="list" symbols="BTC-USDT" poll-interval=${attribute}></margin-mark-price-ticker>`);
          await until(() => polls() === 1, 'no first poll');
          // What the attribute means (Lit's Number converter): a positive finite number of ms,
          // never below 1000; anything else is the default 3000.
          const n = Number(attribute);
          const expected = Number.isFinite(n) && n > 0 ? Math.max(1000, Math.round(n)) : 3000;
          // "Sent" here: used as given; "refused": replaced by the minimum or the default.
          count('poll-interval', Number.isFinite(n) && n >= 1000 ? { text: attribute, sends: String(expected) } : invalid(attribute, 'clamped or default'));
          await clock.advance(expected - 1);
          await drain(el);
          expect(polls(), `poll-interval="${attribute}" polled before ${expected} ms`).to.equal(1);
          await clock.advance(1);
          await until(() => polls() === 2, `poll-interval="${attribute}" did not poll at ${expected} ms`);
          expect(getMarginClient(stack.proxyUrl).hub.activeTimers).to.be.at.most(1);
          el.remove();
        }),
        { numRuns: RUNS, seed: 911 },
      );
      bothHappened('poll-interval');
    });
  });
});
