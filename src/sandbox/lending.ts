// STUB: replaced by the real implementation.
import type { EndpointImpl } from './context.js';
import { VenueError } from './errors.js';
import type { SandboxState } from './state.js';

export function lendingEndpoints(_state: SandboxState): Record<string, EndpointImpl> {
  const todo: EndpointImpl = () => { throw new VenueError('500000', 'not implemented', 501); };
  return {
    getLoanMarket: todo,
    getLoanMarketInterestRate: todo,
    purchase: todo,
    modifyPurchase: todo,
    getPurchaseOrders: todo,
    redeem: todo,
    getRedeemOrders: todo,
  };
}
