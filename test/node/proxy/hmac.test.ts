/**
 * The node adapter's HMAC-SHA256 (src/node/hmac.ts) against node:crypto's createHmac: keys shorter
 * than, as long as and longer than a block, non-ASCII keys and messages, and the same key used
 * again (its prepared blocks reused, never left holding an earlier message).
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import * as crypto from 'node:crypto';
import { describe, test } from 'node:test';
import { nodeHmacSha256 } from '../../../src/node/hmac.js';

const SECRETS = ['', 'k', 'sandbox-secret-kucoin-0123456789', 'x'.repeat(64), 'y'.repeat(65), 'clé-ünïcode-秘密', 'z'.repeat(300)];
const MESSAGES = ['', '1733227200000GET/api/v3/margin/currencies?currency=BTC', '1733227200000#memo#{"symbol":"BTC_USDT","amount":"0.0001"}', 'é∑𝄞', 'm'.repeat(1000)];

describe('node HMAC-SHA256', () => {
  const oneShot = (crypto as { hash?: unknown }).hash;
  const variants = [
    { name: 'two one-shot hashes', hmac: nodeHmacSha256(), skip: typeof oneShot !== 'function' && 'this Node has no crypto.hash' },
    { name: 'createHmac (Node before 20.12)', hmac: nodeHmacSha256(null), skip: false as const },
  ];
  for (const { name, hmac, skip } of variants) {
    test(`${name}: the same signatures as createHmac, base64 and hex, a key used again included`, { skip }, () => {
      for (let round = 0; round < 2; round += 1) {
        for (const secret of SECRETS) {
          for (const message of MESSAGES) {
            for (const encoding of ['base64', 'hex'] as const) {
              const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(message, 'utf8').digest(encoding);
              assert.equal(hmac(secret, message, encoding), expected, `${JSON.stringify(secret.slice(0, 12))} ${JSON.stringify(message.slice(0, 12))} ${encoding}`);
            }
          }
        }
      }
    });
  }
});
