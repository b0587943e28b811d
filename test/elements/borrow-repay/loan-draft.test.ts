import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { BorrowLimits } from '../../../src/client/venue.js';
import { Decimal } from '../../../src/core/decimal.js';
import { borrowCeiling, checkLoanDraft, symbolCurrencies, type LoanDraftInput } from '../../../src/elements/borrow-repay/loan-draft.js';
import { describeLoanViolation } from '../../../src/elements/borrow-repay/strings.js';

const d = (v: string) => new Decimal(v);

const kucoinBtc: BorrowLimits = {
  currency: 'BTC',
  borrowEnabled: true,
  borrowMinAmount: d('0.001'),
  borrowMaxAmount: d('75'),
  borrowMinUnit: d('0.0001'),
  precision: 8,
};

const bitmartBtc: BorrowLimits = {
  currency: 'BTC',
  symbol: 'BTC_USDT',
  currencies: ['BTC', 'USDT'],
  borrowEnabled: true,
  borrowMinAmount: d('0.0001'),
  borrowMaxAmount: d('10'),
  borrowableAmount: d('2.5'),
  precision: 8,
};

const cross = (amountText: string, extra: Partial<LoanDraftInput> = {}): LoanDraftInput => ({
  action: 'borrow',
  marginMode: 'cross',
  currency: 'BTC',
  amountText,
  limits: kucoinBtc,
  ...extra,
});

const isolated = (amountText: string, extra: Partial<LoanDraftInput> = {}): LoanDraftInput => ({
  action: 'borrow',
  marginMode: 'isolated',
  symbol: 'BTC_USDT',
  currency: 'BTC',
  amountText,
  limits: bitmartBtc,
  ...extra,
});

const rule = (input: LoanDraftInput) => {
  const draft = checkLoanDraft(input);
  return draft.ok ? 'ok' : `${draft.violation.field}:${draft.violation.rule}${draft.violation.limit === undefined ? '' : `:${draft.violation.limit}`}`;
};

describe('loan-draft: the checks before a loan is sent', () => {
  it('accepts a valid borrow and sends the exact plain decimal', () => {
    const draft = checkLoanDraft(cross('0.5000', { timeInForce: 'FOK' }));
    expect(draft.ok).to.equal(true);
    if (!draft.ok) return;
    expect(draft.request).to.deep.equal({ currency: 'BTC', amount: '0.5', timeInForce: 'FOK' });
    expect(draft.amount.toString()).to.equal('0.5');
  });

  it('amount: required, a number, > 0', () => {
    expect(rule(cross(''))).to.equal('amount:required');
    expect(rule(cross('   '))).to.equal('amount:required');
    expect(rule(cross('abc'))).to.equal('amount:not-a-number');
    expect(rule(cross('1,5'))).to.equal('amount:not-a-number');
    expect(rule(cross('1e3'))).to.equal('amount:not-a-number');
    expect(rule(cross('-1'))).to.equal('amount:negative');
    expect(rule(cross('Infinity'))).to.equal('amount:non-finite');
    expect(rule(cross('0'))).to.equal('amount:positive');
    expect(rule(cross('0.0000'))).to.equal('amount:positive');
  });

  it('borrow: within the precision, a multiple of borrowMinUnit, min and max inclusive', () => {
    expect(rule(cross('0.000000001'))).to.equal('amount:decimals:8');
    expect(rule(cross('0.00015'))).to.equal('amount:step:0.0001');
    expect(rule(cross('0.0009'))).to.equal('amount:min:0.001');
    expect(rule(cross('0.001'))).to.equal('ok');
    expect(rule(cross('75'))).to.equal('ok');
    expect(rule(cross('75.0001'))).to.equal('amount:max:75');
  });

  it('borrow: at most what is borrowable now (BitMart), 8 decimals', () => {
    expect(rule(isolated('2.5'))).to.equal('ok');
    expect(rule(isolated('2.50000001'))).to.equal('amount:borrowable:2.5');
    expect(rule(isolated('11'))).to.equal('amount:max:10');
    expect(rule(isolated('0.00009'))).to.equal('amount:min:0.0001');
    expect(rule(isolated('0.000000001'))).to.equal('amount:decimals:8');
  });

  it('isolated: the currency must belong to the pair, and the pair is required', () => {
    expect(rule(isolated('1', { currency: 'ETH', limits: { ...bitmartBtc, currency: 'ETH', borrowEnabled: false } }))).to.equal(
      'currency:not-in-symbol:BTC_USDT',
    );
    // without limits, the pair's spelling says which currencies it has
    expect(rule(isolated('1', { currency: 'ETH', symbol: 'BTC-USDT', limits: undefined }))).to.equal('currency:not-in-symbol:BTC-USDT');
    expect(rule(isolated('1', { symbol: undefined }))).to.equal('symbol:required');
    expect(rule(cross('1', { currency: '' }))).to.equal('currency:required');
  });

  it('refuses without limits, or with limits of another currency or pair', () => {
    expect(rule(cross('1', { limits: undefined }))).to.equal('currency:no-limits');
    expect(rule(cross('1', { currency: 'ETH' }))).to.equal('currency:no-limits');
    expect(rule(isolated('1', { symbol: 'BTC-USDT', limits: { ...bitmartBtc, currencies: ['BTC', 'USDT'] } }))).to.equal('currency:no-limits');
  });

  it('borrowing disabled refuses a borrow (with the venue reason) but not a repay', () => {
    const off = { ...kucoinBtc, borrowEnabled: false, disabledReason: 'LUNC-USDT is not enabled' };
    expect(rule(cross('1', { limits: off }))).to.equal('currency:borrow-disabled:LUNC-USDT is not enabled');
    expect(rule(cross('1', { limits: off, action: 'repay' }))).to.equal('ok');
  });

  it('repay: > 0 and within the precision, not held to the borrow bounds', () => {
    expect(rule(cross('0.00015', { action: 'repay' }))).to.equal('ok');
    expect(rule(cross('100', { action: 'repay' }))).to.equal('ok');
    expect(rule(cross('0.000000001', { action: 'repay' }))).to.equal('amount:decimals:8');
    expect(rule(cross('0', { action: 'repay' }))).to.equal('amount:positive');
    const draft = checkLoanDraft(cross('1', { action: 'repay', timeInForce: 'FOK' }));
    // timeInForce is a borrow parameter only
    expect(draft.ok && draft.request).to.deep.equal({ currency: 'BTC', amount: '1' });
  });

  it('isolated requests carry the pair', () => {
    const draft = checkLoanDraft(isolated('1.00000000'));
    expect(draft.ok && draft.request).to.deep.equal({ currency: 'BTC', symbol: 'BTC_USDT', amount: '1' });
  });

  it('words each loan rule for a trader', () => {
    expect(describeLoanViolation({ field: 'amount', rule: 'borrowable', limit: '2.5' }, (l) => `<${l}>`)).to.equal('At most <2.5> can be borrowed now');
    expect(describeLoanViolation({ field: 'currency', rule: 'not-in-symbol', limit: 'BTC-USDT' })).to.equal('Not a currency of BTC-USDT');
    expect(describeLoanViolation({ field: 'amount', rule: 'step', limit: '0.0001' }, (l) => `<${l}>`)).to.equal('Must be a multiple of <0.0001>');
    expect(describeLoanViolation({ field: 'currency', rule: 'borrow-disabled' })).to.equal('Borrowing is disabled for this currency');
  });

  it('symbolCurrencies reads both spellings', () => {
    expect(symbolCurrencies('BTC-USDT')).to.deep.equal(['BTC', 'USDT']);
    expect(symbolCurrencies('ETH_USDT')).to.deep.equal(['ETH', 'USDT']);
    expect(symbolCurrencies('BTCUSDT')).to.deep.equal([]);
    expect(symbolCurrencies(undefined)).to.deep.equal([]);
  });

  it('borrowCeiling is the least of max and borrowable', () => {
    expect(borrowCeiling(bitmartBtc)?.toString()).to.equal('2.5');
    expect(borrowCeiling(kucoinBtc)?.toString()).to.equal('75');
    expect(borrowCeiling({ currency: 'X', borrowEnabled: true })).to.equal(undefined);
  });
});

/** A positive decimal string with up to `scale` fraction digits. */
const decimalText = (maxUnits: bigint, scale: number) =>
  fc.bigInt({ min: 0n, max: maxUnits }).map((units) => {
    const digits = units.toString().padStart(scale + 1, '0');
    return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  });

const limitsArb = fc
  .record({
    unitExp: fc.integer({ min: 0, max: 8 }),
    unitMantissa: fc.constantFrom(1, 5, 10),
    minUnits: fc.integer({ min: 1, max: 50 }),
    maxUnits: fc.integer({ min: 50, max: 100_000 }),
    borrowableUnits: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
    precision: fc.integer({ min: 0, max: 10 }),
  })
  .map(({ unitExp, unitMantissa, minUnits, maxUnits, borrowableUnits, precision }) => {
    const unit = d(String(unitMantissa)).div(d('10').pow(unitExp));
    const limits: BorrowLimits = {
      currency: 'BTC',
      borrowEnabled: true,
      borrowMinUnit: unit,
      borrowMinAmount: unit.mul(minUnits),
      borrowMaxAmount: unit.mul(maxUnits),
      borrowableAmount: borrowableUnits === undefined ? undefined : unit.mul(borrowableUnits),
      precision: Math.max(precision, unit.decimalPlaces()),
    };
    return limits;
  });

describe('loan-draft properties', () => {
  it('an accepted borrow satisfies every rule, and its string is the typed value exactly', () => {
    fc.assert(
      fc.property(limitsArb, decimalText(10_000_000_000n, 10), (limits, text) => {
        const draft = checkLoanDraft({ action: 'borrow', marginMode: 'cross', currency: 'BTC', amountText: text, limits });
        if (!draft.ok) return;
        const a = draft.amount;
        expect(a.gt(0)).to.equal(true);
        expect(a.mod(limits.borrowMinUnit!).isZero()).to.equal(true);
        expect(a.gte(limits.borrowMinAmount!)).to.equal(true);
        expect(a.lte(limits.borrowMaxAmount!)).to.equal(true);
        if (limits.borrowableAmount) expect(a.lte(limits.borrowableAmount)).to.equal(true);
        expect(a.decimalPlaces() <= limits.precision!).to.equal(true);
        expect(d(draft.request.amount).eq(d(text))).to.equal(true);
        expect(draft.request.amount).not.to.match(/e/i);
      }),
      { numRuns: 500 },
    );
  });

  it('every whole multiple of the unit within [min, ceiling] is accepted', () => {
    fc.assert(
      fc.property(limitsArb, fc.double({ min: 0, max: 1, noNaN: true }), (limits, at) => {
        const unit = limits.borrowMinUnit!;
        const ceiling = borrowCeiling(limits)!;
        const lo = limits.borrowMinAmount!.div(unit);
        const hi = ceiling.div(unit).floor();
        fc.pre(hi.gte(lo));
        const k = lo.plus(hi.minus(lo).mul(d(at.toFixed(6))).floor());
        const amount = k.mul(unit);
        const draft = checkLoanDraft({ action: 'borrow', marginMode: 'cross', currency: 'BTC', amountText: amount.toString(), limits });
        expect(draft.ok, `${amount} in ${limits.borrowMinAmount}..${ceiling}`).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });

  it('off-step, below-min and above-ceiling amounts are refused, each with its own rule', () => {
    fc.assert(
      fc.property(limitsArb, (limits) => {
        const unit = limits.borrowMinUnit!;
        const base = { action: 'borrow' as const, marginMode: 'cross' as const, currency: 'BTC', limits };
        const ceiling = borrowCeiling(limits)!;
        const offStep = limits.borrowMinAmount!.plus(unit.div(2));
        const offDraft = checkLoanDraft({ ...base, amountText: offStep.toString() });
        expect(offDraft.ok).to.equal(false);
        if (!offDraft.ok) expect(['step', 'decimals']).to.include(offDraft.violation.rule);
        const below = limits.borrowMinAmount!.minus(unit);
        if (below.gt(0)) {
          const r = checkLoanDraft({ ...base, amountText: below.toString() });
          expect(!r.ok && r.violation.rule).to.equal('min');
        }
        const above = Decimal.max(ceiling, limits.borrowMinAmount!).plus(unit);
        const r = checkLoanDraft({ ...base, amountText: above.toString() });
        expect(!r.ok && ['max', 'borrowable'].includes(r.violation.rule)).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a borrow is never accepted while borrowing is disabled; a repay is not held to borrow bounds', () => {
    fc.assert(
      fc.property(limitsArb, decimalText(10_000_000n, 4), (limits, text) => {
        const off = checkLoanDraft({ action: 'borrow', marginMode: 'cross', currency: 'BTC', amountText: text, limits: { ...limits, borrowEnabled: false } });
        expect(off.ok).to.equal(false);
        const repay = checkLoanDraft({ action: 'repay', marginMode: 'cross', currency: 'BTC', amountText: text, limits: { ...limits, borrowEnabled: false } });
        const positive = d(text).gt(0);
        const fits = d(text).decimalPlaces() <= limits.precision!;
        expect(repay.ok).to.equal(positive && fits);
      }),
      { numRuns: 300 },
    );
  });

  it('isolated: a currency outside the pair is always refused', () => {
    fc.assert(
      fc.property(fc.constantFrom('ETH', 'SOL', 'BTCX', 'USD'), fc.constantFrom('borrow', 'repay') as fc.Arbitrary<'borrow' | 'repay'>, (currency, action) => {
        const r = checkLoanDraft({ action, marginMode: 'isolated', symbol: 'BTC_USDT', currency, amountText: '1', limits: { ...bitmartBtc, currency } });
        expect(!r.ok && r.violation.rule).to.equal('not-in-symbol');
      }),
    );
  });
});
