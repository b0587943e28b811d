// Looking back from the ticket: closed orders and fills filtered by time range, side and type
// (sent to the venue as startAt/endAt/side/type), an order's details and fills from any row, and
// the open orders of every symbol with Cancel.
import { expect, html, waitUntil } from '@open-wc/testing';
import { getMarginClient } from '../../../src/client/client.js';
import '../../../src/define/margin-order-ticket.js';
import { historyQuery, NO_FILTER } from '../../../src/elements/order-ticket/history-filter.js';
import { choose, clickOn, mountTicket, P, q, qa, settle, text } from './harness.js';
import { T0, ticketStack } from './helpers.js';

const ticket = () => html`<margin-order-ticket symbol="BTC-USDT" locale="en-US" poll-interval="60000"></margin-order-ticket>`;
const CLOSED = '/api/v3/hf/margin/orders/done';
const FILLS = '/api/v3/hf/margin/fills';

describe('history filter', () => {
  it('turns the typed range, side and type into the venue query', () => {
    expect(historyQuery(NO_FILTER)).to.deep.equal({ ok: true, query: {} });
    const from = '2026-12-03T10:00';
    const check = historyQuery({ from, to: '2026-12-03T10:05', side: 'sell', type: 'limit' });
    const startAt = new Date(from).getTime();
    // "to" covers the whole minute typed: 10:05:59.999.
    expect(check).to.deep.equal({ ok: true, query: { startAt, endAt: startAt + 5 * 60_000 + 59_999, side: 'sell', type: 'limit' } });
  });

  it('names the field that is wrong', () => {
    expect(historyQuery({ ...NO_FILTER, from: 'soon' })).to.deep.equal({ ok: false, field: 'from', reason: 'not-a-date' });
    expect(historyQuery({ ...NO_FILTER, from: '2026-12-03T10:00', to: '2026-12-03T09:59' })).to.deep.equal({ ok: false, field: 'to', reason: 'range-order' });
  });
});

describe('<margin-order-ticket>: history, details and every symbol', function () {
  this.timeout(20_000);

  async function withOrders() {
    const t = ticketStack();
    const client = getMarginClient(t.stack.proxyUrl);
    // A limit buy that rests, then is cancelled; a market sell that fills at once.
    const resting = await client.kucoin.addOrder({ clientOid: 'h-limit', side: 'buy', symbol: 'BTC-USDT', type: 'limit', price: '60000', size: '0.01', isIsolated: false });
    await client.kucoin.cancelOrderByOrderId({ orderId: resting.orderId, symbol: 'BTC-USDT' });
    const sold = await client.kucoin.addOrder({ clientOid: 'h-market', side: 'sell', symbol: 'BTC-USDT', type: 'market', size: '0.02', isIsolated: false });
    const el = await mountTicket(ticket());
    return { t, el, client, resting, sold };
  }

  it('filters closed orders and fills by side and type, as the venue filters them', async () => {
    const { t, el } = await withOrders();
    await clickOn(el, P.tab('history'));
    await waitUntil(() => qa(el, P.rows).length === 2, 'two closed orders', { timeout: 4000 });
    await choose(el, '#history-side', 'sell');
    await waitUntil(() => qa(el, P.rows).length === 1, 'only the sell', { timeout: 4000 });
    expect(text(el, P.rows)).to.contain('Sell').and.contain('Market');
    expect(t.sentTo('GET', CLOSED).at(-1)!.query).to.contain('side=sell');
    await choose(el, '#history-side', '');
    await choose(el, '#history-type', 'limit');
    await waitUntil(() => qa(el, P.rows).length === 1 && text(el, P.rows).includes('Limit'), 'only the limit order', { timeout: 4000 });
    expect(t.sentTo('GET', CLOSED).at(-1)!.query).to.contain('type=limit').and.not.contain('side=');
    // A range that ends before the orders (the sandbox clock stands at T0) lists none; the venue got startAt/endAt.
    const input = q<HTMLInputElement>(el, '#history-to')!;
    const before = new Date(T0 - 3_600_000);
    const local = new Date(before.getTime() - before.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    input.value = local;
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await waitUntil(() => qa(el, P.rows).length === 0 && !q(el, `${P.panel} [part~="skeleton"]`), 'none before the orders', { timeout: 4000 });
    expect(t.sentTo('GET', CLOSED).at(-1)!.query).to.contain('endAt=');
    // Fills share the filter: the market sell filled, the limit buy did not.
    await choose(el, '#history-type', '');
    input.value = '';
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await clickOn(el, P.tab('fills'));
    await waitUntil(() => qa(el, P.rows).length > 0, 'fills', { timeout: 4000 });
    await choose(el, '#history-side', 'buy');
    await waitUntil(() => qa(el, P.rows).length === 0 && t.sentTo('GET', FILLS).at(-1)!.query.includes('side=buy'), 'no buy fills', { timeout: 4000 });
  });

  it('shows every field of an order and its fills from a row', async () => {
    const { el, client, sold } = await withOrders();
    await clickOn(el, P.tab('history'));
    await waitUntil(() => qa(el, P.rows).length === 2, 'two closed orders', { timeout: 4000 });
    const row = qa(el, P.rows).find((r) => r.textContent!.includes('Sell'))!;
    row.querySelector<HTMLButtonElement>('[part~="details-button"]')!.click();
    await waitUntil(() => q(el, '[part~="order-details"] dl'), 'no details', { timeout: 4000 });
    const order = await client.kucoin.getOrderByOrderId({ orderId: sold.orderId, symbol: 'BTC-USDT' });
    const field = (name: string) => text(el, `[part~="order-details"] dd[data-field="${name}"]`);
    expect(field('id')).to.equal(sold.orderId);
    expect(field('timeInForce')).to.equal(order.timeInForce);
    expect(field('postOnly')).to.equal('no');
    expect(field('hidden')).to.equal('no');
    expect(field('iceberg')).to.equal('no');
    expect(field('stp')).to.equal('—');
    expect(field('dealSize')).to.equal('0.02000000'); // at baseIncrement 0.00000001
    expect(field('fee')).to.contain(order.feeCurrency);
    const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, minimumFractionDigits: 6 });
    expect(field('dealFunds')).to.equal(fmt.format(Number(order.dealFunds.toString())));
    const fills = await client.kucoin.getTradeHistory({ symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE', orderId: sold.orderId });
    await waitUntil(() => qa(el, '[part~="order-details"] [part~="row"]').length === fills.items.length, 'the order fills', { timeout: 4000 });
    expect(fills.items.length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    await clickOn(el, '[part~="order-details"] [part~="close"]');
    expect(q(el, '[part~="order-details"]')).to.equal(null);
  });

  it('lists open orders in every symbol and cancels one from there', async () => {
    const t = ticketStack();
    const client = getMarginClient(t.stack.proxyUrl);
    await client.kucoin.addOrder({ clientOid: 'a-btc', side: 'buy', symbol: 'BTC-USDT', type: 'limit', price: '60000', size: '0.01', isIsolated: false });
    const eth = await client.kucoin.addOrder({ clientOid: 'a-eth', side: 'buy', symbol: 'ETH-USDT', type: 'limit', price: '1000', size: '0.1', isIsolated: false });
    const el = await mountTicket(ticket());
    await clickOn(el, '[part~="all-symbols"]');
    const allRows = () => qa(el, '[part~="all-open"] [part~="row"]');
    await waitUntil(() => allRows().length === 2, 'two open orders across symbols', { timeout: 4000 });
    expect(allRows().map((r) => r.textContent!.includes('ETH-USDT') || r.textContent!.includes('BTC-USDT'))).to.deep.equal([true, true]);
    expect(t.count('GET /api/v3/hf/margin/order/active/symbols')).to.be.greaterThan(0);
    allRows().find((r) => r.textContent!.includes('ETH-USDT'))!.querySelector<HTMLButtonElement>('[part~="cancel"]')!.click();
    await waitUntil(() => allRows().length === 1, 'the ETH order cancelled', { timeout: 4000 });
    expect(await client.kucoin.getOpenOrders({ symbol: 'ETH-USDT', tradeType: 'MARGIN_TRADE' })).to.deep.equal([]);
    expect(eth.orderId).to.be.a('string');
    await settle(el);
  });
});
