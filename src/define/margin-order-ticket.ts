/** Registers `<margin-order-ticket>` (side effect): `import 'margin-kit/margin-order-ticket.js'`. */
import { defineElement } from '../elements/shared/define.js';
import { MarginOrderTicket } from '../elements/order-ticket/margin-order-ticket.js';

export const ORDER_TICKET_TAG = 'margin-order-ticket';

defineElement(ORDER_TICKET_TAG, MarginOrderTicket);

export { MarginOrderTicket };
export * from '../elements/order-ticket/events.js';

declare global {
  interface HTMLElementTagNameMap {
    [ORDER_TICKET_TAG]: MarginOrderTicket;
  }
}
