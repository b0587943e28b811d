/**
 * Every word `<margin-borrow-repay>` shows, in one place for translation. Functions take values
 * already formatted for the locale; each word is read when the element renders, so it follows the
 * page's locale.
 */
import { msg, str } from '@lit/localize';
import type { RuleViolation } from '../../core/rules.js';
import { describeViolation } from '../shared/strings.js';
import type { HistoryTab } from './history-query.js';
import type { LoanRuleName, LoanViolation } from './loan-draft.js';

type LoanAction = 'borrow' | 'repay';

export const borrowRepayStrings = {
  get title() { return msg('Borrow and repay', { id: 'loan.title' }); },
  venue: { kucoin: 'KuCoin', bitmart: 'BitMart' } as const,
  mode: {
    get cross() { return msg('cross margin', { id: 'loan.mode.cross' }); },
    get isolated() { return msg('isolated margin', { id: 'loan.mode.isolated' }); },
  },
  subtitle: (venue: string, mode: string, target: string) => msg(str`${venue} ${mode} · ${target}`, { id: 'loan.subtitle' }),

  disabled: {
    get bitmartCross() { return msg('BitMart margin loans are isolated only: set margin-mode="isolated".', { id: 'loan.disabled.bitmartCross' }); },
    get noSymbol() { return msg('Isolated margin needs a pair: set the symbol attribute.', { id: 'loan.disabled.noSymbol' }); },
    get noCurrency() { return msg('Set the currency attribute.', { id: 'loan.disabled.noCurrency' }); },
    unknownExchange: (exchange: string) => msg(str`Unknown exchange "${exchange}": use kucoin or bitmart.`, { id: 'loan.disabled.unknownExchange' }),
  },

  limits: {
    get heading() { return msg('Limits', { id: 'loan.limits.heading' }); },
    get borrowing() { return msg('Borrowing', { id: 'loan.limits.borrowing' }); },
    get enabled() { return msg('Enabled', { id: 'loan.limits.enabled' }); },
    get disabled() { return msg('Disabled', { id: 'loan.limits.disabled' }); },
    disabledBecause: (reason: string) => msg(str`Disabled: ${reason}`, { id: 'loan.limits.disabledBecause' }),
    get min() { return msg('Minimum borrow', { id: 'loan.limits.min' }); },
    get max() { return msg('Maximum borrow', { id: 'loan.limits.max' }); },
    get borrowable() { return msg('Borrowable now', { id: 'loan.limits.borrowable' }); },
    get unit() { return msg('Borrow in multiples of', { id: 'loan.limits.unit' }); },
    get precision() { return msg('Decimal places', { id: 'loan.limits.precision' }); },
    get hourlyRate() { return msg('Interest per hour', { id: 'loan.limits.hourlyRate' }); },
    get dailyRate() { return msg('Interest per day', { id: 'loan.limits.dailyRate' }); },
    none: '—',
  },

  config: {
    get heading() { return msg('Risk', { id: 'loan.config.heading' }); },
    get crossHeading() { return msg('Cross margin risk', { id: 'loan.config.crossHeading' }); },
    isolatedHeading: (symbol: string) => msg(str`${symbol} risk`, { id: 'loan.config.isolatedHeading' }),
    get maxLeverage() { return msg('Maximum leverage', { id: 'loan.config.maxLeverage' }); },
    leverage: (value: string) => msg(str`${value}×`, { id: 'loan.config.leverage' }),
    get warningDebtRatio() { return msg('Warning at debt ratio', { id: 'loan.config.warningDebtRatio' }); },
    get liqDebtRatio() { return msg('Liquidation at debt ratio', { id: 'loan.config.liqDebtRatio' }); },
    get unavailable() { return msg('Risk settings could not be loaded.', { id: 'loan.config.unavailable' }); },
  },

  /** The account the loan acts on: available, liability, max borrowable, the Max buttons, a loan found by id. */
  account: {
    heading: (currency: string) => msg(str`Account · ${currency}`, { id: 'loan.account.heading' }),
    get available() { return msg('Available', { id: 'loan.account.available' }); },
    get liability() { return msg('Liability', { id: 'loan.account.liability' }); },
    liabilityParts: (principal: string, interest: string) => msg(str`${principal} principal + ${interest} interest`, { id: 'loan.account.liabilityParts' }),
    get maxBorrow() { return msg('Max borrowable', { id: 'loan.account.maxBorrow' }); },
    get none() { return msg('—', { id: 'loan.account.none' }); },
    get max() { return msg('Max', { id: 'loan.account.max' }); },
    maxBorrowLabel: (amount: string, currency: string) => msg(str`Max to borrow now: ${amount} ${currency}`, { id: 'loan.account.maxBorrowLabel' }),
    maxRepayLabel: (amount: string, currency: string) => msg(str`Max to repay (owed, as far as available allows): ${amount} ${currency}`, { id: 'loan.account.maxRepayLabel' }),
    get nothingToRepay() { return msg('Nothing owed, or nothing available to repay it with.', { id: 'loan.account.nothingToRepay' }); },
    get nothingToBorrow() { return msg('Nothing more can be borrowed now: the limit is reached.', { id: 'loan.account.nothingToBorrow' }); },
    get unavailable() { return msg('The account could not be loaded.', { id: 'loan.account.unavailable' }); },
    get lookupHeading() { return msg('Find a loan by id', { id: 'loan.lookup.heading' }); },
    get lookupId() { return msg('Borrow or repay id', { id: 'loan.lookup.id' }); },
    get lookupFind() { return msg('Find', { id: 'loan.lookup.find' }); },
    get lookupNotFound() { return msg('No borrow or repay with this id on this target.', { id: 'loan.lookup.notFound' }); },
    lookupFound: (action: string, amount: string, currency: string, time: string, status: string) =>
      msg(str`${action} of ${amount} ${currency} at ${time}${status}`, { id: 'loan.lookup.found' }),
  },
  form: {
    get heading() { return msg('New loan', { id: 'loan.form.heading' }); },
    get action() { return msg('Action', { id: 'loan.form.action' }); },
    get borrow() { return msg('Borrow', { id: 'loan.form.borrow' }); },
    get repay() { return msg('Repay', { id: 'loan.form.repay' }); },
    get currency() { return msg('Currency', { id: 'loan.form.currency' }); },
    get chooseCurrency() { return msg('Choose a currency', { id: 'loan.form.chooseCurrency' }); },
    amount: (currency: string) => msg(str`Amount (${currency})`, { id: 'loan.form.amount' }),
    amountHint: (unit: string | undefined, decimals: number | undefined) => {
      if (unit && decimals !== undefined) return msg(str`Multiples of ${unit}, at most ${decimals} decimal places`, { id: 'loan.form.hintBoth' });
      if (unit) return msg(str`Multiples of ${unit}`, { id: 'loan.form.hintUnit' });
      if (decimals !== undefined) return msg(str`at most ${decimals} decimal places`, { id: 'loan.form.hintDecimals' });
      return '';
    },
    get timeInForce() { return msg('If not all is available', { id: 'loan.form.timeInForce' }); },
    get ioc() { return msg('IOC: borrow what is available now', { id: 'loan.form.ioc' }); },
    get fok() { return msg('FOK: all of it or nothing', { id: 'loan.form.fok' }); },
    submit: (action: LoanAction, amount: string, currency: string) => {
      if (action === 'borrow') {
        return amount ? msg(str`Borrow ${amount} ${currency}`, { id: 'loan.form.submitBorrowAmount' }) : msg(str`Borrow ${currency}`, { id: 'loan.form.submitBorrow' });
      }
      return amount ? msg(str`Repay ${amount} ${currency}`, { id: 'loan.form.submitRepayAmount' }) : msg(str`Repay ${currency}`, { id: 'loan.form.submitRepay' });
    },
    sending: (action: LoanAction) =>
      action === 'borrow' ? msg('Borrowing…', { id: 'loan.form.borrowing' }) : msg('Repaying…', { id: 'loan.form.repaying' }),
    get checking() { return msg('Checking…', { id: 'loan.form.checking' }); },
    get notReady() { return msg('Limits are loading.', { id: 'loan.form.notReady' }); },
    get waitForCheck() { return msg('Waiting for the check of the last request.', { id: 'loan.form.waitForCheck' }); },
  },

  preview: {
    get heading() { return msg('Interest at the current rate', { id: 'loan.preview.heading' }); },
    perHour: (cost: string, currency: string, rate: string) => msg(str`${cost} ${currency} per hour (${rate})`, { id: 'loan.preview.perHour' }),
    perDay: (cost: string, currency: string, rate: string) => msg(str`${cost} ${currency} per day (${rate})`, { id: 'loan.preview.perDay' }),
    get none() { return msg('The venue gives no rate for this currency.', { id: 'loan.preview.none' }); },
  },

  rules: {
    'borrowable': (limit?: string) => msg(str`At most ${limit} can be borrowed now`, { id: 'loan.rules.borrowable' }),
    'not-in-symbol': (limit?: string) => msg(str`Not a currency of ${limit}`, { id: 'loan.rules.notInSymbol' }),
    'borrow-disabled': (limit?: string) =>
      limit
        ? msg(str`Borrowing is disabled: ${limit}`, { id: 'loan.rules.borrowDisabledBecause' })
        : msg('Borrowing is disabled for this currency', { id: 'loan.rules.borrowDisabled' }),
    get 'no-limits'() { return msg('Limits are not loaded yet', { id: 'loan.rules.noLimits' }); },
  } satisfies Partial<Record<LoanRuleName, string | ((limit?: string) => string)>>,
  fields: {
    get amount() { return msg('Amount', { id: 'loan.field.amount' }); },
    get currency() { return msg('Currency', { id: 'loan.form.currency' }); },
    get symbol() { return msg('Pair', { id: 'loan.field.symbol' }); },
  },

  outcome: {
    sending: (action: LoanAction, amount: string, currency: string) =>
      action === 'borrow'
        ? msg(str`Borrowing ${amount} ${currency}…`, { id: 'loan.outcome.borrowing' })
        : msg(str`Repaying ${amount} ${currency}…`, { id: 'loan.outcome.repaying' }),
    borrowed: (actual: string, currency: string, orderId: string) =>
      msg(str`Borrowed ${actual} ${currency} (order ${orderId}).`, { id: 'loan.outcome.borrowed' }),
    borrowedPart: (actual: string, requested: string, currency: string, orderId: string) =>
      msg(str`Borrowed ${actual} of the ${requested} ${currency} asked (IOC: only part was available; order ${orderId}).`, { id: 'loan.outcome.borrowedPart' }),
    repaid: (actual: string, currency: string, orderId: string) =>
      msg(str`Repaid ${actual} ${currency} (order ${orderId}).`, { id: 'loan.outcome.repaid' }),
    repaidPart: (actual: string, requested: string, currency: string, orderId: string) =>
      msg(str`Repaid ${actual} of the ${requested} ${currency} offered: that was all that was owed (order ${orderId}).`, { id: 'loan.outcome.repaidPart' }),
    get vetoed() { return msg('Not sent: the page cancelled it.', { id: 'loan.outcome.vetoed' }); },
    failed: (message: string) => msg(str`Not done: ${message}`, { id: 'loan.outcome.failed' }),
    checking: (action: LoanAction) =>
      action === 'borrow'
        ? msg('No answer from the venue. Checking the borrow history for whether it went through…', { id: 'loan.outcome.checkingBorrow' })
        : msg('No answer from the venue. Checking the repay history for whether it went through…', { id: 'loan.outcome.checkingRepay' }),
    found: (action: LoanAction, amount: string, currency: string, id: string) =>
      action === 'borrow'
        ? msg(str`It went through: borrowed ${amount} ${currency} (order ${id}), found in the history.`, { id: 'loan.outcome.foundBorrow' })
        : msg(str`It went through: repaid ${amount} ${currency} (order ${id}), found in the history.`, { id: 'loan.outcome.foundRepay' }),
    notFound: (action: LoanAction) =>
      action === 'borrow'
        ? msg('It did not go through: nothing was borrowed (not in the history). You can try again.', { id: 'loan.outcome.notFoundBorrow' })
        : msg('It did not go through: nothing was repaid (not in the history). You can try again.', { id: 'loan.outcome.notFoundRepay' }),
    unresolved: (message: string) =>
      msg(str`Still unknown whether it went through: the history could not be checked (${message}). Check again before sending anything else.`, {
        id: 'loan.outcome.unresolved',
      }),
    get checkAgain() { return msg('Check again', { id: 'loan.outcome.checkAgain' }); },
  },

  history: {
    get heading() { return msg('History', { id: 'loan.history.heading' }); },
    tabs: {
      get borrow() { return msg('Borrows', { id: 'loan.history.borrows' }); },
      get repay() { return msg('Repayments', { id: 'loan.history.repayments' }); },
      get interest() { return msg('Interest', { id: 'loan.history.interest' }); },
    } satisfies Record<HistoryTab, string>,
    get from() { return msg('From', { id: 'loan.history.from' }); },
    get to() { return msg('To', { id: 'loan.history.to' }); },
    get rangeNotADate() { return msg('Enter a date and time', { id: 'loan.history.rangeNotADate' }); },
    get rangeOrder() { return msg('“To” must not be before “From”', { id: 'loan.history.rangeOrder' }); },
    empty: (tab: HistoryTab) =>
      tab === 'borrow'
        ? msg('No borrows in this range', { id: 'loan.history.emptyBorrow' })
        : tab === 'repay'
          ? msg('No repayments in this range', { id: 'loan.history.emptyRepay' })
          : msg('No interest charged in this range', { id: 'loan.history.emptyInterest' }),
    caption: (tab: HistoryTab, currency: string) =>
      tab === 'borrow'
        ? msg(str`Borrows of ${currency}`, { id: 'loan.history.captionBorrow' })
        : tab === 'repay'
          ? msg(str`Repayments of ${currency}`, { id: 'loan.history.captionRepay' })
          : msg(str`Interest of ${currency}`, { id: 'loan.history.captionInterest' }),
    get time() { return msg('Time', { id: 'loan.history.time' }); },
    get amount() { return msg('Amount', { id: 'loan.field.amount' }); },
    get requested() { return msg('Asked', { id: 'loan.history.requested' }); },
    get principal() { return msg('Principal', { id: 'loan.history.principal' }); },
    get interest() { return msg('Interest', { id: 'loan.history.interest' }); },
    get dailyRate() { return msg('Daily rate', { id: 'loan.history.dailyRate' }); },
    get status() { return msg('Status', { id: 'loan.history.status' }); },
    get id() { return msg('Order', { id: 'loan.history.id' }); },
    get previous() { return msg('Previous page', { id: 'loan.history.previous' }); },
    get next() { return msg('Next page', { id: 'loan.history.next' }); },
    page: (page: number, total: number | undefined) =>
      total ? msg(str`Page ${page} of ${total}`, { id: 'loan.history.pageOf' }) : msg(str`Page ${page}`, { id: 'loan.history.page' }),
    newest: (n: number) => msg(str`The newest ${n} records in this range`, { id: 'loan.history.newest' }),
    statuses: {
      get SUCCESS() { return msg('Done', { id: 'loan.history.status.success' }); },
      get PENDING() { return msg('Processing', { id: 'loan.history.status.pending' }); },
      get FAILED() { return msg('Failed', { id: 'loan.history.status.failed' }); },
    } as Record<string, string>,
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
