import { aTimeout, expect, html } from '@open-wc/testing';
import '../../../src/define/margin-order-ticket.js';
import { markPrices, openOrders, openOrderSymbols } from '../../../src/elements/shared/resources.js';
import { mountTicket, P, text } from './harness.js';
import { ticketStack } from './helpers.js';

const MARKS = 'GET /api/v3/mark-price/all-symbols';
const OPEN = 'GET /api/v3/hf/margin/orders/active?symbol=BTC-USDT&tradeType=MARGIN_TRADE';
const OPEN_SYMBOLS = 'GET /api/v3/hf/margin/order/active/symbols?tradeType=MARGIN_TRADE';

/** Requests per polled resource while the ticket sits on the page for `ms`. */
async function pollsDuring(pollInterval: string, ms: number) {
  const t = ticketStack();
  const el = await mountTicket(html`<margin-order-ticket symbol="BTC-USDT" locale="en-US" poll-interval=${pollInterval}></margin-order-ticket>`);
  t.mark();
  await aTimeout(ms);
  const since = t.sinceMark();
  const count = (prefix: string) => since.filter((r) => r.startsWith(prefix)).length;
  el.remove();
  return { marks: count(MARKS), open: count(OPEN), symbols: count(OPEN_SYMBOLS) };
}

describe('<margin-order-ticket>: poll-interval goes through the resources', () => {
  it('the polled resources have a floor, so no poll-interval can poll faster than once a second', () => {
    for (const resource of [markPrices, openOrders({ tradeType: 'MARGIN_TRADE', symbol: 'BTC-USDT' }), openOrderSymbols('MARGIN_TRADE')]) {
      expect(resource.minIntervalMs, resource.key).to.be.at.least(1_000);
    }
  });

  it('poll-interval="-5" (or 0, or not a number) is the default 5 s: the proxy sees no flood', async () => {
    for (const value of ['-5', '0', 'soon']) {
      const seen = await pollsDuring(value, 1_600);
      // At most the first read, if it was still on its way when counting began. At 250 ms (the
      // old floor) this was 6 or more of each in 1.6 s.
      for (const [resource, n] of Object.entries(seen)) expect(n, `${resource} at poll-interval="${value}"`).to.be.at.most(1);
    }
  });

  it('poll-interval="10" polls at the floor (1 s), not every 10 ms', async () => {
    const seen = await pollsDuring('10', 2_300);
    for (const [resource, n] of Object.entries(seen)) {
      expect(n, resource).to.be.within(1, 3);
    }
  });

  it('a slower poll-interval than the floor is kept', async () => {
    const t = ticketStack();
    const el = await mountTicket(html`<margin-order-ticket symbol="BTC-USDT" locale="en-US" poll-interval="60000"></margin-order-ticket>`);
    t.mark();
    await aTimeout(1_300);
    expect(t.sinceMark().filter((r) => r.startsWith(MARKS) || r.startsWith(OPEN))).to.deep.equal([]);
    expect(text(el, P.markPrice)).to.contain('67,250.4');
  });
});
