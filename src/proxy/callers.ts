/**
 * Who is calling: one bearer token, named tokens (`alice`, `bob`), an `authorize` hook, or
 * nobody checked (a loopback demo). The caller id names the rate-limit bucket and the log line;
 * the metrics label is bounded (a configured name, or the kind of check).
 */
import { Refusal } from './respond.js';
import type { SigningProxyOptions } from './types.js';

const BEARER = /^Bearer[ ]+(\S+)[ ]*$/i;
const CALLER_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const encoder = new TextEncoder();

/** What the caller checks read of a request (the core's ProxyRequestView has it). */
export interface CallerRequest {
  header(name: string): string | null;
  readonly remoteAddress: string | undefined;
  toRequest(): Request;
}

/** The caller's id; a promise only when an `authorize` hook makes it one. */
export type Identify = (request: CallerRequest) => string | Promise<string>;

export interface CallerCheck {
  identify: Identify;
  /** The metrics label of a caller id: never unbounded (no addresses, no hook-made ids). */
  label(caller: string): string;
}

export function unauthorized(): Refusal {
  return new Refusal(401, 'unauthorized', 'Send a valid caller credential.', { 'www-authenticate': 'Bearer' });
}

/**
 * Compares `given` with every token, always all of them and every byte, so neither the time
 * nor the order of the list tells an attacker how close a guess was.
 */
function tokenMatcher(named: readonly (readonly [string, string])[]): (given: string) => string | undefined {
  const tokens = named.map(([name, token]) => ({ name, bytes: encoder.encode(token) }));
  return (given) => {
    const bytes = encoder.encode(given);
    let found: string | undefined;
    for (const token of tokens) {
      let diff = bytes.length ^ token.bytes.length;
      for (let i = 0; i < token.bytes.length; i += 1) diff |= (bytes[i] ?? 0) ^ token.bytes[i]!;
      if (diff === 0) found = token.name;
    }
    return found;
  };
}

function namedTokens(options: SigningProxyOptions): [string, string][] {
  const named: [string, string][] = [];
  if (options.token !== undefined) {
    if (options.token.length < 16) throw new TypeError('token must be at least 16 characters.');
    named.push(['token', options.token]);
  }
  for (const [name, token] of Object.entries(options.tokens ?? {})) {
    if (!CALLER_NAME.test(name)) throw new TypeError(`tokens: caller names are 1-64 of A-Z a-z 0-9 _ . -, got ${JSON.stringify(name)}.`);
    if (typeof token !== 'string' || token.length < 16) throw new TypeError(`tokens: the token of ${name} must be at least 16 characters.`);
    if (named.some(([, other]) => other === token)) throw new TypeError(`tokens: the token of ${name} is given to another caller too.`);
    named.push([name, token]);
  }
  return named;
}

export function callerCheck(options: SigningProxyOptions): CallerCheck {
  const byToken = options.token !== undefined || options.tokens !== undefined;
  const given = [byToken, options.authorize !== undefined, options.allowAnonymous === true];
  if (given.filter(Boolean).length !== 1) {
    throw new TypeError(
      'Give exactly one caller check: token (or tokens), authorize, or allowAnonymous: true (a loopback demo without any check).',
    );
  }
  if (byToken) {
    const named = namedTokens(options);
    if (named.length === 0) throw new TypeError('tokens names no caller.');
    const match = tokenMatcher(named);
    return {
      identify: (request) => {
        const bearer = BEARER.exec(request.header('authorization') ?? '');
        const name = bearer ? match(bearer[1]!) : undefined;
        if (name === undefined) throw unauthorized();
        return name;
      },
      label: (caller) => caller,
    };
  }
  const { authorize } = options;
  if (authorize) {
    const judge = (verdict: boolean | string): string => {
      if (verdict === true) return 'caller';
      if (typeof verdict === 'string' && verdict !== '') return verdict;
      throw unauthorized();
    };
    return {
      identify: (request) => {
        const verdict = authorize(request.toRequest());
        return typeof verdict === 'object' ? Promise.resolve(verdict).then(judge) : judge(verdict);
      },
      label: () => 'authorized',
    };
  }
  return {
    identify: (request) => (request.remoteAddress ? `anonymous:${request.remoteAddress}` : 'anonymous'),
    label: () => 'anonymous',
  };
}
