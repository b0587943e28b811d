/**
 * What the fault campaign's "delay past the client timeout" relies on over HTTP: the sandbox's
 * `delay` fault means "the request has arrived, the answer is late", so a borrow whose caller hangs
 * up during the delay is applied anyway (the case the never-twice lookups exist for). Early in this
 * work it depended on socket timing (the body was read after the delay and could leave with the
 * caller); serveFetchHandler now reads small bodies before calling the handler. This keeps it so.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hmacSha256Base64, kucoinSign } from '../../../src/core/signing.js';
import { CHAOS_SECRETS, startChaosStack } from './stack.js';

test('a delayed POST is applied even when its caller hangs up during the delay', async () => {
  const stack = await startChaosStack(12);
  try {
    const { apiKey, apiSecret, apiPassphrase, apiKeyVersion } = CHAOS_SECRETS.kucoin;
    const path = '/api/v3/margin/borrow';
    const body = JSON.stringify({ currency: 'USDT', size: '123', timeInForce: 'IOC', isIsolated: false, isHf: false });
    const timestamp = String(Date.now());
    const headers = {
      'content-type': 'application/json',
      'KC-API-KEY': apiKey,
      'KC-API-TIMESTAMP': timestamp,
      'KC-API-SIGN': await kucoinSign(apiSecret, timestamp, 'POST', path, body),
      'KC-API-PASSPHRASE': await hmacSha256Base64(apiSecret, apiPassphrase),
      'KC-API-KEY-VERSION': apiKeyVersion,
    };
    stack.sandbox.faults.add({ kind: 'delay', method: 'POST', path, delayMs: 400, times: 1 });
    // The caller (as the proxy would be) gives up after 100 ms, while the sandbox is still "slow".
    await assert.rejects(fetch(`${stack.sandboxServer.url}${path}`, { method: 'POST', headers, body, signal: AbortSignal.timeout(100) }));
    const account = stack.sandbox.state.kucoinAccounts.get(apiKey)!;
    const borrows = () => stack.sandbox.state.loans.records(account).borrows.filter((b) => b.size.eq(123)).length;
    assert.equal(borrows(), 0, 'applied before the delay ran out');
    // Bounded wait for the delayed request to land (a count of checks, not a timing assertion).
    for (let i = 0; i < 100 && borrows() === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(stack.sandbox.faults.fired.delay, 1);
    assert.equal(borrows(), 1, 'the delayed borrow was never applied: its body left with the caller');
  } finally {
    await stack.close();
  }
});
