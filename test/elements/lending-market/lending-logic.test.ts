import { expect } from '@open-wc/testing';
import type { LoanMarket } from '../../../src/client/kucoin/lending.js';
import { Decimal } from '../../../src/core/decimal.js';
import {
  checkModify,
  checkPurchase,
  checkRate,
  checkRedeem,
  fractionToPercent,
  holdingOf,
  percentToFraction,
} from '../../../src/elements/lending-market/lending-rules.js';
import { sparklinePoints, summarize } from '../../../src/elements/lending-market/sparkline.js';
import { filterRows, nextSort, sortRows } from '../../../src/elements/lending-market/table-sort.js';
import { clampLendingInterval } from '../../../src/elements/lending-market/margin-lending-market.js';

const d = (v: string) => new Decimal(v);
const KCS: LoanMarket = {
  currency: 'KCS',
  purchaseEnable: true,
  redeemEnable: true,
  increment: d('0.1'),
  minPurchaseSize: d('1'),
  maxPurchaseSize: d('100000'),
  minInterestRate: d('0.005'),
  maxInterestRate: d('0.32'),
  interestIncrement: d('0.0001'),
  marketInterestRate: d('0.0156'),
};

describe('lending rules (pure)', () => {
  it('turns percentages into the fraction sent, exactly', () => {
    expect(percentToFraction(d('8.5')).toString()).to.equal('0.085');
    expect(percentToFraction(d('0.01')).toString()).to.equal('0.0001');
    expect(fractionToPercent(d('0.0876')).toString()).to.equal('8.76');
  });

  it('lend: checks size (required, number, positive, increment, min, max) and rate (increment, min, max)', () => {
    const cases: Array<[string, string, string | undefined, string | undefined]> = [
      ['', '5', 'required', undefined],
      ['abc', '5', 'not-a-number', undefined],
      ['-1', '5', 'negative', undefined],
      ['0', '5', 'positive', undefined],
      ['1.25', '5', 'step', undefined],
      ['0.5', '5', 'min', undefined],
      ['100000.1', '5', 'max', undefined],
      ['10', '', undefined, 'required'],
      ['10', 'x', undefined, 'not-a-number'],
      ['10', '1.555', undefined, 'step'],
      ['10', '0.4', undefined, 'min'],
      ['10', '32.01', undefined, 'max'],
      ['1.25', '40', 'step', 'max'],
    ];
    for (const [size, rate, sizeRule, rateRule] of cases) {
      const checked = checkPurchase(KCS, size, rate);
      expect(checked.ok, `${size} @ ${rate}`).to.equal(false);
      if (!checked.ok) {
        expect(checked.violations.size?.rule, `size ${size}`).to.equal(sizeRule);
        expect(checked.violations.interestRate?.rule, `rate ${rate}`).to.equal(rateRule);
      }
    }
    const limits = checkPurchase(KCS, '0.5', '33');
    expect(limits.ok ? undefined : [limits.violations.size?.limit, limits.violations.interestRate?.limit]).to.deep.equal(['1', '0.32']);
  });

  it('lend: sends the exact decimal typed and the rate as a fraction', () => {
    expect(checkPurchase(KCS, ' 12.30 ', '8.5')).to.deep.equal({ ok: true, params: { currency: 'KCS', size: '12.3', interestRate: '0.085' } });
    expect(checkPurchase(KCS, '1', '0.5')).to.deep.equal({ ok: true, params: { currency: 'KCS', size: '1', interestRate: '0.005' } });
    expect(checkPurchase(KCS, '100000', '32')).to.deep.equal({ ok: true, params: { currency: 'KCS', size: '100000', interestRate: '0.32' } });
  });

  it('rate: without venue bounds only the step applies', () => {
    const open = { ...KCS, minInterestRate: undefined, maxInterestRate: undefined };
    expect(checkRate('interestRate', '90', open)).to.deep.equal({ ok: true, value: '0.9' });
    expect(checkRate('interestRate', '1.234', open).ok).to.equal(false);
  });

  it('change rate: the rate rules, the order number passed through', () => {
    expect(checkModify(KCS, 'p1', '2.5')).to.deep.equal({ ok: true, params: { currency: 'KCS', interestRate: '0.025', purchaseOrderNo: 'p1' } });
    const bad = checkModify(KCS, 'p1', '0.1');
    expect(bad.ok ? undefined : bad.violations.interestRate?.rule).to.equal('min');
  });

  it('redeem: the increment and what the order still holds; no minimum purchase size', () => {
    expect(checkRedeem(KCS, 'p1', d('50'), '0.5')).to.deep.equal({ ok: true, params: { currency: 'KCS', size: '0.5', purchaseOrderNo: 'p1' } });
    const over = checkRedeem(KCS, 'p1', d('50'), '50.1');
    expect(over.ok ? undefined : over.violations.size).to.deep.equal({ field: 'size', rule: 'max', limit: '50' });
    const step = checkRedeem(KCS, 'p1', d('50'), '0.05');
    expect(step.ok ? undefined : step.violations.size?.rule).to.equal('step');
    expect(holdingOf(d('100'), [d('30'), d('20.5')]).toString()).to.equal('49.5');
    expect(holdingOf(d('10'), [d('30')]).toString()).to.equal('0');
  });
});

describe('table sort and filter (pure)', () => {
  const rows = [
    { c: 'BTC', r: d('0.02'), on: true },
    { c: 'USDT', r: d('0.0876'), on: false },
    { c: 'ETH', r: undefined, on: true },
    { c: 'USDC', r: d('0.02'), on: true },
  ];

  it('sorts decimals, strings and booleans both ways, unknown values last, ties in venue order', () => {
    expect(sortRows(rows, (x) => x.r, 'ascending').map((x) => x.c)).to.deep.equal(['BTC', 'USDC', 'USDT', 'ETH']);
    expect(sortRows(rows, (x) => x.r, 'descending').map((x) => x.c)).to.deep.equal(['USDT', 'BTC', 'USDC', 'ETH']);
    expect(sortRows(rows, (x) => x.c, 'descending').map((x) => x.c)).to.deep.equal(['USDT', 'USDC', 'ETH', 'BTC']);
    expect(sortRows(rows, (x) => x.on, 'ascending').map((x) => x.c)).to.deep.equal(['USDT', 'BTC', 'ETH', 'USDC']);
  });

  it('flips the same column, starts another ascending', () => {
    expect(nextSort({ key: 'a', direction: 'ascending' }, 'a')).to.deep.equal({ key: 'a', direction: 'descending' });
    expect(nextSort({ key: 'a', direction: 'descending' }, 'a')).to.deep.equal({ key: 'a', direction: 'ascending' });
    expect(nextSort<'a' | 'b'>({ key: 'a', direction: 'descending' }, 'b')).to.deep.equal({ key: 'b', direction: 'ascending' });
  });

  it('filters by text in any field, ignoring case', () => {
    expect(filterRows(rows, ' us ', (x) => [x.c]).map((x) => x.c)).to.deep.equal(['USDT', 'USDC']);
    expect(filterRows(rows, '', (x) => [x.c]).length).to.equal(4);
    expect(filterRows(rows, 'zzz', (x) => [x.c])).to.deep.equal([]);
  });

  it('clamps the lending poll interval', () => {
    expect([clampLendingInterval(undefined), clampLendingInterval(1000), clampLendingInterval(120_000), clampLendingInterval(NaN)]).to.deep.equal([60_000, 5000, 120_000, 60_000]);
  });
});

describe('sparkline (pure)', () => {
  it('scales the values into the box, higher drawn higher; a flat line sits in the middle', () => {
    expect(sparklinePoints([d('1'), d('3'), d('2')], 10, 10, 0)).to.equal('0,10 5,0 10,5');
    expect(sparklinePoints([d('2'), d('2')], 10, 10, 0)).to.equal('0,5 10,5');
    expect(sparklinePoints([], 10, 10)).to.equal('');
    expect(summarize([d('0.02'), d('0.01'), d('0.03'), d('0.025')])).to.deep.equal({ first: d('0.02'), last: d('0.025'), low: d('0.01'), high: d('0.03') });
  });
});
