/**
 * The filters of closed orders and fills ("Get Closed Orders", "Get Trade History"): a time range
 * as typed (`datetime-local`, the page's time zone), side and type, turned into the venue's
 * `startAt`/`endAt` (ms), `side` and `type`, or the reason it cannot be. No DOM.
 */
import type { OrderSide, OrderType } from '../../client/kucoin/orders.js';

export interface HistoryFilter {
  from: string;
  to: string;
  side: OrderSide | '';
  type: OrderType | '';
}

export interface HistoryQuery {
  startAt?: number;
  endAt?: number;
  side?: OrderSide;
  type?: OrderType;
}

export type FilterCheck = { ok: true; query: HistoryQuery } | { ok: false; field: 'from' | 'to'; reason: 'not-a-date' | 'range-order' };

export const NO_FILTER: HistoryFilter = { from: '', to: '', side: '', type: '' };

function time(text: string): number | undefined | null {
  if (text.trim() === '') return undefined;
  const ms = new Date(text).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** The venue query for a filter; "to" is inclusive to the minute typed. */
export function historyQuery(filter: HistoryFilter): FilterCheck {
  const startAt = time(filter.from);
  if (startAt === null) return { ok: false, field: 'from', reason: 'not-a-date' };
  const to = time(filter.to);
  if (to === null) return { ok: false, field: 'to', reason: 'not-a-date' };
  // datetime-local is to the minute: "to 10:05" means up to the end of that minute.
  const endAt = to === undefined ? undefined : to + 59_999;
  if (startAt !== undefined && endAt !== undefined && endAt < startAt) return { ok: false, field: 'to', reason: 'range-order' };
  const query: HistoryQuery = {};
  if (startAt !== undefined) query.startAt = startAt;
  if (endAt !== undefined) query.endAt = endAt;
  if (filter.side) query.side = filter.side;
  if (filter.type) query.type = filter.type;
  return { ok: true, query };
}
