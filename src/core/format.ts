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
  return new Decimal(increment).decimalPlaces();
}

// Intl.NumberFormat instances are costly to build and a ticker formats hundreds per tick.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.NumberFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

/** Intl formats decimal strings exactly (NumberFormat v3), so no value ever passes through a float. */
type ExactFormat = (value: string) => string;
function exact(nf: Intl.NumberFormat): ExactFormat {
  return (value) => (nf.format as unknown as ExactFormat)(value);
}

/** A money amount or price for display, localized, at the precision the venue gives. */
export function formatDecimal(value: Decimal | string, options: FormatOptions = {}): string {
  const decimal = new Decimal(value);
  const digits =
    options.increment !== undefined ? decimalsOf(options.increment) : options.maxDecimals;
  const intl: Intl.NumberFormatOptions = { ...options.intl };
  if (digits !== undefined) {
    intl.minimumFractionDigits = options.increment !== undefined ? digits : 0;
    intl.maximumFractionDigits = digits;
  } else {
    intl.maximumFractionDigits = 20;
  }
  if (options.truncate) intl.roundingMode = 'trunc';
  return exact(formatter(options.locale, intl))(decimal.toString());
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
  const nf = formatter(options.locale, {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: maxDecimals,
  });
  return exact(nf)(new Decimal(rate).toString());
}

/** Interest for `hours` on `amount` at an hourly rate, exact. */
export function interestFor(amount: Decimal, hourlyRate: Decimal, hours: number): Decimal {
  return amount.mul(hourlyRate).mul(hours);
}

/** KuCoin lending rates are annual; a daily rate is the annual one over 365. */
export function annualToHourly(annualRate: Decimal): Decimal {
  return annualRate.div(365 * 24);
}
