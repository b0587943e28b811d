/**
 * Formatting of exact decimal text with Intl, with no Decimal: what a display-only element (the
 * ticker) needs, so it does not carry decimal.js. core/format.ts builds its Decimal formatters on it.
 */
import { fractionDigits, venueDecimalText } from './decimal-text.js';

export interface FormatOptions {
  /** BCP 47 locale; the runtime's default when absent. */
  locale?: string;
  /**
   * The venue's increment for this value (`priceIncrement`, `baseIncrement`...): the value is
   * shown with exactly as many fraction digits as the increment has.
   */
  increment?: string | { toString(): string };
  /** Fraction digits when there is no increment (for example a balance). */
  maxDecimals?: number;
  /** Truncate rather than round: an available balance must never be shown larger than it is. */
  truncate?: boolean;
  /** Extra `Intl.NumberFormat` options (currency display, sign display...). */
  intl?: Intl.NumberFormatOptions;
}

/** Fraction digits an increment implies: `"0.00001000"` -> 5, `"1"` -> 0, `"10"` -> 0. */
export function decimalsOf(increment: string | { toString(): string }): number {
  const key = typeof increment === 'string' ? increment : increment.toString();
  let digits = incrementDigits.get(key);
  if (digits === undefined) {
    const text = venueDecimalText(key);
    if (text === undefined) throw new RangeError(`not a decimal increment: ${key}`);
    digits = fractionDigits(text);
    incrementDigits.set(key, digits);
  }
  return digits;
}
const incrementDigits = new Map<string, number>();

// Intl.NumberFormat instances are costly to build and a ticker formats hundreds per tick: one
// per (locale, digits, style...) combination, looked up by a cheap string key.
const formatters = new Map<string, ExactFormat>();
export function intlFormatter(locale: string | undefined, options: Intl.NumberFormatOptions, key: string): ExactFormat {
  const cacheKey = `${locale ?? ''}|${key}`;
  let cached = formatters.get(cacheKey);
  if (!cached) {
    const nf = new Intl.NumberFormat(locale, options);
    // Intl formats decimal strings exactly (NumberFormat v3): no value ever passes through a float.
    cached = nf.format.bind(nf) as unknown as ExactFormat;
    formatters.set(cacheKey, cached);
  }
  return cached;
}

export type ExactFormat = (value: string) => string;

/**
 * `decimalFormatter` for the plain decimal text of a value (`"-0.0123"`, as `Decimal#toString`
 * prints it), for callers that already hold that text and need no Decimal to make it.
 */
export function decimalTextFormatter(options: FormatOptions = {}): (text: string) => string {
  const digits = options.increment !== undefined ? decimalsOf(options.increment) : options.maxDecimals;
  const intl: Intl.NumberFormatOptions = { ...options.intl };
  if (digits !== undefined) {
    intl.minimumFractionDigits = options.increment !== undefined ? digits : 0;
    intl.maximumFractionDigits = digits;
  } else {
    intl.maximumFractionDigits = 20;
  }
  if (options.truncate) intl.roundingMode = 'trunc';
  const key = options.intl
    ? JSON.stringify(intl)
    : `${intl.minimumFractionDigits ?? ''}|${intl.maximumFractionDigits}|${options.truncate ? 't' : ''}`;
  const exact = intlFormatter(options.locale, intl, key);
  if (options.intl || options.truncate || digits === undefined) return exact;
  const style = plainStyle(options.locale);
  return style ? plainFormatter(style, intl.minimumFractionDigits ?? 0, digits, exact) : exact;
}

/** A locale's separators, when its plain numbers are Latin digits grouped by three from 1,000 up. */
interface PlainStyle {
  decimal: string;
  group: string;
}
const plainStyles = new Map<string, PlainStyle | null>();

/**
 * Asks Intl once per locale how it writes 1234567.5 and 1234.5; only a locale that writes them as
 * `1<g>234<g>567<d>5` and `1<g>234<d>5` (and 0.5 as `0<d>5`) gets the fast path, any other (Indian
 * grouping, minimum grouping digits, other digits, marks) keeps Intl for every value.
 */
function plainStyle(locale: string | undefined): PlainStyle | null {
  const cacheKey = locale ?? '';
  let style = plainStyles.get(cacheKey);
  if (style !== undefined) return style;
  style = null;
  try {
    const nf = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const parts = nf.formatToParts(1234567.5);
    const group = parts[1]?.type === 'group' ? parts[1].value : '';
    const decimal = parts[5]?.type === 'decimal' ? parts[5].value : '';
    if (
      group && decimal && group !== decimal && !/[0-9]/.test(group + decimal) &&
      nf.format(1234567.5) === `1${group}234${group}567${decimal}5` &&
      nf.format(1234.5) === `1${group}234${decimal}5` &&
      nf.format(0.5) === `0${decimal}5` &&
      nf.format(12.5) === `12${decimal}5`
    ) {
      style = { decimal, group };
    }
  } catch {
    style = null;
  }
  plainStyles.set(cacheKey, style);
  return style;
}

const PLAIN = /^(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;

/**
 * Intl's output for a non-negative plain decimal text, written directly: round half away from zero
 * (Intl's default) at `max` fraction digits, drop trailing zeros down to `min`, group the integer
 * by three. A ticker formats 500 prices a tick, and Intl on a string costs microseconds each.
 * Anything else (a sign, exponent notation) goes to Intl.
 */
function plainFormatter(style: PlainStyle, min: number, max: number, exact: ExactFormat): ExactFormat {
  const { decimal, group } = style;
  return (text) => {
    const match = PLAIN.exec(text);
    if (!match) return exact(text);
    let whole = match[1]!;
    let fraction = match[2] ?? '';
    if (fraction.length > max) {
      const up = fraction.charCodeAt(max) >= 53; // '5'
      fraction = fraction.slice(0, max);
      if (up) {
        const digits = roundUp(whole + fraction);
        whole = digits.slice(0, digits.length - max);
        fraction = digits.slice(digits.length - max);
      }
    }
    let end = fraction.length;
    while (end > min && fraction.charCodeAt(end - 1) === 48) end -= 1;
    if (end < fraction.length) fraction = fraction.slice(0, end);
    else if (fraction.length < min) fraction = fraction.padEnd(min, '0');
    if (whole.length > 3) {
      let grouped = whole.slice(0, ((whole.length - 1) % 3) + 1);
      for (let i = grouped.length; i < whole.length; i += 3) grouped += group + whole.slice(i, i + 3);
      whole = grouped;
    }
    return fraction ? whole + decimal + fraction : whole;
  };
}

/** A digit string plus one in its last place: `"0999"` -> `"1000"`, `"99"` -> `"100"`. */
function roundUp(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i -= 1;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - i - 1);
}

