/**
 * Each part of the ticket on its own: mounted on a bare host element with a context the test
 * controls (no <margin-order-ticket> around it), against the in-page sandbox.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, type TemplateResult } from 'lit';
import { getConnection } from '../../../src/client/connection.js';
import { newClientOid } from '../../../src/core/client-oid.js';
import { LeverageForm } from '../../../src/elements/order-ticket/leverage-form.js';
import { OrderForm } from '../../../src/elements/order-ticket/order-form.js';
import { renderOrderForm } from '../../../src/elements/order-ticket/order-form-view.js';
import { renderOutcome, renderReview } from '../../../src/elements/order-ticket/order-outcome.js';
import { OrderTracker } from '../../../src/elements/order-ticket/order-tracker.js';
import { OrdersPanel } from '../../../src/elements/order-ticket/orders-panel.js';
import { ticketSymbols, findTicketSymbol, type TicketSymbol } from '../../../src/elements/order-ticket/symbols.js';
import type { TicketContext } from '../../../src/elements/order-ticket/ticket-context.js';
import type { MarginOrderCancelledEvent, MarginOrderFilledEvent } from '../../../src/elements/order-ticket/events.js';
import { crossSymbols, isolatedSymbols, read } from '../../../src/elements/shared/resources.js';
import { elementStyles } from '../../../src/elements/shared/styles/index.js';
import { P, q, qa, rows, settle, text, typeInto } from './harness.js';
import { FAST_LOOKUP, HF_ORDER, ticketStack, type TicketStack } from './helpers.js';

/** A bare element that holds one part and renders what the test says. */
class PartHost extends LitElement {
  static override styles = elementStyles;
  view: () => unknown = () => '';
  override render(): unknown {
    return this.view();
  }
}
customElements.define('order-ticket-part-host', PartHost);

interface Mounted {
  host: PartHost;
  ctx: TicketContext & { symbol: string; current: TicketSymbol | undefined };
  errors: string[];
}

async function mount(t: TicketStack, symbol = 'BTC-USDT', mode: 'cross' | 'isolated' = 'cross'): Promise<Mounted> {
  const host = await fixture<PartHost>(html`<order-ticket-part-host></order-ticket-part-host>`);
  const client = getConnection(t.stack.proxyUrl);
  const list = ticketSymbols(mode, await read(client, crossSymbols), mode === 'isolated' ? await read(client, isolatedSymbols) : undefined);
  const errors: string[] = [];
  const ctx = {
    host,
    client,
    mode,
    endpoints: 'hf' as const,
    tradeType: mode === 'isolated' ? ('MARGIN_ISOLATED_TRADE' as const) : ('MARGIN_TRADE' as const),
    symbol,
    current: findTicketSymbol(list, symbol),
    symbols: list,
    markPrice: undefined,
    maxLeverage: 5,
    pollInterval: 1_000,
    locale: 'en-US',
    emitError: (_error: unknown, action: string, message: string) => void errors.push(`${action}: ${message}`),
  };
  return { host, ctx, errors };
}

function show(host: PartHost, view: () => TemplateResult | unknown): Promise<boolean> {
  host.view = view;
  host.requestUpdate();
  return host.updateComplete;
}

const veto = (host: HTMLElement) => host.addEventListener('margin-before-submit', (e) => e.preventDefault(), { once: true });

describe('order ticket parts, each on its own', () => {
  describe('LeverageForm', () => {
    it('checks before sending, lets the page veto, then sends the isolated symbol as typed', async () => {
      const t = ticketStack();
      const { host, ctx } = await mount(t, 'XRP-USDT', 'isolated');
      const form = new LeverageForm(ctx);
      await show(host, () => form.render(false));
      expect(text(host, '#leverage-hint')).to.contain('at most 5×');

      await typeInto(host, 'leverage', '7');
      q<HTMLFormElement>(host, P.leverage)!.requestSubmit();
      await settle();
      expect(text(host, '#leverage-error')).to.equal('At most the maximum leverage 5×');
      expect(q(host, '#leverage')!.getAttribute('aria-invalid')).to.equal('true');

      await typeInto(host, 'leverage', '4');
      veto(host);
      q<HTMLFormElement>(host, P.leverage)!.requestSubmit();
      await settle();
      expect(text(host, P.leverage)).to.contain('Not sent');
      expect(t.sentTo('POST', '/api/v3/position/update-user-leverage')).to.deep.equal([]);

      q<HTMLFormElement>(host, P.leverage)!.requestSubmit();
      await waitUntil(() => text(host, P.leverage).includes('Leverage set to 4×.'));
      expect(t.sentTo('POST', '/api/v3/position/update-user-leverage').map((r) => r.body)).to.deep.equal([
        { symbol: 'XRP-USDT', isIsolated: true, leverage: '4' },
      ]);
    });
  });

  describe('OrderTracker', () => {
    it('follows an order to its fill: one margin-order-filled, then the orders are read again', async () => {
      const t = ticketStack();
      const { host, ctx } = await mount(t);
      let refreshed = 0;
      const tracker = new OrderTracker(ctx, () => (refreshed += 1));
      const client = getConnection(t.stack.proxyUrl);
      const clientOid = newClientOid();
      const { addOrder } = await import('../../../src/client/kucoin/orders.js');
      const placed = await addOrder(client.transport, { clientOid, side: 'buy', symbol: 'BTC-USDT', type: 'limit', price: '60000', size: '0.001' });
      tracker.follow({ orderId: placed.orderId, clientOid, symbol: 'BTC-USDT' });
      await waitUntil(() => tracker.tracked?.status === 'open', 'never read the order');
      const filled = oneEvent(host, 'margin-order-filled') as Promise<MarginOrderFilledEvent>;
      t.stack.sandbox.state.markPrices.set('BTC-USDT', '59999.9');
      expect((await filled).detail).to.include({ orderId: placed.orderId, clientOid, dealSize: '0.001', complete: true });
      expect(tracker.done).to.equal(true);
      expect(refreshed).to.equal(1);
    });

    it('a cancel the trader reported is not reported again when the tracker sees it', async () => {
      const t = ticketStack();
      const { host, ctx } = await mount(t);
      const tracker = new OrderTracker(ctx, () => {});
      const client = getConnection(t.stack.proxyUrl);
      const { addOrder, cancelOrderByOrderId } = await import('../../../src/client/kucoin/orders.js');
      const clientOid = newClientOid();
      const placed = await addOrder(client.transport, { clientOid, side: 'buy', symbol: 'BTC-USDT', type: 'limit', price: '60000', size: '0.001' });
      const events: MarginOrderCancelledEvent['detail'][] = [];
      host.addEventListener('margin-order-cancelled', (e) => events.push((e as MarginOrderCancelledEvent).detail));
      tracker.follow({ orderId: placed.orderId, clientOid, symbol: 'BTC-USDT' });
      await waitUntil(() => tracker.tracked?.status === 'open');
      await cancelOrderByOrderId(client.transport, { orderId: placed.orderId, symbol: 'BTC-USDT' });
      tracker.reportCancel({ symbol: 'BTC-USDT', scope: 'order', orderId: placed.orderId, clientOid, by: 'trader' });
      tracker.resume();
      await waitUntil(() => tracker.tracked?.status === 'cancelled', 'never saw the cancel', { timeout: 3000 });
      expect(events.map((d) => d.by)).to.deep.equal(['trader']);
    });
  });

  describe('OrdersPanel', () => {
    it('lists open orders, moves between tabs by keyboard, and asks before cancelling all', async () => {
      const t = ticketStack();
      const { host, ctx } = await mount(t);
      const client = getConnection(t.stack.proxyUrl);
      const { addOrder } = await import('../../../src/client/kucoin/orders.js');
      await addOrder(client.transport, { clientOid: newClientOid(), side: 'buy', symbol: 'BTC-USDT', type: 'limit', price: '60000', size: '0.001' });
      const panel = new OrdersPanel(ctx, new OrderTracker(ctx, () => {}));
      panel.watch();
      await show(host, () => panel.render(ctx.current!));
      await waitUntil(() => rows(host).length === 1, 'open orders never listed');
      expect(text(host, P.tab('open'))).to.equal('Open orders (1)');
      expect(qa(host, `${P.rows} [part~="cell"]`).length).to.equal(7);

      q<HTMLElement>(host, P.tab('open'))!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await host.updateComplete;
      expect(q(host, P.tab('history'))!.getAttribute('aria-selected')).to.equal('true');
      await waitUntil(() => text(host, P.panel).includes('No closed orders on BTC-USDT.'), 'history never loaded');
      await sendKeys({ press: 'Home' });
      await waitUntil(() => rows(host).length === 1);

      q<HTMLButtonElement>(host, P.cancelAll)!.click();
      await host.updateComplete;
      expect(text(host, P.orders)).to.contain('Cancel the open order on BTC-USDT?');
      panel.reset();
      await host.updateComplete;
      expect(q(host, P.cancelAllYes), 'another symbol drops the question').to.equal(null);
    });

    it('a vetoed cancel sends nothing and says so', async () => {
      const t = ticketStack();
      const { host, ctx } = await mount(t);
      const client = getConnection(t.stack.proxyUrl);
      const { addOrder } = await import('../../../src/client/kucoin/orders.js');
      const placed = await addOrder(client.transport, { clientOid: newClientOid(), side: 'buy', symbol: 'BTC-USDT', type: 'limit', price: '60000', size: '0.001' });
      const panel = new OrdersPanel(ctx, new OrderTracker(ctx, () => {}));
      await show(host, () => panel.render(ctx.current!));
      veto(host);
      await panel.cancelOrder({ orderId: placed.orderId });
      await host.updateComplete;
      expect(text(host, P.orders)).to.contain('Not sent');
      expect(t.count('DELETE ')).to.equal(0);
    });
  });

  describe('OrderForm', () => {
    it('checks, reviews when asked to, sends once with one clientOid, and shows the outcome', async () => {
      const t = ticketStack();
      const { host, ctx } = await mount(t);
      const tracker = new OrderTracker(ctx, () => {});
      let reviewFirst = true;
      let changed = 0;
      const form = new OrderForm(ctx, { tracker, onOrdersChanged: () => (changed += 1), lookupTiming: () => FAST_LOOKUP, reviewFirst: () => reviewFirst });
      form.setSymbol('BTC-USDT');
      await show(host, () => html`${renderOrderForm(form, ctx.current!)} ${renderReview(form)}
        ${renderOutcome({ form, tracker, cancelling: new Set(), cancel: () => {} })}`);

      form.place();
      await host.updateComplete;
      expect(text(host, P.error)).to.contain('nothing was sent');
      expect(qa(host, P.fieldErrors).length).to.be.greaterThan(0);

      await typeInto(host, 'price', '60000');
      await typeInto(host, 'size', '0.001');
      form.place();
      await host.updateComplete;
      expect(q(host, P.review)).to.exist;
      expect(form.blockedReason).to.equal('Review the order below, or go back to the form.');
      form.place();
      expect(t.sentTo('POST', HF_ORDER)).to.deep.equal([]);

      reviewFirst = false;
      form.backFromReview();
      form.place();
      form.place();
      await waitUntil(() => text(host, P.status).includes('Order placed'), 'never placed');
      expect(t.sentTo('POST', HF_ORDER).length).to.equal(1);
      expect(changed).to.equal(1);
      expect(tracker.tracked?.clientOid).to.equal(t.sentTo('POST', HF_ORDER)[0]!.body!.clientOid);
      expect(form.draft.size, 'the amount is spent').to.equal('');
    });
  });
});
