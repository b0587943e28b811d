import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ExchangeError, NetworkError, RateLimitError, TimeoutError } from '../../../src/client/errors.js';
import { SubmissionController } from '../../../src/elements/shared/controllers/submission-controller.js';
import { maySubmit, Submitter, type SubmitPhase, type SubmitterPorts } from '../../../src/elements/shared/controllers/submitter.js';
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

const flush = async () => {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
};

/** A lend: no client id, found by its fields. */
interface Lend {
  currency: string;
  size: string;
  rate: string;
}
interface Row extends Lend {
  orderNo: string;
  applyTime: number;
}

const lend: Lend = { currency: 'USDT', size: '250', rate: '0.09' };
const lost = () => new NetworkError('connection reset after the venue applied it');

/**
 * A venue of lends whose POST the test settles by hand, and whose list look-ups answer what it
 * holds (or fail while `failLookUps` > 0). Time: a fake clock for the waits, wall time from it too.
 */
function recordHarness(extra: Partial<SubmitterPorts<Lend, { orderNo: string }, Row>> = {}) {
  const clock = new FakeClock();
  const venue: Row[] = [];
  const sends: Array<Deferred<{ orderNo: string }>> = [];
  const lookUpsAt: number[] = [];
  const phases: Array<SubmitPhase<Lend, { orderNo: string }, Row>> = [];
  const start = clock.now();
  let failLookUps = 0;
  const submitter = new Submitter<Lend, { orderNo: string }, Row>({
    send: () => {
      const d = deferred<{ orderNo: string }>();
      sends.push(d);
      return d.promise;
    },
    match: {
      kind: 'record',
      async lookUp(intent, since) {
        lookUpsAt.push(clock.now() - start);
        if (failLookUps > 0) {
          failLookUps -= 1;
          throw new ExchangeError({ venue: 'kucoin', code: '500000', message: 'Internal Server Error', status: 503 });
        }
        return venue.filter((r) => r.currency === intent.currency && r.size === intent.size && r.rate === intent.rate && r.applyTime >= since);
      },
      idOf: (r) => r.orderNo,
    },
    answerId: (a) => a.orderNo,
    now: () => clock.now(),
    clock,
    onChange: (p) => phases.push(p),
    ...extra,
  });
  /** The venue applies a lend (the POST arrived) at the clock's time. */
  const apply = (orderNo: string, l: Lend = lend) => venue.push({ ...l, orderNo, applyTime: clock.now() });
  return {
    clock,
    venue,
    sends,
    lookUpsAt,
    phases,
    submitter,
    apply,
    kinds: () => phases.map((p) => p.kind),
    failLookUps: (n: number) => (failLookUps = n),
    /** Moves the clock, letting every look-up and its wait run. */
    advance: async (ms: number) => {
      await clock.advance(ms);
      await flush();
    },
  };
}

describe('submitter: every money action is sent once', () => {
  it('one click, one request: submits while in flight send nothing; sending is set before submit returns', async () => {
    const h = recordHarness();
    const first = h.submitter.submit(lend);
    expect(h.submitter.phase.kind).to.equal('sending');
    expect(await h.submitter.submit(lend)).to.equal(false);
    expect(await h.submitter.submit({ ...lend, size: '1' })).to.equal(false);
    expect(h.sends).to.have.length(1);
    h.sends[0]!.resolve({ orderNo: 'a' });
    expect(await first).to.equal(true);
    expect(h.kinds()).to.deep.equal(['sending', 'succeeded']);
    expect(maySubmit(h.submitter.phase)).to.equal(true);
  });

  it('a veto sends nothing', async () => {
    const h = recordHarness();
    expect(await h.submitter.submit(lend, { confirm: () => false })).to.equal(false);
    expect(h.sends).to.have.length(0);
    expect(h.kinds()).to.deep.equal(['vetoed']);
    expect(h.submitter.busy).to.equal(false);
  });

  it('a refusal is final: nothing looked up, the next submit may go', async () => {
    const h = recordHarness();
    const done = h.submitter.submit(lend);
    h.sends[0]!.reject(new ExchangeError({ venue: 'kucoin', code: '200004', message: 'Balance insufficient!', status: 400 }));
    await done;
    expect(h.kinds()).to.deep.equal(['sending', 'failed']);
    expect(h.lookUpsAt).to.deep.equal([]);
    expect(h.submitter.busy).to.equal(false);
  });

  it('an unknown outcome is looked up at 0, 1.5, 4.5 and 11 s (past the 10 s proxy upstream limit); "not found" only after the last', async () => {
    const h = recordHarness();
    const done = h.submitter.submit(lend);
    h.sends[0]!.reject(new TimeoutError(10_000));
    await flush();
    expect(h.submitter.phase.kind).to.equal('checking');
    expect(h.lookUpsAt).to.deep.equal([0]);
    await h.advance(10_999);
    expect(h.lookUpsAt).to.deep.equal([0, 1_500, 4_500]);
    expect(h.submitter.phase.kind).to.equal('checking');
    expect(await h.submitter.submit(lend)).to.equal(false); // still unknown: no second send
    await h.advance(1);
    await done;
    expect(h.lookUpsAt).to.deep.equal([0, 1_500, 4_500, 11_000]);
    expect(h.submitter.phase.kind).to.equal('not-found');
    expect(h.sends).to.have.length(1);
  });

  it('a request that reaches the venue late is found by a later look-up', async () => {
    const h = recordHarness();
    const done = h.submitter.submit(lend);
    h.sends[0]!.reject(new TimeoutError(10_000));
    await h.advance(3_000);
    h.apply('late'); // the proxy's upstream call lands now
    await h.advance(1_500);
    await done;
    const phase = h.submitter.phase;
    expect(phase.kind).to.equal('found');
    expect(phase.kind === 'found' && phase.record.orderNo).to.equal('late');
    expect(h.lookUpsAt).to.deep.equal([0, 1_500, 4_500]);
  });

  it('the reproduction: lend 250 at 9%, 30 s later the same again and lose it; the first lend is never taken for it', async () => {
    const h = recordHarness();
    const first = h.submitter.submit(lend);
    h.apply('first');
    h.sends[0]!.resolve({ orderNo: 'first' });
    await first;
    await h.advance(30_000);
    // The second never reached the venue: the only matching record is the first lend.
    const second = h.submitter.submit(lend);
    h.sends[1]!.reject(lost());
    await h.advance(11_000);
    await second;
    expect(h.submitter.phase.kind).to.equal('not-found');
    // The same again, applied and its answer lost: found, and it is the new one.
    const third = h.submitter.submit(lend);
    h.apply('third');
    h.sends[2]!.reject(lost());
    await h.advance(11_000);
    await third;
    const phase = h.submitter.phase;
    expect(phase.kind === 'found' && phase.record.orderNo).to.equal('third');
  });

  it('a matching record created before the submit started is not a match; ids the page listed are not either', async () => {
    const h = recordHarness();
    h.apply('before');
    await h.advance(1);
    h.submitter.remember(['listed']);
    const done = h.submitter.submit(lend);
    h.venue.push({ ...lend, orderNo: 'listed', applyTime: h.clock.now() });
    h.sends[0]!.reject(lost());
    await h.advance(11_000);
    await done;
    expect(h.submitter.phase.kind).to.equal('not-found');
  });

  it('ids known to another submitter of the page (a shared set) are not a match either', async () => {
    const shared = new Set<string>();
    const a = recordHarness({ knownIds: () => shared });
    const first = a.submitter.submit(lend);
    a.sends[0]!.resolve({ orderNo: 'by-a' });
    await first;
    expect([...shared]).to.deep.equal(['by-a']);
    const b = recordHarness({ knownIds: () => shared });
    b.venue.push({ ...lend, orderNo: 'by-a', applyTime: b.clock.now() });
    const done = b.submitter.submit(lend);
    b.sends[0]!.reject(lost());
    await b.advance(11_000);
    await done;
    expect(b.submitter.phase.kind).to.equal('not-found');
  });

  it('a failed look-up leaves it unresolved: no send until a recheck settles it', async () => {
    const h = recordHarness();
    h.failLookUps(1);
    const done = h.submitter.submit(lend);
    h.apply('x');
    h.sends[0]!.reject(new TimeoutError(10_000));
    await done;
    const phase = h.submitter.phase;
    expect(phase.kind).to.equal('unresolved');
    expect(phase.kind === 'unresolved' && (phase.lookupError as ExchangeError).status).to.equal(503);
    expect(await h.submitter.submit(lend)).to.equal(false);
    expect(h.sends).to.have.length(1);
    await h.submitter.recheck();
    expect(h.submitter.phase.kind === 'found' && h.submitter.phase.record.orderNo).to.equal('x');
  });

  it('a recheck that finds nothing still waits out the window', async () => {
    const h = recordHarness();
    h.failLookUps(1);
    const done = h.submitter.submit(lend);
    h.sends[0]!.reject(new TimeoutError(10_000));
    await done;
    const again = h.submitter.recheck();
    await flush();
    expect(h.submitter.phase.kind).to.equal('checking');
    await h.advance(11_000);
    await again;
    expect(h.submitter.phase.kind).to.equal('not-found');
    expect(h.lookUpsAt).to.deep.equal([0, 0, 1_500, 4_500, 11_000]);
  });

  it('`retry` mode keeps looking through failed look-ups (rate limits respected) and settles', async () => {
    const h = recordHarness({ lookupErrors: 'retry' });
    h.failLookUps(2);
    const done = h.submitter.submit(lend);
    h.apply('y');
    h.sends[0]!.reject(new TimeoutError(10_000));
    await flush();
    const p = h.submitter.phase;
    expect(p.kind === 'checking' && p.attempts).to.equal(1);
    await h.advance(2_000);
    await done;
    expect(h.submitter.phase.kind === 'found' && h.submitter.phase.record.orderNo).to.equal('y');
    expect(h.lookUpsAt).to.deep.equal([0, 400, 1_200]);
  });

  it('a rate-limited look-up waits as long as the venue asks', async () => {
    const clock = new FakeClock();
    const at: number[] = [];
    const start = clock.now();
    const s = new Submitter<Lend, string, string>({
      send: async () => {
        throw new TimeoutError(1);
      },
      match: {
        kind: 'record',
        lookUp: async () => {
          at.push(clock.now() - start);
          if (at.length === 1) throw new RateLimitError({ message: 'Too many requests', retryAfterMs: 3_000, status: 429, source: 'venue' });
          return ['z'];
        },
        idOf: (r) => r,
      },
      clock,
      lookupErrors: 'retry',
    });
    const done = s.submit(lend);
    await clock.advance(3_000);
    await done;
    expect(at).to.deep.equal([0, 3_000]);
    expect(s.phase.kind).to.equal('found');
  });

  it('a state witness (no id) matches even when known: a rate change found at the asked rate', async () => {
    const h = recordHarness();
    const s = new Submitter<{ order: string; rate: string }, void, { order: string; rate: string }>({
      send: async () => {
        throw new TimeoutError(1);
      },
      match: { kind: 'record', lookUp: async (i) => [{ order: i.order, rate: i.rate }], idOf: () => undefined },
      clock: h.clock,
    });
    s.remember(['o1']);
    await s.submit({ order: 'o1', rate: '0.08' });
    expect(s.phase.kind).to.equal('found');
  });

  it('dispose stops the look-ups; resume goes on from where the window is', async () => {
    const h = recordHarness();
    const done = h.submitter.submit(lend);
    h.sends[0]!.reject(new TimeoutError(10_000));
    await flush();
    h.submitter.dispose();
    await done;
    await h.advance(20_000);
    expect(h.lookUpsAt).to.deep.equal([0]);
    expect(h.submitter.phase.kind).to.equal('checking');
    h.submitter.resume();
    await flush();
    expect(h.lookUpsAt).to.deep.equal([0, 20_000]);
    expect(h.submitter.phase.kind).to.equal('not-found');
  });

  it('checkNow skips the wait before the next look-up', async () => {
    const h = recordHarness();
    void h.submitter.submit(lend);
    h.sends[0]!.reject(new TimeoutError(10_000));
    await h.advance(100);
    h.apply('now');
    h.submitter.checkNow();
    await flush();
    expect(h.lookUpsAt).to.deep.equal([0, 100]);
    expect(h.submitter.phase.kind).to.equal('found');
  });
});

describe('submitter: orders, matched by clientOid', () => {
  interface Order {
    clientOid: string;
    symbol: string;
    size: string;
  }
  const duplicate = (e: unknown) => e instanceof ExchangeError && /clientOid.*duplicat/i.test(e.message);

  function orderHarness() {
    const clock = new FakeClock();
    const placed = new Map<string, string>();
    const sends: Array<Deferred<string>> = [];
    let ids = 0;
    const submitter = new Submitter<Order, string, string>({
      send: (o) => {
        const d = deferred<string>();
        sends.push(d);
        return d.promise;
      },
      match: { kind: 'client-id', identityOf: (o) => o.clientOid, lookUp: async (o) => placed.get(o.clientOid) },
      clock,
      isUnknown: duplicate,
      newIdentity: () => `oid-${++ids}`,
    });
    return { clock, placed, sends, submitter };
  }

  it('one id per draft; a retry after an unknown outcome reuses it even for a changed draft', async () => {
    const h = orderHarness();
    const id = h.submitter.identityFor('buy 1');
    expect(h.submitter.identityFor('buy 1')).to.equal(id);
    expect(h.submitter.identityFor('buy 2')).to.not.equal(id);
    const oid = h.submitter.identityFor('buy 1');
    const done = h.submitter.submit({ clientOid: oid, symbol: 'BTC-USDT', size: '1' }, { draftKey: 'buy 1' });
    expect(h.submitter.phase.kind === 'sending' && h.submitter.phase.identity).to.equal(oid);
    h.sends[0]!.reject(new TimeoutError(1));
    await h.clock.advance(11_000);
    await done;
    expect(h.submitter.phase.kind).to.equal('not-found');
    // Pinned: the lost request may still arrive, so the next draft carries the same clientOid.
    expect(h.submitter.identityFor('buy 3')).to.equal(oid);
  });

  it('a duplicate clientOid is an unknown outcome: the first order is found, not a second placed', async () => {
    const h = orderHarness();
    const oid = h.submitter.identityFor('d');
    h.placed.set(oid, 'order-1');
    const done = h.submitter.submit({ clientOid: oid, symbol: 'BTC-USDT', size: '1' }, { draftKey: 'd' });
    h.sends[0]!.reject(new ExchangeError({ venue: 'kucoin', code: '126044', message: 'clientOid duplicated', status: 400 }));
    await done;
    const phase = h.submitter.phase;
    expect(phase.kind === 'found' && phase.record).to.equal('order-1');
    expect(h.submitter.identityFor('d')).to.not.equal(oid); // it went through: the next order is a new one
  });

  it('refuses a clientOid its draft was not given', () => {
    const h = orderHarness();
    h.submitter.identityFor('a');
    expect(() => h.submitter.submit({ clientOid: 'other', symbol: 'BTC-USDT', size: '1' }, { draftKey: 'a' })).to.throw(/client id/);
  });
});

describe('SubmissionController', () => {
  it('renders every phase change and stops looking up while its host is off the page', async () => {
    const controllers: ReactiveController[] = [];
    let updates = 0;
    const host: ReactiveControllerHost = {
      addController: (c) => void controllers.push(c),
      removeController: () => {},
      requestUpdate: () => void (updates += 1),
      updateComplete: Promise.resolve(true),
    };
    const clock = new FakeClock();
    let lookUps = 0;
    const controller = new SubmissionController<Lend, string, string>(host, {
      send: async () => {
        throw new TimeoutError(1);
      },
      match: { kind: 'record', lookUp: async () => (lookUps++, []), idOf: (r) => r },
      clock,
    });
    expect(controllers).to.deep.equal([controller]);
    const done = controller.submit(lend);
    await flush();
    expect(controller.busy).to.equal(true);
    expect(updates).to.be.greaterThan(1);
    controller.hostDisconnected();
    await done;
    await clock.advance(20_000);
    expect(lookUps).to.equal(1);
    controller.hostConnected();
    await flush();
    expect(lookUps).to.equal(2);
    expect(controller.phase.kind).to.equal('not-found');
    expect(controller.busy).to.equal(false);
  });
});
