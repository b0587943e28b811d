/**
 * KuCoin margin loans in the sandbox: borrow and repay against per-currency limits, hourly
 * interest on the clock, and the records the histories page through. The debit endpoints and
 * the orders' `autoBorrow`/`autoRepay` both go through here, so every loan has one record.
 */
import { Decimal } from '../core/decimal.js';
import type { KucoinAccount, MarginMode } from './accounts.js';
import { getOrCreate } from './collections.js';
import { KUCOIN } from './errors.js';
import { CURRENCIES, SYMBOLS } from './fixtures.js';

const HOUR_MS = 3_600_000;
/** A long idle gap accrues at most 30 days of interest at once. */
const MAX_HOURS_PER_TICK = 24 * 30;
/** Isolated pairs lend a tenth of the cross limit per currency. */
const ISOLATED_LIMIT_SHARE = new Decimal('0.1');

export type DebitStatus = 'PENDING' | 'SUCCESS' | 'FAILED';

export interface BorrowRecord {
  orderNo: string;
  /** Empty for cross margin, as the venue sends it. */
  symbol: string;
  currency: string;
  size: Decimal;
  actualSize: Decimal;
  status: DebitStatus;
  createdTime: number;
}

export interface RepayRecord {
  orderNo: string;
  symbol: string;
  currency: string;
  /** Size asked for ("Amount of initiated repay"). */
  size: Decimal;
  /** What was repaid: `interest + principal`, at most what was owed. */
  actualSize: Decimal;
  principal: Decimal;
  interest: Decimal;
  status: DebitStatus;
  createdTime: number;
}

export interface InterestRecord {
  currency: string;
  /** Empty for cross margin. */
  symbol: string;
  /** Daily rate at the time; one hour costs `principal * dayRatio / 24`. */
  dayRatio: Decimal;
  interestAmount: Decimal;
  createdTime: number;
}

export interface LoanLimits {
  borrowMaxAmount: Decimal;
  borrowMinAmount: Decimal;
  borrowMinUnit: Decimal;
  precision: number;
  borrowEnabled: boolean;
}

export interface AccountLoans {
  borrows: BorrowRecord[];
  repays: RepayRecord[];
  interest: InterestRecord[];
}

export interface LoanTarget {
  mode: MarginMode;
  /** Required for isolated. */
  symbol?: string;
  currency: string;
  /** The HF margin account (`isHf: true`, HF orders) or the classic one. */
  hf: boolean;
}

/**
 * What the ledger needs from the sandbox: its clock, ids and accounts. A narrow view, so the
 * ledger does not depend on the state that holds it.
 */
export interface LedgerHost {
  now(): number;
  nextId(): string;
  onTick(tick: (now: number) => void): void;
  readonly kucoinAccounts: ReadonlyMap<string, KucoinAccount>;
}

export class KucoinLoans {
  private readonly byAccount = new Map<string, AccountLoans>();
  private lastAccrualHour: number;

  constructor(private readonly state: LedgerHost) {
    this.lastAccrualHour = Math.floor(state.now() / HOUR_MS);
    state.onTick((now) => this.accrue(now));
  }

  records(account: KucoinAccount): AccountLoans {
    return getOrCreate(this.byAccount, account.apiKey, () => ({ borrows: [], repays: [], interest: [] }));
  }

  /**
   * The lending market's current rate, set by the lending module so borrowers pay what the loan
   * market shows (and what an interest preview computes from it).
   */
  marketRate: ((currency: string) => Decimal | undefined) | undefined;

  /** Annual market rate of a currency, as a fraction. */
  annualRate(currency: string): Decimal {
    return this.marketRate?.(currency) ?? new Decimal(CURRENCIES.find((c) => c.currency === currency)?.marketInterestRate ?? '0.1');
  }

  /** Limits for a currency, cross or on an isolated pair (undefined: not borrowable there at all). */
  limits(target: Omit<LoanTarget, 'hf'>): LoanLimits | undefined {
    const fixture = CURRENCIES.find((c) => c.currency === target.currency);
    if (!fixture) return undefined;
    const cross: LoanLimits = {
      borrowMaxAmount: new Decimal(fixture.borrowMaxAmount),
      borrowMinAmount: new Decimal(fixture.borrowMinAmount),
      borrowMinUnit: new Decimal(fixture.borrowMinUnit),
      precision: fixture.precision,
      borrowEnabled: fixture.borrowEnabled,
    };
    if (target.mode === 'cross') return cross;
    const symbol = SYMBOLS.find((s) => s.symbol === target.symbol && s.isolated);
    if (!symbol) return undefined;
    const side = symbol.baseCurrency === target.currency ? 'base' : symbol.quoteCurrency === target.currency ? 'quote' : undefined;
    if (!side) return undefined;
    const enabled = side === 'base' ? symbol.isolated!.baseBorrowEnable : symbol.isolated!.quoteBorrowEnable;
    return { ...cross, borrowMaxAmount: cross.borrowMaxAmount.mul(ISOLATED_LIMIT_SHARE), borrowEnabled: cross.borrowEnabled && enabled };
  }

  /**
   * What the personal limit still lends on a target: `borrowMaxAmount` less the principal owed
   * there, in the HF and the classic account together (the limit is the user's, not the account's).
   */
  room(account: KucoinAccount, target: Omit<LoanTarget, 'hf'>, limits: LoanLimits): Decimal {
    let owed = new Decimal(0);
    for (const hf of [true, false]) {
      owed = owed.plus(account.wallet(target.mode, target.symbol, hf).liabilities.get(target.currency)?.principal ?? 0);
    }
    return Decimal.max(0, limits.borrowMaxAmount.minus(owed));
  }

  /** `maxBorrowSize`: what an IOC borrow would lend now, the room rounded down to `borrowMinUnit` (0 when borrowing is off). */
  maxBorrowSize(account: KucoinAccount, target: Omit<LoanTarget, 'hf'>): Decimal {
    const limits = this.limits(target);
    if (!limits?.borrowEnabled) return new Decimal(0);
    const size = this.room(account, target, limits).div(limits.borrowMinUnit).floor().mul(limits.borrowMinUnit);
    return size.lt(limits.borrowMinAmount) ? new Decimal(0) : size;
  }

  private requireLimits(target: LoanTarget): LoanLimits {
    requireIsolatedSymbol(target);
    const limits = this.limits(target);
    if (!limits) {
      throw KUCOIN.borrowRefused(
        target.mode === 'cross' ? `${target.currency} is not a margin currency` : `${target.currency} cannot be borrowed on ${target.symbol}`,
      );
    }
    return limits;
  }

  /**
   * Borrows into the margin wallet. IOC lends what the personal limit leaves (rounded down to
   * `borrowMinUnit`); FOK lends all of `size` or refuses.
   */
  borrow(account: KucoinAccount, target: LoanTarget, size: Decimal, timeInForce: 'IOC' | 'FOK'): BorrowRecord {
    const limits = this.requireLimits(target);
    if (!limits.borrowEnabled) throw KUCOIN.borrowRefused(`Borrowing ${target.currency} is not enabled`);
    if (size.lte(0)) throw KUCOIN.badRequest('size must be positive');
    if (!size.mod(limits.borrowMinUnit).isZero()) {
      throw KUCOIN.borrowRefused(`size must be a multiple of the minimum borrow unit ${limits.borrowMinUnit.toString()}`);
    }
    if (size.lt(limits.borrowMinAmount)) {
      throw KUCOIN.borrowRefused(`size is below the minimum borrow amount ${limits.borrowMinAmount.toString()}`);
    }
    const wallet = account.wallet(target.mode, target.symbol, target.hf);
    const room = this.room(account, target, limits);
    let actual = size;
    if (size.gt(room)) {
      if (timeInForce === 'FOK') throw KUCOIN.borrowRefused(`size exceeds the maximum borrowable amount ${room.toString()}`);
      actual = room.div(limits.borrowMinUnit).floor().mul(limits.borrowMinUnit);
      if (actual.lt(limits.borrowMinAmount)) throw KUCOIN.borrowRefused('The maximum borrowable amount is reached');
    }
    wallet.credit(target.currency, actual);
    const liability = wallet.liability(target.currency);
    liability.principal = liability.principal.plus(actual);
    const record: BorrowRecord = this.newRecord(target, size, actual);
    this.records(account).borrows.push(record);
    return record;
  }

  /** What a borrow and a repay record both say: a new order number, where, how much, when. */
  private newRecord(target: LoanTarget, size: Decimal, actualSize: Decimal): BorrowRecord {
    const symbol = target.mode === 'isolated' ? target.symbol! : '';
    return { orderNo: this.state.nextId(), symbol, currency: target.currency, size, actualSize, status: 'SUCCESS', createdTime: this.state.now() };
  }

  /**
   * Repays up to what is owed: interest first, then principal, from the margin wallet. The
   * smallest repayment is one unit of the currency's `precision` ("Get Margin Risk Limit").
   */
  repay(account: KucoinAccount, target: LoanTarget, size: Decimal): RepayRecord {
    requireIsolatedSymbol(target);
    if (size.lte(0)) throw KUCOIN.badRequest('size must be positive');
    const precision = CURRENCIES.find((c) => c.currency === target.currency)?.precision;
    if (precision !== undefined && size.decimalPlaces() > precision) {
      throw KUCOIN.repayRefused(`size must have at most ${precision} decimal places`);
    }
    const wallet = account.wallet(target.mode, target.symbol, target.hf);
    const liability = wallet.liabilities.get(target.currency);
    const owed = wallet.debt(target.currency);
    if (!liability || owed.lte(0)) throw KUCOIN.repayRefused(`There is no ${target.currency} debt to repay`);
    const amount = Decimal.min(size, owed);
    wallet.debit(target.currency, amount, () => KUCOIN.marginBalanceInsufficient());
    const interest = Decimal.min(amount, liability.interest);
    const principal = amount.minus(interest);
    liability.interest = liability.interest.minus(interest);
    liability.principal = liability.principal.minus(principal);
    const record: RepayRecord = { ...this.newRecord(target, size, amount), principal, interest };
    this.records(account).repays.push(record);
    return record;
  }

  /**
   * Charges one hour of interest per hour boundary crossed, on every open principal (an hour
   * begun counts as a whole one), with one interest record per hour as the venue lists them.
   */
  private accrue(now: number): void {
    const hour = Math.floor(now / HOUR_MS);
    const first = Math.max(this.lastAccrualHour + 1, hour - MAX_HOURS_PER_TICK + 1);
    if (hour <= this.lastAccrualHour) return;
    this.lastAccrualHour = hour;
    for (const account of this.state.kucoinAccounts.values()) {
      for (const { symbol, wallet } of account.marginWallets()) {
        for (const [currency, liability] of wallet.liabilities) {
          if (liability.principal.lte(0)) continue;
          const dayRatio = this.dayRatio(currency);
          const precision = CURRENCIES.find((c) => c.currency === currency)?.precision ?? 8;
          const charged = liability.principal.mul(dayRatio).div(24).toDecimalPlaces(precision, Decimal.ROUND_UP);
          for (let h = first; h <= hour; h += 1) {
            liability.interest = liability.interest.plus(charged);
            this.records(account).interest.push({ currency, symbol, dayRatio, interestAmount: charged, createdTime: h * HOUR_MS });
          }
        }
      }
    }
  }

  /** The daily rate borrowers pay: the annual market rate over 365 days. */
  dayRatio(currency: string): Decimal {
    return this.annualRate(currency).div(365).toDecimalPlaces(8, Decimal.ROUND_UP);
  }
}

/** Isolated loans need a listed isolated pair: anything else is a parameter error, as the venue answers it. */
function requireIsolatedSymbol(target: LoanTarget): void {
  if (target.mode !== 'isolated') return;
  if (!target.symbol) throw KUCOIN.badRequest('symbol is required for isolated margin');
  if (!SYMBOLS.some((s) => s.symbol === target.symbol && s.isolated)) {
    throw KUCOIN.badRequest(`${target.symbol} is not an isolated margin symbol`);
  }
}
