/**
 * KuCoin lending market: `kucoin-margin-rest-api.md`, "Get Loan Market" to "Get Redeem Orders".
 * The two market endpoints are public; purchase, redeem and their order lists are signed.
 */
import { Decimal } from '../../core/decimal.js';
import { decimalString, defined, readAcknowledgement } from '../params.js';
import { FieldReader } from '../read.js';
import type { Transport } from '../transport.js';
import { readPage } from './page.js';
import type { CallOptions, Page } from './types.js';

/** "Get Loan Market": `interestIncrement` defaults to 0.0001 when the venue leaves it out. */
const DEFAULT_INTEREST_INCREMENT = '0.0001';

/** Settlement state of a purchase or redeem order: DONE-completed, PENDING-settling. */
export type LendingOrderStatus = 'DONE' | 'PENDING';
const LENDING_ORDER_STATUSES: readonly LendingOrderStatus[] = ['DONE', 'PENDING'];

export interface LoanMarketParams {
  currency?: string;
}

/**
 * One currency of the lending market. The doc marks every field optional; `currency` is read
 * as required anyway, because a row that names no currency cannot be shown or acted on.
 */
export interface LoanMarket {
  currency: string;
  purchaseEnable?: boolean;
  redeemEnable?: boolean;
  /** Step of purchase and redeem sizes. */
  increment?: Decimal;
  minPurchaseSize?: Decimal;
  maxPurchaseSize?: Decimal;
  minInterestRate?: Decimal;
  maxInterestRate?: Decimal;
  /** Step of the lending rate; the doc's default (0.0001) when the venue omits it. */
  interestIncrement: Decimal;
  /** Latest market lending rate. */
  marketInterestRate?: Decimal;
  autoPurchaseEnable?: boolean;
}

function readLoanMarket(r: FieldReader): LoanMarket {
  return {
    currency: r.str('currency'),
    purchaseEnable: r.optBool('purchaseEnable'),
    redeemEnable: r.optBool('redeemEnable'),
    increment: r.optDec('increment'),
    minPurchaseSize: r.optDec('minPurchaseSize'),
    maxPurchaseSize: r.optDec('maxPurchaseSize'),
    minInterestRate: r.optDec('minInterestRate'),
    maxInterestRate: r.optDec('maxInterestRate'),
    interestIncrement: r.optDec('interestIncrement') ?? new Decimal(DEFAULT_INTEREST_INCREMENT),
    marketInterestRate: r.optDec('marketInterestRate'),
    autoPurchaseEnable: r.optBool('autoPurchaseEnable'),
  };
}

/** `GET /api/v3/project/list`: the currencies open for lending, all or one. */
export async function getLoanMarket(
  transport: Transport,
  params: LoanMarketParams = {},
  options: CallOptions = {},
): Promise<LoanMarket[]> {
  const data = await transport.send({
    venue: 'kucoin', method: 'GET', path: '/api/v3/project/list', query: defined({ currency: params.currency }), signal: options.signal,
  });
  return FieldReader.listOf(data, 'getLoanMarket', readLoanMarket);
}

export interface LoanMarketInterestRateParams {
  /** The doc types it a single string; its own example sends a comma list (`BTC,ETH,KCS`). */
  currency: string;
}

export interface LoanMarketInterestRate {
  /** Hour of the sample as the venue writes it, `YYYYMMDDHH00` (not a timestamp). */
  time: string;
  marketInterestRate: Decimal;
}

/** `GET /api/v3/project/marketInterestRate`: hourly market lending rates over the past 7 days. */
export async function getLoanMarketInterestRate(
  transport: Transport,
  params: LoanMarketInterestRateParams,
  options: CallOptions = {},
): Promise<LoanMarketInterestRate[]> {
  const data = await transport.send({
    venue: 'kucoin', method: 'GET', path: '/api/v3/project/marketInterestRate', query: { currency: params.currency }, signal: options.signal,
  });
  return FieldReader.listOf(data, 'getLoanMarketInterestRate', (r) => ({
    time: r.str('time'),
    marketInterestRate: r.dec('marketInterestRate'),
  }));
}

export interface PurchaseParams {
  currency: string;
  size: Decimal | string;
  interestRate: Decimal | string;
}

export interface PurchaseResult {
  /** The purchase order ID. */
  orderNo: string;
}

/** `POST /api/v3/purchase`: lend `size` of `currency` at no less than `interestRate`. */
export async function purchase(
  transport: Transport,
  params: PurchaseParams,
  options: CallOptions = {},
): Promise<PurchaseResult> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'POST',
    path: '/api/v3/purchase',
    body: {
      currency: params.currency,
      size: decimalString('size', params.size),
      interestRate: decimalString('interestRate', params.interestRate),
    },
    signal: options.signal,
  });
  return { orderNo: FieldReader.of(data, 'purchase').str('orderNo') };
}

export interface ModifyPurchaseParams {
  currency: string;
  interestRate: Decimal | string;
  purchaseOrderNo: string;
}

/**
 * The doc types `data` as a string and says nothing of its content; KuCoin is known to send
 * `null` here, so both are accepted and the text, if any, is passed through.
 */
export type ModifyPurchaseResult = string | undefined;

/** `POST /api/v3/lend/purchase/update`: a new rate for a purchase order, effective from the next hour. */
export async function modifyPurchase(
  transport: Transport,
  params: ModifyPurchaseParams,
  options: CallOptions = {},
): Promise<ModifyPurchaseResult> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'POST',
    path: '/api/v3/lend/purchase/update',
    body: {
      currency: params.currency,
      interestRate: decimalString('interestRate', params.interestRate),
      purchaseOrderNo: params.purchaseOrderNo,
    },
    signal: options.signal,
  });
  return readAcknowledgement(data, 'modifyPurchase');
}

export interface PurchaseOrdersParams {
  status: LendingOrderStatus;
  currency?: string;
  purchaseOrderNo?: string;
  /** From 1 (the default). */
  currentPage?: number;
  /** 1 to 50 (default 50). */
  pageSize?: number;
}

export interface PurchaseOrder {
  currency: string;
  purchaseOrderNo: string;
  purchaseSize: Decimal;
  /** Executed (lent) size. */
  matchSize: Decimal;
  /** Target annualized rate. */
  interestRate: Decimal;
  /** Redeemed amount. */
  incomeSize: Decimal;
  /** Milliseconds. */
  applyTime: number;
  status: LendingOrderStatus;
}

export type PurchaseOrdersResult = Page<PurchaseOrder>;

/** `GET /api/v3/purchase/orders`: the account's purchase orders, a page at a time. */
export async function getPurchaseOrders(
  transport: Transport,
  params: PurchaseOrdersParams,
  options: CallOptions = {},
): Promise<PurchaseOrdersResult> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'GET',
    path: '/api/v3/purchase/orders',
    query: defined({
      status: params.status,
      currency: params.currency,
      purchaseOrderNo: params.purchaseOrderNo,
      currentPage: params.currentPage,
      pageSize: params.pageSize,
    }),
    signal: options.signal,
  });
  return readPage(FieldReader.of(data, 'getPurchaseOrders'), (r) => ({
    currency: r.str('currency'),
    purchaseOrderNo: r.str('purchaseOrderNo'),
    purchaseSize: r.dec('purchaseSize'),
    matchSize: r.dec('matchSize'),
    interestRate: r.dec('interestRate'),
    incomeSize: r.dec('incomeSize'),
    applyTime: r.int('applyTime'),
    status: r.oneOf('status', LENDING_ORDER_STATUSES),
  }));
}

export interface RedeemParams {
  currency: string;
  size: Decimal | string;
  purchaseOrderNo: string;
}

export interface RedeemResult {
  /** The redeem order ID. */
  orderNo: string;
}

/** `POST /api/v3/redeem`: take `size` back out of a purchase order. */
export async function redeem(
  transport: Transport,
  params: RedeemParams,
  options: CallOptions = {},
): Promise<RedeemResult> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'POST',
    path: '/api/v3/redeem',
    body: {
      currency: params.currency,
      size: decimalString('size', params.size),
      purchaseOrderNo: params.purchaseOrderNo,
    },
    signal: options.signal,
  });
  return { orderNo: FieldReader.of(data, 'redeem').str('orderNo') };
}

export interface RedeemOrdersParams {
  status: LendingOrderStatus;
  currency?: string;
  redeemOrderNo?: string;
  /** From 1 (the default). */
  currentPage?: number;
  /** 1 to 50 (default 50). */
  pageSize?: number;
}

export interface RedeemOrder {
  currency: string;
  purchaseOrderNo: string;
  redeemOrderNo: string;
  /** Size asked for. */
  redeemSize: Decimal;
  /** Size redeemed so far. */
  receiptSize: Decimal;
  /**
   * Milliseconds. The doc types it a string here (an integer in purchase orders); a numeric
   * string or a number is accepted, anything else is a malformed answer.
   */
  applyTime: number;
  /** The response schema lists no enum here; its description names the same two states. */
  status: LendingOrderStatus;
}

export type RedeemOrdersResult = Page<RedeemOrder>;

/** `GET /api/v3/redeem/orders`: the account's redeem orders, a page at a time. */
export async function getRedeemOrders(
  transport: Transport,
  params: RedeemOrdersParams,
  options: CallOptions = {},
): Promise<RedeemOrdersResult> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'GET',
    path: '/api/v3/redeem/orders',
    query: defined({
      status: params.status,
      currency: params.currency,
      redeemOrderNo: params.redeemOrderNo,
      currentPage: params.currentPage,
      pageSize: params.pageSize,
    }),
    signal: options.signal,
  });
  return readPage(FieldReader.of(data, 'getRedeemOrders'), (r) => ({
    currency: r.str('currency'),
    purchaseOrderNo: r.str('purchaseOrderNo'),
    redeemOrderNo: r.str('redeemOrderNo'),
    redeemSize: r.dec('redeemSize'),
    receiptSize: r.dec('receiptSize'),
    applyTime: r.int('applyTime'),
    status: r.oneOf('status', LENDING_ORDER_STATUSES),
  }));
}
