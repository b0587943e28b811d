import { aTimeout, expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/margin-order-ticket.js';
import type { MarginOrderTicket } from '../../../src/define/margin-order-ticket.js';
import type { MarginOrderPlacedEvent } from '../../../src/elements/order-ticket/events.js';
import type { LookupTiming } from '../../../src/elements/order-ticket/placement.js';
import type { MarginErrorEvent } from '../../../src/elements/shared/events.js';
import { captureLitWarnings } from '../../helpers/lit-warnings.js';
import { check, clickOn, mountTicket, P, q, settle, text, typeInto } from './harness.js';
import { FAST_LOOKUP, HF_ORDER, ticketStack } from './helpers.js';

const LOOKUP = 'GET /api/v3/hf/margin/orders/client-order/';

function ticket(timing: Partial<LookupTiming> = FAST_LOOKUP, symbol = 'BTC-USDT', extra: { api?: string; mode?: string } = {}) {
  return html`<margin-order-ticket
    symbol=${symbol}
    locale="en-US"
    poll-interval="60000"
    api=${extra.api ?? 'hf'}
    margin-mode=${extra.mode ?? 'cross'}
    .lookupTiming=${timing}
  ></margin-order-ticket>`;
}

async function limitBuy(el: MarginOrderTicket, price = '60000', size = '0.001'): Promise<void> {
  await typeInto(el, 'price', price);
  await typeInto(el, 'size', size);
}

const placeButton = (el: MarginOrderTicket) => q<HTMLButtonElement>(el, P.place)!;

describe('<margin-order-ticket>: faults never make two orders, and the outcome is always shown', () => {
  let lit: ReturnType<typeof captureLitWarnings>;
  beforeEach(() => {
    lit = captureLitWarnings();
  });
  afterEach(() => {
    lit.stop();
    expect(lit.warnings, lit.warnings.join('\n')).to.deep.equal([]);
  });

  it('answer lost after the order was placed: the ticket finds it by clientOid and allows nothing meanwhile', async () => {
    const t = ticketStack();
    t.fault({ kind: 'lose-response', path: HF_ORDER, times: 1 });
    const el = await mountTicket(ticket({ firstDelayMs: 400, maxDelayMs: 400, settleMs: 600 }));
    await limitBuy(el);
    const placed = oneEvent(el, 'margin-order-placed') as Promise<MarginOrderPlacedEvent>;
    await clickOn(el, P.place);
    await waitUntil(() => text(el, P.status).includes('Checking with KuCoin'), 'never said it was checking');
    expect(text(el, P.status)).to.contain('answer was lost');
    expect(placeButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(text(el, '#blocked-reason')).to.equal('Waiting to learn whether the last order was placed.');
    await expect(el).to.be.accessible();
    // Click, Enter, Preview: nothing more is sent while the outcome is unknown.
    placeButton(el).click();
    q<HTMLInputElement>(el, '#size')!.focus();
    await sendKeys({ press: 'Enter' });
    await clickOn(el, P.preview);

    const detail = (await placed).detail;
    expect(detail.confirmedBy).to.equal('lookup');
    expect(t.sentTo('POST', HF_ORDER).length).to.equal(1);
    expect(t.sentTo('POST', '/api/v3/hf/margin/order/test').length).to.equal(0);
    expect(t.count(`${LOOKUP}${detail.clientOid}?symbol=BTC-USDT`)).to.be.greaterThan(0);
    await waitUntil(() => text(el, P.status).includes('The order was placed'));
    expect(text(el, P.status)).to.contain('Buy 0.001 BTC at 60,000.0 USDT');
    expect(text(el, P.status)).to.contain(detail.orderId);
    expect(await t.ordersAtVenue('BTC-USDT')).to.equal(1);
    expect(placeButton(el).getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('timeout: the request reaches the venue late; the ticket waits until the venue can tell, then shows it', async () => {
    const t = ticketStack({ timeoutMs: 250 });
    t.fault({ kind: 'delay', path: HF_ORDER, delayMs: 700, times: 1 });
    const el = await mountTicket(ticket({ firstDelayMs: 50, maxDelayMs: 200, settleMs: 1500 }));
    await limitBuy(el);
    const placed = oneEvent(el, 'margin-order-placed') as Promise<MarginOrderPlacedEvent>;
    await clickOn(el, P.place);
    await waitUntil(() => text(el, P.status).includes('no answer in time'), 'the timeout was not shown', { timeout: 2000 });
    const detail = (await placed).detail;
    expect(detail.confirmedBy).to.equal('lookup');
    expect(text(el, P.status)).to.contain('The order was placed');
    expect(t.sentTo('POST', HF_ORDER).length).to.equal(1);
    expect(await t.ordersAtVenue('BTC-USDT')).to.equal(1);
  });

  it('5xx before anything was applied: "not placed" once the venue says so; the retry reuses the clientOid and places one', async () => {
    const t = ticketStack();
    t.fault({ kind: 'server-error', path: HF_ORDER, times: 1 });
    const el = await mountTicket(ticket());
    await limitBuy(el);
    let placedEvents = 0;
    el.addEventListener('margin-order-placed', () => (placedEvents += 1));
    await clickOn(el, P.place);
    await waitUntil(() => text(el, P.status).includes('was not placed'), 'the outcome was never shown', { timeout: 4000 });
    const first = t.sentTo('POST', HF_ORDER)[0]!.body!.clientOid as string;
    expect(text(el, P.status)).to.contain(`no order with client id ${first}`);
    expect(placedEvents).to.equal(0);
    expect(await t.ordersAtVenue('BTC-USDT')).to.equal(0);
    await expect(el).to.be.accessible();

    const placed = oneEvent(el, 'margin-order-placed') as Promise<MarginOrderPlacedEvent>;
    await clickOn(el, P.place);
    expect((await placed).detail.clientOid).to.equal(first);
    expect(t.sentTo('POST', HF_ORDER).map((r) => r.body!.clientOid)).to.deep.equal([first, first]);
    expect(await t.ordersAtVenue('BTC-USDT')).to.equal(1);
  });

  it('connection reset and an unreadable answer: each settled by lookup, one order each at most', async () => {
    const t = ticketStack();
    t.fault({ kind: 'malformed', path: HF_ORDER, times: 1 });
    const el = await mountTicket(ticket());
    await limitBuy(el);
    const placed = oneEvent(el, 'margin-order-placed') as Promise<MarginOrderPlacedEvent>;
    await clickOn(el, P.place);
    expect((await placed).detail.confirmedBy).to.equal('lookup');
    await waitUntil(() => text(el, P.status).includes('The order was placed'));
    expect(await t.ordersAtVenue('BTC-USDT')).to.equal(1);

    t.fault({ kind: 'reset', path: HF_ORDER, times: 1 });
    expect(q<HTMLInputElement>(el, '#size')!.value, 'the size is spent once placed').to.equal('');
    await limitBuy(el, '59000');
    await clickOn(el, P.place);
    await waitUntil(() => text(el, P.status).includes('was not placed'), 'reset outcome never shown', { timeout: 4000 });
    expect(await t.ordersAtVenue('BTC-USDT')).to.equal(1);
  });

  it('a changed draft after an unknown outcome keeps the clientOid: the late first request is refused as a duplicate', async () => {
    const t = ticketStack({ timeoutMs: 200 });
    t.fault({ kind: 'delay', path: HF_ORDER, delayMs: 900, times: 1 });
    const el = await mountTicket(ticket({ firstDelayMs: 50, maxDelayMs: 100, settleMs: 250 }));
    await limitBuy(el);
    await clickOn(el, P.place);
    // "Not found" is believed before the delayed request lands (the venue's clock has no way to know).
    await waitUntil(() => text(el, P.status).includes('was not placed'), 'not-found never shown', { timeout: 4000 });
    await typeInto(el, 'size', '0.002');
    const placed = oneEvent(el, 'margin-order-placed') as Promise<MarginOrderPlacedEvent>;
    await clickOn(el, P.place);
    const detail = (await placed).detail;
    const posts = t.sentTo('POST', HF_ORDER);
    expect(posts.length).to.equal(2);
    expect(posts[1]!.body!.clientOid).to.equal(posts[0]!.body!.clientOid);
    expect(detail.clientOid).to.equal(posts[0]!.body!.clientOid);
    // Let the delayed first request land: the venue refuses its clientOid.
    await aTimeout(1000);
    expect(await t.ordersAtVenue('BTC-USDT')).to.equal(1);
  });

  it('a double click and a second Enter while the order is in flight send it once', async () => {
    const t = ticketStack();
    t.fault({ kind: 'delay', path: HF_ORDER, delayMs: 300, times: 1 });
    const el = await mountTicket(ticket());
    await limitBuy(el);
    let asked = 0;
    el.addEventListener('margin-before-submit', () => (asked += 1));
    const button = placeButton(el);
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 1 }));
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 2 }));
    q<HTMLInputElement>(el, '#size')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(el, P.place)).to.equal('Placing…');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    await waitUntil(() => text(el, P.status).includes('Order placed'));
    expect(t.sentTo('POST', HF_ORDER).length).to.equal(1);
    expect(asked, 'the page is asked once too').to.equal(1);
    // The size is spent: a late Enter finds nothing to place.
    expect(q<HTMLInputElement>(el, '#size')!.value).to.equal('');
    q<HTMLInputElement>(el, '#price')!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(text(el, '#size-error')).to.equal('Required');
    // The second click of a double click never places again, even after the first was answered.
    await typeInto(el, 'size', '0.002');
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 2 }));
    await settle(el);
    expect(t.sentTo('POST', HF_ORDER).length).to.equal(1);
    expect(await t.ordersAtVenue('BTC-USDT')).to.equal(1);
    button.click();
    await waitUntil(() => t.sentTo('POST', HF_ORDER).length === 2, 'a deliberate click places the next order');
  });

  describe('venue refusals in trader words, input kept, margin-error fired', () => {
    async function refusal(el: MarginOrderTicket): Promise<MarginErrorEvent> {
      const error = oneEvent(el, 'margin-error') as Promise<MarginErrorEvent>;
      await clickOn(el, P.place);
      return error;
    }

    it('insufficient balance (126013 on HF, 200004 on V1)', async () => {
      const t = ticketStack();
      const el = await mountTicket(ticket());
      await limitBuy(el, '60000', '100');
      const event = await refusal(el);
      expect(event.detail.action).to.equal('place-order');
      expect(event.detail.kind).to.equal('exchange');
      await el.updateComplete;
      expect(text(el, P.error)).to.contain('Not enough balance').and.contain('code 126013');
      expect(q<HTMLInputElement>(el, '#size')!.value).to.equal('100');
      expect(placeButton(el).getAttribute('aria-disabled')).to.equal('false');
      expect(t.count(LOOKUP), 'a definite refusal needs no lookup').to.equal(0);
      await expect(el).to.be.accessible();

      const v1 = await mountTicket(ticket(FAST_LOOKUP, 'BTC-USDT', { api: 'v1' }));
      await limitBuy(v1, '60000', '100');
      await refusal(v1);
      await v1.updateComplete;
      expect(text(v1, P.error)).to.contain('code 200004');
    });

    it('margin not available: borrowing refused on an isolated pair (130xxx)', async () => {
      ticketStack();
      const el = await mountTicket(ticket(FAST_LOOKUP, 'AVAX-USDT', { mode: 'isolated' }));
      await limitBuy(el, '35', '400');
      await check(el, '#autoBorrow');
      await refusal(el);
      await el.updateComplete;
      expect(text(el, P.error)).to.contain('Margin trading is not available').and.contain('code 130');
      expect(q<HTMLInputElement>(el, '#size')!.value).to.equal('400');
    });

    it('rate limit: nothing placed, said so, and the retry works with the same clientOid', async () => {
      const t = ticketStack();
      t.fault({ kind: 'rate-limit', path: HF_ORDER, times: 1 });
      const el = await mountTicket(ticket());
      await limitBuy(el);
      const event = await refusal(el);
      expect(event.detail.kind).to.equal('rate-limit');
      await el.updateComplete;
      expect(text(el, P.error)).to.contain('Too many requests');
      const placed = oneEvent(el, 'margin-order-placed') as Promise<MarginOrderPlacedEvent>;
      await clickOn(el, P.place);
      await placed;
      const oids = t.sentTo('POST', HF_ORDER).map((r) => r.body!.clientOid);
      expect(oids[0]).to.equal(oids[1]);
      expect(await t.ordersAtVenue('BTC-USDT')).to.equal(1);
    });

    it('the proxy refuses the caller (auth) or the endpoint: shown as the proxy refusing', async () => {
      const t = ticketStack();
      t.intercept((request) =>
        request.method === 'POST'
          ? new Response(JSON.stringify({ error: 'unauthorized', message: 'Send a valid caller credential.' }), {
              status: 401,
              headers: { 'content-type': 'application/json' },
            })
          : undefined,
      );
      const el = await mountTicket(ticket());
      await limitBuy(el);
      const event = await refusal(el);
      expect(event.detail.kind).to.equal('proxy');
      await el.updateComplete;
      expect(text(el, P.error)).to.contain('The proxy did not let this page in: Send a valid caller credential.');
      t.intercept((request) =>
        request.method === 'POST'
          ? new Response(JSON.stringify({ error: 'guard', message: 'Orders above 1000 USDT are not allowed here.' }), {
              status: 403,
              headers: { 'content-type': 'application/json' },
            })
          : undefined,
      );
      await refusal(el);
      await el.updateComplete;
      expect(text(el, P.error)).to.contain('Orders above 1000 USDT are not allowed here.');
      expect(await t.ordersAtVenue('BTC-USDT')).to.equal(0);
    });
  });
});
