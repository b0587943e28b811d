/**
 * The loan market (`GET /api/v3/project/list`) has four kinds of reader on a page: the lending
 * market's poll (every <margin-lending-market>, at its 5 s floor), the borrow/repay panel's rate
 * (client/venue.ts), the order ticket's read (account-summary.ts) and an action that changed it
 * (invalidate). They share one copy: the page asks the venue once per REFERENCE_TTL_MS, whatever
 * the intervals. The requests bench once counted 3 in 13 s: the lending poll went to the venue
 * at every tick instead of through the copy.
 */
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { createInPageStack } from '../../../demo/in-page-stack.js';
import { getMarginClient } from '../../../src/client/client.js';
import type { LoanMarket } from '../../../src/client/kucoin/lending.js';
import { PollController } from '../../../src/elements/shared/poll-controller.js';
import { invalidate, loanMarket, read, REFERENCE_TTL_MS } from '../../../src/elements/shared/resources.js';
import { FakeClock, FakeVisibility } from '../../helpers/fake-clock.js';

class MarketReader extends LitElement {
  readonly poll = new PollController<LoanMarket[]>(this);
}
customElements.define('margin-test-market-reader', MarketReader);

const LOAN_MARKET = 'GET /api/v3/project/list';

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await aTimeout(5);
}

describe('loanMarket: one shared copy for every reader on the page', () => {
  it('two lending polls at 1 s, a borrow/repay rate and a ticket read every second ask the venue once per ttl', async () => {
    const clock = new FakeClock();
    const stack = createInPageStack({ now: () => clock.now(), page: { hub: { clock, visibility: new FakeVisibility() } } });
    const client = getMarginClient(stack.proxyUrl);
    const calls = () => stack.upstream.filter((r) => r.startsWith(LOAN_MARKET)).length;
    const lending = [
      await fixture<MarketReader>(html`<margin-test-market-reader></margin-test-market-reader>`),
      await fixture<MarketReader>(html`<margin-test-market-reader></margin-test-market-reader>`),
    ];
    for (const reader of lending) reader.poll.watch(client, loanMarket, 1_000);
    const venue = client.venue('kucoin', 'cross');
    const everyone = async () => {
      const [limits, market] = await Promise.all([venue.limits({ currency: 'USDT' }), read(client, loanMarket)]);
      return { rate: limits.hourlyRate, market };
    };
    await settle();
    const first = await everyone();
    expect(first.rate, 'the panel found its rate in the market').to.exist;
    expect(lending.map((r) => r.poll.state.value)).to.deep.equal([first.market, first.market]);
    expect(calls()).to.equal(1);
    // 13 s, as the requests bench runs: every reader, every second, and the lending polls at their floor.
    for (let s = 1; s <= 13; s += 1) {
      await clock.advance(1_000);
      await settle();
      await everyone();
    }
    expect(calls()).to.equal(1);
    // The copy lives a minute: then the next reader (here the lending poll) loads it again, once.
    await clock.advance(REFERENCE_TTL_MS - 13_000 + 5_000);
    await settle();
    await everyone();
    expect(calls()).to.equal(2);
    // An action that changed the market (a purchase): the next read asks again, once for all.
    invalidate(client, loanMarket);
    await Promise.all([everyone(), everyone()]);
    expect(calls()).to.equal(3);
  });
});
