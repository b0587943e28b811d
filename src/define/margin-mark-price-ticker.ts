/** Registers `<margin-mark-price-ticker>` (a no-op when this version already did). */
import { defineElement } from '../elements/shared/define.js';
import { MarginMarkPriceTicker } from '../elements/mark-price-ticker/margin-mark-price-ticker.js';
import { MARGIN_SYMBOL_SELECT, type MarginSymbolSelectEvent } from '../elements/mark-price-ticker/events.js';
import type { MarginSharedEventMap } from './shared/events.js';

export const MARK_PRICE_TICKER_TAG = 'margin-mark-price-ticker';

defineElement(MARK_PRICE_TICKER_TAG, MarginMarkPriceTicker);

export { MarginMarkPriceTicker };
export { MarginSymbolSelectEvent, MARGIN_SYMBOL_SELECT, type MarginSymbolSelectDetail } from '../elements/mark-price-ticker/events.js';
export * from './shared/events.js';

declare global {
  interface HTMLElementTagNameMap {
    [MARK_PRICE_TICKER_TAG]: MarginMarkPriceTicker;
  }
  interface GlobalEventHandlersEventMap extends MarginSharedEventMap {
    [MARGIN_SYMBOL_SELECT]: MarginSymbolSelectEvent;
  }
}
