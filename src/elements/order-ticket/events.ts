import type { MarginModel, OrderSide, OrderType } from '../../client/kucoin/orders.js';
import { marginEvent } from '../shared/events.js';
import type { PlacementParams } from './order-draft.js';

export const MARGIN_ORDER_PLACED = 'margin-order-placed';
export const MARGIN_ORDER_FILLED = 'margin-order-filled';
export const MARGIN_ORDER_CANCELLED = 'margin-order-cancelled';

export interface MarginOrderPlacedDetail {
  orderId: string;
  clientOid: string;
  symbol: string;
  side: OrderSide;
  type: OrderType;
  marginMode: MarginModel;
  /** What autoBorrow borrowed, as the venue's exact decimal string (only with autoBorrow). */
  borrowSize?: string;
  /** The borrow order's id (only with autoBorrow). */
  loanApplyId?: string;
  /** `answer`: the venue's answer said so; `lookup`: the answer was lost and the order was found by clientOid. */
  confirmedBy: 'answer' | 'lookup';
  /** The exact parameters sent. */
  params: Readonly<PlacementParams>;
}

/** An order was placed (the venue answered, or the order was found after a lost answer). */
export class MarginOrderPlacedEvent extends marginEvent<MarginOrderPlacedDetail>(MARGIN_ORDER_PLACED) {}

export interface MarginOrderFilledDetail {
  orderId: string;
  clientOid: string;
  symbol: string;
  side: OrderSide;
  /** Base filled, exact decimal string. */
  dealSize: string;
  /** Quote filled, exact decimal string. */
  dealFunds: string;
  fee: string;
  feeCurrency: string;
  /** `false`: part filled, the rest cancelled. */
  complete: boolean;
}

/** A placed order is done and something of it filled. */
export class MarginOrderFilledEvent extends marginEvent<MarginOrderFilledDetail>(MARGIN_ORDER_FILLED) {}

export interface MarginOrderCancelledDetail {
  symbol: string;
  /** `order`: one order (by `orderId` or `clientOid`); `symbol`: "cancel all" for the symbol. */
  scope: 'order' | 'symbol';
  orderId?: string;
  clientOid?: string;
  /** `trader`: a cancel from the ticket; `venue`: a tracked order ended cancelled (GTT expiry, IOC, FOK). */
  by: 'trader' | 'venue';
  /** Cancel all: the ids of the orders that were open. */
  orderIds?: string[];
}

/** An order (or every order of a symbol) was cancelled. */
export class MarginOrderCancelledEvent extends marginEvent<MarginOrderCancelledDetail>(MARGIN_ORDER_CANCELLED) {}

declare global {
  interface GlobalEventHandlersEventMap {
    [MARGIN_ORDER_PLACED]: MarginOrderPlacedEvent;
    [MARGIN_ORDER_FILLED]: MarginOrderFilledEvent;
    [MARGIN_ORDER_CANCELLED]: MarginOrderCancelledEvent;
  }
}
