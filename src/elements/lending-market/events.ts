/** The events `<margin-lending-market>` fires after a private action went through. */
import { marginEvent } from '../shared/events.js';

export const MARGIN_PURCHASED = 'margin-purchased';
export const MARGIN_PURCHASE_MODIFIED = 'margin-purchase-modified';
export const MARGIN_REDEEMED = 'margin-redeemed';

export interface MarginPurchasedDetail {
  currency: string;
  /** The exact decimal string sent. */
  size: string;
  /** Annual rate as the fraction sent (`0.085`). */
  interestRate: string;
  /** The purchase order ID. */
  orderNo: string;
}

/** A lend (`POST /api/v3/purchase`) went through. */
export class MarginPurchasedEvent extends marginEvent<MarginPurchasedDetail>(MARGIN_PURCHASED) {}

export interface MarginPurchaseModifiedDetail {
  currency: string;
  purchaseOrderNo: string;
  /** The new annual rate as the fraction sent; it applies from the next hour. */
  interestRate: string;
}

/** A rate change (`POST /api/v3/lend/purchase/update`) went through. */
export class MarginPurchaseModifiedEvent extends marginEvent<MarginPurchaseModifiedDetail>(MARGIN_PURCHASE_MODIFIED) {}

export interface MarginRedeemedDetail {
  currency: string;
  purchaseOrderNo: string;
  /** The exact decimal string sent. */
  size: string;
  /** The redeem order ID. */
  orderNo: string;
}

/** A redeem (`POST /api/v3/redeem`) went through (lent funds come back at the next hour). */
export class MarginRedeemedEvent extends marginEvent<MarginRedeemedDetail>(MARGIN_REDEEMED) {}

declare global {
  interface GlobalEventHandlersEventMap {
    [MARGIN_PURCHASED]: MarginPurchasedEvent;
    [MARGIN_PURCHASE_MODIFIED]: MarginPurchaseModifiedEvent;
    [MARGIN_REDEEMED]: MarginRedeemedEvent;
  }
}

export { MarginSymbolSelectEvent, MARGIN_SYMBOL_SELECT, type MarginSymbolSelectDetail } from '../mark-price-ticker/events.js';
