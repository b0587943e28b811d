/**
 * `margin-kit`: defines every element (as each element lands, its define file is imported here)
 * and re-exports the public API: the client, the pure core and the define helper.
 */
export * from './client/index.js';
export * from './core/index.js';
export { defineElement } from './elements/shared/define.js';
export { VERSION } from './version.js';
