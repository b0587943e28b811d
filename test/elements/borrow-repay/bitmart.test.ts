import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { Decimal } from '../../../src/core/decimal.js';
import { formatRate } from '../../../src/core/format.js';
import '../../../src/define/margin-borrow-repay.js';
import type { MarginBorrowRepay } from '../../../src/define/margin-borrow-repay.js';
import { BITMART_PAIRS } from '../../../src/sandbox/index.js';
import { captureLitWarnings } from '../../helpers/lit-warnings.js';
import {
  $,
  $$,
  chooseAction,
  clientOf,
  historyLoaded,
  historyRows,
  limitsLoaded,
  limitsShown,
  outcome,
  panelStack,
  parts,
  settled,
  submitButton,
  text,
  typeAmount,
  until,
} from './helpers.js';

async function bitmartPanel(stack: { proxyUrl: string }, symbol = 'BTC_USDT', currency = 'BTC') {
  const el = await fixture<MarginBorrowRepay>(
    html`<margin-borrow-repay proxy-url=${stack.proxyUrl} exchange="bitmart" symbol=${symbol} currency=${currency} locale="en-US"></margin-borrow-repay>`,
  );
  await limitsLoaded(el);
  return el;
}

describe('<margin-borrow-repay> BitMart', function () {
  this.timeout(30_000);
  let lit: ReturnType<typeof captureLitWarnings>;
  beforeEach(() => (lit = captureLitWarnings()));
  afterEach(() => {
    lit.stop();
    expect(lit.warnings, lit.warnings.join('\n')).to.deep.equal([]);
  });

  it('isolated by default: limits, borrowable and both rates of the pair side, no risk section, no interest tab', async () => {
    const stack = panelStack();
    const el = await bitmartPanel(stack);
    const side = BITMART_PAIRS.find((p) => p.symbol === 'BTC_USDT')!.base;
    const daily = new Decimal(side.dailyInterest);
    expect(limitsShown(el)).to.deep.equal({
      Borrowing: 'Enabled',
      'Minimum borrow': side.minBorrow,
      'Maximum borrow': side.maxBorrow,
      'Borrowable now': side.maxBorrow,
      'Decimal places': '8',
      // BitMart's hourly rate is its own: daily / 24 rounded up to 8 places
      'Interest per hour': formatRate(daily.div(24).toDecimalPlaces(8, Decimal.ROUND_UP), 'hourly', { locale: 'en-US', decimals: 6 }),
      'Interest per day': formatRate(daily, 'daily', { locale: 'en-US', decimals: 4 }),
    });
    expect(text(el, '.subtitle')).to.equal('BitMart isolated margin · BTC_USDT · BTC');
    expect(el.shadowRoot!.querySelector('[part="risk"]')).to.equal(null);
    expect($$(el, '[role="tab"]').map((t) => t.textContent!.trim())).to.deep.equal(['Borrows', 'Repayments']);
    expect(el.shadowRoot!.querySelector('#time-in-force')).to.equal(null);
    expect(stack.upstream).to.include('GET /spot/v1/margin/isolated/pairs?symbol=BTC_USDT');
    await historyLoaded(el);
    expect(text(el, parts.historyPanel)).to.contain('No borrows in this range');
    await expect(el).to.be.accessible();
  });

  it('every check: 8 decimals, minimum, maximum, borrowable now; nothing sent', async () => {
    const stack = panelStack();
    await clientOf(stack).venue('bitmart', 'isolated').borrow({ symbol: 'BTC_USDT', currency: 'BTC', amount: '8' });
    const el = await bitmartPanel(stack);
    expect(limitsShown(el)['Borrowable now']).to.equal('2');
    const cases: Array<[string, string]> = [
      ['0.000000001', 'Amount: At most 8 decimal places'],
      ['0.00009', 'Amount: At least 0.0001'],
      ['10.5', 'Amount: At most 10'],
      ['2.00000001', 'Amount: At most 2 can be borrowed now'],
      ['0', 'Amount: Must be more than 0'],
    ];
    for (const [amount, message] of cases) {
      await typeAmount(el, amount);
      submitButton(el).click();
      await el.updateComplete;
      expect(text(el, '#amount-error'), amount).to.equal(message);
    }
    await expect(el).to.be.accessible();
    expect(stack.posts()).to.deep.equal(['POST /spot/v1/margin/isolated/borrow']); // only the setup borrow
  });

  it('a disabled pair: borrowing off with the venue reason', async () => {
    const stack = panelStack();
    const el = await bitmartPanel(stack, 'LTC_USDT', 'USDT');
    expect(limitsShown(el).Borrowing).to.equal('Disabled: LTC_USDT is not enabled');
    expect(text(el, '#submit-block')).to.equal('Borrowing is disabled: LTC_USDT is not enabled');
    expect(submitButton(el).disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('a currency outside the pair is refused unsent', async () => {
    const stack = panelStack();
    const el = await bitmartPanel(stack, 'BTC_USDT', 'ETH');
    expect(text(el, '#submit-block')).to.equal('Not a currency of BTC_USDT');
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await el.updateComplete;
    expect(stack.posts()).to.deep.equal([]);
  });

  it('borrow then repay: exact bodies, venue ids, the borrowable amount and the records follow', async () => {
    const stack = panelStack();
    const el = await bitmartPanel(stack, 'BTC_USDT', 'USDT');
    await typeAmount(el, '1500.12345678');
    expect(text(el, '[part="preview"]')).to.match(/per day/);
    const before = oneEvent(el, 'margin-before-submit');
    const borrowed = oneEvent(el, 'margin-borrowed');
    submitButton(el).click();
    const { detail: intent } = await before;
    expect(intent).to.deep.equal({ venue: 'bitmart', action: 'borrow', params: { symbol: 'BTC_USDT', currency: 'USDT', amount: '1500.12345678' } });
    const { detail } = await borrowed;
    expect(detail).to.deep.include({ venue: 'bitmart', marginMode: 'isolated', symbol: 'BTC_USDT', currency: 'USDT', requested: '1500.12345678', actualSize: '1500.12345678' });
    expect(detail.orderId).to.match(/^\d+$/);
    expect(stack.bodies).to.deep.equal([{ path: '/bitmart/spot/v1/margin/isolated/borrow', body: intent.params }]);
    await settled(el);
    expect(outcome(el)).to.equal(`Borrowed 1,500.12345678 USDT (order ${detail.orderId}).`);
    await until(() => limitsShown(el)['Borrowable now'] === '198,499.87654322', 'borrowable did not refresh');
    await until(() => historyRows(el).length === 1);
    expect(historyRows(el)[0]!.slice(1)).to.deep.equal(['1,500.12345678', '1,500.12345678', '—', detail.orderId]);
    // BitMart has no pages: the newest N of the range
    expect(text(el, parts.historyPanel)).to.contain('The newest 10 records in this range');
    expect(el.shadowRoot!.querySelector('#page-next')).to.equal(null);

    await chooseAction(el, 'repay');
    expect(el.shadowRoot!.querySelector('[part="preview"]')).to.equal(null);
    await typeAmount(el, '500');
    const repaid = oneEvent(el, 'margin-repaid');
    submitButton(el).click();
    const { detail: r } = await repaid;
    expect(stack.bodies.at(-1)).to.deep.equal({ path: '/bitmart/spot/v1/margin/isolated/repay', body: { symbol: 'BTC_USDT', currency: 'USDT', amount: '500' } });
    expect([r.requested, r.actualSize]).to.deep.equal(['500', '500']);
    await settled(el);
    $<HTMLButtonElement>(el, '#tab-repay').click();
    await el.updateComplete;
    await until(() => historyRows(el).length === 1);
    expect(historyRows(el)[0]!.slice(1)).to.deep.equal(['500', '500', '0', '—', r.orderId]);
    expect(stack.upstream.some((l) => l.startsWith('GET /spot/v1/margin/isolated/repay_record?symbol=BTC_USDT&currency=USDT') && l.includes('N=10'))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('the range goes to BitMart in seconds', async () => {
    const stack = panelStack();
    const el = await bitmartPanel(stack);
    await historyLoaded(el);
    const input = $<HTMLInputElement>(el, '#range-from');
    input.value = '2024-01-02T03:04';
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await historyLoaded(el);
    const seconds = new Date(2024, 0, 2, 3, 4).getTime() / 1000;
    await until(() => stack.upstream.some((l) => l.includes(`start_time=${seconds}`)), 'no ranged request');
  });
});
