/**
 * The in-page stack for the element fuzz suites: an account with room for many orders and loans,
 * every request the page's client sends recorded with its JSON body, and a way to wait for it
 * without timers (a hidden test page throttles timers to about one a second).
 */
import fc from 'fast-check';
import { createInPageStack, type InPageStack } from '../../demo/in-page-stack.js';
import { configure } from '../../src/client/client.js';
import { Decimal } from '../../src/core/decimal.js';
import { DEMO_CREDENTIALS } from '../../src/sandbox/index.js';

export interface SentRequest {
  method: string;
  /** The venue path, without the proxy's `/kucoin` or `/bitmart` prefix. */
  path: string;
  body: Record<string, unknown> | undefined;
  /** Settles when the answer is back. */
  done: Promise<void>;
}

export interface FuzzStack {
  stack: InPageStack;
  sent: SentRequest[];
  posts(path?: string): SentRequest[];
}

const ALWAYS_VISIBLE = { isHidden: () => false, subscribe: () => () => {} };

export function fuzzStack(): FuzzStack {
  const stack = createInPageStack({
    seed: 4,
    configurePage: false,
    accounts: [
      {
        kucoin: DEMO_CREDENTIALS.kucoin,
        bitmart: DEMO_CREDENTIALS.bitmart,
        balances: { USDT: '1000000000', BTC: '100000', ETH: '100000' },
      },
    ],
  });
  const sent: SentRequest[] = [];
  const recording = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const raw = request.method === 'POST' ? await request.clone().text() : '';
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    sent.push({
      method: request.method,
      path: new URL(request.url).pathname.replace(/^\/(kucoin|bitmart)/, ''),
      body: raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined,
      done,
    });
    try {
      return await stack.fetch(request);
    } finally {
      finish();
    }
  }) as typeof globalThis.fetch;
  configure({ proxyUrl: stack.proxyUrl, fetch: recording, timeoutMs: 10_000, hub: { visibility: ALWAYS_VISIBLE } });
  return { stack, sent, posts: (path) => sent.filter((s) => s.method === 'POST' && (path === undefined || s.path === path)) };
}

/** One macrotask, not throttled in a background tab (unlike setTimeout). */
export function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}

/** Lets in-page requests (promises only) and Lit renders finish. */
export async function drain(el?: { updateComplete: Promise<unknown> }, rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    await macrotask();
    await el?.updateComplete;
  }
}

// ---- values a trader types --------------------------------------------------------------

/** What a typed value must lead to: this exact string sent, or a field error and nothing sent. */
export type Typed = { text: string; sends: string } | { text: string; sends: undefined; why: string };

/** `units * step` as a plain decimal, as a person would type it (no exponent, no trailing zeros). */
export function multiple(units: bigint, step: string): string {
  return new Decimal(units.toString()).mul(step).toFixed();
}

/** Valid values on the grid `step` within [minUnits, maxUnits] steps, typed exactly as they are sent. */
export function validOnGrid(step: string, minUnits: bigint, maxUnits: bigint): fc.Arbitrary<Typed> {
  return fc.bigInt({ min: minUnits, max: maxUnits }).map((units) => {
    const text = multiple(units, step);
    return { text, sends: text };
  });
}

/** The same valid values dressed as people type them: spaces, leading and trailing zeros, a plus, a bare point. */
export function dressed(valid: fc.Arbitrary<Typed>): fc.Arbitrary<Typed> {
  return fc
    .tuple(valid, fc.constantFrom('spaces', 'leading-zeros', 'trailing-zeros', 'plus', 'point'))
    .map(([value, how]) => {
      const typed = value.text;
      const text =
        how === 'spaces' ? `  ${typed} `
        : how === 'leading-zeros' ? `00${typed}`
        : how === 'trailing-zeros' ? (typed.includes('.') ? `${typed}000` : `${typed}.000`)
        : how === 'plus' ? `+${typed}`
        : typed.includes('.') ? typed : `${typed}.`;
      return { ...value, text };
    });
}

/** Text that is not an amount at all. */
export const garbage: fc.Arbitrary<Typed> = fc
  .oneof(
    fc.constantFrom('', ' ', 'abc', '1e3', '1E-2', 'NaN', 'Infinity', '-Infinity', '.', '1,5', '1 000', '0x10', '１２', '١٢', '1..2', '--1', '<b>1</b>', '12abc', '$5', '5%', '½'),
    fc.string({ minLength: 1, maxLength: 8 }).filter((s) => /[^\d.\s+]/.test(s)),
  )
  .map((text) => ({ text, sends: undefined, why: 'not a number' }));

export function invalid(text: string, why: string): Typed {
  return { text, sends: undefined, why };
}

/** Polls `predicate` between macrotasks (no timers) until it holds, or fails after `rounds`. */
export async function until(predicate: () => unknown, message: string, rounds = 5000): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    if (predicate()) return;
    await macrotask();
  }
  throw new Error(`gave up waiting: ${message}`);
}

/** Resolves with the event named `ok`, rejects on `margin-error` (with its message). */
export function outcomeOf(el: EventTarget, ok: string): Promise<Event> {
  return new Promise((resolve, reject) => {
    const onOk = (event: Event) => {
      el.removeEventListener('margin-error', onError);
      resolve(event);
    };
    const onError = (event: Event) => {
      el.removeEventListener(ok, onOk);
      reject(new Error(`margin-error: ${(event as CustomEvent<{ message: string }>).detail.message}`));
    };
    el.addEventListener(ok, onOk, { once: true });
    el.addEventListener('margin-error', onError, { once: true });
  });
}

/**
 * A hub clock whose timers run only when the test moves it, like test/helpers/fake-clock.ts,
 * but settling between timers with macrotasks: a background test tab throttles setTimeout.
 */
export class QuickClock {
  private time = 1_700_000_000_000;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  get pending(): number {
    return this.timers.size;
  }

  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await drain(undefined, 3);
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = end;
    await drain(undefined, 3);
  }
}
