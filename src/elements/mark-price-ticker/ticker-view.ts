/**
 * Rows as the ticker shows them: localized text at each symbol's `priceIncrement`. A row's text is
 * formatted once per value (and again only when the locale or increments change), so a tick that
 * moves five of 500 prices formats five.
 */
import type { Decimal } from '../../core/decimal.js';
import { decimalFormatter } from '../../core/format.js';
import { changeSinceStart, type Direction, type TickerRow } from './ticker-model.js';

/** What the ticker needs of a cross margin symbol (`getCrossMarginSymbols`). */
export interface SymbolInfo {
  priceIncrement?: Decimal;
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

/** The percentage of a change, at two decimals, signed: `+1.23%`, `-0.40%`, `0.00%`. */
export function formatChange(change: Decimal, locale: string | undefined): string {
  return decimalFormatter({ locale, ...CHANGE_FORMAT })(change);
}

export function formatPrice(value: Decimal, increment: Decimal | undefined, locale: string | undefined): string {
  return decimalFormatter({ locale, increment })(value);
}

type Format = (value: Decimal) => string;

export class TickerViews {
  private cache = new WeakMap<TickerRow, TickerView>();
  private locale: string | undefined;
  private symbols: ReadonlyMap<string, SymbolInfo> | undefined;
  /** Each symbol's price formatter (its increment read once), and the locale's change formatter. */
  private priceFormats = new Map<string, Format>();
  private changeFormat: Format = decimalFormatter(CHANGE_FORMAT);

  /** Views of `rows`; texts are reused for rows whose object (so value) did not change. */
  views(rows: readonly TickerRow[], locale: string | undefined, symbols: ReadonlyMap<string, SymbolInfo> | undefined): TickerView[] {
    if (locale !== this.locale || symbols !== this.symbols) {
      this.cache = new WeakMap();
      this.locale = locale;
      this.symbols = symbols;
      this.priceFormats = new Map();
      this.changeFormat = decimalFormatter({ locale, ...CHANGE_FORMAT });
    }
    return rows.map((row) => {
      let view = this.cache.get(row);
      if (!view) {
        view = this.build(row);
        this.cache.set(row, view);
      }
      return view;
    });
  }

  private priceFormat(symbol: string): Format {
    let format = this.priceFormats.get(symbol);
    if (!format) {
      format = decimalFormatter({ locale: this.locale, increment: this.symbols?.get(symbol)?.priceIncrement });
      this.priceFormats.set(symbol, format);
    }
    return format;
  }

  private build(row: TickerRow): TickerView {
    const change = changeSinceStart(row);
    return {
      symbol: row.symbol,
      priceText: this.priceFormat(row.symbol)(row.value),
      changeText: change === undefined ? '' : this.changeFormat(change),
      changeSign: change === undefined || change.isZero() ? 'flat' : change.isNegative() ? 'down' : 'up',
      direction: row.direction,
      flashClass: row.moves > 0 && row.direction !== 'flat' ? `flash-${row.direction} flash-${row.moves % 2}` : '',
      tradingOff: this.symbols?.get(row.symbol)?.enableTrading === false,
    };
  }
}
