import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/margin-order-ticket.js';
import type { MarginOrderTicket } from '../../../src/define/margin-order-ticket.js';
import type { MarginOrderCancelledEvent, MarginOrderPlacedEvent } from '../../../src/elements/order-ticket/events.js';
import { captureLitWarnings } from '../../helpers/lit-warnings.js';
import { mountTicket, P, q, qa, text } from './harness.js';
import { HF_ORDER, ticketStack } from './helpers.js';

/** What has focus inside the ticket: its id, else its text. */
function focused(el: MarginOrderTicket): string {
  const active = el.shadowRoot!.activeElement as HTMLElement | null;
  if (!active) return '';
  return active.id || active.getAttribute('aria-label') || (active.textContent ?? '').trim();
}

/** Presses Tab until `target` has focus (at most `limit` times). */
async function tabTo(el: MarginOrderTicket, target: (name: string, active: Element | null) => boolean, limit = 25): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (target(focused(el), el.shadowRoot!.activeElement)) return;
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
  }
  throw new Error(`never reached the target by Tab; focus is on "${focused(el)}"`);
}

describe('<margin-order-ticket>: keyboard only', () => {
  let lit: ReturnType<typeof captureLitWarnings>;
  beforeEach(() => {
    lit = captureLitWarnings();
  });
  afterEach(() => {
    lit.stop();
    expect(lit.warnings, lit.warnings.join('\n')).to.deep.equal([]);
  });

  it('side by arrow keys, price and size typed, Enter to review, Tab and Enter to confirm: one order', async () => {
    const t = ticketStack();
    const el = await mountTicket(html`<margin-order-ticket symbol="BTC-USDT" locale="en-US" confirm poll-interval="60000"></margin-order-ticket>`);
    (document.activeElement as HTMLElement | null)?.blur();

    await tabTo(el, (_n, a) => (a as HTMLInputElement | null)?.name === 'side');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(text(el, P.place)).to.equal('Sell BTC');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(text(el, P.place)).to.equal('Buy BTC');

    await tabTo(el, (n) => n === 'price');
    await sendKeys({ type: '60000' });
    await tabTo(el, (n) => n === 'size');
    await sendKeys({ type: '0.001' });
    expect(q<HTMLInputElement>(el, '#price')!.value).to.equal('60000');
    expect(q<HTMLInputElement>(el, '#size')!.value).to.equal('0.001');

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(q(el, P.review)).to.exist;
    expect(focused(el)).to.equal('review-title');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('Confirm and place');
    const placed = oneEvent(el, 'margin-order-placed') as Promise<MarginOrderPlacedEvent>;
    await sendKeys({ press: 'Enter' });
    const detail = (await placed).detail;
    expect(detail.params).to.include({ side: 'buy', price: '60000', size: '0.001' });
    expect(t.sentTo('POST', HF_ORDER).length).to.equal(1);
    await el.updateComplete;
    expect(focused(el), 'focus returns to the Place button').to.equal('place');
  });

  it('an invalid Enter moves focus to the first field at fault, with its error read out', async () => {
    const t = ticketStack();
    const el = await mountTicket(html`<margin-order-ticket symbol="BTC-USDT" locale="en-US" poll-interval="60000"></margin-order-ticket>`);
    q<HTMLInputElement>(el, '#size')!.focus();
    await sendKeys({ type: '0.001' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(focused(el)).to.equal('price');
    expect(q(el, '#price')!.getAttribute('aria-describedby')).to.equal('price-error');
    expect(text(el, '#price-error')).to.equal('Required');
    expect(t.sentTo('POST', HF_ORDER)).to.deep.equal([]);
  });

  it('the advanced options open from the keyboard', async () => {
    ticketStack();
    const el = await mountTicket(html`<margin-order-ticket symbol="BTC-USDT" locale="en-US" poll-interval="60000"></margin-order-ticket>`);
    q<HTMLElement>(el, 'summary')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(q<HTMLDetailsElement>(el, 'details')!.open).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('tif');
  });

  it('the order tabs follow the arrow keys, Home and End; a cancel works from the keyboard', async () => {
    const t = ticketStack();
    const el = await mountTicket(html`<margin-order-ticket symbol="BTC-USDT" locale="en-US" poll-interval="60000"></margin-order-ticket>`);
    q<HTMLInputElement>(el, '#price')!.focus();
    await sendKeys({ type: '60000' });
    q<HTMLInputElement>(el, '#size')!.focus();
    await sendKeys({ type: '0.001' });
    const placed = oneEvent(el, 'margin-order-placed') as Promise<MarginOrderPlacedEvent>;
    await sendKeys({ press: 'Enter' });
    const { orderId } = (await placed).detail;
    await waitUntil(() => qa(el, P.rows).length === 1);

    q<HTMLElement>(el, P.tab('open'))!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)).to.equal('tab-history');
    expect(q(el, P.tab('history'))!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(focused(el)).to.equal('tab-fills');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(focused(el)).to.equal('tab-open');
    await waitUntil(() => qa(el, P.rows).length === 1);

    await tabTo(el, (n) => n.startsWith('Cancel Buy'));
    const cancelled = oneEvent(el, 'margin-order-cancelled') as Promise<MarginOrderCancelledEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await cancelled).detail.orderId).to.equal(orderId);
    expect(t.count(`DELETE /api/v3/hf/margin/orders/${orderId}`)).to.equal(1);
  });
});
