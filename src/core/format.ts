import { Decimal } from './decimal.js';

export interface FormatOptions {
  /** BCP 47 locale; the runtime's default when absent. */
  locale?: string;
  /**
   * The venue's increment for this value (`priceIncrement`, `baseIncrement`...): the value is
   * shown with exactly as many fraction digits as the increment has.
   */
  increment?: Decimal | string;
  /** Fraction digits when there is no increment (for example a balance). */
  maxDecimals?: number;
  /** Truncate rather than round: an available balance must never be shown larger than it is. */
  truncate?: boolean;
  /** Extra `Intl.NumberFormat` options (currency display, sign display...). */
  intl?: Intl.NumberFormatOptions;
}

/** Fraction digits an increment implies: `"0.00001000"` -> 5, `"1"` -> 0, `"10"` -> 0. */
export function decimalsOf(increment: Decimal | string): number {
  const key = typeof increment === 'string' ? increment : increment.toString();
  let digits = incrementDigits.get(key);
  if (digits === undefined) {
    digits = new Decimal(key).decimalPlaces();
    incrementDigits.set(key, digits);
  }
  return digits;
}
const incrementDigits = new Map<string, number>();

// Intl.NumberFormat instances are costly to build and a ticker formats hundreds per tick: one
// per (locale, digits, style...) combination, looked up by a cheap string key.
const formatters = new Map<string, ExactFormat>();
function formatter(locale: string | undefined, options: Intl.NumberFormatOptions, key: string): ExactFormat {
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

type ExactFormat = (value: string) => string;

/**
 * A formatter for many values with the same options: the options are read once (a ticker formats
 * 500 prices a tick, each symbol at its own increment). Same output as `formatDecimal`.
 */
export function decimalFormatter(options: FormatOptions = {}): (value: Decimal) => string {
  const format = decimalTextFormatter(options);
  return (value) => format(value.toString());
}

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
  return formatter(options.locale, intl, key);
}

/** A money amount or price for display, localized, at the precision the venue gives. */
export function formatDecimal(value: Decimal | string, options: FormatOptions = {}): string {
  return decimalFormatter(options)(typeof value === 'string' ? new Decimal(value) : value);
}

/**
 * For display only (a "change since start" percentage): a ratio at 12 significant digits. Money
 * math keeps the full precision; a percentage shown at two decimals does not need 80 digits.
 */
const DisplayDecimal = Decimal.clone({ precision: 12, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });

/** `(value - base) / base`, or undefined from a zero base. */
export function relativeChange(value: Decimal, base: Decimal): Decimal | undefined {
  if (base.isZero()) return undefined;
  // The static div of a low-precision clone takes Decimal instances as they are: no string round trip.
  return new Decimal(DisplayDecimal.div(value.minus(base), base));
}

export type RatePeriod = 'annual' | 'daily' | 'hourly';

export interface RateFormatOptions {
  locale?: string;
  /** Fraction digits of the percentage (default 2 for annual, 4 for daily/hourly). */
  maxDecimals?: number;
}

/**
 * A rate as a percentage: `0.05` -> `5%`. KuCoin lending rates are annual fractions, KuCoin
 * `dayRatio` daily; BitMart `daily_interest`/`hourly_interest` are per-day/per-hour fractions.
 */
export function formatRate(
  rate: Decimal | string,
  period: RatePeriod = 'annual',
  options: RateFormatOptions = {},
): string {
  const maxDecimals = options.maxDecimals ?? (period === 'annual' ? 2 : 4);
  const format = formatter(
    options.locale,
    { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: maxDecimals },
    `percent|${maxDecimals}`,
  );
  return format(new Decimal(rate).toString());
}

/** Interest for `hours` on `amount` at an hourly rate, exact. */
export function interestFor(amount: Decimal, hourlyRate: Decimal, hours: number): Decimal {
  return amount.mul(hourlyRate).mul(hours);
}

/** KuCoin lending rates are annual; a daily rate is the annual one over 365. */
export function annualToHourly(annualRate: Decimal): Decimal {
  return annualRate.div(365 * 24);
}
