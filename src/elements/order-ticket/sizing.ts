/**
 * "Max" and 25/50/75/100%: the amount the account can buy or sell, in the unit of the field the
 * trader types (size in base, funds in quote), rounded down to its increment, and the check of a
 * typed amount against that limit. What the order spends: quote for a buy, base for a sell;
 * without auto-borrow what is available, with it up to `buyMaxAmount` ("Get Margin Risk Limit":
 * available plus what may still be borrowed). No DOM, no network.
 */
import { Decimal, parseUserDecimal } from '../../core/decimal.js';
import type { OrderDraft, SymbolRules } from './order-draft.js';

/**
 * A buy holds its fee with its cost (the taker fee on what fills at once, the maker fee on what
 * rests): KuCoin's base taker rate (LV0, 0.1%) is the most either takes, so a Max buy leaves it.
 */
export const FEE_ALLOWANCE = new Decimal('0.001');

export const FRACTIONS = [
  ['25', new Decimal('0.25')],
  ['50', new Decimal('0.5')],
  ['75', new Decimal('0.75')],
  ['100', new Decimal(1)],
] as const;

export interface SpendLimit {
  /** The currency the order spends. */
  currency: string;
  /** What may be spent: available, or `buyMaxAmount` with auto-borrow. */
  amount: Decimal;
  /** The amount includes what auto-borrow may borrow. */
  withBorrow: boolean;
}

/** What an order may spend: available, or with auto-borrow the larger of that and `buyMaxAmount`. */
export function spendLimit(currency: string, available: Decimal, autoBorrow: boolean, buyMaxAmount: Decimal | undefined): SpendLimit {
  if (autoBorrow && buyMaxAmount) return { currency, amount: Decimal.max(buyMaxAmount, available, 0), withBorrow: true };
  return { currency, amount: Decimal.max(available, 0), withBorrow: false };
}

/** The field the trader types the amount into. */
export type AmountField = 'size' | 'funds';

export function amountField(draft: Pick<OrderDraft, 'type' | 'marketAmount'>): AmountField {
  return draft.type === 'market' && draft.marketAmount === 'funds' ? 'funds' : 'size';
}

function positive(text: string): Decimal | undefined {
  const parsed = parseUserDecimal(text);
  return parsed.ok && parsed.value.gt(0) ? parsed.value : undefined;
}

function roundDownToStep(value: Decimal, step: Decimal): Decimal {
  return step.gt(0) ? value.div(step).floor().mul(step) : value;
}

export interface AmountLimit {
  field: AmountField;
  /** The most the field may hold, on its increment (rounded down) and within the symbol's maximum. */
  max: Decimal;
  /** Converted at the mark price (a market order): the venue may fill at another. */
  approximate: boolean;
}

/**
 * The most the amount field may hold for what the account may spend, or undefined while the
 * price it converts at is unknown (a limit order without a price; a market order without a mark).
 */
export function amountLimit(draft: OrderDraft, rules: SymbolRules, mark: Decimal | undefined, spend: Decimal): AmountLimit | undefined {
  const field = amountField(draft);
  const price = draft.type === 'limit' ? positive(draft.price) : mark?.gt(0) ? mark : undefined;
  // A market order converts at the mark: a buy by size and a sell by funds are estimates.
  const approximate = draft.type === 'market' && (field === 'size') === (draft.side === 'buy');
  const budget = Decimal.max(spend, 0);
  let raw: Decimal | undefined;
  if (field === 'size') {
    if (draft.side === 'sell') raw = budget;
    else raw = price ? budget.div(price.mul(FEE_ALLOWANCE.plus(1))) : undefined;
  } else if (draft.side === 'buy') {
    raw = budget.div(FEE_ALLOWANCE.plus(1));
  } else {
    raw = price ? budget.mul(price) : undefined;
  }
  if (!raw) return undefined;
  const increment = field === 'size' ? rules.baseIncrement : rules.quoteIncrement;
  const ceiling = field === 'size' ? rules.baseMaxSize : rules.quoteMaxSize;
  const max = roundDownToStep(ceiling.gt(0) ? Decimal.min(raw, ceiling) : raw, increment);
  return { field, max, approximate };
}

/** A fraction (0.25 ... 1) of the limit, rounded down to the field's increment; undefined below one increment. */
export function amountFor(fraction: Decimal, limit: AmountLimit, rules: SymbolRules): Decimal | undefined {
  const increment = limit.field === 'size' ? rules.baseIncrement : rules.quoteIncrement;
  const value = roundDownToStep(limit.max.mul(fraction), increment);
  return value.gt(0) ? value : undefined;
}

/** The typed amount above what the account allows, with that limit; undefined when within it or not parsed. */
export function aboveLimit(draft: OrderDraft, limit: AmountLimit | undefined): AmountLimit | undefined {
  if (!limit) return undefined;
  const typed = positive(limit.field === 'size' ? draft.size : draft.funds);
  return typed && typed.gt(limit.max) ? limit : undefined;
}
