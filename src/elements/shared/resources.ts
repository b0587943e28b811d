/**
 * The venue resources elements share on a page, each declared once: its hub key, how it loads,
 * how long a cached copy serves and how often it may be polled. Two elements that read the same
 * resource always get the same loader (the hub keeps the first subscriber's), so they cannot
 * disagree about what a key holds. Like `createContext<T>` in @lit/context: a typed value, never
 * a string typed out again.
 */
import type { IsolatedPair } from '../../client/bitmart/margin-loan.js';
import { getIsolatedPairs } from '../../client/bitmart/margin-loan.js';
import type { LoanMarket, LoanMarketInterestRate } from '../../client/kucoin/lending.js';
import { getLoanMarket, getLoanMarketInterestRate, LOAN_MARKET_KEY } from '../../client/kucoin/lending.js';
import type { CrossMarginSymbols, IsolatedMarginSymbol, MarginConfig } from '../../client/kucoin/market.js';
import {
  getCrossMarginSymbols,
  getIsolatedMarginSymbols,
  getMarginConfig,
} from '../../client/kucoin/market.js';
import type { MarginOrder, MarginTradeType } from '../../client/kucoin/orders.js';
import { getOpenOrders, getOrderByOrderId, getSymbolsWithOpenOrder } from '../../client/kucoin/orders.js';
import { bitmartIsolatedAccount, kucoinCrossAccount, kucoinIsolatedAccount, type AccountResourceSpec } from '../../client/account-resources.js';
import { getMarginRiskLimit, type CrossMarginRiskLimit, type IsolatedMarginRiskLimit } from '../../client/kucoin/debit.js';
import type { Transport } from '../../client/transport.js';
import type { BorrowLimits, BorrowRepayVenue, MarginMode } from '../../client/venue.js';
import { resource, resourceFamily, type Resource } from './resource.js';

// The mechanism and the text resources live in modules with no Decimal-based endpoint (the ticker's chunks).
export * from './resource.js';
export { markPrices, symbolIncrements } from './mark-prices.js';

/** `GET /api/v3/margin/symbols` (all), with each symbol's increments. */
export const crossSymbols: Resource<CrossMarginSymbols> = resource('kucoin:cross-symbols', (transport, signal) =>
  getCrossMarginSymbols(transport, {}, { signal }),
);

/** `GET /api/v1/isolated/symbols`. */
export const isolatedSymbols: Resource<IsolatedMarginSymbol[]> = resource('kucoin:isolated-symbols', (transport, signal) =>
  getIsolatedMarginSymbols(transport, { signal }),
);

/** `GET /api/v1/margin/config`: currencies, max leverage, warning and liquidation debt ratios. */
export const marginConfig: Resource<MarginConfig> = resource('kucoin:margin-config', (transport, signal) =>
  getMarginConfig(transport, { signal }),
);

/** `GET /api/v3/project/list`: the lending market. Rates move hourly. */
export const loanMarket: Resource<LoanMarket[]> = resource(LOAN_MARKET_KEY, (transport, signal) => getLoanMarket(transport, {}, { signal }), {
  minIntervalMs: 5_000,
  reference: true,
});

/** BitMart `GET /spot/v1/margin/isolated/pairs`, every pair. */
export const bitmartPairs: Resource<IsolatedPair[]> = resource('bitmart:pairs', (transport, signal) => getIsolatedPairs(transport, {}, { signal }), {
  minIntervalMs: 5_000,
  reference: true,
});

/** `GET /api/v3/project/marketInterestRate`: a lending currency's last 7 days, a point an hour (kept 10 minutes). */
export const loanRateHistory = resourceFamily(
  'kucoin:loan-rate-history',
  (currency: string) => currency,
  (transport, currency, signal): Promise<LoanMarketInterestRate[]> => getLoanMarketInterestRate(transport, { currency }, { signal }),
  { ttlMs: 600_000 }, // a literal: an expression here would keep this declaration (and decimal.js) in every bundle
);

/** `GET /api/v3/hf/margin/orders/active`: one symbol's open orders in one trade type (cross or isolated). */
export const openOrders = resourceFamily(
  'kucoin:open-orders',
  (p: { tradeType: MarginTradeType; symbol: string }) => `${p.tradeType}:${p.symbol}`,
  (transport, p, signal): Promise<MarginOrder[]> => getOpenOrders(transport, p, { signal }),
  { ttlMs: 1_000 },
);

/** `GET /api/v3/hf/margin/order/active/symbols`: the symbols with open orders in a trade type. */
export const openOrderSymbols = resourceFamily(
  'kucoin:open-order-symbols',
  (tradeType: MarginTradeType) => tradeType,
  async (transport, tradeType, signal): Promise<string[]> => (await getSymbolsWithOpenOrder(transport, { tradeType }, { signal })).symbols,
  { ttlMs: 1_000 },
);

/** `GET /api/v3/hf/margin/orders/{orderId}`: one order, read while a ticket tracks it. */
export const marginOrder = resourceFamily(
  'kucoin:margin-order',
  (p: { orderId: string; symbol: string }) => `${p.symbol}:${p.orderId}`,
  (transport, p, signal): Promise<MarginOrder> => getOrderByOrderId(transport, p, { signal }),
  { ttlMs: 0 },
);

/** An account resource family from its client spec (`client/account-resources.ts`): balances move with every fill, so polled, never cached long. */
/* @__NO_SIDE_EFFECTS__ */
const accountFamily = <Q, T>(spec: AccountResourceSpec<Q, T>) => resourceFamily(spec.prefix, spec.keyOf, spec.load, { ttlMs: 1_000, minIntervalMs: 1_000 });

/** `GET /api/v3/margin/accounts`: available, liability and debt ratio of the cross account (`MARGIN_V2`: the HF one). */
export const crossAccount = accountFamily(kucoinCrossAccount);

/** `GET /api/v3/isolated/accounts`: one pair's (or every pair's) isolated account. */
export const isolatedAccount = accountFamily(kucoinIsolatedAccount);

/** BitMart `GET /spot/v1/margin/isolated/account`: one pair's wallet, what it owes and its risk rate. */
export const bitmartAccount = accountFamily(bitmartIsolatedAccount);

/** `GET /api/v3/margin/currencies` for one cross currency: `buyMaxAmount` (available + what may still be borrowed), `precision`. */
export const crossRiskLimit = resourceFamily(
  'kucoin:risk-limit:cross',
  (currency: string) => currency,
  async (transport, currency, signal): Promise<CrossMarginRiskLimit | undefined> =>
    (await getMarginRiskLimit(transport, { currency }, { signal })).find((l) => l.currency === currency),
  { ttlMs: 1_000 },
);

/** `GET /api/v3/margin/currencies` for one isolated pair: `baseMaxBuyAmount`, `quoteMaxBuyAmount`, precisions. */
export const isolatedRiskLimit = resourceFamily(
  'kucoin:risk-limit:isolated',
  (symbol: string) => symbol,
  async (transport, symbol, signal): Promise<IsolatedMarginRiskLimit | undefined> =>
    (await getMarginRiskLimit(transport, { isIsolated: true, symbol }, { signal })).find((l) => l.symbol === symbol),
  { ttlMs: 1_000 },
);


/** A borrow/repay target: the venue's client for its margin mode, and the pair (isolated) and currency. */
export interface LoanLimitsTarget {
  venue: BorrowRepayVenue;
  exchange: string;
  marginMode: MarginMode;
  symbol?: string;
  currency: string;
}

/** The venue's limits and rates of one currency (`BorrowRepayVenue.limits`): panels on one target share one poll. */
export const loanLimits = resourceFamily(
  'borrow-repay:limits',
  (p: LoanLimitsTarget) => `${p.exchange}:${p.marginMode}:${p.symbol ?? ''}:${p.currency}`,
  (_transport, p, signal): Promise<BorrowLimits> => p.venue.limits({ currency: p.currency, symbol: p.symbol }, { signal }),
);
