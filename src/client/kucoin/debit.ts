/**
 * KuCoin debit (all signed): `kucoin-margin-rest-api.md`, "Borrow" to "Get Margin Risk Limit".
 * Each call is cross margin unless `isIsolated` is true, in which case `symbol` names the pair.
 */
import { Decimal } from '../../core/decimal.js';
import { decimalString, defined, readAcknowledgement } from '../params.js';
import { FieldReader } from '../read.js';
import type { QueryValue, Transport } from '../transport.js';
import { readPage } from './page.js';
import type { CallOptions, Page } from './types.js';

export type BorrowTimeInForce = 'IOC' | 'FOK';

/** PENDING: processing, SUCCESS: successful, FAILED: failed. */
export type DebitOrderStatus = 'PENDING' | 'SUCCESS' | 'FAILED';
const DEBIT_ORDER_STATUSES: readonly DebitOrderStatus[] = ['PENDING', 'SUCCESS', 'FAILED'];

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
export async function borrow(
  transport: Transport,
  params: BorrowParams,
  options: CallOptions = {},
): Promise<BorrowResult> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'POST',
    path: '/api/v3/margin/borrow',
    body: defined({
      currency: params.currency,
      size: decimalString('size', params.size),
      timeInForce: params.timeInForce,
      symbol: params.symbol,
      isIsolated: params.isIsolated,
      isHf: params.isHf,
    }),
    signal: options.signal,
  });
  const r = FieldReader.of(data, 'borrow');
  return { orderNo: r.str('orderNo'), actualSize: r.dec('actualSize') };
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
export async function getBorrowHistory(
  transport: Transport,
  params: BorrowHistoryParams,
  options: CallOptions = {},
): Promise<BorrowHistoryResult> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'GET',
    path: '/api/v3/margin/borrow',
    query: defined({ currency: params.currency, ...historyQuery(params), orderNo: params.orderNo }),
    signal: options.signal,
  });
  const r = FieldReader.of(data, 'getBorrowHistory');
  return {
    timestamp: r.int('timestamp'),
    ...readPage(r, (item) => ({
      orderNo: item.str('orderNo'),
      symbol: readSymbol(item),
      currency: item.str('currency'),
      size: item.dec('size'),
      actualSize: item.dec('actualSize'),
      status: item.oneOf('status', DEBIT_ORDER_STATUSES),
      createdTime: item.int('createdTime'),
    })),
  };
}

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
export async function repay(
  transport: Transport,
  params: RepayParams,
  options: CallOptions = {},
): Promise<RepayResult> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'POST',
    path: '/api/v3/margin/repay',
    body: defined({
      currency: params.currency,
      size: decimalString('size', params.size),
      symbol: params.symbol,
      isIsolated: params.isIsolated,
      isHf: params.isHf,
    }),
    signal: options.signal,
  });
  const r = FieldReader.of(data, 'repay');
  return { timestamp: r.int('timestamp'), orderNo: r.str('orderNo'), actualSize: r.dec('actualSize') };
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
export async function getRepayHistory(
  transport: Transport,
  params: RepayHistoryParams,
  options: CallOptions = {},
): Promise<RepayHistoryResult> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'GET',
    path: '/api/v3/margin/repay',
    query: defined({ currency: params.currency, ...historyQuery(params), orderNo: params.orderNo }),
    signal: options.signal,
  });
  const r = FieldReader.of(data, 'getRepayHistory');
  return {
    timestamp: r.int('timestamp'),
    ...readPage(r, (item) => ({
      orderNo: item.str('orderNo'),
      symbol: readSymbol(item),
      currency: item.str('currency'),
      size: item.dec('size'),
      principal: item.dec('principal'),
      interest: item.dec('interest'),
      status: item.oneOf('status', DEBIT_ORDER_STATUSES),
      createdTime: item.int('createdTime'),
    })),
  };
}

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
export async function getInterestHistory(
  transport: Transport,
  params: InterestHistoryParams = {},
  options: CallOptions = {},
): Promise<InterestHistoryResult> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'GET',
    path: '/api/v3/margin/interest',
    query: defined({ currency: params.currency, ...historyQuery(params) }),
    signal: options.signal,
  });
  const r = FieldReader.of(data, 'getInterestHistory');
  return {
    timestamp: r.int('timestamp'),
    ...readPage(r, (item) => ({
      currency: item.str('currency'),
      dayRatio: item.dec('dayRatio'),
      interestAmount: item.dec('interestAmount'),
      createdTime: item.int('createdTime'),
    })),
  };
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
export async function modifyLeverage(
  transport: Transport,
  params: ModifyLeverageParams,
  options: CallOptions = {},
): Promise<ModifyLeverageResult> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'POST',
    path: '/api/v3/position/update-user-leverage',
    body: defined({
      symbol: params.symbol,
      isIsolated: params.isIsolated,
      leverage: decimalString('leverage', params.leverage),
    }),
    signal: options.signal,
  });
  return readAcknowledgement(data, 'modifyLeverage');
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

function readCrossMarginRiskLimit(r: FieldReader): CrossMarginRiskLimit {
  return {
    timestamp: r.optInt('timestamp'),
    currency: r.str('currency'),
    borrowMaxAmount: r.optDec('borrowMaxAmount'),
    buyMaxAmount: r.optDec('buyMaxAmount'),
    holdMaxAmount: r.optDec('holdMaxAmount'),
    borrowCoefficient: r.optDec('borrowCoefficient'),
    marginCoefficient: r.optDec('marginCoefficient'),
    precision: r.optInt('precision'),
    borrowMinAmount: r.optDec('borrowMinAmount'),
    borrowMinUnit: r.optDec('borrowMinUnit'),
    borrowEnabled: r.optBool('borrowEnabled'),
  };
}

function readIsolatedMarginRiskLimit(r: FieldReader): IsolatedMarginRiskLimit {
  return {
    timestamp: r.optInt('timestamp'),
    symbol: r.str('symbol'),
    baseMaxBorrowAmount: r.optDec('baseMaxBorrowAmount'),
    quoteMaxBorrowAmount: r.optDec('quoteMaxBorrowAmount'),
    baseMaxBuyAmount: r.optDec('baseMaxBuyAmount'),
    quoteMaxBuyAmount: r.optDec('quoteMaxBuyAmount'),
    baseMaxHoldAmount: r.optDec('baseMaxHoldAmount'),
    quoteMaxHoldAmount: r.optDec('quoteMaxHoldAmount'),
    basePrecision: r.optInt('basePrecision'),
    quotePrecision: r.optInt('quotePrecision'),
    baseBorrowMinAmount: r.optDec('baseBorrowMinAmount'),
    quoteBorrowMinAmount: r.optDec('quoteBorrowMinAmount'),
    baseBorrowMinUnit: r.optDec('baseBorrowMinUnit'),
    quoteBorrowMinUnit: r.optDec('quoteBorrowMinUnit'),
    baseBorrowEnabled: r.optBool('baseBorrowEnabled'),
    quoteBorrowEnabled: r.optBool('quoteBorrowEnabled'),
    baseBorrowCoefficient: r.optDec('baseBorrowCoefficient'),
    quoteBorrowCoefficient: r.optDec('quoteBorrowCoefficient'),
    baseMarginCoefficient: r.optDec('baseMarginCoefficient'),
    quoteMarginCoefficient: r.optDec('quoteMarginCoefficient'),
  };
}

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
  const data = await transport.send({
    venue: 'kucoin',
    method: 'GET',
    path: '/api/v3/margin/currencies',
    query: params.isIsolated
      ? defined({ isIsolated: true, symbol: params.symbol })
      : defined({ isIsolated: params.isIsolated, currency: params.currency }),
    signal: options.signal,
  });
  return params.isIsolated
    ? FieldReader.listOf(data, 'getMarginRiskLimit', readIsolatedMarginRiskLimit)
    : FieldReader.listOf(data, 'getMarginRiskLimit', readCrossMarginRiskLimit);
}

function historyQuery(params: DebitHistoryQuery): Record<string, QueryValue> {
  return {
    isIsolated: params.isIsolated,
    symbol: params.symbol,
    startTime: params.startTime,
    endTime: params.endTime,
    currentPage: params.currentPage,
    pageSize: params.pageSize,
  };
}

function readSymbol(r: FieldReader): string | undefined {
  const symbol = r.optStr('symbol');
  return symbol === '' ? undefined : symbol;
}
