/** Registers `<margin-lending-market>` (a no-op when this version already did). */
import { defineElement } from '../elements/shared/define.js';
import { MarginLendingMarket } from '../elements/lending-market/margin-lending-market.js';
import {
  MARGIN_PURCHASED,
  MARGIN_PURCHASE_MODIFIED,
  MARGIN_REDEEMED,
  MARGIN_SYMBOL_SELECT,
  type MarginPurchasedEvent,
  type MarginPurchaseModifiedEvent,
  type MarginRedeemedEvent,
  type MarginSymbolSelectEvent,
} from '../elements/lending-market/events.js';
import type { MarginSharedEventMap } from './shared/events.js';

export const LENDING_MARKET_TAG = 'margin-lending-market';

defineElement(LENDING_MARKET_TAG, MarginLendingMarket);

export { MarginLendingMarket };
export {
  MarginPurchasedEvent,
  MarginPurchaseModifiedEvent,
  MarginRedeemedEvent,
  MarginSymbolSelectEvent,
  MARGIN_PURCHASED,
  MARGIN_PURCHASE_MODIFIED,
  MARGIN_REDEEMED,
  MARGIN_SYMBOL_SELECT,
  type MarginPurchasedDetail,
  type MarginPurchaseModifiedDetail,
  type MarginRedeemedDetail,
  type MarginSymbolSelectDetail,
} from '../elements/lending-market/events.js';
export * from './shared/events.js';

declare global {
  interface HTMLElementTagNameMap {
    [LENDING_MARKET_TAG]: MarginLendingMarket;
  }
  interface GlobalEventHandlersEventMap extends MarginSharedEventMap {
    [MARGIN_PURCHASED]: MarginPurchasedEvent;
    [MARGIN_PURCHASE_MODIFIED]: MarginPurchaseModifiedEvent;
    [MARGIN_REDEEMED]: MarginRedeemedEvent;
    // Picking a BitMart pair names it as the ticker does.
    [MARGIN_SYMBOL_SELECT]: MarginSymbolSelectEvent;
  }
}
