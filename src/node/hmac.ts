/**
 * HMAC-SHA256 for the node adapter's signing (RFC 2104), in native code and answering at once,
 * so signing stays synchronous. With `crypto.hash` (Node 20.12 and later) it is two one-shot
 * hashes over the key's padded blocks, prepared once per secret: a `createHmac` per signature
 * builds a stream object and sets up OpenSSL's HMAC each time, which under the proxy's load cost
 * about twice as much. Older Nodes get `createHmac`.
 */
import * as crypto from 'node:crypto';
import type { HmacSha256 } from '../proxy/sign-kucoin.js';

/** SHA-256's block size: a key is padded to it, and hashed first when longer. */
const BLOCK_BYTES = 64;
const DIGEST_BYTES = 32;

interface PreparedKey {
  /** key XOR 0x36, padded to a block: the start of the inner hash's input. */
  inner: Buffer;
  /** key XOR 0x5c padded to a block, then room for the inner digest: the outer hash's whole input. */
  outer: Buffer;
}

function prepare(secret: string): PreparedKey {
  let key = Buffer.from(secret, 'utf8');
  if (key.byteLength > BLOCK_BYTES) key = crypto.createHash('sha256').update(key).digest();
  const inner = Buffer.alloc(BLOCK_BYTES, 0x36);
  const outer = Buffer.alloc(BLOCK_BYTES + DIGEST_BYTES, 0x5c);
  for (let i = 0; i < key.byteLength; i += 1) {
    inner[i]! ^= key[i]!;
    outer[i]! ^= key[i]!;
  }
  return { inner, outer };
}

type OneShotHash = (algorithm: string, data: crypto.BinaryLike, outputEncoding: 'buffer' | 'base64' | 'hex') => string | Buffer;

/**
 * HMAC-SHA256 keyed by secrets seen before (a proxy has one or two). `oneShot` is for tests:
 * `crypto.hash` by default where Node has it, null for createHmac.
 */
export function nodeHmacSha256(oneShot: OneShotHash | null = (crypto as { hash?: OneShotHash }).hash ?? null): HmacSha256 {
  if (oneShot === null) {
    const keys = new Map<string, crypto.KeyObject>();
    return (secret, message, encoding) => {
      let key = keys.get(secret);
      if (!key) {
        key = crypto.createSecretKey(Buffer.from(secret, 'utf8'));
        keys.set(secret, key);
      }
      return crypto.createHmac('sha256', key).update(message, 'utf8').digest(encoding);
    };
  }
  const keys = new Map<string, PreparedKey>();
  return (secret, message, encoding) => {
    let key = keys.get(secret);
    if (!key) {
      key = prepare(secret);
      keys.set(secret, key);
    }
    const inner = oneShot('sha256', Buffer.concat([key.inner, Buffer.from(message, 'utf8')]), 'buffer') as Buffer;
    // The outer input is the key's own buffer: filled and hashed in one synchronous step.
    inner.copy(key.outer, BLOCK_BYTES);
    return oneShot('sha256', key.outer, encoding) as string;
  };
}
