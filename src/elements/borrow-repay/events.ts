import type { MarginMode } from '../../client/venue.js';
import type { Venue } from '../../core/endpoints.js';
import { marginEvent } from '../shared/events.js';

export const MARGIN_BORROWED = 'margin-borrowed';
export const MARGIN_REPAID = 'margin-repaid';

export interface MarginLoanDetail {
  venue: Venue;
  marginMode: MarginMode;
  /** The isolated pair; absent for cross margin. */
  symbol?: string;
  currency: string;
  /** The venue's id of the operation (KuCoin `orderNo`, BitMart `borrow_id` / `repay_id`). */
  orderId: string;
  /** The amount asked for, as the exact decimal string sent. */
  requested: string;
  /** What the venue actually lent or took back (KuCoin `actualSize`; an IOC borrow may be less), exact decimal string. */
  actualSize: string;
  /**
   * The answer was lost (timeout, connection) and the operation was then found in the venue's
   * history: it went through, exactly once.
   */
  foundInHistory: boolean;
}

/** A borrow went through. Bubbles out of shadow roots. */
export class MarginBorrowedEvent extends marginEvent<Readonly<MarginLoanDetail>>(MARGIN_BORROWED) {}

/** A repayment went through. Bubbles out of shadow roots. */
export class MarginRepaidEvent extends marginEvent<Readonly<MarginLoanDetail>>(MARGIN_REPAID) {}

declare global {
  interface GlobalEventHandlersEventMap {
    [MARGIN_BORROWED]: MarginBorrowedEvent;
    [MARGIN_REPAID]: MarginRepaidEvent;
  }
}
