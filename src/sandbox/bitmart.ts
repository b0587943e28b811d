// STUB: replaced by the real implementation.
import type { EndpointImpl } from './context.js';
import { VenueError } from './errors.js';
import type { SandboxState } from './state.js';

export function bitmartEndpoints(_state: SandboxState): Record<string, EndpointImpl> {
  const todo: EndpointImpl = () => { throw new VenueError('500000', 'not implemented', 501); };
  return {
    marginBorrowIsolated: todo,
    marginRepayIsolated: todo,
    getBorrowRecordIsolated: todo,
    getRepayRecordIsolated: todo,
    getIsolatedPairs: todo,
  };
}
