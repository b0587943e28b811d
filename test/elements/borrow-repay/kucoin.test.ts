import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Decimal } from '../../../src/core/decimal.js';
import { formatRate } from '../../../src/core/format.js';
import '../../../src/define/margin-borrow-repay.js';
import type { MarginBorrowRepay } from '../../../src/define/margin-borrow-repay.js';
import { CURRENCIES, DEMO_CREDENTIALS } from '../../../src/sandbox/index.js';
import { captureLitWarnings } from '../../helpers/lit-warnings.js';
import {
  $,
  $$,
  choose,
  chooseAction,
  clientOf,
  historyLoaded,
  historyRows,
  limitsLoaded,
  limitsShown,
  outcome,
  panelStack,
  parts,
  setRange,
  settled,
  submitButton,
  text,
  typeAmount,
  until,
} from './helpers.js';

const fixtureOf = (currency: string) => CURRENCIES.find((c) => c.currency === currency)!;

async function crossPanel(stack: { proxyUrl: string }, currency = 'BTC') {
  const el = await fixture<MarginBorrowRepay>(
    html`<margin-borrow-repay proxy-url=${stack.proxyUrl} exchange="kucoin" margin-mode="cross" currency=${currency} locale="en-US"></margin-borrow-repay>`,
  );
  await limitsLoaded(el);
  return el;
}

describe('<margin-borrow-repay> KuCoin', function () {
  this.timeout(30_000);
  let lit: ReturnType<typeof captureLitWarnings>;
  beforeEach(() => (lit = captureLitWarnings()));
  afterEach(() => {
    lit.stop();
    expect(lit.warnings, lit.warnings.join('\n')).to.deep.equal([]);
  });

  it('cross: shows the limits, rates and risk settings the sandbox serves', async () => {
    const stack = panelStack();
    const el = await crossPanel(stack);
    const btc = fixtureOf('BTC');
    // the rate is the lending market's, as the sandbox serves it now
    const market = await clientOf(stack).kucoin.getLoanMarket({ currency: 'BTC' });
    const annual = market.find((m) => m.currency === 'BTC')!.marketInterestRate!;
    expect(limitsShown(el)).to.deep.equal({
      Borrowing: 'Enabled',
      'Minimum borrow': btc.borrowMinAmount,
      'Maximum borrow': btc.borrowMaxAmount,
      'Borrow in multiples of': btc.borrowMinUnit,
      'Decimal places': String(btc.precision),
      'Interest per hour': formatRate(annual.div(8760), 'hourly', { locale: 'en-US', decimals: 6 }),
      'Interest per day': formatRate(annual.div(365), 'daily', { locale: 'en-US', decimals: 4 }),
    });
    await until(() => el.shadowRoot!.querySelector('[part="risk"] dl'), 'risk settings did not load');
    expect(text(el, '[part="risk"]')).to.equal(
      'Cross margin risk Maximum leverage 5× Warning at debt ratio 95% Liquidation at debt ratio 97%',
    );
    expect(stack.upstream).to.include('GET /api/v1/margin/config');
    expect(stack.upstream).to.include('GET /api/v3/margin/currencies?currency=BTC');
    await historyLoaded(el);
    expect(text(el, parts.historyPanel)).to.contain('No borrows in this range');
    await expect(el).to.be.accessible();
  });

  it('every check: nothing is sent while the amount is invalid, and the field says why', async () => {
    const stack = panelStack();
    const el = await crossPanel(stack);
    const cases: Array<[string, string]> = [
      ['', 'Amount: Required'],
      ['abc', 'Amount: Enter a number, like 12.5'],
      ['1,5', 'Amount: Enter a number, like 12.5'],
      ['0', 'Amount: Must be more than 0'],
      ['-1', 'Amount: Must not be negative'],
      ['0.000000001', 'Amount: At most 8 decimal places'],
      ['0.00015', 'Amount: Must be a multiple of 0.0001'],
      ['75.0001', 'Amount: At most 75'],
    ];
    for (const [amount, message] of cases) {
      await typeAmount(el, amount);
      submitButton(el).click();
      await el.updateComplete;
      expect(text(el, '#amount-error'), amount).to.equal(message);
      expect($(el, '#amount').getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement?.id).to.equal('amount');
    }
    await expect(el).to.be.accessible();
    // the minimum above the unit (KCS: unit 0.1, minimum 1)
    el.currency = 'KCS';
    await limitsLoaded(el);
    await until(() => limitsShown(el)['Minimum borrow'] === '1');
    await typeAmount(el, '0.5');
    submitButton(el).click();
    await el.updateComplete;
    expect(text(el, '#amount-error')).to.equal('Amount: At least 1');
    expect(stack.posts()).to.deep.equal([]);
  });

  it('borrowing disabled: the reason is shown and the borrow button is off; repaying stays possible', async () => {
    const stack = panelStack();
    const el = await crossPanel(stack, 'LUNC');
    expect(limitsShown(el).Borrowing).to.equal('Disabled');
    expect(submitButton(el).disabled).to.equal(true);
    expect(text(el, '#submit-block')).to.equal('Borrowing is disabled for this currency');
    await typeAmount(el, '1000');
    submitButton(el).click();
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await el.updateComplete;
    expect(stack.posts()).to.deep.equal([]);
    await expect(el).to.be.accessible();
    await chooseAction(el, 'repay');
    expect(submitButton(el).disabled).to.equal(false);
  });

  it('borrows: margin-before-submit announces the exact body sent, then margin-borrowed with the order id', async () => {
    const stack = panelStack();
    const el = await crossPanel(stack);
    await typeAmount(el, '0.5000');
    expect(text(el, '[part="preview"]')).to.contain('per hour');
    expect(submitButton(el).textContent!.trim()).to.equal('Borrow 0.5 BTC');
    const before = oneEvent(el, 'margin-before-submit');
    const borrowed = oneEvent(el, 'margin-borrowed');
    submitButton(el).click();
    const { detail: intent } = await before;
    expect(intent).to.deep.equal({
      venue: 'kucoin',
      action: 'borrow',
      params: { currency: 'BTC', size: '0.5', timeInForce: 'IOC', isIsolated: false, isHf: true },
    });
    const { detail } = await borrowed;
    expect(stack.bodies).to.deep.equal([{ path: '/kucoin/api/v3/margin/borrow', body: intent.params }]);
    const account = stack.sandbox.state.kucoinAccounts.get(DEMO_CREDENTIALS.kucoin.apiKey)!;
    const [record] = stack.sandbox.state.loans.records(account).borrows;
    expect(detail).to.deep.equal({
      venue: 'kucoin', marginMode: 'cross', currency: 'BTC', orderId: record!.orderNo, requested: '0.5', actualSize: '0.5', foundInHistory: false,
    });
    await settled(el);
    expect(outcome(el)).to.equal(`Borrowed 0.5 BTC (order ${record!.orderNo}).`);
    expect(stack.posts()).to.deep.equal(['POST /api/v3/margin/borrow']);
    // the history refreshes with the new loan
    await until(() => historyRows(el).length === 1, 'the borrow did not appear in the history');
    expect(historyRows(el)[0]!.slice(1)).to.deep.equal(['0.5', '0.5', 'Done', record!.orderNo]);
    await expect(el).to.be.accessible();
  });

  it('IOC lends what is left and shows actualSize against the ask; FOK all or nothing', async () => {
    const stack = panelStack();
    // 74 of the 75 BTC limit already borrowed
    await clientOf(stack).venue('kucoin', 'cross').borrow({ currency: 'BTC', amount: '74' });
    const el = await crossPanel(stack);
    await choose(el, '#time-in-force', 'FOK');
    await typeAmount(el, '5');
    const refused = oneEvent(el, 'margin-error');
    submitButton(el).click();
    const { detail: error } = await refused;
    expect(error.action).to.equal('borrow');
    expect(error.kind).to.equal('exchange');
    await settled(el);
    expect(outcome(el)).to.match(/^Not done: KuCoin refused: /);
    const account = stack.sandbox.state.kucoinAccounts.get(DEMO_CREDENTIALS.kucoin.apiKey)!;
    expect(stack.sandbox.state.loans.records(account).borrows).to.have.length(1);
    // the amount is kept after a refusal
    expect($<HTMLInputElement>(el, '#amount').value).to.equal('5');

    await choose(el, '#time-in-force', 'IOC');
    const borrowed = oneEvent(el, 'margin-borrowed');
    submitButton(el).click();
    const { detail } = await borrowed;
    expect([detail.requested, detail.actualSize]).to.deep.equal(['5', '1']);
    expect(stack.bodies.at(-1)!.body).to.deep.include({ size: '5', timeInForce: 'IOC' });
    await settled(el);
    expect(outcome(el)).to.equal(`Borrowed 1 of the 5 BTC asked (IOC: only part was available; order ${detail.orderId}).`);
    await expect(el).to.be.accessible();
  });

  it('isolated: the pair\'s side limits, its risk, the currency choice, borrow then repay', async () => {
    const stack = panelStack();
    const el = await fixture<MarginBorrowRepay>(
      html`<margin-borrow-repay proxy-url=${stack.proxyUrl} exchange="kucoin" margin-mode="isolated" symbol="BTC-USDT" currency="USDT" locale="en-US"></margin-borrow-repay>`,
    );
    await limitsLoaded(el);
    // isolated pairs lend a tenth of the cross limit in the sandbox
    expect(limitsShown(el)['Maximum borrow']).to.equal('100,000');
    expect(limitsShown(el)['Borrow in multiples of']).to.equal('1');
    await until(() => el.shadowRoot!.querySelector('[part="risk"] dl'));
    expect(text(el, '[part="risk"]')).to.equal('BTC-USDT risk Maximum leverage 10× Liquidation at debt ratio 97%');
    expect(stack.upstream).to.include('GET /api/v3/margin/currencies?isIsolated=true&symbol=BTC-USDT');
    expect($$(el, '#currency option').map((o) => o.textContent)).to.deep.equal(['BTC', 'USDT']);

    await typeAmount(el, '100');
    const borrowed = oneEvent(el, 'margin-borrowed');
    submitButton(el).click();
    const { detail } = await borrowed;
    expect(detail).to.deep.include({ marginMode: 'isolated', symbol: 'BTC-USDT', currency: 'USDT', requested: '100', actualSize: '100' });
    expect(stack.bodies[0]!.body).to.deep.equal({ currency: 'USDT', size: '100', timeInForce: 'IOC', symbol: 'BTC-USDT', isIsolated: true, isHf: true });
    await settled(el);

    await chooseAction(el, 'repay');
    expect(el.shadowRoot!.querySelector('#time-in-force')).to.equal(null);
    await typeAmount(el, '40');
    const before = oneEvent(el, 'margin-before-submit');
    const repaid = oneEvent(el, 'margin-repaid');
    submitButton(el).click();
    expect((await before).detail.params).to.deep.equal({ currency: 'USDT', size: '40', symbol: 'BTC-USDT', isIsolated: true, isHf: true });
    const { detail: r } = await repaid;
    expect([r.requested, r.actualSize]).to.deep.equal(['40', '40']);
    await settled(el);
    expect(outcome(el)).to.equal(`Repaid 40 USDT (order ${r.orderId}).`);
    $<HTMLButtonElement>(el, '#tab-repay').click();
    await el.updateComplete;
    await until(() => historyRows(el).length === 1);
    expect(historyRows(el)[0]!.slice(1)).to.deep.equal(['40', '40', '0', 'Done', r.orderId]);
    expect(stack.posts()).to.deep.equal(['POST /api/v3/margin/borrow', 'POST /api/v3/margin/repay']);

    // switching to the base currency reloads its limits
    await choose(el, '#currency', 'BTC');
    await until(() => limitsShown(el)['Maximum borrow'] === '7.5');
    await expect(el).to.be.accessible();
  });

  it('isolated: a currency outside the pair is refused before anything is sent', async () => {
    const stack = panelStack();
    const el = await fixture<MarginBorrowRepay>(
      html`<margin-borrow-repay proxy-url=${stack.proxyUrl} exchange="kucoin" margin-mode="isolated" symbol="BTC-USDT" currency="ETH" locale="en-US"></margin-borrow-repay>`,
    );
    await limitsLoaded(el);
    expect(text(el, '#submit-block')).to.equal('Not a currency of BTC-USDT');
    expect($(el, '#currency').getAttribute('aria-invalid')).to.equal('true');
    await typeAmount(el, '1');
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await el.updateComplete;
    expect(stack.posts()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('the host page vetoes: nothing is sent', async () => {
    const stack = panelStack();
    const el = await crossPanel(stack);
    el.addEventListener('margin-before-submit', (e) => e.preventDefault(), { once: true });
    let borrowed = 0;
    el.addEventListener('margin-borrowed', () => (borrowed += 1));
    await typeAmount(el, '1');
    submitButton(el).click();
    await el.updateComplete;
    expect(outcome(el)).to.equal('Not sent: the page cancelled it.');
    expect(stack.posts()).to.deep.equal([]);
    expect(borrowed).to.equal(0);
    expect(submitButton(el).disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('history: pages of 10, next and previous, a time range, and To before From refused unsent', async () => {
    const stack = panelStack();
    const venue = clientOf(stack).venue('kucoin', 'cross');
    for (let i = 1; i <= 12; i += 1) await venue.borrow({ currency: 'ETH', amount: String(i) });
    const el = await crossPanel(stack, 'ETH');
    await historyLoaded(el);
    expect(historyRows(el)).to.have.length(10);
    expect(historyRows(el)[0]![1]).to.equal('12'); // newest first
    expect(text(el, '.pager')).to.contain('Page 1 of 2');
    expect($<HTMLButtonElement>(el, '#page-previous').disabled).to.equal(true);
    $<HTMLButtonElement>(el, '#page-next').click();
    await el.updateComplete;
    await until(() => text(el, parts.historyPanel).includes('Page 2 of 2'));
    expect(historyRows(el).map((r) => r[1])).to.deep.equal(['2', '1']);
    expect(stack.upstream.some((l) => l.startsWith('GET /api/v3/margin/borrow?currency=ETH') && l.includes('currentPage=2&pageSize=10'))).to.equal(true);
    await expect(el).to.be.accessible();

    // a range in the future: nothing in it (and back to page 1)
    const next = new Date(Date.now() + 86_400_000);
    const p = (n: number) => String(n).padStart(2, '0');
    const local = (d: Date) => `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    await setRange(el, 'from', local(next));
    await historyLoaded(el);
    await until(() => text(el, parts.historyPanel).includes('No borrows in this range'));
    const sentBefore = stack.upstream.length;
    await setRange(el, 'to', local(new Date(Date.now() - 86_400_000)));
    expect(text(el, parts.rangeError)).to.equal('“To” must not be before “From”');
    expect($(el, '#range-to').getAttribute('aria-invalid')).to.equal('true');
    expect(stack.upstream.length).to.equal(sentBefore);
    await expect(el).to.be.accessible();
  });

  it('interest history: hourly interest as the sandbox charges it', async () => {
    let offset = 0;
    const stack = panelStack({ now: () => Date.now() + offset });
    await clientOf(stack).venue('kucoin', 'cross').borrow({ currency: 'USDT', amount: '10000' });
    offset = 2 * 3_600_000 + 1;
    const el = await crossPanel(stack, 'USDT');
    $<HTMLButtonElement>(el, '#tab-interest').click();
    await el.updateComplete;
    await until(() => historyRows(el).length >= 2, 'no interest records');
    const dayRatio = stack.sandbox.state.loans.dayRatio('USDT');
    const hourly = new Decimal('10000').mul(dayRatio).div(24).toDecimalPlaces(8, Decimal.ROUND_UP);
    expect(historyRows(el)[0]![1]).to.equal(hourly.toString());
    expect(stack.upstream.some((l) => l.startsWith('GET /api/v3/margin/interest?currency=USDT'))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('keyboard: type and Enter borrows; history tabs move with arrows, Home and End', async () => {
    const stack = panelStack();
    const el = await crossPanel(stack);
    $<HTMLInputElement>(el, '#amount').focus();
    await sendKeys({ type: '0.25' });
    const borrowed = oneEvent(el, 'margin-borrowed');
    await sendKeys({ press: 'Enter' });
    expect((await borrowed).detail.actualSize).to.equal('0.25');
    await settled(el);

    const tab = (name: string) => $<HTMLButtonElement>(el, `#tab-${name}`);
    tab('borrow').focus();
    expect(tab('borrow').tabIndex).to.equal(0);
    expect(tab('repay').tabIndex).to.equal(-1);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(tab('repay').getAttribute('aria-selected')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(tab('repay'));
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(tab('interest'));
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(tab('borrow'));
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(tab('borrow'));
    expect($(el, parts.historyPanel).getAttribute('aria-labelledby')).to.equal('tab-borrow');
    // Tab leaves the tablist for the panel's first control
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('range-from');
    expect(stack.posts()).to.deep.equal(['POST /api/v3/margin/borrow']);
  });
});
