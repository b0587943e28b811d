/**
 * BitMart request headers (`bitmart-isolated-margin-loan.md`): SIGNED endpoints carry key,
 * timestamp and hex(HMAC-SHA256(secret, timestamp#memo#body)); KEYED ones the key alone.
 */
import { bitmartSign } from '../core/signing.js';
import type { BitmartCredentials } from './types.js';

export interface BitmartSignInput {
  /** The body sent for a POST; for a GET, the query string (BitMart signs what carries the parameters). */
  payload: string;
  /** Milliseconds since the epoch. */
  timestamp: number;
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

  async signed(input: BitmartSignInput): Promise<Record<string, string>> {
    const { apiKey, apiSecret, memo } = this.credentials;
    const timestamp = String(input.timestamp);
    return {
      'X-BM-KEY': apiKey,
      'X-BM-TIMESTAMP': timestamp,
      'X-BM-SIGN': await bitmartSign(apiSecret, timestamp, memo, input.payload),
    };
  }
}
