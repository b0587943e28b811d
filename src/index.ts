/**
 * `margin-kit`: defines every element and re-exports the public API: the elements' classes and
 * events, the client, the pure core and the define helper.
 */
export * from './define/margin-mark-price-ticker.js';
export * from './define/margin-lending-market.js';
export * from './define/margin-borrow-repay.js';
export * from './define/margin-order-ticket.js';
export * from './client/index.js';
export * from './core/index.js';
export { defineElement } from './elements/shared/define.js';
export * from './elements/shared/events.js';
export { VERSION } from './version.js';
// Words: the page-level language switch and a page's own translations (`configure({ locale })` also switches).
export { getWordsLocale, registerTranslation, setLocale, type KitTranslation } from './elements/shared/localization.js';
export { str } from '@lit/localize';
