/**
 * "Change since the element started" for 500 rows a tick, in integer arithmetic on the prices'
 * exact digits with BigInt: `(value - base) / base` at 12 significant digits (half-even), then 8
 * decimals (half-even), as decimal.js would give it (the tests check it against decimal.js), with
 * no Decimal in the ticker at all.
 */

/** Digits and scale of a decimal text: a row's baseline is read once, not once per move. */
export type Scaled = readonly [bigint, number];

const POW10: bigint[] = [1n];
function pow10(n: number): bigint {
  for (let i = POW10.length; i <= n; i += 1) POW10.push(POW10[i - 1]! * 10n);
  return POW10[n]!;
}

/** A plain decimal's digits and scale: `"-12.340"` -> [-12340n, 3]. Undefined for exponent notation. */
export function scaled(text: string): Scaled | undefined {
  // The client gives canonical plain text (core/decimal-text.ts); anything else shows no change.
  if (text.length > 120 || text.includes('e')) return undefined;
  const dot = text.indexOf('.');
  if (dot < 0) return [BigInt(text), 0];
  return [BigInt(text.slice(0, dot) + text.slice(dot + 1)), text.length - dot - 1];
}

const digitCount = (n: bigint): number => n.toString().length;

/** `n / unit` rounded half-even; `sticky` says the true value lies a little above `n`. */
function divideHalfEven(n: bigint, unit: bigint, sticky: boolean): bigint {
  const q = n / unit;
  const twice = (n - q * unit) * 2n;
  if (twice > unit || (twice === unit && (sticky || (q & 1n) === 1n))) return q + 1n;
  return q;
}

/**
 * `(value - base) / base` at 12 significant digits, then at 8 decimals (both half-even), in
 * units of 1e-8: `changeUnits("101", "100")` is `1000000n` (+1 %). Undefined from a zero base,
 * or for texts this path does not take (exponent notation): the caller then uses Decimal.
 */
export function changeUnits(valueText: string, baseText: string | Scaled | undefined): bigint | undefined {
  const value = scaled(valueText);
  const base = typeof baseText === 'string' ? scaled(baseText) : baseText;
  if (!value || !base) return undefined;
  let [v, b] = [value[0], base[0]];
  if (b === 0n) return undefined;
  if (value[1] < base[1]) v *= pow10(base[1] - value[1]);
  else if (base[1] < value[1]) b *= pow10(value[1] - base[1]);
  let n = v - b;
  if (n === 0n) return 0n;
  const negative = n < 0n !== b < 0n;
  if (n < 0n) n = -n;
  if (b < 0n) b = -b;
  // A quotient of 13 or 14 digits, then rounded to 12: the significant digits of the Decimal result.
  const shift = 13 - (digitCount(n) - digitCount(b));
  const numerator = shift > 0 ? n * pow10(shift) : n;
  const denominator = shift < 0 ? b * pow10(-shift) : b;
  const quotient = numerator / denominator;
  const extra = digitCount(quotient) - 12;
  const digits = divideHalfEven(quotient, pow10(extra), quotient * denominator !== numerator);
  // digits x 10^-places is the 12-digit quotient; now at 8 decimals (the quotient itself is exact).
  const places = shift - extra;
  const units = places <= 8 ? digits * pow10(8 - places) : divideHalfEven(digits, pow10(places - 8), false);
  return negative ? -units : units;
}

/**
 * A change in units of 1e-8 as the decimal text Intl formats, already rounded half away from zero
 * (Intl's own rounding) to `fractionDigits` decimals, so equal texts format alike and can share a cache.
 */
export function roundedChangeText(units: bigint, fractionDigits: number): string {
  const negative = units < 0n;
  const magnitude = negative ? -units : units;
  const unit = pow10(8 - fractionDigits);
  let kept = magnitude / unit;
  if ((magnitude - kept * unit) * 2n >= unit) kept += 1n;
  if (kept === 0n) return '0';
  const text = kept.toString().padStart(fractionDigits + 1, '0');
  const whole = text.slice(0, text.length - fractionDigits);
  return `${negative ? '-' : ''}${whole}.${text.slice(text.length - fractionDigits)}`;
}
