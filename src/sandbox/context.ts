import { Decimal } from '../core/decimal.js';
import type { EndpointSpec } from '../core/endpoints.js';
import { parseVenueDecimal } from '../core/decimal.js';
import type { BitmartAccount, KucoinAccount } from './accounts.js';
import { BITMART, KUCOIN, VenueError } from './errors.js';
import type { SandboxState } from './state.js';

/** What an endpoint implementation gets: the parsed request, the caller's account, the state. */
export interface RequestContext {
  endpoint: EndpointSpec;
  /** Path parameters (`orderId`, `clientOid`, `symbol`). */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body of a POST (empty object otherwise). */
  body: Record<string, unknown>;
  /** The authenticated caller; undefined on public endpoints. */
  kucoin: KucoinAccount | undefined;
  bitmart: BitmartAccount | undefined;
  now: number;
  state: SandboxState;
}

/** An endpoint implementation: returns the envelope's `data`, or throws a VenueError. */
export type EndpointImpl = (ctx: RequestContext) => unknown;

/** The caller's KuCoin account (the handler guarantees it on signed endpoints). */
export function kucoinAccount(ctx: RequestContext): KucoinAccount {
  if (!ctx.kucoin) throw new VenueError('400003', 'KC-API-KEY not exists', 401);
  return ctx.kucoin;
}

export function bitmartAccount(ctx: RequestContext): BitmartAccount {
  if (!ctx.bitmart) throw new VenueError('30002', 'Header X-BM-KEY not found', 401);
  return ctx.bitmart;
}

/**
 * Reads request parameters the way a venue validates them, with its error codes. One reader per
 * request: `reader.done()` refuses parameters the endpoint does not know.
 */
export class ParamReader {
  private readonly seen = new Set<string>();

  constructor(
    private readonly source: Record<string, unknown>,
    private readonly fail: (message: string) => VenueError,
  ) {}

  static query(ctx: RequestContext, venue: 'kucoin' | 'bitmart' = 'kucoin'): ParamReader {
    return new ParamReader(Object.fromEntries(ctx.query), venue === 'kucoin' ? KUCOIN.badRequest : BITMART.badRequest);
  }

  static body(ctx: RequestContext, venue: 'kucoin' | 'bitmart' = 'kucoin'): ParamReader {
    return new ParamReader(ctx.body, venue === 'kucoin' ? KUCOIN.badRequest : BITMART.badRequest);
  }

  private raw(name: string): unknown {
    this.seen.add(name);
    const value = this.source[name];
    return value === '' ? undefined : value;
  }

  optString(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw this.fail(`${name} must be a string`);
    return value;
  }

  string(name: string): string {
    const value = this.optString(name);
    if (value === undefined) throw this.fail(`${name} is required`);
    return value;
  }

  optEnum<T extends string>(name: string, values: readonly T[]): T | undefined {
    const value = this.optString(name);
    if (value !== undefined && !(values as readonly string[]).includes(value)) {
      throw this.fail(`${name} must be one of ${values.join(', ')}`);
    }
    return value as T | undefined;
  }

  enum<T extends string>(name: string, values: readonly T[]): T {
    const value = this.optEnum(name, values);
    if (value === undefined) throw this.fail(`${name} is required`);
    return value;
  }

  /** An amount as a string (or number, which venues accept too); never negative. */
  optDecimal(name: string): Decimal | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return undefined;
    const parsed = parseVenueDecimal(value);
    if (!parsed.ok || parsed.value.isNegative()) throw this.fail(`${name} is invalid`);
    return new Decimal(parsed.value);
  }

  decimal(name: string): Decimal {
    const value = this.optDecimal(name);
    if (value === undefined) throw this.fail(`${name} is required`);
    return value;
  }

  optBoolean(name: string): boolean | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return undefined;
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    throw this.fail(`${name} must be true or false`);
  }

  optInteger(name: string, min = -Infinity, max = Infinity): number | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return undefined;
    const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < min || n > max) {
      throw this.fail(`${name} must be an integer${Number.isFinite(min) ? ` from ${min}` : ''}${Number.isFinite(max) ? ` to ${max}` : ''}`);
    }
    return n;
  }

  /** Refuses any parameter the endpoint did not read, as the venues do. */
  done(): void {
    for (const name of Object.keys(this.source)) {
      if (!this.seen.has(name)) throw this.fail(`${name} is not a parameter of this endpoint`);
    }
  }
}

/** A record as the venue writes it: the named fields, Decimal amounts as plain decimal strings. */
export function recordView<T extends object>(record: T, fields: ReadonlyArray<keyof T & string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of fields) {
    const value: unknown = record[key];
    out[key] = value instanceof Decimal ? value.toString() : value;
  }
  return out;
}

/** KuCoin's paged list. */
export function page<T>(items: readonly T[], currentPage = 1, pageSize = 50): {
  currentPage: number;
  pageSize: number;
  totalNum: number;
  totalPage: number;
  items: T[];
} {
  const start = (currentPage - 1) * pageSize;
  return {
    currentPage,
    pageSize,
    totalNum: items.length,
    totalPage: Math.max(1, Math.ceil(items.length / pageSize)),
    items: items.slice(start, start + pageSize),
  };
}
