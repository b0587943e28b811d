/** Registers `<margin-lending-market>` (a no-op when this version already did). */
import { defineElement } from '../elements/shared/define.js';
import { MarginLendingMarket } from '../elements/lending-market/margin-lending-market.js';

export const LENDING_MARKET_TAG = 'margin-lending-market';

defineElement(LENDING_MARKET_TAG, MarginLendingMarket);

export { MarginLendingMarket };
export {
  MarginPurchasedEvent,
  MarginPurchaseModifiedEvent,
  MarginRedeemedEvent,
  MARGIN_PURCHASED,
  MARGIN_PURCHASE_MODIFIED,
  MARGIN_REDEEMED,
  type MarginPurchasedDetail,
  type MarginPurchaseModifiedDetail,
  type MarginRedeemedDetail,
} from '../elements/lending-market/events.js';

declare global {
  interface HTMLElementTagNameMap {
    [LENDING_MARKET_TAG]: MarginLendingMarket;
  }
}
