/**
 * Every word `<margin-borrow-repay>` shows, in one place for translation. Functions take values
 * already formatted for the locale.
 */
import type { RuleViolation } from '../../core/rules.js';
import { describeViolation } from '../shared/strings.js';
import type { HistoryTab } from './history-query.js';
import type { LoanRuleName, LoanViolation } from './loan-draft.js';

export const borrowRepayStrings = {
  title: 'Borrow and repay',
  venue: { kucoin: 'KuCoin', bitmart: 'BitMart' } as const,
  mode: { cross: 'cross margin', isolated: 'isolated margin' } as const,
  subtitle: (venue: string, mode: string, target: string) => `${venue} ${mode} · ${target}`,

  disabled: {
    bitmartCross: 'BitMart margin loans are isolated only: set margin-mode="isolated".',
    noSymbol: 'Isolated margin needs a pair: set the symbol attribute.',
    noCurrency: 'Set the currency attribute.',
    unknownExchange: (exchange: string) => `Unknown exchange "${exchange}": use kucoin or bitmart.`,
  },

  limits: {
    heading: 'Limits',
    borrowing: 'Borrowing',
    enabled: 'Enabled',
    disabled: 'Disabled',
    disabledBecause: (reason: string) => `Disabled: ${reason}`,
    min: 'Minimum borrow',
    max: 'Maximum borrow',
    borrowable: 'Borrowable now',
    unit: 'Borrow in multiples of',
    precision: 'Decimal places',
    hourlyRate: 'Interest per hour',
    dailyRate: 'Interest per day',
    none: '—',
  },

  config: {
    heading: 'Risk',
    crossHeading: 'Cross margin risk',
    isolatedHeading: (symbol: string) => `${symbol} risk`,
    maxLeverage: 'Maximum leverage',
    leverage: (value: string) => `${value}×`,
    warningDebtRatio: 'Warning at debt ratio',
    liqDebtRatio: 'Liquidation at debt ratio',
    unavailable: 'Risk settings could not be loaded.',
  },

  form: {
    heading: 'New loan',
    action: 'Action',
    borrow: 'Borrow',
    repay: 'Repay',
    currency: 'Currency',
    chooseCurrency: 'Choose a currency',
    amount: (currency: string) => `Amount (${currency})`,
    amountHint: (unit: string | undefined, decimals: number | undefined) =>
      [unit ? `Multiples of ${unit}` : '', decimals === undefined ? '' : `at most ${decimals} decimal places`].filter(Boolean).join(', '),
    timeInForce: 'If not all is available',
    ioc: 'IOC: borrow what is available now',
    fok: 'FOK: all of it or nothing',
    submit: (action: 'borrow' | 'repay', amount: string, currency: string) =>
      `${action === 'borrow' ? 'Borrow' : 'Repay'}${amount ? ` ${amount}` : ''} ${currency}`,
    sending: (action: 'borrow' | 'repay') => (action === 'borrow' ? 'Borrowing…' : 'Repaying…'),
    checking: 'Checking…',
    notReady: 'Limits are loading.',
    waitForCheck: 'Waiting for the check of the last request.',
  },

  preview: {
    heading: 'Interest at the current rate',
    perHour: (cost: string, currency: string, rate: string) => `${cost} ${currency} per hour (${rate})`,
    perDay: (cost: string, currency: string, rate: string) => `${cost} ${currency} per day (${rate})`,
    none: 'The venue gives no rate for this currency.',
  },

  rules: {
    'borrowable': (limit?: string) => `At most ${limit} can be borrowed now`,
    'not-in-symbol': (limit?: string) => `Not a currency of ${limit}`,
    'borrow-disabled': (limit?: string) => (limit ? `Borrowing is disabled: ${limit}` : 'Borrowing is disabled for this currency'),
    'no-limits': 'Limits are not loaded yet',
  } satisfies Partial<Record<LoanRuleName, string | ((limit?: string) => string)>>,
  fields: { amount: 'Amount', currency: 'Currency', symbol: 'Pair' } as const,

  outcome: {
    sending: (action: 'borrow' | 'repay', amount: string, currency: string) =>
      `${action === 'borrow' ? 'Borrowing' : 'Repaying'} ${amount} ${currency}…`,
    borrowed: (actual: string, currency: string, orderId: string) => `Borrowed ${actual} ${currency} (order ${orderId}).`,
    borrowedPart: (actual: string, requested: string, currency: string, orderId: string) =>
      `Borrowed ${actual} of the ${requested} ${currency} asked (IOC: only part was available; order ${orderId}).`,
    repaid: (actual: string, currency: string, orderId: string) => `Repaid ${actual} ${currency} (order ${orderId}).`,
    repaidPart: (actual: string, requested: string, currency: string, orderId: string) =>
      `Repaid ${actual} of the ${requested} ${currency} offered: that was all that was owed (order ${orderId}).`,
    vetoed: 'Not sent: the page cancelled it.',
    failed: (message: string) => `Not done: ${message}`,
    checking: (action: 'borrow' | 'repay') =>
      `No answer from the venue. Checking the ${action === 'borrow' ? 'borrow' : 'repay'} history for whether it went through…`,
    found: (action: 'borrow' | 'repay', amount: string, currency: string, id: string) =>
      `It went through: ${action === 'borrow' ? 'borrowed' : 'repaid'} ${amount} ${currency} (order ${id}), found in the history.`,
    notFound: (action: 'borrow' | 'repay') =>
      `It did not go through: nothing was ${action === 'borrow' ? 'borrowed' : 'repaid'} (not in the history). You can try again.`,
    unresolved: (message: string) =>
      `Still unknown whether it went through: the history could not be checked (${message}). Check again before sending anything else.`,
    checkAgain: 'Check again',
  },

  history: {
    heading: 'History',
    tabs: { borrow: 'Borrows', repay: 'Repayments', interest: 'Interest' } satisfies Record<HistoryTab, string>,
    from: 'From',
    to: 'To',
    rangeNotADate: 'Enter a date and time',
    rangeOrder: '“To” must not be before “From”',
    empty: (tab: HistoryTab) =>
      tab === 'borrow' ? 'No borrows in this range' : tab === 'repay' ? 'No repayments in this range' : 'No interest charged in this range',
    caption: (tab: HistoryTab, currency: string) =>
      `${tab === 'borrow' ? 'Borrows' : tab === 'repay' ? 'Repayments' : 'Interest'} of ${currency}`,
    time: 'Time',
    amount: 'Amount',
    requested: 'Asked',
    principal: 'Principal',
    interest: 'Interest',
    dailyRate: 'Daily rate',
    status: 'Status',
    id: 'Order',
    previous: 'Previous page',
    next: 'Next page',
    page: (page: number, total: number | undefined) => (total ? `Page ${page} of ${total}` : `Page ${page}`),
    newest: (n: number) => `The newest ${n} records in this range`,
    statuses: { SUCCESS: 'Done', PENDING: 'Processing', FAILED: 'Failed' } as Record<string, string>,
  },
};

export type BorrowRepayStrings = typeof borrowRepayStrings;

const LOAN_RULES = borrowRepayStrings.rules as Partial<Record<LoanRuleName, string | ((limit?: string) => string)>>;

/**
 * A broken loan check in a trader's words; `formatLimit` localizes an amount limit. The pair and
 * the venue's reason are shown as they are.
 */
export function describeLoanViolation(violation: LoanViolation, formatLimit: (limit: string) => string = (l) => l): string {
  const own = LOAN_RULES[violation.rule];
  if (own !== undefined) {
    const limit = violation.limit !== undefined && violation.rule === 'borrowable' ? formatLimit(violation.limit) : violation.limit;
    return typeof own === 'function' ? own(limit) : own;
  }
  return describeViolation(violation as RuleViolation, formatLimit);
}
