/**
 * The venues' request signatures, in plain JavaScript (hmac-sha256.ts), so the proxy (which
 * signs) and the sandbox (which verifies) run on Node, Deno, Bun, edge runtimes and in the
 * browser alike. The functions stay async: callers need not care how the hash is computed.
 */
import { hmacSha256 } from './hmac-sha256.js';

const encoder = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += HEX[byte]!;
  return hex;
}

export async function hmacSha256Base64(secret: string, message: string): Promise<string> {
  return toBase64(hmacSha256(secret, message));
}

export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  return toHex(hmacSha256(secret, message));
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
