/**
 * Found by the fault campaign (a MaxListenersExceededWarning under long lookups): while an order's
 * outcome stays unknown, each wait between lookups must not leave a listener behind on the
 * submission's signal, or a ticket checking for an hour keeps hundreds of them. Node only: it
 * counts listeners with `events.getEventListeners`, which browsers do not offer.
 */
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { test } from 'node:test';
import { ExchangeError } from '../../../src/client/errors.js';
import { placementPorts } from '../../../src/elements/order-ticket/placement.js';
import { Submitter } from '../../../src/elements/shared/controllers/submitter.js';

test('a long lookup loop keeps a bounded number of listeners on the submission signal', async () => {
  const failures = 40;
  let lookups = 0;
  let signal: AbortSignal | undefined;
  const counts: number[] = [];
  const submission = new Submitter(
    placementPorts<{ clientOid: string; symbol: string }>({
      send: () => Promise.reject(new ExchangeError({ venue: 'kucoin', code: '500000', message: 'Internal Server Error', status: 503 })),
      lookup: async (clientOid, _symbol, runSignal) => {
        signal = runSignal;
        counts.push(getEventListeners(runSignal, 'abort').length);
        lookups += 1;
        if (lookups <= failures) throw new ExchangeError({ venue: 'kucoin', code: '500000', message: 'Internal Server Error', status: 503 });
        return { id: 'o1', clientOid } as never;
      },
      newClientOid: () => 'oid-1',
      // Waits end at once: the loop runs through every look-up without real time passing.
      clock: { now: () => 0, setTimeout: (callback) => setTimeout(callback, 0), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) },
    }),
  );
  const key = 'draft';
  await submission.submit({ clientOid: submission.identityFor(key), symbol: 'BTC-USDT' }, { draftKey: key });
  assert.equal(submission.phase.kind, 'found');
  assert.equal(lookups, failures + 1);
  assert.ok(signal);
  // One lookup after another, the listeners on the run's signal stay a handful, not one per wait.
  assert.ok(Math.max(...counts) <= 3, `listeners per lookup: ${counts.join(',')}`);
  assert.ok(getEventListeners(signal, 'abort').length <= 1, `left behind: ${getEventListeners(signal, 'abort').length}`);
});
