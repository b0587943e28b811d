/**
 * What a loan costs at the current rate, per hour and per day. Exact: amounts and rates are
 * Decimals from end to end, rounded only for display, and then up (a cost is never shown
 * smaller than it is).
 */
import { Decimal } from '../../core/decimal.js';

export interface LoanRates {
  /** Fraction per hour (BitMart `hourly_interest`; KuCoin annual market rate / 8760). */
  hourlyRate?: Decimal;
  /** Fraction per day. */
  dailyRate?: Decimal;
}

export interface InterestPreview {
  hourlyRate: Decimal;
  dailyRate: Decimal;
  perHour: Decimal;
  perDay: Decimal;
}

const HOURS_PER_DAY = 24;

/** Rates are tiny fractions: a percentage needs more places than the default to show them. */
export const HOURLY_RATE_DECIMALS = 6;
export const DAILY_RATE_DECIMALS = 4;

/**
 * The venue's own hourly and daily rates when it gives both (BitMart rounds its hourly rate up
 * from the daily one, and charges by it), else one derived from the other. Undefined when the
 * venue gives neither, or the amount is not positive.
 */
export function interestPreview(amount: Decimal, rates: LoanRates): InterestPreview | undefined {
  if (!amount.isFinite() || amount.lte(0)) return undefined;
  const hourlyRate = rates.hourlyRate ?? rates.dailyRate?.div(HOURS_PER_DAY);
  const dailyRate = rates.dailyRate ?? rates.hourlyRate?.mul(HOURS_PER_DAY);
  if (!hourlyRate || !dailyRate) return undefined;
  return { hourlyRate, dailyRate, perHour: amount.mul(hourlyRate), perDay: amount.mul(dailyRate) };
}

/** A cost at `places` decimals, rounded up: what a venue charging at that precision would take at most. */
export function costAtPrecision(cost: Decimal, places: number): Decimal {
  return cost.toDecimalPlaces(places, Decimal.ROUND_UP);
}
