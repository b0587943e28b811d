/**
 * The ticker's change since start as decimal.js defines it (a 12-digit quotient, half-even, then
 * 8 decimals, half-even): the yardstick the ticker's integer arithmetic is tested against. The
 * ticker itself carries no Decimal; its tests may.
 */
import { Decimal } from '../../../src/core/decimal.js';
import { relativeChange } from '../../../src/core/format.js';
import type { TickerRow } from '../../../src/elements/mark-price-ticker/ticker-model.js';

export function changeSinceStart(row: Pick<TickerRow, 'value' | 'baseline'>): Decimal | undefined {
  return relativeChange(new Decimal(row.value), new Decimal(row.baseline))?.toDecimalPlaces(8, Decimal.ROUND_HALF_EVEN);
}
