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
import { Submission } from '../../../src/elements/order-ticket/submission.js';

test('a long lookup loop keeps a bounded number of listeners on the submission signal', async () => {
  const failures = 40;
  let lookups = 0;
  let signal: AbortSignal | undefined;
  const counts: number[] = [];
  const submission = new Submission<{ clientOid: string; symbol: string }>({
    send: () => Promise.reject(new ExchangeError({ venue: 'kucoin', code: '500000', message: 'Internal Server Error', status: 503 })),
    lookup: async (clientOid, _symbol, runSignal) => {
      signal = runSignal;
      counts.push(getEventListeners(runSignal, 'abort').length);
      lookups += 1;
      if (lookups <= failures) throw new ExchangeError({ venue: 'kucoin', code: '500000', message: 'Internal Server Error', status: 503 });
      return { id: 'o1', clientOid } as never;
    },
    newClientOid: () => 'oid-1',
    sleep: () => Promise.resolve(),
  });
  const key = 'draft';
  const end = await submission.submit(key, { clientOid: submission.clientOidFor(key), symbol: 'BTC-USDT' });
  assert.equal(end?.phase, 'placed');
  assert.equal(lookups, failures + 1);
  assert.ok(signal);
  // One lookup after another, the listeners on the run's signal stay a handful, not one per wait.
  assert.ok(Math.max(...counts) <= 3, `listeners per lookup: ${counts.join(',')}`);
  assert.ok(getEventListeners(signal, 'abort').length <= 1, `left behind: ${getEventListeners(signal, 'abort').length}`);
});
