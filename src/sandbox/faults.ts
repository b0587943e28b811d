/**
 * Fault injection for tests and the fault suite: per path or by (seeded) probability, the
 * sandbox delays, loses the answer after applying the action, fails, rate-limits or garbles.
 */

export type FaultKind =
  /** Wait `delayMs` before answering (past the client's timeout, the outcome is unknown). */
  | 'delay'
  /** Apply the action, then drop the answer: the connection fails as if reset. */
  | 'lose-response'
  /** Fail before applying anything, as a reset connection. */
  | 'reset'
  /** Answer 503 with the venue's internal error envelope, nothing applied. */
  | 'server-error'
  /** Answer 429 with the venue's rate-limit headers, nothing applied. */
  | 'rate-limit'
  /** Apply the action, then answer 200 with a body that is not JSON. */
  | 'malformed';

export interface FaultRule {
  kind: FaultKind;
  /** Exact venue path, or a pattern; every path when absent. */
  path?: string | RegExp;
  method?: string;
  /** Chance per matching request, drawn from the seeded generator (default 1). */
  probability?: number;
  /** How many times it fires before it is spent (default: unlimited). */
  times?: number;
  delayMs?: number;
}

/** The faults to apply to one request, drawn once when it arrives. */
export interface DrawnFaults {
  delayMs: number;
  /** Fails before the action. */
  before?: 'reset' | 'server-error' | 'rate-limit';
  /** Spoils the answer after the action was applied. */
  after?: 'lose-response' | 'malformed';
}

export class FaultController {
  private rules: Array<FaultRule & { fired: number }> = [];

  constructor(
    private readonly random: () => number,
    rules: readonly FaultRule[] = [],
  ) {
    for (const rule of rules) this.add(rule);
  }

  add(rule: FaultRule): void {
    this.rules.push({ ...rule, fired: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  /** How often each kind fired, for the fault suite's report. */
  get fired(): Record<FaultKind, number> {
    const counts = { delay: 0, 'lose-response': 0, reset: 0, 'server-error': 0, 'rate-limit': 0, malformed: 0 };
    for (const rule of this.rules) counts[rule.kind] += rule.fired;
    return counts;
  }

  draw(method: string, path: string): DrawnFaults {
    const drawn: DrawnFaults = { delayMs: 0 };
    for (const rule of this.rules) {
      if (rule.method && rule.method !== method) continue;
      if (rule.path !== undefined && !(typeof rule.path === 'string' ? rule.path === path : rule.path.test(path))) continue;
      if (rule.times !== undefined && rule.fired >= rule.times) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      rule.fired += 1;
      if (rule.kind === 'delay') drawn.delayMs += rule.delayMs ?? 0;
      else if (rule.kind === 'lose-response' || rule.kind === 'malformed') drawn.after ??= rule.kind;
      else drawn.before ??= rule.kind;
    }
    return drawn;
  }
}
