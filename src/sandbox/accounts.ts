import { Decimal } from '../core/decimal.js';
import { CURRENCIES } from './fixtures.js';
import { getOrCreate } from './collections.js';
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
    return getOrCreate(this.balances, currency, () => ({ available: ZERO, hold: ZERO }));
  }

  liability(currency: string): Liability {
    return getOrCreate(this.liabilities, currency, () => ({ principal: ZERO, interest: ZERO }));
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

/**
 * A KuCoin API key's account in the sandbox. KuCoin keeps the high-frequency (HF) margin account
 * apart from the classic one ("Get Account - Cross Margin" `queryType` MARGIN_V2 vs MARGIN, isolated
 * ISOLATED_V2 vs ISOLATED): HF orders and `isHf: true` loans act on the HF wallets, V1 orders and
 * `isHf: false` loans on the classic ones. Both start with the same balances.
 */
export class KucoinAccount {
  /** Main account: where lending purchases are paid from and redeemed to. */
  readonly main = new Wallet();
  /** The HF cross margin account (MARGIN_V2), the one the kit trades in by default. */
  readonly cross = new Wallet();
  /** The classic cross margin account (MARGIN). */
  readonly crossClassic = new Wallet();
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
      for (const wallet of [this.main, this.cross, this.crossClassic]) wallet.credit(fixture.currency, amount);
    }
  }

  /** An isolated pair's wallet (HF unless `hf` is false); new ones start with 10 000 of the quote currency to trade with. */
  isolated(symbol: string, hf = true): Wallet {
    const key = hf ? symbol : `${symbol} classic`;
    let wallet = this.isolatedWallets.get(key);
    if (!wallet) {
      wallet = new Wallet();
      const quote = symbol.split('-')[1];
      if (quote) wallet.credit(quote, new Decimal(quote === 'BTC' ? '0.2' : '10000'));
      this.isolatedWallets.set(key, wallet);
    }
    return wallet;
  }

  wallet(mode: MarginMode, symbol?: string, hf = true): Wallet {
    if (mode === 'isolated') {
      if (!symbol) throw KUCOIN.badRequest('symbol is required for isolated margin');
      return this.isolated(symbol, hf);
    }
    return hf ? this.cross : this.crossClassic;
  }

  /** Every margin wallet opened so far, with its pair ('' for cross) and kind. */
  marginWallets(): Array<{ symbol: string; hf: boolean; wallet: Wallet }> {
    const wallets = [
      { symbol: '', hf: true, wallet: this.cross },
      { symbol: '', hf: false, wallet: this.crossClassic },
    ];
    for (const [key, wallet] of this.isolatedWallets) {
      const [symbol, kind] = key.split(' ');
      wallets.push({ symbol: symbol!, hf: kind !== 'classic', wallet });
    }
    return wallets;
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
