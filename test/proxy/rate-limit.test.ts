import { expect } from '@open-wc/testing';
import { RateLimiter } from '../../src/proxy/rate-limit.js';
import { call, errorOf, testProxy } from './helpers.js';

describe('rate limit: token bucket', () => {
  it('allows a burst of capacity, then refills at the given rate', () => {
    const clock = { now: 0 };
    const limiter = new RateLimiter({ capacity: 3, refillPerSecond: 2 }, () => clock.now);
    expect([1, 2, 3].map(() => limiter.take('a').ok)).to.deep.equal([true, true, true]);
    expect(limiter.take('a')).to.deep.equal({ ok: false, retryAfterSeconds: 1 });
    clock.now += 499;
    expect(limiter.take('a').ok).to.equal(false);
    clock.now += 1;
    expect(limiter.take('a').ok).to.equal(true);
    expect(limiter.take('a').ok).to.equal(false);
    clock.now += 60_000;
    expect([1, 2, 3, 4].map(() => limiter.take('a').ok)).to.deep.equal([true, true, true, false]);
  });

  it('keeps one bucket per caller', () => {
    const limiter = new RateLimiter({ capacity: 1, refillPerSecond: 1 }, () => 0);
    expect(limiter.take('a').ok).to.equal(true);
    expect(limiter.take('a').ok).to.equal(false);
    expect(limiter.take('b').ok).to.equal(true);
  });

  it('says how long to wait, in whole seconds', () => {
    const limiter = new RateLimiter({ capacity: 1, refillPerSecond: 0.1 }, () => 0);
    limiter.take('a');
    expect(limiter.take('a')).to.deep.equal({ ok: false, retryAfterSeconds: 10 });
  });

  it('gives nothing back when the clock steps backwards', () => {
    const clock = { now: 10_000 };
    const limiter = new RateLimiter({ capacity: 1, refillPerSecond: 1 }, () => clock.now);
    limiter.take('a');
    clock.now = 0;
    expect(limiter.take('a').ok).to.equal(false);
    clock.now = 10_999;
    expect(limiter.take('a').ok).to.equal(false);
    clock.now = 11_000;
    expect(limiter.take('a').ok).to.equal(true);
  });

  it('refuses a nonsensical configuration', () => {
    expect(() => new RateLimiter({ capacity: 0, refillPerSecond: 1 }, () => 0)).to.throw(TypeError);
    expect(() => new RateLimiter({ capacity: 1, refillPerSecond: 0 }, () => 0)).to.throw(TypeError);
  });
});

describe('rate limit: in the proxy', () => {
  it('answers 429 rate_limited with Retry-After, per caller, and recovers with time', async () => {
    const proxy = testProxy({ rateLimit: { capacity: 2, refillPerSecond: 1 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await proxy.handler(call('GET', '/kucoin/api/v3/margin/symbols'))).status);
    expect(statuses).to.deep.equal([200, 200, 429]);
    const limited = await proxy.handler(call('GET', '/kucoin/api/v3/margin/symbols'));
    expect(limited.headers.get('retry-after')).to.equal('1');
    expect((await errorOf(limited)).error).to.equal('rate_limited');
    expect(proxy.calls.length).to.equal(2);
    proxy.clock.now += 1000;
    expect((await proxy.handler(call('GET', '/kucoin/api/v3/margin/symbols'))).status).to.equal(200);
  });

  it('counts callers the authorize hook names separately', async () => {
    const proxy = testProxy({
      token: undefined,
      authorize: (request) => request.headers.get('x-user') ?? false,
      rateLimit: { capacity: 1, refillPerSecond: 1 },
    });
    const as = (user: string) => proxy.handler(call('GET', '/kucoin/api/v3/margin/symbols', undefined, { 'x-user': user }));
    expect((await as('alice')).status).to.equal(200);
    expect((await as('alice')).status).to.equal(429);
    expect((await as('bob')).status).to.equal(200);
    expect(proxy.entries.map((entry) => entry.caller)).to.deep.equal(['alice', 'alice', 'bob']);
  });

  it('can be turned off', async () => {
    const proxy = testProxy({ rateLimit: false });
    for (let i = 0; i < 100; i += 1) expect((await proxy.handler(call('GET', '/kucoin/api/v3/margin/symbols'))).status).to.equal(200);
  });
});
