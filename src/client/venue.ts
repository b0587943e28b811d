/**
 * What the borrow/repay panel needs from a venue, whatever the venue: limits, rates, borrow,
 * repay and histories. KuCoin (cross and isolated) and BitMart (isolated) sit behind it, and
 * their differences show only in the optional fields.
 */
import { Decimal } from '../core/decimal.js';
import type { Venue } from '../core/endpoints.js';
import * as bitmart from './bitmart/margin-loan.js';
import { ValidationError } from './errors.js';
import type { Hub } from './hub.js';
import * as debit from './kucoin/debit.js';
import * as lending from './kucoin/lending.js';
import type { CallOptions, Page } from './kucoin/types.js';
import type { Transport } from './transport.js';

export type MarginMode = 'cross' | 'isolated';

export interface LoanTarget {
  currency: string;
  /** The isolated pair, in the venue's spelling (`BTC-USDT`, `BTC_USDT`); absent for cross. */
  symbol?: string;
}

/** Everything a borrow or repay of one currency is checked against, and the rate it costs. */
export interface BorrowLimits extends LoanTarget {
  borrowEnabled: boolean;
  /** Why borrowing is off, when the venue says. */
  disabledReason?: string;
  borrowMinAmount?: Decimal;
  borrowMaxAmount?: Decimal;
  /** What can be borrowed now (BitMart `borrowable_amount`). */
  borrowableAmount?: Decimal;
  /** A borrow must be a whole multiple of this (KuCoin `borrowMinUnit`). */
  borrowMinUnit?: Decimal;
  /** Most decimal places of an amount (KuCoin `precision`, BitMart 8). */
  precision?: number;
  /** Current hourly interest rate as a fraction (BitMart `hourly_interest`; KuCoin market rate / 8760). */
  hourlyRate?: Decimal;
  /** Current daily interest rate as a fraction. */
  dailyRate?: Decimal;
  /** The currencies a loan on this target may be in (isolated: base and quote). */
  currencies?: string[];
}

export type TimeInForce = 'IOC' | 'FOK';

export interface LoanRequest extends LoanTarget {
  amount: Decimal | string;
  /** KuCoin borrow only; BitMart has none. IOC may fill part. */
  timeInForce?: TimeInForce;
}

export interface LoanOutcome {
  /** The venue's id of the operation (KuCoin `orderNo`, BitMart `borrow_id`/`repay_id`). */
  orderId: string;
  requested: Decimal;
  /** What was actually borrowed (KuCoin `actualSize`); the request when the venue does not say. */
  actualSize: Decimal;
}

export type LoanAction = 'borrow' | 'repay';

export interface LoanRecord {
  id: string;
  action: LoanAction | 'interest';
  currency: string;
  symbol?: string;
  amount: Decimal;
  /** Repay: the principal and interest parts; interest records: the daily rate. */
  principal?: Decimal;
  interest?: Decimal;
  dailyRate?: Decimal;
  /** The amount asked for (a borrow's `size`, a repay's "amount of initiated repay"), when it differs from what settled. */
  requested?: Decimal;
  status?: string;
  /** Milliseconds. */
  time: number;
}

export interface HistoryQuery extends LoanTarget {
  startTime?: number;
  endTime?: number;
  /** From 1. */
  page?: number;
  pageSize?: number;
}

export interface HistoryPage {
  items: LoanRecord[];
  page: number;
  /** Unknown on BitMart, which returns the newest N records without pages. */
  totalPages?: number;
}

export interface BorrowRepayVenue {
  readonly exchange: Venue;
  readonly marginMode: MarginMode;
  /** Whether the venue keeps an interest history (BitMart does not). */
  readonly hasInterestHistory: boolean;
  limits(target: LoanTarget, options?: CallOptions): Promise<BorrowLimits>;
  borrow(request: LoanRequest, options?: CallOptions): Promise<LoanOutcome>;
  repay(request: LoanRequest, options?: CallOptions): Promise<LoanOutcome>;
  history(action: LoanAction | 'interest', query: HistoryQuery, options?: CallOptions): Promise<HistoryPage>;
  /** The borrow or repay the venue recorded under this id (KuCoin `orderNo`, BitMart `borrow_id`/`repay_id`), if any. */
  findById(action: LoanAction, id: string, target: LoanTarget, options?: CallOptions): Promise<LoanRecord | undefined>;
  /**
   * After an unknown outcome (timeout, lost connection): every operation of this amount in this
   * currency recorded at or after `since`, newest first. All of them: an earlier loan of the same
   * amount that the caller already knows must not hide the one whose answer was lost.
   */
  findOperations(action: LoanAction, request: LoanRequest, since: number, options?: CallOptions): Promise<LoanRecord[]>;
}

const HOURS_PER_YEAR = 365 * 24;
/** Reference data changes rarely; one load per minute per page is plenty. */
const REFERENCE_TTL_MS = 60_000;
/** Clocks differ between the browser and the venue; look a little before `since`. */
const CLOCK_SKEW_MS = 60_000;

function requireSymbol(mode: MarginMode, target: LoanTarget): string | undefined {
  if (mode === 'isolated' && !target.symbol) {
    throw new ValidationError([{ field: 'symbol', rule: 'required' }], 'An isolated margin loan needs a symbol');
  }
  return mode === 'isolated' ? target.symbol : undefined;
}

function sameAmount(a: Decimal, b: Decimal | string): boolean {
  return a.eq(new Decimal(b));
}

function pageOf<T>(page: Page<T>, record: (item: T, index: number) => LoanRecord): HistoryPage {
  return { page: page.currentPage, totalPages: page.totalPage, items: page.items.map(record) };
}

function kucoinBorrowRecord(o: debit.BorrowOrder): LoanRecord {
  return { id: o.orderNo, action: 'borrow', currency: o.currency, symbol: o.symbol, amount: o.actualSize, requested: o.size, status: o.status, time: o.createdTime };
}

/** A repay settles `principal + interest` ("paid"); `size` is only what was asked (99,999 to repay a 60 loan). */
function kucoinRepayRecord(o: debit.RepayOrder): LoanRecord {
  return {
    id: o.orderNo, action: 'repay', currency: o.currency, symbol: o.symbol, amount: o.principal.plus(o.interest), requested: o.size,
    principal: o.principal, interest: o.interest, status: o.status, time: o.createdTime,
  };
}

function kucoinInterestRecord(o: debit.InterestRecord, index: number): LoanRecord {
  return { id: `${o.currency}-${o.createdTime}-${index}`, action: 'interest', currency: o.currency, amount: o.interestAmount, dailyRate: o.dayRatio, time: o.createdTime };
}

export interface KucoinVenueOptions {
  /**
   * Which KuCoin margin account loans act on: the high-frequency one (true, the default, where
   * the kit's v3 orders trade) or the classic one (false, where V1 orders trade). KuCoin keeps
   * them apart, so a loan must land where the orders that use or repay it trade.
   */
  isHf?: boolean;
}

/** KuCoin, cross or isolated: limits from the risk limit endpoint, the rate from the loan market. */
export function kucoinVenue(transport: Transport, hub: Hub, marginMode: MarginMode, options: KucoinVenueOptions = {}): BorrowRepayVenue {
  const isIsolated = marginMode === 'isolated';
  const isHf = options.isHf ?? true;

  async function marketRate(currency: string, options?: CallOptions): Promise<Decimal | undefined> {
    const market = await hub.cached(lending.LOAN_MARKET_KEY, REFERENCE_TTL_MS, () => lending.getLoanMarket(transport), options?.signal);
    return market.find((m) => m.currency === currency)?.marketInterestRate;
  }

  async function limits(target: LoanTarget, options?: CallOptions): Promise<BorrowLimits> {
    const symbol = requireSymbol(marginMode, target);
    const annual = await marketRate(target.currency, options).catch(() => undefined);
    const rates = annual ? { hourlyRate: annual.div(HOURS_PER_YEAR), dailyRate: annual.div(365) } : {};
    if (!isIsolated) {
      const [limit] = await debit.getMarginRiskLimit(transport, { currency: target.currency }, options);
      if (!limit) return { currency: target.currency, borrowEnabled: false, disabledReason: 'not a cross margin currency', ...rates };
      return {
        currency: target.currency,
        borrowEnabled: limit.borrowEnabled ?? true,
        borrowMinAmount: limit.borrowMinAmount,
        borrowMaxAmount: limit.borrowMaxAmount,
        borrowMinUnit: limit.borrowMinUnit,
        precision: limit.precision,
        ...rates,
      };
    }
    const [limit] = await debit.getMarginRiskLimit(transport, { isIsolated: true, symbol }, options);
    if (!limit) return { ...target, borrowEnabled: false, disabledReason: 'not an isolated margin symbol', ...rates };
    const [base, quote] = (symbol ?? '').split('-');
    const side = target.currency === base ? 'base' : target.currency === quote ? 'quote' : undefined;
    if (!side) {
      return { ...target, borrowEnabled: false, disabledReason: `${target.currency} is not a currency of ${symbol}`, currencies: [base ?? '', quote ?? ''] };
    }
    const pick = <K extends string>(name: K) => limit[`${side}${name}` as keyof typeof limit];
    return {
      currency: target.currency,
      symbol,
      currencies: [base!, quote!],
      borrowEnabled: (pick('BorrowEnabled') as boolean | undefined) ?? true,
      borrowMinAmount: pick('BorrowMinAmount') as Decimal | undefined,
      borrowMaxAmount: pick('MaxBorrowAmount') as Decimal | undefined,
      borrowMinUnit: pick('BorrowMinUnit') as Decimal | undefined,
      precision: pick('Precision') as number | undefined,
      ...rates,
    };
  }

  return {
    exchange: 'kucoin',
    marginMode,
    hasInterestHistory: true,
    limits,
    async borrow(request, options) {
      const symbol = requireSymbol(marginMode, request);
      const result = await debit.borrow(
        transport,
        { currency: request.currency, size: request.amount, timeInForce: request.timeInForce ?? 'IOC', symbol, isIsolated, isHf },
        options,
      );
      return { orderId: result.orderNo, requested: new Decimal(request.amount), actualSize: result.actualSize };
    },
    async repay(request, options) {
      const symbol = requireSymbol(marginMode, request);
      const result = await debit.repay(transport, { currency: request.currency, size: request.amount, symbol, isIsolated, isHf }, options);
      return { orderId: result.orderNo, requested: new Decimal(request.amount), actualSize: result.actualSize };
    },
    async history(action, query, options) {
      const q = {
        currency: query.currency, isIsolated, symbol: requireSymbol(marginMode, query),
        startTime: query.startTime, endTime: query.endTime, currentPage: query.page, pageSize: query.pageSize,
      };
      if (action === 'borrow') return pageOf(await debit.getBorrowHistory(transport, q, options), kucoinBorrowRecord);
      if (action === 'repay') return pageOf(await debit.getRepayHistory(transport, q, options), kucoinRepayRecord);
      return pageOf(await debit.getInterestHistory(transport, q, options), kucoinInterestRecord);
    },
    async findById(action, id, target, options) {
      // The histories' own `orderNo` filter: one look-up, whatever the record's age.
      const q = { currency: target.currency, isIsolated, symbol: requireSymbol(marginMode, target), orderNo: id };
      const page = action === 'borrow'
        ? pageOf(await debit.getBorrowHistory(transport, q, options), kucoinBorrowRecord)
        : pageOf(await debit.getRepayHistory(transport, q, options), kucoinRepayRecord);
      return page.items.find((r) => r.id === id);
    },
    async findOperations(action, request, since, options) {
      const page = await this.history(action, { ...request, startTime: since - CLOCK_SKEW_MS, pageSize: 50 }, options);
      return page.items.filter((r) => r.time >= since - CLOCK_SKEW_MS && sameAmount(r.requested ?? r.amount, request.amount));
    },
  };
}

/**
 * BitMart record times are Unix seconds (the doc's `create_time: 1655345808`); we speak
 * milliseconds everywhere, so convert at this edge. A value already in ms is left alone.
 */
function bitmartTimeToMs(time: number): number {
  return time < 1e12 ? time * 1000 : time;
}

function msToBitmartTime(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.floor(ms / 1000);
}

function bitmartBorrowRecord(r: bitmart.BorrowRecord): LoanRecord {
  return {
    id: r.borrow_id, action: 'borrow', currency: r.currency, symbol: r.symbol, amount: r.borrow_amount,
    interest: r.interest_amount, dailyRate: r.daily_interest, time: bitmartTimeToMs(r.create_time),
  };
}

function bitmartRepayRecord(r: bitmart.RepayRecord): LoanRecord {
  return {
    id: r.repay_id, action: 'repay', currency: r.currency, symbol: r.symbol, amount: r.repaid_amount,
    principal: r.repaid_principal, interest: r.repaid_interest, time: bitmartTimeToMs(r.repay_time),
  };
}

/** BitMart isolated margin: limits and rates from the pairs endpoint, 8-decimal amounts. */
export function bitmartVenue(transport: Transport, hub: Hub): BorrowRepayVenue {
  async function pair(symbol: string, options?: CallOptions) {
    const pairs = await hub.cached(`bitmart:pairs:${symbol}`, REFERENCE_TTL_MS, () => bitmart.getIsolatedPairs(transport, { symbol }), options?.signal);
    return pairs.find((p) => p.symbol === symbol);
  }

  /** Pairs are cached per symbol here and as a whole list by the lending market's BitMart table. */
  function invalidatePairs(symbol: string): void {
    hub.invalidate(`bitmart:pairs:${symbol}`);
    hub.invalidate('bitmart:pairs');
  }

  return {
    exchange: 'bitmart',
    marginMode: 'isolated',
    hasInterestHistory: false,
    async limits(target, options) {
      const symbol = requireSymbol('isolated', target)!;
      const found = await pair(symbol, options);
      if (!found) return { ...target, borrowEnabled: false, disabledReason: `${symbol} is not an isolated margin pair` };
      const currencies = [found.base.currency, found.quote.currency];
      const side = found.base.currency === target.currency ? found.base : found.quote.currency === target.currency ? found.quote : undefined;
      if (!side) return { ...target, currencies, borrowEnabled: false, disabledReason: `${target.currency} is not a currency of ${symbol}` };
      return {
        currency: target.currency,
        symbol,
        currencies,
        borrowEnabled: found.symbol_enabled,
        disabledReason: found.symbol_enabled ? undefined : `${symbol} is not enabled`,
        borrowMinAmount: side.min_borrow_amount,
        borrowMaxAmount: side.max_borrow_amount,
        borrowableAmount: side.borrowable_amount,
        precision: bitmart.BITMART_AMOUNT_DECIMALS,
        hourlyRate: side.hourly_interest,
        dailyRate: side.daily_interest,
      };
    },
    async borrow(request, options) {
      const symbol = requireSymbol('isolated', request)!;
      const result = await bitmart.marginBorrowIsolated(transport, { symbol, currency: request.currency, amount: request.amount }, options);
      invalidatePairs(symbol); // borrowable_amount changed
      const requested = new Decimal(request.amount);
      return { orderId: result.borrow_id, requested, actualSize: requested };
    },
    async repay(request, options) {
      const symbol = requireSymbol('isolated', request)!;
      const result = await bitmart.marginRepayIsolated(transport, { symbol, currency: request.currency, amount: request.amount }, options);
      invalidatePairs(symbol);
      const requested = new Decimal(request.amount);
      return { orderId: result.repay_id, requested, actualSize: requested };
    },
    async history(action, query, options) {
      const symbol = requireSymbol('isolated', query)!;
      // BitMart has no pages: the newest N (at most 100) in the time range.
      const N = Math.min(100, Math.max(1, query.pageSize ?? 50));
      const range = { symbol, start_time: msToBitmartTime(query.startTime), end_time: msToBitmartTime(query.endTime), N };
      if (action === 'borrow') {
        const records = await bitmart.getBorrowRecordIsolated(transport, range, options);
        return { page: 1, items: records.filter((r) => !query.currency || r.currency === query.currency).map(bitmartBorrowRecord) };
      }
      if (action === 'repay') {
        return { page: 1, items: (await bitmart.getRepayRecordIsolated(transport, { ...range, currency: query.currency }, options)).map(bitmartRepayRecord) };
      }
      return { page: 1, items: [] };
    },
    async findById(action, id, target, options) {
      const symbol = requireSymbol('isolated', target)!;
      const records = action === 'borrow'
        ? (await bitmart.getBorrowRecordIsolated(transport, { symbol, borrow_id: id }, options)).map(bitmartBorrowRecord)
        : (await bitmart.getRepayRecordIsolated(transport, { symbol, repay_id: id }, options)).map(bitmartRepayRecord);
      return records.find((r) => r.id === id);
    },
    async findOperations(action, request, since, options) {
      const page = await this.history(action, { ...request, startTime: since - CLOCK_SKEW_MS, pageSize: 100 }, options);
      return page.items.filter((r) => r.currency === request.currency && sameAmount(r.amount, request.amount));
    },
  };
}

/** The panel's venue for an `exchange` and `margin-mode` (BitMart is isolated only). */
export function borrowRepayVenue(transport: Transport, hub: Hub, exchange: Venue, marginMode: MarginMode, options: KucoinVenueOptions = {}): BorrowRepayVenue {
  if (exchange === 'bitmart') {
    if (marginMode !== 'isolated') throw new TypeError('BitMart margin loans are isolated only: set margin-mode="isolated"');
    return bitmartVenue(transport, hub);
  }
  return kucoinVenue(transport, hub, marginMode, options);
}
