/** `margin-kit/client`: the shared client alone, no Lit. */
export * from './client.js';
export * from './errors.js';
export * from './hub.js';
export { createTransport, buildQuery, unwrapResponse } from './transport.js';
export type { Transport, TransportOptions, VenueRequest, QueryValue, RetryOptions } from './transport.js';
export * as kucoin from './kucoin/index.js';
export * as bitmart from './bitmart/index.js';
export * from './venue.js';
export { getAllOpenOrders, type AllOpenOrdersParams } from './open-orders.js';
export * from './account-resources.js';
