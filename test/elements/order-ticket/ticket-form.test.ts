import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { configure, getMarginClient } from '../../../src/client/client.js';
import { MarginOrderTicket } from '../../../src/define/margin-order-ticket.js';
import type { MarginOrderPlacedEvent } from '../../../src/elements/order-ticket/events.js';
import styles from '../../../src/elements/order-ticket/margin-order-ticket.styles.js';
import type { MarginBeforeSubmitEvent } from '../../../src/elements/shared/events.js';
import { THEME_TOKENS, themeTokens } from '../../../src/elements/shared/theme.js';
import { captureLitWarnings, tokenUse } from '../../helpers/lit-warnings.js';
import { check, choose, clickOn, mountTicket, openAdvanced, P, q, qa, radio, settle, text, typeInto } from './harness.js';
import { HF_ORDER, ticketStack } from './helpers.js';

const ORDER_POSTS = ['/api/v3/hf/margin/order', '/api/v3/hf/margin/order/test', '/api/v1/margin/order', '/api/v1/margin/order/test'];
const ticket = (confirm = false) =>
  html`<margin-order-ticket symbol="BTC-USDT" locale="en-US" poll-interval="60000" ?confirm=${confirm}></margin-order-ticket>`;
/** For tests that read the mark price: a short interval, so a first read that failed is soon retried. */
const polled = () => html`<margin-order-ticket symbol="BTC-USDT" locale="en-US" poll-interval="300"></margin-order-ticket>`;

describe('<margin-order-ticket>: the form and its checks', () => {
  let lit: ReturnType<typeof captureLitWarnings>;
  beforeEach(() => {
    lit = captureLitWarnings();
  });
  afterEach(() => {
    lit.stop();
    expect(lit.warnings, lit.warnings.join('\n')).to.deep.equal([]);
  });

  it('is registered by its define file, and defining twice does not throw', async () => {
    expect(customElements.get('margin-order-ticket')).to.equal(MarginOrderTicket);
    const { defineElement } = await import('../../../src/elements/shared/define.js');
    expect(() => defineElement('margin-order-ticket', MarginOrderTicket)).not.to.throw();
  });

  it('reads only declared tokens: every --_x is declared, every public token is a theme token', () => {
    const css = `${themeTokens.cssText}\n${styles.cssText}`;
    const { used, declared } = tokenUse(css);
    for (const token of used) {
      if (token.startsWith('--margin-kit-')) expect(THEME_TOKENS as readonly string[], token).to.include(token);
      else expect(declared.has(token), `${token} is read but never declared`).to.equal(true);
    }
    const own = tokenUse(styles.cssText);
    expect([...own.used].filter((t) => t.startsWith('--margin-kit-'))).to.deep.equal([]);
  });

  it('shows the symbol, its mark price at priceIncrement, and a form that passes axe', async () => {
    ticketStack();
    const el = await mountTicket(polled());
    await waitUntil(() => text(el, P.markPrice).includes('67,250.4'), 'no mark price', { timeout: 3000 });
    expect(text(el, P.header)).to.contain('BTC-USDT').and.contain('Cross margin');
    expect(q(el, 'label[for="price"]')!.textContent).to.equal('Price (USDT)');
    expect(q(el, 'label[for="size"]')!.textContent).to.equal('Size (BTC)');
    expect(text(el, P.place)).to.equal('Buy BTC');
    expect(q<HTMLDetailsElement>(el, 'details')!.open, 'advanced options folded').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('loading (skeleton), then an error with Retry, then the form: axe in each', async () => {
    const t = ticketStack();
    t.fault({ kind: 'delay', path: '/api/v3/margin/symbols', delayMs: 300, times: 1 });
    const el = await (await import('@open-wc/testing')).fixture<MarginOrderTicket>(ticket());
    expect(q(el, P.skeleton)).to.exist;
    await expect(el).to.be.accessible();
    await waitUntil(() => q(el, P.place));

    const t2 = ticketStack();
    t2.fault({ kind: 'server-error', path: '/api/v3/margin/symbols', times: 3 });
    const failing = await (await import('@open-wc/testing')).fixture<MarginOrderTicket>(ticket());
    await waitUntil(() => q(failing, `${P.error} ${P.retry}`), 'no error state', { timeout: 4000 });
    expect(text(failing, P.error)).to.contain('could not be loaded');
    await expect(failing).to.be.accessible();
    await clickOn(failing, `${P.error} ${P.retry}`);
    await waitUntil(() => q(failing, P.place), 'Retry did not load the form');
  });

  it('empty: no symbols listed; not connected: says how to connect; axe in both', async () => {
    const t = ticketStack();
    t.intercept((request) =>
      request.url.includes('/api/v3/margin/symbols')
        ? new Response(JSON.stringify({ code: '200000', data: { timestamp: 1, items: [] } }), { headers: { 'content-type': 'application/json' } })
        : undefined,
    );
    const el = await (await import('@open-wc/testing')).fixture<MarginOrderTicket>(html`<margin-order-ticket locale="en-US"></margin-order-ticket>`);
    await waitUntil(() => q(el, P.empty));
    expect(text(el, P.empty)).to.equal('No symbols are listed for cross margin.');
    await expect(el).to.be.accessible();

    configure({ proxyUrl: '' });
    const offline = await (await import('@open-wc/testing')).fixture<MarginOrderTicket>(html`<margin-order-ticket locale="en-US"></margin-order-ticket>`);
    expect(text(offline, '.disabled-reason')).to.contain('Not connected');
    expect(q(offline, P.place)).to.equal(null);
    await expect(offline).to.be.accessible();
  });

  it('disabled with the reason when trading is off for the symbol; nothing can be sent', async () => {
    const t = ticketStack();
    const el = await mountTicket(html`<margin-order-ticket symbol="LUNC-USDT" locale="en-US" poll-interval="60000"></margin-order-ticket>`);
    expect(text(el, '#disabled-reason')).to.equal('Trading LUNC-USDT on margin is turned off at the venue.');
    expect(q<HTMLFieldSetElement>(el, `${P.form} > fieldset`)!.disabled).to.equal(true);
    expect(q<HTMLButtonElement>(el, P.place)!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    el.place();
    await settle(el);
    expect(t.sent.filter((r) => ORDER_POSTS.includes(r.path))).to.deep.equal([]);
  });

  it('isolated mode without an isolated pair: disabled, saying so', async () => {
    ticketStack();
    const el = await mountTicket(html`<margin-order-ticket symbol="ADA-USDT" margin-mode="isolated" locale="en-US" poll-interval="60000"></margin-order-ticket>`);
    expect(text(el, '#disabled-reason')).to.equal('ADA-USDT is not listed for isolated margin.');
  });

  describe('every check: nothing is sent, the error is next to its field, the input is kept', () => {
    interface Case {
      name: string;
      setup: (el: MarginOrderTicket) => Promise<void>;
      field: string;
      words: string;
    }
    const limit = (price: string, size: string) => async (el: MarginOrderTicket) => {
      await typeInto(el, 'price', price);
      await typeInto(el, 'size', size);
    };
    const market = (by: 'size' | 'funds', value: string) => async (el: MarginOrderTicket) => {
      radio(el, 'type', 'market').click();
      await el.updateComplete;
      if (by === 'funds') {
        qa<HTMLInputElement>(el, 'input[name="market-amount"]')[1]!.click();
        await el.updateComplete;
      }
      await typeInto(el, by, value);
    };
    const cases: Case[] = [
      { name: 'price off the tick', setup: limit('60000.05', '0.001'), field: 'price', words: 'Must be a multiple of the price increment 0.1 USDT' },
      { name: 'size off the step', setup: limit('60000', '0.000100001'), field: 'size', words: 'Must be a multiple of the size increment 0.00000001 BTC' },
      { name: 'size below baseMinSize', setup: limit('60000', '0.000001'), field: 'size', words: 'At least the minimum size 0.00001 BTC' },
      { name: 'size above baseMaxSize', setup: limit('0.1', '20000000000'), field: 'size', words: 'At most the maximum size 10,000,000,000 BTC' },
      { name: 'notional below minFunds', setup: limit('0.1', '0.00001'), field: 'size', words: 'must be at least the minimum 0.1 USDT' },
      { name: 'no price', setup: limit('', '0.001'), field: 'price', words: 'Required' },
      { name: 'not a number', setup: limit('6o000', '0.001'), field: 'price', words: 'Enter a number, like 12.5' },
      { name: 'market without size', setup: market('size', ''), field: 'size', words: 'Required' },
      { name: 'funds off quoteIncrement', setup: market('funds', '10.0000001'), field: 'funds', words: 'Must be a multiple of the funds increment 0.000001 USDT' },
      { name: 'funds below quoteMinSize', setup: market('funds', '0.05'), field: 'funds', words: 'At least the minimum funds 0.1 USDT' },
      {
        name: 'cancelAfter without GTT',
        setup: async (el) => {
          await limit('60000', '0.001')(el);
          await openAdvanced(el);
          await typeInto(el, 'cancelAfter', '60');
        },
        field: 'cancelAfter',
        words: 'Only with time in force GTT',
      },
      {
        name: 'GTT without cancelAfter',
        setup: async (el) => {
          await limit('60000', '0.001')(el);
          await openAdvanced(el);
          await choose(el, '#tif', 'GTT');
        },
        field: 'cancelAfter',
        words: 'Required',
      },
      {
        name: 'visibleSize above size',
        setup: async (el) => {
          await limit('60000', '0.001')(el);
          await openAdvanced(el);
          await check(el, '#iceberg');
          await typeInto(el, 'visibleSize', '0.002');
        },
        field: 'visibleSize',
        words: 'At most the order size 0.001 BTC',
      },
      {
        name: 'hidden and iceberg',
        setup: async (el) => {
          await limit('60000', '0.001')(el);
          await openAdvanced(el);
          await check(el, '#iceberg');
          await typeInto(el, 'visibleSize', '0.0005');
          await check(el, '#hidden');
        },
        field: 'hidden',
        words: 'An order cannot be both hidden and iceberg',
      },
    ];

    for (const c of cases) {
      it(c.name, async () => {
        const t = ticketStack();
        const el = await mountTicket(ticket());
        await c.setup(el);
        const typed = q<HTMLInputElement>(el, `#${c.field}`)?.value;
        t.mark();
        await clickOn(el, P.place);
        await clickOn(el, P.preview);
        await settle(el);
        expect(t.sent.filter((r) => ORDER_POSTS.includes(r.path)), 'nothing sent').to.deep.equal([]);
        expect(text(el, `#${c.field}-error`)).to.contain(c.words);
        const input = q<HTMLInputElement>(el, `#${c.field}`)!;
        if (input.type === 'text') {
          expect(input.getAttribute('aria-invalid')).to.equal('true');
          expect(input.getAttribute('aria-describedby')).to.contain(`${c.field}-error`);
          expect(input.value, 'input kept').to.equal(typed);
        }
        expect(text(el, P.error)).to.contain('nothing was sent');
      });
    }

    it('axe passes with errors shown, and the first invalid field has focus', async () => {
      ticketStack();
      const el = await mountTicket(ticket());
      await typeInto(el, 'price', '60000.05');
      await typeInto(el, 'size', '0.000001');
      await clickOn(el, P.place);
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement?.id).to.equal('price');
      expect(qa(el, P.fieldErrors).length).to.equal(2);
      await expect(el).to.be.accessible();
    });

    it('postOnly is off and disabled for IOC and FOK', async () => {
      ticketStack();
      const el = await mountTicket(ticket());
      await openAdvanced(el);
      await check(el, '#postOnly');
      await choose(el, '#tif', 'IOC');
      const postOnly = q<HTMLInputElement>(el, '#postOnly')!;
      expect(postOnly.checked).to.equal(false);
      expect(postOnly.disabled).to.equal(true);
      expect(text(el, '#postOnly-hint')).to.contain('not available with IOC or FOK');
      await choose(el, '#tif', 'GTC');
      expect(q<HTMLInputElement>(el, '#postOnly')!.disabled).to.equal(false);
    });

    it('price ticks snap to priceIncrement; a price off the tick offers the snapped one', async () => {
      ticketStack();
      const el = await mountTicket(polled());
      await waitUntil(() => text(el, P.markPrice).includes('67,250.4'), 'no mark price', { timeout: 3000 });
      await clickOn(el, 'button[aria-label^="Raise the price"]');
      expect(q<HTMLInputElement>(el, '#price')!.value, 'starts from the mark').to.equal('67250.5');
      await typeInto(el, 'price', '100.04');
      await clickOn(el, 'button[aria-label^="Raise the price"]');
      expect(q<HTMLInputElement>(el, '#price')!.value).to.equal('100.1');
      await clickOn(el, 'button[aria-label^="Lower the price"]');
      expect(q<HTMLInputElement>(el, '#price')!.value).to.equal('100');
      await typeInto(el, 'price', '100.06');
      await typeInto(el, 'size', '0.001');
      await clickOn(el, P.place);
      const snap = qa<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === 'Use 100.1')!;
      expect(snap).to.exist;
      snap.click();
      await el.updateComplete;
      expect(q<HTMLInputElement>(el, '#price')!.value).to.equal('100.1');
      expect(q(el, '#price-error')).to.equal(null);
    });

    it('the estimate line: notional, and what auto-borrow may borrow', async () => {
      ticketStack();
      const el = await mountTicket(ticket());
      await typeInto(el, 'price', '60000.5');
      await typeInto(el, 'size', '0.003');
      expect(text(el, P.estimate)).to.equal('Notional: 180.0015 USDT');
      await check(el, '#autoBorrow');
      expect(text(el, P.estimate)).to.contain('Auto-borrow may borrow up to 180.0015 USDT');
    });
  });

  describe('what reaches the sandbox', () => {
    it('each option exactly as the doc names it, and as the venue recorded it', async () => {
      const t = ticketStack();
      const el = await mountTicket(ticket());
      await typeInto(el, 'price', '60000.5');
      await typeInto(el, 'size', '0.00100');
      await openAdvanced(el);
      await choose(el, '#tif', 'GTT');
      await typeInto(el, 'cancelAfter', '3600');
      await check(el, '#postOnly');
      await check(el, '#iceberg');
      await typeInto(el, 'visibleSize', '0.0005');
      await choose(el, '#stp', 'CN');
      await check(el, '#autoBorrow');
      await check(el, '#autoRepay');
      const before = oneEvent(el, 'margin-before-submit') as Promise<MarginBeforeSubmitEvent>;
      const placed = oneEvent(el, 'margin-order-placed') as Promise<MarginOrderPlacedEvent>;
      await clickOn(el, P.place);
      const params = (await before).detail.params;
      const detail = (await placed).detail;
      const [sent] = t.sentTo('POST', HF_ORDER);
      expect(sent!.body).to.deep.equal({
        clientOid: detail.clientOid,
        side: 'buy',
        symbol: 'BTC-USDT',
        type: 'limit',
        stp: 'CN',
        price: '60000.5',
        size: '0.001',
        timeInForce: 'GTT',
        postOnly: true,
        iceberg: true,
        visibleSize: '0.0005',
        cancelAfter: 3600,
        autoBorrow: true,
        autoRepay: true,
        isIsolated: false,
      });
      expect(params).to.deep.equal(sent!.body);
      expect(detail.clientOid).to.match(/^[A-Za-z0-9_-]{1,40}$/);
      const order = await getMarginClient(t.stack.proxyUrl).kucoin.getOrderByClientOid({ clientOid: detail.clientOid, symbol: 'BTC-USDT' });
      expect([order.timeInForce, order.cancelAfter, order.postOnly, order.iceberg, order.visibleSize.toString(), order.stp, order.tradeType]).to.deep.equal([
        'GTT', 3600, true, true, '0.0005', 'CN', 'MARGIN_TRADE',
      ]);
    });

    it('a hidden order, and a market order by funds in isolated margin', async () => {
      const t = ticketStack();
      const el = await mountTicket(ticket());
      await typeInto(el, 'price', '60000');
      await typeInto(el, 'size', '0.001');
      await openAdvanced(el);
      await check(el, '#hidden');
      await clickOn(el, P.place);
      await waitUntil(() => t.sentTo('POST', HF_ORDER).length === 1);
      expect(t.sentTo('POST', HF_ORDER)[0]!.body).to.include({ hidden: true, timeInForce: 'GTC' });

      const iso = await mountTicket(html`<margin-order-ticket symbol="ETH-USDT" margin-mode="isolated" locale="en-US" poll-interval="60000"></margin-order-ticket>`);
      radio(iso, 'type', 'market').click();
      await iso.updateComplete;
      qa<HTMLInputElement>(iso, 'input[name="market-amount"]')[1]!.click();
      await iso.updateComplete;
      await typeInto(iso, 'funds', '25.5');
      const placed = oneEvent(iso, 'margin-order-placed') as Promise<MarginOrderPlacedEvent>;
      await clickOn(iso, P.place);
      const { clientOid } = (await placed).detail;
      expect(t.sentTo('POST', HF_ORDER)[1]!.body).to.deep.equal({
        clientOid,
        side: 'buy',
        symbol: 'ETH-USDT',
        type: 'market',
        funds: '25.5',
        isIsolated: true,
      });
    });

    it('preview runs the test endpoint and places nothing', async () => {
      const t = ticketStack();
      const el = await mountTicket(ticket());
      await typeInto(el, 'price', '60000');
      await typeInto(el, 'size', '0.001');
      await clickOn(el, P.preview);
      await waitUntil(() => text(el, P.status).includes('nothing was placed'));
      expect(t.sentTo('POST', '/api/v3/hf/margin/order/test').length).to.equal(1);
      expect(t.sentTo('POST', HF_ORDER)).to.deep.equal([]);
      expect(await t.ordersAtVenue('BTC-USDT')).to.equal(0);
      await expect(el).to.be.accessible();
      // The venue's refusal of a preview is shown in words, input kept.
      await typeInto(el, 'size', '100');
      await clickOn(el, P.preview);
      await waitUntil(() => text(el, P.error).includes('Not enough balance'));
      expect(text(el, P.error)).to.contain('code 126013');
      expect(q<HTMLInputElement>(el, '#size')!.value).to.equal('100');
      expect(await t.ordersAtVenue('BTC-USDT')).to.equal(0);
    });

    it('V1: POST /api/v1/margin/order with marginModel, and its test endpoint for preview', async () => {
      const t = ticketStack();
      const el = await mountTicket(html`<margin-order-ticket symbol="BTC-USDT" api="v1" margin-mode="isolated" locale="en-US" poll-interval="60000"></margin-order-ticket>`);
      await typeInto(el, 'price', '60000');
      await typeInto(el, 'size', '0.001');
      await clickOn(el, P.preview);
      await waitUntil(() => text(el, P.status).includes('nothing was placed'));
      expect(t.sentTo('POST', '/api/v1/margin/order/test')[0]!.body).to.include({ marginModel: 'isolated' });
      const placed = oneEvent(el, 'margin-order-placed') as Promise<MarginOrderPlacedEvent>;
      await clickOn(el, P.place);
      const detail = (await placed).detail;
      const [sent] = t.sentTo('POST', '/api/v1/margin/order');
      expect(sent!.body).to.deep.equal({
        clientOid: detail.clientOid,
        side: 'buy',
        symbol: 'BTC-USDT',
        type: 'limit',
        price: '60000',
        size: '0.001',
        timeInForce: 'GTC',
        marginModel: 'isolated',
      });
      expect(t.sentTo('POST', HF_ORDER)).to.deep.equal([]);
      expect(await t.ordersAtVenue('BTC-USDT', 'MARGIN_ISOLATED_TRADE')).to.equal(1);
    });

    it('the veto: a host that cancels margin-before-submit stops the order; nothing is sent', async () => {
      const t = ticketStack();
      const el = await mountTicket(ticket());
      await typeInto(el, 'price', '60000');
      await typeInto(el, 'size', '0.001');
      const veto = (e: Event) => e.preventDefault();
      el.addEventListener('margin-before-submit', veto);
      await clickOn(el, P.place);
      await settle(el);
      expect(t.sentTo('POST', HF_ORDER)).to.deep.equal([]);
      expect(text(el, P.status)).to.contain('the page stopped this order');
      el.removeEventListener('margin-before-submit', veto);
      await clickOn(el, P.place);
      await waitUntil(() => t.sentTo('POST', HF_ORDER).length === 1);
    });

    it('with confirm: a review step shows every parameter first, Back sends nothing, Confirm places once', async () => {
      const t = ticketStack();
      const el = await mountTicket(ticket(true));
      await typeInto(el, 'price', '60000');
      await typeInto(el, 'size', '0.001');
      let beforeCount = 0;
      el.addEventListener('margin-before-submit', () => (beforeCount += 1));
      await clickOn(el, P.place);
      expect(q(el, P.review)).to.exist;
      expect(el.shadowRoot!.activeElement?.id).to.equal('review-title');
      const rows = qa(el, `${P.review} dt`).map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]);
      expect(rows.map((r) => r[0])).to.deep.equal(['clientOid', 'side', 'symbol', 'type', 'price', 'size', 'timeInForce', 'isIsolated']);
      expect(rows.slice(1)).to.deep.equal([
        ['side', 'buy'], ['symbol', 'BTC-USDT'], ['type', 'limit'], ['price', '60000'], ['size', '0.001'], ['timeInForce', 'GTC'], ['isIsolated', 'false'],
      ]);
      expect(beforeCount, 'the review comes before margin-before-submit').to.equal(0);
      await expect(el).to.be.accessible();
      expect(q(el, P.place)!.getAttribute('aria-disabled')).to.equal('true');
      await clickOn(el, P.place);
      expect(q(el, P.review)).to.exist;

      const back = qa<HTMLButtonElement>(el, `${P.review} button`)[1]!;
      back.click();
      await el.updateComplete;
      expect(q(el, P.review)).to.equal(null);
      expect(t.sentTo('POST', HF_ORDER)).to.deep.equal([]);

      await clickOn(el, P.place);
      const clientOid = rows[0]![1];
      const placed = oneEvent(el, 'margin-order-placed') as Promise<MarginOrderPlacedEvent>;
      qa<HTMLButtonElement>(el, `${P.review} button`)[0]!.click();
      expect((await placed).detail.clientOid, 'the reviewed clientOid is the one sent').to.equal(clientOid);
      expect(beforeCount).to.equal(1);
      expect(t.sentTo('POST', HF_ORDER).length).to.equal(1);
    });
  });
});
