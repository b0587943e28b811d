/**
 * KuCoin margin orders (private, signed): `kucoin-margin-rest-api.md`, "Add Order" to
 * "Add Order Test - V1".
 */
import { isValidClientOid } from '../../core/client-oid.js';
import type { Decimal } from '../../core/decimal.js';
import { decimalString, defined, optDecimalString } from '../params.js';
import { fillPath } from '../../core/endpoints.js';
import { MalformedResponseError, ValidationError } from '../errors.js';
import { FieldReader } from '../read.js';
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

function readAddOrderResult(r: FieldReader): AddOrderResult {
  return {
    orderId: r.str('orderId'),
    loanApplyId: r.optStr('loanApplyId') || undefined,
    borrowSize: r.optDec('borrowSize'),
    clientOid: r.str('clientOid'),
  };
}

function readAddOrderV1Result(r: FieldReader): AddOrderV1Result {
  return {
    orderId: r.str('orderId'),
    loanApplyId: r.optStr('loanApplyId') || undefined,
    borrowSize: r.optDec('borrowSize'),
    clientOid: r.optStr('clientOid'),
  };
}

function readMarginOrder(r: FieldReader): MarginOrder {
  return {
    id: r.str('id'),
    symbol: r.str('symbol'),
    opType: r.str('opType'),
    type: r.oneOf('type', TYPES),
    side: r.oneOf('side', SIDES),
    price: r.dec('price'),
    size: r.dec('size'),
    funds: r.dec('funds'),
    dealSize: r.dec('dealSize'),
    dealFunds: r.dec('dealFunds'),
    fee: r.dec('fee'),
    feeCurrency: r.str('feeCurrency'),
    stp: optOneOf(r, 'stp', STPS),
    stop: r.optStr('stop'),
    stopTriggered: r.bool('stopTriggered'),
    stopPrice: r.dec('stopPrice'),
    timeInForce: r.oneOf('timeInForce', TIMES_IN_FORCE),
    postOnly: r.bool('postOnly'),
    hidden: r.bool('hidden'),
    iceberg: r.bool('iceberg'),
    visibleSize: r.dec('visibleSize'),
    cancelAfter: r.int('cancelAfter'),
    channel: r.str('channel'),
    clientOid: r.str('clientOid'),
    remark: r.optStr('remark'),
    tags: r.optStr('tags'),
    cancelExist: r.bool('cancelExist'),
    createdAt: r.int('createdAt'),
    lastUpdatedAt: r.int('lastUpdatedAt'),
    tradeType: r.str('tradeType'),
    inOrderBook: r.bool('inOrderBook'),
    cancelledSize: r.dec('cancelledSize'),
    cancelledFunds: r.dec('cancelledFunds'),
    remainSize: r.dec('remainSize'),
    remainFunds: r.dec('remainFunds'),
    tax: r.optDec('tax'),
    active: r.bool('active'),
  };
}

function readMarginFill(r: FieldReader): MarginFill {
  return {
    id: r.int('id'),
    symbol: r.str('symbol'),
    tradeId: r.int('tradeId'),
    orderId: r.str('orderId'),
    counterOrderId: r.str('counterOrderId'),
    side: r.oneOf('side', SIDES),
    liquidity: r.oneOf('liquidity', LIQUIDITIES),
    forceTaker: r.bool('forceTaker'),
    price: r.dec('price'),
    size: r.dec('size'),
    funds: r.dec('funds'),
    fee: r.dec('fee'),
    feeRate: r.dec('feeRate'),
    feeCurrency: r.str('feeCurrency'),
    stop: r.str('stop'),
    tradeType: r.str('tradeType'),
    tax: r.optDec('tax'),
    taxRate: r.optDec('taxRate'),
    type: r.oneOf('type', TYPES),
    createdAt: r.int('createdAt'),
  };
}

/** `POST /api/v3/hf/margin/order`: places a cross or isolated margin order. */
export async function addOrder(
  transport: Transport,
  params: AddOrderParams,
  options: CallOptions = {},
): Promise<AddOrderResult> {
  const body = addOrderBody(params);
  const data = await transport.send({
    venue: 'kucoin', method: 'POST', path: '/api/v3/hf/margin/order', body, signal: options.signal,
  });
  return readAddOrderResult(FieldReader.of(data, 'addOrder'));
}

/** `POST /api/v3/hf/margin/order/test`: checks an order (and the signature) without placing it. */
export async function addOrderTest(
  transport: Transport,
  params: AddOrderTestParams,
  options: CallOptions = {},
): Promise<AddOrderTestResult> {
  const body = addOrderBody(params);
  const data = await transport.send({
    venue: 'kucoin', method: 'POST', path: '/api/v3/hf/margin/order/test', body, signal: options.signal,
  });
  return readAddOrderResult(FieldReader.of(data, 'addOrderTest'));
}

/** `DELETE /api/v3/hf/margin/orders/{orderId}`: asks to cancel; the order's status tells whether it was. */
export async function cancelOrderByOrderId(
  transport: Transport,
  params: CancelOrderByOrderIdParams,
  options: CallOptions = {},
): Promise<CancelOrderByOrderIdResult> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'DELETE',
    path: fillPath('/api/v3/hf/margin/orders/{orderId}', { orderId: params.orderId }),
    query: { symbol: params.symbol },
    signal: options.signal,
  });
  const r = FieldReader.of(data, 'cancelOrderByOrderId');
  return { orderId: r.str('orderId') };
}

/** `GET /api/v3/hf/margin/orders/{orderId}`: one order, open or done. */
export async function getOrderByOrderId(
  transport: Transport,
  params: GetOrderByOrderIdParams,
  options: CallOptions = {},
): Promise<MarginOrder> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'GET',
    path: fillPath('/api/v3/hf/margin/orders/{orderId}', { orderId: params.orderId }),
    query: { symbol: params.symbol },
    signal: options.signal,
  });
  return readMarginOrder(FieldReader.of(data, 'getOrderByOrderId'));
}

/** `DELETE /api/v3/hf/margin/orders/client-order/{clientOid}`: asks to cancel; the order's status tells whether it was. */
export async function cancelOrderByClientOid(
  transport: Transport,
  params: CancelOrderByClientOidParams,
  options: CallOptions = {},
): Promise<CancelOrderByClientOidResult> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'DELETE',
    path: fillPath('/api/v3/hf/margin/orders/client-order/{clientOid}', { clientOid: params.clientOid }),
    query: { symbol: params.symbol },
    signal: options.signal,
  });
  const r = FieldReader.of(data, 'cancelOrderByClientOid');
  return { clientOid: r.str('clientOid') };
}

/**
 * `GET /api/v3/hf/margin/orders/client-order/{clientOid}`: one order by the id we chose, which is
 * how a placement whose outcome is unknown gets settled.
 */
export async function getOrderByClientOid(
  transport: Transport,
  params: GetOrderByClientOidParams,
  options: CallOptions = {},
): Promise<MarginOrder> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'GET',
    path: fillPath('/api/v3/hf/margin/orders/client-order/{clientOid}', { clientOid: params.clientOid }),
    query: { symbol: params.symbol },
    signal: options.signal,
  });
  return readMarginOrder(FieldReader.of(data, 'getOrderByClientOid'));
}

/**
 * `DELETE /api/v3/hf/margin/orders`: asks to cancel every open order of one symbol. Resolves
 * with the venue's bare string answer (`data` is a string, not an object).
 */
export async function cancelAllOrdersBySymbol(
  transport: Transport,
  params: CancelAllOrdersBySymbolParams,
  options: CallOptions = {},
): Promise<string> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'DELETE',
    path: '/api/v3/hf/margin/orders',
    query: { symbol: params.symbol, tradeType: params.tradeType },
    signal: options.signal,
  });
  if (typeof data !== 'string') throw new MalformedResponseError('cancelAllOrdersBySymbol: expected a string', 200);
  return data;
}

/** `GET /api/v3/hf/margin/order/active/symbols`: the symbols that have open orders. */
export async function getSymbolsWithOpenOrder(
  transport: Transport,
  params: GetSymbolsWithOpenOrderParams,
  options: CallOptions = {},
): Promise<SymbolsWithOpenOrder> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'GET',
    path: '/api/v3/hf/margin/order/active/symbols',
    query: { tradeType: params.tradeType },
    signal: options.signal,
  });
  const r = FieldReader.of(data, 'getSymbolsWithOpenOrder');
  return { symbolSize: r.int('symbolSize'), symbols: r.strList('symbols') };
}

/** `GET /api/v3/hf/margin/orders/active`: every open order of one symbol, latest update first. */
export async function getOpenOrders(
  transport: Transport,
  params: GetOpenOrdersParams,
  options: CallOptions = {},
): Promise<MarginOrder[]> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'GET',
    path: '/api/v3/hf/margin/orders/active',
    query: { symbol: params.symbol, tradeType: params.tradeType },
    signal: options.signal,
  });
  return FieldReader.listOf(data, 'getOpenOrders', readMarginOrder);
}

/** `GET /api/v3/hf/margin/orders/done`: one batch of done orders, latest first; page with `lastId`. */
export async function getClosedOrders(
  transport: Transport,
  params: GetClosedOrdersParams,
  options: CallOptions = {},
): Promise<ClosedOrders> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'GET',
    path: '/api/v3/hf/margin/orders/done',
    query: {
      symbol: params.symbol,
      tradeType: params.tradeType,
      side: params.side,
      type: params.type,
      lastId: params.lastId,
      limit: params.limit,
      startAt: params.startAt,
      endAt: params.endAt,
    },
    signal: options.signal,
  });
  const r = FieldReader.of(data, 'getClosedOrders');
  return { lastId: r.int('lastId'), items: r.list('items', readMarginOrder) };
}

/** `GET /api/v3/hf/margin/fills`: one batch of fills, latest first; page with `lastId`. */
export async function getTradeHistory(
  transport: Transport,
  params: GetTradeHistoryParams,
  options: CallOptions = {},
): Promise<TradeHistory> {
  const data = await transport.send({
    venue: 'kucoin',
    method: 'GET',
    path: '/api/v3/hf/margin/fills',
    query: {
      symbol: params.symbol,
      tradeType: params.tradeType,
      orderId: params.orderId,
      side: params.side,
      type: params.type,
      lastId: params.lastId,
      limit: params.limit,
      startAt: params.startAt,
      endAt: params.endAt,
    },
    signal: options.signal,
  });
  const r = FieldReader.of(data, 'getTradeHistory');
  return { items: r.list('items', readMarginFill), lastId: r.int('lastId') };
}

/** `POST /api/v1/margin/order`: the older placement endpoint, cross or isolated by `marginModel`. */
export async function addOrderV1(
  transport: Transport,
  params: AddOrderV1Params,
  options: CallOptions = {},
): Promise<AddOrderV1Result> {
  const body = addOrderV1Body(params);
  const data = await transport.send({
    venue: 'kucoin', method: 'POST', path: '/api/v1/margin/order', body, signal: options.signal,
  });
  return readAddOrderV1Result(FieldReader.of(data, 'addOrderV1'));
}

/** `POST /api/v1/margin/order/test`: checks a V1 order (and the signature) without placing it. */
export async function addOrderTestV1(
  transport: Transport,
  params: AddOrderTestV1Params,
  options: CallOptions = {},
): Promise<AddOrderTestV1Result> {
  const body = addOrderV1Body(params);
  const data = await transport.send({
    venue: 'kucoin', method: 'POST', path: '/api/v1/margin/order/test', body, signal: options.signal,
  });
  return readAddOrderV1Result(FieldReader.of(data, 'addOrderTestV1'));
}
