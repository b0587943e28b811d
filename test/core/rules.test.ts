import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Decimal } from '../../src/core/decimal.js';
import {
  checkAmount,
  checkDecimalPlaces,
  checkMax,
  checkMin,
  checkStep,
  roundDownToStep,
  roundToTick,
} from '../../src/core/rules.js';

const d = (v: string) => new Decimal(v);

/** A positive decimal with up to `scale` fraction digits, as an exact string. */
const decimalString = (maxUnits: bigint, scale: number) =>
  fc.bigInt({ min: 1n, max: maxUnits }).map((units) => {
    const digits = units.toString().padStart(scale + 1, '0');
    return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  });

const increments = fc.constantFrom('0.00000001', '0.0001', '0.01', '0.5', '1', '10', '0.00001000', '0.025');

describe('rules', () => {
  it('checkStep: multiples of priceIncrement pass, others name the increment', () => {
    expect(checkStep('price', d('3000.01'), d('0.01'))).to.equal(null);
    expect(checkStep('price', d('3000.001'), d('0.01'))).to.deep.equal({ field: 'price', rule: 'step', limit: '0.01' });
    // the doc's example: ETH-USDT baseIncrement 0.0000001 allows 1.0000001, not 1.00000001
    expect(checkStep('size', d('1.0000001'), d('0.0000001'))).to.equal(null);
    expect(checkStep('size', d('1.00000001'), d('0.0000001'))?.rule).to.equal('step');
    // venues pad increments with zeros: "0.00001000" is 0.00001
    expect(checkStep('size', d('0.00002'), d('0.00001000'))).to.equal(null);
    expect(checkStep('size', d('1.25'), d('0.5'))?.limit).to.equal('0.5');
  });

  it('checkMin / checkMax are inclusive', () => {
    expect(checkMin('size', d('0.1'), d('0.1'))).to.equal(null);
    expect(checkMin('size', d('0.09999999'), d('0.1'))).to.deep.equal({ field: 'size', rule: 'min', limit: '0.1' });
    expect(checkMax('size', d('100'), d('100'))).to.equal(null);
    expect(checkMax('size', d('100.00000001'), d('100'))).to.deep.equal({ field: 'size', rule: 'max', limit: '100' });
  });

  it('checkDecimalPlaces: BitMart 8, trailing zeros do not count', () => {
    expect(checkDecimalPlaces('amount', d('0.12345678'), 8)).to.equal(null);
    expect(checkDecimalPlaces('amount', d('0.123456780'), 8)).to.equal(null);
    expect(checkDecimalPlaces('amount', d('0.123456789'), 8)).to.deep.equal({ field: 'amount', rule: 'decimals', limit: '8' });
  });

  it('checkAmount reports the first broken rule in a fixed order', () => {
    const rules = { required: true, increment: d('0.01'), min: d('1'), max: d('100'), maxDecimals: 2 };
    const rule = (text: string) => {
      const result = checkAmount('size', text, rules);
      return result.ok ? 'ok' : result.violation.rule;
    };
    expect(rule('')).to.equal('required');
    expect(rule('abc')).to.equal('not-a-number');
    expect(rule('-5')).to.equal('negative');
    expect(rule('0')).to.equal('positive');
    expect(rule('1.234')).to.equal('decimals');
    expect(rule('0.5')).to.equal('min');
    expect(rule('100.01')).to.equal('max');
    expect(rule('42.42')).to.equal('ok');
    expect(checkAmount('size', '', {})).to.deep.equal({ ok: true, value: undefined });
    expect(checkAmount('rate', '0', { allowZero: true }).ok).to.equal(true);
  });

  it('checkAmount returns the exact decimal typed', () => {
    const result = checkAmount('price', '123456789.123456789', { increment: d('0.000000001') });
    expect(result.ok && result.value?.toString()).to.equal('123456789.123456789');
  });

  it('roundDownToStep never rounds up and lands on a multiple (property)', () => {
    fc.assert(
      fc.property(decimalString(10n ** 20n, 12), increments, (value, step) => {
        const rounded = roundDownToStep(d(value), d(step));
        return (
          rounded.lte(d(value)) &&
          d(value).minus(rounded).lt(d(step)) &&
          checkStep('size', rounded, d(step)) === null
        );
      }),
    );
  });

  it('roundToTick snaps to the nearest, up or down multiple (property)', () => {
    fc.assert(
      fc.property(decimalString(10n ** 18n, 10), increments, (value, tick) => {
        const v = d(value);
        const t = d(tick);
        const down = roundToTick(v, t, 'down');
        const up = roundToTick(v, t, 'up');
        const nearest = roundToTick(v, t);
        const onGrid = [down, up, nearest].every((x) => x.mod(t).isZero());
        const bracket = down.lte(v) && up.gte(v) && up.minus(down).lte(t);
        const closest = nearest.minus(v).abs().lte(t.div(2));
        return onGrid && bracket && closest;
      }),
    );
  });

  it('roundToTick examples', () => {
    expect(roundToTick(d('3000.005'), d('0.01')).toString()).to.equal('3000.01');
    expect(roundToTick(d('3000.0049'), d('0.01')).toString()).to.equal('3000');
    expect(roundToTick(d('3000.001'), d('0.01'), 'up').toString()).to.equal('3000.01');
    expect(roundToTick(d('7'), d('0'), 'up').toString()).to.equal('7');
  });

  it('a value on the grid passes every check it should (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), increments, (multiple, step) => {
        const value = d(step).mul(multiple.toString());
        const result = checkAmount('size', value.toString(), { increment: d(step), min: d(step) });
        return result.ok && result.value !== undefined && result.value.eq(value);
      }),
    );
  });

  it('a value off the grid always fails the step rule (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), increments, fc.integer({ min: 1, max: 9 }), (multiple, step, nudge) => {
        const value = d(step).mul(multiple.toString()).plus(d(step).div(10).mul(nudge));
        const result = checkAmount('size', value.toString(), { increment: d(step) });
        return !result.ok && result.violation.rule === 'step' && result.violation.limit === d(step).toString();
      }),
    );
  });
});
