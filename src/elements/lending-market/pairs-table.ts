/**
 * BitMart's isolated margin borrowing market (`exchange="bitmart"`): every pair's rates and borrow
 * limits, sortable and filtered by the element's `filter`. Choosing a row asks the element to
 * select the pair (it fires the cancelable `margin-symbol-select`). Its own state: the poll of
 * `bitmartPairs` and the sort.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { IsolatedPair } from '../../client/bitmart/margin-loan.js';
import { renderEmpty, renderError, renderSkeleton } from '../shared/blocks/status.js';
import { renderTableScroll } from '../shared/blocks/data-table.js';
import { describeError } from '../shared/describe-error.js';
import { PollController } from '../shared/poll-controller.js';
import { bitmartPairs } from '../shared/resources.js';
import { renderSortHeader, renderToolbar, type LendingContext } from './lending-context.js';
import { PAIR_COLUMNS, type PairKey } from './pair-columns.js';
import { lendingStrings as words } from './strings.js';
import { filterRows, nextSort, sortRows, type SortState } from './table-sort.js';

export interface PairsTableOptions {
  /** Polls only while shown (the element's `exchange` is `bitmart`). */
  active: () => boolean;
  /** The pair chosen now (`aria-current`). */
  selected: () => string;
  /** A row was chosen. */
  onSelect: (symbol: string) => void;
  onLoadError: (error: unknown) => void;
}

export class PairsTable implements ReactiveController {
  readonly pairs: PollController<IsolatedPair[]>;
  sort: SortState<PairKey> = { key: 'symbol', direction: 'ascending' };
  private seenError: unknown;

  constructor(
    private readonly ctx: LendingContext,
    private readonly options: PairsTableOptions,
  ) {
    this.pairs = new PollController<IsolatedPair[]>(ctx.host, (state) => {
      if (state.error !== undefined && this.seenError === undefined) options.onLoadError(state.error);
      this.seenError = state.error;
    });
    ctx.host.addController(this);
  }

  hostUpdate(): void {
    this.pairs.watch(this.options.active() ? this.ctx.client : undefined, bitmartPairs, this.ctx.pollInterval);
  }

  refresh(): void {
    this.pairs.refresh();
  }

  /** The rows shown: filtered by symbol or either currency, then sorted. */
  rows(pairs: readonly IsolatedPair[]): IsolatedPair[] {
    const column = PAIR_COLUMNS.find((c) => c.key === this.sort.key)!;
    return sortRows(
      filterRows(pairs, this.ctx.filter, (p) => [p.symbol, p.base.currency, p.quote.currency]),
      column.value,
      this.sort.direction,
    );
  }

  render(): TemplateResult {
    const state = this.pairs.state;
    if (state.value === undefined) return state.error !== undefined ? renderError(describeError(state.error), () => this.refresh()) : renderSkeleton(4, words.loading);
    const rows = this.rows(state.value);
    const onSort = (key: PairKey) => {
      this.sort = nextSort(this.sort, key);
      this.ctx.host.requestUpdate();
    };
    const locale = this.ctx.locale;
    const selected = this.options.selected();
    return html`${renderToolbar(this.ctx, state, words.filterBitmart, () => this.refresh())}
      ${rows.length === 0
        ? renderEmpty(state.value.length === 0 ? words.noMarket : words.noMatchBitmart(this.ctx.filter.trim()))
        : renderTableScroll(
            words.bitmartCaption,
            html`<table part="table">
              <caption>${words.bitmartCaption}</caption>
              <thead>
                <tr>
                  ${PAIR_COLUMNS.map((c) => renderSortHeader(c.key, words.columns[c.key], this.sort, onSort))}
                </tr>
              </thead>
              <tbody @click=${this.onClick}>
                ${repeat(
                  rows,
                  (p) => p.symbol,
                  (p) => html`<tr part="row" data-symbol=${p.symbol} aria-current=${p.symbol === selected ? 'true' : nothing}>
                    <th part="cell" scope="row">
                      <button part="action-button" class="button" type="button">${p.symbol}</button>
                      ${p.symbol_enabled ? nothing : html`<span part="disabled-reason" class="badge">${words.borrowingOff}</span>`}
                    </th>
                    ${PAIR_COLUMNS.slice(1).map((c) => html`<td part="cell">${c.text(p, locale)}</td>`)}
                  </tr>`,
                )}
              </tbody>
            </table>`,
          )}`;
  }

  /** A click anywhere in a row (or Enter on its button) chooses the pair. */
  private readonly onClick = (event: Event): void => {
    const row = event.target instanceof Element ? event.target.closest<HTMLElement>('tr[data-symbol]') : null;
    const symbol = row?.dataset.symbol;
    if (symbol) this.options.onSelect(symbol);
  };
}
