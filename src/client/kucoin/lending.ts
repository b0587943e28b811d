/**
 * KuCoin lending market: `kucoin-margin-rest-api.md`, "Get Loan Market" to "Get Redeem Orders".
 * The two market endpoints are public; purchase, redeem and their order lists are signed.
 */
import { Decimal } from '../../core/decimal.js';
import { kucoin, send, sendForList, sendForObject } from '../call.js';
import { decimalString, defined, readAcknowledgement } from '../params.js';
import { oneOf, type FieldReader } from '../read.js';
import type { Transport } from '../transport.js';
import { pageOf, pagedEndpoint } from './page.js';
import type { CallOptions, Page } from './types.js';

/** "Get Loan Market": `interestIncrement` defaults to 0.0001 when the venue leaves it out. */
const DEFAULT_INTEREST_INCREMENT = '0.0001';

/** Settlement state of a purchase or redeem order: DONE-completed, PENDING-settling. */
export type LendingOrderStatus = 'DONE' | 'PENDING';
const LENDING_ORDER_STATUSES: readonly LendingOrderStatus[] = ['DONE', 'PENDING'];

const PURCHASE_ORDER = {
  currency: 'str', purchaseOrderNo: 'str', purchaseSize: 'dec', matchSize: 'dec', interestRate: 'dec', incomeSize: 'dec', applyTime: 'int',
  status: oneOf(LENDING_ORDER_STATUSES),
} as const;
const REDEEM_ORDER = {
  currency: 'str', purchaseOrderNo: 'str', redeemOrderNo: 'str', redeemSize: 'dec', receiptSize: 'dec', applyTime: 'int',
  status: oneOf(LENDING_ORDER_STATUSES),
} as const;

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

const LOAN_MARKET = {
  currency: 'str', purchaseEnable: 'optBool', redeemEnable: 'optBool', increment: 'optDec', minPurchaseSize: 'optDec', maxPurchaseSize: 'optDec',
  minInterestRate: 'optDec', maxInterestRate: 'optDec', marketInterestRate: 'optDec', autoPurchaseEnable: 'optBool',
} as const;

function readLoanMarket(r: FieldReader): LoanMarket {
  return { ...r.fields(LOAN_MARKET), interestIncrement: r.optDec('interestIncrement') ?? new Decimal(DEFAULT_INTEREST_INCREMENT) };
}

/**
 * The hub key of the whole loan market (all currencies): one copy shared by the lending market's
 * poll and every reader of a rate (borrow/repay, the ticket's auto-borrow cost).
 */
export const LOAN_MARKET_KEY = 'kucoin:loan-market';

/** `GET /api/v3/project/list`: the currencies open for lending, all or one. */
export async function getLoanMarket(transport: Transport, params: LoanMarketParams = {}, options: CallOptions = {}): Promise<LoanMarket[]> {
  return sendForList(transport, kucoin('getLoanMarket', 'GET', '/api/v3/project/list', { query: defined({ currency: params.currency }) }), options, readLoanMarket);
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
export async function getLoanMarketInterestRate(transport: Transport, params: LoanMarketInterestRateParams, options: CallOptions = {}): Promise<LoanMarketInterestRate[]> {
  const call = kucoin('getLoanMarketInterestRate', 'GET', '/api/v3/project/marketInterestRate', { query: { currency: params.currency } });
  return sendForList(transport, call, options, (r) => r.fields({ time: 'str', marketInterestRate: 'dec' }));
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
export async function purchase(transport: Transport, params: PurchaseParams, options: CallOptions = {}): Promise<PurchaseResult> {
  const body = { ...params, size: decimalString('size', params.size), interestRate: decimalString('interestRate', params.interestRate) };
  return sendForObject(transport, kucoin('purchase', 'POST', '/api/v3/purchase', { body }), options, (r) => ({ orderNo: r.str('orderNo') }));
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
export async function modifyPurchase(transport: Transport, params: ModifyPurchaseParams, options: CallOptions = {}): Promise<ModifyPurchaseResult> {
  const body = { ...params, interestRate: decimalString('interestRate', params.interestRate) };
  return readAcknowledgement(await send(transport, kucoin('modifyPurchase', 'POST', '/api/v3/lend/purchase/update', { body }), options), 'modifyPurchase');
}

/** The query purchase and redeem orders share. */
export interface LendingOrdersQuery {
  status: LendingOrderStatus;
  currency?: string;
  /** From 1 (the default). */
  currentPage?: number;
  /** 1 to 50 (default 50). */
  pageSize?: number;
}

/** What purchase and redeem orders both say. */
export interface LendingOrder {
  currency: string;
  purchaseOrderNo: string;
  /** Milliseconds (redeem orders: the doc types it a string; a numeric string or a number is accepted). */
  applyTime: number;
  /** Redeem orders' schema lists no enum; its description names the same two states. */
  status: LendingOrderStatus;
}

export interface PurchaseOrdersParams extends LendingOrdersQuery {
  purchaseOrderNo?: string;
}

export interface PurchaseOrder extends LendingOrder {
  purchaseSize: Decimal;
  /** Executed (lent) size. */
  matchSize: Decimal;
  /** Target annualized rate. */
  interestRate: Decimal;
  /** Redeemed amount. */
  incomeSize: Decimal;
}

export type PurchaseOrdersResult = Page<PurchaseOrder>;

/** `GET /api/v3/purchase/orders`: the account's purchase orders, a page at a time. */
export const getPurchaseOrders = pagedEndpoint<PurchaseOrdersParams, PurchaseOrdersResult>('getPurchaseOrders', '/api/v3/purchase/orders', pageOf(PURCHASE_ORDER));

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
export async function redeem(transport: Transport, params: RedeemParams, options: CallOptions = {}): Promise<RedeemResult> {
  const body = { ...params, size: decimalString('size', params.size) };
  return sendForObject(transport, kucoin('redeem', 'POST', '/api/v3/redeem', { body }), options, (r) => ({ orderNo: r.str('orderNo') }));
}

export interface RedeemOrdersParams extends LendingOrdersQuery {
  redeemOrderNo?: string;
}

export interface RedeemOrder extends LendingOrder {
  redeemOrderNo: string;
  /** Size asked for. */
  redeemSize: Decimal;
  /** Size redeemed so far. */
  receiptSize: Decimal;
}

export type RedeemOrdersResult = Page<RedeemOrder>;

/** `GET /api/v3/redeem/orders`: the account's redeem orders, a page at a time. */
export const getRedeemOrders = pagedEndpoint<RedeemOrdersParams, RedeemOrdersResult>('getRedeemOrders', '/api/v3/redeem/orders', pageOf(REDEEM_ORDER));
