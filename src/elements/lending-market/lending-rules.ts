/**
 * The checks a lend, a rate change and a redeem pass before anything is sent, against the
 * currency's row of "Get Loan Market" (`kucoin-margin-rest-api.md`). No DOM, no network.
 *
 * Rates are typed as annual percentages (`8.5` for 8.5 %) and sent as the fraction KuCoin
 * expects (`0.085`); the limits and the step (`interestIncrement`) are fractions too.
 */
import { Decimal, toPlainString } from '../../core/decimal.js';
import { checkAmount, checkMax, checkMin, checkStep, type RuleViolation } from '../../core/rules.js';
import type { LoanMarket } from '../../client/kucoin/lending.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; violation: RuleViolation };

/** `8.5` (percent) -> `0.085`, exactly. */
export function percentToFraction(percent: Decimal): Decimal {
  return percent.div(100);
}

/** `0.085` -> `8.5`, exactly. */
export function fractionToPercent(fraction: Decimal): Decimal {
  return fraction.mul(100);
}

/** A purchase or redeem size: positive, a multiple of `increment`, within the given bounds. */
export function checkSize(field: string, text: string, market: LoanMarket, bounds: { min?: Decimal; max?: Decimal }): Checked<string> {
  const checked = checkAmount(field, text, { required: true, increment: market.increment, min: bounds.min, max: bounds.max });
  if (!checked.ok) return checked;
  return { ok: true, value: toPlainString(checked.value!) };
}

/**
 * A lending rate typed in percent: a number, then (as the fraction sent) a multiple of
 * `interestIncrement`, within `minInterestRate`..`maxInterestRate`. The violation's limits are
 * fractions: show them with `formatRate`.
 */
export function checkRate(field: string, percentText: string, market: LoanMarket): Checked<string> {
  const typed = checkAmount(field, percentText, { required: true });
  if (!typed.ok) return typed;
  const rate = percentToFraction(typed.value!);
  const violation =
    checkStep(field, rate, market.interestIncrement) ??
    (market.minInterestRate ? checkMin(field, rate, market.minInterestRate) : null) ??
    (market.maxInterestRate ? checkMax(field, rate, market.maxInterestRate) : null);
  return violation ? { ok: false, violation } : { ok: true, value: toPlainString(rate) };
}

export interface FieldViolations {
  size?: RuleViolation;
  interestRate?: RuleViolation;
}

export type ActionCheck<P> = { ok: true; params: P } | { ok: false; violations: FieldViolations };

export interface PurchaseRequest {
  currency: string;
  size: string;
  interestRate: string;
}

/** Lend: `purchaseEnable` (checked by the caller, who shows why), size and rate. */
export function checkPurchase(market: LoanMarket, sizeText: string, ratePercentText: string): ActionCheck<PurchaseRequest> {
  const size = checkSize('size', sizeText, market, { min: market.minPurchaseSize, max: market.maxPurchaseSize });
  const rate = checkRate('interestRate', ratePercentText, market);
  if (size.ok && rate.ok) return { ok: true, params: { currency: market.currency, size: size.value, interestRate: rate.value } };
  return { ok: false, violations: { size: size.ok ? undefined : size.violation, interestRate: rate.ok ? undefined : rate.violation } };
}

export interface ModifyRequest {
  currency: string;
  interestRate: string;
  purchaseOrderNo: string;
}

export function checkModify(market: LoanMarket, purchaseOrderNo: string, ratePercentText: string): ActionCheck<ModifyRequest> {
  const rate = checkRate('interestRate', ratePercentText, market);
  if (!rate.ok) return { ok: false, violations: { interestRate: rate.violation } };
  return { ok: true, params: { currency: market.currency, interestRate: rate.value, purchaseOrderNo } };
}

export interface RedeemRequest {
  currency: string;
  size: string;
  purchaseOrderNo: string;
}

/** Redeem: a multiple of `increment`, no more than the order still holds. */
export function checkRedeem(market: LoanMarket, purchaseOrderNo: string, holding: Decimal, sizeText: string): ActionCheck<RedeemRequest> {
  const size = checkSize('size', sizeText, market, { max: holding });
  if (!size.ok) return { ok: false, violations: { size: size.violation } };
  return { ok: true, params: { currency: market.currency, size: size.value, purchaseOrderNo } };
}

/**
 * What a purchase order still holds: its size less every redeem asked of it (settled or not).
 * KuCoin's purchase order carries no redeemed amount of its own (`incomeSize` is documented as
 * "Redeemed amount" but behaves as interest earned), so the redeem orders are summed.
 */
export function holdingOf(purchaseSize: Decimal, redeemSizes: readonly Decimal[]): Decimal {
  const left = redeemSizes.reduce((sum, size) => sum.minus(size), purchaseSize);
  return left.isNegative() ? new Decimal(0) : left;
}
