export * from './market.js';
export * from './market-text.js';
export * from './orders.js';
export * from './lending.js';
export * from './debit.js';
export * from './account.js';
export type { CallOptions, Page } from './types.js';
