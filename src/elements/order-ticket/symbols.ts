/**
 * The symbols a ticket can trade in one margin mode, each with its trading rules. Isolated pairs
 * ("Get Symbols - Isolated Margin") carry no increments: those come from the cross list entry
 * of the same symbol. No DOM.
 */
import type { CrossMarginSymbol, CrossMarginSymbols, IsolatedMarginSymbol } from '../../client/kucoin/market.js';
import type { MarginMode, SymbolRules } from './order-draft.js';

export type DisabledReason =
  /** The venue has trading off for the symbol (`enableTrading` / `tradeEnable` false). */
  | 'trading-off'
  /** An isolated pair without a cross-list entry: no increments to check against. */
  | 'no-rules'
  /** Not listed in this margin mode (for example no isolated pair). */
  | 'not-listed';

export interface TicketSymbol {
  symbol: string;
  name: string;
  baseCurrency: string;
  quoteCurrency: string;
  /** Undefined when the venue gives none (`no-rules`). */
  rules?: SymbolRules;
  disabledReason?: DisabledReason;
  /** Isolated pairs: the pair's own maximum leverage. */
  maxLeverage?: number;
}

function rulesOf(item: CrossMarginSymbol, tradable: boolean): SymbolRules {
  return {
    symbol: item.symbol,
    baseCurrency: item.baseCurrency,
    quoteCurrency: item.quoteCurrency,
    priceIncrement: item.priceIncrement,
    baseIncrement: item.baseIncrement,
    baseMinSize: item.baseMinSize,
    baseMaxSize: item.baseMaxSize,
    quoteIncrement: item.quoteIncrement,
    quoteMinSize: item.quoteMinSize,
    quoteMaxSize: item.quoteMaxSize,
    minFunds: item.minFunds,
    tradable,
    priceLimitRate: item.priceLimitRate,
  };
}

export function crossTicketSymbols(cross: CrossMarginSymbols): TicketSymbol[] {
  return cross.items.map((item) => ({
    symbol: item.symbol,
    name: item.name || item.symbol,
    baseCurrency: item.baseCurrency,
    quoteCurrency: item.quoteCurrency,
    rules: rulesOf(item, item.enableTrading),
    disabledReason: item.enableTrading ? undefined : 'trading-off',
  }));
}

export function isolatedTicketSymbols(isolated: readonly IsolatedMarginSymbol[], cross: CrossMarginSymbols): TicketSymbol[] {
  const bySymbol = new Map(cross.items.map((item) => [item.symbol, item]));
  return isolated.map((pair) => {
    const item = bySymbol.get(pair.symbol);
    const tradable = pair.tradeEnable && (item?.enableTrading ?? false);
    return {
      symbol: pair.symbol,
      name: pair.symbolName || pair.symbol,
      baseCurrency: pair.baseCurrency,
      quoteCurrency: pair.quoteCurrency,
      rules: item ? rulesOf(item, tradable) : undefined,
      disabledReason: !item ? 'no-rules' : tradable ? undefined : 'trading-off',
      maxLeverage: pair.maxLeverage,
    };
  });
}

export function ticketSymbols(
  mode: MarginMode,
  cross: CrossMarginSymbols,
  isolated: readonly IsolatedMarginSymbol[] | undefined,
): TicketSymbol[] {
  return mode === 'isolated' ? isolatedTicketSymbols(isolated ?? [], cross) : crossTicketSymbols(cross);
}

/** The entry for a fixed `symbol` attribute, or a placeholder that says it is not listed. */
export function findTicketSymbol(list: readonly TicketSymbol[], symbol: string): TicketSymbol {
  const found = list.find((s) => s.symbol === symbol);
  if (found) return found;
  const [base = symbol, quote = ''] = symbol.split('-');
  return { symbol, name: symbol, baseCurrency: base, quoteCurrency: quote, disabledReason: 'not-listed' };
}
