/** Sorting and filtering of the market tables, with no DOM. */
import { isDecimal, type Decimal } from '../../core/decimal.js';

export type SortDirection = 'ascending' | 'descending';
/** What a column sorts by; `undefined` (the venue left the field out) sorts last either way. */
export type SortValue = Decimal | string | number | boolean | undefined;

export interface SortState<K extends string> {
  key: K;
  direction: SortDirection;
}

/** A click on a column's header: the same column flips, another starts ascending. */
export function nextSort<K extends string>(current: SortState<K>, key: K): SortState<K> {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

function compare(a: Exclude<SortValue, undefined>, b: Exclude<SortValue, undefined>): number {
  if (isDecimal(a) && isDecimal(b)) return a.comparedTo(b);
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** A sorted copy; stable, so equal rows keep the venue's order. */
export function sortRows<R>(rows: readonly R[], value: (row: R) => SortValue, direction: SortDirection): R[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: value(row) }))
    .sort((a, b) => {
      if (a.value === undefined || b.value === undefined) {
        if (a.value === b.value) return a.index - b.index;
        return a.value === undefined ? 1 : -1;
      }
      return sign * compare(a.value, b.value) || a.index - b.index;
    })
    .map((entry) => entry.row);
}

/** Rows whose text (currency, symbol) contains what was typed, ignoring case and spaces around it. */
export function filterRows<R>(rows: readonly R[], text: string, fields: (row: R) => readonly string[]): R[] {
  const wanted = text.trim().toUpperCase();
  if (!wanted) return [...rows];
  return rows.filter((row) => fields(row).some((field) => field.toUpperCase().includes(wanted)));
}
