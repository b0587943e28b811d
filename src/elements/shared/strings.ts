import type { FieldViolation } from '../../core/rules.js';

/**
 * Words shared by every element, in one place for translation. Element-specific strings live
 * beside each element.
 */
export const sharedStrings = {
  loading: 'Loading…',
  retry: 'Retry',
  stale: 'Stale',
  staleTitle: 'No fresh data: showing the last values received',
  empty: 'Nothing to show',
  noProxy: 'Not connected: set the proxy-url attribute or call configure({ proxyUrl }).',
  errors: {
    exchange: (venue: string, code: string, message: string) => `${venue} refused: ${message} (code ${code})`,
    'rate-limit': (seconds?: number) =>
      seconds ? `Too many requests: trying again in ${seconds} s` : 'Too many requests: please wait a moment',
    proxy: (message: string) => `The proxy refused this request: ${message}`,
    network: 'Cannot reach the proxy: check your connection',
    timeout: 'No answer in time',
    'timeout-action': 'No answer in time: checking whether it went through…',
    validation: 'Please check the highlighted field',
    'malformed-response': 'The venue sent an answer we cannot read',
    unknown: 'Something went wrong',
  },
  rules: {
    required: 'Required',
    empty: 'Required',
    'not-a-number': 'Enter a number, like 12.5',
    negative: 'Must not be negative',
    'non-finite': 'Enter a finite number',
    'too-many-decimals': (limit?: string) => `At most ${limit ?? 'the allowed'} decimal places`,
    decimals: (limit?: string) => `At most ${limit ?? 'the allowed'} decimal places`,
    positive: 'Must be more than 0',
    step: (limit?: string) => `Must be a multiple of ${limit}`,
    min: (limit?: string) => `At least ${limit}`,
    max: (limit?: string) => `At most ${limit}`,
    characters: 'Contains characters that are not allowed',
  },
};

export type SharedStrings = typeof sharedStrings;

/** One broken rule in a trader's words; `formatLimit` localizes the limit (an exact decimal string). */
export function describeViolation(violation: FieldViolation, formatLimit: (limit: string) => string = (l) => l): string {
  const rules: Record<string, string | ((limit?: string) => string)> = sharedStrings.rules;
  const text = rules[violation.rule] ?? sharedStrings.errors.validation;
  const limit = violation.limit === undefined ? undefined : violation.rule === 'decimals' || violation.rule === 'too-many-decimals' ? violation.limit : formatLimit(violation.limit);
  return typeof text === 'function' ? text(limit) : text;
}
