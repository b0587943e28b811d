import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  checkTimeRange,
  clampPageSize,
  historyTabs,
  parseLocalDateTime,
  tabAfterKey,
} from '../../../src/elements/borrow-repay/history-query.js';

describe('history-query', () => {
  it('reads datetime-local values as local time; empty is open; nonsense is NaN', () => {
    expect(parseLocalDateTime('2024-03-05T14:30')).to.equal(new Date(2024, 2, 5, 14, 30).getTime());
    expect(parseLocalDateTime('2024-03-05T14:30:15')).to.equal(new Date(2024, 2, 5, 14, 30, 15).getTime());
    expect(parseLocalDateTime('')).to.equal(undefined);
    expect(parseLocalDateTime('2024-02-31T10:00')).to.be.NaN;
    expect(parseLocalDateTime('yesterday')).to.be.NaN;
  });

  it('a range: To includes its whole minute, either end may be open, To before From is refused', () => {
    const from = new Date(2024, 0, 1, 0, 0).getTime();
    const to = new Date(2024, 0, 2, 12, 0).getTime();
    expect(checkTimeRange('2024-01-01T00:00', '2024-01-02T12:00')).to.deep.equal({ ok: true, range: { startTime: from, endTime: to + 59_999 } });
    expect(checkTimeRange('', '')).to.deep.equal({ ok: true, range: {} });
    expect(checkTimeRange('2024-01-01T00:00', '')).to.deep.equal({ ok: true, range: { startTime: from } });
    expect(checkTimeRange('2024-01-02T00:00', '2024-01-01T00:00')).to.deep.equal({ ok: false, field: 'to', rule: 'order' });
    expect(checkTimeRange('x', '')).to.deep.equal({ ok: false, field: 'from', rule: 'not-a-date' });
    // the same minute at both ends is a valid one-minute range
    expect(checkTimeRange('2024-01-01T00:00', '2024-01-01T00:00').ok).to.equal(true);
  });

  it('page sizes within each venue: KuCoin 10..500, BitMart N 1..100', () => {
    expect([5, 10, 50, 1000].map((n) => clampPageSize('kucoin', n))).to.deep.equal([10, 10, 50, 500]);
    expect([0, 1, 50, 1000].map((n) => clampPageSize('bitmart', n))).to.deep.equal([1, 1, 50, 100]);
    expect(clampPageSize('kucoin', Number.NaN)).to.equal(10);
  });

  it('BitMart has no interest tab', () => {
    expect(historyTabs(true)).to.deep.equal(['borrow', 'repay', 'interest']);
    expect(historyTabs(false)).to.deep.equal(['borrow', 'repay']);
  });

  it('tab keys: arrows wrap, Home and End, other keys nothing', () => {
    const tabs = historyTabs(true);
    expect(tabAfterKey(tabs, 'borrow', 'ArrowRight')).to.equal('repay');
    expect(tabAfterKey(tabs, 'interest', 'ArrowRight')).to.equal('borrow');
    expect(tabAfterKey(tabs, 'borrow', 'ArrowLeft')).to.equal('interest');
    expect(tabAfterKey(tabs, 'repay', 'Home')).to.equal('borrow');
    expect(tabAfterKey(tabs, 'borrow', 'End')).to.equal('interest');
    expect(tabAfterKey(tabs, 'borrow', 'Enter')).to.equal(undefined);
  });

  it('property: a range is accepted exactly when To is not before From, and then From <= To', () => {
    const minute = fc.date({ min: new Date(2023, 3, 1), max: new Date(2030, 0, 1), noInvalidDate: true }).map((date) => {
      const p = (n: number) => String(n).padStart(2, '0');
      return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}`;
    });
    fc.assert(
      fc.property(minute, minute, (a, b) => {
        const r = checkTimeRange(a, b);
        const ta = parseLocalDateTime(a)!;
        const tb = parseLocalDateTime(b)!;
        // DST gaps can shift a wall-clock minute; compare what the range reads back
        fc.pre(!Number.isNaN(ta) && !Number.isNaN(tb));
        expect(r.ok).to.equal(tb + 59_999 >= ta);
        if (r.ok) expect(r.range.startTime! <= r.range.endTime!).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });

  it('property: moving right n times and left n times comes back', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.integer({ min: 0, max: 10 }), fc.constantFrom('borrow', 'repay') as fc.Arbitrary<'borrow' | 'repay'>, (interest, n, start) => {
        const tabs = historyTabs(interest);
        let tab = start as (typeof tabs)[number];
        for (let i = 0; i < n; i += 1) tab = tabAfterKey(tabs, tab, 'ArrowRight')!;
        for (let i = 0; i < n; i += 1) tab = tabAfterKey(tabs, tab, 'ArrowLeft')!;
        expect(tab).to.equal(start);
      }),
    );
  });
});
