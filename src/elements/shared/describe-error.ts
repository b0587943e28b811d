import {
  ExchangeError,
  MarginKitError,
  ProxyError,
  RateLimitError,
  ValidationError,
} from '../../client/errors.js';
import { describeViolation, sharedStrings } from './strings.js';

const VENUE_NAMES = { kucoin: 'KuCoin', bitmart: 'BitMart' } as const;

/** Any error in words a trader understands (never a stack trace or a raw status). */
export function describeError(error: unknown): string {
  const words = sharedStrings.errors;
  if (error instanceof ExchangeError) return words.exchange(VENUE_NAMES[error.venue], error.code, error.message);
  if (error instanceof RateLimitError) {
    return words['rate-limit'](error.retryAfterMs === undefined ? undefined : Math.ceil(error.retryAfterMs / 1000));
  }
  if (error instanceof ProxyError) {
    // The page's own setup, not the trader's connection: say whose origin and where to allow it.
    if (error.code === 'origin') {
      const origin = typeof location === 'undefined' ? '' : ` (${location.origin})`;
      return words.proxy(`this origin${origin} is not on its allowed origins (PROXY_ALLOWED_ORIGINS)`);
    }
    return words.proxy(error.message);
  }
  if (error instanceof ValidationError) {
    const first = error.violations[0];
    return first ? `${first.field}: ${describeViolation(first)}` : words.validation;
  }
  if (error instanceof MarginKitError) {
    const text = words[error.kind];
    return typeof text === 'string' ? text : words.unknown;
  }
  if (error instanceof TypeError && /proxy/i.test(error.message)) return sharedStrings.noProxy;
  return words.unknown;
}

export function errorKind(error: unknown): string {
  return error instanceof MarginKitError ? error.kind : 'unknown';
}
