/** Private building blocks several elements render; not public API (not exported from the package root). */
export * from './data-table.js';
export * from './field.js';
export * from './status.js';
export * from './tabs.js';
