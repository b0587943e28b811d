/**
 * Order placement on the kit's one "never sent twice" submitter (shared/controllers/submitter.ts):
 * an order is matched by its `clientOid` ("Get Order By ClientOid"), a clientOid the venue says it
 * already has means the first request arrived (look it up), and "not found" is believed only
 * after the whole look-up window. No DOM: the ticket's OrderForm and the fault campaign
 * (test/node/chaos/order-campaign.ts) use the same ports.
 */
import { ExchangeError } from '../../client/errors.js';
import type { MarginOrder } from '../../client/kucoin/orders.js';
import { newClientOid } from '../../core/client-oid.js';
import type { Decimal } from '../../core/decimal.js';
import type { SubmitClock, SubmitPhase, SubmitterPorts } from '../shared/controllers/submitter.js';
import { DEFAULT_LOOKUP_AT_MS } from '../shared/controllers/submitter.js';

/** What the venue answered a placement (HF and V1 alike). */
export interface PlacementAnswer {
  orderId: string;
  loanApplyId?: string;
  borrowSize?: Decimal;
}

/** Anything placed carries the clientOid it is matched by. */
export interface Placeable {
  clientOid: string;
  symbol: string;
}

export type PlacementPhase<P extends Placeable> = SubmitPhase<P, PlacementAnswer, MarginOrder>;

/** The ticket's `lookupTiming`: when the venue is asked after an outcome became unknown. */
export interface LookupTiming {
  /** Wait before the first look-up. */
  firstDelayMs: number;
  /** Longest wait between look-ups; the wait doubles from the first. */
  maxDelayMs: number;
  /** "Not found" is believed only this long after the outcome became unknown (a timed-out request may still arrive). */
  settleMs: number;
}

/**
 * The look-up times for a `lookupTiming`: the kit's window (0, 1.5, 4.5, 11 s, past the proxy's
 * upstream limit) when none is set; else from `firstDelayMs`, doubling up to `maxDelayMs`, the
 * last at `settleMs`.
 */
export function lookupSchedule(timing: Partial<LookupTiming> = {}): readonly number[] {
  if (timing.firstDelayMs === undefined && timing.maxDelayMs === undefined && timing.settleMs === undefined) return DEFAULT_LOOKUP_AT_MS;
  const first = Math.max(0, timing.firstDelayMs ?? 0);
  const max = Math.max(1, timing.maxDelayMs ?? 8_000);
  const settle = Math.max(first, timing.settleMs ?? DEFAULT_LOOKUP_AT_MS[DEFAULT_LOOKUP_AT_MS.length - 1]!);
  const at = [first];
  let gap = Math.max(1, first);
  while (at[at.length - 1]! < settle) {
    gap = Math.min(gap * 2, max);
    at.push(Math.min(settle, at[at.length - 1]! + gap));
  }
  return at;
}

/**
 * The venue's answer for an order it does not have. KuCoin's HF lookups answer with an error
 * envelope worded "order not exist" (the sandbox: 404, "The order does not exist.").
 */
export function isOrderNotFound(error: unknown): boolean {
  if (!(error instanceof ExchangeError) || error.status >= 500) return false;
  return error.status === 404 || /order[\s_-]*(does[\s_-]*)?not[\s_-]*exist/i.test(error.message);
}

/**
 * The venue refused the clientOid as already used: an order with it exists, so the ticket
 * must find it. KuCoin words it "clientOid ... duplicate(d)" (codes 126044 and 400100 seen).
 */
export function isDuplicateClientOid(error: unknown): boolean {
  if (!(error instanceof ExchangeError) || error.status >= 500) return false;
  return /client\s*oid/i.test(error.message) && /duplicat|already|exist|repeat/i.test(error.message);
}

export interface PlacementDeps<P extends Placeable> {
  send(params: P, signal: AbortSignal): Promise<PlacementAnswer>;
  /** "Get Order By ClientOid"; rejects with the venue's "order not exist" when there is none. */
  lookup(clientOid: string, symbol: string, signal: AbortSignal): Promise<MarginOrder>;
  timing?: Partial<LookupTiming>;
  newClientOid?(): string;
  clock?: SubmitClock;
  onChange?(phase: PlacementPhase<P>): void;
}

/** The submitter's ports for orders. Look-up errors keep it checking (with backoff): the ticket follows the order on its own. */
export function placementPorts<P extends Placeable>(deps: PlacementDeps<P>): SubmitterPorts<P, PlacementAnswer, MarginOrder> {
  return {
    send: (params, signal) => deps.send(params, signal),
    match: {
      kind: 'client-id',
      identityOf: (params) => params.clientOid,
      lookUp: async (params, signal) => {
        try {
          return await deps.lookup(params.clientOid, params.symbol, signal);
        } catch (error) {
          if (isOrderNotFound(error)) return undefined;
          throw error;
        }
      },
    },
    answerId: (answer) => answer.orderId,
    isUnknown: isDuplicateClientOid,
    lookupErrors: 'retry',
    lookupAtMs: lookupSchedule(deps.timing),
    newIdentity: deps.newClientOid ?? newClientOid,
    clock: deps.clock,
    onChange: deps.onChange,
  };
}

/** A placement known to be at the venue: by the venue's answer, or found by its clientOid. */
export interface Placed<P extends Placeable> {
  params: P;
  clientOid: string;
  answer: PlacementAnswer;
  confirmedBy: 'answer' | 'lookup';
  /** The venue's record, when a look-up found it. */
  order?: MarginOrder;
  /** What made the outcome unknown, when it was looked up. */
  cause?: unknown;
}

export function placed<P extends Placeable>(phase: PlacementPhase<P>): Placed<P> | undefined {
  if (phase.kind === 'succeeded') return { params: phase.intent, clientOid: phase.identity, answer: phase.answer, confirmedBy: 'answer' };
  if (phase.kind === 'found') {
    const order = phase.record;
    return { params: phase.intent, clientOid: phase.identity, answer: { orderId: order.id }, confirmedBy: 'lookup', order, cause: phase.error };
  }
  return undefined;
}
