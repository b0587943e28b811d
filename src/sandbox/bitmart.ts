/**
 * BitMart isolated margin loans (`bitmart-isolated-margin-loan.md`): pairs with their rates and
 * limits, borrow and repay in the pair's wallet, hourly interest on the clock, and the borrow and
 * repay records (the newest `N`, no pages).
 */
import { Decimal } from '../core/decimal.js';
import type { BitmartAccount, Wallet } from './accounts.js';
import { bitmartAccount, ParamReader, type EndpointImpl, type RequestContext } from './context.js';
import { BITMART } from './errors.js';
import { BITMART_PAIRS, type BitmartPairFixture } from './fixtures.js';
import { getOrCreate } from './collections.js';
import type { SandboxState } from './state.js';

const HOUR_MS = 3_600_000;
/** A long idle gap accrues at most 30 days of interest at once (as the KuCoin ledger does). */
const MAX_HOURS_PER_TICK = 24 * 30;
/** "Amount of borrowing (precision: 8 decimal places)". */
const AMOUNT_DECIMALS = 8;
/** "Query record size, allowed range[1-100]. Default is 50". */
const RECORDS_DEFAULT = 50;
const RECORDS_MAX = 100;

type PairSide = BitmartPairFixture['base'];

interface BorrowEntry {
  borrow_id: string;
  symbol: string;
  currency: string;
  amount: Decimal;
  /** Principal of this borrow not yet repaid: what its interest accrues on. */
  outstanding: Decimal;
  dailyInterest: string;
  hourlyInterest: Decimal;
  /** All interest this borrow has accrued ("Total interest"), repaid or not. */
  interest: Decimal;
  createdAt: number;
}

interface RepayEntry {
  repay_id: string;
  symbol: string;
  currency: string;
  amount: Decimal;
  principal: Decimal;
  interest: Decimal;
  repaidAt: number;
}

interface Ledger {
  borrows: BorrowEntry[];
  repays: RepayEntry[];
}

/** Amounts go out with exactly 8 decimals, as the doc's `"1000.00000000"`. */
// decimal.js's toFixed: exact, no float; BitMart pads amounts to 8 places ("1000.00000000").
const amountText = (value: Decimal) => value.toFixed(AMOUNT_DECIMALS);

/** The doc's example: daily 0.05 -> hourly "0.00208334", i.e. daily / 24 rounded up to 8 places. */
const hourlyRate = (daily: string) => new Decimal(daily).div(24).toDecimalPlaces(AMOUNT_DECIMALS, Decimal.ROUND_UP);

/** BitMart record times are Unix seconds (the doc's `create_time: 1655345808`). */
const seconds = (ms: number) => Math.floor(ms / 1000);

function findPair(symbol: string): BitmartPairFixture {
  const pair = BITMART_PAIRS.find((p) => p.symbol === symbol);
  if (!pair) throw BITMART.symbolNotFound();
  return pair;
}

function sideOf(pair: BitmartPairFixture, currency: string): PairSide {
  if (pair.base.currency === currency) return pair.base;
  if (pair.quote.currency === currency) return pair.quote;
  throw BITMART.currencyNotInSymbol();
}

/** The borrow/repay body: symbol, currency and an amount of at most 8 decimals, above zero. */
function readLoanBody(ctx: RequestContext): { pair: BitmartPairFixture; side: PairSide; amount: Decimal } {
  const b = ParamReader.body(ctx, 'bitmart');
  const symbol = b.string('symbol');
  const currency = b.string('currency');
  const amount = b.decimal('amount');
  b.done();
  if (amount.lte(0) || amount.decimalPlaces() > AMOUNT_DECIMALS) throw BITMART.invalid('amount');
  const pair = findPair(symbol);
  return { pair, side: sideOf(pair, currency), amount };
}

/** `start_time`/`end_time` (seconds, inclusive) and `N`, shared by both record queries. */
function readRange(q: ParamReader): { inRange: (ms: number) => boolean; n: number } {
  const start = q.optInteger('start_time', 0);
  const end = q.optInteger('end_time', 0);
  const n = q.optInteger('N', 1, RECORDS_MAX) ?? RECORDS_DEFAULT;
  if (start !== undefined && end !== undefined && end < start) throw BITMART.timeRange();
  const inRange = (ms: number) => (start === undefined || seconds(ms) >= start) && (end === undefined || seconds(ms) <= end);
  return { inRange, n };
}

/** A borrow as "Get Borrow Record(Isolated)" lists it. */
const borrowView = (r: BorrowEntry) => ({
  borrow_id: r.borrow_id, symbol: r.symbol, currency: r.currency, borrow_amount: amountText(r.amount), daily_interest: r.dailyInterest,
  hourly_interest: r.hourlyInterest.toFixed(AMOUNT_DECIMALS), interest_amount: amountText(r.interest), create_time: seconds(r.createdAt),
});

/** A repayment as "Get Repayment Record(Isolated)" lists it. */
const repayView = (r: RepayEntry) => ({
  repay_id: r.repay_id, repay_time: seconds(r.repaidAt), symbol: r.symbol, currency: r.currency, repaid_amount: amountText(r.amount),
  repaid_principal: amountText(r.principal), repaid_interest: amountText(r.interest),
});

/** Newest first, at most `n`: records are kept in the order they happened. */
function newest<T>(records: readonly T[], n: number): T[] {
  return records.slice().reverse().slice(0, n);
}

export function bitmartEndpoints(state: SandboxState): Record<string, EndpointImpl> {
  const ledgers = new Map<string, Ledger>();
  let lastAccrualHour = Math.floor(state.now() / HOUR_MS);

  function ledger(account: BitmartAccount): Ledger {
    return getOrCreate(ledgers, account.apiKey, () => ({ borrows: [], repays: [] }));
  }

  /**
   * The two record queries: `symbol`, the record's id, (repayments) `currency`, then the time
   * range and count; `matches` says whether a record is one they ask for.
   */
  function recordQuery(ctx: RequestContext, id: 'borrow_id' | 'repay_id', byCurrency: boolean) {
    const account = bitmartAccount(ctx);
    const q = ParamReader.query(ctx, 'bitmart');
    const symbol = q.string('symbol');
    const wantedId = q.optString(id);
    const currency = byCurrency ? q.optString('currency') : undefined;
    const { inRange, n } = readRange(q);
    q.done();
    const pair = findPair(symbol);
    if (currency !== undefined) sideOf(pair, currency);
    const matches = (r: { symbol: string; currency: string }, recordId: string, at: number) =>
      r.symbol === symbol && (wantedId === undefined || recordId === wantedId) && (currency === undefined || r.currency === currency) && inRange(at);
    return { records: ledger(account), matches, n };
  }

  /** The pair's wallet if the account has used the pair; reads never open one. */
  function existingWallet(account: BitmartAccount, symbol: string): Wallet | undefined {
    return account.symbols.includes(symbol) ? account.wallet(symbol) : undefined;
  }

  function borrowable(account: BitmartAccount, symbol: string, side: PairSide): Decimal {
    const owed = existingWallet(account, symbol)?.debt(side.currency) ?? new Decimal(0);
    return Decimal.max(0, new Decimal(side.maxBorrow).minus(owed));
  }

  // One hour of interest per hour boundary crossed, on every borrow's unpaid principal.
  state.onTick((now) => {
    const hour = Math.floor(now / HOUR_MS);
    const hours = Math.min(MAX_HOURS_PER_TICK, hour - lastAccrualHour);
    if (hours <= 0) return;
    lastAccrualHour = hour;
    for (const [apiKey, { borrows }] of ledgers) {
      const account = state.bitmartAccounts.get(apiKey)!;
      for (const entry of borrows) {
        if (entry.outstanding.lte(0)) continue;
        const charged = entry.outstanding.mul(entry.hourlyInterest).mul(hours).toDecimalPlaces(AMOUNT_DECIMALS, Decimal.ROUND_UP);
        entry.interest = entry.interest.plus(charged);
        const liability = account.wallet(entry.symbol).liability(entry.currency);
        liability.interest = liability.interest.plus(charged);
      }
    }
  });

  /** One side of a pair as the doc shows it; a disabled pair lends nothing now. */
  function pairSide(account: BitmartAccount, pair: BitmartPairFixture, which: PairSide) {
    return {
      currency: which.currency,
      daily_interest: which.dailyInterest,
      hourly_interest: hourlyRate(which.dailyInterest).toFixed(AMOUNT_DECIMALS),
      max_borrow_amount: amountText(new Decimal(which.maxBorrow)),
      min_borrow_amount: amountText(new Decimal(which.minBorrow)),
      borrowable_amount: amountText(pair.enabled ? borrowable(account, pair.symbol, which) : new Decimal(0)),
    };
  }

  return {
    marginBorrowIsolated(ctx) {
      const account = bitmartAccount(ctx);
      const { pair, side, amount } = readLoanBody(ctx);
      if (!pair.enabled) throw BITMART.disabled();
      if (amount.lt(side.minBorrow)) throw BITMART.amountTooSmall();
      if (amount.gt(borrowable(account, pair.symbol, side))) throw BITMART.exceedsBorrowable();
      const wallet = account.wallet(pair.symbol);
      wallet.credit(side.currency, amount);
      const liability = wallet.liability(side.currency);
      liability.principal = liability.principal.plus(amount);
      const entry: BorrowEntry = {
        borrow_id: state.nextNumericId(),
        symbol: pair.symbol,
        currency: side.currency,
        amount,
        outstanding: amount,
        dailyInterest: side.dailyInterest,
        hourlyInterest: hourlyRate(side.dailyInterest),
        interest: new Decimal(0),
        createdAt: ctx.now,
      };
      ledger(account).borrows.push(entry);
      return { borrow_id: entry.borrow_id };
    },

    /** Interest first, then principal (oldest borrow first); never more than is owed. */
    marginRepayIsolated(ctx) {
      const account = bitmartAccount(ctx);
      const { pair, side, amount } = readLoanBody(ctx);
      const wallet = existingWallet(account, pair.symbol);
      const owed = wallet?.debt(side.currency) ?? new Decimal(0);
      if (!wallet || owed.lte(0)) throw BITMART.noDebt();
      if (amount.gt(owed)) throw BITMART.exceedsRepayable();
      wallet.debit(side.currency, amount, () => BITMART.balanceInsufficient());
      const liability = wallet.liability(side.currency);
      const interest = Decimal.min(amount, liability.interest);
      const principal = amount.minus(interest);
      liability.interest = liability.interest.minus(interest);
      liability.principal = liability.principal.minus(principal);
      let left = principal;
      for (const entry of ledger(account).borrows) {
        if (left.lte(0)) break;
        if (entry.symbol !== pair.symbol || entry.currency !== side.currency || entry.outstanding.lte(0)) continue;
        const paid = Decimal.min(left, entry.outstanding);
        entry.outstanding = entry.outstanding.minus(paid);
        left = left.minus(paid);
      }
      const entry: RepayEntry = {
        repay_id: state.nextNumericId(),
        symbol: pair.symbol,
        currency: side.currency,
        amount,
        principal,
        interest,
        repaidAt: ctx.now,
      };
      ledger(account).repays.push(entry);
      return { repay_id: entry.repay_id };
    },

    getBorrowRecordIsolated(ctx) {
      const { records, matches, n } = recordQuery(ctx, 'borrow_id', false);
      return { records: newest(records.borrows.filter((r) => matches(r, r.borrow_id, r.createdAt)), n).map(borrowView) };
    },

    getRepayRecordIsolated(ctx) {
      const { records, matches, n } = recordQuery(ctx, 'repay_id', true);
      return { records: newest(records.repays.filter((r) => matches(r, r.repay_id, r.repaidAt)), n).map(repayView) };
    },

    /** `symbol` may list several pairs, comma-separated; pairs BitMart does not list are left out. */
    getIsolatedPairs(ctx) {
      const account = bitmartAccount(ctx);
      const q = ParamReader.query(ctx, 'bitmart');
      const symbol = q.optString('symbol');
      q.done();
      const wanted = symbol?.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const pairs = BITMART_PAIRS.filter((p) => !wanted || wanted.includes(p.symbol));
      return {
        symbols: pairs.map((p) => ({
          symbol: p.symbol,
          max_leverage: p.maxLeverage,
          symbol_enabled: p.enabled,
          base: pairSide(account, p, p.base),
          quote: pairSide(account, p, p.quote),
        })),
      };
    },
  };
}
