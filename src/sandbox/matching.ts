/**
 * The sandbox's matching: a synthetic order book around the mark price that marketable orders
 * take from, and the fee schedule. Pure functions of the mark and the symbol's increments, so a
 * test can compute the book an order will meet.
 */
import { Decimal } from '../core/decimal.js';
import { roundDownToStep, roundToTick } from '../core/rules.js';
import type { SymbolFixture } from './fixtures.js';

export type OrderSide = 'buy' | 'sell';

/** KuCoin's base tier for spot and margin: 0.1% taker, 0.08% maker, charged in `feeCurrency`. */
export const TAKER_FEE_RATE = new Decimal('0.001');
export const MAKER_FEE_RATE = new Decimal('0.0008');

/** Levels on each side of the mark, one tick apart. */
export const DEPTH_LEVELS = 5;
/** Level `i` holds about `i` times this, valued in USD: about 30 000 USD per side in all. */
const LEVEL_USD = new Decimal(2000);

/** One price level of the synthetic book. */
export interface DepthLevel {
  price: Decimal;
  size: Decimal;
}

/** One execution against the book. */
export interface Execution {
  price: Decimal;
  size: Decimal;
  /** price x size, in the quote currency. */
  funds: Decimal;
}

export interface TakeResult {
  executions: Execution[];
  /** Whether the whole requested size (or funds) found depth: what FOK asks for. */
  complete: boolean;
}

/**
 * The levels a taker on `side` meets: asks at mark + 1..5 ticks for a buy, bids at mark - 1..5
 * ticks for a sell. `quoteUsd` values the quote currency (1 for USDT and USDC) so every pair's
 * book holds about the same value.
 */
export function syntheticDepth(fixture: SymbolFixture, mark: Decimal, side: OrderSide, quoteUsd: Decimal): DepthLevel[] {
  const tick = new Decimal(fixture.priceIncrement);
  const step = new Decimal(fixture.baseIncrement);
  const centre = roundToTick(mark, tick);
  const levels: DepthLevel[] = [];
  for (let i = 1; i <= DEPTH_LEVELS; i += 1) {
    const price = side === 'buy' ? centre.plus(tick.mul(i)) : centre.minus(tick.mul(i));
    if (price.lte(0)) break;
    const size = Decimal.max(step, roundDownToStep(LEVEL_USD.mul(i).div(price.mul(quoteUsd)), step));
    levels.push({ price, size });
  }
  return levels;
}

/** Whether a limit order at `price` would take from the book the mark gives (it crosses the spread). */
export function isMarketable(fixture: SymbolFixture, mark: Decimal, side: OrderSide, price: Decimal): boolean {
  const centre = roundToTick(mark, new Decimal(fixture.priceIncrement));
  return side === 'buy' ? price.gt(centre) : price.lt(centre);
}

/**
 * Walks the book best level first, taking up to `size` (base) or `funds` (quote), never past
 * `limitPrice`. Funds buy whole multiples of `baseIncrement` only, as the venue fills them.
 */
export function takeFromDepth(
  levels: readonly DepthLevel[],
  side: OrderSide,
  want: { size: Decimal } | { funds: Decimal },
  baseIncrement: Decimal,
  limitPrice?: Decimal,
): TakeResult {
  const executions: Execution[] = [];
  let remainingSize = 'size' in want ? want.size : undefined;
  let remainingFunds = 'funds' in want ? want.funds : undefined;
  for (const level of levels) {
    if (limitPrice && (side === 'buy' ? level.price.gt(limitPrice) : level.price.lt(limitPrice))) break;
    let size: Decimal;
    let fundsRanOut = false;
    if (remainingSize) {
      size = Decimal.min(level.size, remainingSize);
    } else {
      const affordable = roundDownToStep(remainingFunds!.div(level.price), baseIncrement);
      fundsRanOut = affordable.lt(level.size);
      size = Decimal.min(level.size, affordable);
    }
    if (size.gt(0)) {
      const funds = level.price.mul(size);
      executions.push({ price: level.price, size, funds });
      if (remainingSize) remainingSize = remainingSize.minus(size);
      else remainingFunds = remainingFunds!.minus(funds);
    }
    if (remainingSize?.isZero() || fundsRanOut) return { executions, complete: true };
  }
  return { executions, complete: remainingFunds ? remainingFunds.isZero() : false };
}
