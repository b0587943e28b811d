/**
 * Issue 14's reproduction, against the sandbox: lend 250 USDT at 9%; 30 s later lend the same
 * again and lose the answer. The element must never take the first lend for the second (a
 * `margin-purchased` for a lend that was never placed), and must find the second when the venue
 * applies it late. The answer is lost between the page and the proxy, as a dropped connection
 * loses it: the page's fetch fails, and the request reaches the venue late or never.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createInPageStack } from '../../../demo/in-page-stack.js';
import { configure, getMarginClient } from '../../../src/client/client.js';
import { MarginLendingMarket } from '../../../src/define/margin-lending-market.js';
import type { MarginPurchasedEvent } from '../../../src/elements/lending-market/events.js';
import type { MarginErrorEvent } from '../../../src/elements/shared/events.js';
import { FakeClock, FakeVisibility } from '../../helpers/fake-clock.js';
import { lendingHarness } from './harness.js';

const PURCHASE = 'POST /api/v3/purchase';
const PROXY_URL = 'https://proxy.margin-kit.invalid';

type Loss = 'never-arrives' | 'arrives-late' | 'applied-then-lost';

/** The in-page stack, with a page fetch that loses the answer of the next purchase when armed. */
function setup() {
  const clock = new FakeClock();
  const start = Date.now();
  const origin = clock.now();
  const stack = createInPageStack({ now: () => start + (clock.now() - origin), configurePage: false, proxyUrl: PROXY_URL });
  let armed: Loss | undefined;
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const loss = armed;
    if (!loss || request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/api/v3/purchase')) return stack.fetch(request);
    armed = undefined;
    if (loss === 'applied-then-lost') await stack.fetch(request);
    // The proxy's call upstream is slow: it reaches the venue 3 s later, after the page gave up.
    else if (loss === 'arrives-late') clock.setTimeout(() => void stack.fetch(request), 3_000);
    throw new TypeError('Failed to fetch');
  }) as typeof globalThis.fetch;
  configure({ proxyUrl: PROXY_URL, fetch, hub: { clock, visibility: new FakeVisibility() } });
  return {
    clock,
    stack,
    lose: (loss: Loss) => (armed = loss),
    purchases: () => stack.upstream.filter((r) => r === PURCHASE).length,
    async tick(ms: number) {
      for (let left = ms; left > 0; left -= 500) {
        await clock.advance(Math.min(500, left));
        await aTimeout(5);
      }
    },
    orders: async () => (await getMarginClient(PROXY_URL).kucoin.getPurchaseOrders({ status: 'PENDING', currency: 'USDT' })).items,
  };
}

async function market(): Promise<MarginLendingMarket> {
  const el = await fixture<MarginLendingMarket>(html`<margin-lending-market locale="en-US"></margin-lending-market>`);
  await waitUntil(() => lendingHarness(el).rows().length > 0, 'the market never loaded', { timeout: 4000 });
  return el;
}

function listen(el: MarginLendingMarket) {
  const purchased: string[] = [];
  const errors: Array<[string, string | undefined]> = [];
  el.addEventListener('margin-purchased', (e) => purchased.push((e as MarginPurchasedEvent).detail.orderNo));
  el.addEventListener('margin-error', (e) => errors.push([(e as MarginErrorEvent).detail.kind, (e as MarginErrorEvent).detail.action]));
  return { purchased, errors };
}

/** Lends 250 USDT at 9% through the form. */
async function lend250(el: MarginLendingMarket): Promise<void> {
  const h = lendingHarness(el);
  await h.openLend('USDT');
  h.type('size', '250');
  h.type('rate', '9');
  await h.submit();
}

describe('<margin-lending-market>: a lend is never confirmed for another (issue 14 reproduction)', () => {
  it('the second lend never reaches the venue: no margin-purchased for the first one, "not found" only after the window', async () => {
    const t = setup();
    const el = await market();
    const seen = listen(el);
    await lend250(el);
    await waitUntil(() => seen.purchased.length === 1, 'the first lend did not go through');
    const [first] = seen.purchased;
    await t.tick(30_000);
    t.lose('never-arrives');
    await lend250(el);
    const h = lendingHarness(el);
    await t.tick(10_500);
    expect(seen.purchased, 'the first lend was taken for the second').to.deep.equal([first]);
    expect(h.submitText()).to.equal('Checking…');
    expect(h.submitBusy()).to.equal(true);
    await t.tick(1_000);
    await waitUntil(() => h.note() !== '', 'no outcome shown');
    expect(seen.purchased).to.deep.equal([first]);
    expect(h.note()).to.equal('It did not go through. You can try again.');
    expect(seen.errors).to.deep.equal([['network', 'purchase']]);
    expect((await t.orders()).map((o) => o.purchaseOrderNo)).to.deep.equal([first]);
    expect(t.purchases()).to.equal(1);
  });

  it('the second lend reaches the venue late: found by a later look-up, reported with its own order number', async () => {
    const t = setup();
    const el = await market();
    const seen = listen(el);
    await lend250(el);
    await waitUntil(() => seen.purchased.length === 1);
    const [first] = seen.purchased;
    await t.tick(30_000);
    t.lose('arrives-late');
    await lend250(el);
    await t.tick(6_000);
    await waitUntil(() => seen.purchased.length === 2, 'the late lend was not found', { timeout: 3000 });
    const orders = (await t.orders()).map((o) => o.purchaseOrderNo);
    expect(orders).to.have.length(2);
    expect(seen.purchased[1]).to.not.equal(first);
    expect(orders).to.deep.equal([seen.purchased[1], first]);
    expect(t.purchases()).to.equal(2);
    expect(seen.errors).to.deep.equal([]);
  });

  it('the venue applied it and the answer was lost: found, the new order and not the first', async () => {
    const t = setup();
    const el = await market();
    const seen = listen(el);
    await lend250(el);
    await waitUntil(() => seen.purchased.length === 1);
    await t.tick(30_000);
    t.lose('applied-then-lost');
    await lend250(el);
    await t.tick(1_000);
    await waitUntil(() => seen.purchased.length === 2, 'the applied lend was not found', { timeout: 3000 });
    const orders = (await t.orders()).map((o) => o.purchaseOrderNo);
    expect(orders).to.deep.equal([seen.purchased[1], seen.purchased[0]]);
    expect(t.purchases()).to.equal(2);
  });

  it('another market on the page lent the same 30 s before: its order is not taken for this one', async () => {
    const t = setup();
    const a = await market();
    const b = await market();
    const seenA = listen(a);
    const seenB = listen(b);
    await lend250(a);
    await waitUntil(() => seenA.purchased.length === 1);
    await t.tick(30_000);
    t.lose('never-arrives');
    await lend250(b);
    await t.tick(11_500);
    await waitUntil(() => lendingHarness(b).note() !== '', 'no outcome shown');
    expect(seenB.purchased).to.deep.equal([]);
    expect(lendingHarness(b).note()).to.equal('It did not go through. You can try again.');
  });
});
