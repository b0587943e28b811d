import { Decimal } from '../core/decimal.js';
import { roundToTick } from '../core/rules.js';
import { SYMBOLS, type SymbolFixture } from './fixtures.js';

/** One step of the walk per second of sandbox time. */
const STEP_MS = 1000;
/** A long idle gap is walked at most this many steps (then continues from there). */
const MAX_STEPS_PER_ADVANCE = 600;
/** Largest move per step, as a fraction of the price (about 0.05%). */
const STEP_FRACTION = 0.0005;

/**
 * Mark prices that move on a seeded random walk in sandbox time: the same seed and the same
 * clock readings give the same prices. Every price stays on its symbol's `priceIncrement`.
 */
export class MarkPrices {
  private readonly prices = new Map<string, Decimal>();
  private readonly fixtures = new Map<string, SymbolFixture>();
  private lastStepAt: number;

  constructor(
    private readonly random: () => number,
    now: number,
  ) {
    for (const fixture of SYMBOLS) {
      this.prices.set(fixture.symbol, new Decimal(fixture.price));
      this.fixtures.set(fixture.symbol, fixture);
    }
    this.lastStepAt = now;
  }

  /** Walks every price forward to `now`; returns whether anything moved. */
  advance(now: number): boolean {
    const steps = Math.min(MAX_STEPS_PER_ADVANCE, Math.floor((now - this.lastStepAt) / STEP_MS));
    if (steps <= 0) return false;
    for (let i = 0; i < steps; i += 1) {
      for (const [symbol, price] of this.prices) {
        const fixture = this.fixtures.get(symbol)!;
        // a move in [-STEP_FRACTION, +STEP_FRACTION], as an exact decimal of 6 places
        const move = new Decimal(Math.round((this.random() * 2 - 1) * STEP_FRACTION * 1e6)).div(1e6);
        const tick = new Decimal(fixture.priceIncrement);
        const next = roundToTick(price.mul(move.plus(1)), tick);
        this.prices.set(symbol, next.gt(0) ? next : tick);
      }
    }
    this.lastStepAt = now - ((now - this.lastStepAt) % STEP_MS);
    return true;
  }

  get(symbol: string): Decimal | undefined {
    return this.prices.get(symbol);
  }

  /** Tests and the fault suite move a price by hand (e.g. to cross a resting order). */
  set(symbol: string, price: Decimal | string): void {
    if (!this.prices.has(symbol)) throw new Error(`unknown symbol ${symbol}`);
    this.prices.set(symbol, new Decimal(price));
  }

  symbols(): string[] {
    return [...this.prices.keys()];
  }

  fixture(symbol: string): SymbolFixture | undefined {
    return this.fixtures.get(symbol);
  }
}
