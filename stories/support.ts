/**
 * Stories run live: each story gets its own in-page stack (proxy handler + sandbox handler) on
 * its own proxy URL, so several stories on one docs page never share state.
 */
import { html, type TemplateResult } from 'lit';
import { configure } from '../src/client/client.js';
import { Decimal } from '../src/core/decimal.js';
import { CURRENCIES, DEMO_CREDENTIALS, type FaultRule } from '../src/sandbox/index.js';
import { createInPageStack, type InPageStack } from '../demo/in-page-stack.js';

const stacks = new Map<string, InPageStack>();

configure({
  fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const stack = stacks.get(new URL(request.url).origin);
    return stack ? stack.fetch(request) : Promise.reject(new TypeError(`no story stack for ${request.url}`));
  }) as typeof fetch,
});

export type StackState = 'live' | 'loading' | 'error';

const FAULTS: Record<StackState, FaultRule[]> = {
  live: [],
  // Answers that take ten minutes: the element stays in its loading state.
  loading: [{ kind: 'delay', delayMs: 600_000 }],
  // Every call fails as a venue outage would (nothing applied).
  error: [{ kind: 'server-error' }],
};

/** An account state a story starts from (near liquidation, no balance, limit reached). */
export interface AccountSeed {
  /** The demo account's starting balances; every currency not named starts at 0. */
  balances?: Record<string, string>;
  /** Loans already taken, in the HF account the kit trades in (as the KuCoin ledger lends them). */
  borrowed?: ReadonlyArray<{ currency: string; size: string; mode?: 'cross' | 'isolated'; symbol?: string }>;
}

/** A fresh sandbox + proxy for one story; returns the proxy URL to give the element. */
export function storyStack(name: string, state: StackState = 'live', seed: AccountSeed = {}): string {
  const proxyUrl = `https://${name.toLowerCase().replace(/[^a-z0-9-]/g, '-')}.proxy.invalid`;
  const existing = stacks.get(proxyUrl);
  if (existing && state === 'live') return proxyUrl;
  const balances = seed.balances && { ...Object.fromEntries(CURRENCIES.map((c) => [c.currency, '0'])), ...seed.balances };
  const accounts = balances && [{ kucoin: DEMO_CREDENTIALS.kucoin, bitmart: DEMO_CREDENTIALS.bitmart, balances }];
  const stack = createInPageStack({ proxyUrl, configurePage: false, seed: 42, faults: FAULTS[state], accounts });
  const account = stack.sandbox.state.kucoinAccounts.get(DEMO_CREDENTIALS.kucoin.apiKey)!;
  for (const loan of seed.borrowed ?? []) {
    stack.sandbox.state.loans.borrow(account, { mode: loan.mode ?? 'cross', symbol: loan.symbol, currency: loan.currency, hf: true }, new Decimal(loan.size), 'FOK');
  }
  stacks.set(proxyUrl, stack);
  return proxyUrl;
}

/**
 * The account states the stories show (and their tests mount): 40 USDT of its own and 1000
 * borrowed (debt ratio 1000 / 1040 = 96.16%, past the 95% warning, below the 97% liquidation);
 * nothing at all; the whole personal USDT limit (1000000) borrowed.
 */
export const ACCOUNT_SEEDS = {
  nearLiquidation: { balances: { USDT: '40' }, borrowed: [{ currency: 'USDT', size: '1000' }] },
  noBalance: { balances: {} },
  maxReached: { borrowed: [{ currency: 'USDT', size: '1000000' }] },
} satisfies Record<string, AccountSeed>;

/** The dark theme: the page's color-scheme, which the elements follow. */
export function dark(story: TemplateResult): TemplateResult {
  return html`<div style="color-scheme: dark; background: #101317; padding: 1rem; border-radius: 8px;">${story}</div>`;
}
