import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { compareDecimals, Decimal, parseUserDecimal, parseVenueDecimal, toPlainString } from '../../src/core/decimal.js';

describe('parseUserDecimal', () => {
  it('parses plain decimals exactly, never through a float', () => {
    const result = parseUserDecimal('0.1');
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.value.plus('0.2').toString()).to.equal('0.3');
    const big = parseUserDecimal('123456789012345678901234567890.123456789');
    expect(big.ok && big.value.toString()).to.equal('123456789012345678901234567890.123456789');
  });

  it('accepts a leading or trailing point and surrounding spaces', () => {
    for (const [text, want] of [['.5', '0.5'], ['5.', '5'], [' 42 ', '42'], ['+3', '3'], ['007.10', '7.1']]) {
      const result = parseUserDecimal(text!);
      expect(result.ok && result.value.toString(), text).to.equal(want);
    }
  });

  it('gives a typed reason for each kind of bad input', () => {
    const reasons = Object.fromEntries(
      ['', '   ', 'abc', '1,5', '1.2.3', '1e5', '-1', 'Infinity', 'NaN', '0x10', '--1'].map((text) => {
        const result = parseUserDecimal(text);
        return [text, result.ok ? 'ok' : result.reason];
      }),
    );
    expect(reasons).to.deep.equal({
      '': 'empty',
      '   ': 'empty',
      abc: 'not-a-number',
      '1,5': 'not-a-number',
      '1.2.3': 'not-a-number',
      '1e5': 'not-a-number',
      '-1': 'negative',
      Infinity: 'non-finite',
      NaN: 'non-finite',
      '0x10': 'not-a-number',
      '--1': 'not-a-number',
    });
  });

  it('refuses more fraction digits than allowed (BitMart: 8)', () => {
    expect(parseUserDecimal('0.123456789', { maxDecimals: 8 })).to.deep.equal({ ok: false, reason: 'too-many-decimals' });
    expect(parseUserDecimal('0.12345678', { maxDecimals: 8 }).ok).to.equal(true);
    // trailing zeros are not extra precision
    expect(parseUserDecimal('0.123456780000', { maxDecimals: 8 }).ok).to.equal(true);
  });

  it('allows negatives only when asked', () => {
    const result = parseUserDecimal('-2.5', { allowNegative: true });
    expect(result.ok && result.value.toString()).to.equal('-2.5');
    expect(parseUserDecimal('-0').ok).to.equal(true);
  });

  it('round-trips every decimal string it accepts (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 18 }), (units, scale) => {
        const digits = units.toString().padStart(scale + 1, '0');
        const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
        const result = parseUserDecimal(text);
        return result.ok && result.value.eq(new Decimal(text)) && result.value.decimalPlaces() <= scale;
      }),
    );
  });

  it('never accepts text with letters other than a valid number (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseUserDecimal(text);
        return !result.ok || /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(text);
      }),
    );
  });
});

describe('parseVenueDecimal', () => {
  it('reads the forms venues send: padded strings, numbers, exponents', () => {
    const cases: Array<[unknown, string]> = [
      ['0.00001000', '0.00001'],
      [50000.12, '50000.12'],
      ['1E-8', '0.00000001'],
      ['2.5e+3', '2500'],
      [1e-7, '0.0000001'],
      ['1000.00000000', '1000'],
    ];
    for (const [input, want] of cases) {
      const result = parseVenueDecimal(input);
      expect(result.ok && toPlainString(result.value), String(input)).to.equal(want);
    }
  });

  it('rejects what is not an amount', () => {
    for (const input of [null, undefined, true, {}, '', 'abc', Number.NaN, Number.POSITIVE_INFINITY, '1,0']) {
      expect(parseVenueDecimal(input).ok, String(input)).to.equal(false);
    }
  });

  it('prints huge and tiny values without exponent notation', () => {
    expect(toPlainString(new Decimal('1e-30'))).to.equal('0.000000000000000000000000000001');
    expect(toPlainString(new Decimal('1e30'))).to.equal('1000000000000000000000000000000');
    expect(toPlainString(new Decimal('-0'))).to.equal('0');
  });
});

describe('compareDecimals', () => {
  it('orders as Decimal#cmp does, without copying', () => {
    const cases: [string, string, number][] = [
      ['1', '1.0', 0], ['67250.4', '67250.41', -1], ['-2', '-3', 1], ['0', '-0', 0], ['0', '0.00000001', -1],
      ['12345678.9', '1234567.89', 1], ['-0.5', '0.5', -1], ['100', '1e2', 0], ['1e-30', '2e-30', -1],
      // one's digits a prefix of the other's: decided by length, in the sign's direction
      ['1.5', '1.50000001', -1], ['-1.5', '-1.50000001', 1], ['-1.50000001', '-1.5', -1],
    ];
    for (const [a, b, order] of cases) expect(compareDecimals(new Decimal(a), new Decimal(b)), `${a} vs ${b}`).to.equal(order);
    expect(compareDecimals(new Decimal(Infinity), new Decimal('1e80'))).to.equal(1);
    expect(Number.isNaN(compareDecimals(new Decimal(NaN), new Decimal(1)))).to.equal(true);
    const decimal = fc
      .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: -20, max: 40 }))
      .map(([digits, scale]) => new Decimal(`${digits}e${-scale}`));
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        expect(compareDecimals(a, b), `${a.toString()} vs ${b.toString()}`).to.equal(a.cmp(b));
        expect(compareDecimals(a, a.plus(0))).to.equal(0);
        const longer = a.plus(a.abs().mul('1e-25'));
        expect(compareDecimals(a, longer)).to.equal(a.cmp(longer));
        expect(compareDecimals(longer, a)).to.equal(longer.cmp(a));
      }),
      { numRuns: 3000 },
    );
  });
});
