/**
 * Optional limits an operator puts on what the proxy's keys may do: read-only, a list of symbols,
 * a largest order. Each fails closed: what it cannot check, it refuses.
 */
import { Decimal, type Decimal as DecimalValue } from '../core/decimal.js';
import type { EndpointSpec } from '../core/endpoints.js';
import { JsonNumber, type JsonObject } from './json-text.js';
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
  /** The parsed JSON body, when the call has one (numbers as the text the caller wrote). */
  body: Readonly<JsonObject> | undefined;
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

/**
 * Symbols as both venues spell them (`BTC-USDT`, `BTC_USDT`, `1INCH-USDT`): ASCII letters, digits,
 * `-` and `_`. Anything else is refused before comparing, so no Unicode case mapping (`ſ`
 * upper-cases to `S`, `ı` to `I`) can make a symbol look allowed.
 */
const SYMBOL = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
/**
 * The plain decimals the venues take as amounts: digits, one optional fraction. No sign, no
 * exponent (`1e-1000000000` x `1e1000000000` would pass a notional check as 1), no `.5`.
 */
const PLAIN_DECIMAL = /^\d{1,40}(?:\.\d{1,40})?$/;

function guardRefusal(message: string): Refusal {
  return new Refusal(403, 'guard', message);
}

/** Upper case of a symbol in the venue alphabet; refuses any other text. */
function symbolKey(symbol: string): string {
  if (!SYMBOL.test(symbol)) throw guardRefusal(`${JSON.stringify(symbol)} is not a symbol this proxy can check (A-Z, 0-9, - and _ only).`);
  return symbol.toUpperCase();
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
    const key = symbolKey(symbol);
    if (!allowed.has(key)) throw guardRefusal(`Symbol ${key} is not allowed by this proxy.`);
  }
}

/** An amount as a string or a JSON number, read from the text the caller wrote (never a double). */
function readAmount(body: Readonly<JsonObject>, field: string): DecimalValue | undefined {
  if (!(field in body)) return undefined;
  const value = body[field];
  const text = typeof value === 'string' ? value : value instanceof JsonNumber ? value.text : undefined;
  if (text === undefined || !PLAIN_DECIMAL.test(text)) {
    throw guardRefusal(`${field} must be a plain decimal like 100 or 0.25 for the notional guard to check it.`);
  }
  return new Decimal(text);
}

/**
 * The order's notional in the quote currency. A limit order is price x size. A market order is
 * bounded only by `funds`: KuCoin ignores `price` on market orders, so a market order by `size`
 * has no price to bound it and is refused (send `funds` instead).
 */
export function orderNotional(body: Readonly<JsonObject>): DecimalValue {
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
    ? new Set(
        options.allowedSymbols.map((symbol) => {
          if (!SYMBOL.test(symbol)) throw new TypeError(`allowedSymbols takes venue symbols like BTC-USDT, got ${JSON.stringify(symbol)}.`);
          return symbol.toUpperCase();
        }),
      )
    : undefined;
  let maxNotional: DecimalValue | undefined;
  if (options.maxOrderNotional !== undefined) {
    if (!PLAIN_DECIMAL.test(options.maxOrderNotional)) throw new TypeError('maxOrderNotional must be a plain decimal string like 1000 or 250.5.');
    maxNotional = new Decimal(options.maxOrderNotional);
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
