import { Decimal, type DecimalParseFailure, parseUserDecimal } from './decimal.js';

/** The rules a value can break, named so an element can word them for a trader. */
export type RuleName =
  | DecimalParseFailure
  | 'required'
  | 'positive'
  | 'step'
  | 'min'
  | 'max'
  | 'decimals'
  | 'above'
  | 'characters';

/**
 * One broken rule, the kit's only violation type: which field, which rule, and the limit it was
 * measured against (`limit` is the exact decimal string of the increment, bound or decimal
 * count). Elements narrow the field names and add rules of their own (`Violation<OrderField,
 * OrderRule>`); the core rules below are never written again elsewhere.
 */
export interface Violation<Field extends string = string, Rule extends string = RuleName> {
  field: Field;
  rule: Rule;
  limit?: string;
}

/** A broken core rule. */
export type RuleViolation = Violation;

export type RuleCheck = RuleViolation | null;

/** A broken rule of any field: a core rule, or an element's own (`min-notional`, `visible-size`...). */
export type FieldViolation = Violation<string, string>;

/** `value` is a whole multiple of `increment` (`priceIncrement`, `baseIncrement`, `borrowMinUnit`...). */
export function checkStep(field: string, value: Decimal, increment: Decimal): RuleCheck {
  if (increment.lte(0)) return null; // a venue that gives no increment imposes none
  return value.mod(increment).isZero() ? null : { field, rule: 'step', limit: increment.toString() };
}

/** `value` >= `min` (`baseMinSize`, `minFunds`, `borrowMinAmount`...). */
export function checkMin(field: string, value: Decimal, min: Decimal): RuleCheck {
  return value.gte(min) ? null : { field, rule: 'min', limit: min.toString() };
}

/** `value` <= `max` (`baseMaxSize`, `borrowMaxAmount`, `maxPurchaseSize`...). */
export function checkMax(field: string, value: Decimal, max: Decimal): RuleCheck {
  return value.lte(max) ? null : { field, rule: 'max', limit: max.toString() };
}

/** At most `places` fraction digits (KuCoin `precision`, BitMart's 8). */
export function checkDecimalPlaces(field: string, value: Decimal, places: number): RuleCheck {
  return value.decimalPlaces() <= places ? null : { field, rule: 'decimals', limit: String(places) };
}

export function checkPositive(field: string, value: Decimal): RuleCheck {
  return value.gt(0) ? null : { field, rule: 'positive' };
}

/** `value` > `bound`, strictly (a leverage above 1). */
export function checkAbove(field: string, value: Decimal, bound: Decimal): RuleCheck {
  return value.gt(bound) ? null : { field, rule: 'above', limit: bound.toString() };
}

/** Everything one amount field must satisfy; every bound is optional. */
export interface AmountRules {
  required?: boolean;
  increment?: Decimal;
  min?: Decimal;
  max?: Decimal;
  maxDecimals?: number;
  /** Zero allowed (for example a rate of 0); amounts must otherwise be positive. */
  allowZero?: boolean;
  /** Must be strictly above this instead of above 0 (a leverage above 1). */
  above?: Decimal;
}

export type AmountCheck =
  | { ok: true; value: Decimal | undefined }
  | { ok: false; violation: RuleViolation };

/**
 * Every rule what a user typed breaks. A value that is missing, does not parse or is not positive
 * (or not above `above`) breaks only that (its step or bounds mean nothing); otherwise decimals, step, min and max are
 * all reported, in that order. `value` is the Decimal to send when nothing is broken.
 */
export function amountViolations(field: string, text: string, rules: AmountRules): { value: Decimal | undefined; violations: RuleViolation[] } {
  if (text.trim() === '') return { value: undefined, violations: rules.required ? [{ field, rule: 'required' }] : [] };
  const parsed = parseUserDecimal(text);
  if (!parsed.ok) return { value: undefined, violations: [{ field, rule: parsed.reason }] };
  const value = parsed.value;
  const floor = rules.above ? checkAbove(field, value, rules.above) : rules.allowZero ? null : checkPositive(field, value);
  if (floor) return { value: undefined, violations: [floor] };
  const checks: RuleCheck[] = [
    rules.maxDecimals === undefined ? null : checkDecimalPlaces(field, value, rules.maxDecimals),
    rules.increment ? checkStep(field, value, rules.increment) : null,
    rules.min ? checkMin(field, value, rules.min) : null,
    rules.max ? checkMax(field, value, rules.max) : null,
  ];
  const violations = checks.filter((check): check is RuleViolation => check !== null);
  return { value: violations.length === 0 ? value : undefined, violations };
}

/**
 * Parses what a user typed and checks it against a field's rules, first failure first: parse,
 * positive, decimals, step, min, max. Returns the Decimal to send or the one rule to explain.
 */
export function checkAmount(field: string, text: string, rules: AmountRules): AmountCheck {
  const { value, violations } = amountViolations(field, text, rules);
  const first = violations[0];
  return first ? { ok: false, violation: first } : { ok: true, value };
}

/** The largest multiple of `step` not above `value` (sizes: never round a size up). */
export function roundDownToStep(value: Decimal, step: Decimal): Decimal {
  if (step.lte(0)) return value;
  return value.div(step).floor().mul(step);
}

export type TickDirection = 'down' | 'up' | 'nearest';

/**
 * Snaps a price to `priceIncrement`. `nearest` rounds half away from zero, as a person would
 * expect when the ticket snaps a typed price.
 */
export function roundToTick(value: Decimal, tick: Decimal, direction: TickDirection = 'nearest'): Decimal {
  if (tick.lte(0)) return value;
  const steps = value.div(tick);
  const whole =
    direction === 'down' ? steps.floor() : direction === 'up' ? steps.ceil() : steps.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return whole.mul(tick);
}
