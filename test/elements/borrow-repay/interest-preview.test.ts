import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Decimal } from '../../../src/core/decimal.js';
import { costAtPrecision, interestPreview } from '../../../src/elements/borrow-repay/interest-preview.js';

const d = (v: string) => new Decimal(v);

const positive = (scale: number) =>
  fc.bigInt({ min: 1n, max: 10n ** 14n }).map((units) => d(units.toString()).div(d('10').pow(scale)));

describe('interest-preview', () => {
  it("BitMart: the venue's own hourly and daily rates", () => {
    // the doc's example: daily 0.05 -> hourly 0.00208334 (rounded up; BitMart charges by it)
    const p = interestPreview(d('100'), { hourlyRate: d('0.00208334'), dailyRate: d('0.05') })!;
    expect(p.perHour.toString()).to.equal('0.208334');
    expect(p.perDay.toString()).to.equal('5');
  });

  it('KuCoin: the annual market rate over 8760 hours and 365 days, exact', () => {
    const annual = d('0.0876');
    const p = interestPreview(d('2.5'), { hourlyRate: annual.div(8760), dailyRate: annual.div(365) })!;
    expect(p.perHour.toString()).to.equal('0.000025');
    expect(p.perDay.toString()).to.equal('0.0006');
  });

  it('derives the missing rate from the other', () => {
    expect(interestPreview(d('10'), { hourlyRate: d('0.0001') })!.perDay.toString()).to.equal('0.024');
    expect(interestPreview(d('10'), { dailyRate: d('0.0024') })!.perHour.toString()).to.equal('0.001');
  });

  it('nothing for no rate or an amount that is not positive', () => {
    expect(interestPreview(d('1'), {})).to.equal(undefined);
    expect(interestPreview(d('0'), { hourlyRate: d('0.1') })).to.equal(undefined);
    expect(interestPreview(d('-1'), { hourlyRate: d('0.1') })).to.equal(undefined);
  });

  it('costAtPrecision rounds up, never down', () => {
    expect(costAtPrecision(d('0.000000001'), 8).toString()).to.equal('0.00000001');
    expect(costAtPrecision(d('0.12345678'), 8).toString()).to.equal('0.12345678');
    expect(costAtPrecision(d('1.001'), 2).toString()).to.equal('1.01');
  });

  it('properties: linear in the amount, exact, 24 hours make a day when only one rate is given', () => {
    fc.assert(
      fc.property(positive(8), positive(8), positive(12), (a, b, rate) => {
        const pa = interestPreview(a, { hourlyRate: rate })!;
        const pb = interestPreview(b, { hourlyRate: rate })!;
        const sum = interestPreview(a.plus(b), { hourlyRate: rate })!;
        expect(sum.perHour.eq(pa.perHour.plus(pb.perHour))).to.equal(true);
        expect(pa.perDay.eq(pa.perHour.mul(24))).to.equal(true);
        expect(pa.perHour.eq(a.mul(rate))).to.equal(true);
        expect(pa.perHour.gt(0)).to.equal(true);
        if (a.gt(b)) expect(pa.perHour.gt(pb.perHour)).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });

  it('properties: the shown cost is the least value at that precision not below the exact cost', () => {
    fc.assert(
      fc.property(positive(10), fc.integer({ min: 0, max: 10 }), (cost, places) => {
        const shown = costAtPrecision(cost, places);
        const step = d('1').div(d('10').pow(places));
        expect(shown.gte(cost)).to.equal(true);
        expect(shown.minus(cost).lt(step)).to.equal(true);
        expect(shown.decimalPlaces() <= places).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });
});
