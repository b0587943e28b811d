/**
 * BitMart isolated margin loan: `bitmart-isolated-margin-loan.md`. Borrow and repay are SIGNED;
 * the records and pairs are KEYED. The proxy applies either; here they are plain calls.
 */
import type { Decimal } from '../../core/decimal.js';
import { bitmart, sendForObject } from '../call.js';
import { decimalString } from '../params.js';
import { objOf } from '../read.js';
import type { Transport } from '../transport.js';
import type { CallOptions } from '../kucoin/types.js';

/** "Amount of borrowing (precision: 8 decimal places)". */
export const BITMART_AMOUNT_DECIMALS = 8;

export interface IsolatedLoanParams {
  /** Trading pair, e.g. `BTC_USDT`. */
  symbol: string;
  /** The base or quote currency of `symbol`. */
  currency: string;
  /** At most 8 decimal places. */
  amount: Decimal | string;
}

/** Borrow and repay send the same body: the amount as exact decimal text. */
function loanBody(params: IsolatedLoanParams): Record<string, unknown> {
  return { symbol: params.symbol, currency: params.currency, amount: decimalString('amount', params.amount) };
}

/** `POST /spot/v1/margin/isolated/borrow`: the borrow id, returned only when the borrow succeeded. */
export async function marginBorrowIsolated(transport: Transport, params: IsolatedLoanParams, options: CallOptions = {}): Promise<{ borrow_id: string }> {
  const call = bitmart('marginBorrowIsolated', 'POST', '/spot/v1/margin/isolated/borrow', { body: loanBody(params) });
  return sendForObject(transport, call, options, (r) => ({ borrow_id: r.str('borrow_id') }));
}

/** `POST /spot/v1/margin/isolated/repay`: the repay id, returned only when the repayment succeeded. */
export async function marginRepayIsolated(transport: Transport, params: IsolatedLoanParams, options: CallOptions = {}): Promise<{ repay_id: string }> {
  const call = bitmart('marginRepayIsolated', 'POST', '/spot/v1/margin/isolated/repay', { body: loanBody(params) });
  return sendForObject(transport, call, options, (r) => ({ repay_id: r.str('repay_id') }));
}

export interface RecordQuery {
  symbol: string;
  /** Query start time: timestamp. */
  start_time?: number;
  /** Query end time: timestamp. */
  end_time?: number;
  /** Records to return, 1..100 (the venue's default: 50). */
  N?: number;
}

function checkN(n: number | undefined): number | undefined {
  if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > 100)) {
    throw new RangeError(`N must be an integer in 1..100, got ${n}`);
  }
  return n;
}

const BORROW_RECORD = {
  borrow_id: 'str', symbol: 'str', currency: 'str', borrow_amount: 'dec', daily_interest: 'dec', hourly_interest: 'dec', interest_amount: 'dec',
  create_time: 'int',
} as const;
const REPAY_RECORD = {
  repay_id: 'str', repay_time: 'int', symbol: 'str', currency: 'str', repaid_amount: 'dec', repaid_principal: 'dec', repaid_interest: 'dec',
} as const;

/** The records' query: the pair, what picks one record, then the time range and count. */
function recordQuery(params: RecordQuery, pick: Record<string, string | undefined>): Record<string, string | number | undefined> {
  return { symbol: params.symbol, ...pick, start_time: params.start_time, end_time: params.end_time, N: checkN(params.N) };
}

export interface BorrowRecord {
  borrow_id: string;
  symbol: string;
  currency: string;
  borrow_amount: Decimal;
  daily_interest: Decimal;
  hourly_interest: Decimal;
  interest_amount: Decimal;
  create_time: number;
}

/** `GET /spot/v1/margin/isolated/borrow_record`. */
export async function getBorrowRecordIsolated(transport: Transport, params: RecordQuery & { borrow_id?: string }, options: CallOptions = {}): Promise<BorrowRecord[]> {
  const call = bitmart('getBorrowRecordIsolated', 'GET', '/spot/v1/margin/isolated/borrow_record', { query: recordQuery(params, { borrow_id: params.borrow_id }) });
  return sendForObject(transport, call, options, (r) => r.list('records', (i) => i.fields(BORROW_RECORD)));
}

export interface RepayRecord {
  repay_id: string;
  repay_time: number;
  symbol: string;
  currency: string;
  repaid_amount: Decimal;
  repaid_principal: Decimal;
  repaid_interest: Decimal;
}

/** `GET /spot/v1/margin/isolated/repay_record`. */
export async function getRepayRecordIsolated(transport: Transport, params: RecordQuery & { repay_id?: string; currency?: string }, options: CallOptions = {}): Promise<RepayRecord[]> {
  const call = bitmart('getRepayRecordIsolated', 'GET', '/spot/v1/margin/isolated/repay_record', { query: recordQuery(params, { repay_id: params.repay_id, currency: params.currency }) });
  return sendForObject(transport, call, options, (r) => r.list('records', (i) => i.fields(REPAY_RECORD)));
}

export interface IsolatedPairSide {
  currency: string;
  daily_interest: Decimal;
  hourly_interest: Decimal;
  max_borrow_amount: Decimal;
  min_borrow_amount: Decimal;
  borrowable_amount: Decimal;
}

export interface IsolatedPair {
  symbol: string;
  max_leverage: Decimal;
  symbol_enabled: boolean;
  base: IsolatedPairSide;
  quote: IsolatedPairSide;
}

const PAIR_SIDE = {
  currency: 'str', daily_interest: 'dec', hourly_interest: 'dec', max_borrow_amount: 'dec', min_borrow_amount: 'dec', borrowable_amount: 'dec',
} as const;
const ISOLATED_PAIR = {
  symbol: 'str', max_leverage: 'dec', symbol_enabled: 'bool', base: objOf((r) => r.fields(PAIR_SIDE)), quote: objOf((r) => r.fields(PAIR_SIDE)),
} as const;

/** `GET /spot/v1/margin/isolated/pairs`: rates and borrow limits; `symbol` may list several, comma-separated. */
export async function getIsolatedPairs(transport: Transport, params: { symbol?: string | string[] } = {}, options: CallOptions = {}): Promise<IsolatedPair[]> {
  const symbol = Array.isArray(params.symbol) ? params.symbol.join(',') : params.symbol;
  const call = bitmart('getIsolatedPairs', 'GET', '/spot/v1/margin/isolated/pairs', { query: { symbol } });
  return sendForObject(transport, call, options, (r) => r.list('symbols', (p) => p.fields(ISOLATED_PAIR)));
}
