import type { Venue } from '../core/endpoints.js';
import type { FieldViolation } from '../core/rules.js';

/** A stable string per error class, for `switch` in a host page and for logs. */
export type MarginKitErrorKind =
  | 'exchange'
  | 'rate-limit'
  | 'proxy'
  | 'network'
  | 'timeout'
  | 'validation'
  | 'malformed-response';

/** Base of every error margin-kit throws or emits in `margin-error`. */
export class MarginKitError extends Error {
  readonly kind: MarginKitErrorKind;

  constructor(kind: MarginKitErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.name = 'MarginKitError';
  }
}

/** The venue answered with an error envelope (KuCoin `code` != "200000", BitMart `code` != 1000). */
export class ExchangeError extends MarginKitError {
  readonly venue: Venue;
  /** The venue's own code, as text (`"400100"`, `"50006"`). */
  readonly code: string;
  readonly status: number;
  /** BitMart's `trace`, when given: what their support asks for. */
  readonly trace: string | undefined;

  constructor(init: { venue: Venue; code: string; message: string; status: number; trace?: string }) {
    super('exchange', init.message);
    this.name = 'ExchangeError';
    this.venue = init.venue;
    this.code = init.code;
    this.status = init.status;
    this.trace = init.trace;
  }
}

/** Too many requests, from the venue or the proxy; `retryAfterMs` when either said how long. */
export class RateLimitError extends MarginKitError {
  readonly retryAfterMs: number | undefined;
  readonly status: number;
  readonly source: 'venue' | 'proxy';

  constructor(init: { message: string; retryAfterMs?: number; status: number; source: 'venue' | 'proxy' }) {
    super('rate-limit', init.message);
    this.name = 'RateLimitError';
    this.retryAfterMs = init.retryAfterMs;
    this.status = init.status;
    this.source = init.source;
  }
}

/** The signing proxy refused the call (origin, auth, allow-list, guard, body): nothing reached the venue. */
export class ProxyError extends MarginKitError {
  /** The proxy's stable code: `not_allowed`, `unauthorized`, `origin`, `guard`, `body_too_large`... */
  readonly code: string;
  readonly status: number;
  /**
   * Which of the proxy's checks refused (`origin`, `auth`, `allow-list`, `rate-limit`, `body`,
   * `guard`, `host`, `keys`...), when the proxy said: `origin` means "the proxy refused this page's
   * origin", not "cannot reach the proxy".
   */
  readonly check: string | undefined;

  constructor(init: { code: string; message: string; status: number; check?: string }) {
    super('proxy', init.message);
    this.name = 'ProxyError';
    this.code = init.code;
    this.status = init.status;
    this.check = init.check;
  }
}

/** No answer at all: connection refused or reset, DNS, CORS, or the proxy could not reach the venue. */
export class NetworkError extends MarginKitError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('network', message, options);
    this.name = 'NetworkError';
  }
}

/** No answer in time. For a POST the outcome is unknown: the action may have been applied. */
export class TimeoutError extends MarginKitError {
  readonly timeoutMs: number;

  constructor(timeoutMs: number, message = `No answer within ${timeoutMs} ms`) {
    super('timeout', message);
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** Our own rule check failed before sending: nothing was sent. */
export class ValidationError extends MarginKitError {
  readonly violations: readonly FieldViolation[];

  constructor(violations: readonly FieldViolation[], message?: string) {
    const first = violations[0];
    super('validation', message ?? (first ? `${first.field}: ${first.rule}${first.limit ? ` (${first.limit})` : ''}` : 'invalid input'));
    this.name = 'ValidationError';
    this.violations = violations;
  }

  /** The first field at fault. */
  get field(): string | undefined {
    return this.violations[0]?.field;
  }
}

/** An answer arrived but is not what the venue documents (not JSON, or a field missing or mistyped). */
export class MalformedResponseError extends MarginKitError {
  readonly status: number;

  constructor(message: string, status: number) {
    super('malformed-response', message);
    this.name = 'MalformedResponseError';
    this.status = status;
  }
}

export function isMarginKitError(error: unknown): error is MarginKitError {
  return error instanceof MarginKitError;
}

/**
 * Whether an action sent with this error may have been applied anyway (timeout, lost connection,
 * an unreadable answer, or a gateway error): the caller must look it up before trying again.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (!(error instanceof MarginKitError)) return false;
  if (error.kind === 'timeout' || error.kind === 'network' || error.kind === 'malformed-response') return true;
  return error instanceof ExchangeError && error.status >= 500;
}
