/**
 * Issue 15's borrow/repay bug, checked the way the user met it (it failed before the fix).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/margin-borrow-repay.js';
import type { MarginBorrowRepay } from '../../../src/define/margin-borrow-repay.js';
import { $, clientOf, historyRows, limitsLoaded, panelStack, until } from './helpers.js';

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
});
