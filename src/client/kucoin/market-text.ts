/**
 * KuCoin market data read as exact decimal text, for display only: no FieldReader, no Decimal, so
 * an element that only shows prices (the ticker) does not carry decimal.js (DESIGN "Venues").
 * A module of its own: a bundler keeps a module whole in one chunk, and market.ts reads with
 * Decimal. Same endpoints, checks and error locations as `getMarkPriceList` and
 * `getCrossMarginSymbols`.
 */
import { venueDecimalText } from '../../core/decimal-text.js';
import { MalformedResponseError } from '../errors.js';
import type { Transport } from '../transport.js';
import type { CallOptions } from './types.js';

/** A mark price as validated exact decimal text (`"67250.4"`), for code that only shows it. */
export interface MarkPriceText {
  symbol: string;
  /** Milliseconds. */
  timePoint: number;
  /** Canonical plain text (core/decimal-text.ts): what `Decimal#toString` prints for the same value. */
  value: string;
}

/**
 * Reads a list answer item by item with no FieldReader (so no Decimal): the same checks and the
 * same error locations (`getMarkPriceList[3].value: expected a decimal`).
 */
function readTextList<T>(data: unknown, where: string, read: (item: Record<string, unknown>, fail: (what: string) => never) => T): T[] {
  if (!Array.isArray(data)) throw new MalformedResponseError(`${where}: expected a list`, 200);
  const items = new Array<T>(data.length);
  for (let i = 0; i < data.length; i += 1) {
    const item: unknown = data[i];
    const fail = (what: string): never => {
      throw new MalformedResponseError(`${where}[${i}]${what}`, 200);
    };
    if (typeof item !== 'object' || item === null || Array.isArray(item)) fail(': expected an object');
    items[i] = read(item as Record<string, unknown>, fail);
  }
  return items;
}

/** A decimal field as canonical text, or the reader's error. */
function decimalText(item: Record<string, unknown>, key: string, fail: (what: string) => never): string {
  return venueDecimalText(item[key]) ?? fail(`.${key}: expected a decimal`);
}

/**
 * `GET /api/v3/mark-price/all-symbols` as exact text, for a display-only element (the ticker):
 * it does not carry decimal.js. Same checks and errors as `getMarkPriceList`.
 */
export async function getMarkPriceTexts(transport: Transport, options: CallOptions = {}): Promise<MarkPriceText[]> {
  const data = await transport.send({ venue: 'kucoin', method: 'GET', path: '/api/v3/mark-price/all-symbols', signal: options.signal });
  return readTextList(data, 'getMarkPriceList', (item, fail) => {
    const { symbol, timePoint } = item;
    const time = typeof timePoint === 'string' && /^-?\d+$/.test(timePoint) ? Number(timePoint) : timePoint;
    if (typeof symbol !== 'string') fail('.symbol: expected a string');
    if (typeof time !== 'number' || !Number.isSafeInteger(time)) fail('.timePoint: expected an integer');
    return { symbol: symbol as string, timePoint: time as number, value: decimalText(item, 'value', fail) };
  });
}

/** What a display needs of a cross margin symbol, as text: the digits to show a price with, and whether it trades. */
export interface SymbolIncrementText {
  symbol: string;
  /** Canonical plain text of `priceIncrement`. */
  priceIncrement: string;
  enableTrading: boolean;
}

/** `GET /api/v3/margin/symbols` read for display only (no Decimal): each symbol's `priceIncrement` as text and `enableTrading`. */
export async function getSymbolIncrementTexts(transport: Transport, options: CallOptions = {}): Promise<SymbolIncrementText[]> {
  const data = await transport.send({ venue: 'kucoin', method: 'GET', path: '/api/v3/margin/symbols', signal: options.signal });
  if (typeof data !== 'object' || data === null) throw new MalformedResponseError('getCrossMarginSymbols: expected an object', 200);
  return readTextList((data as { items?: unknown }).items, 'getCrossMarginSymbols.items', (item, fail) => {
    const { symbol, enableTrading: trading } = item;
    const enableTrading = trading === 'true' || trading === 'false' ? trading === 'true' : trading;
    if (typeof symbol !== 'string') fail('.symbol: expected a string');
    if (typeof enableTrading !== 'boolean') fail('.enableTrading: expected a boolean');
    return { symbol: symbol as string, priceIncrement: decimalText(item, 'priceIncrement', fail), enableTrading: enableTrading as boolean };
  });
}
