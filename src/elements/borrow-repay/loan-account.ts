/**
 * The panel's view of the account a loan acts on: what the currency has available, what it owes
 * (principal + interest) and what may still be borrowed, and the amounts "Max" fills in. KuCoin:
 * "Get Account - Cross Margin" / "- Isolated Margin" (the HF account, where the kit's loans and
 * orders act); BitMart: "Get Margin Account Details (Isolated)". No DOM, no network.
 */
import type { IsolatedAccountPair } from '../../client/bitmart/account.js';
import type { CrossMarginAccount, IsolatedMarginAccount, MarginAccountAsset } from '../../client/kucoin/account.js';
import type { BorrowLimits } from '../../client/venue.js';
import { Decimal } from '../../core/decimal.js';

export interface LoanAccountSide {
  currency: string;
  available: Decimal;
  principal: Decimal;
  interest: Decimal;
  /** principal + interest: what a full repayment takes. */
  liability: Decimal;
  /** What a borrow lends now (KuCoin `maxBorrowSize`); BitMart says it in the limits (`borrowable_amount`). */
  maxBorrowSize?: Decimal;
}

const ZERO = new Decimal(0);

function kucoinSide(asset: MarginAccountAsset | undefined, currency: string): LoanAccountSide {
  if (!asset) return { currency, available: ZERO, principal: ZERO, interest: ZERO, liability: ZERO, maxBorrowSize: undefined };
  return {
    currency,
    available: asset.available,
    principal: asset.liabilityPrincipal,
    interest: asset.liabilityInterest,
    liability: asset.liability,
    maxBorrowSize: asset.maxBorrowSize,
  };
}

export function crossLoanSide(account: CrossMarginAccount, currency: string): LoanAccountSide {
  return kucoinSide(
    account.accounts.find((a) => a.currency === currency),
    currency,
  );
}

export function isolatedLoanSide(account: IsolatedMarginAccount, symbol: string, currency: string): LoanAccountSide {
  const pair = account.assets.find((a) => a.symbol === symbol);
  const asset = pair && (pair.baseAsset.currency === currency ? pair.baseAsset : pair.quoteAsset.currency === currency ? pair.quoteAsset : undefined);
  return kucoinSide(asset, currency);
}

export function bitmartLoanSide(pairs: readonly IsolatedAccountPair[], symbol: string, currency: string): LoanAccountSide {
  const pair = pairs.find((p) => p.symbol === symbol);
  const side = pair && (pair.base.currency === currency ? pair.base : pair.quote.currency === currency ? pair.quote : undefined);
  if (!side) return { currency, available: ZERO, principal: ZERO, interest: ZERO, liability: ZERO };
  return { currency, available: side.available, principal: side.borrow_unpaid, interest: side.interest_unpaid, liability: side.borrow_unpaid.plus(side.interest_unpaid) };
}

function roundDown(value: Decimal, places: number | undefined, step: Decimal | undefined): Decimal {
  let v = places === undefined ? value : value.toDecimalPlaces(places, Decimal.ROUND_DOWN);
  if (step && step.gt(0)) v = v.div(step).floor().mul(step);
  return v;
}

/** Repay "Max": what is owed, limited by what is available, at the currency's precision (rounded down); undefined when nothing can be repaid. */
export function repayMax(side: LoanAccountSide, limits: Pick<BorrowLimits, 'precision'> | undefined): Decimal | undefined {
  const amount = roundDown(Decimal.min(side.liability, side.available), limits?.precision, undefined);
  return amount.gt(0) ? amount : undefined;
}

/**
 * Borrow "Max": what the venue would lend now (KuCoin `maxBorrowSize`, BitMart `borrowable_amount`),
 * on `borrowMinUnit` and the precision, rounded down; undefined when that is below `borrowMinAmount`.
 */
export function borrowMax(side: LoanAccountSide, limits: BorrowLimits | undefined): Decimal | undefined {
  if (limits && !limits.borrowEnabled) return undefined;
  const room = side.maxBorrowSize ?? limits?.borrowableAmount;
  if (!room) return undefined;
  const amount = roundDown(room, limits?.precision, limits?.borrowMinUnit);
  if (amount.lte(0) || (limits?.borrowMinAmount && amount.lt(limits.borrowMinAmount))) return undefined;
  return amount;
}
