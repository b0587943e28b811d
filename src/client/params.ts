/** Request-side helpers shared by the venue endpoint modules. */
import { Decimal, isDecimal, parseVenueDecimal, toPlainString } from '../core/decimal.js';
import { MalformedResponseError, ValidationError } from './errors.js';

/**
 * An amount, price, rate or leverage as the exact plain decimal a venue expects. A bad value is
 * a ValidationError and nothing is sent. Re-wrapping in our Decimal keeps the text plain (no
 * exponent) whatever decimal.js configuration the caller built it with.
 */
export function decimalString(field: string, value: Decimal | string): string {
  const parsed = isDecimal(value)
    ? value.isFinite()
      ? ({ ok: true, value } as const)
      : ({ ok: false, reason: 'non-finite' } as const)
    : parseVenueDecimal(value);
  if (!parsed.ok) throw new ValidationError([{ field, rule: parsed.reason }], `${field}: "${String(value)}" is not a decimal amount`);
  if (parsed.value.isNegative() && !parsed.value.isZero()) {
    throw new ValidationError([{ field, rule: 'negative' }], `${field}: "${String(value)}" is negative`);
  }
  return toPlainString(new Decimal(parsed.value));
}

export function optDecimalString(field: string, value: Decimal | string | undefined): string | undefined {
  return value === undefined ? undefined : decimalString(field, value);
}

/** Drops parameters left out, so the request (and its signature) carries only what was given. */
export function defined<V>(fields: Record<string, V | undefined>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) out[name] = value;
  return out;
}

/** An endpoint whose `data` is documented as a bare string of no stated meaning. */
export function readAcknowledgement(data: unknown, where: string): string | undefined {
  if (data === null || data === undefined) return undefined;
  if (typeof data === 'string') return data;
  throw new MalformedResponseError(`${where}: expected a string or null`, 200);
}
