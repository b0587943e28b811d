/**
 * The order a trader is composing: what they typed (text, kept as typed), the rules of the
 * symbol, every rule the draft breaks, and the exact parameters the venue receives once it
 * breaks none. No DOM, no network.
 *
 * Three views of each amount stay apart: the text typed (the model of the form), the Decimal it
 * parses to (what the checks measure), and the plain decimal string sent (`toPlainString` of
 * that Decimal: the same value, never rounded, never through a float).
 */
import type {
  AddOrderParams,
  AddOrderV1Params,
  MarginModel,
  OrderSide,
  OrderType,
  SelfTradePrevention,
  TimeInForce,
} from '../../client/kucoin/orders.js';
import { Decimal, parseUserDecimal, toPlainString } from '../../core/decimal.js';
import { amountViolations, checkAmount, checkMax, checkMin, type RuleName, type Violation } from '../../core/rules.js';

export type MarginMode = MarginModel;
/** Market orders give exactly one of these: base `size` or quote `funds`. */
export type MarketAmount = 'size' | 'funds';
/** `''`: no self-trade prevention (the parameter is not sent). */
export type StpChoice = '' | SelfTradePrevention;

export const SIDES: readonly OrderSide[] = ['buy', 'sell'];
export const ORDER_TYPES: readonly OrderType[] = ['limit', 'market'];
export const TIMES_IN_FORCE: readonly TimeInForce[] = ['GTC', 'GTT', 'IOC', 'FOK'];
export const STP_CHOICES: readonly StpChoice[] = ['', 'DC', 'CO', 'CN', 'CB'];

/** The form, as typed. Amount fields are the trader's text, untouched. */
export interface OrderDraft {
  symbol: string;
  side: OrderSide;
  type: OrderType;
  price: string;
  size: string;
  funds: string;
  marketAmount: MarketAmount;
  timeInForce: TimeInForce;
  /** Seconds, GTT only. */
  cancelAfter: string;
  postOnly: boolean;
  hidden: boolean;
  iceberg: boolean;
  visibleSize: string;
  stp: StpChoice;
  autoBorrow: boolean;
  autoRepay: boolean;
}

export function emptyDraft(symbol = '', side: OrderSide = 'buy', type: OrderType = 'limit'): OrderDraft {
  return {
    symbol,
    side,
    type,
    price: '',
    size: '',
    funds: '',
    marketAmount: 'size',
    timeInForce: 'GTC',
    cancelAfter: '',
    postOnly: false,
    hidden: false,
    iceberg: false,
    visibleSize: '',
    stp: '',
    autoBorrow: false,
    autoRepay: false,
  };
}

/** A symbol's trading rules ("Get Symbols - Cross Margin"; isolated pairs borrow them from there). */
export interface SymbolRules {
  symbol: string;
  baseCurrency: string;
  quoteCurrency: string;
  priceIncrement: Decimal;
  baseIncrement: Decimal;
  baseMinSize: Decimal;
  baseMaxSize: Decimal;
  quoteIncrement: Decimal;
  quoteMinSize: Decimal;
  quoteMaxSize: Decimal;
  minFunds: Decimal;
  /** Trading enabled for this symbol in this margin mode. */
  tradable: boolean;
  /** How far from the mark price the venue lets an order's price be, as a fraction (price protection). */
  priceLimitRate?: Decimal;
}

/** Where an error is shown: a form field, or `notional` (price x size, or funds). */
export type OrderField =
  | 'symbol'
  | 'price'
  | 'size'
  | 'funds'
  | 'notional'
  | 'timeInForce'
  | 'cancelAfter'
  | 'postOnly'
  | 'hidden'
  | 'visibleSize'
  | 'leverage';

/** The core rules, plus the ones only an order has. */
export type OrderRule =
  | RuleName
  /** price x size (or funds) below `minFunds`. */
  | 'min-notional'
  /** visibleSize above size; the limit is the size. */
  | 'above-size'
  /** cancelAfter given without GTT. */
  | 'gtt-only'
  /** postOnly with IOC or FOK. */
  | 'not-with-ioc-fok'
  /** hidden and iceberg together. */
  | 'not-with-iceberg'
  /** visibleSize given without iceberg. */
  | 'iceberg-only'
  /** cancelAfter: whole seconds only. */
  | 'whole-number'
  /** leverage must be above the limit (1). */
  | 'above'
  | 'trading-disabled';

/** `limit`: the exact decimal string of the increment, bound or count measured against. */
export type OrderViolation = Violation<OrderField, OrderRule>;

/** A draft that broke no rule: the parsed values, only those the order type uses. */
export interface ValidOrder {
  symbol: string;
  side: OrderSide;
  type: OrderType;
  price?: Decimal;
  size?: Decimal;
  funds?: Decimal;
  timeInForce?: TimeInForce;
  cancelAfter?: number;
  postOnly: boolean;
  hidden: boolean;
  iceberg: boolean;
  visibleSize?: Decimal;
  stp?: SelfTradePrevention;
  autoBorrow: boolean;
  autoRepay: boolean;
}

export type DraftCheck = { ok: true; order: ValidOrder } | { ok: false; violations: OrderViolation[] };

interface AmountLimits {
  required: boolean;
  increment?: Decimal;
  min?: Decimal;
  max?: Decimal;
}

/** Every rule one amount breaks (the core's `amountViolations`, with the ticket's field names). */
export function checkAmountField(
  field: OrderField,
  text: string,
  limits: AmountLimits,
): { value: Decimal | undefined; violations: OrderViolation[] } {
  const { value, violations } = amountViolations(field, text, limits);
  return { value, violations: violations.map((v) => ({ ...v, field })) };
}

/** Largest `cancelAfter` we send: the venue types it int64, a JS number is exact up to 2^53 - 1. */
const MAX_CANCEL_AFTER = Number.MAX_SAFE_INTEGER;

function checkCancelAfter(text: string, required: boolean): { value: number | undefined; violations: OrderViolation[] } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: undefined, violations: required ? [{ field: 'cancelAfter', rule: 'required' }] : [] };
  if (!/^\d+$/.test(trimmed)) {
    const parsed = parseUserDecimal(trimmed);
    const rule: OrderRule = parsed.ok ? (parsed.value.isNegative() ? 'negative' : 'whole-number') : parsed.reason;
    return { value: undefined, violations: [{ field: 'cancelAfter', rule }] };
  }
  const seconds = new Decimal(trimmed);
  const bound = checkMin('cancelAfter', seconds, new Decimal(1)) ?? checkMax('cancelAfter', seconds, new Decimal(MAX_CANCEL_AFTER));
  if (bound) return { value: undefined, violations: [{ ...bound, field: 'cancelAfter' }] };
  return { value: seconds.toNumber(), violations: [] };
}

/**
 * Every rule the draft breaks against the symbol's rules, or the order to send. Only the fields
 * the order type uses are read: a market order carries no price, time in force or display
 * options, whatever the form still holds for a limit order.
 */
export function checkDraft(draft: OrderDraft, rules: SymbolRules): DraftCheck {
  const violations: OrderViolation[] = [];
  if (!rules.tradable) violations.push({ field: 'symbol', rule: 'trading-disabled' });

  const sizeLimits = { increment: rules.baseIncrement, min: rules.baseMinSize, max: rules.baseMaxSize };
  const fundsLimits = { increment: rules.quoteIncrement, min: rules.quoteMinSize, max: rules.quoteMaxSize };
  const order: ValidOrder = {
    symbol: rules.symbol,
    side: draft.side,
    type: draft.type,
    postOnly: false,
    hidden: false,
    iceberg: false,
    stp: draft.stp === '' ? undefined : draft.stp,
    autoBorrow: draft.autoBorrow,
    autoRepay: draft.autoRepay,
  };

  if (draft.type === 'limit') {
    const price = checkAmountField('price', draft.price, { required: true, increment: rules.priceIncrement });
    const size = checkAmountField('size', draft.size, { required: true, ...sizeLimits });
    violations.push(...price.violations, ...size.violations);
    if (price.value && size.value && price.value.mul(size.value).lt(rules.minFunds)) {
      violations.push({ field: 'notional', rule: 'min-notional', limit: rules.minFunds.toString() });
    }
    order.price = price.value;
    order.size = size.value;

    const tif = draft.timeInForce;
    order.timeInForce = tif;
    const cancelAfter = checkCancelAfter(draft.cancelAfter, tif === 'GTT');
    if (tif !== 'GTT' && draft.cancelAfter.trim() !== '') {
      violations.push({ field: 'cancelAfter', rule: 'gtt-only' });
    } else {
      violations.push(...cancelAfter.violations);
      order.cancelAfter = cancelAfter.value;
    }
    if (draft.postOnly && (tif === 'IOC' || tif === 'FOK')) violations.push({ field: 'postOnly', rule: 'not-with-ioc-fok' });
    if (draft.hidden && draft.iceberg) violations.push({ field: 'hidden', rule: 'not-with-iceberg' });
    order.postOnly = draft.postOnly;
    order.hidden = draft.hidden;
    order.iceberg = draft.iceberg;

    if (draft.iceberg) {
      const visible = checkAmountField('visibleSize', draft.visibleSize, { required: true, increment: rules.baseIncrement });
      violations.push(...visible.violations);
      if (visible.value && size.value && visible.value.gt(size.value)) {
        violations.push({ field: 'visibleSize', rule: 'above-size', limit: size.value.toString() });
      }
      order.visibleSize = visible.value;
    } else if (draft.visibleSize.trim() !== '') {
      violations.push({ field: 'visibleSize', rule: 'iceberg-only' });
    }
  } else if (draft.marketAmount === 'size') {
    const size = checkAmountField('size', draft.size, { required: true, ...sizeLimits });
    violations.push(...size.violations);
    order.size = size.value;
  } else {
    const funds = checkAmountField('funds', draft.funds, { required: true, ...fundsLimits });
    violations.push(...funds.violations);
    if (funds.value && funds.value.lt(rules.minFunds)) {
      violations.push({ field: 'notional', rule: 'min-notional', limit: rules.minFunds.toString() });
    }
    order.funds = funds.value;
  }

  return violations.length === 0 ? { ok: true, order } : { ok: false, violations };
}

/** The fields "Add Order" and "Add Order - V1" share, in the doc's order, amounts as exact strings. */
export type OrderParams = Omit<AddOrderParams, 'isIsolated' | 'price' | 'size' | 'funds' | 'visibleSize'> & {
  price?: string;
  size?: string;
  funds?: string;
  visibleSize?: string;
};

export type HfOrderParams = OrderParams & { isIsolated: boolean };
export type V1OrderParams = OrderParams & { marginModel: MarginModel };
/** What `api` selects: the v3 HF endpoints or the older V1 ones. */
export type OrderApi = 'hf' | 'v1';
export type PlacementParams = HfOrderParams | V1OrderParams;

/**
 * The exact body fields for an order. Booleans that would be `false` are left out (the venue's
 * default); `type`, `timeInForce` (limit orders) and the margin mode are always explicit.
 */
export function orderParams(order: ValidOrder, clientOid: string): OrderParams {
  const params: OrderParams = { clientOid, side: order.side, symbol: order.symbol, type: order.type };
  if (order.stp) params.stp = order.stp;
  if (order.price) params.price = toPlainString(order.price);
  if (order.size) params.size = toPlainString(order.size);
  if (order.type === 'limit') {
    params.timeInForce = order.timeInForce ?? 'GTC';
    if (order.postOnly) params.postOnly = true;
    if (order.hidden) params.hidden = true;
    if (order.iceberg) params.iceberg = true;
    if (order.visibleSize) params.visibleSize = toPlainString(order.visibleSize);
    if (order.cancelAfter !== undefined) params.cancelAfter = order.cancelAfter;
  }
  if (order.funds) params.funds = toPlainString(order.funds);
  if (order.autoBorrow) params.autoBorrow = true;
  if (order.autoRepay) params.autoRepay = true;
  return params;
}

/** "Add Order" (`POST /api/v3/hf/margin/order`): the margin mode is `isIsolated`. */
export function hfOrderParams(order: ValidOrder, clientOid: string, marginMode: MarginMode): HfOrderParams {
  return { ...orderParams(order, clientOid), isIsolated: marginMode === 'isolated' };
}

/** "Add Order - V1" (`POST /api/v1/margin/order`): the margin mode is `marginModel`. */
export function v1OrderParams(order: ValidOrder, clientOid: string, marginMode: MarginMode): V1OrderParams {
  return { ...orderParams(order, clientOid), marginModel: marginMode };
}

export function placementParams(api: OrderApi, order: ValidOrder, clientOid: string, marginMode: MarginMode): PlacementParams {
  return api === 'v1' ? v1OrderParams(order, clientOid, marginMode) : hfOrderParams(order, clientOid, marginMode);
}

/** The same order whatever its clientOid: a changed key is a changed draft. */
export function draftKey(params: PlacementParams): string {
  const { clientOid: _ignored, ...rest } = params;
  return JSON.stringify(rest);
}

/** Body fields the review step lists, in the order the doc lists them. */
export const PARAM_ORDER = [
  'clientOid', 'side', 'symbol', 'type', 'stp', 'price', 'size', 'timeInForce', 'postOnly', 'hidden', 'iceberg',
  'visibleSize', 'cancelAfter', 'funds', 'isIsolated', 'autoBorrow', 'autoRepay', 'marginModel',
] as const;

/** `[name, exact value]` of every parameter sent, in the doc's order. */
export function paramEntries(params: PlacementParams): Array<[string, string]> {
  const record = params as unknown as Record<string, unknown>;
  return PARAM_ORDER.filter((name) => record[name] !== undefined).map((name) => [name, String(record[name])]);
}

/** What the estimate line shows; any part unknown stays undefined. */
export interface Estimate {
  /** Quote currency: price x size, funds, or size x mark for a market order by size. */
  notional?: Decimal;
  /** Only the mark price gives it (a market order by size). */
  approximate: boolean;
  /** What the order spends, so what autoBorrow may borrow at most: quote for a buy, base for a sell. */
  holdCurrency: string;
  hold?: Decimal;
}

function parsedOrUndefined(text: string): Decimal | undefined {
  const parsed = parseUserDecimal(text);
  return parsed.ok && parsed.value.gt(0) ? parsed.value : undefined;
}

/**
 * The notional and what the order holds, from whatever parses so far (the checks decide what
 * may be sent; the estimate only informs). Fees are not included: the venue charges them.
 */
export function estimate(draft: OrderDraft, rules: SymbolRules, mark: Decimal | undefined): Estimate {
  const holdCurrency = draft.side === 'buy' ? rules.quoteCurrency : rules.baseCurrency;
  const size = parsedOrUndefined(draft.size);
  let notional: Decimal | undefined;
  let baseSize: Decimal | undefined;
  let approximate = false;
  if (draft.type === 'limit') {
    const price = parsedOrUndefined(draft.price);
    notional = price && size ? price.mul(size) : undefined;
    baseSize = size;
  } else if (draft.marketAmount === 'size') {
    baseSize = size;
    notional = size && mark ? size.mul(mark) : undefined;
    approximate = true;
  } else {
    notional = parsedOrUndefined(draft.funds);
    baseSize = notional && mark && mark.gt(0) ? notional.div(mark) : undefined;
    approximate = draft.side === 'sell';
  }
  const hold = draft.side === 'buy' ? notional : baseSize;
  return { notional, approximate, holdCurrency, hold };
}

/**
 * "Modify Leverage": above 1, at most two decimals, at most the symbol's (isolated) or the
 * margin config's (cross) maximum.
 */
export function checkLeverage(
  text: string,
  maxLeverage: number | undefined,
): { ok: true; value: Decimal; text: string } | { ok: false; violation: OrderViolation } {
  const checked = checkAmount('leverage', text, {
    required: true,
    above: new Decimal(1),
    maxDecimals: 2,
    max: maxLeverage === undefined ? undefined : new Decimal(maxLeverage),
  });
  if (!checked.ok) return { ok: false, violation: { ...checked.violation, field: 'leverage' } };
  return { ok: true, value: checked.value!, text: toPlainString(checked.value!) };
}

/** The next price a tick button gives: snapped to the grid first, then one tick on. */
export function tickPrice(text: string, increment: Decimal, direction: 'up' | 'down', fallback?: Decimal): Decimal | undefined {
  const parsed = parseUserDecimal(text);
  const base = parsed.ok && parsed.value.gt(0) ? parsed.value : fallback;
  if (!base || increment.lte(0)) return undefined;
  const steps = base.div(increment);
  const onGrid = steps.isInteger();
  const whole = direction === 'up' ? (onGrid ? steps.plus(1) : steps.ceil()) : onGrid ? steps.minus(1) : steps.floor();
  const next = whole.mul(increment);
  return next.gt(0) ? next : increment;
}

/** A price snapped to the nearest multiple of `priceIncrement`. */
export function snapPrice(value: Decimal, increment: Decimal): Decimal {
  if (increment.lte(0)) return value;
  const snapped = value.div(increment).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).mul(increment);
  return snapped.gt(0) ? snapped : increment;
}
