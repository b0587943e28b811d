import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ExchangeError, NetworkError, TimeoutError } from '../../../src/client/errors.js';
import type { LoanAction, LoanOutcome, LoanRecord, LoanRequest } from '../../../src/client/venue.js';
import { Decimal } from '../../../src/core/decimal.js';
import { loanParams } from '../../../src/elements/borrow-repay/loan-params.js';
import { loanPorts, maySubmit, type LoanIntent, type LoanPhase } from '../../../src/elements/borrow-repay/loan-submission.js';
import { knownIdsOf } from '../../../src/elements/shared/controllers/known-ids.js';
import { Submitter } from '../../../src/elements/shared/controllers/submitter.js';
import { FakeClock } from '../../helpers/fake-clock.js';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A stand-in for one page connection (the known ids are kept per connection object). */
const connectionOfPage = (): object => ({});

const flush = async () => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

const request: LoanRequest & { amount: string } = { currency: 'BTC', amount: '0.5' };
const borrow: LoanIntent = { action: 'borrow', request };
const repay: LoanIntent = { action: 'repay', request };
const outcome = (id: string): LoanOutcome => ({ orderId: id, requested: new Decimal('0.5'), actualSize: new Decimal('0.5') });
const record = (id: string): LoanRecord => ({ id, action: 'borrow', currency: 'BTC', amount: new Decimal('0.5'), time: 1 });

/**
 * The panel's submitter (the kit's one submitter over the loan ports) whose venue calls the test
 * settles by hand, on a fake clock: look-ups at `lookupAtMs` after the outcome became unknown.
 */
function harness(lookupAtMs: number[] = [0]) {
  const clock = new FakeClock();
  const sends: Array<Deferred<LoanOutcome>> = [];
  const lookUps: Array<Deferred<LoanRecord | undefined>> = [];
  const lookUpAt: number[] = [];
  const phases: LoanPhase[] = [];
  let unknownAt = 0;
  const submitter = new Submitter(
    loanPorts(
      {
        send: () => {
          const d = deferred<LoanOutcome>();
          sends.push(d);
          return d.promise;
        },
        find: () => {
          lookUpAt.push(clock.now() - unknownAt);
          const d = deferred<LoanRecord | undefined>();
          lookUps.push(d);
          return d.promise;
        },
      },
      {
        now: () => 1_000,
        clock,
        lookupAtMs,
        onChange: (phase) => {
          if (phase.kind === 'checking' && phase.attempts === 0) unknownAt = clock.now();
          phases.push(phase);
        },
      },
    ),
  );
  const kinds = () => phases.map((p) => p.kind).filter((k, i, all) => k !== all[i - 1]);
  return { submitter, sends, lookUps, lookUpAt, phases, clock, kinds };
}

describe('submission: a loan is never sent twice', () => {
  it('one click, one request: clicks while in flight send nothing', async () => {
    const h = harness();
    const first = h.submitter.submit(borrow);
    expect(await h.submitter.submit(borrow)).to.equal(false);
    expect(await h.submitter.submit(repay)).to.equal(false);
    expect(h.sends).to.have.length(1);
    h.sends[0]!.resolve(outcome('a'));
    expect(await first).to.equal(true);
    expect(h.kinds()).to.deep.equal(['sending', 'succeeded']);
    expect(maySubmit(h.submitter.phase)).to.equal(true);
  });

  it('a veto sends nothing', async () => {
    const h = harness();
    expect(await h.submitter.submit(borrow, { confirm: () => false })).to.equal(false);
    expect(h.sends).to.have.length(0);
    expect(h.kinds()).to.deep.equal(['vetoed']);
  });

  it('a refusal (the venue answered) is final: nothing to look up', async () => {
    const h = harness();
    const done = h.submitter.submit(borrow);
    h.sends[0]!.reject(new ExchangeError({ venue: 'kucoin', code: '130202', message: 'limit', status: 400 }));
    await done;
    expect(h.kinds()).to.deep.equal(['sending', 'failed']);
    expect(h.lookUps).to.have.length(0);
  });

  it('an unknown outcome is looked up before another may be sent; found means it went through', async () => {
    const h = harness();
    const done = h.submitter.submit(borrow);
    h.sends[0]!.reject(new NetworkError('lost'));
    await flush();
    expect(h.submitter.phase.kind).to.equal('checking');
    expect(await h.submitter.submit(borrow)).to.equal(false);
    expect(h.sends).to.have.length(1);
    h.lookUps[0]!.resolve(record('x'));
    await done;
    expect(h.kinds()).to.deep.equal(['sending', 'checking', 'found']);
    const phase = h.submitter.phase;
    expect(phase.kind === 'found' && phase.record.id).to.equal('x');
  });

  it('a failed look-up leaves it unresolved until checked again', async () => {
    const h = harness();
    const done = h.submitter.submit(borrow);
    h.sends[0]!.reject(new TimeoutError(10));
    await flush();
    h.lookUps[0]!.reject(new NetworkError('still down'));
    await done;
    expect(h.submitter.phase.kind).to.equal('unresolved');
    expect(await h.submitter.submit(borrow)).to.equal(false);
    h.submitter.reset(); // a form change does not clear an unknown outcome
    expect(h.submitter.phase.kind).to.equal('unresolved');
    const again = h.submitter.recheck();
    await flush();
    h.lookUps[1]!.resolve(undefined);
    await again;
    expect(h.kinds().slice(-2)).to.deep.equal(['checking', 'not-found']);
    expect(maySubmit(h.submitter.phase)).to.equal(true);
  });

  it('a look-up that finds an operation this panel already knew found an older one: not found', async () => {
    const h = harness();
    const first = h.submitter.submit(borrow);
    h.sends[0]!.resolve(outcome('known'));
    await first;
    const second = h.submitter.submit(borrow);
    h.sends[1]!.reject(new NetworkError('lost'));
    await flush();
    h.lookUps[0]!.resolve(record('known'));
    await second;
    expect(h.submitter.phase.kind).to.equal('not-found');
  });

  it('a loan another panel of the page confirmed is never taken for this panel\'s lost one', async () => {
    const page = connectionOfPage();
    const panel = (send: () => Promise<LoanOutcome>, find: () => Promise<LoanRecord | undefined>) =>
      new Submitter(loanPorts({ send, find }, { now: () => 0, clock: new FakeClock(), lookupAtMs: [0], knownIds: () => knownIdsOf(page) }));
    const a = panel(async () => outcome('a1'), async () => undefined);
    await a.submit(borrow);
    expect(a.phase.kind).to.equal('succeeded');
    // the same amount from another panel: its answer is lost and the history shows only A's loan
    const b = panel(
      async () => {
        throw new NetworkError('lost');
      },
      async () => record('a1'),
    );
    await b.submit(borrow);
    expect(b.phase.kind).to.equal('not-found');
    // a panel on another page (connection) has its own set
    const elsewhere = new Submitter(
      loanPorts(
        { send: async () => Promise.reject(new NetworkError('lost')), find: async () => record('a1') },
        { now: () => 0, clock: new FakeClock(), lookupAtMs: [0], knownIds: () => knownIdsOf(connectionOfPage()) },
      ),
    );
    await elsewhere.submit(borrow);
    expect(elsewhere.phase.kind).to.equal('found');
  });

  it('an earlier loan of the same amount the page knows does not hide the lost one behind it', async () => {
    const page = connectionOfPage();
    const ports = (send: () => Promise<LoanOutcome>, find: () => Promise<readonly LoanRecord[]>) =>
      loanPorts({ send, find }, { now: () => 0, clock: new FakeClock(), lookupAtMs: [0], knownIds: () => knownIdsOf(page) });
    const a = new Submitter(ports(async () => outcome('a1'), async () => []));
    await a.submit(borrow);
    // Both loans match by amount and time; the known one comes first in the history.
    const b = new Submitter(
      ports(
        async () => {
          throw new NetworkError('lost');
        },
        async () => [record('a1'), record('b1')],
      ),
    );
    await b.submit(borrow);
    expect(b.phase.kind === 'found' && b.phase.record.id).to.equal('b1');
  });

  it('nothing found at once: looks again after each pause before saying it did not go through', async () => {
    const h = harness([0, 1_500, 4_500]);
    const done = h.submitter.submit(borrow);
    h.sends[0]!.reject(new TimeoutError(10));
    await flush();
    h.lookUps[0]!.resolve(undefined);
    await h.clock.advance(1_500);
    expect(h.submitter.phase.kind).to.equal('checking');
    // the request landed late: the second look-up finds it
    h.lookUps[1]!.resolve(record('late'));
    await done;
    expect(h.lookUpAt).to.deep.equal([0, 1_500]);
    expect(h.kinds()).to.deep.equal(['sending', 'checking', 'found']);

    const h2 = harness([0, 1_500, 4_500]);
    const done2 = h2.submitter.submit(borrow);
    h2.sends[0]!.reject(new TimeoutError(10));
    for (let i = 0; i < 3; i += 1) {
      await h2.clock.advance(i === 0 ? 0 : 3_000);
      h2.lookUps[i]!.resolve(undefined);
    }
    await done2;
    expect(h2.lookUpAt).to.deep.equal([0, 1_500, 4_500]);
    expect(h2.lookUps).to.have.length(3);
    expect(h2.submitter.phase.kind).to.equal('not-found');
  });

  it('by default the history is searched four times over 11 s before "not found"', async () => {
    const clock = new FakeClock();
    const start = clock.now();
    const lookUpAt: number[] = [];
    const submitter = new Submitter(
      loanPorts(
        {
          send: async () => {
            throw new NetworkError('lost');
          },
          find: async () => {
            lookUpAt.push(clock.now() - start);
            return undefined;
          },
        },
        { now: () => 0, clock },
      ),
    );
    const done = submitter.submit(borrow);
    await clock.advance(11_000);
    await done;
    expect(lookUpAt).to.deep.equal([0, 1_500, 4_500, 11_000]);
    expect(submitter.phase.kind).to.equal('not-found');
  });

  it('the look-up gets the time taken before the request was sent', async () => {
    const calls: number[] = [];
    let wall = 5_000;
    const submitter = new Submitter(
      loanPorts(
        {
          send: async () => {
            wall += 7_000;
            throw new NetworkError('lost');
          },
          find: async (_intent, since) => {
            calls.push(since);
            return undefined;
          },
        },
        { now: () => wall, clock: new FakeClock(), lookupAtMs: [0] },
      ),
    );
    await submitter.submit(borrow);
    expect(calls).to.deep.equal([5_000]);
  });

  type Command =
    | { type: 'click'; veto: boolean }
    | { type: 'answer'; how: 'ok' | 'refused' | 'lost-applied' | 'lost-not-applied' }
    | { type: 'look-up'; how: 'ok' | 'error' }
    | { type: 'recheck' };

  const command: fc.Arbitrary<Command> = fc.oneof(
    fc.record({ type: fc.constant('click' as const), veto: fc.boolean() }),
    fc.record({ type: fc.constant('answer' as const), how: fc.constantFrom('ok', 'refused', 'lost-applied', 'lost-not-applied') as fc.Arbitrary<'ok' | 'refused' | 'lost-applied' | 'lost-not-applied'> }),
    fc.record({ type: fc.constant('look-up' as const), how: fc.constantFrom('ok', 'error') as fc.Arbitrary<'ok' | 'error'> }),
    fc.record({ type: fc.constant('recheck' as const) }),
  );

  it('property: whatever the clicks and answers, never a request while one is in flight or unresolved, and the venue ledger matches what is shown', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 30 }), async (commands) => {
        const ledger: string[] = []; // operations the venue applied
        let pendingSend: Deferred<LoanOutcome> | undefined;
        let pendingLookUp: Deferred<LoanRecord | undefined> | undefined;
        let sends = 0;
        let lastApplied: string | undefined;
        const clock = new FakeClock();
        const submitter = new Submitter(
          loanPorts(
            {
              send: () => {
                expect(pendingSend, 'a second request while one is in flight').to.equal(undefined);
                sends += 1;
                pendingSend = deferred();
                return pendingSend.promise;
              },
              find: () => {
                pendingLookUp = deferred();
                return pendingLookUp.promise;
              },
            },
            { now: () => 0, clock, lookupAtMs: [0, 10] },
          ),
        );
        for (const c of commands) {
          const before = submitter.phase;
          const sendsBefore = sends;
          if (c.type === 'click') {
            void submitter.submit(borrow, { confirm: () => !c.veto });
            await flush();
            // one click = one request when idle (unless vetoed); none otherwise
            const expected = maySubmit(before) && !c.veto ? 1 : 0;
            expect(sends - sendsBefore).to.equal(expected);
            if (!maySubmit(before)) expect(submitter.phase).to.equal(before);
          } else if (c.type === 'answer' && pendingSend) {
            const d = pendingSend;
            pendingSend = undefined;
            const id = `op${ledger.length + 1}`;
            if (c.how === 'ok') {
              ledger.push(id);
              d.resolve(outcome(id));
            } else if (c.how === 'refused') {
              d.reject(new ExchangeError({ venue: 'bitmart', code: '51000', message: 'no', status: 400 }));
            } else {
              if (c.how === 'lost-applied') ledger.push(id);
              lastApplied = c.how === 'lost-applied' ? id : undefined;
              d.reject(new NetworkError('lost'));
            }
            await flush();
          } else if (c.type === 'look-up' && pendingLookUp) {
            const d = pendingLookUp;
            pendingLookUp = undefined;
            if (c.how === 'ok') d.resolve(lastApplied ? record(lastApplied) : undefined);
            else d.reject(new NetworkError('down'));
            await clock.advance(10);
          } else if (c.type === 'recheck') {
            void submitter.recheck();
            await flush();
          }
          const phase = submitter.phase;
          // while an answer is missing, nothing else can be sent
          if (phase.kind === 'sending' || phase.kind === 'checking' || phase.kind === 'unresolved') expect(maySubmit(phase)).to.equal(false);
          // what is shown after a look-up is what the venue did
          if (phase.kind === 'found') expect(ledger).to.include(phase.record.id);
          if (phase.kind === 'not-found') expect(lastApplied).to.equal(undefined);
        }
        // every request sent was answered or is the one still pending: never more than one at a time
        expect(sends).to.be.at.least(ledger.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('loan-params: the exact body margin-before-submit announces', () => {
  const req = (extra: Partial<LoanRequest> = {}): LoanRequest & { amount: string } => ({ currency: 'BTC', ...extra, amount: '0.5' });
  it('KuCoin cross borrow and repay', () => {
    expect(loanParams('kucoin', 'cross', 'borrow', req({ timeInForce: 'FOK' }))).to.deep.equal({
      currency: 'BTC', size: '0.5', timeInForce: 'FOK', isIsolated: false, isHf: true,
    });
    expect(loanParams('kucoin', 'cross', 'repay', req())).to.deep.equal({ currency: 'BTC', size: '0.5', isIsolated: false, isHf: true });
  });
  it('KuCoin isolated defaults to IOC and carries the pair', () => {
    expect(loanParams('kucoin', 'isolated', 'borrow', req({ symbol: 'BTC-USDT' }))).to.deep.equal({
      currency: 'BTC', size: '0.5', timeInForce: 'IOC', symbol: 'BTC-USDT', isIsolated: true, isHf: true,
    });
  });
  it('BitMart: symbol, currency, amount', () => {
    const action: LoanAction = 'repay';
    expect(loanParams('bitmart', 'isolated', action, req({ symbol: 'BTC_USDT' }))).to.deep.equal({ symbol: 'BTC_USDT', currency: 'BTC', amount: '0.5' });
  });
});
