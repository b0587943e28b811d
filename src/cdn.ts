/**
 * The CDN loader, `dist/cdn/margin-kit.js`: knows all four tags and imports an element's code
 * (a hashed chunk next to this file) only when its tag first appears on the page. What it
 * exports itself is what a page calls before any element loads: `configure()`, the language
 * switch, the define guard, the events. The client and the core (decimal.js and all) are one
 * `await loadApi()` away, in chunks of their own; `margin-kit.all.js` is everything in one file.
 */
import { startAutoloader } from './autoloader.js';

export { configure, CONFIGURED_EVENT, type PageConfig } from './client/connection.js';
export { defineElement } from './elements/shared/define.js';
export * from './elements/shared/events.js';
export type { KitTranslation } from './elements/shared/localization.js';
export { VERSION } from './version.js';

const ELEMENTS = {
  'margin-mark-price-ticker': () => import('./define/margin-mark-price-ticker.js'),
  'margin-order-ticket': () => import('./define/margin-order-ticket.js'),
  'margin-borrow-repay': () => import('./define/margin-borrow-repay.js'),
  'margin-lending-market': () => import('./define/margin-lending-market.js'),
};

/** The tags this loader watches for. */
export const TAGS = Object.keys(ELEMENTS) as (keyof typeof ELEMENTS)[];

/**
 * `discover(root)` loads the tags under a root the loader cannot see (a closed shadow root);
 * `load(tag)` loads one element ahead of use and resolves once it is defined.
 */
export const { discover, load } = startAutoloader(ELEMENTS);

// The words module holds @lit/localize's one configuration: it lives in a chunk every element shares,
// never in this file, which a page may include twice under two URLs.
const words = () => import('./elements/shared/localization.js');

/** Shows every element's words in `locale` (as `margin-kit`'s `setLocale`); resolves once they are loaded. */
export async function setLocale(locale: string): Promise<void> {
  return (await words()).setLocale(locale);
}

/** Adds the words of a locale the kit does not ship (as `margin-kit`'s `registerTranslation`). */
export async function registerTranslation(...args: Parameters<typeof import('./elements/shared/localization.js').registerTranslation>): Promise<void> {
  (await words()).registerTranslation(...args);
}

type Api = typeof import('./client/index.js') & typeof import('./core/index.js') & typeof import('./elements/shared/localization.js');

/** The client, the pure core and the words API, as `margin-kit` exports them: fetched on first call. */
export async function loadApi(): Promise<Api> {
  const [client, core, localization] = await Promise.all([import('./client/index.js'), import('./core/index.js'), words()]);
  return { ...client, ...core, ...localization };
}
