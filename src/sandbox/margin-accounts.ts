/**
 * The three margin-account endpoints (DESIGN.md "Beyond the seeds: margin accounts"): KuCoin
 * "Get Account - Cross Margin" and "Get Account - Isolated Margin", BitMart "Get Margin Account
 * Details (Isolated)". Nothing here is stored: every answer is derived from the wallets (balances,
 * holds of open orders, principal and accrued interest) and the mark prices at the moment of the
 * call, so it agrees with the order, loan and history endpoints by construction.
 *
 * The rules, each checkable by hand from the answer itself:
 * - `total` = `available` + `hold`; `liability` = `liabilityPrincipal` + `liabilityInterest`.
 * - `maxBorrowSize` = (personal `borrowMaxAmount` - principal owed, HF and classic together)
 *   rounded down to `borrowMinUnit`; 0 when borrowing is off or that is below `borrowMinAmount`.
 *   It is what an IOC borrow lends at that moment.
 * - Totals value each currency at its mark price against USDT (USDT and USDC at 1), converted to
 *   `quoteCurrency` by that currency's own price; 8 decimals, assets rounded down, liabilities up.
 * - `debtRatio` = total liability / total asset, 4 decimals rounded up (never shown safer than it
 *   is); "0" without debt. Cross: of the answer's totals; an isolated pair: of the pair, valued in
 *   its quote currency.
 * - `status`: BANKRUPTCY from a debt ratio of 1, LIQUIDATION from `liqDebtRatio` ("Get Margin
 *   Config"), EFFECTIVE otherwise (the sandbox runs no liquidation, so never REPAY or BORROW).
 * - BitMart `risk_rate` = assets / liabilities of the pair in its quote currency, 2 decimals
 *   rounded down, "999.00" without debt; `risk_level` 1 from 1.50, 2 from 1.20, 3 below;
 *   `liquidate_price` is the base price at which `risk_rate` falls to `liquidate_rate`, null when
 *   no price would do that.
 */
import { Decimal, toPlainString } from '../core/decimal.js';
import type { BitmartAccount, KucoinAccount } from './accounts.js';
import { Wallet } from './accounts.js';
import { bitmartAccount, kucoinAccount, ParamReader, type EndpointImpl } from './context.js';
import { BITMART, KUCOIN } from './errors.js';
import { BITMART_PAIRS, CURRENCIES, MARGIN_CONFIG, SYMBOLS } from './fixtures.js';
import type { KucoinLoans } from './loans.js';
import type { MarkPrices } from './market.js';

const ZERO = new Decimal(0);
const STABLECOINS = new Set(['USDT', 'USDC']);
const TOTAL_DECIMALS = 8;
const RATIO_DECIMALS = 4;
/** BitMart pads amounts to 8 places ("1000.00000000"). */
const BITMART_DECIMALS = 8;
const QUOTE_CURRENCIES = ['USDT', 'KCS', 'BTC'] as const;
type QuoteCurrency = (typeof QUOTE_CURRENCIES)[number];
/** The risk rate at which a BitMart pair is liquidated (assets / liabilities): the "1.15" BitMart answers. */
export const BITMART_LIQUIDATE_RATE = new Decimal('1.15');
/** "No debt": BitMart answers a capped risk rate ("999.00") rather than an infinite one. */
const BITMART_RISK_CAP = new Decimal(999);

export type AccountStatus = 'EFFECTIVE' | 'BANKRUPTCY' | 'LIQUIDATION' | 'REPAY' | 'BORROW';

/** Where mark prices come from (the sandbox's `MarkPrices`, or a table in a unit test). */
export type PriceSource = Pick<MarkPrices, 'get'>;

/** USDT value of one unit: stablecoins 1, others their `<currency>-USDT` mark; 0 without a price. */
export function usdtPrice(prices: PriceSource, currency: string): Decimal {
  if (STABLECOINS.has(currency)) return new Decimal(1);
  return prices.get(`${currency}-USDT`) ?? ZERO;
}

/** `amount` of `currency` valued in `quote` (unrounded). */
export function valueIn(prices: PriceSource, amount: Decimal, currency: string, quote: string): Decimal {
  if (currency === quote || amount.isZero()) return amount;
  const quotePrice = usdtPrice(prices, quote);
  return quotePrice.isZero() ? ZERO : amount.mul(usdtPrice(prices, currency)).div(quotePrice);
}

export interface Totals {
  asset: Decimal;
  liability: Decimal;
}

/** What a wallet holds and owes, valued in `quote`: assets rounded down, liabilities up, to 8 places. */
export function walletTotals(prices: PriceSource, wallet: Wallet, quote: string): Totals {
  let asset = ZERO;
  let liability = ZERO;
  for (const [currency, b] of wallet.balances) asset = asset.plus(valueIn(prices, b.available.plus(b.hold), currency, quote));
  for (const currency of wallet.liabilities.keys()) liability = liability.plus(valueIn(prices, wallet.debt(currency), currency, quote));
  return {
    asset: asset.toDecimalPlaces(TOTAL_DECIMALS, Decimal.ROUND_DOWN),
    liability: liability.toDecimalPlaces(TOTAL_DECIMALS, Decimal.ROUND_UP),
  };
}

/** Liability over assets, 4 places rounded up; debt with no assets at all counts as 1 (bankrupt). */
export function debtRatio(totals: Totals): Decimal {
  if (totals.liability.isZero()) return ZERO;
  if (totals.asset.isZero()) return new Decimal(1);
  return totals.liability.div(totals.asset).toDecimalPlaces(RATIO_DECIMALS, Decimal.ROUND_UP);
}

export function accountStatus(ratio: Decimal, liqDebtRatio: Decimal | string = MARGIN_CONFIG.liqDebtRatio): AccountStatus {
  if (ratio.gte(1)) return 'BANKRUPTCY';
  if (ratio.gte(liqDebtRatio)) return 'LIQUIDATION';
  return 'EFFECTIVE';
}

/** One wallet made of several (queryType ALL): balances and debts added up. */
export function mergeWallets(wallets: readonly Wallet[]): Wallet {
  const merged = new Wallet();
  for (const wallet of wallets) {
    for (const [currency, b] of wallet.balances) {
      const m = merged.balance(currency);
      m.available = m.available.plus(b.available);
      m.hold = m.hold.plus(b.hold);
    }
    for (const [currency, l] of wallet.liabilities) {
      const m = merged.liability(currency);
      m.principal = m.principal.plus(l.principal);
      m.interest = m.interest.plus(l.interest);
    }
  }
  return merged;
}

/** The BitMart pair's risk rate: assets / liabilities in the quote currency, 2 places down, capped. */
export function bitmartRiskRate(totals: Totals): Decimal {
  if (totals.liability.isZero()) return BITMART_RISK_CAP;
  return Decimal.min(BITMART_RISK_CAP, totals.asset.div(totals.liability).toDecimalPlaces(2, Decimal.ROUND_DOWN));
}

export function bitmartRiskLevel(riskRate: Decimal): '1' | '2' | '3' {
  if (riskRate.gte('1.5')) return '1';
  if (riskRate.gte('1.2')) return '2';
  return '3';
}

export interface PairPosition {
  /** Base and quote held (available + frozen) and owed (principal + interest). */
  baseTotal: Decimal;
  baseDebt: Decimal;
  quoteTotal: Decimal;
  quoteDebt: Decimal;
}

/**
 * The base price `p` at which (baseTotal p + quoteTotal) = rate (baseDebt p + quoteDebt): where the
 * risk rate reaches the liquidation rate. Null without debt, or when no positive price does it.
 */
export function liquidatePrice(position: PairPosition, rate: Decimal, decimals: number): Decimal | null {
  if (position.baseDebt.isZero() && position.quoteDebt.isZero()) return null;
  const denominator = position.baseTotal.minus(rate.mul(position.baseDebt));
  if (denominator.isZero()) return null;
  const price = rate.mul(position.quoteDebt).minus(position.quoteTotal).div(denominator);
  return price.gt(0) ? price.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP) : null;
}

const str = (value: Decimal) => toPlainString(value);
const bitmartAmount = (value: Decimal) => value.toFixed(BITMART_DECIMALS);

interface KucoinContext {
  loans: KucoinLoans;
  prices: PriceSource;
  account: KucoinAccount;
}

/** One currency of a KuCoin margin wallet, as `accounts[]`, `baseAsset` and `quoteAsset` give it. */
function assetLine(k: KucoinContext, wallet: Wallet, currency: string, symbol?: string): Record<string, unknown> {
  const target = symbol ? { mode: 'isolated' as const, symbol, currency, hf: true } : { mode: 'cross' as const, currency, hf: true };
  const balance = wallet.balances.get(currency) ?? { available: ZERO, hold: ZERO };
  const liability = wallet.liabilities.get(currency) ?? { principal: ZERO, interest: ZERO };
  return {
    currency,
    total: str(balance.available.plus(balance.hold)),
    available: str(balance.available),
    hold: str(balance.hold),
    liability: str(liability.principal.plus(liability.interest)),
    liabilityPrincipal: str(liability.principal),
    liabilityInterest: str(liability.interest),
    maxBorrowSize: str(k.loans.maxBorrowSize(k.account, target)),
    borrowEnabled: k.loans.limits(target)?.borrowEnabled ?? false,
    transferInEnabled: true,
  };
}

function readQuote(r: ParamReader): QuoteCurrency {
  return r.optEnum('quoteCurrency', QUOTE_CURRENCIES) ?? 'USDT';
}

/** The wallet a `queryType` names: the classic account, the HF one (`_V2`), or both added up. */
function pick(queryType: string, hf: Wallet, classic: Wallet): Wallet {
  if (queryType === 'ALL') return mergeWallets([hf, classic]);
  return queryType.endsWith('_V2') ? hf : classic;
}

function kucoinEndpoints(loans: KucoinLoans, prices: PriceSource): Record<string, EndpointImpl> {
  return {
    getCrossMarginAccount(ctx) {
      const account = kucoinAccount(ctx);
      const r = ParamReader.query(ctx);
      const quote = readQuote(r);
      const queryType = r.optEnum('queryType', ['MARGIN', 'MARGIN_V2', 'ALL'] as const) ?? 'MARGIN';
      r.done();
      const k = { loans, prices, account };
      const wallet = pick(queryType, account.cross, account.crossClassic);
      const totals = walletTotals(prices, wallet, quote);
      const ratio = debtRatio(totals);
      return {
        totalAssetOfQuoteCurrency: str(totals.asset),
        totalLiabilityOfQuoteCurrency: str(totals.liability),
        debtRatio: str(ratio),
        status: accountStatus(ratio),
        accounts: CURRENCIES.map((c) => assetLine(k, wallet, c.currency)),
      };
    },

    getIsolatedMarginAccount(ctx) {
      const account = kucoinAccount(ctx);
      const r = ParamReader.query(ctx);
      const symbol = r.optString('symbol');
      const quote = readQuote(r);
      const queryType = r.optEnum('queryType', ['ISOLATED', 'ISOLATED_V2', 'ALL'] as const) ?? 'ISOLATED';
      r.done();
      const pairs = SYMBOLS.filter((s) => s.isolated && (!symbol || s.symbol === symbol));
      if (symbol && pairs.length === 0) throw KUCOIN.badRequest(`${symbol} is not an isolated margin symbol`);
      const k = { loans, prices, account };
      let asset = ZERO;
      let liability = ZERO;
      const assets = pairs.map((s) => {
        const wallet = pick(queryType, account.isolated(s.symbol, true), account.isolated(s.symbol, false));
        const totals = walletTotals(prices, wallet, quote);
        asset = asset.plus(totals.asset);
        liability = liability.plus(totals.liability);
        const ratio = debtRatio(walletTotals(prices, wallet, s.quoteCurrency));
        return {
          symbol: s.symbol,
          status: accountStatus(ratio),
          debtRatio: str(ratio),
          baseAsset: assetLine(k, wallet, s.baseCurrency, s.symbol),
          quoteAsset: assetLine(k, wallet, s.quoteCurrency, s.symbol),
        };
      });
      return {
        totalAssetOfQuoteCurrency: str(asset),
        totalLiabilityOfQuoteCurrency: str(liability),
        timestamp: ctx.now,
        assets,
      };
    },
  };
}

function bitmartSide(prices: PriceSource, wallet: Wallet, currency: string, enabled: boolean): Record<string, unknown> {
  const balance = wallet.balances.get(currency) ?? { available: ZERO, hold: ZERO };
  const liability = wallet.liabilities.get(currency) ?? { principal: ZERO, interest: ZERO };
  const total = balance.available.plus(balance.hold);
  const net = total.minus(liability.principal).minus(liability.interest);
  return {
    currency,
    borrow_enabled: enabled,
    // What is still borrowed: the unpaid principal (interest is `interest_unpaid`).
    borrowed: bitmartAmount(liability.principal),
    available: bitmartAmount(balance.available),
    frozen: bitmartAmount(balance.hold),
    net_asset: bitmartAmount(net),
    net_assetBTC: bitmartAmount(valueIn(prices, net, currency, 'BTC').toDecimalPlaces(BITMART_DECIMALS, Decimal.ROUND_DOWN)),
    total_asset: bitmartAmount(total),
    borrow_unpaid: bitmartAmount(liability.principal),
    interest_unpaid: bitmartAmount(liability.interest),
  };
}

function bitmartAccountEndpoint(prices: PriceSource): EndpointImpl {
  return (ctx) => {
    const account: BitmartAccount = bitmartAccount(ctx);
    const q = ParamReader.query(ctx, 'bitmart');
    const symbol = q.optString('symbol');
    q.done();
    const pairs = BITMART_PAIRS.filter((p) => !symbol || p.symbol === symbol);
    if (symbol && pairs.length === 0) throw BITMART.symbolNotFound();
    return {
      symbols: pairs.map((p) => {
        const wallet = account.wallet(p.symbol);
        const [base, quote] = [p.base.currency, p.quote.currency];
        const totals = walletTotals(prices, wallet, quote);
        const riskRate = bitmartRiskRate(totals);
        const fixture = SYMBOLS.find((s) => s.symbol === `${base}-${quote}`);
        const held = (c: string) => wallet.balances.get(c) ?? { available: ZERO, hold: ZERO };
        const price = liquidatePrice(
          {
            baseTotal: held(base).available.plus(held(base).hold),
            baseDebt: wallet.debt(base),
            quoteTotal: held(quote).available.plus(held(quote).hold),
            quoteDebt: wallet.debt(quote),
          },
          BITMART_LIQUIDATE_RATE,
          fixture ? new Decimal(fixture.priceIncrement).decimalPlaces() : BITMART_DECIMALS,
        );
        return {
          symbol: p.symbol,
          risk_rate: riskRate.toFixed(2),
          risk_level: bitmartRiskLevel(riskRate),
          buy_enabled: p.enabled,
          sell_enabled: p.enabled,
          liquidate_price: price === null ? null : str(price),
          liquidate_rate: BITMART_LIQUIDATE_RATE.toFixed(2),
          base: bitmartSide(prices, wallet, base, p.enabled),
          quote: bitmartSide(prices, wallet, quote, p.enabled),
        };
      }),
    };
  };
}

/** The endpoints, over the loan ledger (limits, `maxBorrowSize`) and the mark prices. */
export function marginAccountEndpoints(state: { loans: KucoinLoans; markPrices: PriceSource }): Record<string, EndpointImpl> {
  return {
    ...kucoinEndpoints(state.loans, state.markPrices),
    getMarginAccountDetailsIsolated: bitmartAccountEndpoint(state.markPrices),
  };
}
