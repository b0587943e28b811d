/**
 * KuCoin margin debit (`kucoin-margin-rest-api.md`, "Borrow" to "Get Margin Risk Limit"):
 * borrow and repay through the shared loan ledger (`loans.ts`, which the orders' autoBorrow and
 * autoRepay use too), the three histories, leverage, and the risk limits the borrow checks enforce.
 */
import { Decimal } from '../core/decimal.js';
import type { KucoinAccount, MarginMode, Wallet } from './accounts.js';
import { kucoinAccount, page, ParamReader, recordView, type EndpointImpl, type RequestContext } from './context.js';
import { KUCOIN } from './errors.js';
import { CURRENCIES, MARGIN_CONFIG, SYMBOLS } from './fixtures.js';
import type { AccountLoans, LoanLimits, LoanTarget } from './loans.js';
import { mergeWallets, walletTotals } from './margin-accounts.js';
import type { SandboxState } from './state.js';

/** "If the start time is empty or less than 1680278400000, the default value is set to 1680278400000." */
const EARLIEST_START_TIME = 1_680_278_400_000;
/** The sandbox's coefficients: collateral and loans count at full value. */
const COEFFICIENT = '1';

interface HistoryQuery {
  mode: MarginMode;
  /** '' for cross margin, as the records keep it. */
  symbol: string;
  startTime: number;
  endTime: number;
  currentPage: number;
  pageSize: number;
}

/** `isIsolated` and `symbol` as every debit endpoint reads them: the pair is mandatory for isolated. */
function readMode(r: ParamReader): { mode: MarginMode; symbol: string | undefined } {
  const isIsolated = r.optBoolean('isIsolated') ?? false;
  const symbol = r.optString('symbol');
  if (!isIsolated) return { mode: 'cross', symbol: undefined };
  if (!symbol) throw KUCOIN.badRequest('symbol is required for isolated margin');
  if (!SYMBOLS.some((s) => s.symbol === symbol && s.isolated)) throw KUCOIN.badRequest(`${symbol} is not an isolated margin symbol`);
  return { mode: 'isolated', symbol };
}

function readHistoryQuery(r: ParamReader, now: number): HistoryQuery {
  const { mode, symbol } = readMode(r);
  const startTime = Math.max(EARLIEST_START_TIME, r.optInteger('startTime', 0) ?? 0);
  const endTime = r.optInteger('endTime', 0) ?? now;
  const currentPage = r.optInteger('currentPage', 1) ?? 1;
  const pageSize = r.optInteger('pageSize', 10, 500) ?? 50;
  return { mode, symbol: symbol ?? '', startTime, endTime, currentPage, pageSize };
}

/** Newest first; records made in the same millisecond keep their reverse order of creation. */
function newestFirst<T extends { createdTime: number }>(records: readonly T[]): T[] {
  return records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => b.record.createdTime - a.record.createdTime || b.index - a.index)
    .map(({ record }) => record);
}

function inQuery(record: { symbol: string; createdTime: number }, q: HistoryQuery): boolean {
  return record.symbol === q.symbol && record.createdTime >= q.startTime && record.createdTime <= q.endTime;
}

/** What every ledger record has: the histories filter on it. */
interface LedgerRecord {
  currency: string;
  symbol: string;
  createdTime: number;
  orderNo?: string;
}

function requireCurrency(currency: string): void {
  if (!CURRENCIES.some((c) => c.currency === currency)) throw KUCOIN.badRequest(`${currency} is not a margin currency`);
}

/**
 * The wallet's debt leverage: total assets over net assets, in USDT. "Modify Leverage" refuses a
 * multiplier below it. Infinity when the debt eats all the assets.
 */
function debtLeverage(state: SandboxState, wallet: Wallet): Decimal {
  const { asset, liability } = walletTotals(state.markPrices, wallet, 'USDT');
  if (liability.isZero()) return new Decimal(1);
  const net = asset.minus(liability);
  return net.lte(0) ? new Decimal(Infinity) : asset.div(net);
}

function crossRiskLimit(now: number, currency: string, limits: LoanLimits, buyMax: Decimal): Record<string, unknown> {
  return {
    timestamp: now,
    currency,
    borrowMaxAmount: limits.borrowMaxAmount.toString(),
    buyMaxAmount: buyMax.toString(),
    holdMaxAmount: limits.borrowMaxAmount.mul(MARGIN_CONFIG.maxLeverage).toString(),
    borrowCoefficient: COEFFICIENT,
    marginCoefficient: COEFFICIENT,
    precision: limits.precision,
    borrowMinAmount: limits.borrowMinAmount.toString(),
    borrowMinUnit: limits.borrowMinUnit.toString(),
    borrowEnabled: limits.borrowEnabled,
  };
}

function isolatedRiskLimit(
  now: number,
  symbol: string,
  maxLeverage: number,
  base: LoanLimits & { buyMax: Decimal },
  quote: LoanLimits & { buyMax: Decimal },
): Record<string, unknown> {
  return {
    timestamp: now,
    symbol,
    baseMaxBorrowAmount: base.borrowMaxAmount.toString(),
    quoteMaxBorrowAmount: quote.borrowMaxAmount.toString(),
    baseMaxBuyAmount: base.buyMax.toString(),
    quoteMaxBuyAmount: quote.buyMax.toString(),
    baseMaxHoldAmount: base.borrowMaxAmount.mul(maxLeverage).toString(),
    quoteMaxHoldAmount: quote.borrowMaxAmount.mul(maxLeverage).toString(),
    basePrecision: base.precision,
    quotePrecision: quote.precision,
    baseBorrowMinAmount: base.borrowMinAmount.toString(),
    quoteBorrowMinAmount: quote.borrowMinAmount.toString(),
    baseBorrowMinUnit: base.borrowMinUnit.toString(),
    quoteBorrowMinUnit: quote.borrowMinUnit.toString(),
    baseBorrowEnabled: base.borrowEnabled,
    quoteBorrowEnabled: quote.borrowEnabled,
    baseBorrowCoefficient: COEFFICIENT,
    quoteBorrowCoefficient: COEFFICIENT,
    baseMarginCoefficient: COEFFICIENT,
    quoteMarginCoefficient: COEFFICIENT,
  };
}

export function debitEndpoints(state: SandboxState): Record<string, EndpointImpl> {
  const target = (currency: string, mode: MarginMode, symbol: string | undefined, hf: boolean): LoanTarget =>
    mode === 'isolated' ? { mode, symbol, currency, hf } : { mode, currency, hf };

  /**
   * The three histories read one query (currency, `orderNo` where the doc has it, mode, time
   * range, page) and list the account's records newest first, with the doc's fields.
   */
  function history<K extends keyof AccountLoans>(
    ctx: RequestContext,
    kind: K,
    accepts: { currency: 'required' | 'optional'; orderNo: boolean },
    fields: ReadonlyArray<keyof AccountLoans[K][number] & string>,
  ) {
    const account = kucoinAccount(ctx);
    const r = ParamReader.query(ctx);
    const currency = accepts.currency === 'required' ? r.string('currency') : r.optString('currency');
    const orderNo = accepts.orderNo ? r.optString('orderNo') : undefined;
    const q = readHistoryQuery(r, ctx.now);
    r.done();
    const records: readonly LedgerRecord[] = state.loans.records(account)[kind];
    const items = newestFirst(records)
      .filter((x) => (!currency || x.currency === currency) && inQuery(x, q) && (!orderNo || x.orderNo === orderNo))
      .map((x) => recordView(x as AccountLoans[K][number], fields));
    return { timestamp: ctx.now, ...page(items, q.currentPage, q.pageSize) };
  }

  return {
    borrow(ctx) {
      const account = kucoinAccount(ctx);
      const r = ParamReader.body(ctx);
      const currency = r.string('currency');
      const size = r.decimal('size');
      const timeInForce = r.enum('timeInForce', ['IOC', 'FOK'] as const);
      const { mode, symbol } = readMode(r);
      // "true: high frequency borrowing, false: low frequency borrowing; default false": which account it lands in.
      const hf = r.optBoolean('isHf') ?? false;
      r.done();
      requireCurrency(currency);
      const record = state.loans.borrow(account, target(currency, mode, symbol, hf), size, timeInForce);
      return { orderNo: record.orderNo, actualSize: record.actualSize.toString() };
    },

    getBorrowHistory: (ctx) =>
      history(ctx, 'borrows', { currency: 'required', orderNo: true }, ['orderNo', 'symbol', 'currency', 'size', 'actualSize', 'status', 'createdTime']),

    repay(ctx) {
      const account = kucoinAccount(ctx);
      const r = ParamReader.body(ctx);
      const currency = r.string('currency');
      const size = r.decimal('size');
      const { mode, symbol } = readMode(r);
      const hf = r.optBoolean('isHf') ?? false;
      r.done();
      requireCurrency(currency);
      const record = state.loans.repay(account, target(currency, mode, symbol, hf), size);
      return { timestamp: ctx.now, orderNo: record.orderNo, actualSize: record.actualSize.toString() };
    },

    getRepayHistory: (ctx) =>
      history(ctx, 'repays', { currency: 'required', orderNo: true }, [
        'orderNo', 'symbol', 'currency', 'size', 'principal', 'interest', 'status', 'createdTime',
      ]),

    getInterestHistory: (ctx) => history(ctx, 'interest', { currency: 'optional', orderNo: false }, ['currency', 'dayRatio', 'interestAmount', 'createdTime']),

    modifyLeverage(ctx) {
      const account = kucoinAccount(ctx);
      const r = ParamReader.body(ctx);
      const { mode, symbol } = readMode(r);
      const leverage = r.decimal('leverage');
      r.done();
      // "Must be greater than 1 and up to two decimal places, and cannot be less than the user's
      // current debt leverage or greater than the system's maximum leverage."
      if (leverage.lte(1)) throw KUCOIN.leverageRefused('leverage must be greater than 1');
      if (leverage.decimalPlaces() > 2) throw KUCOIN.leverageRefused('leverage must have at most two decimal places');
      const maxLeverage = mode === 'isolated' ? SYMBOLS.find((s) => s.symbol === symbol)!.isolated!.maxLeverage : MARGIN_CONFIG.maxLeverage;
      if (leverage.gt(maxLeverage)) throw KUCOIN.leverageRefused(`leverage cannot be greater than the maximum leverage ${maxLeverage}`);
      // One position across the HF and the classic account: the leverage is the user's.
      const current = debtLeverage(state, mergeWallets([account.wallet(mode, symbol, true), account.wallet(mode, symbol, false)]));
      if (leverage.lt(current)) {
        throw KUCOIN.leverageRefused(`leverage cannot be less than the current debt leverage ${current.isFinite() ? current.toDecimalPlaces(2, Decimal.ROUND_UP).toString() : 'Infinity'}`);
      }
      setLeverage(account, mode, symbol, leverage);
      // The doc types `data` as a string and says nothing of it: an empty one.
      return '';
    },

    getMarginRiskLimit(ctx) {
      const account = kucoinAccount(ctx);
      const r = ParamReader.query(ctx);
      const isIsolated = r.optBoolean('isIsolated') ?? false;
      const currency = r.optString('currency');
      const symbol = r.optString('symbol');
      r.done();
      return isIsolated ? isolatedRiskLimits(state, account, ctx.now, symbol) : crossRiskLimits(state, account, ctx.now, currency);
    },
  };
}

function setLeverage(account: KucoinAccount, mode: MarginMode, symbol: string | undefined, leverage: Decimal): void {
  if (mode === 'isolated') account.isolatedLeverage.set(symbol!, leverage);
  else account.crossLeverage = leverage;
}

/**
 * `buyMaxAmount`: what an order may spend of a currency now, in the HF account the v3 orders use:
 * what is available plus what autoBorrow may still borrow (`maxBorrowSize`). `holdMaxAmount` is
 * the personal borrow limit times the system leverage: a limit, not a state.
 */
function buyMax(state: SandboxState, account: KucoinAccount, target: LoanTarget): Decimal {
  const available = account.wallet(target.mode, target.symbol, true).balances.get(target.currency)?.available ?? new Decimal(0);
  return available.plus(state.loans.maxBorrowSize(account, target));
}

function crossRiskLimits(state: SandboxState, account: KucoinAccount, now: number, currency: string | undefined): unknown[] {
  if (currency) requireCurrency(currency);
  return CURRENCIES.filter((c) => !currency || c.currency === currency).map((c) => {
    const target: LoanTarget = { mode: 'cross', currency: c.currency, hf: true };
    return crossRiskLimit(now, c.currency, state.loans.limits(target)!, buyMax(state, account, target));
  });
}

function isolatedRiskLimits(state: SandboxState, account: KucoinAccount, now: number, symbol: string | undefined): unknown[] {
  const pairs = SYMBOLS.filter((s) => s.isolated && (!symbol || s.symbol === symbol));
  if (symbol && pairs.length === 0) throw KUCOIN.badRequest(`${symbol} is not an isolated margin symbol`);
  return pairs.flatMap((s) => {
    const side = (currency: string) => {
      const target: LoanTarget = { mode: 'isolated', symbol: s.symbol, currency, hf: true };
      const limits = state.loans.limits(target);
      return limits && { ...limits, buyMax: buyMax(state, account, target) };
    };
    const base = side(s.baseCurrency);
    const quote = side(s.quoteCurrency);
    // Every isolated pair's currencies are margin currencies (fixtures); skip one that is not.
    return base && quote ? [isolatedRiskLimit(now, s.symbol, s.isolated!.maxLeverage, base, quote)] : [];
  });
}
