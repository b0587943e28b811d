/**
 * KuCoin lending market (`kucoin-margin-rest-api.md`, "Get Loan Market" to "Get Redeem Orders").
 *
 * A purchase takes funds from the main account and waits for borrowers. Every hour, on the
 * clock: the part lent out earns `rate / 8760` of itself (paid to the main account), redeems
 * waiting on lent funds settle, a rate change takes effect ("at the beginning of the next
 * hour"), and a seeded share of the idle part of each purchase whose rate is at most the
 * market rate is lent. Redeeming takes idle funds back at once and lent funds at the next hour.
 * The market rate walks, seeded, around each currency's rate.
 */
import { Decimal } from '../core/decimal.js';
import type { KucoinAccount } from './accounts.js';
import { kucoinAccount, page, ParamReader, recordView, type EndpointImpl, type RequestContext } from './context.js';
import { KUCOIN } from './errors.js';
import { CURRENCIES, type CurrencyFixture } from './fixtures.js';
import { getOrCreate } from './collections.js';
import type { SandboxState } from './state.js';

const HOUR_MS = 3_600_000;
const HOURS_PER_YEAR = 365 * 24;
/** "Get Loan Market Interest Rate": the past 7 days, one point per hour. */
const RATE_HISTORY_HOURS = 7 * 24;
/** A long idle gap settles at most 30 days of hours at once. */
const MAX_HOURS_PER_TICK = 24 * 30;
/** The doc's default step of a lending rate. */
const INTEREST_INCREMENT = new Decimal('0.0001');
const MIN_INTEREST_RATE = new Decimal('0.005');
const MAX_INTEREST_RATE = new Decimal('0.32');
/** The market rate moves within +-25% of the currency's rate, between knots 6 hours apart. */
const RATE_SWING = 0.25;
const RATE_KNOT_HOURS = 6;
/** An hour lends between 30% and 100% of a matching purchase's idle funds. */
const MIN_MATCH_SHARE = 0.3;

export type LendingStatus = 'PENDING' | 'DONE';

interface Purchase {
  purchaseOrderNo: string;
  currency: string;
  purchaseSize: Decimal;
  /** Lent out over the order's life ("Executed size"). */
  matchSize: Decimal;
  /** Lent out now, including what pending redeems are calling back. */
  lent: Decimal;
  /** Asked back by redeems, settled or not. */
  redeemed: Decimal;
  /** The target rate, as last set. */
  interestRate: Decimal;
  /** The rate that earns and matches: the target from the next hour on. */
  effectiveRate: Decimal;
  incomeSize: Decimal;
  applyTime: number;
  status: LendingStatus;
}

interface Redeem {
  redeemOrderNo: string;
  purchaseOrderNo: string;
  currency: string;
  redeemSize: Decimal;
  receiptSize: Decimal;
  applyTime: number;
  status: LendingStatus;
}

interface AccountLending {
  purchases: Purchase[];
  redeems: Redeem[];
}

/** A 32-bit integer hash (murmur3's finalizer): the same inputs, the same walk. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** "Time: YYYYMMDDHH00", in UTC. */
function hourLabel(hour: number): string {
  const d = new Date(hour * HOUR_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}00`;
}

function isMultiple(value: Decimal, step: Decimal): boolean {
  return value.mod(step).isZero();
}

export function lendingEndpoints(state: SandboxState): Record<string, EndpointImpl> {
  // One draw at start-up seeds the market rate walk, which is then a pure function of the hour.
  const salt = Math.floor(state.random() * 0x100000000);
  const byAccount = new Map<string, AccountLending>();
  let lastHour = Math.floor(state.now() / HOUR_MS);

  function records(account: KucoinAccount): AccountLending {
    return getOrCreate(byAccount, account.apiKey, () => ({ purchases: [], redeems: [] }));
  }

  /** The lending POSTs: the caller, `currency` (a lending currency), then what else the body carries. */
  function lendingBody<T>(ctx: RequestContext, more: (r: ParamReader) => T) {
    const account = kucoinAccount(ctx);
    const r = ParamReader.body(ctx);
    const currency = r.string('currency');
    const rest = more(r);
    r.done();
    return { account, currency, fixture: requireFixture(currency), ...rest };
  }

  /** Purchase and redeem orders are listed alike: by status, optionally currency and order number, newest first, pages of up to 50. */
  function lendingOrders<K extends keyof AccountLending>(ctx: RequestContext, kind: K, id: 'purchaseOrderNo' | 'redeemOrderNo', fields: ReadonlyArray<keyof AccountLending[K][number] & string>) {
    const account = kucoinAccount(ctx);
    const r = ParamReader.query(ctx);
    const status = r.enum('status', ['DONE', 'PENDING'] as const);
    const currency = r.optString('currency');
    const orderNo = r.optString(id);
    const currentPage = r.optInteger('currentPage', 1) ?? 1;
    const pageSize = r.optInteger('pageSize', 1, 50) ?? 50;
    r.done();
    const list: ReadonlyArray<Purchase | Redeem> = records(account)[kind];
    const items = [...list]
      .reverse()
      .filter((o) => o.status === status && (!currency || o.currency === currency) && (!orderNo || (o as unknown as Record<string, unknown>)[id] === orderNo))
      .map((o) => recordView(o as AccountLending[K][number], fields));
    return page(items, currentPage, pageSize);
  }

  /** The market lending rate of `currency` during `hour`, on the interest increment. */
  function marketRate(fixture: CurrencyFixture, hour: number): Decimal {
    const noise = (knot: number) => (mix(salt ^ hashString(fixture.currency) ^ mix(knot)) / 0xffffffff) * 2 - 1;
    const knot = Math.floor(hour / RATE_KNOT_HOURS);
    const t = (hour - knot * RATE_KNOT_HOURS) / RATE_KNOT_HOURS;
    const wave = noise(knot) * (1 - t) + noise(knot + 1) * t;
    const factor = new Decimal(Math.round((1 + wave * RATE_SWING) * 1e6)).div(1e6);
    const rate = new Decimal(fixture.marketInterestRate).mul(factor).toNearest(INTEREST_INCREMENT, Decimal.ROUND_HALF_EVEN);
    return Decimal.min(MAX_INTEREST_RATE, Decimal.max(MIN_INTEREST_RATE, rate));
  }

  state.loans.marketRate = (currency) => {
    const fixture = CURRENCIES.find((c) => c.currency === currency);
    return fixture ? marketRate(fixture, Math.floor(state.now() / HOUR_MS)) : undefined;
  };

  function requireFixture(currency: string): CurrencyFixture {
    const fixture = CURRENCIES.find((c) => c.currency === currency);
    if (!fixture) throw KUCOIN.badRequest(`${currency} is not a lending currency`);
    return fixture;
  }

  function requireRate(rate: Decimal): void {
    if (!isMultiple(rate, INTEREST_INCREMENT)) {
      throw KUCOIN.lendingRefused(`interestRate must be a multiple of the interest increment ${INTEREST_INCREMENT.toString()}`);
    }
    if (rate.lt(MIN_INTEREST_RATE) || rate.gt(MAX_INTEREST_RATE)) {
      throw KUCOIN.lendingRefused(`interestRate must be from ${MIN_INTEREST_RATE.toString()} to ${MAX_INTEREST_RATE.toString()}`);
    }
  }

  function findPurchase(account: KucoinAccount, currency: string, purchaseOrderNo: string): Purchase {
    const purchase = records(account).purchases.find((p) => p.purchaseOrderNo === purchaseOrderNo && p.currency === currency);
    if (!purchase) throw KUCOIN.orderNotExist('The purchase order does not exist.');
    return purchase;
  }

  /** What is neither lent nor asked back: it can be lent, or redeemed at once. */
  function idle(purchase: Purchase, pending: readonly Redeem[]): Decimal {
    const callingBack = pending.reduce((sum, r) => sum.plus(r.redeemSize.minus(r.receiptSize)), new Decimal(0));
    return purchase.purchaseSize.minus(purchase.redeemed).minus(purchase.lent.minus(callingBack));
  }

  function pendingRedeems(lending: AccountLending, purchase: Purchase): Redeem[] {
    return lending.redeems.filter((r) => r.purchaseOrderNo === purchase.purchaseOrderNo && r.status === 'PENDING');
  }

  function closeIfRedeemed(lending: AccountLending, purchase: Purchase): void {
    if (purchase.redeemed.eq(purchase.purchaseSize) && pendingRedeems(lending, purchase).length === 0) purchase.status = 'DONE';
  }

  /** One hour boundary for one purchase: income, settlements, rate change, matching. */
  function settleHour(account: KucoinAccount, lending: AccountLending, purchase: Purchase, hour: number): void {
    const fixture = requireFixture(purchase.currency);
    const income = purchase.lent.mul(purchase.effectiveRate).div(HOURS_PER_YEAR).toDecimalPlaces(fixture.precision, Decimal.ROUND_DOWN);
    if (income.gt(0)) {
      purchase.incomeSize = purchase.incomeSize.plus(income);
      account.main.credit(purchase.currency, income);
    }
    for (const redeem of pendingRedeems(lending, purchase)) {
      const outstanding = redeem.redeemSize.minus(redeem.receiptSize);
      purchase.lent = purchase.lent.minus(outstanding);
      account.main.credit(purchase.currency, outstanding);
      redeem.receiptSize = redeem.redeemSize;
      redeem.status = 'DONE';
    }
    purchase.effectiveRate = purchase.interestRate;
    const free = idle(purchase, []);
    if (free.gt(0) && fixture.purchaseEnable && purchase.effectiveRate.lte(marketRate(fixture, hour))) {
      const share = MIN_MATCH_SHARE + (1 - MIN_MATCH_SHARE) * state.random();
      const increment = new Decimal(fixture.increment);
      let matched = free.mul(new Decimal(Math.round(share * 1e6)).div(1e6)).div(increment).floor().mul(increment);
      if (matched.lte(0)) matched = free;
      purchase.lent = purchase.lent.plus(matched);
      purchase.matchSize = purchase.matchSize.plus(matched);
    }
    closeIfRedeemed(lending, purchase);
  }

  state.onTick((now) => {
    const hour = Math.floor(now / HOUR_MS);
    if (hour <= lastHour) return;
    const first = Math.max(lastHour + 1, hour - MAX_HOURS_PER_TICK + 1);
    lastHour = hour;
    for (let h = first; h <= hour; h += 1) {
      for (const account of state.kucoinAccounts.values()) {
        const lending = byAccount.get(account.apiKey);
        if (!lending) continue;
        for (const purchase of lending.purchases) if (purchase.status === 'PENDING') settleHour(account, lending, purchase, h);
      }
    }
  });

  return {
    getLoanMarket(ctx) {
      const r = ParamReader.query(ctx);
      const currency = r.optString('currency');
      r.done();
      if (currency) requireFixture(currency);
      const hour = Math.floor(ctx.now / HOUR_MS);
      return CURRENCIES.filter((c) => !currency || c.currency === currency).map((c) => ({
        currency: c.currency,
        purchaseEnable: c.purchaseEnable,
        redeemEnable: c.redeemEnable,
        increment: c.increment,
        minPurchaseSize: c.minPurchaseSize,
        minInterestRate: MIN_INTEREST_RATE.toString(),
        maxInterestRate: MAX_INTEREST_RATE.toString(),
        interestIncrement: INTEREST_INCREMENT.toString(),
        maxPurchaseSize: c.maxPurchaseSize,
        marketInterestRate: marketRate(c, hour).toString(),
        // The sandbox has no automatic purchase.
        autoPurchaseEnable: false,
      }));
    },

    getLoanMarketInterestRate(ctx) {
      const r = ParamReader.query(ctx);
      const currency = r.string('currency');
      r.done();
      // The doc's sample asks for `BTC,ETH,KCS`, but its answer names no currency: one at a time.
      if (currency.includes(',')) throw KUCOIN.badRequest('currency must name one currency');
      const fixture = requireFixture(currency);
      const hour = Math.floor(ctx.now / HOUR_MS);
      const points: Array<{ time: string; marketInterestRate: string }> = [];
      for (let h = hour - RATE_HISTORY_HOURS + 1; h <= hour; h += 1) {
        points.push({ time: hourLabel(h), marketInterestRate: marketRate(fixture, h).toString() });
      }
      return points;
    },

    purchase(ctx) {
      const { account, currency, fixture, size, interestRate } = lendingBody(ctx, (r) => ({ size: r.decimal('size'), interestRate: r.decimal('interestRate') }));
      if (!fixture.purchaseEnable) throw KUCOIN.lendingRefused(`Purchasing ${currency} is not enabled`);
      const increment = new Decimal(fixture.increment);
      if (size.lte(0) || !isMultiple(size, increment)) throw KUCOIN.lendingRefused(`size must be a multiple of the increment ${fixture.increment}`);
      if (size.lt(fixture.minPurchaseSize)) throw KUCOIN.lendingRefused(`size is below the minimum purchase size ${fixture.minPurchaseSize}`);
      if (size.gt(fixture.maxPurchaseSize)) throw KUCOIN.lendingRefused(`size is above the maximum purchase size ${fixture.maxPurchaseSize}`);
      requireRate(interestRate);
      account.main.debit(currency, size);
      const purchase: Purchase = {
        purchaseOrderNo: state.nextId(),
        currency,
        purchaseSize: size,
        matchSize: new Decimal(0),
        lent: new Decimal(0),
        redeemed: new Decimal(0),
        interestRate,
        effectiveRate: interestRate,
        incomeSize: new Decimal(0),
        applyTime: ctx.now,
        status: 'PENDING',
      };
      records(account).purchases.push(purchase);
      return { orderNo: purchase.purchaseOrderNo };
    },

    modifyPurchase(ctx) {
      const { account, currency, interestRate, purchaseOrderNo } = lendingBody(ctx, (r) => ({
        interestRate: r.decimal('interestRate'),
        purchaseOrderNo: r.string('purchaseOrderNo'),
      }));
      const purchase = findPurchase(account, currency, purchaseOrderNo);
      if (purchase.status !== 'PENDING') throw KUCOIN.lendingRefused('The purchase order is completed');
      requireRate(interestRate);
      purchase.interestRate = interestRate;
      // The doc types `data` as a string and says nothing of it: an empty one.
      return '';
    },

    // `incomeSize`: the doc calls it "Redeemed amount"; its name says what it is, interest earned.
    getPurchaseOrders: (ctx) =>
      lendingOrders(ctx, 'purchases', 'purchaseOrderNo', ['currency', 'purchaseOrderNo', 'purchaseSize', 'matchSize', 'interestRate', 'incomeSize', 'applyTime', 'status']),

    redeem(ctx) {
      const { account, currency, fixture, size, purchaseOrderNo } = lendingBody(ctx, (r) => ({ size: r.decimal('size'), purchaseOrderNo: r.string('purchaseOrderNo') }));
      if (!fixture.redeemEnable) throw KUCOIN.lendingRefused(`Redeeming ${currency} is not enabled`);
      const lending = records(account);
      const purchase = findPurchase(account, currency, purchaseOrderNo);
      if (purchase.status !== 'PENDING') throw KUCOIN.lendingRefused('The purchase order is completed');
      if (size.lte(0) || !isMultiple(size, new Decimal(fixture.increment))) {
        throw KUCOIN.lendingRefused(`size must be a multiple of the increment ${fixture.increment}`);
      }
      const remaining = purchase.purchaseSize.minus(purchase.redeemed);
      if (size.gt(remaining)) throw KUCOIN.lendingRefused(`size exceeds the purchase's remaining size ${remaining.toString()}`);
      const now = Decimal.min(size, idle(purchase, pendingRedeems(lending, purchase)));
      account.main.credit(currency, now);
      purchase.redeemed = purchase.redeemed.plus(size);
      const redeem: Redeem = {
        redeemOrderNo: state.nextId(),
        purchaseOrderNo,
        currency,
        redeemSize: size,
        receiptSize: now,
        applyTime: ctx.now,
        status: now.eq(size) ? 'DONE' : 'PENDING',
      };
      lending.redeems.push(redeem);
      closeIfRedeemed(lending, purchase);
      return { orderNo: redeem.redeemOrderNo };
    },

    getRedeemOrders(ctx) {
      const list = lendingOrders(ctx, 'redeems', 'redeemOrderNo', ['currency', 'purchaseOrderNo', 'redeemOrderNo', 'redeemSize', 'receiptSize', 'applyTime', 'status']);
      // The doc types this `applyTime` a string (purchase orders' is an integer).
      return { ...list, items: list.items.map((item) => ({ ...item, applyTime: String(item.applyTime) })) };
    },
  };
}
