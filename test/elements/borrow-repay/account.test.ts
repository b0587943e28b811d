// The panel's account numbers: available, liability (principal + interest), max borrowable and
// Max, by hand (loan-account.ts) and against the sandbox: a borrow from the panel, an HF order
// with autoRepay and a Max repay act on one account (KuCoin's HF one), and on a BitMart pair.
import { expect, fixture, html } from '@open-wc/testing';
import type { IsolatedAccountPair } from '../../../src/client/bitmart/account.js';
import type { CrossMarginAccount, MarginAccountAsset } from '../../../src/client/kucoin/account.js';
import { Decimal } from '../../../src/core/decimal.js';
import '../../../src/define/margin-borrow-repay.js';
import type { MarginBorrowRepay } from '../../../src/define/margin-borrow-repay.js';
import { bitmartLoanSide, borrowMax, crossLoanSide, repayMax } from '../../../src/elements/borrow-repay/loan-account.js';
import { $, chooseAction, clientOf, limitsLoaded, panelStack, settled, submitButton, text, typeAmount, until } from './helpers.js';

const d = (v: string | number) => new Decimal(v);
const T0 = 1_700_000_000_000;
const P = { available: '[part~="available"]', liability: '[part~="liability"]', maxBorrow: '[part~="max-borrow"]', max: '[part~="max"]' } as const;

const asset = (currency: string, v: Partial<Record<'available' | 'liabilityPrincipal' | 'liabilityInterest' | 'maxBorrowSize', string>>): MarginAccountAsset => {
  const principal = d(v.liabilityPrincipal ?? 0);
  const interest = d(v.liabilityInterest ?? 0);
  return {
    currency, total: d(v.available ?? 0), available: d(v.available ?? 0), hold: d(0), liability: principal.plus(interest), liabilityPrincipal: principal,
    liabilityInterest: interest, maxBorrowSize: d(v.maxBorrowSize ?? 0), borrowEnabled: true, transferInEnabled: true,
  };
};
const cross = (...assets: MarginAccountAsset[]): CrossMarginAccount => ({
  totalAssetOfQuoteCurrency: d(0), totalLiabilityOfQuoteCurrency: d(0), debtRatio: d(0), status: 'EFFECTIVE', accounts: assets,
});

describe('loan-account: the numbers Max fills in', () => {
  it('repay Max is what is owed, limited by what is available, rounded down to precision', () => {
    const owing = crossLoanSide(cross(asset('BTC', { available: '5', liabilityPrincipal: '1', liabilityInterest: '0.000123456' })), 'BTC');
    expect(owing.liability.toString()).to.equal('1.000123456');
    expect(repayMax(owing, { precision: 8 })!.toString()).to.equal('1.00012345');
    const short = crossLoanSide(cross(asset('BTC', { available: '0.4', liabilityPrincipal: '1' })), 'BTC');
    expect(repayMax(short, { precision: 8 })!.toString()).to.equal('0.4');
    expect(repayMax(crossLoanSide(cross(), 'BTC'), { precision: 8 })).to.equal(undefined);
  });

  it('borrow Max is maxBorrowSize (KuCoin) or borrowable_amount (BitMart), on borrowMinUnit, at least borrowMinAmount', () => {
    const side = crossLoanSide(cross(asset('USDT', { maxBorrowSize: '999.7' })), 'USDT');
    expect(borrowMax(side, { currency: 'USDT', borrowEnabled: true, borrowMinUnit: d(1), borrowMinAmount: d(1), precision: 8 })!.toString()).to.equal('999');
    expect(borrowMax(side, { currency: 'USDT', borrowEnabled: true, borrowMinUnit: d(1), borrowMinAmount: d(1000) })).to.equal(undefined);
    expect(borrowMax(side, { currency: 'USDT', borrowEnabled: false })).to.equal(undefined);
    const pair = {
      symbol: 'BTC_USDT',
      base: { currency: 'BTC', available: d(0), borrow_unpaid: d(0), interest_unpaid: d(0) },
      quote: { currency: 'USDT', available: d('10100'), borrow_unpaid: d(100), interest_unpaid: d('0.00208334') },
    } as unknown as IsolatedAccountPair;
    const bm = bitmartLoanSide([pair], 'BTC_USDT', 'USDT');
    expect(bm.liability.toString()).to.equal('100.00208334');
    expect(borrowMax(bm, { currency: 'USDT', borrowEnabled: true, borrowableAmount: d('199900.123456789'), precision: 8 })!.toString()).to.equal('199900.12345678');
  });
});

describe('<margin-borrow-repay>: the account a loan acts on', function () {
  this.timeout(30_000);

  it('KuCoin cross: a borrow, an HF order with autoRepay and a Max repay move one account, as shown', async () => {
    const stack = panelStack({ now: () => T0 });
    const el = await fixture<MarginBorrowRepay>(
      html`<margin-borrow-repay exchange="kucoin" margin-mode="cross" currency="USDT" locale="en-US" poll-interval="60000"></margin-borrow-repay>`,
    );
    await limitsLoaded(el);
    await until(() => el.shadowRoot!.querySelector(P.available), 'no account');
    expect(text(el, P.available)).to.equal('100,000 USDT');
    expect(text(el, P.liability)).to.contain('0 USDT');
    // USDT: personal limit 1000000, nothing owed: maxBorrowSize 1000000.
    expect(text(el, P.maxBorrow)).to.equal('1,000,000 USDT');
    $<HTMLButtonElement>(el, P.max).click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#amount').value).to.equal('1000000');

    await typeAmount(el, '1000');
    submitButton(el).click();
    await settled(el);
    await until(() => text(el, P.liability).startsWith('1,000 USDT'), `liability: ${text(el, P.liability)}`);
    expect(text(el, P.available)).to.equal('101,000 USDT');
    expect(text(el, P.maxBorrow)).to.equal('999,000 USDT');

    // An HF order (the v3 endpoints) with autoRepay: a market sell of 0.01 BTC brings in USDT,
    // and repays the USDT the panel borrowed, in the same (HF) account.
    const client = clientOf(stack);
    const placed = await client.kucoin.addOrder({ clientOid: 'autorepay-1', side: 'sell', symbol: 'BTC-USDT', type: 'market', size: '0.01', isIsolated: false, autoRepay: true });
    const order = await client.kucoin.getOrderByOrderId({ orderId: placed.orderId, symbol: 'BTC-USDT' });
    const received = order.dealFunds.minus(order.fee);
    const owed = d(1000).minus(received);
    await chooseAction(el, 'repay');
    const account = await client.kucoin.getCrossMarginAccount({ queryType: 'MARGIN_V2' });
    const usdt = account.accounts.find((a) => a.currency === 'USDT')!;
    expect(usdt.liability.toString(), 'the order repaid in the account the panel borrowed in').to.equal(owed.toString());

    // A repay of 1 from the panel: the account it re-reads owes what the order left, less 1.
    await typeAmount(el, '1');
    submitButton(el).click();
    await settled(el);
    await until(() => text(el, P.liability).startsWith(`${new Intl.NumberFormat('en-US', { maximumFractionDigits: 8 }).format(Number(owed.minus(1).toString()))} USDT`), `liability after 1 repaid: ${text(el, P.liability)}`);
    // Max repay: what is owed (available covers it), then nothing is owed.
    $<HTMLButtonElement>(el, P.max).click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#amount').value).to.equal(owed.minus(1).toString());
    submitButton(el).click();
    await settled(el);
    await until(() => text(el, P.liability).startsWith('0 USDT'), `liability after Max: ${text(el, P.liability)}`);
    expect($<HTMLButtonElement>(el, P.max).disabled, 'nothing left to repay').to.equal(true);
    const after = (await client.kucoin.getCrossMarginAccount({ queryType: 'MARGIN_V2' })).accounts.find((a) => a.currency === 'USDT')!;
    expect(after.liability.toString()).to.equal('0');
    await expect(el).to.be.accessible();
  });

  it('BitMart isolated: available, liability and max borrowable of the pair, moved by a borrow and a Max repay', async () => {
    panelStack({ now: () => T0 });
    const el = await fixture<MarginBorrowRepay>(
      html`<margin-borrow-repay exchange="bitmart" symbol="BTC_USDT" currency="USDT" locale="en-US" poll-interval="60000"></margin-borrow-repay>`,
    );
    await limitsLoaded(el);
    await until(() => el.shadowRoot!.querySelector(P.available), 'no account');
    // A new BitMart pair starts with 10000 of its quote currency.
    expect(text(el, P.available)).to.equal('10,000 USDT');
    expect(text(el, P.liability)).to.contain('0 USDT');
    const before = text(el, P.maxBorrow);
    await typeAmount(el, '100');
    submitButton(el).click();
    await settled(el);
    await until(() => text(el, P.liability).startsWith('100 USDT'), `liability: ${text(el, P.liability)}`);
    expect(text(el, P.available)).to.equal('10,100 USDT');
    const room = (s: string) => d(s.replace(/[^0-9.]/g, ''));
    await until(() => room(text(el, P.maxBorrow)).eq(room(before).minus(100)), `max borrowable ${before} -> ${text(el, P.maxBorrow)}`);
    await chooseAction(el, 'repay');
    $<HTMLButtonElement>(el, P.max).click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#amount').value).to.equal('100');
    submitButton(el).click();
    await settled(el);
    await until(() => text(el, P.liability).startsWith('0 USDT'), `liability after Max: ${text(el, P.liability)}`);
    expect(text(el, P.available)).to.equal('10,000 USDT');
  });
});

describe('<margin-borrow-repay>: a loan found by its id', function () {
  this.timeout(30_000);

  async function find(el: MarginBorrowRepay, id: string): Promise<string> {
    const input = $<HTMLInputElement>(el, '#lookup-id');
    input.value = id;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(text(el, '[part~="lookup-result"]'), 'an edit clears the last answer').to.equal('');
    $<HTMLButtonElement>(el, '[part~="lookup-find"]').click();
    await until(() => text(el, '[part~="lookup-result"]') !== '', 'the lookup never answered');
    return text(el, '[part~="lookup-result"]');
  }

  it('KuCoin: the borrow and the repay by orderNo; an unknown id is said to be unknown', async () => {
    const stack = panelStack({ now: () => T0 });
    const client = clientOf(stack);
    const borrow = await client.kucoin.borrow({ currency: 'USDT', size: '250', timeInForce: 'IOC', isHf: true });
    const repay = await client.kucoin.repay({ currency: 'USDT', size: '50', isHf: true });
    const el = await fixture<MarginBorrowRepay>(html`<margin-borrow-repay exchange="kucoin" margin-mode="cross" currency="USDT" locale="en-US"></margin-borrow-repay>`);
    await limitsLoaded(el);
    expect(await find(el, borrow.orderNo)).to.contain('Borrow of 250 USDT').and.contain(borrow.orderNo);
    const repaid = await find(el, repay.orderNo);
    expect(repaid).to.contain('Repay of 50 USDT').and.contain('50 principal + 0 interest');
    expect(await find(el, 'no-such-order')).to.equal('No borrow or repay with this id on this target.');
  });

  it('BitMart: the borrow by borrow_id on the pair', async () => {
    const stack = panelStack({ now: () => T0 });
    const borrow = await clientOf(stack).bitmart.marginBorrowIsolated({ symbol: 'BTC_USDT', currency: 'USDT', amount: '30' });
    const el = await fixture<MarginBorrowRepay>(html`<margin-borrow-repay exchange="bitmart" symbol="BTC_USDT" currency="USDT" locale="en-US"></margin-borrow-repay>`);
    await limitsLoaded(el);
    expect(await find(el, borrow.borrow_id)).to.contain('Borrow of 30 USDT').and.contain(borrow.borrow_id);
  });
});
