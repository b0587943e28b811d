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
  /**
   * The row's move count when the view was last brought up to date. A view is one object per
   * symbol, updated in place (no object per move): a renderer tells a moved view by this number.
   */
  readonly moves: number;
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
 * A symbol's view and what it was made from. The shown change is a monotonic function of the value
 * (a fixed baseline; every rounding on the way keeps order), so every value between two that
 * showed the same change shows it too: prices inside [low, high] reuse the change text with two
 * comparisons and no arithmetic.
 */
type Entry = { -readonly [K in keyof TickerView]: TickerView[K] } & {
  row: TickerRow;
  low: string;
  high: string;
  /** The baseline's digits, read once per row (it never changes for a symbol). */
  base: Scaled | undefined;
  /** The symbol's price formatter, looked up once per row, not once per move. */
  format: TextFormat;
};

export class TickerViews {
  private entries = new Map<string, Entry>();
  private locale: string | undefined;
  private symbols: ReadonlyMap<string, SymbolInfo> | undefined;
  /** Each symbol's price formatter (its increment read once), and the locale's change formatter. */
  private priceFormats = new Map<string, TextFormat>();
  private changeTextFormat: TextFormat = decimalTextFormatter(CHANGE_FORMAT);
  private changeTexts = new Map<string, string>();
  /** The last rows asked for and their views: the same rows give the same array, its views updated in place. */
  private lastRows: readonly TickerRow[] | undefined;
  private lastViews: TickerView[] = [];

  /**
   * Views of `rows`, each brought up to date with its row. The same `rows` array (the model keeps
   * it while no symbol is added and the order holds) gives back the same array: a renderer keyed
   * on it knows that only values moved.
   */
  views(rows: readonly TickerRow[], locale: string | undefined, symbols: ReadonlyMap<string, SymbolInfo> | undefined): readonly TickerView[] {
    this.use(locale, symbols);
    let views = rows === this.lastRows ? this.lastViews : new Array<TickerView>(rows.length);
    for (let i = 0; i < rows.length; i += 1) {
      const view = this.entry(rows[i]!);
      if (views[i] !== view) {
        // A new view in the reused array: a new array, so a renderer keyed on it renders the rows again.
        if (views === this.lastViews) views = views.slice();
        views[i] = view;
      }
    }
    this.lastRows = rows;
    this.lastViews = views;
    return views;
  }

  /** The view of one row, up to date. */
  view(row: TickerRow, locale: string | undefined, symbols: ReadonlyMap<string, SymbolInfo> | undefined): TickerView {
    this.use(locale, symbols);
    return this.entry(row);
  }

  /** A new locale or new increments: every view is made again. */
  private use(locale: string | undefined, symbols: ReadonlyMap<string, SymbolInfo> | undefined): void {
    if (locale === this.locale && symbols === this.symbols) return;
    this.entries = new Map();
    this.locale = locale;
    this.symbols = symbols;
    this.priceFormats = new Map();
    this.changeTextFormat = decimalTextFormatter({ locale, ...CHANGE_FORMAT });
    this.changeTexts = new Map();
    this.lastRows = undefined;
  }

  private entry(row: TickerRow): Entry {
    const entry = this.entries.get(row.symbol);
    // A row not seen before (a model keeps one row object per symbol) gets a view of its own.
    if (!entry || entry.row !== row) return this.first(row);
    if (entry.moves !== row.moves) this.next(entry, row);
    return entry;
  }

  private first(row: TickerRow): Entry {
    const info = this.symbols?.get(row.symbol);
    const entry: Entry = {
      symbol: row.symbol,
      priceText: '',
      changeText: '',
      changeSign: 'flat',
      direction: 'flat',
      flashClass: '',
      tradingOff: info?.enableTrading === false,
      moves: 0,
      row,
      low: row.value,
      high: row.value,
      base: scaled(row.baseline),
      format: this.priceFormat(row.symbol, info),
    };
    this.entries.set(row.symbol, entry);
    this.change(entry, row.value);
    this.show(entry, row);
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
    this.show(entry, row);
  }

  private priceFormat(symbol: string, info: SymbolInfo | undefined): TextFormat {
    let format = this.priceFormats.get(symbol);
    if (!format) {
      format = decimalTextFormatter({ locale: this.locale, increment: info?.priceIncrement });
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

  /** The row's value, direction and move, in place. */
  private show(entry: Entry, row: TickerRow): void {
    entry.priceText = entry.format(row.value);
    entry.direction = row.direction;
    entry.flashClass = row.moves > 0 && row.direction !== 'flat' ? FLASH_CLASSES[row.direction][row.moves % 2]! : '';
    entry.moves = row.moves;
  }
}
