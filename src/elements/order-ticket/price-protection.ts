/**
 * Price protection: KuCoin refuses a buy priced more than `priceLimitRate` above the mark price,
 * and a sell more than that below it ("Get Symbols - Cross Margin" `priceLimitRate`). The ticket
 * says so before sending, with the numbers. No DOM.
 */
import { Decimal } from '../../core/decimal.js';
import type { OrderSide } from '../../client/kucoin/orders.js';

export interface PriceBreach {
  side: OrderSide;
  price: Decimal;
  mark: Decimal;
  rate: Decimal;
  /** The furthest price allowed: mark x (1 + rate) for a buy, mark x (1 - rate) for a sell. */
  bound: Decimal;
  /** How far the price is from the mark, as a signed fraction of it. */
  deviation: Decimal;
}

/** The breach when `price` is beyond the bound on the side's wrong side, else undefined (no rate: none). */
export function priceBreach(side: OrderSide, price: Decimal | undefined, mark: Decimal | undefined, rate: Decimal | undefined): PriceBreach | undefined {
  if (!price || !mark || !rate || mark.lte(0) || rate.lte(0) || price.lte(0)) return undefined;
  const bound = side === 'buy' ? mark.mul(rate.plus(1)) : mark.mul(new Decimal(1).minus(rate));
  const beyond = side === 'buy' ? price.gt(bound) : price.lt(bound);
  return beyond ? { side, price, mark, rate, bound, deviation: price.minus(mark).div(mark) } : undefined;
}
