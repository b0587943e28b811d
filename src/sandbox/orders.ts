// STUB: replaced by the real implementation.
import type { EndpointImpl } from './context.js';
import { VenueError } from './errors.js';
import type { SandboxState } from './state.js';

export function orderEndpoints(_state: SandboxState): Record<string, EndpointImpl> {
  const todo: EndpointImpl = () => { throw new VenueError('500000', 'not implemented', 501); };
  return {
    addOrder: todo,
    addOrderTest: todo,
    cancelOrderByOrderId: todo,
    getOrderByOrderId: todo,
    cancelOrderByClientOid: todo,
    getOrderByClientOid: todo,
    cancelAllOrdersBySymbol: todo,
    getSymbolsWithOpenOrder: todo,
    getOpenOrders: todo,
    getClosedOrders: todo,
    getTradeHistory: todo,
    addOrderV1: todo,
    addOrderTestV1: todo,
  };
}
