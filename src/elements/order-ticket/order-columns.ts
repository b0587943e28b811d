/**
 * The columns of the orders panel's tables (open orders, order history, fills): what each
 * column says about an order or a fill, at the symbol's increments. No state.
 */
import { html } from 'lit';
import type { MarginFill, MarginOrder, OrderSide } from '../../client/kucoin/orders.js';
import type { Column } from '../shared/blocks/data-table.js';
import { orderStatus } from './order-status.js';
import { ticketStrings as t } from './strings.js';
import type { TicketSymbol } from './symbols.js';
import type { TicketFormat } from './ticket-context.js';

const c = t.orders.columns;

const side = <R extends { side: OrderSide }>(): Column<R> => ({
  header: c.side,
  cell: (row) => html`<span class="side-${row.side}">${t.sides[row.side]}</span>`,
});

/** Time, side, type, price, size and filled: what open and closed orders both show. */
function orderColumns(format: TicketFormat, current: TicketSymbol): Column<MarginOrder>[] {
  const r = current.rules;
  return [
    { header: c.time, cell: (o) => format.time(o.createdAt) },
    side<MarginOrder>(),
    { header: c.type, secondary: true, cell: (o) => t.types[o.type] },
    { header: c.price, numeric: true, cell: (o) => (o.type === 'limit' ? format.amount(o.price, r?.priceIncrement) : t.orders.market) },
    {
      header: c.size,
      numeric: true,
      cell: (o) => (o.size.gt(0) ? format.quantity(o.size, r?.baseIncrement) : `${format.quantity(o.funds, r?.quoteIncrement)} ${current.quoteCurrency}`),
    },
    { header: c.filled, numeric: true, secondary: true, cell: (o) => filledOfRequested(format, o, current) },
  ];
}

/** Filled / requested ("0.448 / 5"; funds for a market order by funds): a partial fill reads at a glance. */
function filledOfRequested(format: TicketFormat, o: MarginOrder, current: TicketSymbol): string {
  const r = current.rules;
  return o.size.gt(0)
    ? `${format.quantity(o.dealSize, r?.baseIncrement)} / ${format.quantity(o.size, r?.baseIncrement)}`
    : `${format.quantity(o.dealFunds, r?.quoteIncrement)} / ${format.quantity(o.funds, r?.quoteIncrement)} ${current.quoteCurrency}`;
}

/** Open orders, with a last column of actions (the Cancel button). */
export function openOrderColumns(format: TicketFormat, current: TicketSymbol, action: (o: MarginOrder) => unknown): Column<MarginOrder>[] {
  return [...orderColumns(format, current), { header: c.actions, cell: action }];
}

export function historyColumns(format: TicketFormat, current: TicketSymbol): Column<MarginOrder>[] {
  return [...orderColumns(format, current), { header: c.status, cell: (o) => t.statuses[orderStatus(o)] }];
}

export function fillColumns(format: TicketFormat, current: TicketSymbol): Column<MarginFill>[] {
  const r = current.rules;
  return [
    { header: c.time, cell: (f) => format.time(f.createdAt) },
    side<MarginFill>(),
    { header: c.price, numeric: true, cell: (f) => format.amount(f.price, r?.priceIncrement) },
    { header: c.size, numeric: true, cell: (f) => format.quantity(f.size, r?.baseIncrement) },
    { header: c.funds, numeric: true, cell: (f) => format.quantity(f.funds, r?.quoteIncrement) },
    { header: c.fee, numeric: true, cell: (f) => `${format.fee(f.fee, f.feeCurrency, current)} ${f.feeCurrency}` },
    { header: c.liquidity, secondary: true, cell: (f) => t.orders.liquidity[f.liquidity] },
  ];
}
