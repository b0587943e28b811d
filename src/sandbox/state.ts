import { BitmartAccount, KucoinAccount } from './accounts.js';
import { DEMO_CREDENTIALS } from './fixtures.js';
import { KucoinLoans } from './loans.js';
import { MarkPrices } from './market.js';
import { hexId, seededRandom } from './random.js';

/** API keys the sandbox knows, with what each account starts with. */
export interface SandboxAccountOptions {
  kucoin?: { apiKey: string; apiSecret: string; apiPassphrase: string; apiKeyVersion?: '2' | '3' };
  bitmart?: { apiKey: string; apiSecret: string; memo: string };
  /** Starting balance per currency (main and cross margin); the fixtures' otherwise. */
  balances?: Record<string, string>;
}

/**
 * Everything the sandbox knows, advanced in sandbox time. Endpoint modules keep their own
 * records (orders, loans, lending) and register a tick to move with the clock.
 */
export class SandboxState {
  readonly random: () => number;
  readonly markPrices: MarkPrices;
  readonly kucoinAccounts = new Map<string, KucoinAccount>();
  readonly bitmartAccounts = new Map<string, BitmartAccount>();
  private readonly ticks: Array<(now: number) => void> = [];
  /** KuCoin loans, shared by the debit endpoints and the orders' autoBorrow/autoRepay. */
  readonly loans: KucoinLoans;
  private sequence = 0;

  constructor(
    seed: number,
    readonly now: () => number,
    accounts: readonly SandboxAccountOptions[],
  ) {
    this.random = seededRandom(seed);
    this.markPrices = new MarkPrices(this.random, now());
    const list = accounts.length > 0 ? accounts : [{ kucoin: DEMO_CREDENTIALS.kucoin, bitmart: DEMO_CREDENTIALS.bitmart }];
    for (const account of list) {
      if (account.kucoin) {
        const k = account.kucoin;
        this.kucoinAccounts.set(k.apiKey, new KucoinAccount(k.apiKey, k.apiSecret, k.apiPassphrase, k.apiKeyVersion ?? '3', account.balances));
      }
      if (account.bitmart) {
        const b = account.bitmart;
        this.bitmartAccounts.set(b.apiKey, new BitmartAccount(b.apiKey, b.apiSecret, b.memo));
      }
    }
    this.loans = new KucoinLoans(this);
  }

  /** Called on every tick, after the mark prices moved. */
  onTick(tick: (now: number) => void): void {
    this.ticks.push(tick);
  }

  /** Moves the market and every module to `now`. */
  advance(now = this.now()): void {
    this.markPrices.advance(now);
    for (const tick of this.ticks) tick(now);
  }

  /** A fresh id like KuCoin's (24 hex digits), unique and seeded. */
  nextId(): string {
    this.sequence += 1;
    return hexId(this.random, 16) + this.sequence.toString(16).padStart(8, '0');
  }

  /** A numeric id like BitMart's borrow and repay ids. */
  nextNumericId(): string {
    this.sequence += 1;
    return String(100000 + this.sequence);
  }

  /** BitMart's `trace`: a UUID-shaped id per answer. */
  trace(): string {
    const h = hexId(this.random, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}
