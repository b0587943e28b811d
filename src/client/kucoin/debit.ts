/**
 * KuCoin debit (all signed): `kucoin-margin-rest-api.md`, "Borrow" to "Get Margin Risk Limit".
 * Each call is cross margin unless `isIsolated` is true, in which case `symbol` names the pair.
 */
import { Decimal } from '../../core/decimal.js';
import { kucoin, send, sendForList, sendForObject } from '../call.js';
import { decimalString, defined, readAcknowledgement } from '../params.js';
import { oneOf, type FieldReader, type Fields, type FieldSpec } from '../read.js';
import type { Transport } from '../transport.js';
import { pageOf, pagedEndpoint } from './page.js';
import type { CallOptions, Page } from './types.js';

export type BorrowTimeInForce = 'IOC' | 'FOK';

/** PENDING: processing, SUCCESS: successful, FAILED: failed. */
export type DebitOrderStatus = 'PENDING' | 'SUCCESS' | 'FAILED';
const DEBIT_ORDER_STATUSES: readonly DebitOrderStatus[] = ['PENDING', 'SUCCESS', 'FAILED'];

/** An empty `symbol` is cross margin: read as absent. */
const symbolOrUndefined = (r: FieldReader, key: string): string | undefined => r.optStr(key) || undefined;

const BORROW_ORDER = {
  orderNo: 'str', symbol: symbolOrUndefined, currency: 'str', size: 'dec', actualSize: 'dec', status: oneOf(DEBIT_ORDER_STATUSES), createdTime: 'int',
} as const;
const REPAY_ORDER = {
  orderNo: 'str', symbol: symbolOrUndefined, currency: 'str', size: 'dec', principal: 'dec', interest: 'dec', status: oneOf(DEBIT_ORDER_STATUSES),
  createdTime: 'int',
} as const;

/** The debit histories: a page of records of one spec, with the server's `timestamp`. */
function timestamped<S extends FieldSpec>(spec: S): (r: FieldReader) => Page<Fields<S>> & { timestamp: number } {
  return (r) => ({ timestamp: r.int('timestamp'), ...pageOf(spec)(r) });
}

export interface BorrowParams {
  currency: string;
  /** The doc types it `number`; sent as the exact decimal string, as KuCoin accepts for amounts. */
  size: Decimal | string;
  /** IOC borrows what is available now; FOK all of `size` or nothing. */
  timeInForce: BorrowTimeInForce;
  /** Mandatory for isolated margin, though the doc marks it optional. */
  symbol?: string;
  /** Default false (cross). */
  isIsolated?: boolean;
  /** High-frequency borrowing; default false. */
  isHf?: boolean;
}

export interface BorrowResult {
  /** The borrow order ID. */
  orderNo: string;
  /** What was lent, which under IOC may be less than asked. */
  actualSize: Decimal;
}

/** `POST /api/v3/margin/borrow`: borrow into the cross or an isolated margin account. */
export async function borrow(transport: Transport, params: BorrowParams, options: CallOptions = {}): Promise<BorrowResult> {
  const body = defined({ ...params, size: decimalString('size', params.size) });
  return sendForObject(transport, kucoin('borrow', 'POST', '/api/v3/margin/borrow', { body }), options, (r) => r.fields({ orderNo: 'str', actualSize: 'dec' }));
}

/** The query shared by the borrow, repay and interest histories. */
export interface DebitHistoryQuery {
  /** Default false (cross). */
  isIsolated?: boolean;
  /** Mandatory for isolated margin, though the doc marks it optional. */
  symbol?: string;
  /** Milliseconds; the venue raises anything before 1680278400000 (2023-04-01) to it. */
  startTime?: number;
  /** Milliseconds. */
  endTime?: number;
  /** From 1 (the default). */
  currentPage?: number;
  /** 10 to 500 (default 50). */
  pageSize?: number;
}

export interface BorrowHistoryParams extends DebitHistoryQuery {
  currency: string;
  /** The borrow order ID. */
  orderNo?: string;
}

export interface BorrowOrder {
  orderNo: string;
  /** The isolated pair; `undefined` for cross margin, where the venue sends an empty string. */
  symbol: string | undefined;
  currency: string;
  /** Size asked for. */
  size: Decimal;
  /** Size lent. */
  actualSize: Decimal;
  status: DebitOrderStatus;
  /** Milliseconds. */
  createdTime: number;
}

export interface BorrowHistoryResult extends Page<BorrowOrder> {
  /** Server time of the answer, milliseconds. */
  timestamp: number;
}

/** `GET /api/v3/margin/borrow`: borrow orders of one currency, a page at a time. */
export const getBorrowHistory = pagedEndpoint<BorrowHistoryParams, BorrowHistoryResult>('getBorrowHistory', '/api/v3/margin/borrow', timestamped(BORROW_ORDER));

export interface RepayParams {
  currency: string;
  /** The doc types it `number`; sent as the exact decimal string, as KuCoin accepts for amounts. */
  size: Decimal | string;
  /** Mandatory for isolated margin, though the doc marks it optional. */
  symbol?: string;
  /** Default false (cross). */
  isIsolated?: boolean;
  /** High-frequency; default false. */
  isHf?: boolean;
}

export interface RepayResult {
  /** Server time of the answer, milliseconds. */
  timestamp: number;
  /** The repay order ID. */
  orderNo: string;
  actualSize: Decimal;
}

/** `POST /api/v3/margin/repay`: repay debt of the cross or an isolated margin account. */
export async function repay(transport: Transport, params: RepayParams, options: CallOptions = {}): Promise<RepayResult> {
  const body = defined({ ...params, size: decimalString('size', params.size) });
  return sendForObject(transport, kucoin('repay', 'POST', '/api/v3/margin/repay', { body }), options, (r) => r.fields({ timestamp: 'int', orderNo: 'str', actualSize: 'dec' }));
}

export interface RepayHistoryParams extends DebitHistoryQuery {
  currency: string;
  /** The repay order ID. */
  orderNo?: string;
}

export interface RepayOrder {
  orderNo: string;
  /** The isolated pair; `undefined` for cross margin, where the venue sends an empty string. */
  symbol: string | undefined;
  currency: string;
  /** Size asked for. */
  size: Decimal;
  /** Principal paid. */
  principal: Decimal;
  /** Interest paid. */
  interest: Decimal;
  status: DebitOrderStatus;
  /** Milliseconds. */
  createdTime: number;
}

export interface RepayHistoryResult extends Page<RepayOrder> {
  /** Server time of the answer, milliseconds. */
  timestamp: number;
}

/** `GET /api/v3/margin/repay`: repay orders of one currency, a page at a time. */
export const getRepayHistory = pagedEndpoint<RepayHistoryParams, RepayHistoryResult>('getRepayHistory', '/api/v3/margin/repay', timestamped(REPAY_ORDER));

export interface InterestHistoryParams extends DebitHistoryQuery {
  /** Optional here, unlike the borrow and repay histories. */
  currency?: string;
}

export interface InterestRecord {
  currency: string;
  /** Daily interest rate. */
  dayRatio: Decimal;
  interestAmount: Decimal;
  /** Milliseconds. */
  createdTime: number;
}

export interface InterestHistoryResult extends Page<InterestRecord> {
  /** Server time of the answer, milliseconds. */
  timestamp: number;
}

/** `GET /api/v3/margin/interest`: interest charged on margin debt, a page at a time. */
export async function getInterestHistory(transport: Transport, params: InterestHistoryParams = {}, options: CallOptions = {}): Promise<InterestHistoryResult> {
  const call = kucoin('getInterestHistory', 'GET', '/api/v3/margin/interest', { query: defined({ ...params }) });
  return sendForObject(transport, call, options, timestamped({ currency: 'str', dayRatio: 'dec', interestAmount: 'dec', createdTime: 'int' }));
}

export interface ModifyLeverageParams {
  /** Mandatory for isolated margin, though the doc marks it optional. */
  symbol?: string;
  /** Default false (cross). */
  isIsolated?: boolean;
  /**
   * Above 1, at most two decimals, not below the current debt leverage nor above the system
   * maximum (the venue checks; e.g. `"3.5"`).
   */
  leverage: Decimal | string;
}

/**
 * The doc types `data` as a string and says nothing of its content; KuCoin is known to send
 * `null` here, so both are accepted and the text, if any, is passed through.
 */
export type ModifyLeverageResult = string | undefined;

/** `POST /api/v3/position/update-user-leverage`: the leverage multiplier of cross or one isolated pair. */
export async function modifyLeverage(transport: Transport, params: ModifyLeverageParams, options: CallOptions = {}): Promise<ModifyLeverageResult> {
  const body = defined({ symbol: params.symbol, isIsolated: params.isIsolated, leverage: decimalString('leverage', params.leverage) });
  return readAcknowledgement(await send(transport, kucoin('modifyLeverage', 'POST', '/api/v3/position/update-user-leverage', { body }), options), 'modifyLeverage');
}

/*
 * "Get Margin Risk Limit" answers one of two item shapes (its schema merges them, labelled
 * "CROSS MARGIN RESPONSES" and "ISOLATED MARGIN RESPONSES"), chosen by `isIsolated`. The params
 * are split the same way and overloads tie each to its own shape, so a caller asking for cross
 * limits is never handed a bag of maybe-isolated fields. The doc marks every item field
 * optional; only the key (`currency` or `symbol`) is read as required, which also catches an
 * answer of the other shape.
 */

export interface CrossMarginRiskLimitParams {
  isIsolated?: false;
  /** One currency; all when left out. */
  currency?: string;
}

export interface IsolatedMarginRiskLimitParams {
  isIsolated: true;
  /** One pair; all when left out. */
  symbol?: string;
}

export type MarginRiskLimitParams = CrossMarginRiskLimitParams | IsolatedMarginRiskLimitParams;

export interface CrossMarginRiskLimit {
  /** Milliseconds. */
  timestamp?: number;
  currency: string;
  /** Personal borrow limit, shown even when the platform has nothing left to lend. */
  borrowMaxAmount?: Decimal;
  buyMaxAmount?: Decimal;
  holdMaxAmount?: Decimal;
  borrowCoefficient?: Decimal;
  marginCoefficient?: Decimal;
  /** Decimal places: the smallest repayment is 10^-precision. */
  precision?: number;
  borrowMinAmount?: Decimal;
  /** A borrow must be a whole multiple of this. */
  borrowMinUnit?: Decimal;
  borrowEnabled?: boolean;
}

export interface IsolatedMarginRiskLimit {
  /** Milliseconds. */
  timestamp?: number;
  symbol: string;
  /** Personal borrow limits, shown even when the platform has nothing left to lend. */
  baseMaxBorrowAmount?: Decimal;
  quoteMaxBorrowAmount?: Decimal;
  baseMaxBuyAmount?: Decimal;
  quoteMaxBuyAmount?: Decimal;
  baseMaxHoldAmount?: Decimal;
  quoteMaxHoldAmount?: Decimal;
  /** Decimal places: the smallest repayment is 10^-precision. */
  basePrecision?: number;
  quotePrecision?: number;
  baseBorrowMinAmount?: Decimal;
  quoteBorrowMinAmount?: Decimal;
  /** A borrow must be a whole multiple of these. */
  baseBorrowMinUnit?: Decimal;
  quoteBorrowMinUnit?: Decimal;
  baseBorrowEnabled?: boolean;
  quoteBorrowEnabled?: boolean;
  baseBorrowCoefficient?: Decimal;
  quoteBorrowCoefficient?: Decimal;
  baseMarginCoefficient?: Decimal;
  quoteMarginCoefficient?: Decimal;
}

export type MarginRiskLimitResult = CrossMarginRiskLimit[] | IsolatedMarginRiskLimit[];

const CROSS_MARGIN_RISK_LIMIT = {
  timestamp: 'optInt', currency: 'str', borrowMaxAmount: 'optDec', buyMaxAmount: 'optDec', holdMaxAmount: 'optDec', borrowCoefficient: 'optDec',
  marginCoefficient: 'optDec', precision: 'optInt', borrowMinAmount: 'optDec', borrowMinUnit: 'optDec', borrowEnabled: 'optBool',
} as const;
const ISOLATED_MARGIN_RISK_LIMIT = {
  timestamp: 'optInt', symbol: 'str', baseMaxBorrowAmount: 'optDec', quoteMaxBorrowAmount: 'optDec', baseMaxBuyAmount: 'optDec',
  quoteMaxBuyAmount: 'optDec', baseMaxHoldAmount: 'optDec', quoteMaxHoldAmount: 'optDec', basePrecision: 'optInt', quotePrecision: 'optInt',
  baseBorrowMinAmount: 'optDec', quoteBorrowMinAmount: 'optDec', baseBorrowMinUnit: 'optDec', quoteBorrowMinUnit: 'optDec',
  baseBorrowEnabled: 'optBool', quoteBorrowEnabled: 'optBool', baseBorrowCoefficient: 'optDec', quoteBorrowCoefficient: 'optDec',
  baseMarginCoefficient: 'optDec', quoteMarginCoefficient: 'optDec',
} as const;

/** `GET /api/v3/margin/currencies`: borrow, buy and hold limits of cross margin currencies. */
export function getMarginRiskLimit(
  transport: Transport,
  params?: CrossMarginRiskLimitParams,
  options?: CallOptions,
): Promise<CrossMarginRiskLimit[]>;
/** `GET /api/v3/margin/currencies`: borrow, buy and hold limits of isolated margin pairs. */
export function getMarginRiskLimit(
  transport: Transport,
  params: IsolatedMarginRiskLimitParams,
  options?: CallOptions,
): Promise<IsolatedMarginRiskLimit[]>;
/** `GET /api/v3/margin/currencies`: cross or isolated limits, as `isIsolated` decides at run time. */
export function getMarginRiskLimit(
  transport: Transport,
  params: MarginRiskLimitParams,
  options?: CallOptions,
): Promise<MarginRiskLimitResult>;
export async function getMarginRiskLimit(
  transport: Transport,
  params: MarginRiskLimitParams = {},
  options: CallOptions = {},
): Promise<MarginRiskLimitResult> {
  const query = params.isIsolated ? defined({ isIsolated: true, symbol: params.symbol }) : defined({ isIsolated: params.isIsolated, currency: params.currency });
  const call = kucoin('getMarginRiskLimit', 'GET', '/api/v3/margin/currencies', { query });
  return params.isIsolated
    ? sendForList(transport, call, options, (r): IsolatedMarginRiskLimit => r.fields(ISOLATED_MARGIN_RISK_LIMIT))
    : sendForList(transport, call, options, (r): CrossMarginRiskLimit => r.fields(CROSS_MARGIN_RISK_LIMIT));
}

