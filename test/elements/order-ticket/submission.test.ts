import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ExchangeError, MalformedResponseError, NetworkError, RateLimitError, TimeoutError } from '../../../src/client/errors.js';
import type { MarginOrder } from '../../../src/client/kucoin/orders.js';
import {
  isDuplicateClientOid,
  isOrderNotFound,
  lookupSchedule,
  placed as placedOf,
  placementPorts,
  type PlacementAnswer,
  type PlacementPhase,
} from '../../../src/elements/order-ticket/placement.js';
import { DEFAULT_LOOKUP_AT_MS, Submitter, type SubmitClock } from '../../../src/elements/shared/controllers/submitter.js';

/**
 * The ticket's placement on the kit's submitter (placement.ts): matched by clientOid, a duplicate
 * clientOid looked up, "not found" only after the settle time, look-up errors retried.
 */
interface P {
  clientOid: string;
  symbol: string;
  size: string;
}

const notFound = () => new ExchangeError({ venue: 'kucoin', code: '400100', message: 'The order does not exist.', status: 404 });
const duplicate = () => new ExchangeError({ venue: 'kucoin', code: '400100', message: 'The clientOid is duplicated. Please change it.', status: 400 });
const balance = () => new ExchangeError({ venue: 'kucoin', code: '126013', message: 'Balance insufficient!', status: 400 });
const server = () => new ExchangeError({ venue: 'kucoin', code: '500000', message: 'Internal Server Error', status: 503 });

function orderFor(clientOid: string, id = 'order-1'): MarginOrder {
  return { id, clientOid } as unknown as MarginOrder;
}

/** The old state names, which the assertions below were written in: placed (by answer or look-up), not-placed. */
const phaseName = (p: PlacementPhase<P>) =>
  p.kind === 'succeeded' || p.kind === 'found' ? 'placed' : p.kind === 'failed' || p.kind === 'not-found' ? 'not-placed' : p.kind;

/**
 * A fake venue: `send` applies (or not) and answers (or not) as told; `lookup` answers from
 * what was applied. Time moves only when the submitter waits.
 */
function harness(script: { send: Array<'ok' | 'lost-applied' | 'lost-not-applied' | 'refused' | 'duplicate' | 'timeout-late'> }) {
  let now = 0;
  let ids = 0;
  const placed = new Map<string, MarginOrder>();
  const sent: P[] = [];
  const lookups: string[] = [];
  const states: string[] = [];
  const late: Array<() => void> = [];
  let lookupFailures: unknown[] = [];
  const clock: SubmitClock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      now += ms;
      for (const arrive of late.splice(0)) arrive();
      return setTimeout(callback, 0);
    },
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const submitter = new Submitter(
    placementPorts<P>({
      async send(params): Promise<PlacementAnswer> {
        sent.push(params);
        const step = script.send.shift() ?? 'ok';
        const apply = () => {
          if (placed.has(params.clientOid)) throw duplicate();
          const order = orderFor(params.clientOid, `order-${placed.size + 1}`);
          placed.set(params.clientOid, order);
          return order;
        };
        switch (step) {
          case 'ok':
            return { orderId: apply().id };
          case 'lost-applied':
            apply();
            throw new NetworkError('lost');
          case 'lost-not-applied':
            throw server();
          case 'refused':
            throw balance();
          case 'duplicate':
            throw duplicate();
          case 'timeout-late':
            // The request is still on its way: it reaches the venue after a later lookup.
            late.push(() => void apply());
            throw new TimeoutError(100);
        }
      },
      async lookup(clientOid) {
        lookups.push(clientOid);
        const failure = lookupFailures.shift();
        if (failure) throw failure;
        const order = placed.get(clientOid);
        if (!order) throw notFound();
        return order;
      },
      newClientOid: () => `oid${++ids}`,
      clock,
      timing: { firstDelayMs: 100, maxDelayMs: 800, settleMs: 1000 },
      onChange: (phase) => {
        const name = phaseName(phase);
        // Look-ups that found nothing yet update the attempts; the state is still "checking".
        if (name !== states[states.length - 1] || name !== 'checking') states.push(name);
      },
    }),
  );
  /** Submits the draft `key` as the ticket does; the phase it ended in, or undefined when refused unsent. */
  const submit = async (key: string, size = '1'): Promise<PlacementPhase<P> | undefined> => {
    const clientOid = submitter.identityFor(key);
    const accepted = await submitter.submit({ clientOid, symbol: 'BTC-USDT', size }, { draftKey: key });
    return accepted ? submitter.phase : undefined;
  };
  return {
    submitter,
    submit,
    placed,
    sent,
    lookups,
    states,
    failLookups: (errors: unknown[]) => (lookupFailures = errors),
    get now() {
      return now;
    },
  };
}

describe('submission: never twice', () => {
  it('places with one clientOid and draws a new one after the order is placed', async () => {
    const h = harness({ send: ['ok', 'ok'] });
    const first = await h.submit('A');
    expect(phaseName(first!)).to.equal('placed');
    expect(h.sent.map((p) => p.clientOid)).to.deep.equal(['oid1']);
    await h.submit('A');
    expect(h.sent.map((p) => p.clientOid)).to.deep.equal(['oid1', 'oid2']);
    expect(h.states).to.deep.equal(['sending', 'placed', 'sending', 'placed']);
  });

  it('refuses a second submit while one is in flight (double click, Enter twice)', async () => {
    const h = harness({ send: ['ok'] });
    const first = h.submit('A');
    expect(h.submitter.phase.kind).to.equal('sending');
    // Both in the same turn as the first, while it is sending.
    const second = h.submit('A');
    const third = h.submit('B');
    expect(await second).to.equal(undefined);
    expect(await third).to.equal(undefined);
    await first;
    expect(h.sent.length).to.equal(1);
  });

  it('a lost answer after the order was placed: finds it by clientOid, places nothing more', async () => {
    const h = harness({ send: ['lost-applied'] });
    const end = await h.submit('A');
    expect(phaseName(end!)).to.equal('placed');
    expect(placedOf(end!)?.confirmedBy).to.equal('lookup');
    expect(h.states).to.deep.equal(['sending', 'checking', 'placed']);
    expect(h.lookups).to.deep.equal(['oid1']);
    expect(h.placed.size).to.equal(1);
  });

  it('an unknown outcome that was not applied: "not found" only after the settle time, then a retry reuses the id', async () => {
    const h = harness({ send: ['lost-not-applied', 'ok'] });
    const end = await h.submit('A');
    expect(end!.kind).to.equal('not-found');
    expect(h.now).to.be.at.least(1000);
    expect(h.lookups.length).to.be.greaterThan(1);
    await h.submit('A');
    expect(h.sent.map((p) => p.clientOid)).to.deep.equal(['oid1', 'oid1']);
    expect(h.placed.size).to.equal(1);
  });

  it('a request that arrives after a timeout is found, not doubled', async () => {
    const h = harness({ send: ['timeout-late'] });
    const end = await h.submit('A');
    expect(phaseName(end!)).to.equal('placed');
    expect(h.placed.size).to.equal(1);
  });

  it('an id with an unknown outcome stays pinned for the next draft: a late first request makes the second a duplicate that is found', async () => {
    const h = harness({ send: ['lost-not-applied', 'duplicate'] });
    await h.submit('A');
    expect(phaseName(h.submitter.phase)).to.equal('not-placed');
    // The first order arrives late (after "not found" was believed) ...
    h.placed.set('oid1', orderFor('oid1', 'late-order'));
    // ... and the trader changes the draft and submits: same id, the venue refuses it, the ticket finds the first.
    const end = await h.submit('B', '2');
    expect(h.sent.map((p) => p.clientOid)).to.deep.equal(['oid1', 'oid1']);
    expect(placedOf(end!)?.answer.orderId).to.equal('late-order');
    expect(h.placed.size).to.equal(1);
  });

  it('a definite refusal keeps the id for the same draft and draws a new one for a new draft', async () => {
    const h = harness({ send: ['refused', 'refused', 'ok'] });
    const end = await h.submit('A');
    expect(end!.kind).to.equal('failed');
    expect(h.lookups).to.deep.equal([]);
    await h.submit('A');
    await h.submit('B');
    expect(h.sent.map((p) => p.clientOid)).to.deep.equal(['oid1', 'oid1', 'oid2']);
  });

  it('lookup errors keep it checking (with backoff) until the venue can tell', async () => {
    const h = harness({ send: ['lost-applied'] });
    h.failLookups([new NetworkError('x'), new RateLimitError({ message: 'slow', retryAfterMs: 5000, status: 429, source: 'venue' }), server()]);
    const end = await h.submit('A');
    expect(phaseName(end!)).to.equal('placed');
    expect(h.lookups.length).to.equal(4);
    // The rate limit's retry-after was honoured.
    expect(h.now).to.be.at.least(5000);
  });

  it('a submit with a clientOid the ticket did not give is a bug, not an order', () => {
    const h = harness({ send: [] });
    h.submitter.identityFor('A');
    expect(() => h.submitter.submit({ clientOid: 'other', symbol: 'BTC-USDT', size: '1' }, { draftKey: 'A' })).to.throw();
    expect(h.sent.length).to.equal(0);
  });

  it('checkNow skips the wait; dispose stops the lookups and resume restarts them', async () => {
    const waits: number[] = [];
    let order: MarginOrder | undefined;
    // Waits never end on their own: only checkNow (or dispose) cuts them short.
    const clock: SubmitClock = { now: () => 0, setTimeout: (_callback, ms) => void waits.push(ms), clearTimeout: () => {} };
    const s = new Submitter(
      placementPorts<P>({
        send: async () => {
          throw new MalformedResponseError('x', 200);
        },
        lookup: async () => {
          if (order) return order;
          throw notFound();
        },
        newClientOid: () => 'only',
        clock,
        timing: { firstDelayMs: 10_000, settleMs: 0 },
      }),
    );
    const key = 'A';
    const done = s.submit({ clientOid: s.identityFor(key), symbol: 'X', size: '1' }, { draftKey: key });
    await Promise.resolve();
    await Promise.resolve();
    expect(s.phase.kind).to.equal('checking');
    expect(s.busy).to.equal(true);
    s.dispose();
    await done;
    expect(s.phase.kind).to.equal('checking');
    order = orderFor('only');
    s.resume();
    await new Promise((r) => setTimeout(r, 0));
    s.checkNow();
    await new Promise((r) => setTimeout(r, 0));
    expect(phaseName(s.phase)).to.equal('placed');
    expect(waits).to.deep.equal([10_000, 10_000]);
  });

  it('property: whatever the venue does, at most one order per submitted draft, and every outcome ends known', async () => {
    const step = fc.constantFrom('ok' as const, 'lost-applied' as const, 'lost-not-applied' as const, 'refused' as const, 'timeout-late' as const);
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom('A', 'B'), { minLength: 1, maxLength: 6 }), async (steps, keys) => {
        const h = harness({ send: [...steps] });
        let placements = 0;
        for (const key of keys) {
          const end = await h.submit(key);
          expect(end).to.not.equal(undefined);
          expect(['placed', 'not-placed']).to.include(phaseName(end!));
          if (phaseName(end!) === 'placed') placements += 1;
        }
        // Each placement the ticket reports is one order at the venue, and there are no others.
        expect(h.placed.size).to.equal(placements);
      }),
      { numRuns: 300 },
    );
  });
});

describe('submission: the look-up window', () => {
  it("without a lookupTiming, the kit's window (past the proxy's upstream limit); with one, doubling waits that end at settleMs", () => {
    expect(lookupSchedule({})).to.deep.equal(DEFAULT_LOOKUP_AT_MS);
    expect(lookupSchedule({ firstDelayMs: 100, maxDelayMs: 800, settleMs: 1000 })).to.deep.equal([100, 300, 700, 1000]);
    expect(lookupSchedule({ firstDelayMs: 50, maxDelayMs: 200, settleMs: 600 })).to.deep.equal([50, 150, 350, 550, 600]);
    expect(lookupSchedule({ firstDelayMs: 10_000, settleMs: 0 })).to.deep.equal([10_000]);
  });
});

describe('submission: reading the venue', () => {
  it('knows "order not exist" and a duplicated clientOid when it sees them', () => {
    expect(isOrderNotFound(notFound())).to.equal(true);
    expect(isOrderNotFound(new ExchangeError({ venue: 'kucoin', code: '400100', message: 'order not exist.', status: 200 }))).to.equal(true);
    expect(isOrderNotFound(new ExchangeError({ venue: 'kucoin', code: '400100', message: 'order_not_exist', status: 400 }))).to.equal(true);
    expect(isOrderNotFound(server())).to.equal(false);
    expect(isOrderNotFound(new ExchangeError({ venue: 'kucoin', code: '400100', message: 'Symbol X not exists', status: 400 }))).to.equal(false);
    expect(isOrderNotFound(new NetworkError('x'))).to.equal(false);
    expect(isDuplicateClientOid(duplicate())).to.equal(true);
    expect(isDuplicateClientOid(new ExchangeError({ venue: 'kucoin', code: '126044', message: 'clientOid duplicate', status: 400 }))).to.equal(true);
    expect(isDuplicateClientOid(balance())).to.equal(false);
  });
});
