/** The CDN bundle: everything in `margin-kit`, self-contained. */
export * from './index.js';
