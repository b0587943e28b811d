/**
 * Issue 15's lending bugs, checked the way the user met them (each failed before its fix):
 * holdings that ignored redeems, a just-requested redemption missing from "in progress", and
 * errors that only followed the text on submit.
 */
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createInPageStack } from '../../../demo/in-page-stack.js';
import type { MarginLendingMarket } from '../../../src/define/margin-lending-market.js';
import '../../../src/define/margin-lending-market.js';
import type { MarginRedeemedEvent } from '../../../src/elements/lending-market/events.js';
import { FakeClock, FakeVisibility } from '../../helpers/fake-clock.js';
import { lendingHarness, openTab, P, q, qa, words } from './harness.js';

const HOUR = 3_600_000;

function setup() {
  const clock = new FakeClock();
  const start = Date.now();
  const origin = clock.now();
  createInPageStack({ now: () => start + (clock.now() - origin), page: { hub: { clock, visibility: new FakeVisibility() } } });
  return {
    async tick(ms: number) {
      await clock.advance(ms);
      for (let i = 0; i < 5; i += 1) await aTimeout(5);
    },
  };
}

async function market(): Promise<MarginLendingMarket> {
  const el = await fixture<MarginLendingMarket>(html`<margin-lending-market locale="en-US"></margin-lending-market>`);
  await waitUntil(() => q(el, 'tbody tr'), 'the market never loaded', { timeout: 4000 });
  return el;
}

async function lend(el: MarginLendingMarket, currency: string, size: string, rate: string): Promise<string> {
  const h = lendingHarness(el);
  await h.openLend(currency);
  h.type('size', size);
  h.type('rate', rate);
  const done = oneEvent(el, 'margin-purchased');
  await h.submit();
  return (await done).detail.orderNo as string;
}

async function redeem(el: MarginLendingMarket, orderNo: string, size: string): Promise<MarginRedeemedEvent['detail']> {
  const h = lendingHarness(el);
  await waitUntil(() => q(el, P.redeem(orderNo)), 'no Redeem button');
  q(el, P.redeem(orderNo))!.click();
  await el.updateComplete;
  await waitUntil(() => words(q(el, P.hint('size'))).startsWith('Up to'), 'no holding');
  h.type('size', size);
  const done = oneEvent(el, 'margin-redeemed') as Promise<MarginRedeemedEvent>;
  await h.submit();
  return (await done).detail;
}

const orderRow = (el: MarginLendingMarket, orderNo: string) =>
  qa<HTMLTableRowElement>(el, `${P.panel('orders')} tbody tr`).find((r) => words(r).includes(orderNo));

describe('<margin-lending-market>: issue 15 regressions', () => {
  it('"My lending" shows what an order holds after a redeem that settled (500 less 200 is 300), not its size', async () => {
    setup();
    const el = await market();
    const orderNo = await lend(el, 'USDT', '500', '5');
    await openTab(el, 'orders');
    await redeem(el, orderNo, '200');
    // Before: the Amount cell still read 500.
    await waitUntil(() => words(orderRow(el, orderNo)?.children[2]).startsWith('300'), `holding not 300: ${words(orderRow(el, orderNo))}`, { timeout: 4000 });
    expect(words(orderRow(el, orderNo)!.children[2])).to.not.contain('redeeming');
  });

  it('a redeem of lent funds shows "redeeming 450" against the holding until it settles', async () => {
    const t = setup();
    const el = await market();
    const orderNo = await lend(el, 'USDT', '500', '1');
    await t.tick(HOUR); // lent out at the next hour: a redeem now waits for the hour after
    await openTab(el, 'orders');
    // More than what is idle: part of it comes back only at the next hour.
    await redeem(el, orderNo, '450');
    await waitUntil(() => words(orderRow(el, orderNo)?.children[2]).includes('redeeming'), `no "redeeming": ${words(orderRow(el, orderNo))}`, { timeout: 4000 });
    expect(words(orderRow(el, orderNo)!.children[2])).to.match(/^50\s*redeeming 450$/);
  });

  it('right after "Redeem of 200 USDT requested." the Redemptions view lists it (not "No redemption in progress")', async () => {
    setup();
    const el = await market();
    const orderNo = await lend(el, 'USDT', '500', '5');
    await openTab(el, 'orders');
    const { orderNo: redeemNo } = await redeem(el, orderNo, '200');
    expect(words(q(el, P.notice))).to.contain('Redeem of 200');
    await openTab(el, 'redemptions');
    expect(words(q(el, P.panel('redemptions')))).to.not.contain('No redemption in progress');
    const row = qa<HTMLTableRowElement>(el, `${P.panel('redemptions')} tbody tr`).find((r) => words(r).includes(redeemNo));
    expect(row, 'the redemption just asked for').to.exist;
    expect(words(row)).to.contain(orderNo);
  });

  it('the form checks as you type: a fixed field loses its old error at once, a new mistake shows at once', async () => {
    setup();
    const el = await market();
    const orderNo = await lend(el, 'KCS', '10', '1.5');
    await openTab(el, 'orders');
    const h = lendingHarness(el);
    q(el, P.redeem(orderNo))!.click();
    await el.updateComplete;
    await waitUntil(() => words(q(el, P.hint('size'))).startsWith('Up to'), 'no holding');
    h.type('size', '-1');
    await h.submit();
    expect(words(q(el, P.fieldError('size')))).to.equal('Must not be negative');
    h.type('size', '10.5');
    await el.updateComplete;
    // Before: still "Must not be negative" until the next submit.
    expect(words(q(el, P.fieldError('size')))).to.equal('At most 10.0');
    h.type('size', '4');
    await el.updateComplete;
    expect(q(el, P.fieldError('size'))).to.equal(null);
    expect(q(el, P.input('size'))!.getAttribute('aria-invalid')).to.not.equal('true');
  });

  it('a field not typed in yet stays quiet while another is typed', async () => {
    setup();
    const el = await market();
    const h = lendingHarness(el);
    await h.openLend('USDT');
    h.type('rate', '');
    await el.updateComplete;
    h.type('size', '0.5');
    await el.updateComplete;
    expect(words(q(el, P.fieldError('size')))).to.equal('Must be a multiple of 1');
    expect(q(el, P.fieldError('rate'))).to.equal(null);
  });
});
