import type { Venue } from '../../core/endpoints.js';
import { marginEvent } from '../shared/events.js';

export const MARGIN_SYMBOL_SELECT = 'margin-symbol-select';

export interface MarginSymbolSelectDetail {
  /** In the venue's spelling: `BTC-USDT` (KuCoin), `BTC_USDT` (BitMart). */
  symbol: string;
  exchange: Venue;
}

/**
 * The trader picked a symbol (click, or Enter/Space on it). Cancelable: without
 * `preventDefault()` the element marks the symbol as its `selected` one; a host points its other
 * elements (order ticket, borrow/repay panel) at it.
 */
export class MarginSymbolSelectEvent extends marginEvent<MarginSymbolSelectDetail>(MARGIN_SYMBOL_SELECT, { cancelable: true }) {}

declare global {
  interface GlobalEventHandlersEventMap {
    [MARGIN_SYMBOL_SELECT]: MarginSymbolSelectEvent;
  }
}
