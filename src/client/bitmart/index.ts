export * from './margin-loan.js';
