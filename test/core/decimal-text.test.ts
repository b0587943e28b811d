import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Decimal } from '../../src/core/decimal.js';
import { compareDecimalTexts, fractionDigits, venueDecimalText } from '../../src/core/decimal-text.js';
import { decimalsOf } from '../../src/core/format-text.js';

/** Decimals as venues send them: strings with any zeros and exponents, and JSON numbers. */
const digits = fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n });
const venueText = fc
  .tuple(digits, fc.integer({ min: -12, max: 12 }), fc.constantFrom('plain', 'padded', 'exponent', 'E+'))
  .map(([units, shift, form]) => {
    const value = new Decimal(units.toString()).mul(new Decimal(10).pow(shift));
    if (form === 'exponent') return value.toExponential();
    if (form === 'E+') return value.toExponential().toUpperCase().replace('E', 'E+').replace('E+-', 'E-').replace('E++', 'E+');
    return form === 'padded' ? value.toFixed(Math.max(0, value.decimalPlaces()) + 3) : value.toFixed();
  });

describe('exact decimal text (no Decimal)', () => {
  it('reads venue text as Decimal#toString prints it: canonical plain digits', () => {
    expect(venueDecimalText('0.00001000')).to.equal('0.00001');
    expect(venueDecimalText('1E-8')).to.equal('0.00000001');
    expect(venueDecimalText(' +2.50 ')).to.equal('2.5');
    expect(venueDecimalText('-0.000')).to.equal('0');
    expect(venueDecimalText('2.5e+3')).to.equal('2500');
    expect(venueDecimalText('.5')).to.equal('0.5');
    expect(venueDecimalText(1.432e-5)).to.equal('0.00001432');
    expect(venueDecimalText(67250.4)).to.equal('67250.4');
    expect(venueDecimalText(-0)).to.equal('0');
    for (const bad of ['', 'abc', '1,5', '1.2.3', 'NaN', 'Infinity', '1e999999', '.', '-', '1e', null, undefined, true, {}, Number.NaN, Infinity]) {
      expect(venueDecimalText(bad), String(bad)).to.equal(undefined);
    }
    fc.assert(
      fc.property(venueText, (text) => {
        expect(venueDecimalText(text), text).to.equal(new Decimal(text).toString());
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      // Prices and amounts: up to 1e15, down to 1e-30 (past MAX_DIGITS a value is refused, not printed).
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }).filter((n) => n === 0 || Math.abs(n) >= 1e-30), (n) => {
        expect(venueDecimalText(n), String(n)).to.equal(new Decimal(String(n)).toString());
      }),
      { numRuns: 3000 },
    );
  });

  it('orders canonical texts as decimal.js orders the numbers', () => {
    expect(compareDecimalTexts('12.5', '12.45')).to.equal(1);
    expect(compareDecimalTexts('12.4', '12.45')).to.equal(-1);
    expect(compareDecimalTexts('10', '9.99')).to.equal(1);
    expect(compareDecimalTexts('0.5', '1')).to.equal(-1);
    expect(compareDecimalTexts('-1.5', '-1.45')).to.equal(-1);
    expect(compareDecimalTexts('-1', '0')).to.equal(-1);
    expect(compareDecimalTexts('3.1', '3.1')).to.equal(0);
    fc.assert(
      fc.property(venueText, venueText, (a, b) => {
        const [x, y] = [venueDecimalText(a)!, venueDecimalText(b)!];
        expect(compareDecimalTexts(x, y), `${x} vs ${y}`).to.equal(new Decimal(x).cmp(new Decimal(y)));
      }),
      { numRuns: 5000 },
    );
  });

  it('counts the fraction digits an increment implies, as Decimal#decimalPlaces does', () => {
    expect([fractionDigits('0.00001'), fractionDigits('10'), decimalsOf('0.00001000'), decimalsOf('1E-8'), decimalsOf('10')]).to.deep.equal([5, 0, 5, 8, 0]);
    fc.assert(
      fc.property(venueText, (text) => {
        expect(decimalsOf(text), text).to.equal(new Decimal(text).decimalPlaces());
      }),
      { numRuns: 2000 },
    );
  });
});
