/**
 * The orders below the ticket: open orders (polled, with Cancel and Cancel all), order history
 * and fills (paged with `lastId`), as tabs. Every cancel can be vetoed by the page
 * (`margin-before-submit`) and is reported once (`margin-order-cancelled`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MarginFill, MarginOrder, MarginTradeType } from '../../client/kucoin/orders.js';
import type { Transport } from '../../client/transport.js';
import {
  cancelAllOrdersBySymbol,
  cancelOrderByClientOid,
  cancelOrderByOrderId,
  getClosedOrders,
  getTradeHistory,
} from '../../client/kucoin/orders.js';
import { renderDataTable, type Column } from '../shared/blocks/data-table.js';
import { renderEmpty, renderError, renderSkeleton, renderStaleBadge } from '../shared/blocks/status.js';
import { renderTabList, renderTabPanel, TabsController } from '../shared/blocks/tabs.js';
import { describeError } from '../shared/describe-error.js';
import { MarginBeforeSubmitEvent } from '../shared/events.js';
import { PollController } from '../shared/poll-controller.js';
import { openOrders, openOrderSymbols } from '../shared/resources.js';
import { fillColumns, historyColumns, openOrderColumns } from './order-columns.js';
import { describeOrderError } from './order-errors.js';
import type { HistoryQuery } from './history-filter.js';
import { OrderHistory } from './order-history.js';
import type { OrderTracker } from './order-tracker.js';
import { PagedList, type Paged } from './paged-list.js';
import { ticketStrings as t } from './strings.js';
import type { TicketSymbol } from './symbols.js';
import { renderNotices, reportFailure, requireClient, TicketPart, type Message, type TicketContext } from './ticket-context.js';

export type OrdersTab = 'open' | 'history' | 'fills';
const TABS: readonly OrdersTab[] = ['open', 'history', 'fills'];
const HISTORY_PAGE = 20;

export type CancelTarget = { orderId: string } | { clientOid: string };

export class OrdersPanel extends TicketPart {
  readonly open = new PollController<MarginOrder[]>(this.host);
  /** The symbols with open orders, for the symbol picker. */
  readonly openSymbols = new PollController<string[]>(this.host);
  readonly tabs = new TabsController<OrdersTab>(this.host, { tabs: () => TABS, initial: 'open', onSelect: (tab) => void this.load(tab, false) });
  readonly history = this.pagedList<MarginOrder>('load-orders', (p, signal) => getClosedOrders(requireClient(this.ctx).transport, p, { signal }));
  readonly fills = this.pagedList<MarginFill>('load-fills', (p, signal) => getTradeHistory(requireClient(this.ctx).transport, p, { signal }));
  /** Order ids, client ids and `all:SYMBOL` being cancelled now. */
  cancelling = new Set<string>();
  confirmCancelAll = false;
  message: Message | undefined;
  /** Filters, an order's details and fills, open orders in every symbol. */
  readonly tools: OrderHistory = new OrderHistory(this.ctx, {
    onFilterChange: () => {
      this.history.reset();
      this.fills.reset();
      void this.load(this.tabs.selected, false);
    },
    actions: (o) => this.orderActions(o),
  });

  constructor(
    ctx: TicketContext,
    private readonly tracker: OrderTracker,
  ) {
    super(ctx);
  }

  hostDisconnected(): void {
    this.history.abort();
    this.fills.abort();
  }

  /** Polls the open orders of the symbol traded (and the symbols with any) in the ticket's trade type. */
  watch(): void {
    const { client, tradeType, symbol, pollInterval, current } = this.ctx;
    this.openSymbols.watch(client, openOrderSymbols(tradeType), pollInterval);
    // A symbol the venue does not list has no orders to ask for (the venue would only refuse).
    const listed = symbol && current?.disabledReason !== 'not-listed';
    this.open.watch(client, listed ? openOrders({ tradeType, symbol }) : undefined, pollInterval);
  }

  /** Another symbol or margin mode: closed orders and fills start again, questions asked are dropped. */
  reset(): void {
    this.confirmCancelAll = false;
    this.message = undefined;
    this.history.reset();
    this.fills.reset();
    this.tools.closeDetails();
    void this.load(this.tabs.selected, false);
  }

  /** Something changed at the venue (an order placed, filled or cancelled): read again what is shown. */
  refresh(): void {
    this.open.refresh();
    this.openSymbols.refresh();
    this.tools.refresh();
    void this.load(this.tabs.selected, false);
  }

  /** Cancels one order by `orderId` or by `clientOid`; resolves when the venue answered. */
  async cancelOrder(target: CancelTarget, symbol = this.ctx.symbol): Promise<void> {
    const key = 'orderId' in target ? target.orderId : target.clientOid;
    await this.cancel(key, 'cancel-order', { ...target, symbol }, async (transport) => {
      let orderId: string | undefined;
      let clientOid: string | undefined;
      if ('orderId' in target) {
        orderId = (await cancelOrderByOrderId(transport, { orderId: target.orderId, symbol })).orderId;
      } else {
        clientOid = (await cancelOrderByClientOid(transport, { clientOid: target.clientOid, symbol })).clientOid;
        if (this.tracker.tracked?.clientOid === clientOid) orderId = this.tracker.tracked.orderId;
      }
      const order = this.open.state.value?.find((o) => o.id === orderId || (clientOid !== undefined && o.clientOid === clientOid));
      clientOid ??= order?.clientOid;
      orderId ??= order?.id;
      this.tracker.reportCancel({ symbol, scope: 'order', orderId, clientOid, by: 'trader' });
      return t.orders.cancelled(order ? this.format.summary(order) : key);
    });
  }

  /** Cancels every open order of the symbol (in this margin mode). */
  async cancelAll(symbol = this.ctx.symbol): Promise<void> {
    this.confirmCancelAll = false;
    const params = { symbol, tradeType: this.ctx.tradeType };
    const openIds = (this.open.state.value ?? []).map((o) => o.id);
    await this.cancel(`all:${symbol}`, 'cancel-all-orders', params, async (transport) => {
      await cancelAllOrdersBySymbol(transport, params);
      this.tracker.reportCancel({ symbol, scope: 'symbol', by: 'trader', orderIds: openIds });
      return t.orders.cancelledAll(symbol);
    });
  }

  /** One cancel at a time per key: veto, send, say what happened, read the orders again. */
  private async cancel(
    key: string,
    action: 'cancel-order' | 'cancel-all-orders',
    params: Record<string, unknown>,
    send: (transport: Transport) => Promise<string>,
  ): Promise<void> {
    if (this.cancelling.has(key)) return;
    const before = new MarginBeforeSubmitEvent({ venue: 'kucoin', action, params });
    this.host.dispatchEvent(before);
    if (before.defaultPrevented) {
      this.message = { tone: 'info', text: () => t.vetoed };
      return this.changed();
    }
    this.cancelling = new Set([...this.cancelling, key]);
    this.message = undefined;
    this.changed();
    try {
      this.message = { tone: 'info', text: await send(requireClient(this.ctx).transport) };
    } catch (error) {
      this.message = reportFailure(this.ctx, error, action);
    } finally {
      const next = new Set(this.cancelling);
      next.delete(key);
      this.cancelling = next;
      this.changed();
      this.refresh();
      this.tracker.resume();
    }
  }

  private pagedList<T>(
    action: string,
    read: (params: { symbol: string; tradeType: MarginTradeType; limit: number; lastId?: number } & HistoryQuery, signal: AbortSignal) => Promise<{ items: T[]; lastId?: number }>,
  ): PagedList<T> {
    return new PagedList<T>({
      pageSize: HISTORY_PAGE,
      load: (lastId, signal) => read({ symbol: this.ctx.symbol, tradeType: this.ctx.tradeType, limit: HISTORY_PAGE, lastId, ...this.tools.query }, signal),
      onChange: () => this.changed(),
      onError: (error) => {
        const message = describeError(error);
        this.ctx.emitError(error, action, message);
        return message;
      },
    });
  }

  private async load(tab: OrdersTab, more: boolean): Promise<void> {
    if (!this.ctx.client || !this.ctx.symbol || tab === 'open') return;
    await (tab === 'history' ? this.history : this.fills).load(more);
  }

  // ---- rendering --------------------------------------------------------------------------

  render(current: TicketSymbol): TemplateResult {
    const count = this.open.state.value?.length;
    return html`
      <section part="orders" aria-labelledby="orders-title">
        <h3 id="orders-title" class="visually-hidden">${t.orders.label}</h3>
        ${renderTabList(this.tabs, { labelledBy: 'orders-title', text: (tab) => `${t.orders[tab]}${tab === 'open' && count !== undefined ? ` (${count})` : ''}` })}
        ${renderNotices(this.message)}
        ${renderTabPanel(this.tabs, (tab) =>
          tab === 'open'
            ? this.renderOpen(current)
            : tab === 'history'
              ? html`${this.tools.renderFilter()}${this.renderPaged(this.history.state, t.orders.noHistory(current.symbol), tab, (items) =>
                  renderDataTable({ label: t.orders.history, columns: [...historyColumns(this.format, current), this.detailsColumn<MarginOrder>((o) => [o.id, o.symbol, this.format.summary(o)])], rows: items }),
                )}`
              : html`${this.tools.renderFilter()}${this.renderPaged(this.fills.state, t.orders.noFills(current.symbol), tab, (items) =>
                  renderDataTable({ label: t.orders.fills, columns: [...fillColumns(this.format, current), this.detailsColumn<MarginFill>((f) => [f.orderId, f.symbol, f.orderId])], rows: items }),
                )}`,
        )}
        ${this.tools.renderDetails(current)}
      </section>
    `;
  }

  private renderOpen(current: TicketSymbol): TemplateResult {
    if (current.disabledReason === 'not-listed') return renderEmpty(t.orders.unknownSymbol(current.symbol));
    const { value: orders, error, stale } = this.open.state;
    const head = html`<div class="orders-head"><span>${renderStaleBadge(stale)}</span>${orders?.length ? this.renderCancelAll(orders.length, current.symbol) : nothing}</div>`;
    if (!orders) return html`${head}${error ? renderError(describeOrderError(error), () => this.open.refresh()) : renderSkeleton(2, t.orders.loading)}`;
    if (orders.length === 0) return html`${head}${renderEmpty(t.orders.noOpen(current.symbol))}`;
    const columns = openOrderColumns(this.format, current, (o) => this.orderActions(o));
    return html`${head}${renderDataTable({ label: t.orders.open, columns, rows: orders })}${this.tools.renderAllOpen(current)}`;
  }

  /** An open order's Cancel and Details (in this symbol's list and in every symbol's). */
  private orderActions(o: MarginOrder): TemplateResult {
    const busy = this.cancelling.has(o.id);
    return html`<button
        type="button"
        part="cancel"
        class="small"
        aria-label=${t.orders.cancelLabel(this.format.summary(o))}
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => void this.cancelOrder({ orderId: o.id }, o.symbol)}
      >
        ${busy ? t.orders.cancelling : t.orders.cancel}</button
      >${this.tools.detailsButton(o.id, o.symbol, this.format.summary(o))}`;
  }

  /** A last column with each row's Details (the order's every field and its fills). */
  private detailsColumn<R>(of: (row: R) => [orderId: string, symbol: string, summary: string]): Column<R> {
    return { header: t.history.details, cell: (row) => this.tools.detailsButton(...of(row)) };
  }

  private renderCancelAll(count: number, symbol: string): TemplateResult {
    if (this.confirmCancelAll) {
      return html`<span>
        ${t.orders.cancelAllConfirm(count, symbol)}
        <button type="button" part="confirm" id="cancel-all-yes" @click=${() => void this.cancelAll(symbol)}>${t.orders.cancelAllYes}</button>
        <button type="button" @click=${() => ((this.confirmCancelAll = false), this.changed())}>${t.orders.cancelAllNo}</button>
      </span>`;
    }
    return html`<button
      type="button"
      part="cancel"
      id="cancel-all"
      aria-disabled=${this.cancelling.has(`all:${symbol}`) ? 'true' : 'false'}
      @click=${() => {
        this.confirmCancelAll = true;
        this.changed();
        this.focusAfterUpdate('#cancel-all-yes');
      }}
    >
      ${t.orders.cancelAll(symbol)}
    </button>`;
  }

  private renderPaged<T>(paged: Paged<T>, empty: string, tab: OrdersTab, table: (items: T[]) => TemplateResult): TemplateResult {
    return html`
      ${paged.error ? renderError(paged.error, () => void this.load(tab, paged.items.length > 0)) : nothing}
      ${paged.items.length === 0 && !paged.loading && !paged.error ? renderEmpty(empty) : nothing}
      ${paged.items.length > 0 ? table(paged.items) : nothing}
      ${paged.loading ? renderSkeleton(1, t.orders.loading) : nothing}
      ${paged.more && !paged.loading ? html`<button type="button" @click=${() => void this.load(tab, true)}>${t.orders.loadMore}</button>` : nothing}
    `;
  }
}
