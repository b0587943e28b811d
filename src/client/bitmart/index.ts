export * from './margin-loan.js';
export * from './account.js';
