/**
 * BitMart request headers (`bitmart-isolated-margin-loan.md`): SIGNED endpoints carry key,
 * timestamp and hex(HMAC-SHA256(secret, timestamp#memo#body)); KEYED ones the key alone.
 */
import { webCryptoHmacSha256, type HmacSha256 } from './sign-kucoin.js';
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

  constructor(credentials: BitmartCredentials, hmac: HmacSha256 = webCryptoHmacSha256) {
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

  /**
   * Adds the three SIGNED headers to `headers`: at once when the HMAC answers at once
   * (node:crypto), else through the promise returned.
   */
  addSigned(headers: Record<string, string>, input: BitmartSignInput): Promise<void> | undefined {
    const { apiKey, apiSecret, memo } = this.credentials;
    const timestamp = String(input.timestamp);
    const sign = this.hmac(apiSecret, `${timestamp}#${memo}#${input.payload}`, 'hex');
    const write = (sign: string) => {
      headers['X-BM-KEY'] = apiKey;
      headers['X-BM-TIMESTAMP'] = timestamp;
      headers['X-BM-SIGN'] = sign;
    };
    if (typeof sign === 'string') {
      write(sign);
      return undefined;
    }
    return sign.then(write);
  }

  async signed(input: BitmartSignInput): Promise<Record<string, string>> {
    const headers: Record<string, string> = {};
    await this.addSigned(headers, input);
    return headers;
  }
}
