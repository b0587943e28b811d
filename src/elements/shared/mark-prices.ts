/**
 * The market resources read as exact decimal text, in a module of their own: the ticker shows them
 * and never computes, so neither it nor its CDN chunks carry decimal.js (resources.ts re-exports them).
 */
import { getMarkPriceTexts, getSymbolIncrementTexts, type MarkPriceText, type SymbolIncrementText } from '../../client/kucoin/market-text.js';
import { resource, type Resource } from './resource.js';

/**
 * `GET /api/v3/mark-price/all-symbols`: every element shows mark prices from this one poll, so two
 * elements on a page show the same price at the same moment. Values are validated exact decimal
 * text: the ticker only shows them; an element that computes with one makes it a Decimal
 * (`new Decimal(mark.value)`).
 */
export const markPrices: Resource<MarkPriceText[]> = resource('kucoin:mark-prices', (transport, signal) => getMarkPriceTexts(transport, { signal }), {
  ttlMs: 1_000,
  minIntervalMs: 1_000,
});

/**
 * `GET /api/v3/margin/symbols` as the ticker shows prices: each symbol's `priceIncrement` as text
 * and `enableTrading`. Its own key: `crossSymbols` holds Decimals for elements that compute with
 * the increments, so a page with a ticker and a ticket reads the symbols twice a minute, not once.
 */
export const symbolIncrements: Resource<SymbolIncrementText[]> = resource('kucoin:symbol-increments', (transport, signal) =>
  getSymbolIncrementTexts(transport, { signal }),
);
