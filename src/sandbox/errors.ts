import type { Venue } from '../core/endpoints.js';

/**
 * A refusal as the venue words it. Endpoint implementations throw it; the handler turns it into
 * the venue's own error envelope (KuCoin `{ code, msg }`, BitMart `{ code, message, trace, data }`).
 */
export class VenueError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'VenueError';
  }
}

/** KuCoin's codes used by the sandbox (the public KuCoin error code list). */
export const KUCOIN = {
  badRequest: (message = 'Parameter error') => new VenueError('400100', message, 400),
  balanceInsufficient: (message = 'Balance insufficient!') => new VenueError('200004', message, 400),
  orderNotExist: (message = 'The order does not exist.') => new VenueError('400100', message, 404),
  duplicateClientOid: () => new VenueError('400100', 'The clientOid is duplicated. Please change it.', 400),
  // 126013: "Balance insufficient" in the margin/HF family; 126044: order placement refused by a rule.
  marginBalanceInsufficient: (message = 'Balance insufficient!') => new VenueError('126013', message, 400),
  orderRefused: (message: string) => new VenueError('126044', message, 400),
  // 130xxx: margin debit (borrow, repay, leverage).
  borrowRefused: (message: string) => new VenueError('130103', message, 400),
  repayRefused: (message: string) => new VenueError('130203', message, 400),
  leverageRefused: (message: string) => new VenueError('130008', message, 400),
  lendingRefused: (message: string) => new VenueError('130301', message, 400),
} as const;

/**
 * BitMart's codes used by the sandbox, from its "Spot&Margin API Error Code" table (the margin
 * loan family is 510xx; 50xxx are request errors).
 */
export const BITMART = {
  badRequest: (message: string) => new VenueError('50000', message, 400),
  symbolNotFound: () => new VenueError('50001', 'Symbol not found', 400),
  /** "Invalid %s": a parameter of the right type but an unacceptable value. */
  invalid: (name: string) => new VenueError('50021', `Invalid ${name}`, 400),
  balanceInsufficient: (message = 'Balance not enough') => new VenueError('50020', message, 400),
  disabled: () => new VenueError('50040', 'Symbol Not Available', 400),
  currencyNotInSymbol: () => new VenueError('51000', 'Currency not found', 400),
  exceedsBorrowable: (message = 'Exceed the maximum number of borrows available') => new VenueError('51004', message, 400),
  amountTooSmall: (message = 'Less than the minimum borrowable amount') => new VenueError('51005', message, 400),
  exceedsRepayable: (message = 'Exceeds the amount to be repaid') => new VenueError('51006', message, 400),
  noDebt: () => new VenueError('51024', 'There is no Margin Borrowing', 400),
  timeRange: () => new VenueError('52004', 'End time must be greater than or equal to Start time', 400),
} as const;

export function isVenueError(error: unknown): error is VenueError {
  return error instanceof VenueError;
}

export type { Venue };
