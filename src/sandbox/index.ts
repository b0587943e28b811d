/**
 * `margin-kit/sandbox`: an offline, deterministic implementation of both venues' HTTP APIs
 * (KuCoin under `/api/...`, BitMart under `/spot/...`), as one fetch handler. It runs in Node
 * (the demo, tests) and in the browser (Storybook), and verifies signatures as the venues do.
 */
import type { EndpointImpl } from './context.js';
import { FaultController, type FaultRule } from './faults.js';
import { createHandler } from './handler.js';
import { marketEndpoints } from './market-endpoints.js';
import { orderEndpoints } from './orders.js';
import { debitEndpoints } from './debit.js';
import { lendingEndpoints } from './lending.js';
import { bitmartEndpoints } from './bitmart.js';
import { marginAccountEndpoints } from './margin-accounts.js';
import { SandboxState, type SandboxAccountOptions } from './state.js';

export interface SandboxOptions {
  /** Same seed, same clock readings: the same prices, fills and ids (default 1). */
  seed?: number;
  /** The sandbox's clock in ms (default Date.now): tests move time by hand. */
  now?: () => number;
  /** API keys and starting balances; the demo credentials when absent. */
  accounts?: readonly SandboxAccountOptions[];
  faults?: readonly FaultRule[];
}

export type SandboxExchange = ((request: Request) => Promise<Response>) & {
  readonly state: SandboxState;
  readonly faults: FaultController;
};

export function createSandboxExchange(options: SandboxOptions = {}): SandboxExchange {
  const now = options.now ?? (() => Date.now());
  const state = new SandboxState(options.seed ?? 1, now, options.accounts ?? []);
  const faults = new FaultController(state.random, options.faults);
  const implementations: Record<string, EndpointImpl> = {
    ...marketEndpoints,
    ...orderEndpoints(state),
    ...debitEndpoints(state),
    ...lendingEndpoints(state),
    ...bitmartEndpoints(state),
    ...marginAccountEndpoints(state),
  };
  const handler = createHandler(state, implementations, faults);
  return Object.assign(handler, { state, faults });
}

export { DEMO_CREDENTIALS, SYMBOLS, CURRENCIES, BITMART_PAIRS } from './fixtures.js';
export type { FaultRule, FaultKind } from './faults.js';
export type { SandboxAccountOptions } from './state.js';
export { SandboxState } from './state.js';
export { VenueError } from './errors.js';
