/**
 * A borrow or repay through the kit's one submitter (shared/controllers): loans carry no client
 * id, so an unknown outcome is settled by the venue's history, where only a record created after
 * the submit started and not known before can be this loan.
 */
import type { LoanAction, LoanOutcome, LoanRecord, LoanRequest } from '../../client/venue.js';
import type { SubmitPhase } from '../shared/controllers/submission-controller.js';
import type { SubmitterPorts } from '../shared/controllers/submitter.js';

export { maySubmit } from '../shared/controllers/submitter.js';

/** One borrow or repay as sent: the action and its exact request. */
export interface LoanIntent {
  action: LoanAction;
  request: LoanRequest & { amount: string };
}

export type LoanPhase = SubmitPhase<LoanIntent, LoanOutcome, LoanRecord>;

/** The venue calls a loan needs. */
export interface LoanCalls {
  send(intent: LoanIntent, signal: AbortSignal): Promise<LoanOutcome>;
  /** The venue's records of this amount made at or after `since`: the submitter skips the ones known before. */
  find(intent: LoanIntent, since: number, signal: AbortSignal): Promise<LoanRecord | readonly LoanRecord[] | undefined>;
}

/** The submitter's ports for loans; `options` sets the clock, the look-up times and the observer. */
export function loanPorts(
  calls: LoanCalls,
  options: Omit<Partial<SubmitterPorts<LoanIntent, LoanOutcome, LoanRecord>>, 'send' | 'match'> = {},
): SubmitterPorts<LoanIntent, LoanOutcome, LoanRecord> {
  return {
    send: (intent, signal) => calls.send(intent, signal),
    match: {
      kind: 'record',
      lookUp: async (intent, since, signal) => {
        const found = await calls.find(intent, since, signal);
        return found === undefined ? [] : Array.isArray(found) ? found : [found as LoanRecord];
      },
      idOf: (record) => record.id,
    },
    answerId: (answer) => answer.orderId,
    ...options,
  };
}
