/**
 * KuCoin request headers (DESIGN.md "Signing"): the signature covers timestamp + METHOD + path +
 * `?query` + body, exactly as sent.
 */
import { hmacSha256Base64, hmacSha256Hex, kucoinPrehash } from '../core/signing.js';
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

/**
 * HMAC-SHA256 of UTF-8 `message` under UTF-8 `secret`, encoded. Web Crypto (a promise) by
 * default, on every runtime the fetch handler runs on; the node:http adapter hands in node:crypto,
 * which answers at once, and then signing stays synchronous.
 */
export type HmacSha256 = (secret: string, message: string, encoding: 'base64' | 'hex') => string | Promise<string>;

export const webCryptoHmacSha256: HmacSha256 = (secret, message, encoding) =>
  encoding === 'base64' ? hmacSha256Base64(secret, message) : hmacSha256Hex(secret, message);

/** Signs KuCoin requests with one key; the passphrase HMAC is computed once. */
export class KucoinSigner {
  private readonly credentials: KucoinCredentials;
  private readonly version: '2' | '3';
  private passphrase: string | Promise<string> | undefined;
  private readonly hmac: HmacSha256;

  constructor(credentials: KucoinCredentials, hmac: HmacSha256 = webCryptoHmacSha256) {
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

  /**
   * Adds the five KC-API headers to `headers`: at once when the HMAC answers at once
   * (node:crypto), else through the promise returned.
   */
  addHeaders(headers: Record<string, string>, input: KucoinSignInput): Promise<void> | undefined {
    const { apiKey, apiSecret, apiPassphrase } = this.credentials;
    const timestamp = String(input.timestamp);
    const passphrase = (this.passphrase ??= this.hmac(apiSecret, apiPassphrase, 'base64'));
    const sign = this.hmac(apiSecret, kucoinPrehash(timestamp, input.method, input.pathWithQuery, input.body), 'base64');
    const write = (sign: string, passphrase: string) => {
      headers['KC-API-KEY'] = apiKey;
      headers['KC-API-SIGN'] = sign;
      headers['KC-API-TIMESTAMP'] = timestamp;
      headers['KC-API-PASSPHRASE'] = passphrase;
      headers['KC-API-KEY-VERSION'] = this.version;
    };
    if (typeof sign === 'string' && typeof passphrase === 'string') {
      write(sign, passphrase);
      return undefined;
    }
    return Promise.all([sign, passphrase]).then(([sign, passphrase]) => write(sign, passphrase));
  }

  async headers(input: KucoinSignInput): Promise<Record<string, string>> {
    const headers: Record<string, string> = {};
    await this.addHeaders(headers, input);
    return headers;
  }
}
