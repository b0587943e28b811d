// The account states the stories show (near liquidation, no balance, max reached), on the same
// seeded stacks (stories/support.ts ACCOUNT_SEEDS), render what the stories promise.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define/margin-borrow-repay.js';
import '../../../src/define/margin-order-ticket.js';
import { configure } from '../../../src/client/client.js';
import { ACCOUNT_SEEDS, storyStack } from '../../../stories/support.js';
import { check, q, text, typeInto } from './harness.js';

// The runner keeps one of two test pages hidden, where the hub (rightly) pauses polls: count this one as shown.
configure({ hub: { visibility: { isHidden: () => false, subscribe: () => () => {} } } });

type Seed = keyof typeof ACCOUNT_SEEDS;
type Mounted = HTMLElement & { updateComplete: Promise<unknown> };
/** The element as the story mounts it (the stories' args), on the story's seeded stack. */
const ticket = (seed: Seed): Promise<Mounted> =>
  fixture(html`<margin-order-ticket proxy-url=${storyStack(`test-ticket-${seed}`, 'live', ACCOUNT_SEEDS[seed])} symbol="BTC-USDT" locale="en-US"></margin-order-ticket>`);
const panel = (seed: Seed): Promise<Mounted> =>
  fixture(html`<margin-borrow-repay proxy-url=${storyStack(`test-loan-${seed}`, 'live', ACCOUNT_SEEDS[seed])} exchange="kucoin" margin-mode="cross" currency="USDT" locale="en-US"></margin-borrow-repay>`);
async function until(el: HTMLElement, selector: string, words: string): Promise<void> {
  await waitUntil(() => text(el, selector).includes(words), `${selector} never said "${words}" (said "${text(el, selector)}")`, { timeout: 6000 });
}

describe('stories of the account states', function () {
  this.timeout(20_000);

  it('ticket, near liquidation: 1000 owed on 1040 of assets is 96.16%, past the warning ratio', async () => {
    const el = await ticket('nearLiquidation');
    await until(el, '[part~="debt-ratio"]', '96.16%');
    expect(text(el, '[part~="debt-ratio"]')).to.contain('near liquidation');
    expect(q<HTMLMeterElement>(el, 'meter[part~="meter"]')!.value).to.equal(0.9616);
    expect(text(el, '[part~="liability"]')).to.equal('1,000 USDT');
    expect(text(el, '[part~="available"]')).to.equal('1,040 USDT');
    await expect(el).to.be.accessible();
  });

  it('ticket, no balance: available 0, Max off, and says why', async () => {
    const el = await ticket('noBalance');
    await until(el, '[part~="available"]', '0 USDT');
    await until(el, '[part~="sizing"]', 'Nothing available to spend');
    expect(q<HTMLButtonElement>(el, '[part~="max"]')!.disabled).to.equal(true);
  });

  it('ticket, max reached: with auto-borrow a buy reaches only what is available, and says the limit', async () => {
    const el = await ticket('maxReached');
    await until(el, '[part~="liability"]', '1,000,000 USDT');
    await check(el, '#autoBorrow');
    // buyMaxAmount = 1100000 available + 0 left to borrow.
    await until(el, '[part~="sizing"] [part~="hint"]', 'Can spend 1,100,000 USDT with auto-borrow');
    await typeInto(el, 'price', '60000');
    await typeInto(el, 'size', '20');
    // 1100000 / (60000 x 1.001) = 18.315018315... -> 18.31501831
    expect(text(el, '[part~="limit"]')).to.contain('with auto-borrow: at most 18.31501831 BTC');
  });

  it('borrow/repay, max reached: nothing more to borrow, Max off; no balance: 0 available', async () => {
    const full = await panel('maxReached');
    await until(full, '[part~="liability"]', '1,000,000 USDT');
    expect(text(full, '[part~="max-borrow"]')).to.equal('—');
    expect(q<HTMLButtonElement>(full, '[part~="max"]')!.disabled).to.equal(true);
    expect(text(full, '[part~="account"]')).to.contain('the limit is reached');
    const empty = await panel('noBalance');
    await until(empty, '[part~="available"]', '0 USDT');
    expect(text(empty, '[part~="liability"]')).to.contain('0 USDT');
  });
});
