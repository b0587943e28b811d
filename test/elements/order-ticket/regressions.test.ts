/**
 * Issue 15's ticket bugs, each checked the way the user met it (each failed before its fix).
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/margin-order-ticket.js';
import { captureLitWarnings } from '../../helpers/lit-warnings.js';
import { mountTicket, P, q, settle, text, typeInto } from './harness.js';
import { HF_ORDER, ticketStack } from './helpers.js';

describe('<margin-order-ticket>: issue 15 regressions', () => {
  it("removeAttribute('symbol') shows the picker, like symbol=\"\", and throws nothing on update", async () => {
    ticketStack();
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    const lit = captureLitWarnings();
    try {
      const el = await mountTicket(html`<margin-order-ticket symbol="BTC-USDT" locale="en-US" poll-interval="60000"></margin-order-ticket>`);
      expect(q(el, P.symbolPicker)).to.equal(null);
      el.removeAttribute('symbol');
      // Before the fix every update threw "Cannot read properties of null (reading 'trim')".
      await el.updateComplete;
      await waitUntil(() => q(el, P.symbolPicker), 'no picker after removeAttribute', { timeout: 3000 });
      await typeInto(el, 'size', '0.001');
      await settle(el);
      expect(q<HTMLSelectElement>(el, P.symbolPicker)!.value).to.not.equal('');
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      lit.stop();
    }
  });

  it('Escape closes the review step and sends nothing, focus back on Place', async () => {
    const t = ticketStack();
    const el = await mountTicket(html`<margin-order-ticket symbol="BTC-USDT" locale="en-US" confirm poll-interval="60000"></margin-order-ticket>`);
    await typeInto(el, 'price', '60000');
    await typeInto(el, 'size', '0.001');
    q<HTMLButtonElement>(el, P.place)!.click();
    await el.updateComplete;
    await waitUntil(() => q(el, P.review), 'no review step');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('review-title');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(q(el, P.review), 'the review is still open after Escape').to.equal(null);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('place');
    expect(t.sentTo('POST', HF_ORDER)).to.deep.equal([]);
  });

  it('an unknown symbol: the ticket says the symbol is unknown, not that the venue refused an order', async () => {
    ticketStack();
    const el = await mountTicket(html`<margin-order-ticket symbol="NOPE-USDT" locale="en-US" poll-interval="60000"></margin-order-ticket>`);
    await settle(el);
    await settle(el);
    // Before: "KuCoin refused the order: Symbol NOPE-USDT not exists (code 400100)" in the orders area.
    expect(text(el, P.orders)).to.not.contain('refused');
    expect(text(el, P.orders)).to.contain('NOPE-USDT is not a symbol the venue knows');
  });
});
