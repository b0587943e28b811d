import { expect } from '@open-wc/testing';
import { RateLimitError } from '../../src/client/errors.js';
import { Hub, type PollState } from '../../src/client/hub.js';
import { FakeClock, FakeVisibility, flush } from '../helpers/fake-clock.js';

function setup() {
  const clock = new FakeClock();
  const visibility = new FakeVisibility();
  const hub = new Hub({ clock, visibility, maxBackoffMs: 60_000 });
  let calls = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let fail: unknown;
  const loader = async () => {
    calls += 1;
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await Promise.resolve();
    inFlight -= 1;
    if (fail) throw fail;
    return calls;
  };
  return {
    clock,
    visibility,
    hub,
    loader,
    get calls() {
      return calls;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    failWith(error: unknown) {
      fail = error;
    },
  };
}

describe('hub.poll', () => {
  it('N subscribers share one timer and one request per interval', async () => {
    const t = setup();
    const seen: number[][] = [[], [], [], [], []];
    const subs = seen.map((values) =>
      t.hub.poll('mark-prices', t.loader, 1000, (s: PollState<number>) => {
        if (s.value !== undefined && values.at(-1) !== s.value) values.push(s.value);
      }),
    );
    await flush();
    expect(t.calls).to.equal(1);
    await t.clock.advance(10_000);
    expect(t.calls).to.equal(11);
    expect(t.maxInFlight).to.equal(1);
    expect(t.hub.activeTimers).to.equal(1);
    expect(t.clock.pending).to.equal(1);
    for (const values of seen) expect(values).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    subs.forEach((s) => s.unsubscribe());
    expect(t.clock.pending).to.equal(0);
    await t.clock.advance(10_000);
    expect(t.calls).to.equal(11);
  });

  it('uses the shortest interval asked for', async () => {
    const t = setup();
    t.hub.poll('k', t.loader, 5000, () => {});
    t.hub.poll('k', t.loader, 1000, () => {});
    await t.clock.advance(5000);
    expect(t.calls).to.equal(6);
  });

  it('hands a late subscriber the last value at once, without a new request', async () => {
    const t = setup();
    t.hub.poll('k', t.loader, 1000, () => {});
    await t.clock.advance(500);
    let first: PollState<number> | undefined;
    t.hub.poll('k', t.loader, 1000, (s: PollState<number>) => {
      first ??= s;
    });
    expect(first?.value).to.equal(1);
    expect(first?.stale).to.equal(false);
    expect(t.calls).to.equal(1);
  });

  it('pauses while the page is hidden and resumes when shown', async () => {
    const t = setup();
    t.hub.poll('k', t.loader, 1000, () => {});
    await t.clock.advance(2000);
    expect(t.calls).to.equal(3);
    t.visibility.set(true);
    expect(t.clock.pending).to.equal(0);
    await t.clock.advance(10_000);
    expect(t.calls).to.equal(3);
    t.visibility.set(false);
    await flush();
    expect(t.calls).to.equal(4); // overdue: loads at once
    await t.clock.advance(1000);
    expect(t.calls).to.equal(5);
  });

  it('inactive subscribers (off-screen) do not keep it running', async () => {
    const t = setup();
    const a = t.hub.poll('k', t.loader, 1000, () => {});
    const b = t.hub.poll('k', t.loader, 1000, () => {});
    await flush();
    a.setActive(false);
    await t.clock.advance(1000);
    expect(t.calls).to.equal(2);
    b.setActive(false);
    await t.clock.advance(5000);
    expect(t.calls).to.equal(2);
    a.setActive(true);
    await flush();
    expect(t.calls).to.equal(3);
  });

  it('backs off exponentially on errors, keeps the last value marked stale, and recovers', async () => {
    const t = setup();
    const states: PollState<number>[] = [];
    t.hub.poll('k', t.loader, 1000, (s: PollState<number>) => states.push(s));
    await flush();
    t.failWith(new Error('down'));
    await t.clock.advance(1000); // fails: next in 2 s
    expect(t.calls).to.equal(2);
    expect(states.at(-1)?.stale).to.equal(true);
    expect(states.at(-1)?.value).to.equal(1);
    await t.clock.advance(1999);
    expect(t.calls).to.equal(2);
    await t.clock.advance(1); // fails: next in 4 s
    expect(t.calls).to.equal(3);
    await t.clock.advance(3999);
    expect(t.calls).to.equal(3);
    await t.clock.advance(1);
    expect(t.calls).to.equal(4);
    t.failWith(undefined);
    await t.clock.advance(8000);
    expect(t.calls).to.equal(5);
    expect(states.at(-1)?.stale).to.equal(false);
    expect(states.at(-1)?.error).to.equal(undefined);
    await t.clock.advance(1000); // back to the normal interval
    expect(t.calls).to.equal(6);
  });

  it('waits at least what a 429 asked for', async () => {
    const t = setup();
    t.hub.poll('k', t.loader, 1000, () => {});
    await flush();
    t.failWith(new RateLimitError({ message: 'slow', retryAfterMs: 30_000, status: 429, source: 'venue' }));
    await t.clock.advance(1000);
    expect(t.calls).to.equal(2);
    await t.clock.advance(29_999);
    expect(t.calls).to.equal(2);
    await t.clock.advance(1);
    expect(t.calls).to.equal(3);
  });

  it('marks a value stale after three intervals without a fresh one', async () => {
    const t = setup();
    let last: PollState<number> | undefined;
    t.hub.poll('k', t.loader, 1000, (s: PollState<number>) => (last = s));
    await flush();
    t.visibility.set(true); // nothing new arrives while hidden
    await t.clock.advance(3001);
    let late: PollState<number> | undefined;
    t.hub.poll('k', t.loader, 1000, (s: PollState<number>) => (late ??= s));
    expect(late?.stale).to.equal(true);
    expect(last?.value).to.equal(1);
    expect(late?.value).to.equal(1);
  });

  it('refresh() loads now but never doubles a request in flight', async () => {
    const t = setup();
    const sub = t.hub.poll('k', t.loader, 60_000, () => {});
    sub.refresh();
    sub.refresh();
    await flush();
    expect(t.calls).to.equal(1);
    sub.refresh();
    await flush();
    expect(t.calls).to.equal(2);
  });

  it('releases its visibility listener when nobody subscribes', async () => {
    const t = setup();
    const sub = t.hub.poll('k', t.loader, 1000, () => {});
    expect(t.visibility.listenerCount).to.equal(1);
    sub.unsubscribe();
    expect(t.visibility.listenerCount).to.equal(0);
  });
});

describe('hub.cached', () => {
  it('de-duplicates concurrent loads and caches for the TTL', async () => {
    const t = setup();
    const results = await Promise.all([1, 2, 3].map(() => t.hub.cached('symbols', 60_000, t.loader)));
    expect(results).to.deep.equal([1, 1, 1]);
    expect(await t.hub.cached('symbols', 60_000, t.loader)).to.equal(1);
    await t.clock.advance(60_001);
    expect(await t.hub.cached('symbols', 60_000, t.loader)).to.equal(2);
    t.hub.invalidate('symbols');
    expect(await t.hub.cached('symbols', 60_000, t.loader)).to.equal(3);
  });

  it('does not cache failures', async () => {
    const t = setup();
    t.failWith(new Error('down'));
    let error: unknown;
    await t.hub.cached('x', 60_000, t.loader).catch((e: unknown) => (error = e));
    expect((error as Error).message).to.equal('down');
    t.failWith(undefined);
    expect(await t.hub.cached('x', 60_000, t.loader)).to.equal(2);
  });

  it("a caller's abort leaves the shared request running for the others", async () => {
    const t = setup();
    const controller = new AbortController();
    const mine = t.hub.cached('x', 60_000, t.loader, controller.signal);
    const theirs = t.hub.cached('x', 60_000, t.loader);
    controller.abort(new DOMException('gone', 'AbortError'));
    let aborted: unknown;
    await mine.catch((e: unknown) => (aborted = e));
    expect((aborted as Error).name).to.equal('AbortError');
    expect(await theirs).to.equal(1);
    expect(t.calls).to.equal(1);
  });
});

describe('hub.poll paused mid-load', () => {
  it('an answer on its way still lands (the first load of an element below the fold); only re-polls pause', async () => {
    const clock = new FakeClock();
    const visibility = new FakeVisibility();
    const hub = new Hub({ clock, visibility });
    let calls = 0;
    let release: (() => void) | undefined;
    const loader = (signal: AbortSignal) =>
      new Promise<number>((resolve, reject) => {
        calls += 1;
        release = () => resolve(calls);
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    const states: PollState<number>[] = [];
    const sub = hub.poll('k', loader, 60_000, (s: PollState<number>) => states.push(s));
    expect(calls).to.equal(1);
    sub.setActive(false); // off-screen before the first answer
    await flush();
    release?.();
    await flush();
    expect(states.at(-1)?.value).to.equal(1);
    expect(states.at(-1)?.loading).to.equal(false);
    await clock.advance(120_000);
    expect(calls, 'no re-poll while off-screen').to.equal(1);
    sub.setActive(true);
    await flush();
    expect(calls, 'on screen again: the re-poll that was due').to.equal(2);
  });
});
