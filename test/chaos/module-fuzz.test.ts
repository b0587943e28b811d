/**
 * Issue 9, the pure-module half of the numeric fuzzing: the order draft and the loan draft have
 * their properties beside them (test/elements/order-ticket/order-draft.test.ts,
 * test/elements/borrow-repay/loan-draft.test.ts); these add the lending rules (purchase size and
 * rate, rate change, redeem size), leverage and the ticker's poll interval, over arbitrary venue
 * rules and arbitrary text.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { LoanMarket } from '../../src/client/kucoin/lending.js';
import { Decimal } from '../../src/core/decimal.js';
import { checkModify, checkPurchase, checkRedeem } from '../../src/elements/lending-market/lending-rules.js';
import { clampPollInterval } from '../../src/elements/mark-price-ticker/ticker-model.js';
import { checkLeverage } from '../../src/elements/order-ticket/order-draft.js';

const STEPS = ['1', '0.1', '0.01', '0.0001', '0.00000001', '0.5', '10'];

const marketArb: fc.Arbitrary<LoanMarket> = fc
  .record({
    increment: fc.constantFrom(...STEPS),
    minSteps: fc.integer({ min: 1, max: 100 }),
    maxSteps: fc.integer({ min: 100, max: 10_000_000 }),
    rateStep: fc.constantFrom('0.0001', '0.00001', '0.001'),
    minRateSteps: fc.integer({ min: 1, max: 100 }),
    maxRateSteps: fc.integer({ min: 100, max: 10_000 }),
  })
  .map((r) => ({
    currency: 'AAA',
    purchaseEnable: true,
    redeemEnable: true,
    increment: new Decimal(r.increment),
    minPurchaseSize: new Decimal(r.increment).mul(r.minSteps),
    maxPurchaseSize: new Decimal(r.increment).mul(r.maxSteps),
    interestIncrement: new Decimal(r.rateStep),
    minInterestRate: new Decimal(r.rateStep).mul(r.minRateSteps),
    maxInterestRate: new Decimal(r.rateStep).mul(r.maxRateSteps),
  }));

/** Decimals as typed, around the interesting range, plus junk. */
const typedArb = fc.oneof(
  fc.constantFrom('', ' ', '0', '-1', '1,5', '1e3', 'NaN', 'Infinity', '.', '+2', '.5', '5.', ' 7 ', '00012.50', 'abc', '1..2'),
  fc.bigInt({ min: 0n, max: 10n ** 12n }).chain((units) =>
    fc.integer({ min: 0, max: 10 }).map((scale) => new Decimal(units.toString()).div(new Decimal(10).pow(scale)).toFixed(scale)),
  ),
);

/** Text near a market's grid: multiples of `step` (times `scale`) around the bounds, or anything. */
function nearGrid(step: Decimal, scale = 1): fc.Arbitrary<string> {
  return fc.oneof(
    typedArb,
    fc.integer({ min: 0, max: 10_000_005 }).map((k) => step.mul(k).mul(scale).toFixed()),
    fc.integer({ min: 0, max: 200 }).map((k) => step.mul(k).mul(scale).toFixed()),
  );
}

/** A market and the two texts typed into its form. */
const formArb = marketArb.chain((market) => fc.tuple(fc.constant(market), nearGrid(market.increment!), nearGrid(market.interestIncrement, 100)));

const multipleOf = (value: string, step: Decimal) => new Decimal(value).mod(step).isZero();
/** What the venue receives: a plain decimal, no exponent, sign or trailing zeros. */
const PLAIN = /^\d+(\.\d*[1-9])?$/;

describe('pure-module fuzz: lending rules, leverage, poll interval', () => {
  it('lend: an accepted size and rate obey every rule, and are the values typed (the rate as the fraction)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(formArb, ([market, sizeText, rateText]) => {
        const check = checkPurchase(market, sizeText, rateText);
        if (!check.ok) {
          expect(check.violations.size ?? check.violations.interestRate, 'a refusal names its field').to.exist;
          return;
        }
        accepted += 1;
        const { size, interestRate } = check.params;
        expect(size).to.match(PLAIN);
        expect(interestRate).to.match(PLAIN);
        expect(new Decimal(size).eq(sizeText.trim())).to.equal(true);
        expect(new Decimal(interestRate).eq(new Decimal(rateText.trim()).div(100))).to.equal(true);
        expect(multipleOf(size, market.increment!)).to.equal(true);
        expect(new Decimal(size).gte(market.minPurchaseSize!) && new Decimal(size).lte(market.maxPurchaseSize!)).to.equal(true);
        expect(multipleOf(interestRate, market.interestIncrement)).to.equal(true);
        expect(new Decimal(interestRate).gte(market.minInterestRate!) && new Decimal(interestRate).lte(market.maxInterestRate!)).to.equal(true);
      }),
      { numRuns: 2000, seed: 921 },
    );
    expect(accepted, 'hardly any purchase was accepted: the property says little').to.be.greaterThan(50);
  });

  it('lend: each field is refused on its own, with the other valid', () => {
    fc.assert(
      fc.property(marketArb, typedArb, (market, text) => {
        const validSize = market.minPurchaseSize!.toFixed();
        const validRate = market.minInterestRate!.mul(100).toFixed();
        const bySize = checkPurchase(market, text, validRate);
        const byRate = checkPurchase(market, validSize, text);
        if (!bySize.ok) expect(Object.keys(bySize.violations).filter((k) => bySize.violations[k as 'size']), text).to.deep.equal(['size']);
        if (!byRate.ok) expect(Object.keys(byRate.violations).filter((k) => byRate.violations[k as 'size']), text).to.deep.equal(['interestRate']);
      }),
      { numRuns: 1000, seed: 922 },
    );
  });

  it('change rate and redeem: accepted values obey the rules and are the values typed', () => {
    let accepted = 0;
    fc.assert(
      fc.property(formArb, fc.integer({ min: 0, max: 1_000_000 }), ([market, text, rateText], holdingSteps) => {
        const modify = checkModify(market, 'po-1', rateText);
        if (modify.ok) {
          expect(new Decimal(modify.params.interestRate).eq(new Decimal(rateText.trim()).div(100))).to.equal(true);
          expect(multipleOf(modify.params.interestRate, market.interestIncrement)).to.equal(true);
        } else {
          expect(modify.violations.interestRate).to.exist;
        }
        const holding = market.increment!.mul(holdingSteps);
        const redeem = checkRedeem(market, 'po-1', holding, text);
        if (redeem.ok) {
          accepted += 1;
          expect(redeem.params.size).to.match(PLAIN);
          expect(new Decimal(redeem.params.size).eq(text.trim())).to.equal(true);
          expect(new Decimal(redeem.params.size).gt(0) && new Decimal(redeem.params.size).lte(holding)).to.equal(true);
          expect(multipleOf(redeem.params.size, market.increment!)).to.equal(true);
        } else {
          expect(redeem.violations.size).to.exist;
        }
      }),
      { numRuns: 2000, seed: 923 },
    );
    expect(accepted, 'hardly any redeem was accepted').to.be.greaterThan(50);
  });

  it('leverage: accepted means above 1, at most two decimals, at most the maximum, and the value typed', () => {
    let accepted = 0;
    fc.assert(
      fc.property(typedArb, fc.option(fc.integer({ min: 2, max: 100 }), { nil: undefined }), (text, max) => {
        const check = checkLeverage(text, max);
        if (!check.ok) {
          expect(check.violation.field).to.equal('leverage');
          return;
        }
        accepted += 1;
        expect(check.text).to.match(PLAIN);
        expect(check.value.eq(text.trim())).to.equal(true);
        expect(check.value.gt(1) && check.value.decimalPlaces() <= 2).to.equal(true);
        if (max !== undefined) expect(check.value.lte(max)).to.equal(true);
      }),
      { numRuns: 2000, seed: 924 },
    );
    expect(accepted, 'hardly any leverage was accepted').to.be.greaterThan(50);
  });

  it('poll interval: never below 1 s, whole milliseconds, the value given when it is a valid one', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer({ min: -10_000, max: 10_000_000 }), fc.constantFrom(undefined, null, NaN, Infinity, -Infinity, 0, -0)), (value) => {
        const interval = clampPollInterval(value);
        expect(Number.isInteger(interval) && interval >= 1000, String(value)).to.equal(true);
        if (typeof value === 'number' && Number.isFinite(value) && value >= 1000) expect(interval).to.equal(Math.round(value));
      }),
      { numRuns: 2000, seed: 925 },
    );
  });
});
