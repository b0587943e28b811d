/**
 * BitMart request headers (`bitmart-isolated-margin-loan.md`): SIGNED endpoints carry key,
 * timestamp and hex(HMAC-SHA256(secret, timestamp#memo#body)); KEYED ones the key alone.
 */
import { jsHmacSha256, type HmacSha256 } from './sign-kucoin.js';
import type { BitmartCredentials } from './types.js';

export interface BitmartSignInput {
  /** The body sent for a POST; for a GET, the query string (BitMart signs what carries the parameters). */
  payload: string;
  /** Milliseconds since the epoch. */
  timestamp: number;
}

export class BitmartSigner {
  private readonly credentials: BitmartCredentials;
  private readonly hmac: HmacSha256;

  constructor(credentials: BitmartCredentials, hmac: HmacSha256 = jsHmacSha256) {
    this.hmac = hmac;
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
    headers['X-BM-SIGN'] = this.hmac(apiSecret, `${timestamp}#${memo}#${input.payload}`, 'hex');
  }

  async signed(input: BitmartSignInput): Promise<Record<string, string>> {
    const headers: Record<string, string> = {};
    this.addSigned(headers, input);
    return headers;
  }
}
