/**
 * KuCoin margin orders (private, signed): `kucoin-margin-rest-api.md`, "Add Order" to
 * "Add Order Test - V1".
 */
import { isValidClientOid } from '../../core/client-oid.js';
import type { Decimal } from '../../core/decimal.js';
import { decimalString, defined, optDecimalString } from '../params.js';
import { fillPath } from '../../core/endpoints.js';
import { kucoin, send, sendForList, sendForObject, type Call } from '../call.js';
import { MalformedResponseError, ValidationError } from '../errors.js';
import { oneOf, type FieldReader } from '../read.js';
import type { Transport } from '../transport.js';
import type { CallOptions } from './types.js';

export type OrderSide = 'buy' | 'sell';
export type OrderType = 'limit' | 'market';
/** Self Trade Prevention: decrease and cancel, cancel oldest, cancel newest, cancel both. */
export type SelfTradePrevention = 'DC' | 'CO' | 'CN' | 'CB';
export type TimeInForce = 'GTC' | 'GTT' | 'IOC' | 'FOK';
/** `MARGIN_TRADE`: cross margin; `MARGIN_ISOLATED_TRADE`: isolated margin. */
export type MarginTradeType = 'MARGIN_TRADE' | 'MARGIN_ISOLATED_TRADE';
/** The V1 endpoints' name for cross or isolated. */
export type MarginModel = 'cross' | 'isolated';
export type Liquidity = 'taker' | 'maker';

const SIDES: readonly OrderSide[] = ['buy', 'sell'];
const TYPES: readonly OrderType[] = ['limit', 'market'];
const STPS: readonly SelfTradePrevention[] = ['DC', 'CO', 'CN', 'CB'];
const TIMES_IN_FORCE: readonly TimeInForce[] = ['GTC', 'GTT', 'IOC', 'FOK'];
const LIQUIDITIES: readonly Liquidity[] = ['taker', 'maker'];

/** The body fields "Add Order" and "Add Order - V1" share. */
interface OrderParamsBase {
  /**
   * Required by the venue, and the caller's: a retry of the same submit must reuse it so the
   * order is never placed twice. Letters, digits, `_`, `-`, at most 40 characters.
   */
  clientOid: string;
  side: OrderSide;
  symbol: string;
  /** Venue default: `limit`. */
  type?: OrderType;
  stp?: SelfTradePrevention;
  /** Limit orders: a multiple of the symbol's `priceIncrement`. */
  price?: Decimal | string;
  /** Limit orders: base amount. Market orders: `size` or `funds`, not both. */
  size?: Decimal | string;
  /** Venue default: `GTC`. */
  timeInForce?: TimeInForce;
  /** Ignored by the venue with `IOC` or `FOK`. */
  postOnly?: boolean;
  hidden?: boolean;
  iceberg?: boolean;
  /** Iceberg orders: the most shown in the book. */
  visibleSize?: Decimal | string;
  /** Seconds, with `timeInForce: 'GTT'`. */
  cancelAfter?: number;
  /** Market orders: quote amount, instead of `size`. */
  funds?: Decimal | string;
  autoBorrow?: boolean;
  autoRepay?: boolean;
}

export interface AddOrderParams extends OrderParamsBase {
  /** `true`: isolated margin; venue default `false` (cross). */
  isIsolated?: boolean;
}

/** "Add Order Test" takes exactly what "Add Order" takes. */
export type AddOrderTestParams = AddOrderParams;

export interface AddOrderV1Params extends OrderParamsBase {
  /** Venue default: `cross`. */
  marginModel?: MarginModel;
}

/** "Add Order Test - V1" takes exactly what "Add Order - V1" takes. */
export type AddOrderTestV1Params = AddOrderV1Params;

export interface AddOrderResult {
  orderId: string;
  /** Only with `autoBorrow` (the doc marks it required, and says it is returned only then). */
  loanApplyId?: string;
  /** Only with `autoBorrow`, as `loanApplyId`. */
  borrowSize?: Decimal;
  clientOid: string;
}

export type AddOrderTestResult = AddOrderResult;

export interface AddOrderV1Result {
  orderId: string;
  /** Only with `autoBorrow`. */
  loanApplyId?: string;
  /** Only with `autoBorrow`. */
  borrowSize?: Decimal;
  /** The doc: "This return value is invalid". Rely on the `clientOid` you sent. */
  clientOid?: string;
}

export type AddOrderTestV1Result = AddOrderV1Result;

export interface OrderByOrderIdParams {
  orderId: string;
  symbol: string;
}

export interface OrderByClientOidParams {
  clientOid: string;
  symbol: string;
}

export type CancelOrderByOrderIdParams = OrderByOrderIdParams;
export type GetOrderByOrderIdParams = OrderByOrderIdParams;
export type CancelOrderByClientOidParams = OrderByClientOidParams;
export type GetOrderByClientOidParams = OrderByClientOidParams;

export interface CancelOrderByOrderIdResult {
  orderId: string;
}

export interface CancelOrderByClientOidResult {
  clientOid: string;
}

export interface CancelAllOrdersBySymbolParams {
  symbol: string;
  tradeType: MarginTradeType;
}

export interface GetSymbolsWithOpenOrderParams {
  tradeType: MarginTradeType;
}

export interface SymbolsWithOpenOrder {
  symbolSize: number;
  symbols: string[];
}

export interface GetOpenOrdersParams {
  symbol: string;
  tradeType: MarginTradeType;
}

export interface GetClosedOrdersParams {
  symbol: string;
  tradeType: MarginTradeType;
  side?: OrderSide;
  type?: OrderType;
  /** The `lastId` of the previous batch, to read the next one. */
  lastId?: number;
  /** Venue default 20, at most 100. */
  limit?: number;
  /** Milliseconds. */
  startAt?: number;
  /** Milliseconds. */
  endAt?: number;
}

export interface GetTradeHistoryParams extends GetClosedOrdersParams {
  orderId?: string;
}

/** One margin order, as "Get Order By OrderId", "Get Open Orders" and "Get Closed Orders" give it. */
export interface MarginOrder {
  id: string;
  symbol: string;
  opType: string;
  type: OrderType;
  side: OrderSide;
  price: Decimal;
  size: Decimal;
  funds: Decimal;
  dealSize: Decimal;
  dealFunds: Decimal;
  fee: Decimal;
  feeCurrency: string;
  stp?: SelfTradePrevention;
  stop?: string;
  stopTriggered: boolean;
  stopPrice: Decimal;
  timeInForce: TimeInForce;
  postOnly: boolean;
  hidden: boolean;
  iceberg: boolean;
  visibleSize: Decimal;
  /** Seconds, for `GTT`. */
  cancelAfter: number;
  channel: string;
  clientOid: string;
  /** Required in "Get Order By OrderId", optional in the other three sections. */
  remark?: string;
  tags?: string;
  cancelExist: boolean;
  /** Milliseconds. */
  createdAt: number;
  /** Milliseconds. */
  lastUpdatedAt: number;
  /** `MARGIN_TRADE` or `MARGIN_ISOLATED_TRADE`; the doc lists no values for the answer. */
  tradeType: string;
  inOrderBook: boolean;
  cancelledSize: Decimal;
  cancelledFunds: Decimal;
  remainSize: Decimal;
  remainFunds: Decimal;
  /** "Users in some regions have this field": absent for the others, although marked required. */
  tax?: Decimal;
  /** `true`: open; `false`: done (filled or cancelled). */
  active: boolean;
}

export interface ClosedOrders {
  /** Pass as `lastId` to read the next, older batch. */
  lastId: number;
  items: MarginOrder[];
}

/** One fill, as "Get Trade History" gives it. */
export interface MarginFill {
  id: number;
  symbol: string;
  tradeId: number;
  orderId: string;
  counterOrderId: string;
  side: OrderSide;
  liquidity: Liquidity;
  forceTaker: boolean;
  price: Decimal;
  size: Decimal;
  funds: Decimal;
  fee: Decimal;
  feeRate: Decimal;
  feeCurrency: string;
  /** Empty: HF margin has no take profit or stop loss. */
  stop: string;
  tradeType: string;
  /** "Users in some regions have this field". */
  tax?: Decimal;
  /** As `tax`. */
  taxRate?: Decimal;
  type: OrderType;
  /** Milliseconds. */
  createdAt: number;
}

export interface TradeHistory {
  items: MarginFill[];
  /** Pass as `lastId` to read the next, older batch. */
  lastId: number;
}




function orderBody(params: OrderParamsBase): Record<string, unknown> {
  // Checked here because the same clientOid later becomes a path segment in the lookup that
  // settles an unknown outcome: an id that cannot be looked up must not be placed.
  if (!isValidClientOid(params.clientOid)) {
    throw new ValidationError([{ field: 'clientOid', rule: 'characters' }]);
  }
  return {
    clientOid: params.clientOid,
    side: params.side,
    symbol: params.symbol,
    type: params.type,
    stp: params.stp,
    price: optDecimalString('price', params.price),
    size: optDecimalString('size', params.size),
    timeInForce: params.timeInForce,
    postOnly: params.postOnly,
    hidden: params.hidden,
    iceberg: params.iceberg,
    visibleSize: optDecimalString('visibleSize', params.visibleSize),
    cancelAfter: params.cancelAfter,
    funds: optDecimalString('funds', params.funds),
    autoBorrow: params.autoBorrow,
    autoRepay: params.autoRepay,
  };
}

function addOrderBody(params: AddOrderParams): Record<string, unknown> {
  return defined({ ...orderBody(params), isIsolated: params.isIsolated });
}

function addOrderV1Body(params: AddOrderV1Params): Record<string, unknown> {
  return defined({ ...orderBody(params), marginModel: params.marginModel });
}

/** An enumerated field the doc marks optional; KuCoin sends `""` for "none". */
function optOneOf<T extends string>(r: FieldReader, key: string, values: readonly T[]): T | undefined {
  return r.has(key) && r.str(key) !== '' ? r.oneOf(key, values) : undefined;
}

/** An optional string the venue may send as `""` for "none". */
const optNonEmpty = (r: FieldReader, key: string): string | undefined => r.optStr(key) || undefined;

function readAddOrderResult(r: FieldReader): AddOrderResult {
  return r.fields({ orderId: 'str', loanApplyId: optNonEmpty, borrowSize: 'optDec', clientOid: 'str' });
}

function readAddOrderV1Result(r: FieldReader): AddOrderV1Result {
  return r.fields({ orderId: 'str', loanApplyId: optNonEmpty, borrowSize: 'optDec', clientOid: 'optStr' });
}

const MARGIN_ORDER = {
  id: 'str', symbol: 'str', opType: 'str', type: oneOf(TYPES), side: oneOf(SIDES), price: 'dec', size: 'dec', funds: 'dec', dealSize: 'dec',
  dealFunds: 'dec', fee: 'dec', feeCurrency: 'str', stp: (r: FieldReader, key: string) => optOneOf(r, key, STPS), stop: 'optStr',
  stopTriggered: 'bool', stopPrice: 'dec', timeInForce: oneOf(TIMES_IN_FORCE), postOnly: 'bool', hidden: 'bool', iceberg: 'bool',
  visibleSize: 'dec', cancelAfter: 'int', channel: 'str', clientOid: 'str', remark: 'optStr', tags: 'optStr', cancelExist: 'bool',
  createdAt: 'int', lastUpdatedAt: 'int', tradeType: 'str', inOrderBook: 'bool', cancelledSize: 'dec', cancelledFunds: 'dec',
  remainSize: 'dec', remainFunds: 'dec', tax: 'optDec', active: 'bool',
} as const;
const readMarginOrder = (r: FieldReader): MarginOrder => r.fields(MARGIN_ORDER);

const MARGIN_FILL = {
  id: 'int', symbol: 'str', tradeId: 'int', orderId: 'str', counterOrderId: 'str', side: oneOf(SIDES), liquidity: oneOf(LIQUIDITIES),
  forceTaker: 'bool', price: 'dec', size: 'dec', funds: 'dec', fee: 'dec', feeRate: 'dec', feeCurrency: 'str', stop: 'str', tradeType: 'str',
  tax: 'optDec', taxRate: 'optDec', type: oneOf(TYPES), createdAt: 'int',
} as const;
const readMarginFill = (r: FieldReader): MarginFill => r.fields(MARGIN_FILL);

/** The order look-ups and cancels: one order of one symbol, by the id the venue or we gave it. */
function byId(name: string, method: 'GET' | 'DELETE', id: { orderId: string } | { clientOid: string }, symbol: string): Call {
  const path = 'orderId' in id ? fillPath('/api/v3/hf/margin/orders/{orderId}', id) : fillPath('/api/v3/hf/margin/orders/client-order/{clientOid}', id);
  return kucoin(name, method, path, { query: { symbol } });
}

/** `POST /api/v3/hf/margin/order`: places a cross or isolated margin order. */
export async function addOrder(transport: Transport, params: AddOrderParams, options: CallOptions = {}): Promise<AddOrderResult> {
  return sendForObject(transport, kucoin('addOrder', 'POST', '/api/v3/hf/margin/order', { body: addOrderBody(params) }), options, readAddOrderResult);
}

/** `POST /api/v3/hf/margin/order/test`: checks an order (and the signature) without placing it. */
export async function addOrderTest(transport: Transport, params: AddOrderTestParams, options: CallOptions = {}): Promise<AddOrderTestResult> {
  return sendForObject(transport, kucoin('addOrderTest', 'POST', '/api/v3/hf/margin/order/test', { body: addOrderBody(params) }), options, readAddOrderResult);
}

/** `DELETE /api/v3/hf/margin/orders/{orderId}`: asks to cancel; the order's status tells whether it was. */
export async function cancelOrderByOrderId(transport: Transport, params: CancelOrderByOrderIdParams, options: CallOptions = {}): Promise<CancelOrderByOrderIdResult> {
  const call = byId('cancelOrderByOrderId', 'DELETE', { orderId: params.orderId }, params.symbol);
  return sendForObject(transport, call, options, (r) => ({ orderId: r.str('orderId') }));
}

/** `GET /api/v3/hf/margin/orders/{orderId}`: one order, open or done. */
export async function getOrderByOrderId(transport: Transport, params: GetOrderByOrderIdParams, options: CallOptions = {}): Promise<MarginOrder> {
  return sendForObject(transport, byId('getOrderByOrderId', 'GET', { orderId: params.orderId }, params.symbol), options, readMarginOrder);
}

/** `DELETE /api/v3/hf/margin/orders/client-order/{clientOid}`: asks to cancel; the order's status tells whether it was. */
export async function cancelOrderByClientOid(transport: Transport, params: CancelOrderByClientOidParams, options: CallOptions = {}): Promise<CancelOrderByClientOidResult> {
  const call = byId('cancelOrderByClientOid', 'DELETE', { clientOid: params.clientOid }, params.symbol);
  return sendForObject(transport, call, options, (r) => ({ clientOid: r.str('clientOid') }));
}

/**
 * `GET /api/v3/hf/margin/orders/client-order/{clientOid}`: one order by the id we chose, which is
 * how a placement whose outcome is unknown gets settled.
 */
export async function getOrderByClientOid(transport: Transport, params: GetOrderByClientOidParams, options: CallOptions = {}): Promise<MarginOrder> {
  return sendForObject(transport, byId('getOrderByClientOid', 'GET', { clientOid: params.clientOid }, params.symbol), options, readMarginOrder);
}

/**
 * `DELETE /api/v3/hf/margin/orders`: asks to cancel every open order of one symbol. Resolves
 * with the venue's bare string answer (`data` is a string, not an object).
 */
export async function cancelAllOrdersBySymbol(transport: Transport, params: CancelAllOrdersBySymbolParams, options: CallOptions = {}): Promise<string> {
  const data = await send(transport, kucoin('cancelAllOrdersBySymbol', 'DELETE', '/api/v3/hf/margin/orders', { query: { symbol: params.symbol, tradeType: params.tradeType } }), options);
  if (typeof data !== 'string') throw new MalformedResponseError('cancelAllOrdersBySymbol: expected a string', 200);
  return data;
}

/** `GET /api/v3/hf/margin/order/active/symbols`: the symbols that have open orders. */
export async function getSymbolsWithOpenOrder(transport: Transport, params: GetSymbolsWithOpenOrderParams, options: CallOptions = {}): Promise<SymbolsWithOpenOrder> {
  const call = kucoin('getSymbolsWithOpenOrder', 'GET', '/api/v3/hf/margin/order/active/symbols', { query: { tradeType: params.tradeType } });
  return sendForObject(transport, call, options, (r) => ({ symbolSize: r.int('symbolSize'), symbols: r.strList('symbols') }));
}

/** `GET /api/v3/hf/margin/orders/active`: every open order of one symbol, latest update first. */
export async function getOpenOrders(transport: Transport, params: GetOpenOrdersParams, options: CallOptions = {}): Promise<MarginOrder[]> {
  const call = kucoin('getOpenOrders', 'GET', '/api/v3/hf/margin/orders/active', { query: { symbol: params.symbol, tradeType: params.tradeType } });
  return sendForList(transport, call, options, readMarginOrder);
}

/** `GET /api/v3/hf/margin/orders/done`: one batch of done orders, latest first; page with `lastId`. */
export async function getClosedOrders(transport: Transport, params: GetClosedOrdersParams, options: CallOptions = {}): Promise<ClosedOrders> {
  const call = kucoin('getClosedOrders', 'GET', '/api/v3/hf/margin/orders/done', { query: { ...params } });
  return sendForObject(transport, call, options, (r) => ({ lastId: r.int('lastId'), items: r.list('items', readMarginOrder) }));
}

/** `GET /api/v3/hf/margin/fills`: one batch of fills, latest first; page with `lastId`. */
export async function getTradeHistory(transport: Transport, params: GetTradeHistoryParams, options: CallOptions = {}): Promise<TradeHistory> {
  const call = kucoin('getTradeHistory', 'GET', '/api/v3/hf/margin/fills', { query: { ...params } });
  return sendForObject(transport, call, options, (r) => ({ items: r.list('items', readMarginFill), lastId: r.int('lastId') }));
}

/** `POST /api/v1/margin/order`: the older placement endpoint, cross or isolated by `marginModel`. */
export async function addOrderV1(transport: Transport, params: AddOrderV1Params, options: CallOptions = {}): Promise<AddOrderV1Result> {
  return sendForObject(transport, kucoin('addOrderV1', 'POST', '/api/v1/margin/order', { body: addOrderV1Body(params) }), options, readAddOrderV1Result);
}

/** `POST /api/v1/margin/order/test`: checks a V1 order (and the signature) without placing it. */
export async function addOrderTestV1(transport: Transport, params: AddOrderTestV1Params, options: CallOptions = {}): Promise<AddOrderTestV1Result> {
  return sendForObject(transport, kucoin('addOrderTestV1', 'POST', '/api/v1/margin/order/test', { body: addOrderV1Body(params) }), options, readAddOrderV1Result);
}
