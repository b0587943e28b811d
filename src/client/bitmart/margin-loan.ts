/**
 * BitMart isolated margin loan: `bitmart-isolated-margin-loan.md`. Borrow and repay are SIGNED;
 * the records and pairs are KEYED. The proxy applies either; here they are plain calls.
 */
import type { Decimal } from '../../core/decimal.js';
import { decimalString } from '../params.js';
import { FieldReader } from '../read.js';
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


/** `POST /spot/v1/margin/isolated/borrow`: the borrow id, returned only when the borrow succeeded. */
export async function marginBorrowIsolated(
  transport: Transport,
  params: IsolatedLoanParams,
  options: CallOptions = {},
): Promise<{ borrow_id: string }> {
  const data = await transport.send({
    venue: 'bitmart', method: 'POST', path: '/spot/v1/margin/isolated/borrow',
    body: { symbol: params.symbol, currency: params.currency, amount: decimalString('amount', params.amount) },
    signal: options.signal,
  });
  return { borrow_id: FieldReader.of(data, 'marginBorrowIsolated').str('borrow_id') };
}

/** `POST /spot/v1/margin/isolated/repay`: the repay id, returned only when the repayment succeeded. */
export async function marginRepayIsolated(
  transport: Transport,
  params: IsolatedLoanParams,
  options: CallOptions = {},
): Promise<{ repay_id: string }> {
  const data = await transport.send({
    venue: 'bitmart', method: 'POST', path: '/spot/v1/margin/isolated/repay',
    body: { symbol: params.symbol, currency: params.currency, amount: decimalString('amount', params.amount) },
    signal: options.signal,
  });
  return { repay_id: FieldReader.of(data, 'marginRepayIsolated').str('repay_id') };
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
export async function getBorrowRecordIsolated(
  transport: Transport,
  params: RecordQuery & { borrow_id?: string },
  options: CallOptions = {},
): Promise<BorrowRecord[]> {
  const data = await transport.send({
    venue: 'bitmart', method: 'GET', path: '/spot/v1/margin/isolated/borrow_record',
    query: {
      symbol: params.symbol, borrow_id: params.borrow_id, start_time: params.start_time,
      end_time: params.end_time, N: checkN(params.N),
    },
    signal: options.signal,
  });
  return FieldReader.of(data, 'getBorrowRecordIsolated').list('records', (r) => ({
    borrow_id: r.str('borrow_id'),
    symbol: r.str('symbol'),
    currency: r.str('currency'),
    borrow_amount: r.dec('borrow_amount'),
    daily_interest: r.dec('daily_interest'),
    hourly_interest: r.dec('hourly_interest'),
    interest_amount: r.dec('interest_amount'),
    create_time: r.int('create_time'),
  }));
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
export async function getRepayRecordIsolated(
  transport: Transport,
  params: RecordQuery & { repay_id?: string; currency?: string },
  options: CallOptions = {},
): Promise<RepayRecord[]> {
  const data = await transport.send({
    venue: 'bitmart', method: 'GET', path: '/spot/v1/margin/isolated/repay_record',
    query: {
      symbol: params.symbol, repay_id: params.repay_id, currency: params.currency,
      start_time: params.start_time, end_time: params.end_time, N: checkN(params.N),
    },
    signal: options.signal,
  });
  return FieldReader.of(data, 'getRepayRecordIsolated').list('records', (r) => ({
    repay_id: r.str('repay_id'),
    repay_time: r.int('repay_time'),
    symbol: r.str('symbol'),
    currency: r.str('currency'),
    repaid_amount: r.dec('repaid_amount'),
    repaid_principal: r.dec('repaid_principal'),
    repaid_interest: r.dec('repaid_interest'),
  }));
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

function readSide(r: FieldReader): IsolatedPairSide {
  return {
    currency: r.str('currency'),
    daily_interest: r.dec('daily_interest'),
    hourly_interest: r.dec('hourly_interest'),
    max_borrow_amount: r.dec('max_borrow_amount'),
    min_borrow_amount: r.dec('min_borrow_amount'),
    borrowable_amount: r.dec('borrowable_amount'),
  };
}

/** `GET /spot/v1/margin/isolated/pairs`: rates and borrow limits; `symbol` may list several, comma-separated. */
export async function getIsolatedPairs(
  transport: Transport,
  params: { symbol?: string | string[] } = {},
  options: CallOptions = {},
): Promise<IsolatedPair[]> {
  const symbol = Array.isArray(params.symbol) ? params.symbol.join(',') : params.symbol;
  const data = await transport.send({
    venue: 'bitmart', method: 'GET', path: '/spot/v1/margin/isolated/pairs', query: { symbol }, signal: options.signal,
  });
  return FieldReader.of(data, 'getIsolatedPairs').list('symbols', (r) => ({
    symbol: r.str('symbol'),
    max_leverage: r.dec('max_leverage'),
    symbol_enabled: r.bool('symbol_enabled'),
    base: readSide(r.obj('base')),
    quote: readSide(r.obj('quote')),
  }));
}
