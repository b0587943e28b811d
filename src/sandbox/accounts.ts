import { Decimal } from '../core/decimal.js';
import { CURRENCIES } from './fixtures.js';
import { KUCOIN } from './errors.js';

/** One currency in one wallet: what can be used, and what open orders hold. */
export interface Balance {
  available: Decimal;
  hold: Decimal;
}

/** Debt in one currency: principal borrowed and interest accrued, both still owed. */
export interface Liability {
  principal: Decimal;
  interest: Decimal;
}

const ZERO = new Decimal(0);

/** Balances and debts of one margin wallet (the cross account, or one isolated pair). */
export class Wallet {
  readonly balances = new Map<string, Balance>();
  readonly liabilities = new Map<string, Liability>();

  balance(currency: string): Balance {
    let balance = this.balances.get(currency);
    if (!balance) {
      balance = { available: ZERO, hold: ZERO };
      this.balances.set(currency, balance);
    }
    return balance;
  }

  liability(currency: string): Liability {
    let liability = this.liabilities.get(currency);
    if (!liability) {
      liability = { principal: ZERO, interest: ZERO };
      this.liabilities.set(currency, liability);
    }
    return liability;
  }

  /** Total owed in a currency. */
  debt(currency: string): Decimal {
    const l = this.liabilities.get(currency);
    return l ? l.principal.plus(l.interest) : ZERO;
  }

  credit(currency: string, amount: Decimal): void {
    const b = this.balance(currency);
    b.available = b.available.plus(amount);
  }

  /** Takes from available; the venue's "Balance insufficient" when there is not enough. */
  debit(currency: string, amount: Decimal, refuse = () => KUCOIN.balanceInsufficient()): void {
    const b = this.balance(currency);
    if (b.available.lt(amount)) throw refuse();
    b.available = b.available.minus(amount);
  }

  /** Moves available to hold (an open order reserves what it may spend). */
  hold(currency: string, amount: Decimal, refuse = () => KUCOIN.balanceInsufficient()): void {
    const b = this.balance(currency);
    if (b.available.lt(amount)) throw refuse();
    b.available = b.available.minus(amount);
    b.hold = b.hold.plus(amount);
  }

  /** Gives back held funds (order cancelled or done) or spends them (`spend`). */
  release(currency: string, amount: Decimal, spend = false): void {
    const b = this.balance(currency);
    const taken = Decimal.min(amount, b.hold);
    b.hold = b.hold.minus(taken);
    if (!spend) b.available = b.available.plus(taken);
  }
}

export type MarginMode = 'cross' | 'isolated';

/** A KuCoin API key's account in the sandbox. */
export class KucoinAccount {
  /** Main account: where lending purchases are paid from and redeemed to. */
  readonly main = new Wallet();
  readonly cross = new Wallet();
  private readonly isolatedWallets = new Map<string, Wallet>();
  crossLeverage = new Decimal(3);
  readonly isolatedLeverage = new Map<string, Decimal>();

  constructor(
    readonly apiKey: string,
    readonly apiSecret: string,
    readonly apiPassphrase: string,
    readonly apiKeyVersion: '2' | '3',
    startingBalances: Record<string, string> | undefined,
  ) {
    for (const fixture of CURRENCIES) {
      const amount = new Decimal(startingBalances?.[fixture.currency] ?? fixture.startingBalance);
      this.main.credit(fixture.currency, amount);
      this.cross.credit(fixture.currency, amount);
    }
  }

  /** An isolated pair's wallet; new ones start with 10 000 of the quote currency to trade with. */
  isolated(symbol: string): Wallet {
    let wallet = this.isolatedWallets.get(symbol);
    if (!wallet) {
      wallet = new Wallet();
      const quote = symbol.split('-')[1];
      if (quote) wallet.credit(quote, new Decimal(quote === 'BTC' ? '0.2' : '10000'));
      this.isolatedWallets.set(symbol, wallet);
    }
    return wallet;
  }

  wallet(mode: MarginMode, symbol?: string): Wallet {
    if (mode === 'isolated') {
      if (!symbol) throw KUCOIN.badRequest('symbol is required for isolated margin');
      return this.isolated(symbol);
    }
    return this.cross;
  }

  get isolatedSymbols(): string[] {
    return [...this.isolatedWallets.keys()];
  }
}

/** A BitMart API key's account: one isolated wallet per pair. */
export class BitmartAccount {
  private readonly wallets = new Map<string, Wallet>();

  constructor(
    readonly apiKey: string,
    readonly apiSecret: string,
    readonly memo: string,
  ) {}

  /** New pairs start with 10 000 of the quote currency and none of the base. */
  wallet(symbol: string): Wallet {
    let wallet = this.wallets.get(symbol);
    if (!wallet) {
      wallet = new Wallet();
      const quote = symbol.split('_')[1];
      if (quote) wallet.credit(quote, new Decimal('10000'));
      this.wallets.set(symbol, wallet);
    }
    return wallet;
  }

  get symbols(): string[] {
    return [...this.wallets.keys()];
  }
}
