/**
 * The margin accounts as the elements' typed hub resources take them (`resourceFamily(prefix,
 * keyOf, load)` in `elements/shared/resources.ts`): one prefix, one key per query (defaults
 * spelled out, so `{}` and the venue's defaults share a key), and a loader
 * `(transport, query, signal?) => Promise<T>` that reads the answer at the boundary.
 */
import { getMarginAccountDetailsIsolated, type IsolatedAccountPair } from './bitmart/account.js';
import {
  getCrossMarginAccount,
  getIsolatedMarginAccount,
  type CrossMarginAccount,
  type CrossMarginAccountParams,
  type IsolatedMarginAccount,
  type IsolatedMarginAccountParams,
} from './kucoin/account.js';
import type { Transport } from './transport.js';

export interface AccountResourceSpec<Q, T> {
  /** The hub key prefix; the key is `${prefix}:${keyOf(query)}`. */
  readonly prefix: string;
  keyOf(query: Q): string;
  load(transport: Transport, query: Q, signal?: AbortSignal): Promise<T>;
}

/** KuCoin cross margin account; the kit trades in the HF one (`queryType: 'MARGIN_V2'`). */
export const kucoinCrossAccount: AccountResourceSpec<CrossMarginAccountParams, CrossMarginAccount> = {
  prefix: 'kucoin:cross-account',
  keyOf: (q) => `${q.queryType ?? 'MARGIN'}:${q.quoteCurrency ?? 'USDT'}`,
  load: (transport, q, signal) => getCrossMarginAccount(transport, q, { signal }),
};

/** KuCoin isolated margin account, one pair or all (`queryType: 'ISOLATED_V2'` for HF). */
export const kucoinIsolatedAccount: AccountResourceSpec<IsolatedMarginAccountParams, IsolatedMarginAccount> = {
  prefix: 'kucoin:isolated-account',
  keyOf: (q) => `${q.symbol ?? '*'}:${q.queryType ?? 'ISOLATED'}:${q.quoteCurrency ?? 'USDT'}`,
  load: (transport, q, signal) => getIsolatedMarginAccount(transport, q, { signal }),
};

/** BitMart isolated margin account, one pair or all. */
export const bitmartIsolatedAccount: AccountResourceSpec<{ symbol?: string }, IsolatedAccountPair[]> = {
  prefix: 'bitmart:isolated-account',
  keyOf: (q) => q.symbol ?? '*',
  load: (transport, q, signal) => getMarginAccountDetailsIsolated(transport, q, { signal }),
};
