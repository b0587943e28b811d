/** The columns of BitMart's borrowing market (`GET /spot/v1/margin/isolated/pairs`). */
import { BITMART_AMOUNT_DECIMALS, type IsolatedPair } from '../../client/bitmart/margin-loan.js';
import type { Decimal } from '../../core/decimal.js';
import { formatDecimal, formatRate } from '../../core/format.js';
import type { SortValue } from './table-sort.js';

export type PairKey =
  | 'symbol'
  | 'maxLeverage'
  | 'baseDaily'
  | 'baseHourly'
  | 'baseMin'
  | 'baseMax'
  | 'baseBorrowable'
  | 'quoteDaily'
  | 'quoteHourly'
  | 'quoteMin'
  | 'quoteMax'
  | 'quoteBorrowable';

export interface PairColumn {
  key: PairKey;
  value: (pair: IsolatedPair) => SortValue;
  text: (pair: IsolatedPair, locale: string | undefined) => string;
}

/** "precision: 8 decimal places" for every BitMart amount. */
const amount = (value: Decimal, locale: string | undefined) => formatDecimal(value, { locale, maxDecimals: BITMART_AMOUNT_DECIMALS });
/** BitMart's hourly rates have 8 places (`0.00208334`): 6 decimals of a percentage. */
const HOURLY_PERCENT_DECIMALS = 6;

function side(prefix: 'base' | 'quote', pick: (p: IsolatedPair) => IsolatedPair['base']): PairColumn[] {
  return [
    { key: `${prefix}Daily`, value: (p) => pick(p).daily_interest, text: (p, l) => formatRate(pick(p).daily_interest, 'daily', { locale: l }) },
    {
      key: `${prefix}Hourly`,
      value: (p) => pick(p).hourly_interest,
      text: (p, l) => formatRate(pick(p).hourly_interest, 'hourly', { locale: l, decimals: HOURLY_PERCENT_DECIMALS }),
    },
    { key: `${prefix}Min`, value: (p) => pick(p).min_borrow_amount, text: (p, l) => amount(pick(p).min_borrow_amount, l) },
    { key: `${prefix}Max`, value: (p) => pick(p).max_borrow_amount, text: (p, l) => amount(pick(p).max_borrow_amount, l) },
    { key: `${prefix}Borrowable`, value: (p) => pick(p).borrowable_amount, text: (p, l) => amount(pick(p).borrowable_amount, l) },
  ];
}

export const PAIR_COLUMNS: readonly PairColumn[] = [
  { key: 'symbol', value: (p) => p.symbol, text: (p) => p.symbol },
  { key: 'maxLeverage', value: (p) => p.max_leverage, text: (p, l) => `${formatDecimal(p.max_leverage, { locale: l })}×` },
  ...side('base', (p) => p.base),
  ...side('quote', (p) => p.quote),
];
