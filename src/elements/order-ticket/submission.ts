/**
 * Placing an order so that it is never placed twice (DESIGN.md, "Orders are never sent twice").
 * A small state machine, no DOM:
 *
 *   idle --submit--> sending --answer--------------------------> placed
 *                      |  \--refused (definite)-----------------> not-placed
 *                      \--outcome unknown / duplicate clientOid--> checking
 *   checking --found--> placed;  --"order not exist"--> not-placed;  --error--> checking (backoff)
 *
 * While sending or checking, no other submit is accepted. Each draft gets one clientOid; a
 * retry of the same draft reuses it. An id whose send had an unknown outcome stays with the
 * ticket until an order is placed with it, even when the draft changes: if the lost request
 * reaches the venue late, the venue refuses the next one as a duplicate clientOid and the
 * ticket finds the first order instead of placing a second.
 */
import { ExchangeError, RateLimitError, outcomeUnknown } from '../../client/errors.js';
import type { Decimal } from '../../core/decimal.js';
import type { MarginOrder } from '../../client/kucoin/orders.js';

/** What the venue answered a placement (HF and V1 alike). */
export interface PlacementAnswer {
  orderId: string;
  loanApplyId?: string;
  borrowSize?: Decimal;
}

export interface Placement<P> {
  clientOid: string;
  params: P;
}

export type SubmissionState<P> =
  | { phase: 'idle' }
  | ({ phase: 'sending' } & Placement<P>)
  | ({
      phase: 'checking';
      /** What made the outcome unknown (timeout, lost connection, 5xx, unreadable answer, duplicate id). */
      cause: unknown;
      /** Lookups made so far. */
      attempts: number;
      /** The last lookup's error, when it could not tell. */
      lastError?: unknown;
    } & Placement<P>)
  | ({ phase: 'placed'; answer: PlacementAnswer; confirmedBy: 'answer' } & Placement<P>)
  | ({ phase: 'placed'; order: MarginOrder; answer: PlacementAnswer; confirmedBy: 'lookup'; cause: unknown } & Placement<P>)
  | ({ phase: 'not-placed'; reason: 'refused'; error: unknown } & Placement<P>)
  | ({ phase: 'not-placed'; reason: 'not-found'; cause: unknown } & Placement<P>);

export interface LookupTiming {
  /** Wait before the first lookup (default 400 ms). */
  firstDelayMs: number;
  /** Longest wait between lookups (default 8 s); the wait doubles from the first. */
  maxDelayMs: number;
  /**
   * "Not found" is believed only this long after the outcome became unknown (default 3 s): a
   * request that timed out may still be on its way to the venue.
   */
  settleMs: number;
}

export const DEFAULT_LOOKUP_TIMING: LookupTiming = { firstDelayMs: 400, maxDelayMs: 8_000, settleMs: 3_000 };

export interface SubmissionDeps<P extends { clientOid: string; symbol: string }> {
  send(params: P, signal: AbortSignal): Promise<PlacementAnswer>;
  /** "Get Order By ClientOid"; rejects with the venue's "order not exist" when there is none. */
  lookup(clientOid: string, symbol: string, signal: AbortSignal): Promise<MarginOrder>;
  newClientOid(): string;
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
  now?(): number;
  timing?: Partial<LookupTiming>;
  onChange?(state: SubmissionState<P>): void;
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

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

interface CurrentId {
  clientOid: string;
  draftKey: string;
  /** Sent with an unknown outcome: kept until an order is placed with it. */
  pinned: boolean;
}

export class Submission<P extends { clientOid: string; symbol: string }> {
  private stateValue: SubmissionState<P> = { phase: 'idle' };
  private current: CurrentId | undefined;
  private readonly timing: LookupTiming;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly now: () => number;
  /** Aborts the send or the lookup loop (dispose). */
  private run: AbortController | undefined;
  /** Aborts only the wait between lookups ("check now"). */
  private wait: AbortController | undefined;
  private unknownSince = 0;
  private loopRunning = false;

  constructor(private readonly deps: SubmissionDeps<P>) {
    this.timing = { ...DEFAULT_LOOKUP_TIMING, ...deps.timing };
    this.sleep = deps.sleep ?? abortableSleep;
    this.now = deps.now ?? (() => Date.now());
  }

  get state(): SubmissionState<P> {
    return this.stateValue;
  }

  /** Sending, or learning whether the last send placed an order: no other submit now. */
  get busy(): boolean {
    return this.stateValue.phase === 'sending' || this.stateValue.phase === 'checking';
  }

  /**
   * The clientOid the next submit of this draft carries (and a preview of it uses). Stable for
   * one draft; new after an order was placed, or for a new draft unless the id is pinned.
   */
  clientOidFor(draftKey: string): string {
    const c = this.current;
    if (c && (c.draftKey === draftKey || c.pinned)) {
      c.draftKey = draftKey;
      return c.clientOid;
    }
    this.current = { clientOid: this.deps.newClientOid(), draftKey, pinned: false };
    return this.current.clientOid;
  }

  /**
   * Sends the order, unless a submit is in progress (then `undefined`: nothing sent). The state
   * becomes `sending` before this returns, so a second click or Enter in the same turn is refused.
   * `params.clientOid` must be `clientOidFor(draftKey)`.
   */
  submit(draftKey: string, params: P): Promise<SubmissionState<P>> | undefined {
    if (this.busy) return undefined;
    if (params.clientOid !== this.clientOidFor(draftKey)) {
      throw new Error('margin-kit: submit with a clientOid the ticket did not give for this draft');
    }
    const run = new AbortController();
    this.run = run;
    this.set({ phase: 'sending', clientOid: params.clientOid, params });
    return this.send(params, run);
  }

  /** Skip the wait before the next lookup. */
  checkNow(): void {
    this.wait?.abort();
  }

  /** After `dispose()` (element disconnected) while checking: start looking up again. */
  resume(): void {
    const s = this.stateValue;
    if (s.phase !== 'checking' || this.loopRunning) return;
    const run = new AbortController();
    this.run = run;
    void this.lookupLoop(s, run);
  }

  /** Stops the request or the lookups in flight; the state stays (a send in flight stays unknown). */
  dispose(): void {
    this.run?.abort();
    this.wait?.abort();
  }

  /** Forget a finished outcome (the ticket shows the form again). Never while busy. */
  reset(): void {
    if (!this.busy) this.set({ phase: 'idle' });
  }

  private set(state: SubmissionState<P>): void {
    this.stateValue = state;
    this.deps.onChange?.(state);
  }

  private async send(params: P, run: AbortController): Promise<SubmissionState<P>> {
    const placement = { clientOid: params.clientOid, params };
    try {
      const answer = await this.deps.send(params, run.signal);
      this.placedWith(params.clientOid);
      this.set({ phase: 'placed', ...placement, answer, confirmedBy: 'answer' });
    } catch (error) {
      if (run.signal.aborted || outcomeUnknown(error) || isDuplicateClientOid(error)) {
        if (this.current?.clientOid === params.clientOid) this.current.pinned = true;
        this.unknownSince = this.now();
        const checking = { phase: 'checking' as const, ...placement, cause: error, attempts: 0 };
        this.set(checking);
        if (!run.signal.aborted) await this.lookupLoop(checking, run);
      } else {
        this.set({ phase: 'not-placed', ...placement, reason: 'refused', error });
      }
    }
    return this.stateValue;
  }

  private placedWith(clientOid: string): void {
    if (this.current?.clientOid === clientOid) this.current = undefined;
  }

  private async lookupLoop(start: Extract<SubmissionState<P>, { phase: 'checking' }>, run: AbortController): Promise<void> {
    this.loopRunning = true;
    let state = start;
    let delay = this.timing.firstDelayMs;
    // One listener for the whole loop (not one per wait: a long check would pile them up).
    const stopWaiting = () => this.wait?.abort();
    run.signal.addEventListener('abort', stopWaiting, { once: true });
    try {
      while (!run.signal.aborted) {
        this.wait = new AbortController();
        try {
          await this.sleep(delay, this.wait.signal);
        } catch {
          if (run.signal.aborted) return;
        }
        delay = Math.min(this.timing.maxDelayMs, delay * 2);
        try {
          const order = await this.deps.lookup(state.clientOid, state.params.symbol, run.signal);
          if (run.signal.aborted) return;
          this.placedWith(state.clientOid);
          this.set({
            phase: 'placed',
            clientOid: state.clientOid,
            params: state.params,
            order,
            answer: { orderId: order.id },
            confirmedBy: 'lookup',
            cause: state.cause,
          });
          return;
        } catch (error) {
          if (run.signal.aborted) return;
          const notFound = isOrderNotFound(error);
          const unsettledFor = this.timing.settleMs - (this.now() - this.unknownSince);
          if (notFound && unsettledFor <= 0) {
            this.set({ phase: 'not-placed', clientOid: state.clientOid, params: state.params, reason: 'not-found', cause: state.cause });
            return;
          }
          // Not found yet, but the request may still be on its way: ask again once it has had time.
          if (notFound) delay = Math.min(delay, unsettledFor);
          if (error instanceof RateLimitError && error.retryAfterMs !== undefined) delay = Math.max(delay, error.retryAfterMs);
          state = { ...state, attempts: state.attempts + 1, lastError: notFound ? undefined : error };
          this.set(state);
        }
      }
    } finally {
      run.signal.removeEventListener('abort', stopWaiting);
      this.loopRunning = false;
    }
  }
}
