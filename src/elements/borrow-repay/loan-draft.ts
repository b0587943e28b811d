/**
 * The checks a borrow or repay passes before anything is sent: the amount the trader typed
 * against the venue's `BorrowLimits`, the currency against the isolated pair, and whether
 * borrowing is on. Pure: no DOM, no network.
 */
import type { BorrowLimits, LoanAction, LoanRequest, MarginMode, TimeInForce } from '../../client/venue.js';
import { Decimal, toPlainString } from '../../core/decimal.js';
import { checkAmount, type RuleName, type Violation } from '../../core/rules.js';

/** A shared rule (`core/rules.ts`) or one only a loan can break. */
export type LoanRuleName =
  | RuleName
  /** Above what the venue can lend now (BitMart `borrowable_amount`). */
  | 'borrowable'
  /** Isolated: the currency is neither the base nor the quote of the pair. */
  | 'not-in-symbol'
  /** The venue has borrowing of this currency (or pair) turned off. */
  | 'borrow-disabled'
  /** The limits are not loaded (yet), or are for another currency. */
  | 'no-limits';

/** `limit`: the exact decimal string of the bound, the decimal count, the pair or the venue's reason. */
export type LoanViolation = Violation<'amount' | 'currency' | 'symbol', LoanRuleName>;

export interface LoanDraftInput {
  action: LoanAction;
  marginMode: MarginMode;
  currency: string;
  /** The isolated pair in the venue's spelling; ignored for cross. */
  symbol?: string;
  /** What the trader typed, untouched. */
  amountText: string;
  /** KuCoin borrow only. */
  timeInForce?: TimeInForce;
  limits: BorrowLimits | undefined;
}

export type LoanDraft =
  | { ok: true; amount: Decimal; request: LoanRequest & { amount: string } }
  | { ok: false; violation: LoanViolation };

/** The two currencies of a pair spelled `BTC-USDT` (KuCoin) or `BTC_USDT` (BitMart). */
export function symbolCurrencies(symbol: string | undefined): string[] {
  if (!symbol) return [];
  const parts = symbol.split(/[-_]/);
  return parts.length === 2 && parts[0] && parts[1] ? parts : [];
}

function fail(field: LoanViolation['field'], rule: LoanRuleName, limit?: string): LoanDraft {
  return { ok: false, violation: limit === undefined ? { field, rule } : { field, rule, limit } };
}

/**
 * Checks a loan, first failure first: target (symbol, limits, currency, borrowing on), then the
 * amount: parse, > 0, decimals (`precision`), and for a borrow a multiple of `borrowMinUnit`, at
 * least `borrowMinAmount`, at most `borrowMaxAmount` and `borrowableAmount`. A repay is not held
 * to the borrow bounds, nor refused when borrowing is off: a debt can always be paid back.
 */
export function checkLoanDraft(input: LoanDraftInput): LoanDraft {
  const { action, limits } = input;
  const borrow = action === 'borrow';
  const isolated = input.marginMode === 'isolated';
  if (isolated && !input.symbol) return fail('symbol', 'required');
  if (!input.currency) return fail('currency', 'required');
  if (isolated) {
    const currencies = limits?.currencies ?? symbolCurrencies(input.symbol);
    if (!currencies.includes(input.currency)) return fail('currency', 'not-in-symbol', input.symbol);
  }
  if (!limits || limits.currency !== input.currency || (isolated && limits.symbol !== undefined && limits.symbol !== input.symbol)) {
    return fail('currency', 'no-limits');
  }
  if (borrow && !limits.borrowEnabled) return fail('currency', 'borrow-disabled', limits.disabledReason);

  const checked = checkAmount('amount', input.amountText, {
    required: true,
    maxDecimals: limits.precision,
    ...(borrow ? { increment: limits.borrowMinUnit, min: limits.borrowMinAmount, max: limits.borrowMaxAmount } : {}),
  });
  if (!checked.ok) return fail('amount', checked.violation.rule, checked.violation.limit);
  const amount = checked.value!;
  if (borrow && limits.borrowableAmount && amount.gt(limits.borrowableAmount)) {
    return fail('amount', 'borrowable', limits.borrowableAmount.toString());
  }

  const request: LoanRequest & { amount: string } = { currency: input.currency, amount: toPlainString(amount) };
  if (isolated) request.symbol = input.symbol;
  if (borrow && input.timeInForce) request.timeInForce = input.timeInForce;
  return { ok: true, amount, request };
}

/** The largest amount a borrow may ask for now: the least of the maximum and what is borrowable. */
export function borrowCeiling(limits: BorrowLimits): Decimal | undefined {
  const bounds = [limits.borrowMaxAmount, limits.borrowableAmount].filter((b): b is Decimal => b !== undefined);
  return bounds.length === 0 ? undefined : Decimal.min(...bounds);
}
