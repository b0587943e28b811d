/**
 * Venue and transport errors of the order endpoints, sorted into what a trader can act on.
 * No DOM; the words live in strings.ts.
 */
import {
  ExchangeError,
  MalformedResponseError,
  NetworkError,
  ProxyError,
  TimeoutError,
} from '../../client/errors.js';
import { describeError } from '../shared/describe-error.js';
import { isDuplicateClientOid } from './placement.js';
import { ticketStrings } from './strings.js';

export type OrderErrorKind =
  | 'insufficient-balance'
  | 'duplicate-client-oid'
  | 'amounts'
  | 'margin-unavailable'
  | 'refused'
  | 'auth'
  | 'venue-auth'
  | 'other';

/** KuCoin's authentication family (400001..400007: headers, timestamp, key, passphrase, signature, IP, access). */
const VENUE_AUTH_CODES = /^40000[1-7]$/;

export function orderErrorKind(error: unknown): OrderErrorKind {
  if (error instanceof ProxyError) {
    return error.status === 401 || error.status === 403 || error.code === 'unauthorized' || error.code === 'origin' ? 'auth' : 'other';
  }
  if (!(error instanceof ExchangeError) || error.status >= 500) return 'other';
  const code = error.code;
  // 200004: "Balance insufficient" (classic and V1); 126013: the same in the HF margin family.
  if (code === '200004' || code === '126013') return 'insufficient-balance';
  if (isDuplicateClientOid(error)) return 'duplicate-client-oid';
  // 130xxx: margin debit (margin not enabled, no isolated pair, borrow refused).
  if (/^130\d{3}$/.test(code)) return 'margin-unavailable';
  if (VENUE_AUTH_CODES.test(code)) return 'venue-auth';
  if (code === '400100' && /increment|multiple|minimum|maximum|below|exceed|precision|size|funds|price/i.test(error.message)) {
    return 'amounts';
  }
  if (code === '126044' || code === '400100') return 'refused';
  return 'other';
}

/** Any order-endpoint error in words, naming the venue's code when there is one. */
export function describeOrderError(error: unknown): string {
  const words = ticketStrings.errors;
  const kind = orderErrorKind(error);
  if (error instanceof ExchangeError) {
    switch (kind) {
      case 'insufficient-balance':
        return words.insufficient(error.message, error.code);
      case 'duplicate-client-oid':
        return words.duplicate;
      case 'amounts':
        return words.amounts(error.message, error.code);
      case 'margin-unavailable':
        return words.margin(error.message, error.code);
      case 'venue-auth':
        return words.venueAuth(error.message, error.code);
      case 'refused':
        return words.refused(error.message, error.code);
      default:
        break;
    }
  }
  if (error instanceof ProxyError && kind === 'auth') return words.auth(error.message);
  return describeError(error);
}

/** Why an outcome became unknown, in a few words. */
export function describeUnknownCause(cause: unknown): string {
  const words = ticketStrings.errors;
  if (cause instanceof TimeoutError) return words.timeout;
  if (cause instanceof NetworkError) return words.lost;
  if (cause instanceof MalformedResponseError) return words.malformed;
  if (cause instanceof ExchangeError && cause.status >= 500) return words.server;
  if (isDuplicateClientOid(cause)) return words.duplicate;
  return words.unknownCause;
}
