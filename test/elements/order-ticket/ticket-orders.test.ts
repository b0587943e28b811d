import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { getMarginClient } from '../../../src/client/client.js';
import { newClientOid } from '../../../src/core/client-oid.js';
import '../../../src/define/margin-order-ticket.js';
import type { MarginOrderTicket } from '../../../src/define/margin-order-ticket.js';
import type {
  MarginOrderCancelledEvent,
  MarginOrderFilledEvent,
  MarginOrderPlacedEvent,
} from '../../../src/elements/order-ticket/events.js';
import type { MarginBeforeSubmitEvent } from '../../../src/elements/shared/events.js';
import { captureLitWarnings } from '../../helpers/lit-warnings.js';
import { check, choose, clickOn, mountTicket, P, q, qa, radio, settle, text, typeInto } from './harness.js';
import { HF_ORDER, ticketStack, type TicketStack } from './helpers.js';

function ticket(pollInterval = 60_000, symbol = 'BTC-USDT', mode = 'cross') {
  return html`<margin-order-ticket symbol=${symbol} margin-mode=${mode} locale="en-US" poll-interval=${pollInterval}></margin-order-ticket>`;
}

async function place(el: MarginOrderTicket, price: string, size: string): Promise<MarginOrderPlacedEvent['detail']> {
  await typeInto(el, 'price', price);
  await typeInto(el, 'size', size);
  const placed = oneEvent(el, 'margin-order-placed') as Promise<MarginOrderPlacedEvent>;
  await clickOn(el, P.place);
  return (await placed).detail;
}

const rows = (el: MarginOrderTicket) => qa(el, P.rows);

/** Done orders and fills straight through the client: a market sell of the minimum size, `n` times. */
async function marketSells(t: TicketStack, n: number): Promise<void> {
  const client = getMarginClient(t.stack.proxyUrl);
  for (let i = 0; i < n; i += 1) {
    await client.kucoin.addOrder({ clientOid: newClientOid(), side: 'sell', symbol: 'BTC-USDT', type: 'market', size: '0.00001' });
  }
}

describe('<margin-order-ticket>: placing, tracking, cancelling, the orders below', () => {
  let lit: ReturnType<typeof captureLitWarnings>;
  beforeEach(() => {
    lit = captureLitWarnings();
  });
  afterEach(() => {
    lit.stop();
    expect(lit.warnings, lit.warnings.join('\n')).to.deep.equal([]);
  });

  it('places, tracks the order in the book, and reports the fill when the mark crosses it', async () => {
    const t = ticketStack();
    const el = await mountTicket(ticket(250));
    const detail = await place(el, '60000', '0.001');
    expect(detail.orderId).to.match(/^[0-9a-f]{24}$/);
    expect(detail.confirmedBy).to.equal('answer');
    expect(detail.borrowSize).to.equal(undefined);
    expect(detail.loanApplyId).to.equal(undefined);
    expect([detail.symbol, detail.side, detail.type, detail.marginMode]).to.deep.equal(['BTC-USDT', 'buy', 'limit', 'cross']);
    await waitUntil(() => text(el, P.status).includes('In the book'), 'status never read');
    expect(text(el, P.status)).to.contain('Order placed: Buy 0.001 BTC at 60,000.0 USDT.');
    expect(text(el, P.status)).to.contain(`Order id ${detail.orderId}, client id ${detail.clientOid}.`);
    expect(t.count(`GET /api/v3/hf/margin/orders/${detail.orderId}?symbol=BTC-USDT`)).to.be.greaterThan(0);
    await waitUntil(() => rows(el).length === 1, 'open orders never listed it');
    expect(text(el, P.tab('open'))).to.equal('Open orders (1)');
    await expect(el).to.be.accessible();

    const filled = oneEvent(el, 'margin-order-filled') as Promise<MarginOrderFilledEvent>;
    t.stack.sandbox.state.markPrices.set('BTC-USDT', '59999.9');
    const fill = (await filled).detail;
    expect(fill).to.deep.equal({
      orderId: detail.orderId,
      clientOid: detail.clientOid,
      symbol: 'BTC-USDT',
      side: 'buy',
      dealSize: '0.001',
      dealFunds: '60',
      fee: '0.048',
      feeCurrency: 'USDT',
      complete: true,
    });
    await waitUntil(() => text(el, P.status).includes('Filled'));
    await waitUntil(() => rows(el).length === 0, 'the filled order stayed in the open list');
  });

  it('auto-borrow: the placed event carries borrowSize and loanApplyId, and the ticket says what was borrowed', async () => {
    ticketStack();
    const el = await mountTicket(ticket());
    await check(el, '#autoBorrow');
    const detail = await place(el, '60000', '2');
    expect(detail.loanApplyId).to.be.a('string').and.not.equal('');
    expect(detail.borrowSize).to.match(/^\d+(\.\d+)?$/);
    expect(Number(detail.borrowSize) > 0).to.equal(true);
    expect(text(el, P.status)).to.contain('Borrowed').and.contain('USDT for it');
  });

  it('a market order fills at once: placed, then filled', async () => {
    ticketStack();
    const el = await mountTicket(ticket(250));
    radio(el, 'side', 'sell').click();
    radio(el, 'type', 'market').click();
    await el.updateComplete;
    expect(text(el, P.place)).to.equal('Sell BTC');
    await typeInto(el, 'size', '0.001');
    const filled = oneEvent(el, 'margin-order-filled') as Promise<MarginOrderFilledEvent>;
    await clickOn(el, P.place);
    const fill = (await filled).detail;
    expect([fill.side, fill.dealSize, fill.complete]).to.deep.equal(['sell', '0.001', true]);
  });

  it('cancels one order by orderId from the list and the tracked one by clientOid; each fires margin-order-cancelled', async () => {
    const t = ticketStack();
    const el = await mountTicket(ticket(250));
    const first = await place(el, '60000', '0.001');
    const second = await place(el, '59000', '0.002');
    await waitUntil(() => rows(el).length === 2);

    const before = oneEvent(el, 'margin-before-submit') as Promise<MarginBeforeSubmitEvent>;
    const cancelled = oneEvent(el, 'margin-order-cancelled') as Promise<MarginOrderCancelledEvent>;
    const row = rows(el).find((r) => r.textContent!.includes('60,000.0'))!;
    expect(row.querySelector('button')!.getAttribute('aria-label')).to.equal('Cancel Buy 0.001 BTC at 60,000.0 USDT');
    row.querySelector('button')!.click();
    expect((await before).detail).to.deep.equal({ venue: 'kucoin', action: 'cancel-order', params: { orderId: first.orderId, symbol: 'BTC-USDT' } });
    expect((await cancelled).detail).to.deep.equal({
      symbol: 'BTC-USDT', scope: 'order', orderId: first.orderId, clientOid: first.clientOid, by: 'trader',
    });
    expect(t.count(`DELETE /api/v3/hf/margin/orders/${first.orderId}?symbol=BTC-USDT`)).to.equal(1);
    await waitUntil(() => rows(el).length === 1);

    await waitUntil(() => q(el, `${P.status} button:not([aria-disabled="true"])`) && text(el, P.status).includes('In the book'));
    const trackedCancel = oneEvent(el, 'margin-order-cancelled') as Promise<MarginOrderCancelledEvent>;
    const statusButton = qa<HTMLButtonElement>(el, `${P.status} button`).find((b) => b.textContent!.includes('Cancel this order'))!;
    statusButton.click();
    const d = (await trackedCancel).detail;
    expect([d.scope, d.clientOid, d.orderId, d.by]).to.deep.equal(['order', second.clientOid, second.orderId, 'trader']);
    expect(t.count(`DELETE /api/v3/hf/margin/orders/client-order/${second.clientOid}?symbol=BTC-USDT`)).to.equal(1);
    await waitUntil(() => text(el, P.status).includes('Cancelled'), 'the tracked order never showed cancelled');
    await waitUntil(() => rows(el).length === 0);
    expect(text(el, P.panel)).to.contain('No open orders on BTC-USDT.');
  });

  it('cancel all for the symbol: asks first, then one DELETE, one event with the ids that were open', async () => {
    const t = ticketStack();
    const el = await mountTicket(ticket());
    const a = await place(el, '60000', '0.001');
    const b = await place(el, '59000', '0.001');
    await waitUntil(() => rows(el).length === 2);
    await clickOn(el, P.cancelAll);
    expect(text(el, P.orders)).to.contain('Cancel all 2 open orders on BTC-USDT?');
    expect(el.shadowRoot!.activeElement?.id).to.equal('cancel-all-yes');
    await expect(el).to.be.accessible();
    expect(t.count('DELETE /api/v3/hf/margin/orders?')).to.equal(0);
    const cancelled = oneEvent(el, 'margin-order-cancelled') as Promise<MarginOrderCancelledEvent>;
    await clickOn(el, P.cancelAllYes);
    const detail = (await cancelled).detail;
    expect([detail.scope, detail.symbol, detail.by]).to.deep.equal(['symbol', 'BTC-USDT', 'trader']);
    expect([...detail.orderIds!].sort()).to.deep.equal([a.orderId, b.orderId].sort());
    expect(t.count('DELETE /api/v3/hf/margin/orders?symbol=BTC-USDT&tradeType=MARGIN_TRADE')).to.equal(1);
    await waitUntil(() => rows(el).length === 0);
    expect(await t.ordersAtVenue('BTC-USDT')).to.equal(2);
  });

  it('closed orders and fills, paged with lastId; axe on each tab', async () => {
    const t = ticketStack();
    await marketSells(t, 21);
    const el = await mountTicket(ticket());
    await clickOn(el, P.tab('history'));
    await waitUntil(() => rows(el).length === 20, 'first page of closed orders');
    expect(q(el, P.tab('history'))!.getAttribute('aria-selected')).to.equal('true');
    expect(text(el, P.rows)).to.contain('Sell').and.contain('Filled');
    await expect(el).to.be.accessible();
    const more = qa<HTMLButtonElement>(el, `${P.panel} button`).find((b) => b.textContent!.trim() === 'Load more')!;
    more.click();
    await waitUntil(() => rows(el).length === 21, 'second page of closed orders');
    const lastIdQueries = t.sent.filter((r) => r.path === '/api/v3/hf/margin/orders/done').map((r) => new URLSearchParams(r.query).get('lastId'));
    expect(lastIdQueries[0]).to.equal(null);
    expect(lastIdQueries[1]).to.match(/^\d+$/);
    expect(qa(el, `${P.panel} button`).some((b) => b.textContent!.trim() === 'Load more')).to.equal(false);

    await clickOn(el, P.tab('fills'));
    await waitUntil(() => rows(el).length === 20, 'first page of fills');
    expect(text(el, P.rows)).to.contain('Taker');
    await expect(el).to.be.accessible();
    qa<HTMLButtonElement>(el, `${P.panel} button`).find((b) => b.textContent!.trim() === 'Load more')!.click();
    await waitUntil(() => rows(el).length >= 21, 'second page of fills');
    expect(t.sent.filter((r) => r.path === '/api/v3/hf/margin/fills').some((r) => /lastId=\d+/.test(r.query))).to.equal(true);
  });

  it('the symbol picker marks symbols with open orders and switches the whole ticket', async () => {
    const t = ticketStack();
    await getMarginClient(t.stack.proxyUrl).kucoin.addOrder({
      clientOid: newClientOid(), side: 'buy', symbol: 'ETH-USDT', type: 'limit', price: '3000', size: '0.01',
    });
    const el = await mountTicket(html`<margin-order-ticket locale="en-US" poll-interval="300"></margin-order-ticket>`);
    const select = q<HTMLSelectElement>(el, '#symbol')!;
    await waitUntil(() => [...select.options].some((o) => o.textContent!.includes('open orders')));
    const eth = [...select.options].find((o) => o.value === 'ETH-USDT')!;
    expect(eth.textContent!.trim()).to.equal('● ETH-USDT (open orders)');
    expect([...select.options].find((o) => o.value === 'LUNC-USDT')!.textContent).to.contain('trading off');
    expect(select.value).to.equal('BTC-USDT');
    await expect(el).to.be.accessible();
    await choose(el, '#symbol', 'ETH-USDT');
    await waitUntil(() => rows(el).length === 1, 'ETH open orders never listed');
    expect(q(el, 'label[for="size"]')!.textContent).to.equal('Size (ETH)');
    await waitUntil(() => text(el, P.markPrice).includes('3,412.57'), 'no ETH mark price', { timeout: 3000 });
  });

  it('leverage: checked before sending (above 1, two decimals, the maximum), then sent as typed', async () => {
    const t = ticketStack();
    const el = await mountTicket(ticket());
    await waitUntil(() => text(el, '#leverage-hint').includes('at most 5×'));
    const set = async (value: string) => {
      await typeInto(el, 'leverage', value);
      q<HTMLFormElement>(el, P.leverage)!.requestSubmit();
      await settle(el);
    };
    for (const [value, words] of [
      ['1', 'Must be more than 1'],
      ['2.555', 'At most 2 decimal places'],
      ['6', 'At most the maximum leverage 5×'],
      ['', 'Required'],
    ] as const) {
      await set(value);
      expect(text(el, '#leverage-error'), value).to.equal(words);
      expect(q(el, '#leverage')!.getAttribute('aria-invalid')).to.equal('true');
    }
    expect(t.sentTo('POST', '/api/v3/position/update-user-leverage')).to.deep.equal([]);
    await expect(el).to.be.accessible();
    await set('3.5');
    await waitUntil(() => text(el, P.leverage).includes('Leverage set to 3.5×.'));
    expect(t.sentTo('POST', '/api/v3/position/update-user-leverage')[0]!.body).to.deep.equal({ isIsolated: false, leverage: '3.5' });

    const iso = await mountTicket(ticket(60_000, 'XRP-USDT', 'isolated'));
    await waitUntil(() => text(iso, '#leverage-hint').includes('at most 5×'));
    await typeInto(iso, 'leverage', '4');
    q<HTMLFormElement>(iso, P.leverage)!.requestSubmit();
    await waitUntil(() => text(iso, P.leverage).includes('Leverage set to 4×.'));
    expect(t.sentTo('POST', '/api/v3/position/update-user-leverage')[1]!.body).to.deep.equal({ symbol: 'XRP-USDT', isIsolated: true, leverage: '4' });
  });

  it('isolated margin: open orders, cancel all and history use MARGIN_ISOLATED_TRADE', async () => {
    const t = ticketStack();
    const el = await mountTicket(ticket(60_000, 'SOL-USDT', 'isolated'));
    await place(el, '140', '1');
    await waitUntil(() => rows(el).length === 1);
    expect(t.count('GET /api/v3/hf/margin/orders/active?symbol=SOL-USDT&tradeType=MARGIN_ISOLATED_TRADE')).to.be.greaterThan(0);
    expect(t.count('GET /api/v3/hf/margin/order/active/symbols?tradeType=MARGIN_ISOLATED_TRADE')).to.be.greaterThan(0);
    await clickOn(el, P.cancelAll);
    await clickOn(el, P.cancelAllYes);
    await waitUntil(() => rows(el).length === 0);
    expect(t.count('DELETE /api/v3/hf/margin/orders?symbol=SOL-USDT&tradeType=MARGIN_ISOLATED_TRADE')).to.equal(1);
  });
});
