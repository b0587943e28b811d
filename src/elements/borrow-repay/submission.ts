/**
 * A loan is never sent twice (DESIGN.md, "Orders are never sent twice"): one click sends one
 * request, nothing more is sent while it is in flight, and when its outcome is unknown (timeout,
 * lost connection) the venue's history is searched before another may be sent. Pure: the
 * element gives it the venue calls and renders its phases.
 */
import { outcomeUnknown } from '../../client/errors.js';
import type { LoanAction, LoanOutcome, LoanRecord, LoanRequest } from '../../client/venue.js';

interface Base {
  action: LoanAction;
  request: LoanRequest & { amount: string };
}

export type SubmissionPhase =
  | { kind: 'idle' }
  /** The host page cancelled `margin-before-submit`: nothing was sent. */
  | (Base & { kind: 'vetoed' })
  | (Base & { kind: 'sending' })
  | (Base & { kind: 'succeeded'; outcome: LoanOutcome })
  /** The venue (or the proxy, or our checks) refused: nothing was applied. */
  | (Base & { kind: 'failed'; error: unknown })
  /** No answer: looking the operation up in the venue's history. */
  | (Base & { kind: 'checking'; since: number; error: unknown })
  /** The operation went through: found in the history. */
  | (Base & { kind: 'found'; record: LoanRecord; error: unknown })
  /** Not in the history: it did not go through. */
  | (Base & { kind: 'not-found'; error: unknown })
  /** The look-up failed too: still unknown, and it must be checked again before anything else. */
  | (Base & { kind: 'unresolved'; since: number; error: unknown; lookupError: unknown });

export type SubmissionKind = SubmissionPhase['kind'];

const SETTLED: ReadonlySet<SubmissionKind> = new Set(['idle', 'vetoed', 'succeeded', 'failed', 'found', 'not-found']);

/** Whether a new loan may be sent: nothing in flight, and no outcome left unknown. */
export function maySubmit(phase: SubmissionPhase): boolean {
  return SETTLED.has(phase.kind);
}

export interface SubmitterPorts {
  send(action: LoanAction, request: LoanRequest & { amount: string }): Promise<LoanOutcome>;
  /** The venue's record of this operation made at or after `since`, if any. */
  lookUp(action: LoanAction, request: LoanRequest & { amount: string }, since: number): Promise<LoanRecord | undefined>;
  now(): number;
  onChange(phase: SubmissionPhase): void;
  /**
   * Pauses before each further look-up when the first finds nothing: a request that timed out
   * may still be on its way to the venue and be recorded a moment later. Loans carry no client
   * id, so the history is the only witness (default: look-ups 1.5, 4.5 and 9.5 s after the first,
   * past the proxy's own upstream time limit, which started a moment after the client's).
   */
  recheckDelaysMs?: readonly number[];
  sleep?(ms: number): Promise<void>;
}

const DEFAULT_RECHECK_DELAYS_MS = [1_500, 3_000, 5_000];
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class LoanSubmitter {
  private current: SubmissionPhase = { kind: 'idle' };
  /**
   * Operations this panel already knows happened. A look-up that finds one of them found an
   * earlier loan of the same amount, not the one whose answer was lost.
   */
  private readonly knownIds = new Set<string>();

  constructor(private readonly ports: SubmitterPorts) {}

  get phase(): SubmissionPhase {
    return this.current;
  }

  get busy(): boolean {
    return !maySubmit(this.current);
  }

  /**
   * Sends one loan, unless one is in flight or unresolved (then nothing happens and `false` is
   * returned). `confirm` runs first and may veto (the cancelable `margin-before-submit`).
   */
  async submit(action: LoanAction, request: LoanRequest & { amount: string }, confirm: () => boolean = () => true): Promise<boolean> {
    if (this.busy) return false;
    if (!confirm()) {
      this.set({ kind: 'vetoed', action, request });
      return false;
    }
    const since = this.ports.now();
    this.set({ kind: 'sending', action, request });
    try {
      const outcome = await this.ports.send(action, request);
      this.knownIds.add(outcome.orderId);
      this.set({ kind: 'succeeded', action, request, outcome });
    } catch (error) {
      if (!outcomeUnknown(error)) {
        this.set({ kind: 'failed', action, request, error });
        return true;
      }
      this.set({ kind: 'checking', action, request, since, error });
      await this.lookUp();
    }
    return true;
  }

  /** After a failed look-up: search the history again (a "Check again" button). */
  async recheck(): Promise<void> {
    if (this.current.kind !== 'unresolved') return;
    const { action, request, since, error } = this.current;
    this.set({ kind: 'checking', action, request, since, error });
    await this.lookUp();
  }

  /** Back to idle after a settled outcome (the trader changed the form). */
  reset(): void {
    if (maySubmit(this.current)) this.set({ kind: 'idle' });
  }

  private async lookUp(): Promise<void> {
    const phase = this.current;
    if (phase.kind !== 'checking') return;
    const { action, request, since, error } = phase;
    const delays = this.ports.recheckDelaysMs ?? DEFAULT_RECHECK_DELAYS_MS;
    const sleep = this.ports.sleep ?? defaultSleep;
    try {
      for (let attempt = 0; ; attempt += 1) {
        const found = await this.ports.lookUp(action, request, since);
        const record = found && !this.knownIds.has(found.id) ? found : undefined;
        if (record) {
          this.knownIds.add(record.id);
          this.set({ kind: 'found', action, request, record, error });
          return;
        }
        const delay = delays[attempt];
        if (delay === undefined) break;
        await sleep(delay);
      }
      this.set({ kind: 'not-found', action, request, error });
    } catch (lookupError) {
      this.set({ kind: 'unresolved', action, request, since, error, lookupError });
    }
  }

  private set(phase: SubmissionPhase): void {
    this.current = phase;
    this.ports.onChange(phase);
  }
}
