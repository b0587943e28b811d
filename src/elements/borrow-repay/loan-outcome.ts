/**
 * What the panel says about the last borrow or repay, and what it tells the page once one went
 * through. Pure: a phase in, words or an event detail out.
 */
import type { LoanRecord } from '../../client/venue.js';
import type { Decimal } from '../../core/decimal.js';
import { describeError } from '../shared/describe-error.js';
import type { MarginLoanDetail } from './events.js';
import type { LoanTarget } from './loan-target.js';
import { borrowRepayStrings as t } from './strings.js';
import type { LoanPhase } from './loan-submission.js';

export type OutcomeTone = 'good' | 'bad' | '';

/** What a history record says was lent or paid: a repay's principal plus interest when the venue splits it. */
export function recordActualSize(record: LoanRecord): Decimal {
  if (record.action === 'repay' && record.principal && record.interest) return record.principal.plus(record.interest);
  return record.amount;
}

/** The words for a phase; `amount` formats an amount for the locale and the currency's precision. */
export function outcomeText(phase: LoanPhase, amount: (value: Decimal | string) => string): { text: string; tone: OutcomeTone } {
  const o = t.outcome;
  if (phase.kind === 'idle') return { text: '', tone: '' };
  const { action, request } = phase.intent;
  const currency = request.currency;
  const asked = amount(request.amount);
  switch (phase.kind) {
    case 'vetoed':
      return { text: o.vetoed, tone: '' };
    case 'sending':
      return { text: o.sending(action, asked, currency), tone: '' };
    case 'succeeded': {
      const outcome = phase.answer;
      const actual = amount(outcome.actualSize);
      const id = outcome.orderId;
      const partial = !outcome.actualSize.eq(outcome.requested);
      if (action === 'borrow') {
        return { text: partial ? o.borrowedPart(actual, asked, currency, id) : o.borrowed(actual, currency, id), tone: 'good' };
      }
      return { text: partial ? o.repaidPart(actual, asked, currency, id) : o.repaid(actual, currency, id), tone: 'good' };
    }
    case 'failed':
      return { text: o.failed(describeError(phase.error)), tone: 'bad' };
    case 'checking':
      return { text: o.checking(action), tone: '' };
    case 'found':
      return { text: o.found(action, amount(recordActualSize(phase.record)), currency, phase.record.id), tone: 'good' };
    case 'not-found':
      return { text: o.notFound(action), tone: 'bad' };
    case 'unresolved':
      return { text: o.unresolved(describeError(phase.lookupError)), tone: 'bad' };
  }
}

/** The `margin-borrowed` / `margin-repaid` detail of a loan that went through (answered, or found in the history). */
export function loanDetail(target: LoanTarget, phase: Extract<LoanPhase, { kind: 'succeeded' | 'found' }>): MarginLoanDetail {
  const found = phase.kind === 'found';
  return {
    venue: target.exchange,
    marginMode: target.marginMode,
    ...(target.symbol ? { symbol: target.symbol } : {}),
    currency: phase.intent.request.currency,
    orderId: found ? phase.record.id : phase.answer.orderId,
    requested: phase.intent.request.amount,
    actualSize: (found ? recordActualSize(phase.record) : phase.answer.actualSize).toString(),
    foundInHistory: found,
  };
}
