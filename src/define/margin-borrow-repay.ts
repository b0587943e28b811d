import { defineElement } from '../elements/shared/define.js';
import { MarginBorrowRepay } from '../elements/borrow-repay/margin-borrow-repay.js';

/** The tag, as a constant: strings copied by hand drift. */
export const MARGIN_BORROW_REPAY = 'margin-borrow-repay';

defineElement(MARGIN_BORROW_REPAY, MarginBorrowRepay);

export { MarginBorrowRepay };
export { MarginBorrowedEvent, MarginRepaidEvent, MARGIN_BORROWED, MARGIN_REPAID, type MarginLoanDetail } from '../elements/borrow-repay/events.js';

declare global {
  interface HTMLElementTagNameMap {
    [MARGIN_BORROW_REPAY]: MarginBorrowRepay;
  }
}
