/** A 7-day rate history drawn as an SVG polyline, with no DOM. */
import type { Decimal } from '../../core/decimal.js';

export interface SparklineSummary {
  first: Decimal;
  last: Decimal;
  low: Decimal;
  high: Decimal;
}

export function summarize(values: readonly Decimal[]): SparklineSummary | undefined {
  const [first] = values;
  if (!first) return undefined;
  let low = first;
  let high = first;
  for (const value of values) {
    if (value.lt(low)) low = value;
    if (value.gt(high)) high = value;
  }
  return { first, last: values[values.length - 1]!, low, high };
}

/**
 * The polyline's `points` in a `width` x `height` box (y grows downward, so a higher rate is
 * drawn higher). The position on screen is the one place a rate becomes a float: it is
 * geometry, never shown as a number or sent anywhere.
 */
export function sparklinePoints(values: readonly Decimal[], width: number, height: number, padding = 1): string {
  const summary = summarize(values);
  if (!summary) return '';
  const span = summary.high.minus(summary.low);
  const innerHeight = height - 2 * padding;
  const step = values.length > 1 ? (width - 2 * padding) / (values.length - 1) : 0;
  return values
    .map((value, i) => {
      const share = span.isZero() ? 0.5 : value.minus(summary.low).div(span).toNumber();
      const x = padding + i * step;
      const y = padding + innerHeight * (1 - share);
      return `${round(x)},${round(y)}`;
    })
    .join(' ');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
