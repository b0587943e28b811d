import { Decimal } from './decimal.js';
import { decimalsOf, decimalTextFormatter, intlFormatter, type FormatOptions } from './format-text.js';

export { decimalsOf, decimalTextFormatter, type FormatOptions } from './format-text.js';

/**
 * A formatter for many values with the same options: the options are read once (a ticker formats
 * 500 prices a tick, each symbol at its own increment). Same output as `formatDecimal`.
 */
export function decimalFormatter(options: FormatOptions = {}): (value: Decimal) => string {
  const format = decimalTextFormatter(options);
  return (value) => format(value.toString());
}

/** A money amount or price for display, localized, at the precision the venue gives. */
export function formatDecimal(value: Decimal | string, options: FormatOptions = {}): string {
  return decimalFormatter(options)(typeof value === 'string' ? new Decimal(value) : value);
}

/**
 * A quantity (size, notional, fee, balance) at its increment: never more digits than the
 * increment has, and none of the zeros it would pad ("0.01 BTC", not "0.01000000 BTC";
 * "636.723 USDT", not "636.723000"). Prices keep all the increment's digits (`formatDecimal`
 * with `increment`) so a column of prices lines up. Without an increment, at most 8 digits
 * (the venues' currency precision), never the 12+ digits a fee can arrive with.
 */
export function formatAmount(
  value: Decimal | string,
  increment?: string | { toString(): string },
  options: Pick<FormatOptions, 'locale' | 'truncate'> = {},
): string {
  return formatDecimal(value, { ...options, maxDecimals: increment !== undefined ? decimalsOf(increment) : AMOUNT_DECIMALS });
}
const AMOUNT_DECIMALS = 8;

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
  decimals?: number;
  /**
   * Show only the digits the value has, up to `decimals`: for a rule's limit or step ("a multiple
   * of 0.01%", "liquidation at 97%"), which reads wrong padded. Rates shown as figures keep every
   * decimal so a column of them lines up ("6.40%", "12.00%").
   */
  trim?: boolean;
}

/**
 * A rate as a percentage at a fixed number of decimals: `0.064` -> `6.40%`. KuCoin lending rates
 * are annual fractions, KuCoin `dayRatio` daily; BitMart `daily_interest`/`hourly_interest` are
 * per-day/per-hour fractions.
 */
export function formatRate(
  rate: Decimal | string,
  period: RatePeriod = 'annual',
  options: RateFormatOptions = {},
): string {
  const decimals = options.decimals ?? (period === 'annual' ? 2 : 4);
  const minimum = options.trim ? 0 : decimals;
  const format = intlFormatter(
    options.locale,
    { style: 'percent', minimumFractionDigits: minimum, maximumFractionDigits: decimals },
    `percent|${minimum}|${decimals}`,
  );
  return format(new Decimal(rate).toString());
}

export interface DateTimeFormatOptions {
  /** BCP 47 locale; the runtime's default when absent. */
  locale?: string;
  /** Show seconds: only where they tell events apart (fills, order times, a look-up's time). */
  seconds?: boolean;
}

// One style for the kit: medium date, short time (medium with seconds). Built once per locale.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A venue timestamp (ms) as the kit shows every date and time, in the page's locale. */
export function formatDateTime(ms: number, options: DateTimeFormatOptions = {}): string {
  const key = `${options.locale ?? ''}|${options.seconds ? 's' : ''}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(options.locale, { dateStyle: 'medium', timeStyle: options.seconds ? 'medium' : 'short' });
    dateTimeFormats.set(key, format);
  }
  return format.format(ms);
}

/** Interest for `hours` on `amount` at an hourly rate, exact. */
export function interestFor(amount: Decimal, hourlyRate: Decimal, hours: number): Decimal {
  return amount.mul(hourlyRate).mul(hours);
}

/** KuCoin lending rates are annual; a daily rate is the annual one over 365. */
export function annualToHourly(annualRate: Decimal): Decimal {
  return annualRate.div(365 * 24);
}
