import DecimalJs from 'decimal.js';

/**
 * The one Decimal constructor margin-kit uses. Enough precision that a product of two venue
 * amounts (price x size) is exact, and no exponent notation in `toString()`, so the string we
 * send is always the plain decimal a venue expects.
 */
export const Decimal = DecimalJs.clone({
  precision: 80,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -80,
  toExpPos: 80,
});
export type Decimal = DecimalJs;

export type DecimalParseFailure =
  | 'empty'
  | 'not-a-number'
  | 'negative'
  | 'non-finite'
  | 'too-many-decimals';

export type DecimalParseResult =
  | { ok: true; value: Decimal }
  | { ok: false; reason: DecimalParseFailure };

/** What a person may type: digits, one decimal separator (`.`), an optional leading sign. */
const USER_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;
/** What venues send: plain decimals, sometimes with an exponent (`1E-8`, `2.5e+3`). */
const VENUE_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export interface ParseUserDecimalOptions {
  /** Allow a leading minus (never for amounts a trader types). */
  allowNegative?: boolean;
  /** Most fraction digits accepted (BitMart amounts: 8). */
  maxDecimals?: number;
}

/**
 * Parses text a user typed into a Decimal, or says why it can't. Spaces around the value and
 * thousands separators are not guessed at: `1,5` is rejected rather than read as 1.5 or 15.
 */
export function parseUserDecimal(
  text: string,
  options: ParseUserDecimalOptions = {},
): DecimalParseResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (/^[+-]?(infinity|nan)$/i.test(trimmed)) return { ok: false, reason: 'non-finite' };
  if (!USER_DECIMAL.test(trimmed)) return { ok: false, reason: 'not-a-number' };
  const value = new Decimal(trimmed);
  if (value.isNegative() && !value.isZero() && !options.allowNegative) {
    return { ok: false, reason: 'negative' };
  }
  if (options.maxDecimals !== undefined && value.decimalPlaces() > options.maxDecimals) {
    return { ok: false, reason: 'too-many-decimals' };
  }
  return { ok: true, value };
}

/**
 * Parses an amount as a venue sends it: a string (`"0.00001000"`, `"1E-8"`) or a JSON number.
 * A JSON number has already been through a float in `JSON.parse`; its shortest round-trip text
 * (`String(n)`) is what the venue wrote for every value with up to 15 significant digits.
 */
export function parseVenueDecimal(value: unknown): DecimalParseResult {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: 'non-finite' };
    return { ok: true, value: new Decimal(String(value)) };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'not-a-number' };
  const trimmed = value.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (/^[+-]?(infinity|nan)$/i.test(trimmed)) return { ok: false, reason: 'non-finite' };
  if (!VENUE_DECIMAL.test(trimmed)) return { ok: false, reason: 'not-a-number' };
  return { ok: true, value: new Decimal(trimmed) };
}

/** A Decimal as the plain string a venue accepts: no exponent, no trailing zeros, no `-0`. */
export function toPlainString(value: Decimal): string {
  return value.isZero() ? '0' : value.toString();
}

/**
 * `a.cmp(b)` without its cost: decimal.js copies `b` into a new Decimal on every comparison, and a
 * ticker compares 500 prices a tick. Reads the documented `d` (digits, base 1e7), `e` and `s`.
 */
export function compareDecimals(a: Decimal, b: Decimal): number {
  const ad = a.d;
  const bd = b.d;
  // NaN, infinities and zeros are rare: decimal.js decides those.
  if (!ad || !bd || !ad[0] || !bd[0]) return a.cmp(b);
  if (a.s !== b.s) return a.s;
  const order = a.s;
  if (a.e !== b.e) return a.e > b.e ? order : -order;
  const shorter = Math.min(ad.length, bd.length);
  for (let i = 0; i < shorter; i += 1) {
    if (ad[i] !== bd[i]) return ad[i]! > bd[i]! ? order : -order;
  }
  return ad.length === bd.length ? 0 : ad.length > bd.length ? order : -order;
}

export function isDecimal(value: unknown): value is Decimal {
  return DecimalJs.isDecimal(value);
}
