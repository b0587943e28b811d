/** Registers `<margin-order-ticket>` (side effect): `import 'margin-kit/margin-order-ticket.js'`. */
import { defineElement } from '../elements/shared/define.js';
import { MarginOrderTicket } from '../elements/order-ticket/margin-order-ticket.js';
import {
  MARGIN_ORDER_CANCELLED,
  MARGIN_ORDER_FILLED,
  MARGIN_ORDER_PLACED,
  type MarginOrderCancelledEvent,
  type MarginOrderFilledEvent,
  type MarginOrderPlacedEvent,
} from '../elements/order-ticket/events.js';
import type { MarginSharedEventMap } from './shared/events.js';

export const ORDER_TICKET_TAG = 'margin-order-ticket';

defineElement(ORDER_TICKET_TAG, MarginOrderTicket);

export { MarginOrderTicket };
export * from '../elements/order-ticket/events.js';
export * from './shared/events.js';

declare global {
  interface HTMLElementTagNameMap {
    [ORDER_TICKET_TAG]: MarginOrderTicket;
  }
  interface GlobalEventHandlersEventMap extends MarginSharedEventMap {
    [MARGIN_ORDER_PLACED]: MarginOrderPlacedEvent;
    [MARGIN_ORDER_FILLED]: MarginOrderFilledEvent;
    [MARGIN_ORDER_CANCELLED]: MarginOrderCancelledEvent;
  }
}
