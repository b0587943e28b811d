/**
 * Issue 9: the fault campaign and the secret scan, over real HTTP on 127.0.0.1 (client -> signing
 * proxy -> sandbox, both served by serveFetchHandler), seeded and bounded.
 *
 * - 1000 order submits by 25 tickets and 300 borrow/repay submits by 15 panels (KuCoin cross,
 *   KuCoin isolated, BitMart isolated) under injected faults, driving the elements' own pure
 *   submission modules with the real client; the sandbox's records then prove 0 duplicates and
 *   that every submit ended in the state it showed.
 * - The 41-endpoint scenario on the same stack.
 * - Every answer the client read, every proxy log line and console line of all of the above,
 *   searched for each secret, the HMAC'd passphrase, the token and every signature sent: 0 hits.
 *
 * Timings are seeded fault probabilities over real sockets, so the figures vary a little from run
 * to run; the assertions do not depend on them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { exerciseAllEndpoints } from '../../e2e/all-endpoints.js';
import { PANELS, runLoanCampaign } from './loan-campaign.js';
import { runOrderCampaign } from './order-campaign.js';
import { secretNeedles, startChaosStack, type ChaosStack } from './stack.js';

const SEED = 9;
const FAULT_KINDS = ['delay', 'lose-response', 'reset', 'server-error', 'rate-limit', 'malformed', 'caller-answer-lost'];

function faultsLine(counts: Record<string, number>): string {
  return FAULT_KINDS.map((kind) => `${kind} ${counts[`fault:${kind}`]}`).join(', ');
}

/** Each needle with the number of places it was found. */
function scan(haystack: readonly string[], needles: readonly string[]): Map<string, number> {
  const hits = new Map<string, number>();
  for (const needle of needles) hits.set(needle, haystack.filter((text) => text.includes(needle)).length);
  return hits;
}

describe('fault campaign over HTTP: never twice, every outcome known, nothing leaked', () => {
  let stack: ChaosStack;
  before(async () => {
    stack = await startChaosStack(SEED);
  });
  after(async () => {
    await stack?.close();
  });

  test('1000 order submits under faults: 0 duplicate orders, each submit placed, rejected with a reason, or not placed', { timeout: 120_000 }, async () => {
    const audit = await runOrderCampaign(stack, {
      seed: SEED,
      submits: 1000,
      tickets: 25,
      timeoutMs: 400,
      delayMs: 800,
      // "Not found" is believed only well after a delayed request (800 ms) has landed.
      lookupTiming: { firstDelayMs: 50, maxDelayMs: 400, settleMs: 1800 },
      submitDeadlineMs: 30_000,
      maxAttempts: 4,
    });
    const c = audit.counts;
    console.log(
      `order campaign: ${c.submits} submits by ${c.tickets} tickets, ${c.attempts} attempts, ${c.posts} POSTs | ` +
        `placed ${c.placed} (by answer ${c.placedByAnswer}, by lookup ${c.placedByLookup}, ${c.placedAfterTimeout} of them after a timeout) | ` +
        `rejected ${c.rejected} (our checks ${c.rejectedValidation}, venue ${c.rejectedVenue}, rate limit ${c.rejectedRateLimit}) | ` +
        `not placed ${c.notPlaced} | unknown ${c.unknown} | sandbox: ${c.ordersAtVenue} orders, ${c.duplicates} duplicates, ` +
        `${c.duplicateClientOids} clientOids used twice, ${c.strays} strays, ${c.mismatches} shown wrongly | faults: ${faultsLine(c)}`,
    );
    assert.equal(c.submits, 1000);
    assert.deepEqual(audit.duplicates, [], 'an intent has two orders at the venue');
    assert.deepEqual(audit.duplicateClientOids, []);
    assert.deepEqual(audit.strays, [], 'the venue holds orders no submit asked for');
    assert.deepEqual(audit.mismatches, [], 'a submit showed an outcome the venue does not agree with');
    assert.equal(c.unknown, 0, 'a submit never learned its outcome');
    assert.equal(c.placed + c.rejected + c.notPlaced, c.submits);
    assert.equal(c.ordersAtVenue, c.placed);
    // The campaign is not vacuous: every fault fired, and every path of the state machine was taken.
    for (const kind of FAULT_KINDS) assert.ok(c[`fault:${kind}`]! > 0, `no ${kind} fault fired`);
    assert.ok(c.placedByLookup > 0 && c.placedAfterTimeout > 0, 'no order was found by lookup after a timeout');
    assert.ok(c.rejectedValidation > 0 && c.rejectedVenue > 0, 'no rejection of each kind');
    assert.ok(c.attempts > c.submits - c.rejectedValidation, 'no submit was tried again');
  });

  test('300 borrow/repay submits (KuCoin and BitMart) under faults: 0 duplicate loans, each submit in a known state', { timeout: 120_000 }, async () => {
    const audit = await runLoanCampaign(stack, { submitsPerPanel: 20, timeoutMs: 400, delayMs: 800, maxAttempts: 4, maxRechecks: 10 });
    const c = audit.counts;
    console.log(
      `loan campaign: ${c.submits} submits (KuCoin ${c.kucoin}, BitMart ${c.bitmart}) by ${PANELS.length} panels, ${c.attempts} attempts, ${c.posts} POSTs | ` +
        `placed ${c.placed} (by answer ${c.placedByAnswer}, by lookup ${c.placedByLookup}, ${c.placedAfterTimeout} of them after a timeout) | ` +
        `rejected ${c.rejected} (our checks ${c.rejectedValidation}, venue ${c.rejectedVenue}, rate limit ${c.rejectedRateLimit}) | ` +
        `not placed ${c.notPlaced} | unknown ${c.unknown} | sandbox: ${c.recordsAtVenue} loan records, ${c.duplicates} duplicates, ` +
        `${c.strays} strays, ${c.mismatches} shown wrongly | faults: ${faultsLine(c)}`,
    );
    assert.equal(c.submits, 300);
    assert.ok(c.kucoin > 0 && c.bitmart > 0);
    assert.deepEqual(audit.duplicates, [], 'one loan request was applied twice');
    assert.deepEqual(audit.strays, [], 'the venue holds loans no submit asked for');
    assert.deepEqual(audit.mismatches, [], 'a submit showed an outcome the venue does not agree with');
    assert.equal(c.unknown, 0, 'a loan never learned its outcome');
    assert.equal(c.placed + c.rejected + c.notPlaced, c.submits);
    assert.equal(c.recordsAtVenue, c.placed);
    for (const kind of FAULT_KINDS) assert.ok(c[`fault:${kind}`]! > 0, `no ${kind} fault fired`);
    assert.ok(c.placedByLookup > 0 && c.placedAfterTimeout > 0, 'no loan was found by lookup after a timeout');
    assert.ok(c.rejectedValidation > 0 && c.rejectedVenue > 0, 'no rejection of each kind');
  });

  test('the 41-endpoint scenario on the same stack', { timeout: 60_000 }, async () => {
    const called = await exerciseAllEndpoints(stack.client(), (ok, message) => assert.ok(ok, message));
    assert.equal(called.size, 41);
  });

  test('secret scan: no key, secret, passphrase (clear or HMAC\'d), memo, token or signature in any answer, header or log line', () => {
    const { answers, logs, console: consoleLines, signatures } = stack.recorded;
    const haystack = [...answers, ...logs, ...consoleLines];
    const needles = [...secretNeedles(), ...signatures];
    const hits = scan(haystack, needles);
    const total = [...hits.values()].reduce((a, b) => a + b, 0);
    console.log(
      `secret scan: ${answers.length} answers (bodies and headers), ${logs.length} proxy log lines, ${consoleLines.length} console lines | ` +
        `${secretNeedles().length} secrets and ${signatures.size} signatures searched | ${total} hits`,
    );
    // The haystack is what it claims to be, and the scan would see a leak.
    assert.ok(answers.length > 2000 && logs.length > 2000 && signatures.size > 1000);
    assert.ok(answers.some((a) => a.includes('content-type: application/json')) && logs.some((l) => l.includes('"status":200')));
    const planted = scan([...haystack.slice(0, 10), `leaked ${secretNeedles()[3]}`], secretNeedles());
    assert.equal(planted.get(secretNeedles()[3]!), 1);
    assert.deepEqual([...hits].filter(([, n]) => n > 0), []);
  });
});
