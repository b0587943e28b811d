/** Registers `<margin-borrow-repay>` (a no-op when this version already did). */
import { defineElement } from '../elements/shared/define.js';
import { MarginBorrowRepay } from '../elements/borrow-repay/margin-borrow-repay.js';
import { MARGIN_BORROWED, MARGIN_REPAID, type MarginBorrowedEvent, type MarginRepaidEvent } from '../elements/borrow-repay/events.js';
import type { MarginSharedEventMap } from './shared/events.js';

/** The tag, as a constant: strings copied by hand drift. */
export const BORROW_REPAY_TAG = 'margin-borrow-repay';

defineElement(BORROW_REPAY_TAG, MarginBorrowRepay);

export { MarginBorrowRepay };
export { MarginBorrowedEvent, MarginRepaidEvent, MARGIN_BORROWED, MARGIN_REPAID, type MarginLoanDetail } from '../elements/borrow-repay/events.js';
export * from './shared/events.js';

declare global {
  interface HTMLElementTagNameMap {
    [BORROW_REPAY_TAG]: MarginBorrowRepay;
  }
  interface GlobalEventHandlersEventMap extends MarginSharedEventMap {
    [MARGIN_BORROWED]: MarginBorrowedEvent;
    [MARGIN_REPAID]: MarginRepaidEvent;
  }
}
