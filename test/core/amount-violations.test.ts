import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Decimal } from '../../src/core/decimal.js';
import { amountViolations, checkAbove, checkAmount } from '../../src/core/rules.js';
import { checkLoanDraft } from '../../src/elements/borrow-repay/loan-draft.js';
import { checkAmountField, checkLeverage } from '../../src/elements/order-ticket/order-draft.js';

const d = (v: string) => new Decimal(v);

describe('one violation type: amountViolations, and the drafts built on it', () => {
  it('reports every bound broken once the value parses and is positive', () => {
    const rules = { required: true, maxDecimals: 2, increment: d('0.5'), min: d('10'), max: d('5') };
    expect(amountViolations('size', '7.125', rules).violations).to.deep.equal([
      { field: 'size', rule: 'decimals', limit: '2' },
      { field: 'size', rule: 'step', limit: '0.5' },
      { field: 'size', rule: 'min', limit: '10' },
      { field: 'size', rule: 'max', limit: '5' },
    ]);
    expect(amountViolations('size', '', rules).violations).to.deep.equal([{ field: 'size', rule: 'required' }]);
    expect(amountViolations('size', 'abc', rules).violations.map((v) => v.rule)).to.have.length(1);
    expect(amountViolations('size', '0', rules).violations).to.deep.equal([{ field: 'size', rule: 'positive' }]);
    expect(amountViolations('size', '', { required: false })).to.deep.equal({ value: undefined, violations: [] });
  });

  it('checkAmount is the first of amountViolations', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{0,3}(\.[0-9]{0,4})?$/), (text) => {
        const rules = { required: true, maxDecimals: 3, increment: d('0.25'), min: d('1'), max: d('100') };
        const all = amountViolations('x', text, rules);
        const first = checkAmount('x', text, rules);
        if (all.violations.length === 0) return first.ok && first.value!.eq(all.value!);
        return !first.ok && JSON.stringify(first.violation) === JSON.stringify(all.violations[0]);
      }),
    );
  });

  it('above: a strict lower bound in place of "positive"', () => {
    expect(checkAbove('leverage', d('1'), d('1'))).to.deep.equal({ field: 'leverage', rule: 'above', limit: '1' });
    expect(checkAbove('leverage', d('1.01'), d('1'))).to.equal(null);
    expect(amountViolations('leverage', '0.5', { above: d('1'), maxDecimals: 2 }).violations).to.deep.equal([
      { field: 'leverage', rule: 'above', limit: '1' },
    ]);
  });

  it('the order ticket and the loan draft word the same input the core way', () => {
    expect(checkAmountField('price', '0.123', { required: true, increment: d('0.01') }).violations).to.deep.equal([
      { field: 'price', rule: 'step', limit: '0.01' },
    ]);
    expect(checkLeverage('1', 10)).to.deep.equal({ ok: false, violation: { field: 'leverage', rule: 'above', limit: '1' } });
    expect(checkLeverage('3.333', 10)).to.deep.equal({ ok: false, violation: { field: 'leverage', rule: 'decimals', limit: '2' } });
    expect(checkLeverage('11', 10)).to.deep.equal({ ok: false, violation: { field: 'leverage', rule: 'max', limit: '10' } });
    const accepted = checkLeverage('2.50', 10);
    expect(accepted.ok && accepted.text).to.equal('2.5');
    const loan = checkLoanDraft({
      action: 'borrow',
      marginMode: 'cross',
      currency: 'USDT',
      amountText: '10.5',
      limits: { currency: 'USDT', borrowEnabled: true, precision: 8, borrowMinUnit: d('1'), borrowMinAmount: d('10') } as never,
    });
    expect(loan).to.deep.equal({ ok: false, violation: { field: 'amount', rule: 'step', limit: '1' } });
  });
});
