/**
 * KuCoin request headers (DESIGN.md "Signing"): the signature covers timestamp + METHOD + path +
 * `?query` + body, exactly as sent.
 */
import { kucoinPassphrase, kucoinSign } from '../core/signing.js';
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

/** Signs KuCoin requests with one key; the passphrase HMAC is computed once. */
export class KucoinSigner {
  private readonly credentials: KucoinCredentials;
  private passphrase: Promise<string> | undefined;

  constructor(credentials: KucoinCredentials) {
    const version = credentials.apiKeyVersion ?? '3';
    if (version !== '2' && version !== '3') throw new TypeError('KuCoin apiKeyVersion must be "2" or "3".');
    for (const field of ['apiKey', 'apiSecret', 'apiPassphrase'] as const) {
      if (typeof credentials[field] !== 'string' || credentials[field] === '') {
        throw new TypeError(`KuCoin ${field} is missing.`);
      }
    }
    this.credentials = credentials;
  }

  async headers(input: KucoinSignInput): Promise<Record<string, string>> {
    const { apiKey, apiSecret, apiPassphrase, apiKeyVersion = '3' } = this.credentials;
    const timestamp = String(input.timestamp);
    this.passphrase ??= kucoinPassphrase(apiSecret, apiPassphrase);
    return {
      'KC-API-KEY': apiKey,
      'KC-API-SIGN': await kucoinSign(apiSecret, timestamp, input.method, input.pathWithQuery, input.body),
      'KC-API-TIMESTAMP': timestamp,
      'KC-API-PASSPHRASE': await this.passphrase,
      'KC-API-KEY-VERSION': apiKeyVersion,
    };
  }
}
