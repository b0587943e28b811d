/**
 * Issue 15's ticket bugs, each checked the way the user met it (each failed before its fix).
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/margin-order-ticket.js';
import { captureLitWarnings } from '../../helpers/lit-warnings.js';
import { clickOn, mountTicket, P, q, radio, rows, settle, text, typeInto } from './harness.js';
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

  it('fills: size at the base increment, funds at the quote increment, fee at its currency precision, no padding zeros', async () => {
    const t = ticketStack();
    // The venue's fill as issue 15 saw it: fee "9.999999865838", funds "636.723000", size "0.01000000".
    const fill = {
      id: 1, symbol: 'BTC-USDT', tradeId: 7, orderId: 'o1', counterOrderId: 'c1', side: 'buy', liquidity: 'taker', forceTaker: false,
      price: '63672.3', size: '0.01000000', funds: '636.723000', fee: '9.999999865838', feeRate: '0.001', feeCurrency: 'USDT',
      stop: '', tradeType: 'MARGIN_TRADE', type: 'limit', createdAt: 1_700_000_000_000,
    };
    t.intercept((request) =>
      new URL(request.url).pathname.endsWith('/api/v3/hf/margin/fills')
        ? new Response(JSON.stringify({ code: '200000', data: { items: [fill], lastId: 1 } }), { headers: { 'content-type': 'application/json' } })
        : undefined,
    );
    const el = await mountTicket(html`<margin-order-ticket symbol="BTC-USDT" locale="en-US" poll-interval="60000"></margin-order-ticket>`);
    await clickOn(el, P.tab('fills'));
    await waitUntil(() => rows(el).length === 1, 'no fill row');
    const cells = [...rows(el)[0]!.querySelectorAll('td, th')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim());
    expect(cells).to.include('63,672.3'); // the price keeps its increment's digits
    expect(cells).to.include('0.01'); // not 0.01000000
    expect(cells).to.include('636.723'); // not 636.723000
    expect(cells).to.include('10 USDT'); // 9.999999865838 at USDT's 6 digits here, not 12
  });

  it('the notional and the placed order read at their increments without padding', async () => {
    ticketStack();
    const el = await mountTicket(html`<margin-order-ticket symbol="BTC-USDT" locale="en-US" poll-interval="60000"></margin-order-ticket>`);
    await typeInto(el, 'price', '63672.3');
    await typeInto(el, 'size', '0.01');
    // Before: "Notional: 636.723000 USDT".
    expect(text(el, P.estimate)).to.equal('Notional: 636.723 USDT');
    await clickOn(el, P.place);
    await waitUntil(() => text(el, P.status).includes('Order placed'), 'not placed');
    // Before: "Buy 0.01000000 BTC at 63,672.3 USDT".
    expect(text(el, P.status)).to.contain('Buy 0.01 BTC at 63,672.3 USDT');
  });

  it('a market sell that fills only in part says "Filled X of 1 BTC; the venue cancelled the rest", and its row shows filled / requested', async () => {
    ticketStack();
    const el = await mountTicket(html`<margin-order-ticket symbol="BTC-USDT" locale="en-US" poll-interval="60000"></margin-order-ticket>`);
    radio(el, 'side', 'sell').click();
    radio(el, 'type', 'market').click();
    await el.updateComplete;
    // The sandbox's book holds about 30,000 USD a side: 1 BTC (~67,000 USD) cannot fill whole.
    await typeInto(el, 'size', '1');
    await clickOn(el, P.place);
    await waitUntil(() => q(el, '[part~="partial-fill"]'), `no partial-fill words: ${text(el, P.status)}`, { timeout: 6000 });
    const said = text(el, '[part~="partial-fill"]');
    expect(said).to.match(/^Filled 0\.\d+ of 1 BTC; the venue cancelled the rest\.$/);
    const filled = said.match(/Filled (\S+) of/)![1]!;
    expect(Number(filled)).to.be.within(0.1, 0.9);
    await clickOn(el, P.tab('history'));
    await waitUntil(() => rows(el).length >= 1, 'no closed order');
    const cells = [...rows(el)[0]!.querySelectorAll('td, th')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim());
    expect(cells).to.include(`${filled} / 1`);
  });
});
