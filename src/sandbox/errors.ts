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

/** BitMart's codes used by the sandbox (BitMart's spot error code list). */
export const BITMART = {
  badRequest: (message: string) => new VenueError('50000', message, 400),
  symbolNotFound: () => new VenueError('50006', 'Invalid symbol', 400),
  currencyNotInSymbol: () => new VenueError('50025', 'Invalid currency', 400),
  amountTooSmall: (message = 'Amount is less than the minimum borrowing amount') => new VenueError('51006', message, 400),
  exceedsBorrowable: (message = 'Exceed the maximum borrowable amount') => new VenueError('51004', message, 400),
  balanceInsufficient: (message = 'Insufficient balance') => new VenueError('60008', message, 400),
  noDebt: () => new VenueError('60010', 'No debt to repay', 400),
  disabled: () => new VenueError('60011', 'Margin trading is not enabled for this symbol', 400),
} as const;

export function isVenueError(error: unknown): error is VenueError {
  return error instanceof VenueError;
}

export type { Venue };
