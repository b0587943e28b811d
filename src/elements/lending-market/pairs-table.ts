/**
 * BitMart's isolated margin borrowing market (`exchange="bitmart"`): every pair's rates and borrow
 * limits, sortable and filtered by the element's `filter`. Choosing a row asks the element to
 * select the pair (it fires the cancelable `margin-symbol-select`). Its own state: the poll of
 * `bitmartPairs` and the sort.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { IsolatedPair } from '../../client/bitmart/margin-loan.js';
import { bitmartPairs } from '../shared/resources.js';
import { renderSortHeader, type LendingContext } from './lending-context.js';
import { PAIR_COLUMNS, type PairKey } from './pair-columns.js';
import { PolledTable, type PolledTableOptions } from './polled-table.js';
import { lendingStrings as words } from './strings.js';
import { filterRows, sortRows } from './table-sort.js';

export interface PairsTableOptions extends PolledTableOptions {
  /** The pair chosen now (`aria-current`). */
  selected: () => string;
  /** A row was chosen. */
  onSelect: (symbol: string) => void;
}

export class PairsTable extends PolledTable<IsolatedPair[], PairKey> {
  constructor(
    ctx: LendingContext,
    private readonly options: PairsTableOptions,
  ) {
    super(ctx, bitmartPairs, 'symbol', options);
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
    const labels = { filter: words.filterBitmart, caption: words.bitmartCaption, noMatch: words.noMatchBitmart };
    return this.renderPolled(labels, () => this.refresh(), (pairs) => {
      const rows = this.rows(pairs);
      const locale = this.ctx.locale;
      const selected = this.options.selected();
      return {
        rows: rows.length,
        head: PAIR_COLUMNS.map((c) => renderSortHeader(c.key, words.columns[c.key], this.sort, this.onSort)),
        body: html`<tbody @click=${this.onClick}>
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
        </tbody>`,
      };
    });
  }

  /** A click anywhere in a row (or Enter on its button) chooses the pair. */
  private readonly onClick = (event: Event): void => {
    const row = event.target instanceof Element ? event.target.closest<HTMLElement>('tr[data-symbol]') : null;
    const symbol = row?.dataset.symbol;
    if (symbol) this.options.onSelect(symbol);
  };
}
