/**
 * What an auto-borrow costs, as KuCoin charges it: the daily rate is the loan market's annual
 * `marketInterestRate` over 365 days (8 places, rounded up), and each hour begun charges
 * `principal x daily / 24` rounded up to the currency's `precision` (the sandbox's ledger,
 * src/sandbox/loans.ts, charges exactly this). A day is 24 such hours. No DOM.
 */
import { Decimal } from '../../core/decimal.js';

const DAYS_PER_YEAR = 365;
const HOURS_PER_DAY = 24;
const DAY_RATIO_DECIMALS = 8;

export interface BorrowCost {
  borrow: Decimal;
  /** Fraction per day ("dayRatio" in the interest history). */
  dailyRate: Decimal;
  /** What one hour charges. */
  perHour: Decimal;
  /** Twenty-four hours of it. */
  perDay: Decimal;
}

/** The daily rate charged for an annual market rate. */
export function dayRatio(annualRate: Decimal): Decimal {
  return annualRate.div(DAYS_PER_YEAR).toDecimalPlaces(DAY_RATIO_DECIMALS, Decimal.ROUND_UP);
}

/** The cost of borrowing `borrow` now; undefined without a positive borrow. */
export function borrowCost(borrow: Decimal | undefined, annualRate: Decimal, precision: number): BorrowCost | undefined {
  if (!borrow || borrow.lte(0)) return undefined;
  const dailyRate = dayRatio(annualRate);
  const perHour = borrow.mul(dailyRate).div(HOURS_PER_DAY).toDecimalPlaces(precision, Decimal.ROUND_UP);
  return { borrow, dailyRate, perHour, perDay: perHour.mul(HOURS_PER_DAY) };
}
