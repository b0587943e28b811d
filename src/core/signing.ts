/**
 * The venues' request signatures in Web Crypto, so the proxy's fetch handler (which signs) and the
 * sandbox (which verifies) run unchanged on Node, Deno, Bun, workerd and in the browser (a secure
 * context: https or localhost, where Storybook runs). The node:http adapter signs with node:crypto
 * instead (src/node/proxy.ts).
 */

const encoder = new TextEncoder();

/**
 * Imported keys by secret: importing costs about as much as signing, and a proxy signs with the
 * same one or two secrets all day. The keys are not extractable; the secrets were in memory anyway.
 */
const keys = new Map<string, Promise<CryptoKey>>();
const MAX_CACHED_KEYS = 64;

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= MAX_CACHED_KEYS) keys.clear();
    key = globalThis.crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    keys.set(secret, key);
  }
  return key;
}

async function hmacSha256(secret: string, message: string): Promise<Uint8Array> {
  const key = await hmacKey(secret);
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(message)));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 1) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary);
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (let i = 0; i < bytes.length; i += 1) hex += HEX[bytes[i]!]!;
  return hex;
}

export async function hmacSha256Base64(secret: string, message: string): Promise<string> {
  return toBase64(await hmacSha256(secret, message));
}

export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  return toHex(await hmacSha256(secret, message));
}

/** What KuCoin signs: timestamp + METHOD + path (with `?query` when there is one) + body. */
export function kucoinPrehash(timestamp: string, method: string, pathWithQuery: string, body: string): string {
  return `${timestamp}${method.toUpperCase()}${pathWithQuery}${body}`;
}

export function kucoinSign(secret: string, timestamp: string, method: string, pathWithQuery: string, body: string): Promise<string> {
  return hmacSha256Base64(secret, kucoinPrehash(timestamp, method, pathWithQuery, body));
}

/** KuCoin key versions 2 and 3 send the passphrase HMAC'd with the secret, not in clear. */
export function kucoinPassphrase(secret: string, passphrase: string): Promise<string> {
  return hmacSha256Base64(secret, passphrase);
}

/** What BitMart signs for SIGNED endpoints: timestamp + "#" + memo + "#" + body. */
export function bitmartSign(secret: string, timestamp: string, memo: string, body: string): Promise<string> {
  return hmacSha256Hex(secret, `${timestamp}#${memo}#${body}`);
}

/** Compares two secrets without leaking where they first differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  let diff = left.length ^ right.length;
  const length = Math.max(left.length, right.length);
  for (let i = 0; i < length; i += 1) diff |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return diff === 0;
}
