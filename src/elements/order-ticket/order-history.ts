/**
 * What the orders panel adds for looking back: closed orders and fills filtered by time range,
 * side and type; one order's details (every field the venue returns) and its fills, from any
 * row; and the open orders of every symbol ("Get Symbols With Open Order" + "Get Open Orders"),
 * each with Cancel. The panel owns the lists; this part owns the filter, the details and the
 * all-symbols list.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MarginFill, MarginOrder, OrderSide, OrderType } from '../../client/kucoin/orders.js';
import { getOrderByOrderId, getTradeHistory } from '../../client/kucoin/orders.js';
import { getAllOpenOrders } from '../../client/open-orders.js';
import { renderDataTable, type Column } from '../shared/blocks/data-table.js';
import { renderField } from '../shared/blocks/field.js';
import { renderEmpty, renderError, renderSkeleton } from '../shared/blocks/status.js';
import { describeError } from '../shared/describe-error.js';
import { historyQuery, NO_FILTER, type HistoryFilter, type HistoryQuery } from './history-filter.js';
import { fillColumns, openOrderColumns } from './order-columns.js';
import { orderStatus } from './order-status.js';
import { ticketStrings } from './strings.js';
import type { TicketSymbol } from './symbols.js';
import { requireClient, TicketPart, type TicketContext } from './ticket-context.js';

const t = () => ticketStrings.history;

type Load<T> = { value?: T; error?: unknown; loading: boolean };

export interface OrderHistoryOptions {
  /** The filter changed: read the closed orders and fills again. */
  onFilterChange(): void;
  /** An open order's Cancel and Details (the panel's, with its veto and report). */
  actions(order: MarginOrder): TemplateResult;
}

export class OrderHistory extends TicketPart {
  filter: HistoryFilter = NO_FILTER;
  private details: { orderId: string; symbol: string; order: Load<MarginOrder>; fills: Load<MarginFill[]> } | undefined;
  private showAll = false;
  private all: Load<MarginOrder[]> = { loading: false };

  constructor(
    ctx: TicketContext,
    private readonly options: OrderHistoryOptions,
  ) {
    super(ctx);
  }

  /** The venue query of the filter, or none while it is invalid. */
  get query(): HistoryQuery {
    const check = historyQuery(this.filter);
    return check.ok ? check.query : {};
  }

  private setFilter(patch: Partial<HistoryFilter>): void {
    this.filter = { ...this.filter, ...patch };
    this.changed();
    if (historyQuery(this.filter).ok) this.options.onFilterChange();
  }

  /** Opens an order's details: the order as the venue has it now, and its fills. */
  async openDetails(orderId: string, symbol: string): Promise<void> {
    type Details = NonNullable<OrderHistory['details']>;
    const details: Details = { orderId, symbol, order: { loading: true }, fills: { loading: true } };
    this.details = details;
    this.changed();
    this.focusAfterUpdate('#order-details-title');
    const transport = requireClient(this.ctx).transport;
    const settle = async <T>(load: () => Promise<T>, put: (d: Details, l: Load<T>) => Details, action: string) => {
      let loaded: Load<T>;
      try {
        loaded = { value: await load(), loading: false };
      } catch (error) {
        loaded = { error, loading: false };
        this.ctx.emitError(error, action, describeError(error));
      }
      // A later Details replaced this one: its answers count for nothing.
      if (this.details?.orderId === orderId) this.details = put(this.details, loaded);
      this.changed();
    };
    await Promise.all([
      settle(() => getOrderByOrderId(transport, { orderId, symbol }), (d, order) => ({ ...d, order }), 'load-order'),
      settle(
        async () => (await getTradeHistory(transport, { symbol, tradeType: this.ctx.tradeType, orderId, limit: 100 })).items,
        (d, fills) => ({ ...d, fills }),
        'load-fills',
      ),
    ]);
  }

  closeDetails(): void {
    this.details = undefined;
    this.changed();
  }

  /** Reads the open orders of every symbol again (shown only). */
  refresh(): void {
    if (this.showAll) void this.loadAll();
  }

  private async loadAll(): Promise<void> {
    this.all = { ...this.all, loading: true, error: undefined };
    this.changed();
    try {
      this.all = { value: await getAllOpenOrders(requireClient(this.ctx).transport, { tradeType: this.ctx.tradeType }), loading: false };
    } catch (error) {
      this.all = { ...this.all, error, loading: false };
      this.ctx.emitError(error, 'load-orders', describeError(error));
    }
    this.changed();
  }

  // ---- rendering --------------------------------------------------------------------------

  /** `part="filters"`: time range, side and type of the closed orders and fills. */
  renderFilter(): TemplateResult {
    const f = this.filter;
    const check = historyQuery(f);
    const error = (field: 'from' | 'to') =>
      !check.ok && check.field === field ? (check.reason === 'not-a-date' ? t().notADate : t().rangeOrder) : undefined;
    const date = (id: 'from' | 'to', label: string) =>
      renderField({
        id: `history-${id}`,
        label,
        error: error(id),
        control: (w) => html`<input
          id=${w.id}
          part="input"
          type="datetime-local"
          .value=${f[id]}
          aria-invalid=${w.invalid}
          aria-describedby=${w.describedBy}
          @change=${(e: Event) => this.setFilter({ [id]: (e.target as HTMLInputElement).value })}
        />`,
      });
    const select = <V extends string>(id: string, label: string, value: V | '', values: readonly V[], word: (v: V) => string, set: (v: V | '') => void) =>
      renderField({
        id,
        label,
        control: (w) => html`<select id=${w.id} part="input" @change=${(e: Event) => set((e.target as HTMLSelectElement).value as V | '')}>
          <option value="" ?selected=${value === ''}>${t().any}</option>
          ${values.map((v) => html`<option value=${v} ?selected=${v === value}>${word(v)}</option>`)}
        </select>`,
      });
    return html`<fieldset part="filters" class="row filters">
      <legend>${t().filters}</legend>
      ${date('from', t().from)} ${date('to', t().to)}
      ${select<OrderSide>('history-side', t().side, f.side, ['buy', 'sell'], (v) => ticketStrings.sides[v], (side) => this.setFilter({ side }))}
      ${select<OrderType>('history-type', t().type, f.type, ['limit', 'market'], (v) => ticketStrings.types[v], (type) => this.setFilter({ type }))}
    </fieldset>`;
  }

  /** A row's Details button (`part="details-button"`). */
  detailsButton(orderId: string, symbol: string, summary: string): TemplateResult {
    return html`<button type="button" class="small" part="details-button" aria-label=${t().detailsLabel(summary)} @click=${() => void this.openDetails(orderId, symbol)}>
      ${t().details}
    </button>`;
  }

  /** `part="order-details"`: every field of the order the venue returns (named as the venue names it), and its fills. */
  renderDetails(current: TicketSymbol): TemplateResult | typeof nothing {
    const d = this.details;
    if (!d) return nothing;
    const o = d.order.value;
    const symbol = this.format.symbolOf(d.symbol) ?? current;
    const r = symbol.rules;
    const yes = (b: boolean) => (b ? t().yes : t().no);
    const a = (v: { toString(): string }, inc?: { toString(): string }) => this.format.amount(v.toString(), inc as never);
    const fields: Array<[string, unknown]> = o
      ? [
          ['id', o.id], ['clientOid', o.clientOid], ['symbol', o.symbol], ['side', ticketStrings.sides[o.side]], ['type', ticketStrings.types[o.type]],
          ['status', ticketStrings.statuses[orderStatus(o)]], ['price', a(o.price, r?.priceIncrement)], ['size', a(o.size, r?.baseIncrement)],
          ['funds', a(o.funds, r?.quoteIncrement)], ['dealSize', a(o.dealSize, r?.baseIncrement)], ['dealFunds', a(o.dealFunds, r?.quoteIncrement)],
          ['fee', `${a(o.fee)} ${o.feeCurrency}`], ['timeInForce', o.timeInForce], ['cancelAfter', o.cancelAfter], ['postOnly', yes(o.postOnly)],
          ['hidden', yes(o.hidden)], ['iceberg', yes(o.iceberg)], ['visibleSize', a(o.visibleSize, r?.baseIncrement)], ['stp', o.stp ?? '—'],
          ['cancelledSize', a(o.cancelledSize, r?.baseIncrement)], ['remainSize', a(o.remainSize, r?.baseIncrement)], ['tradeType', o.tradeType],
          ['createdAt', this.format.time(o.createdAt)], ['lastUpdatedAt', this.format.time(o.lastUpdatedAt)], ['active', yes(o.active)],
        ]
      : [];
    const fills = d.fills.value;
    return html`<section part="order-details" class="order-details" aria-labelledby="order-details-title">
      <h4 id="order-details-title" tabindex="-1">${t().detailsTitle(d.orderId)}</h4>
      <button type="button" class="small" part="close" @click=${() => this.closeDetails()}>${t().close}</button>
      ${o
        ? html`<dl>${fields.map(([k, v]) => html`<div><dt translate="no">${k}</dt><dd data-field=${k}>${v}</dd></div>`)}</dl>`
        : d.order.error
          ? renderError(describeError(d.order.error), () => void this.openDetails(d.orderId, d.symbol))
          : renderSkeleton(3, t().loading)}
      <h5>${t().orderFills}</h5>
      ${fills
        ? fills.length
          ? renderDataTable({ label: t().orderFills, columns: fillColumns(this.format, symbol), rows: fills })
          : renderEmpty(t().noOrderFills)
        : d.fills.error
          ? renderError(describeError(d.fills.error), () => void this.openDetails(d.orderId, d.symbol))
          : renderSkeleton(1, t().loading)}
    </section>`;
  }

  /** `part="all-open"`: a toggle, and the open orders of every symbol with Cancel and Details. */
  renderAllOpen(current: TicketSymbol): TemplateResult {
    const toggle = html`<button
      type="button"
      class="small"
      part="all-symbols"
      aria-expanded=${this.showAll ? 'true' : 'false'}
      @click=${() => {
        this.showAll = !this.showAll;
        this.changed();
        if (this.showAll) void this.loadAll();
      }}
    >
      ${this.showAll ? t().hideAll : t().showAll}
    </button>`;
    if (!this.showAll) return html`<div part="all-open">${toggle}</div>`;
    const orders = this.all.value;
    const symbolColumn: Column<MarginOrder> = { header: t().symbol, cell: (o) => o.symbol };
    const columns = openOrderColumns(this.format, current, (o) => this.options.actions(o));
    let body: unknown;
    if (!orders) body = this.all.error ? renderError(describeError(this.all.error), () => void this.loadAll()) : renderSkeleton(2, t().loading);
    else if (orders.length === 0) body = renderEmpty(t().noneAnywhere);
    else body = renderDataTable({ label: t().allSymbols, columns: [symbolColumn, ...columns], rows: orders });
    return html`<div part="all-open">${toggle}<h4>${t().allSymbols}</h4>${body}</div>`;
  }
}
