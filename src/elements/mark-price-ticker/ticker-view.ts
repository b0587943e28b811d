/**
 * Rows as the ticker shows them: localized text at each symbol's `priceIncrement`. A row's text is
 * formatted once per value (and again only when the locale or increments change), so a tick that
 * moves five of 500 prices formats five, and one that moves all 500 does no more than it must:
 * the change is worked out in integers (ticker-change.ts) and its few hundred distinct texts are
 * formatted once each.
 */
import { compareDecimalTexts } from '../../core/decimal-text.js';
import { decimalTextFormatter } from '../../core/format-text.js';
import { changeUnits, roundedChangeText, scaled, type Scaled } from './ticker-change.js';
import type { Direction, TickerRow } from './ticker-model.js';

/** What the ticker needs of a cross margin symbol (`getSymbolIncrementTexts`): text, no Decimal. */
export interface SymbolInfo {
  priceIncrement?: string;
  enableTrading?: boolean;
}

export interface TickerView {
  readonly symbol: string;
  readonly priceText: string;
  /** Signed percentage since the element started (`+1.23%`), empty from a zero baseline. */
  readonly changeText: string;
  readonly changeSign: 'up' | 'down' | 'flat';
  readonly direction: Direction;
  /**
   * `flash-up flash-0`, then `flash-down flash-1`...: the parity class alternates between two
   * animation names, which restarts the CSS animation with no layout read (no reflow trick).
   */
  readonly flashClass: string;
  readonly tradingOff: boolean;
}

const CHANGE_FORMAT = { increment: '0.01', intl: { style: 'percent', signDisplay: 'exceptZero' } } as const;
/** Decimals of the change as a fraction: two of the percentage. */
const CHANGE_DIGITS = 4;

/** The percentage of a change given as a fraction's decimal text, at two decimals, signed: `+1.23%`, `-0.40%`, `0.00%`. */
export function formatChange(change: string, locale: string | undefined): string {
  return decimalTextFormatter({ locale, ...CHANGE_FORMAT })(change);
}

export function formatPrice(value: string, increment: string | undefined, locale: string | undefined): string {
  return decimalTextFormatter({ locale, increment })(value);
}

type TextFormat = (text: string) => string;

/** The flash classes by direction and parity of the move count: no string is built per row. */
const FLASH_CLASSES = {
  up: ['flash-up flash-0', 'flash-up flash-1'],
  down: ['flash-down flash-0', 'flash-down flash-1'],
} as const;

/** Change texts by rounded value: a tick of 500 moves shows far fewer distinct percentages. */
const CHANGE_CACHE_LIMIT = 4096;

/**
 * What a symbol's last view was made from: a view is rebuilt only when its row object changes.
 * The shown change is a monotonic function of the value (a fixed baseline; every rounding on the
 * way keeps order), so every value between two that showed the same change shows it too: prices
 * inside [low, high] reuse the change text with two comparisons and no arithmetic.
 */
interface Entry {
  row: TickerRow;
  /** The row's move count when its view was made: a row moves in place (ticker-model.ts). */
  moves: number;
  view: TickerView;
  low: string;
  high: string;
  /** The baseline's digits, read once per row (it never changes for a symbol). */
  base: Scaled | undefined;
  /** The symbol's price formatter and trading flag, looked up once per row, not once per move. */
  format: TextFormat;
  tradingOff: boolean;
  /** What the last `change()` gave: set in place, no tuple made per move. */
  changeText: string;
  changeSign: TickerView['changeSign'];
}

export class TickerViews {
  private entries = new Map<string, Entry>();
  private locale: string | undefined;
  private symbols: ReadonlyMap<string, SymbolInfo> | undefined;
  /** Each symbol's price formatter (its increment read once), and the locale's change formatter. */
  private priceFormats = new Map<string, TextFormat>();
  private changeTextFormat: TextFormat = decimalTextFormatter(CHANGE_FORMAT);
  private changeTexts = new Map<string, string>();

  /** Views of `rows`; texts are reused for rows whose object (so value) did not change. */
  views(rows: readonly TickerRow[], locale: string | undefined, symbols: ReadonlyMap<string, SymbolInfo> | undefined): TickerView[] {
    if (locale !== this.locale || symbols !== this.symbols) {
      this.entries = new Map();
      this.locale = locale;
      this.symbols = symbols;
      this.priceFormats = new Map();
      this.changeTextFormat = decimalTextFormatter({ locale, ...CHANGE_FORMAT });
      this.changeTexts = new Map();
    }
    const views = new Array<TickerView>(rows.length);
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i]!;
      let entry = this.entries.get(row.symbol);
      if (!entry || entry.row.baseline !== row.baseline) {
        entry = this.first(row);
        this.entries.set(row.symbol, entry);
      } else if (entry.moves !== row.moves || entry.row !== row) {
        this.next(entry, row);
      }
      views[i] = entry.view;
    }
    return views;
  }

  private first(row: TickerRow): Entry {
    const entry: Entry = {
      row,
      moves: row.moves,
      view: undefined as unknown as TickerView,
      low: row.value,
      high: row.value,
      base: scaled(row.baseline),
      format: this.priceFormat(row.symbol),
      tradingOff: this.symbols?.get(row.symbol)?.enableTrading === false,
      changeText: '',
      changeSign: 'flat',
    };
    this.change(entry, row.value);
    entry.view = this.build(entry, row);
    return entry;
  }

  private next(entry: Entry, row: TickerRow): void {
    const value = row.value;
    const belowLow = compareDecimalTexts(value, entry.low) < 0;
    if (belowLow || compareDecimalTexts(value, entry.high) > 0) {
      const { changeText, changeSign } = entry;
      this.change(entry, value);
      if (entry.changeText === changeText && entry.changeSign === changeSign) {
        if (belowLow) entry.low = value;
        else entry.high = value;
      } else {
        entry.low = value;
        entry.high = value;
      }
    }
    entry.row = row;
    entry.moves = row.moves;
    entry.view = this.build(entry, row);
  }

  private priceFormat(symbol: string): TextFormat {
    let format = this.priceFormats.get(symbol);
    if (!format) {
      format = decimalTextFormatter({ locale: this.locale, increment: this.symbols?.get(symbol)?.priceIncrement });
      this.priceFormats.set(symbol, format);
    }
    return format;
  }

  /** Sets the entry's change text and sign for `value` (ticker-change.ts); none from a zero baseline. */
  private change(entry: Entry, value: string): void {
    const units = changeUnits(value, entry.base);
    if (units === undefined) {
      entry.changeText = '';
      entry.changeSign = 'flat';
      return;
    }
    const key = roundedChangeText(units, CHANGE_DIGITS);
    let text = this.changeTexts.get(key);
    if (text === undefined) {
      if (this.changeTexts.size >= CHANGE_CACHE_LIMIT) this.changeTexts.clear();
      text = this.changeTextFormat(key);
      this.changeTexts.set(key, text);
    }
    entry.changeText = text;
    entry.changeSign = units === 0n ? 'flat' : units < 0n ? 'down' : 'up';
  }

  private build(entry: Entry, row: TickerRow): TickerView {
    return {
      symbol: row.symbol,
      priceText: entry.format(row.value),
      changeText: entry.changeText,
      changeSign: entry.changeSign,
      direction: row.direction,
      flashClass: row.moves > 0 && row.direction !== 'flat' ? FLASH_CLASSES[row.direction][row.moves % 2]! : '',
      tradingOff: entry.tradingOff,
    };
  }
}
