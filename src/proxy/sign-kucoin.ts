/**
 * KuCoin request headers (DESIGN.md "Signing"): the signature covers timestamp + METHOD + path +
 * `?query` + body, exactly as sent.
 */
import { hmacSha256 } from '../core/hmac-sha256.js';
import { kucoinPrehash } from '../core/signing.js';
import type { KucoinCredentials } from './types.js';

export interface KucoinSignInput {
  method: string;
  /** The venue path and, when there is one, `?query`: the very text put on the wire. */
  pathWithQuery: string;
  /** The body sent, '' for none. */
  body: string;
  /** Milliseconds since the epoch. */
  timestamp: number;
}

/** Base64 of a digest; `btoa` is on every runtime the proxy runs on. */
export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 1) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary);
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 1) text += HEX[bytes[i]!]!;
  return text;
}

/**
 * HMAC-SHA256 of UTF-8 `message` under UTF-8 `secret`, encoded. The plain JavaScript one runs
 * everywhere; a server adapter may hand in its platform's (node:crypto) for speed.
 */
export type HmacSha256 = (secret: string, message: string, encoding: 'base64' | 'hex') => string;

export const jsHmacSha256: HmacSha256 = (secret, message, encoding) => {
  const digest = hmacSha256(secret, message);
  return encoding === 'base64' ? base64(digest) : hex(digest);
};

/** Signs KuCoin requests with one key; the passphrase HMAC is computed once. */
export class KucoinSigner {
  private readonly credentials: KucoinCredentials;
  private readonly version: '2' | '3';
  private passphrase: string | undefined;
  private readonly hmac: HmacSha256;

  constructor(credentials: KucoinCredentials, hmac: HmacSha256 = jsHmacSha256) {
    this.hmac = hmac;
    const version = credentials.apiKeyVersion ?? '3';
    if (version !== '2' && version !== '3') throw new TypeError('KuCoin apiKeyVersion must be "2" or "3".');
    for (const field of ['apiKey', 'apiSecret', 'apiPassphrase'] as const) {
      if (typeof credentials[field] !== 'string' || credentials[field] === '') {
        throw new TypeError(`KuCoin ${field} is missing.`);
      }
    }
    this.credentials = credentials;
    this.version = version;
  }

  /** Adds the five KC-API headers to `headers`, synchronously (the hash is plain JavaScript). */
  addHeaders(headers: Record<string, string>, input: KucoinSignInput): void {
    const { apiKey, apiSecret, apiPassphrase } = this.credentials;
    const timestamp = String(input.timestamp);
    this.passphrase ??= this.hmac(apiSecret, apiPassphrase, 'base64');
    headers['KC-API-KEY'] = apiKey;
    headers['KC-API-SIGN'] = this.hmac(apiSecret, kucoinPrehash(timestamp, input.method, input.pathWithQuery, input.body), 'base64');
    headers['KC-API-TIMESTAMP'] = timestamp;
    headers['KC-API-PASSPHRASE'] = this.passphrase;
    headers['KC-API-KEY-VERSION'] = this.version;
  }

  async headers(input: KucoinSignInput): Promise<Record<string, string>> {
    const headers: Record<string, string> = {};
    this.addHeaders(headers, input);
    return headers;
  }
}
