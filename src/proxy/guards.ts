/**
 * Optional limits an operator puts on what the proxy's keys may do: read-only, a list of symbols,
 * a largest order. Each fails closed: what it cannot check, it refuses.
 */
import { Decimal, parseVenueDecimal, type Decimal as DecimalValue } from '../core/decimal.js';
import type { EndpointSpec } from '../core/endpoints.js';
import { Refusal } from './respond.js';

export interface GuardOptions {
  readOnly?: boolean;
  allowedSymbols?: readonly string[];
  maxOrderNotional?: string;
}

export interface GuardInput {
  endpoint: EndpointSpec;
  pathParams: Readonly<Record<string, string>>;
  queryParams: ReadonlyMap<string, string>;
  /** The parsed JSON body, when the call has one. */
  body: Readonly<Record<string, unknown>> | undefined;
}

export type Guard = (input: GuardInput) => void;

/** Order placement: "Add Order", "Add Order Test" and their V1 forms. */
const PLACE_ORDER = new Set(['addOrder', 'addOrderTest', 'addOrderV1', 'addOrderTestV1']);
/** Calls that act on a symbol and must name one when symbols are restricted. */
const NAMES_A_SYMBOL = new Set([
  ...PLACE_ORDER,
  'cancelOrderByOrderId',
  'cancelOrderByClientOid',
  'cancelAllOrdersBySymbol',
  'marginBorrowIsolated',
  'marginRepayIsolated',
]);

function guardRefusal(message: string): Refusal {
  return new Refusal(403, 'guard', message);
}

/** Every symbol the call names: path `{symbol}`, query `symbol` (comma-separated lists too), body `symbol`. */
function namedSymbols(input: GuardInput): string[] {
  const named: string[] = [];
  const fromPath = input.pathParams.symbol;
  if (fromPath !== undefined) named.push(fromPath);
  const fromQuery = input.queryParams.get('symbol');
  if (fromQuery !== undefined) named.push(...fromQuery.split(','));
  if (input.body && 'symbol' in input.body) {
    const fromBody = input.body.symbol;
    if (typeof fromBody !== 'string') throw guardRefusal('symbol must be a string.');
    named.push(...fromBody.split(','));
  }
  return named;
}

function checkSymbols(allowed: ReadonlySet<string>, input: GuardInput): void {
  const named = namedSymbols(input);
  if (named.length === 0 && NAMES_A_SYMBOL.has(input.endpoint.name)) {
    throw guardRefusal('This proxy only trades some symbols: name one.');
  }
  for (const symbol of named) {
    // Venues read symbols case-insensitively, so the guard does too: `btc-usdt` is BTC-USDT.
    if (!allowed.has(symbol.toUpperCase())) throw guardRefusal(`Symbol ${symbol.toUpperCase()} is not allowed by this proxy.`);
  }
}

function readAmount(body: Readonly<Record<string, unknown>>, field: string): DecimalValue | undefined {
  if (!(field in body) || body[field] === undefined) return undefined;
  const parsed = parseVenueDecimal(body[field]);
  if (!parsed.ok || parsed.value.isNegative()) throw guardRefusal(`${field} is not a decimal the notional guard can check.`);
  return parsed.value;
}

/**
 * The order's notional in the quote currency. A limit order is price x size. A market order is
 * bounded only by `funds`: KuCoin ignores `price` on market orders, so a market order by `size`
 * has no price to bound it and is refused (send `funds` instead).
 */
export function orderNotional(body: Readonly<Record<string, unknown>>): DecimalValue {
  const type = body.type ?? 'limit';
  const price = readAmount(body, 'price');
  const size = readAmount(body, 'size');
  const funds = readAmount(body, 'funds');
  if (type === 'limit') {
    if (!price || !size) throw guardRefusal('A limit order needs price and size for the notional guard.');
    const notional = price.times(size);
    return funds && funds.greaterThan(notional) ? funds : notional;
  }
  if (type === 'market') {
    if (size) throw guardRefusal('A market order by size cannot be bounded by the notional guard: send funds.');
    if (!funds) throw guardRefusal('A market order needs funds for the notional guard.');
    return funds;
  }
  throw guardRefusal('Unknown order type.');
}

export function createGuard(options: GuardOptions): Guard {
  const allowedSymbols = options.allowedSymbols
    ? new Set(options.allowedSymbols.map((symbol) => symbol.toUpperCase()))
    : undefined;
  let maxNotional: DecimalValue | undefined;
  if (options.maxOrderNotional !== undefined) {
    const parsed = parseVenueDecimal(options.maxOrderNotional);
    if (!parsed.ok || parsed.value.isNegative()) throw new TypeError('maxOrderNotional must be a non-negative decimal string.');
    maxNotional = new Decimal(parsed.value);
  }

  return (input) => {
    if (options.readOnly && input.endpoint.method !== 'GET') throw guardRefusal('This proxy is read-only.');
    if (allowedSymbols) checkSymbols(allowedSymbols, input);
    if (maxNotional && PLACE_ORDER.has(input.endpoint.name)) {
      const notional = orderNotional(input.body ?? {});
      if (notional.greaterThan(maxNotional)) {
        throw guardRefusal(`Order notional ${notional.toString()} is over this proxy's limit of ${maxNotional.toString()}.`);
      }
    }
  };
}
