/**
 * What a borrow/repay panel works on, from its attributes: the venue, margin mode, pair and
 * currency, or why there is nothing to work on yet. Pure but for the venue client it reuses.
 */
import type { MarginConnection } from '../../client/connection.js';
import { borrowRepayVenue, type BorrowRepayVenue, type MarginMode } from '../../client/venue.js';
import type { Venue } from '../../core/endpoints.js';
import { loanLimits } from '../shared/resources.js';
import { sharedStrings } from '../shared/strings.js';
import { symbolCurrencies } from './loan-draft.js';
import { borrowRepayStrings as t } from './strings.js';

export interface LoanTarget {
  client: MarginConnection;
  venue: BorrowRepayVenue;
  exchange: Venue;
  marginMode: MarginMode;
  /** Isolated only. */
  symbol: string | undefined;
  currency: string;
  /** The limits and rates of this target: panels on one target share one poll. */
  limits: ReturnType<typeof loanLimits>;
}

export interface TargetAttributes {
  exchange: Venue;
  marginMode: MarginMode | '';
  symbol: string;
  currency: string;
}

/** `margin-mode` when set; else isolated for BitMart or when a symbol is set, else cross. */
export function effectiveMode(attributes: TargetAttributes): MarginMode {
  if (attributes.marginMode) return attributes.marginMode;
  return attributes.exchange === 'bitmart' || attributes.symbol ? 'isolated' : 'cross';
}

/** `currency` when set; for an isolated pair, its base. */
export function effectiveCurrency(attributes: TargetAttributes): string {
  if (attributes.currency) return attributes.currency;
  return effectiveMode(attributes) === 'isolated' ? (symbolCurrencies(attributes.symbol)[0] ?? '') : '';
}

/**
 * Resolves targets, keeping the previous one (and its venue client) while nothing that matters
 * changed, so the polls and loads keyed on it are not restarted by an unrelated update.
 */
export class TargetResolver {
  private venueCache: { key: string; client: MarginConnection; venue: BorrowRepayVenue } | undefined;
  private current: LoanTarget | undefined;

  resolve(attributes: TargetAttributes, client: MarginConnection | undefined): { target?: LoanTarget; problem?: string } {
    const exchange = attributes.exchange;
    if (exchange !== 'kucoin' && exchange !== 'bitmart') return this.none(t.disabled.unknownExchange(String(exchange)));
    const marginMode = effectiveMode(attributes);
    if (exchange === 'bitmart' && marginMode !== 'isolated') return this.none(t.disabled.bitmartCross);
    const symbol = marginMode === 'isolated' ? attributes.symbol : undefined;
    if (marginMode === 'isolated' && !symbol) return this.none(t.disabled.noSymbol);
    const currency = effectiveCurrency(attributes);
    if (!currency) return this.none(t.disabled.noCurrency);
    if (!client) return this.none(sharedStrings.noProxy);
    const venueKey = `${exchange}:${marginMode}`;
    if (!this.venueCache || this.venueCache.key !== venueKey || this.venueCache.client !== client) {
      this.venueCache = { key: venueKey, client, venue: borrowRepayVenue(client.transport, client.hub, exchange, marginMode) };
    }
    const venue = this.venueCache.venue;
    const limits = loanLimits({ venue, exchange, marginMode, symbol, currency });
    const previous = this.current;
    if (!previous || previous.client !== client || previous.limits.key !== limits.key) {
      this.current = { client, venue, exchange, marginMode, symbol, currency, limits };
    }
    return { target: this.current };
  }

  private none(problem: string): { problem: string } {
    this.current = undefined;
    return { problem };
  }
}
