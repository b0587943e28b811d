import type { Decimal } from '../core/decimal.js';

/**
 * A decimal the venue sends as a JSON number (the docs type a few fields `number`, e.g. mark
 * price `value`). Written into the JSON text digit for digit, never through a float.
 */
export class JsonNumber {
  constructor(readonly text: string) {}
}

export function jsonNumber(value: Decimal): JsonNumber {
  return new JsonNumber(value.toString());
}

const MARK = '\u0000n:';

/** JSON.stringify that writes JsonNumber values as bare numbers, exactly. */
export function stringify(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof JsonNumber ? `${MARK}${v.text}${MARK}` : v));
  return text.replace(/"\\u0000n:(-?[0-9.]+)\\u0000n:"/g, '$1');
}
