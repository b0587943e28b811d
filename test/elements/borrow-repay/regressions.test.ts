/**
 * Issue 15's borrow/repay bug, checked the way the user met it (it failed before the fix).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/margin-borrow-repay.js';
import type { MarginBorrowRepay } from '../../../src/define/margin-borrow-repay.js';
import { $, clientOf, historyRows, limitsLoaded, panelStack, submitButton, until } from './helpers.js';

describe('<margin-borrow-repay>: issue 15 regressions', function () {
  this.timeout(30_000);

  it('the repayment history shows what settled (60), not the amount asked (99,999); the asked amount is what the venue recorded', async () => {
    const stack = panelStack();
    const { kucoin } = clientOf(stack);
    await kucoin.borrow({ currency: 'USDT', size: '60', timeInForce: 'IOC', isHf: true });
    const repaid = await kucoin.repay({ currency: 'USDT', size: '99999', isHf: true });
    const el = await fixture<MarginBorrowRepay>(
      html`<margin-borrow-repay proxy-url=${stack.proxyUrl} exchange="kucoin" margin-mode="cross" currency="USDT" locale="en-US"></margin-borrow-repay>`,
    );
    await limitsLoaded(el);
    $<HTMLButtonElement>(el, '#tab-repay').click();
    await el.updateComplete;
    await until(() => historyRows(el).length === 1, 'the repayment is not listed');
    const [, amount, principal] = historyRows(el)[0]!;
    // Before: "99,999" in the Amount column.
    expect(amount).to.match(/^60(\.0+)?$/);
    expect(principal).to.match(/^60(\.0+)?$/);
    expect(historyRows(el)[0]).to.include(repaid.orderNo);
  });

  it('BitMart below the fold: the limits render when their answers arrive, without scrolling; Borrow is enabled', async () => {
    const stack = panelStack();
    // Mounted on its own (a plain wrapper's fixture waits for a frame, which a background test tab never paints).
    const el = await fixture<MarginBorrowRepay>(
      html`<margin-borrow-repay style="display: block; margin-top: 300vh" proxy-url=${stack.proxyUrl} exchange="bitmart" symbol="BTC_USDT" currency="USDT" locale="en-US"></margin-borrow-repay>`,
    );
    window.scrollTo(0, 0);
    expect(el.getBoundingClientRect().top, 'the panel starts off-screen').to.be.greaterThan(window.innerHeight);
    // Before: the off-screen pause aborted the first load: "Limits are loading." and Borrow disabled until scrolled to.
    await limitsLoaded(el);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.not.contain('Limits are loading.');
    expect(submitButton(el).disabled).to.equal(false);
    expect(el.getBoundingClientRect().top, 'never scrolled into view').to.be.greaterThan(window.innerHeight);
  });
});
