/**
 * What the ticker knows about each symbol, with no DOM: the latest mark price, the price when
 * the element first saw it, the direction of the last move, and how many moves there were.
 */
import { compareDecimalTexts } from '../../core/decimal-text.js';

export type TickerMode = 'tape' | 'list' | 'single';
export const TICKER_MODES: readonly TickerMode[] = ['tape', 'list', 'single'];

export const DEFAULT_POLL_INTERVAL_MS = 3000;
/** Below one second a page of tickers would only add load on the venue's rate limit. */
export const MIN_POLL_INTERVAL_MS = 1000;

/** A mark price as the client reads it for display (`getMarkPriceTexts`): exact decimal text, no Decimal. */
export interface MarkPriceSample {
  symbol: string;
  /** Canonical plain decimal text (core/decimal-text.ts). */
  value: string;
  timePoint: number;
}

export type Direction = 'up' | 'down' | 'flat';

export interface TickerRow {
  readonly symbol: string;
  /** Exact decimal text, as the client validated it. */
  readonly value: string;
  /** The first value this element saw: "change since the element started" is measured from it. */
  readonly baseline: string;
  /** The direction of the last move; `flat` until the value first moves. */
  readonly direction: Direction;
  /** Moves seen so far; its parity picks the flash animation, so each move restarts it. */
  readonly moves: number;
}

/** `mode` as typed in an attribute; anything unknown is the default, `tape`. */
export function parseMode(value: string | null | undefined): TickerMode {
  const mode = (value ?? '').trim().toLowerCase();
  return (TICKER_MODES as readonly string[]).includes(mode) ? (mode as TickerMode) : 'tape';
}

/** `poll-interval` in ms: the default when missing or not a number, never below the minimum. */
export function clampPollInterval(value: number | null | undefined): number {
  if (value === null || value === undefined || !Number.isFinite(value) || value <= 0) return DEFAULT_POLL_INTERVAL_MS;
  return Math.max(MIN_POLL_INTERVAL_MS, Math.round(value));
}

/** `symbols="btc-usdt, ETH-USDT"` -> `['BTC-USDT', 'ETH-USDT']`: trimmed, upper case, no repeats. */
export function parseSymbols(text: string | null | undefined): string[] {
  const seen = new Set<string>();
  for (const part of (text ?? '').split(',')) {
    const symbol = part.trim().toUpperCase();
    if (symbol) seen.add(symbol);
  }
  return [...seen];
}

/** A row as the model keeps it: moved in place, so a tick of 500 moves makes no garbage rows. */
type Row = { -readonly [K in keyof TickerRow]: TickerRow[K] };

/**
 * Every symbol's row, one object per symbol for the element's life. A move updates it in place
 * and counts it (`moves`): a renderer tells which rows changed by that count.
 */
export class TickerModel {
  private readonly rows = new Map<string, Row>();
  /** The venue's order of the last list, for "every symbol". */
  private order: string[] = [];
  /**
   * The last selection, kept until a symbol is added or the order changes: a tick that only moves
   * prices selects the same rows array, so a renderer keyed on it knows no row came or went.
   */
  private last: { wanted: readonly string[]; rows: readonly TickerRow[]; missing: string[] } | undefined;

  /**
   * Takes in a fresh answer; returns the symbols whose value moved. `complete` says the answer
   * lists every symbol (the all-symbols endpoint), so its order becomes the display order.
   */
  ingest(samples: readonly MarkPriceSample[], complete: boolean): string[] {
    const moved: string[] = [];
    let touched = false;
    for (const sample of samples) {
      const row = this.rows.get(sample.symbol);
      if (!row) {
        this.rows.set(sample.symbol, {
          symbol: sample.symbol,
          value: sample.value,
          baseline: sample.value,
          direction: 'flat',
          moves: 0,
        });
        touched = true;
        continue;
      }
      const order = compareDecimalTexts(sample.value, row.value);
      if (order === 0) continue;
      row.value = sample.value;
      row.direction = order > 0 ? 'up' : 'down';
      row.moves += 1;
      moved.push(sample.symbol);
    }
    if (complete && !this.sameOrder(samples)) {
      this.order = samples.map((s) => s.symbol);
      touched = true;
    }
    // A new symbol or a new order: the rows are selected again (a move keeps them).
    if (touched) this.last = undefined;
    return moved;
  }

  private sameOrder(samples: readonly MarkPriceSample[]): boolean {
    if (samples.length !== this.order.length) return false;
    for (let i = 0; i < samples.length; i += 1) if (samples[i]!.symbol !== this.order[i]) return false;
    return true;
  }

  get(symbol: string): TickerRow | undefined {
    return this.rows.get(symbol);
  }

  /** The rows to show: the `wanted` symbols in their order, or every symbol when none are named. */
  select(wanted: readonly string[]): { rows: readonly TickerRow[]; missing: string[] } {
    const last = this.last;
    if (last && (last.wanted === wanted || (last.wanted.length === 0 && wanted.length === 0))) return last;
    const rows: TickerRow[] = [];
    const missing: string[] = [];
    for (const symbol of wanted.length === 0 ? this.order : wanted) {
      const row = this.rows.get(symbol);
      if (row) rows.push(row);
      else missing.push(symbol);
    }
    this.last = { wanted, rows, missing };
    return this.last;
  }
}

/**
 * When the next polite announcement may be made: a screen reader hears a price at most once per
 * `gapMs`. Returns the ms to wait (0: now).
 */
export function announcementDelay(lastAnnouncedAt: number | undefined, now: number, gapMs: number): number {
  if (lastAnnouncedAt === undefined) return 0;
  return Math.max(0, lastAnnouncedAt + gapMs - now);
}
