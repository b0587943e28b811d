/**
 * Every action that moves money is sent once (DESIGN.md, "Never sent twice"): order placement,
 * borrow, repay, lend, rate change, redeem. Pure, no DOM: the element gives it the venue calls
 * and renders its phases (the `SubmissionController` wraps it for Lit).
 *
 *   idle --submit--> sending --answer--------------------> succeeded
 *          \--veto--> vetoed   |  \--refused (definite)-----> failed
 *                              \--outcome unknown---------> checking
 *   checking --found--> found; --nothing after the whole window--> not-found;
 *            --look-up failed--> unresolved (or checking again, `lookupErrors: 'retry'`)
 *
 * While an outcome is unknown no second send is accepted: the venue is asked, by something only
 * this submit can match, whether the first one went through.
 * - `client-id` (orders): the venue's record of the submit's `clientOid`.
 * - `record` (loans, lending: no client id): a record created after the submit started whose
 *   fields match, and whose id this submitter did not know before (an earlier loan of the same
 *   amount is not this one).
 * A request that timed out may still be on its way to the venue, so "not found" is believed only
 * after the whole look-up window, which is longer than the proxy's upstream time limit.
 */
import { RateLimitError, outcomeUnknown } from '../../../client/errors.js';
import { PROXY_UPSTREAM_TIMEOUT_MS } from '../../../core/timing.js';

/** The clock waits are timed by (the hub's, so tests move it by hand). */
export interface SubmitClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface Base<I> {
  intent: I;
  /** One per submit; a retry of the same draft after an unknown outcome reuses it. */
  identity: string;
}

export type SubmitPhase<I, A, R> =
  | { kind: 'idle' }
  /** The host page cancelled `margin-before-submit`: nothing was sent. */
  | (Base<I> & { kind: 'vetoed' })
  | (Base<I> & { kind: 'sending' })
  | (Base<I> & { kind: 'succeeded'; answer: A })
  /** The venue (or the proxy, or our checks) refused: nothing was applied. */
  | (Base<I> & { kind: 'failed'; error: unknown })
  /** No answer: looking the action up at the venue. `since` is wall-clock time, comparable with the venue's. */
  | (Base<I> & { kind: 'checking'; since: number; error: unknown; attempts: number; lastError?: unknown })
  /** The action went through: the venue has it. */
  | (Base<I> & { kind: 'found'; record: R; error: unknown })
  /** Not at the venue after the whole window: it did not go through. */
  | (Base<I> & { kind: 'not-found'; error: unknown })
  /** The look-up failed too: still unknown; `recheck()` before anything else may be sent. */
  | (Base<I> & { kind: 'unresolved'; since: number; error: unknown; lookupError: unknown });

export type SubmitKind = SubmitPhase<unknown, unknown, unknown>['kind'];

const SETTLED: ReadonlySet<SubmitKind> = new Set(['idle', 'vetoed', 'succeeded', 'failed', 'found', 'not-found']);

/** Whether a new submit may be sent: nothing in flight, and no outcome left unknown. */
export function maySubmit(phase: { kind: SubmitKind }): boolean {
  return SETTLED.has(phase.kind);
}

/** Orders: the venue looks the submit up by its client id. */
export interface ClientIdMatch<I, R> {
  kind: 'client-id';
  /** The client id the intent carries (`clientOid`). */
  identityOf(intent: I): string;
  /** The venue's record of that client id, or `undefined` when it has none ("order not exist"). */
  lookUp(intent: I, signal: AbortSignal): Promise<R | undefined>;
}

/** Loans and lending: the venue's records whose fields match, created at or after `since`. */
export interface RecordMatch<I, R> {
  kind: 'record';
  lookUp(intent: I, since: number, signal: AbortSignal): Promise<readonly R[]>;
  /**
   * A record's id. A record with an id known before the submit is never a match. `undefined` for
   * a record that witnesses state rather than an event (a purchase order now at the asked rate).
   */
  idOf(record: R): string | undefined;
}

export interface SubmitterPorts<I, A, R> {
  send(intent: I, signal: AbortSignal): Promise<A>;
  match: ClientIdMatch<I, R> | RecordMatch<I, R>;
  /** The venue's id in an answer, remembered so a later look-up never mistakes it for a new one. */
  answerId?(answer: A): string | undefined;
  onChange?(phase: SubmitPhase<I, A, R>): void;
  /** Wall-clock time, as the venue stamps records (default `Date.now`). */
  now?(): number;
  clock?: SubmitClock;
  /**
   * When look-ups run, in ms after the outcome became unknown (default 0, 1.5, 4.5 and 11 s: past
   * the proxy's upstream limit). "Not found" is said only after the last.
   */
  lookupAtMs?: readonly number[];
  /**
   * A look-up that fails: `unresolved` waits for `recheck()` ("Check again", the default); `retry`
   * keeps checking with a growing wait (the ticket, which follows the order on its own).
   */
  lookupErrors?: 'unresolved' | 'retry';
  /** Longest wait between look-ups in `retry` mode (default 8 s). */
  maxRetryDelayMs?: number;
  /**
   * Ids known to have happened, shared by every submitter of one page and venue (another element
   * lent the same amount a moment ago: its order is not this one). Default: this submitter's own.
   */
  knownIds?(): Set<string>;
  /** Also unknown, beyond timeouts and lost connections: a client id the venue says it already has. */
  isUnknown?(error: unknown): boolean;
  newIdentity?(): string;
}

/**
 * The last look-up is past the proxy's upstream limit counted from the moment the outcome became
 * unknown, which is after the send started: even a connection lost at once cannot be followed by
 * the venue receiving the request after "not found".
 */
export const DEFAULT_LOOKUP_AT_MS: readonly number[] = [0, 1_500, 4_500, PROXY_UPSTREAM_TIMEOUT_MS + 1_000];

const realClock: SubmitClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

let counter = 0;
const defaultIdentity = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID().replace(/-/g, '') : `${Date.now().toString(36)}${(counter++).toString(36)}`;

interface Draft {
  identity: string;
  key: string;
  /** Sent with an unknown outcome: kept until that submit is known to have gone through. */
  pinned: boolean;
}

type Checking<I, A, R> = Extract<SubmitPhase<I, A, R>, { kind: 'checking' }>;

export class Submitter<I, A, R> {
  private current: SubmitPhase<I, A, R> = { kind: 'idle' };
  /** Ids of what this submitter knows happened: an earlier action's record is not this one's. */
  private readonly ownIds = new Set<string>();
  private draft: Draft | undefined;
  private readonly clock: SubmitClock;
  private readonly lookupAt: readonly number[];
  /** When (timer clock) the outcome became unknown. */
  private unknownAt = 0;
  /** Aborts the send or the look-ups (dispose). */
  private run: AbortController | undefined;
  /** Cuts the wait before the next look-up short (`checkNow`). */
  private wakeUp: (() => void) | undefined;
  private looking = false;

  constructor(private readonly ports: SubmitterPorts<I, A, R>) {
    this.clock = ports.clock ?? realClock;
    this.lookupAt = ports.lookupAtMs ?? DEFAULT_LOOKUP_AT_MS;
  }

  get phase(): SubmitPhase<I, A, R> {
    return this.current;
  }

  private get knownIds(): Set<string> {
    return this.ports.knownIds?.() ?? this.ownIds;
  }

  /** Sending, or the outcome of the last send is not known yet: no other submit now. */
  get busy(): boolean {
    return !maySubmit(this.current);
  }

  /** Ids the page saw before (its lists): a look-up never takes them for this submit's record. */
  remember(ids: Iterable<string>): void {
    for (const id of ids) this.knownIds.add(id);
  }

  /**
   * The identity (the `clientOid` an order carries) of the next submit of this draft: stable for
   * one draft, new once a submit of it went through or for another draft, unless the last one's
   * outcome was unknown: then a late arrival of it makes the venue refuse the next as a duplicate.
   */
  identityFor(draftKey: string): string {
    const d = this.draft;
    if (d && (d.key === draftKey || d.pinned)) {
      d.key = draftKey;
      return d.identity;
    }
    this.draft = { identity: (this.ports.newIdentity ?? defaultIdentity)(), key: draftKey, pinned: false };
    return this.draft.identity;
  }

  /**
   * Sends `intent` unless a submit is in flight or unresolved (then nothing is sent and the
   * promise gives `false`). The phase is `sending` before this returns, so a second click in the
   * same turn is refused. `confirm` runs first and may veto (the cancelable `margin-before-submit`).
   */
  submit(intent: I, options: { draftKey?: string; confirm?: () => boolean } = {}): Promise<boolean> {
    if (this.busy) return Promise.resolve(false);
    const match = this.ports.match;
    const identity = match.kind === 'client-id' ? match.identityOf(intent) : this.identityFor(options.draftKey ?? `submit:${++counter}`);
    if (match.kind === 'client-id' && options.draftKey !== undefined && identity !== this.identityFor(options.draftKey)) {
      throw new Error('margin-kit: a submit with a client id its draft was not given');
    }
    if (options.confirm && !options.confirm()) {
      this.set({ kind: 'vetoed', intent, identity });
      return Promise.resolve(false);
    }
    const run = new AbortController();
    this.run = run;
    const since = (this.ports.now ?? Date.now)();
    this.set({ kind: 'sending', intent, identity });
    return this.send(intent, identity, since, run).then(() => true);
  }

  /** After a failed look-up: ask the venue again (a "Check again" button). */
  recheck(): Promise<void> {
    const p = this.current;
    if (p.kind !== 'unresolved') return Promise.resolve();
    const run = new AbortController();
    this.run = run;
    this.set({ kind: 'checking', intent: p.intent, identity: p.identity, since: p.since, error: p.error, attempts: 0 });
    return this.lookUp(run);
  }

  /** Skip the wait before the next look-up. */
  checkNow(): void {
    this.wakeUp?.();
  }

  /** Stops the request or the look-ups in flight (element removed); the phase stays as it is. */
  dispose(): void {
    this.run?.abort();
    this.wakeUp?.();
  }

  /** After `dispose()` while checking (element back on the page): look up again. */
  resume(): void {
    if (this.current.kind !== 'checking' || this.looking) return;
    const run = new AbortController();
    this.run = run;
    void this.lookUp(run);
  }

  /** Back to idle after a settled outcome (the form changed). Never while busy. */
  reset(): void {
    if (!this.busy) this.set({ kind: 'idle' });
  }

  private set(phase: SubmitPhase<I, A, R>): void {
    this.current = phase;
    this.ports.onChange?.(phase);
  }

  private isUnknown(error: unknown, signal: AbortSignal): boolean {
    return signal.aborted || outcomeUnknown(error) || (this.ports.isUnknown?.(error) ?? false);
  }

  private async send(intent: I, identity: string, since: number, run: AbortController): Promise<void> {
    try {
      const answer = await this.ports.send(intent, run.signal);
      const id = this.ports.answerId?.(answer);
      if (id !== undefined) this.knownIds.add(id);
      this.wentThrough(identity);
      this.set({ kind: 'succeeded', intent, identity, answer });
    } catch (error) {
      if (!this.isUnknown(error, run.signal)) {
        this.set({ kind: 'failed', intent, identity, error });
        return;
      }
      if (this.draft?.identity === identity) this.draft.pinned = true;
      this.unknownAt = this.clock.now();
      this.set({ kind: 'checking', intent, identity, since, error, attempts: 0 });
      if (!run.signal.aborted) await this.lookUp(run);
    }
  }

  private wentThrough(identity: string): void {
    if (this.draft?.identity === identity) this.draft = undefined;
  }

  /** What the venue holds of the submit being checked: a record, `undefined` (nothing), or a throw. */
  private async find(p: Checking<I, A, R>, signal: AbortSignal): Promise<R | undefined> {
    const match = this.ports.match;
    if (match.kind === 'client-id') return match.lookUp(p.intent, signal);
    const records = await match.lookUp(p.intent, p.since, signal);
    return records.find((r) => {
      const id = match.idOf(r);
      return id === undefined || !this.knownIds.has(id);
    });
  }

  private async lookUp(run: AbortController): Promise<void> {
    this.looking = true;
    try {
      const first = this.lookupAt[0] ?? 0;
      let delay = Math.max(0, first - (this.clock.now() - this.unknownAt));
      let retryDelay = 0;
      for (;;) {
        await this.wait(delay);
        const p = this.current;
        if (run.signal.aborted || p.kind !== 'checking') return;
        // What the venue answers reflects the moment it was asked.
        const askedAt = this.clock.now() - this.unknownAt;
        let record: R | undefined;
        try {
          record = await this.find(p, run.signal);
        } catch (lookupError) {
          if (run.signal.aborted) return;
          if ((this.ports.lookupErrors ?? 'unresolved') === 'unresolved') {
            this.set({ kind: 'unresolved', intent: p.intent, identity: p.identity, since: p.since, error: p.error, lookupError });
            return;
          }
          retryDelay = Math.min(this.ports.maxRetryDelayMs ?? 8_000, Math.max(400, retryDelay * 2));
          delay = retryDelay;
          if (lookupError instanceof RateLimitError && lookupError.retryAfterMs !== undefined) delay = Math.max(delay, lookupError.retryAfterMs);
          this.set({ ...p, attempts: p.attempts + 1, lastError: lookupError });
          continue;
        }
        if (run.signal.aborted) return;
        if (record !== undefined) {
          if (this.ports.match.kind === 'record') {
            const id = this.ports.match.idOf(record);
            if (id !== undefined) this.knownIds.add(id);
          }
          this.wentThrough(p.identity);
          this.set({ kind: 'found', intent: p.intent, identity: p.identity, record, error: p.error });
          return;
        }
        const next = this.lookupAt.find((at) => at > askedAt);
        if (next === undefined) {
          this.set({ kind: 'not-found', intent: p.intent, identity: p.identity, error: p.error });
          return;
        }
        retryDelay = 0;
        delay = next - (this.clock.now() - this.unknownAt);
        this.set({ ...p, attempts: p.attempts + 1, lastError: undefined });
      }
    } finally {
      this.looking = false;
    }
  }

  private wait(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const handle = this.clock.setTimeout(done, ms);
      const run = this.run;
      function done() {
        run?.signal.removeEventListener('abort', cut);
        resolve();
      }
      const cut = () => {
        this.clock.clearTimeout(handle);
        done();
      };
      this.wakeUp = cut;
      run?.signal.addEventListener('abort', cut, { once: true });
    });
  }
}
