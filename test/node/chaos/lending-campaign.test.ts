/**
 * Issue 14: the lending fault campaign over real HTTP on 127.0.0.1 (client -> signing proxy ->
 * sandbox). 12 markets lend, change rates and redeem (312 submits) through the shared submitter
 * the element uses, under every fault kind; the sandbox's records then prove 0 duplicates, 0
 * phantom confirmations (a lend shown for one that was never placed) and that every submit ended
 * in the state it showed. Seeded; the figures vary a little from run to run (real sockets), the
 * assertions do not depend on them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MARKETS, runLendingCampaign } from './lending-campaign.js';
import { startChaosStack, type ChaosStack } from './stack.js';

const SEED = 14;
const FAULT_KINDS = ['delay', 'lose-response', 'reset', 'server-error', 'rate-limit', 'malformed', 'caller-answer-lost'];

describe('lending fault campaign over HTTP: never twice, never another\'s, every outcome known', () => {
  let stack: ChaosStack;
  before(async () => {
    stack = await startChaosStack(SEED);
  });
  after(async () => {
    await stack?.close();
  });

  test('312 lend / rate change / redeem submits under faults: 0 duplicates, 0 phantoms, 0 unknown', { timeout: 180_000 }, async () => {
    const audit = await runLendingCampaign(stack, {
      submitsPerMarket: 26,
      // A loaded machine (a CI runner, or several suites at once) answers a list in a few hundred ms.
      timeoutMs: 800,
      delayMs: 1_600,
      maxAttempts: 4,
      maxRechecks: 20,
      // Past the delayed request (1.6 s) and the proxy's hop: "not found" only after 3.6 s.
      lookupAtMs: [0, 800, 2_000, 3_600],
    });
    const c = audit.counts;
    const faults = FAULT_KINDS.map((kind) => `${kind} ${c[`fault:${kind}`]}`).join(', ');
    console.log(
      `lending campaign: ${c.submits} submits (lend ${c.lends}, ${c.repeats} of them repeating the last size and rate; rate change ${c.modifies}; redeem ${c.redeems}) ` +
        `by ${MARKETS.length} markets, ${c.attempts} attempts, ${c.posts} POSTs | placed ${c.placed} (by answer ${c.placedByAnswer}, by lookup ${c.placedByLookup}, ` +
        `${c.placedAfterTimeout} of them after a timeout) | rejected ${c.rejected} (our checks ${c.rejectedValidation}, venue ${c.rejectedVenue}, rate limit ${c.rejectedRateLimit}) | ` +
        `not placed ${c.notPlaced} (not found and sent again ${c.notFoundThenSent}) | unknown ${c.unknown} | sandbox: ${c.purchasesAtVenue} purchase orders, ${c.redeemsAtVenue} redeem orders, ${c.duplicates} duplicates, ` +
        `${c.phantoms} phantoms, ${c.strays} strays, ${c.mismatches} shown wrongly | faults: ${faults}`,
    );
    assert.ok(c.submits >= 300, `only ${c.submits} submits`);
    assert.deepEqual(audit.duplicates, [], 'one lending action was applied twice');
    assert.deepEqual(audit.phantoms, [], 'a submit was confirmed with a record that is not its own');
    assert.deepEqual(audit.strays, [], 'the venue holds lending no submit asked for');
    assert.deepEqual(audit.mismatches, [], 'a submit showed an outcome the venue does not agree with');
    assert.equal(c.unknown, 0, 'a submit never learned its outcome');
    assert.equal(c.placed + c.rejected + c.notPlaced, c.submits);
    // Every action kind ran, and each path was taken: the campaign is not vacuous.
    assert.ok(c.lends > 50 && c.modifies > 50 && c.redeems > 50 && c.repeats > 10, 'an action kind barely ran');
    for (const kind of FAULT_KINDS) assert.ok(c[`fault:${kind}`]! > 0, `no ${kind} fault fired`);
    assert.ok(c.placedByLookup > 0 && c.placedAfterTimeout > 0, 'nothing was found by lookup after a timeout');
    assert.ok(c.notFoundThenSent > 0, 'no submit was found not to have gone through and sent again');
    assert.ok(c.rejectedValidation > 0 && c.rejectedVenue > 0, 'no rejection of each kind');
  });
});
