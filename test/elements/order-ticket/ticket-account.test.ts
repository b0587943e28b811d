// The ticket's account numbers against the sandbox: available and liability move by the exact
// amounts an order holds and borrows; Max and 25-100% from what the account can spend; the limit
// as you type; price protection; what a previewed auto-borrow costs.
import { expect, html, waitUntil } from '@open-wc/testing';
import type { CrossMarginRiskLimit } from '../../../src/client/kucoin/debit.js';
import { Decimal } from '../../../src/core/decimal.js';
import '../../../src/define/margin-order-ticket.js';
import { check, clickOn, mountTicket, q, qa, radio, settle, text, typeInto } from './harness.js';
import { ticketStack } from './helpers.js';

const ticket = () => html`<margin-order-ticket symbol="BTC-USDT" locale="en-US" poll-interval="60000"></margin-order-ticket>`;
const A = {
  available: '[part~="available"]',
  liability: '[part~="liability"]',
  meter: 'meter[part~="meter"]',
  debtRatio: '[part~="debt-ratio"]',
  max: '[part~="max"]',
  percent: '[part~="percent"]',
  limit: '[part~="limit"]',
  canSpend: '[part~="sizing"] [part~="hint"]',
  priceWarning: '[part~="price-warning"]',
  status: '[part~="status"]',
} as const;
const value = (el: HTMLElement, id: string) => q<HTMLInputElement>(el, `#${id}`)!.value;

async function until(el: HTMLElement, selector: string, words: string): Promise<void> {
  await waitUntil(() => text(el, selector).includes(words), `${selector} never said "${words}" (said "${text(el, selector)}")`, { timeout: 4000 });
}

describe('<margin-order-ticket>: the account it trades in', () => {
  it('available and liability move by exactly what an order holds and auto-borrows', async () => {
    const t = ticketStack();
    const el = await mountTicket(ticket());
    // The demo account starts with 100000 USDT in the HF cross account, owing nothing.
    await until(el, A.available, '100,000 USDT');
    expect(text(el, A.liability)).to.equal('0 USDT');
    expect(q<HTMLMeterElement>(el, A.meter)!.value).to.equal(0);
    await until(el, A.debtRatio, 'warning at 95%, liquidation at 97%');

    // A resting buy holds price x size plus the maker fee: 0.1 x 60000 x 1.0008 = 6004.8.
    await typeInto(el, 'price', '60000');
    await typeInto(el, 'size', '0.1');
    await clickOn(el, '#place');
    await until(el, A.available, '93,995.2 USDT');
    expect(text(el, A.liability)).to.equal('0 USDT');

    // 2 BTC at 60000 holds 120096; 93995.2 is there, auto-borrow lends the rest rounded up to
    // borrowMinUnit 1: 26101 USDT owed, 93995.2 + 26101 - 120096 = 0.2 left.
    await check(el, '#autoBorrow');
    await typeInto(el, 'size', '2');
    await clickOn(el, '#place');
    await until(el, A.liability, '26,101 USDT');
    await until(el, A.available, '0.2 USDT');
    // The venue's own account answer agrees (HF account, MARGIN_V2).
    const account = await (await import('../../../src/client/client.js')).getMarginClient(t.stack.proxyUrl).kucoin.getCrossMarginAccount({ queryType: 'MARGIN_V2' });
    const usdt = account.accounts.find((a) => a.currency === 'USDT')!;
    expect([usdt.available.toString(), usdt.liability.toString()]).to.deep.equal(['0.2', '26101']);
    // Debt ratio above 0 now, shown as the account says it.
    expect(q<HTMLMeterElement>(el, A.meter)!.value).to.equal(account.debtRatio.toNumber());
    await expect(el).to.be.accessible();
  });

  it('Max and 25/50/75/100% size from what the account can spend, rounded down to baseIncrement', async () => {
    ticketStack();
    const el = await mountTicket(ticket());
    await until(el, A.available, '100,000 USDT');
    await typeInto(el, 'price', '60000');
    // 100000 / (60000 x 1.001) = 1.665001665... -> 1.66500166
    await clickOn(el, A.max);
    expect(value(el, 'size')).to.equal('1.66500166');
    const [p25, p50] = qa<HTMLButtonElement>(el, A.percent);
    p25!.click();
    await settle(el);
    expect(value(el, 'size')).to.equal('0.41625041'); // 1.66500166 x 0.25 = 0.416250415 -> down
    p50!.click();
    await settle(el);
    expect(value(el, 'size')).to.equal('0.83250083');

    // A sell spends BTC: 2 BTC available in the demo account.
    radio(el, 'side', 'sell').click();
    await settle(el);
    await clickOn(el, A.max);
    expect(value(el, 'size')).to.equal('2');

    // Market by funds, buy: 100000 / 1.001 = 99900.0999000999 -> 99900.0999 at quoteIncrement 0.000001.
    radio(el, 'side', 'buy').click();
    radio(el, 'type', 'market').click();
    await settle(el);
    radio(el, 'market-amount', 'funds').click();
    await settle(el);
    await clickOn(el, A.max);
    expect(value(el, 'funds')).to.equal('99900.0999');
  });

  it('with auto-borrow, Max reaches buyMaxAmount (available + what may still be borrowed)', async () => {
    const t = ticketStack();
    const el = await mountTicket(ticket());
    await until(el, A.available, '100,000 USDT');
    await typeInto(el, 'price', '60000');
    await check(el, '#autoBorrow');
    await until(el, A.canSpend, 'with auto-borrow');
    // buyMaxAmount = 100000 available + 1000000 borrowable = 1100000; / (60000 x 1.001) = 18.31501831...
    const limits = await (await import('../../../src/client/client.js')).getMarginClient(t.stack.proxyUrl).kucoin.getMarginRiskLimit({ currency: 'USDT' });
    expect((limits as CrossMarginRiskLimit[])[0]!.buyMaxAmount!.toString()).to.equal('1100000');
    expect(text(el, A.canSpend)).to.contain('1,100,000 USDT');
    await clickOn(el, A.max);
    expect(value(el, 'size')).to.equal('18.31501831');
  });

  it('says what can be spent at the currency precision, cut, never the venue\'s extra digits', async () => {
    const t = ticketStack();
    // The venue's buyMaxAmount with more digits than USDT's precision (as a live account's accrued interest gives).
    const limitsUrl = `${t.stack.proxyUrl}/kucoin/api/v3/margin/currencies?isIsolated=false&currency=USDT`;
    const answer = (await (await t.stack.fetch(new Request(limitsUrl))).json()) as { code: string; data: { buyMaxAmount: string; precision: number }[] };
    const precision = answer.data[0]!.precision;
    answer.data[0]!.buyMaxAmount = '100201.0146914919';
    t.intercept((request) => (new URL(request.url).pathname.endsWith('/api/v3/margin/currencies') ? Response.json(answer) : undefined));
    const el = await mountTicket(ticket());
    await until(el, A.available, '100,000 USDT');
    await check(el, '#autoBorrow');
    await until(el, A.canSpend, 'with auto-borrow');
    const shown = /([\d,]+)\.(\d+) USDT/.exec(text(el, A.canSpend));
    expect(shown, text(el, A.canSpend)).to.not.equal(null);
    expect(shown![2]!.length).to.be.at.most(precision);
    expect(`${shown![1]}.${shown![2]}`).to.equal(`100,201.${'0146914919'.slice(0, precision)}`.replace(/0+$/, ''));
  });

  it('says as you type when the size is above what the account can spend, with the limit', async () => {
    ticketStack();
    const el = await mountTicket(ticket());
    await until(el, A.available, '100,000 USDT');
    await typeInto(el, 'price', '60000');
    await typeInto(el, 'size', '1.66500166');
    expect(text(el, A.limit)).to.equal('');
    await typeInto(el, 'size', '1.7');
    expect(text(el, A.limit)).to.contain('at most 1.66500166 BTC');
    await check(el, '#autoBorrow');
    await until(el, A.canSpend, 'with auto-borrow');
    expect(text(el, A.limit), 'within reach with auto-borrow').to.equal('');
  });

  it('warns before sending when the price is beyond priceLimitRate from the mark, with the numbers', async () => {
    ticketStack();
    const el = await mountTicket(html`<margin-order-ticket symbol="BTC-USDT" locale="en-US" poll-interval="300"></margin-order-ticket>`);
    await until(el, '[part~="mark-price"]', '67,250.4');
    // mark 67250.4 x 1.1 = 73975.44: a buy at 73975.4 passes, at 80000 it is refused by the venue.
    await typeInto(el, 'price', '73975.4');
    expect(q(el, A.priceWarning)).to.equal(null);
    await typeInto(el, 'price', '80000');
    expect(text(el, A.priceWarning)).to.contain('80,000').and.contain('67,250.4').and.contain('73,975.4').and.contain('18.96%').and.contain('10%');
    // A sell below mark x 0.9 = 60525.36.
    radio(el, 'side', 'sell').click();
    await typeInto(el, 'price', '60000');
    expect(text(el, A.priceWarning)).to.contain('below').and.contain('60,525.4');
  });

  it('Preview says what the auto-borrow costs per hour and per day at the rate the ledger charges', async () => {
    const t = ticketStack();
    const el = await mountTicket(ticket());
    await until(el, A.available, '100,000 USDT');
    await typeInto(el, 'price', '60000');
    await typeInto(el, 'size', '2');
    await check(el, '#autoBorrow');
    await clickOn(el, '[part~="preview"]');
    // 2 x 60000 x 1.0008 = 120096 held; 100000 available; 20096 borrowed.
    const notices = () => qa(el, '[role="status"]').map((n) => n.textContent!.replace(/\s+/g, ' ')).join(' | ');
    await waitUntil(() => notices().includes('It would borrow 20,096 USDT'), 'no borrow in the preview', { timeout: 4000 }).catch(() => {
      throw new Error(`preview said: ${notices()}`);
    });
    const day = t.stack.sandbox.state.loans.dayRatio('USDT');
    const perHour = new Decimal(20096).mul(day).div(24).toDecimalPlaces(8, Decimal.ROUND_UP);
    const words = notices();
    const fmt = (v: Decimal) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 8 }).format(Number(v.toString()));
    expect(words).to.contain(`costs ${fmt(perHour)} USDT an hour`);
    expect(words).to.contain(`${fmt(perHour.mul(24))} USDT a day`);
  });
});

describe('<margin-order-ticket>: the account follows the margin mode and the endpoints', () => {
  it('isolated: the pair account (ISOLATED_V2), its liquidation ratio, and an auto-borrow on the pair', async () => {
    const t = ticketStack();
    const el = await mountTicket(html`<margin-order-ticket symbol="BTC-USDT" margin-mode="isolated" locale="en-US" poll-interval="60000"></margin-order-ticket>`);
    // A pair's isolated account starts with 10000 of its quote currency.
    await until(el, A.available, '10,000 USDT');
    const client = (await import('../../../src/client/client.js')).getMarginClient(t.stack.proxyUrl);
    const pair = (await client.kucoin.getIsolatedMarginSymbols()).find((s) => s.symbol === 'BTC-USDT')!;
    await until(el, A.debtRatio, `liquidation at ${Number(pair.flDebtRatio.mul(100).toString())}%`);
    // 0.2 x 60000 x 1.0008 = 12009.6 held; 10000 there; 2009.6 short -> 2010 borrowed (borrowMinUnit 1); 0.4 left.
    await typeInto(el, 'price', '60000');
    await typeInto(el, 'size', '0.2');
    await check(el, '#autoBorrow');
    await clickOn(el, '#place');
    await until(el, A.liability, '2,010 USDT');
    await until(el, A.available, '0.4 USDT');
    expect(t.sentTo('GET', '/api/v3/isolated/accounts').at(-1)!.query).to.contain('queryType=ISOLATED_V2').and.contain('symbol=BTC-USDT');
  });

  it('api="v1": the classic account (MARGIN), where V1 orders trade; the HF account is left alone', async () => {
    const t = ticketStack();
    const el = await mountTicket(html`<margin-order-ticket symbol="BTC-USDT" api="v1" locale="en-US" poll-interval="60000"></margin-order-ticket>`);
    await until(el, A.available, '100,000 USDT');
    await typeInto(el, 'price', '60000');
    await typeInto(el, 'size', '0.1');
    await clickOn(el, '#place');
    await until(el, A.available, '93,995.2 USDT');
    expect(t.sentTo('GET', '/api/v3/margin/accounts').at(-1)!.query).to.contain('queryType=MARGIN').and.not.contain('MARGIN_V2');
    const client = (await import('../../../src/client/client.js')).getMarginClient(t.stack.proxyUrl);
    const hf = (await client.kucoin.getCrossMarginAccount({ queryType: 'MARGIN_V2' })).accounts.find((a) => a.currency === 'USDT')!;
    expect(hf.available.toString()).to.equal('100000');
  });
});
