export * from './decimal.js';
export * from './rules.js';
export * from './format.js';
export * from './client-oid.js';
export * from './signing.js';
export * from './endpoints.js';
