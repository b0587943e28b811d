/**
 * The history tabs' query: a time range the trader picks (local date and time inputs) and a
 * page. KuCoin pages (`currentPage`, `pageSize` 10..500); BitMart returns the newest `N`
 * (1..100) of the range, without pages.
 */
import type { Venue } from '../../core/endpoints.js';

export type HistoryTab = 'borrow' | 'repay' | 'interest';

export interface TimeRange {
  startTime?: number;
  endTime?: number;
}

export type RangeCheck = { ok: true; range: TimeRange } | { ok: false; field: 'from' | 'to'; rule: 'not-a-date' | 'order' };

/** `YYYY-MM-DDTHH:mm[:ss]` as an `<input type="datetime-local">` gives it, read as local time. */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Milliseconds of a local date-time input value; undefined for empty, NaN for nonsense. */
export function parseLocalDateTime(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const m = LOCAL_DATE_TIME.exec(value.trim());
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  // Date rolls Feb 31 over into March: a value that does not read back is not a date.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d || date.getHours() !== h) return Number.NaN;
  return date.getTime();
}

/**
 * The range to ask for. `to` is inclusive of its whole minute, as a trader means "to 14:30".
 * Either end may be left open; an end before the start is refused before anything is sent.
 */
export function checkTimeRange(from: string, to: string): RangeCheck {
  const startTime = parseLocalDateTime(from);
  const toMinute = parseLocalDateTime(to);
  if (startTime !== undefined && Number.isNaN(startTime)) return { ok: false, field: 'from', rule: 'not-a-date' };
  if (toMinute !== undefined && Number.isNaN(toMinute)) return { ok: false, field: 'to', rule: 'not-a-date' };
  const endTime = toMinute === undefined ? undefined : toMinute + (/:\d{2}:\d{2}$/.test(to.trim()) ? 999 : 59_999);
  if (startTime !== undefined && endTime !== undefined && endTime < startTime) return { ok: false, field: 'to', rule: 'order' };
  const range: TimeRange = {};
  if (startTime !== undefined) range.startTime = startTime;
  if (endTime !== undefined) range.endTime = endTime;
  return { ok: true, range };
}

/** KuCoin accepts 10..500 per page; BitMart 1..100 records. */
export function clampPageSize(exchange: Venue, size: number): number {
  const whole = Number.isFinite(size) ? Math.trunc(size) : 10;
  return exchange === 'kucoin' ? Math.min(500, Math.max(10, whole)) : Math.min(100, Math.max(1, whole));
}

/** The tabs a venue has: BitMart keeps no interest history. */
export function historyTabs(hasInterestHistory: boolean): HistoryTab[] {
  return hasInterestHistory ? ['borrow', 'repay', 'interest'] : ['borrow', 'repay'];
}

/** The history tabs move like every tab list of the kit. */
export { tabAfterKey } from '../shared/blocks/tabs.js';
