import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Decimal } from '../../../src/core/decimal.js';
import { changeUnits, roundedChangeText } from '../../../src/elements/mark-price-ticker/ticker-change.js';
import { TickerModel, type TickerRow } from '../../../src/elements/mark-price-ticker/ticker-model.js';
import { formatChange, TickerViews } from '../../../src/elements/mark-price-ticker/ticker-view.js';
import { changeSinceStart } from './reference.js';

const row = (value: string, baseline: string): TickerRow => ({
  symbol: 'X-USDT',
  value: new Decimal(value).toString(),
  baseline: new Decimal(baseline).toString(),
  direction: 'up',
  moves: 1,
});

/** The Decimal definition, in units of 1e-8. */
const reference = (value: string, baseline: string) => changeSinceStart(row(value, baseline))?.mul(1e8).toFixed(0);

/** Prices as venues send them: up to 12 significant digits, 0 to 10 decimals, sometimes negative (a spread). */
const price = fc
  .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 10 }))
  .map(([units, scale]) => new Decimal(units.toString()).div(new Decimal(10).pow(scale)).toString());

describe('ticker change (integer arithmetic)', () => {
  it('gives the Decimal change: a 12-digit quotient, then 8 decimals, half-even both', () => {
    expect(changeUnits('101', '100')).to.equal(1_000_000n);
    expect(changeUnits('99.5', '100')).to.equal(-500_000n);
    expect(changeUnits('100', '100')).to.equal(0n);
    expect(changeUnits('5', '0')).to.equal(undefined);
    // 1/3 at 12 digits then 8 decimals; 2/3 rounds up
    expect(changeUnits('4', '3')).to.equal(33_333_333n);
    expect(changeUnits('5', '3')).to.equal(66_666_667n);
    // a ratio of many digits: 12 significant ones, not 8 decimals of the exact value
    expect(changeUnits('123456789012', '0.000001')).to.equal(BigInt(reference('123456789012', '0.000001')!));
    expect(changeUnits('1e-90', '1')).to.equal(undefined); // exponent notation: not a canonical text
    fc.assert(
      fc.property(price, price, (value, baseline) => {
        const expected = reference(value, baseline);
        expect(changeUnits(value, baseline), `${value} from ${baseline}`).to.equal(expected === undefined ? undefined : BigInt(expected));
      }),
      { numRuns: 3000 },
    );
  });

  it('rounds to the shown decimals half away from zero, as Intl does', () => {
    expect(roundedChangeText(1_234_567n, 4)).to.equal('0.0123');
    expect(roundedChangeText(1_235_000n, 4)).to.equal('0.0124');
    expect(roundedChangeText(-1_235_000n, 4)).to.equal('-0.0124');
    expect(roundedChangeText(-4_999n, 4)).to.equal('0');
    expect(roundedChangeText(-5_000n, 4)).to.equal('-0.0001');
    expect(roundedChangeText(250_000_000n, 4)).to.equal('2.5000');
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n }), fc.constantFrom('en-US', 'de-DE', 'ar-EG', 'hi-IN'), (units, locale) => {
        const change = new Decimal(units.toString()).div(1e8);
        const viaText = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
        expect(viaText.format(roundedChangeText(units, 4) as unknown as number)).to.equal(formatChange(change.toString(), locale));
      }),
      { numRuns: 1000 },
    );
  });

  it('views show the same change text and sign as the Decimal definition', () => {
    fc.assert(
      fc.property(price, price, fc.constantFrom('en-US', 'de-DE', 'fr-FR'), (value, baseline, locale) => {
        const r = row(value, baseline);
        const [view] = new TickerViews().views([r], locale, new Map());
        const change = changeSinceStart(r);
        expect(view!.changeText).to.equal(change === undefined ? '' : formatChange(change.toString(), locale));
        expect(view!.changeSign).to.equal(change === undefined || change.isZero() ? 'flat' : change.isNegative() ? 'down' : 'up');
      }),
      { numRuns: 1000 },
    );
  });

  it('a random walk shows the Decimal change at every step (texts reused between equal neighbours)', () => {
    const walk = fc.record({
      start: fc.integer({ min: 1, max: 10 ** 9 }),
      scale: fc.integer({ min: 0, max: 9 }),
      steps: fc.array(fc.integer({ min: -60_000, max: 60_000 }), { minLength: 1, maxLength: 60 }),
    });
    fc.assert(
      fc.property(walk, fc.constantFrom('en-US', 'de-DE'), ({ start, scale, steps }, locale) => {
        const model = new TickerModel();
        const views = new TickerViews();
        const info = new Map(); // one map: a new one would start the views afresh
        const at = (units: number) => new Decimal(units).div(new Decimal(10).pow(scale)).toString();
        let units = start;
        model.ingest([{ symbol: 'X-USDT', value: at(units), timePoint: 0 }], true);
        views.views(model.select([]).rows, locale, info);
        for (const step of steps) {
          units += step;
          model.ingest([{ symbol: 'X-USDT', value: at(units), timePoint: 0 }], true);
          const [r] = model.select([]).rows;
          const [view] = views.views([r!], locale, info);
          const change = changeSinceStart(r!);
          expect(view!.changeText, `${r!.value.toString()} from ${r!.baseline.toString()}`).to.equal(change === undefined ? '' : formatChange(change.toString(), locale));
          expect(view!.changeSign).to.equal(change === undefined || change.isZero() ? 'flat' : change.isNegative() ? 'down' : 'up');
        }
      }),
      { numRuns: 300 },
    );
  });
});
