/**
 * Exact decimal text, with no Decimal: validated at the client boundary, compared and formatted
 * as text. For code that only shows a value (the ticker): DESIGN "Venues" lets a display-only
 * element keep the validated exact text, so it does not carry decimal.js. Anything that computes
 * with money uses Decimal (core/decimal.ts), whose `toString()` this text matches.
 */

/** What venues send: plain decimals, sometimes with an exponent (`1E-8`, `2.5e+3`). */
const VENUE_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
/** Longer than any price or amount: a value that expands past it is not one (`1e999999`). */
const MAX_DIGITS = 100;

/**
 * A venue amount as canonical plain text (`"0.00001000"` -> `"0.00001"`, `1.5e-7` -> `"0.00000015"`,
 * `"+2"` -> `"2"`, `"-0"` -> `"0"`), or undefined when it is not a finite decimal. A JSON number
 * has been through a float in `JSON.parse`; its shortest round-trip text is what the venue wrote
 * for every value of up to 15 significant digits (as `parseVenueDecimal` reads it).
 */
export function venueDecimalText(value: unknown): string | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    text = String(value);
    // A number prints canonical text already (no '+', no leading or trailing zeros, -0 as "0")
    // unless it takes an exponent: 500 prices a tick skip the parse below.
    if (!text.includes('e')) return text;
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return undefined;
  }
  const match = VENUE_DECIMAL.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '', fraction = '', exponent] = match;
  if (whole === '' && fraction === '') return undefined;
  const shift = exponent === undefined ? 0 : Number(exponent);
  let digits = whole + fraction;
  let point = whole.length + shift;
  // Leading zeros move the point; trailing zeros of the fraction say nothing.
  const lead = /^0*/.exec(digits)![0].length;
  digits = digits.slice(lead);
  point -= lead;
  digits = digits.replace(/0+$/, '');
  if (digits === '') return '0';
  if (Math.abs(point) > MAX_DIGITS || digits.length > MAX_DIGITS) return undefined;
  let plain: string;
  if (point <= 0) plain = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length);
  else plain = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign === '-' ? `-${plain}` : plain;
}

function wholeLength(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? text.length : dot;
}

/** Fraction digits of a canonical text: `"0.00001"` -> 5, `"10"` -> 0. */
export function fractionDigits(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Orders two canonical texts (`venueDecimalText`) as numbers: -1, 0 or 1. A ticker compares 500
 * prices a tick: no parsing, digit strings compared as they are.
 */
export function compareDecimalTexts(a: string, b: string): number {
  if (a === b) return 0;
  const aNegative = a.charCodeAt(0) === 45; // '-'
  const bNegative = b.charCodeAt(0) === 45;
  if (aNegative !== bNegative) return aNegative ? -1 : 1;
  // The usual case, two prices of one symbol: non-negative with integer parts of one length.
  // Canonical texts then order as strings (a missing fraction digit is a 0, and no text ends in 0).
  if (!aNegative && wholeLength(a) === wholeLength(b) && (a.charCodeAt(0) === 48) === (b.charCodeAt(0) === 48)) return a < b ? -1 : 1;
  const order = aNegative ? -1 : 1;
  const x = aNegative ? a.slice(1) : a;
  const y = bNegative ? b.slice(1) : b;
  const xDot = x.indexOf('.');
  const yDot = y.indexOf('.');
  const xWhole = xDot < 0 ? x.length : xDot;
  const yWhole = yDot < 0 ? y.length : yDot;
  // Canonical texts have no leading zeros (but `0.x`): a longer integer part is larger.
  const xZero = x.charCodeAt(0) === 48;
  const yZero = y.charCodeAt(0) === 48;
  if (xZero !== yZero) return xZero ? -order : order;
  if (xWhole !== yWhole) return xWhole > yWhole ? order : -order;
  // Same integer length: compare digit by digit, a missing fraction digit being 0.
  const length = Math.max(x.length - xWhole, y.length - yWhole) + xWhole;
  for (let i = 0; i < length; i += 1) {
    const xc = i === xWhole ? 46 : i < x.length ? x.charCodeAt(i) : 48;
    const yc = i === yWhole ? 46 : i < y.length ? y.charCodeAt(i) : 48;
    if (xc !== yc) return xc > yc ? order : -order;
  }
  return 0;
}
