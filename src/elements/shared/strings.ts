import { msg, str } from '@lit/localize';
import type { FieldViolation } from '../../core/rules.js';
import { getWordsLocale } from './localization.js';

/**
 * Words shared by every element. Each is read when an element renders (a getter or a function),
 * so it follows the page's locale (`./localization.ts`); ids are stable, translators see them in
 * `xliff/*.xlf`. Element-specific strings live beside each element.
 */
export const sharedStrings = {
  get loading() { return msg('Loading…', { id: 'shared.loading' }); },
  get retry() { return msg('Retry', { id: 'shared.retry' }); },
  get stale() { return msg('Stale', { id: 'shared.stale' }); },
  get staleTitle() { return msg('No fresh data: showing the last values received', { id: 'shared.staleTitle' }); },
  get empty() { return msg('Nothing to show', { id: 'shared.empty' }); },
  get noProxy() { return msg('Not connected: set the proxy-url attribute or call configure({ proxyUrl }).', { id: 'shared.noProxy' }); },
  errors: {
    exchange: (venue: string, code: string, message: string) =>
      msg(str`${venue} refused: ${message} (code ${code})`, { id: 'shared.errors.exchange' }),
    'rate-limit': (seconds?: number) =>
      seconds
        ? msg(str`Too many requests: trying again in ${seconds} s`, { id: 'shared.errors.rateLimitIn' })
        : msg('Too many requests: please wait a moment', { id: 'shared.errors.rateLimit' }),
    proxy: (message: string) => msg(str`The proxy refused this request: ${message}`, { id: 'shared.errors.proxy' }),
    get network() { return msg('Cannot reach the proxy: check your connection', { id: 'shared.errors.network' }); },
    get timeout() { return msg('No answer in time', { id: 'shared.errors.timeout' }); },
    get 'timeout-action'() { return msg('No answer in time: checking whether it went through…', { id: 'shared.errors.timeoutAction' }); },
    get validation() { return msg('Please check the highlighted field', { id: 'shared.errors.validation' }); },
    get 'malformed-response'() { return msg('The venue sent an answer we cannot read', { id: 'shared.errors.malformedResponse' }); },
    get unknown() { return msg('Something went wrong', { id: 'shared.errors.unknown' }); },
  },
  rules: {
    get required() { return msg('Required', { id: 'shared.rules.required' }); },
    get empty() { return msg('Required', { id: 'shared.rules.required' }); },
    get 'not-a-number'() { return msg('Enter a number, like 12.5', { id: 'shared.rules.notANumber' }); },
    get negative() { return msg('Must not be negative', { id: 'shared.rules.negative' }); },
    get 'non-finite'() { return msg('Enter a finite number', { id: 'shared.rules.nonFinite' }); },
    'too-many-decimals': (limit?: string) => decimalsRule(limit),
    decimals: (limit?: string) => decimalsRule(limit),
    get positive() { return msg('Must be more than 0', { id: 'shared.rules.positive' }); },
    step: (limit?: string) => msg(str`Must be a multiple of ${limit}`, { id: 'shared.rules.step' }),
    min: (limit?: string) => msg(str`At least ${limit}`, { id: 'shared.rules.min' }),
    max: (limit?: string) => msg(str`At most ${limit}`, { id: 'shared.rules.max' }),
    get characters() { return msg('Contains characters that are not allowed', { id: 'shared.rules.characters' }); },
  },
};

function decimalsRule(limit: string | undefined): string {
  return limit === undefined
    ? msg('Too many decimal places', { id: 'shared.rules.decimalsAny' })
    : msg(str`At most ${limit} decimal places`, { id: 'shared.rules.decimals' });
}

export type SharedStrings = typeof sharedStrings;

/**
 * Whether `n` takes the singular in the words' locale. Plurals choose between two whole messages
 * (two ids) with this, so a translator writes each sentence with its number in place.
 */
export function isSingular(n: number): boolean {
  try {
    return new Intl.PluralRules(getWordsLocale()).select(n) === 'one';
  } catch {
    return n === 1;
  }
}

/** One broken rule in a trader's words; `formatLimit` localizes the limit (an exact decimal string). */
export function describeViolation(violation: FieldViolation, formatLimit: (limit: string) => string = (l) => l): string {
  const rules: Record<string, string | ((limit?: string) => string)> = sharedStrings.rules;
  const text = rules[violation.rule] ?? sharedStrings.errors.validation;
  const limit = violation.limit === undefined ? undefined : violation.rule === 'decimals' || violation.rule === 'too-many-decimals' ? violation.limit : formatLimit(violation.limit);
  return typeof text === 'function' ? text(limit) : text;
}
