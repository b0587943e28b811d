/**
 * BitMart request headers (`bitmart-isolated-margin-loan.md`): SIGNED endpoints carry key,
 * timestamp and hex(HMAC-SHA256(secret, timestamp#memo#body)); KEYED ones the key alone.
 */
import { hmacSha256 } from '../core/hmac-sha256.js';
import type { BitmartCredentials } from './types.js';

export interface BitmartSignInput {
  /** The body sent for a POST; for a GET, the query string (BitMart signs what carries the parameters). */
  payload: string;
  /** Milliseconds since the epoch. */
  timestamp: number;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 1) text += HEX[bytes[i]!]!;
  return text;
}

export class BitmartSigner {
  private readonly credentials: BitmartCredentials;

  constructor(credentials: BitmartCredentials) {
    for (const field of ['apiKey', 'apiSecret', 'memo'] as const) {
      if (typeof credentials[field] !== 'string' || credentials[field] === '') {
        throw new TypeError(`BitMart ${field} is missing.`);
      }
    }
    this.credentials = credentials;
  }

  /** KEYED: the API key header and nothing else. */
  keyed(): Record<string, string> {
    return { 'X-BM-KEY': this.credentials.apiKey };
  }

  addKeyed(headers: Record<string, string>): void {
    headers['X-BM-KEY'] = this.credentials.apiKey;
  }

  /** Adds the three SIGNED headers to `headers`, synchronously (the hash is plain JavaScript). */
  addSigned(headers: Record<string, string>, input: BitmartSignInput): void {
    const { apiKey, apiSecret, memo } = this.credentials;
    const timestamp = String(input.timestamp);
    headers['X-BM-KEY'] = apiKey;
    headers['X-BM-TIMESTAMP'] = timestamp;
    headers['X-BM-SIGN'] = hex(hmacSha256(apiSecret, `${timestamp}#${memo}#${input.payload}`));
  }

  async signed(input: BitmartSignInput): Promise<Record<string, string>> {
    const headers: Record<string, string> = {};
    this.addSigned(headers, input);
    return headers;
  }
}
