/**
 * The ticket's view of the margin account it trades in: what the symbol's two currencies hold
 * and owe, the account's debt ratio and how near it is to the venue's thresholds. Read from
 * "Get Account - Cross Margin" (the HF account, `MARGIN_V2`, for the v3 orders; the classic one
 * for V1) or "Get Account - Isolated Margin" (the pair), and "Get Margin Config". No DOM.
 */
import type { CrossMarginAccount, IsolatedMarginAccount, MarginAccountAsset } from '../../client/kucoin/account.js';
import { Decimal } from '../../core/decimal.js';
import type { MarginMode, OrderApi } from './order-draft.js';

/** One currency as the ticket shows it; a currency the account never held reads as zeros. */
export type AccountSide = Pick<MarginAccountAsset, 'currency' | 'available' | 'hold' | 'liability' | 'liabilityPrincipal' | 'liabilityInterest' | 'maxBorrowSize'>;

export interface TicketAccount {
  base: AccountSide;
  quote: AccountSide;
  /** Total liability over total assets (cross: the whole account; isolated: the pair). */
  debtRatio: Decimal;
}

/** Where the debt ratio stands against the venue's thresholds. */
export type RiskLevel = 'safe' | 'warning' | 'liquidation';

export interface RiskThresholds {
  /** "Get Margin Config" `warningDebtRatio`; none for an isolated pair without one. */
  warning?: Decimal;
  /** Cross: `liqDebtRatio`; isolated: the pair's `flDebtRatio`. */
  liquidation: Decimal;
}

const ZERO = new Decimal(0);

function emptySide(currency: string): AccountSide {
  return { currency, available: ZERO, hold: ZERO, liability: ZERO, liabilityPrincipal: ZERO, liabilityInterest: ZERO, maxBorrowSize: ZERO };
}

function sideOf(asset: MarginAccountAsset | undefined, currency: string): AccountSide {
  if (!asset) return emptySide(currency);
  const { available, hold, liability, liabilityPrincipal, liabilityInterest, maxBorrowSize } = asset;
  return { currency, available, hold, liability, liabilityPrincipal, liabilityInterest, maxBorrowSize };
}

/** The account a ticket's orders trade in: KuCoin keeps the HF (v3 orders) and classic (V1) accounts apart. */
export function accountQueryType(mode: MarginMode, api: OrderApi): 'MARGIN' | 'MARGIN_V2' | 'ISOLATED' | 'ISOLATED_V2' {
  if (mode === 'isolated') return api === 'hf' ? 'ISOLATED_V2' : 'ISOLATED';
  return api === 'hf' ? 'MARGIN_V2' : 'MARGIN';
}

/** The symbol's two currencies in the cross account. */
export function crossTicketAccount(account: CrossMarginAccount, base: string, quote: string): TicketAccount {
  const find = (currency: string) => account.accounts.find((a) => a.currency === currency);
  return { base: sideOf(find(base), base), quote: sideOf(find(quote), quote), debtRatio: account.debtRatio };
}

/** The pair's isolated account; an untouched pair (not listed yet) reads as empty. */
export function isolatedTicketAccount(account: IsolatedMarginAccount, symbol: string, base: string, quote: string): TicketAccount {
  const pair = account.assets.find((a) => a.symbol === symbol);
  if (!pair) return { base: emptySide(base), quote: emptySide(quote), debtRatio: ZERO };
  return { base: sideOf(pair.baseAsset, base), quote: sideOf(pair.quoteAsset, quote), debtRatio: pair.debtRatio };
}

/** The currency an order spends (and auto-borrow borrows): quote for a buy, base for a sell. */
export function spendSide(account: TicketAccount, side: 'buy' | 'sell'): AccountSide {
  return side === 'buy' ? account.quote : account.base;
}

/** From the liquidation ratio on, `liquidation`; from the warning ratio, `warning`. */
export function riskLevel(debtRatio: Decimal, thresholds: RiskThresholds): RiskLevel {
  if (debtRatio.gte(thresholds.liquidation)) return 'liquidation';
  if (thresholds.warning && debtRatio.gte(thresholds.warning)) return 'warning';
  return 'safe';
}
