import { type Decimal, parseVenueDecimal } from '../core/decimal.js';
import { MalformedResponseError } from './errors.js';

/** How one field is read: a FieldReader method by name, or a function of the reader and the key. */
export type FieldKind = 'str' | 'optStr' | 'dec' | 'optDec' | 'int' | 'optInt' | 'bool' | 'optBool';
export type FieldSpec = Readonly<Record<string, FieldKind | ((r: FieldReader, key: string) => unknown)>>;
interface KindValue {
  str: string;
  optStr: string | undefined;
  dec: Decimal;
  optDec: Decimal | undefined;
  int: number;
  optInt: number | undefined;
  bool: boolean;
  optBool: boolean | undefined;
}
/** The object a spec reads: each key typed by its kind. */
export type Fields<S extends FieldSpec> = {
  -readonly [K in keyof S]: S[K] extends FieldKind ? KindValue[S[K]] : S[K] extends (r: FieldReader, key: string) => infer T ? T : never;
};

/** A field restricted to the doc's enumerated values, for a FieldSpec. */
export const oneOf =
  <T extends string>(values: readonly T[]) =>
  (r: FieldReader, key: string): T =>
    r.oneOf(key, values);

/** A list of records in a field, for a FieldSpec. */
export const listOf =
  <T>(read: (item: FieldReader) => T) =>
  (r: FieldReader, key: string): T[] =>
    r.list(key, read);

/** A nested record in a field, for a FieldSpec. */
export const objOf =
  <T>(read: (item: FieldReader) => T) =>
  (r: FieldReader, key: string): T =>
    read(r.obj(key));

/**
 * Reads a venue answer field by field, turning amounts into Decimal at the boundary. A required
 * field missing or mistyped is a MalformedResponseError naming where, never an `undefined`
 * that surfaces later as NaN.
 */
export class FieldReader {
  /** `where` of a list item (`getMarkPriceList[12]`) is written only for an error: a list of 500 reads no names. */
  private readonly index: number | undefined;

  constructor(
    private readonly value: Record<string, unknown>,
    private readonly where: string,
    index?: number,
  ) {
    this.index = index;
  }

  static of(value: unknown, where: string): FieldReader {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new MalformedResponseError(`${where}: expected an object`, 200);
    }
    return new FieldReader(value as Record<string, unknown>, where);
  }

  private get path(): string {
    return this.index === undefined ? this.where : `${this.where}[${this.index}]`;
  }

  private fail(key: string, expected: string): never {
    throw new MalformedResponseError(`${this.path}.${key}: expected ${expected}`, 200);
  }

  has(key: string): boolean {
    return this.value[key] !== undefined && this.value[key] !== null;
  }

  str(key: string): string {
    const v = this.value[key];
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    return this.fail(key, 'a string');
  }

  optStr(key: string): string | undefined {
    return this.has(key) ? this.str(key) : undefined;
  }

  /** An amount, price, size or rate: string or number in, Decimal out. */
  dec(key: string): Decimal {
    const parsed = parseVenueDecimal(this.value[key]);
    return parsed.ok ? parsed.value : this.fail(key, 'a decimal');
  }

  /** Venues send `""` or `null` for an amount that does not apply. */
  optDec(key: string): Decimal | undefined {
    const v = this.value[key];
    if (v === undefined || v === null || v === '') return undefined;
    return this.dec(key);
  }

  /** Integers that are counts, pages or millisecond timestamps (never money). */
  int(key: string): number {
    const v = this.value[key];
    const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
    if (typeof n === 'number' && Number.isSafeInteger(n)) return n;
    return this.fail(key, 'an integer');
  }

  optInt(key: string): number | undefined {
    return this.has(key) ? this.int(key) : undefined;
  }

  bool(key: string): boolean {
    const v = this.value[key];
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    return this.fail(key, 'a boolean');
  }

  optBool(key: string): boolean | undefined {
    return this.has(key) ? this.bool(key) : undefined;
  }

  /** A string restricted to the doc's enumerated values. */
  oneOf<T extends string>(key: string, values: readonly T[]): T {
    const v = this.str(key);
    return (values as readonly string[]).includes(v) ? (v as T) : this.fail(key, `one of ${values.join(', ')}`);
  }

  strList(key: string): string[] {
    const v = this.value[key];
    if (Array.isArray(v) && v.every((item) => typeof item === 'string')) return [...v] as string[];
    return this.fail(key, 'a list of strings');
  }

  /** Every field of a record at once, as a spec names them: the one reader of the venues' records. */
  fields<S extends FieldSpec>(spec: S): Fields<S> {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(spec)) {
      const kind = spec[key]!;
      out[key] = typeof kind === 'function' ? kind(this, key) : this[kind](key);
    }
    return out as Fields<S>;
  }

  obj(key: string): FieldReader {
    return FieldReader.of(this.value[key], `${this.path}.${key}`);
  }

  list<T>(key: string, read: (item: FieldReader) => T): T[] {
    return FieldReader.listOf(this.value[key], `${this.path}.${key}`, read);
  }

  /** Some list fields are `null` when empty. */
  optList<T>(key: string, read: (item: FieldReader) => T): T[] {
    return this.has(key) ? this.list(key, read) : [];
  }

  static listOf<T>(value: unknown, where: string, read: (item: FieldReader) => T): T[] {
    if (!Array.isArray(value)) throw new MalformedResponseError(`${where}: expected a list`, 200);
    const items = new Array<T>(value.length);
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw new MalformedResponseError(`${where}[${i}]: expected an object`, 200);
      }
      items[i] = read(new FieldReader(item as Record<string, unknown>, where, i));
    }
    return items;
  }
}
