/**
 * A table of one polled venue resource (the loan market, BitMart's pairs): polled while the
 * element shows it, its first failure reported once (`margin-error`), and its sort.
 */
import { html, type ReactiveController, type TemplateResult } from 'lit';
import { renderTableScroll } from '../shared/blocks/data-table.js';
import { renderEmpty, renderError, renderSkeleton } from '../shared/blocks/status.js';
import { describeError } from '../shared/describe-error.js';
import { PollController } from '../shared/poll-controller.js';
import type { Resource } from '../shared/resources.js';
import { renderToolbar, type LendingContext } from './lending-context.js';
import { lendingStrings as words } from './strings.js';
import { nextSort, type SortState } from './table-sort.js';

/** The table's words: the filter's label, the caption, and what to say when nothing matches the filter. */
export interface TableLabels {
  filter: string;
  caption: string;
  noMatch: (text: string) => string;
}

/** The rows shown (after filter and sort), the header cells and the `<tbody>`. */
export interface TableView {
  rows: number;
  head: unknown;
  body: unknown;
}

export interface PolledTableOptions {
  /** Polls only while the table is what the element shows. */
  active: () => boolean;
  onLoadError: (error: unknown) => void;
}

export abstract class PolledTable<T extends readonly unknown[], K extends string> implements ReactiveController {
  readonly poll: PollController<T>;
  sort: SortState<K>;
  private seenError: unknown;

  constructor(
    protected readonly ctx: LendingContext,
    private readonly resource: Resource<T>,
    firstColumn: K,
    private readonly polled: PolledTableOptions,
  ) {
    this.sort = { key: firstColumn, direction: 'ascending' };
    this.poll = new PollController<T>(ctx.host, (state) => {
      if (state.error !== undefined && this.seenError === undefined) polled.onLoadError(state.error);
      this.seenError = state.error;
    });
    ctx.host.addController(this);
  }

  hostUpdate(): void {
    this.poll.watch(this.polled.active() ? this.ctx.client : undefined, this.resource, this.ctx.pollInterval);
  }

  refresh(): void {
    this.poll.refresh();
  }

  /** A header was clicked: that column sorts, or flips. */
  protected readonly onSort = (key: K): void => {
    this.sort = nextSort(this.sort, key);
    this.ctx.host.requestUpdate();
  };

  /** The skeleton, the error with Retry, or the toolbar over the table (or the words for none). */
  protected renderPolled(labels: TableLabels, retry: () => void, view: (value: T) => TableView): TemplateResult {
    const state = this.poll.state;
    if (state.value === undefined) return state.error !== undefined ? renderError(describeError(state.error), retry) : renderSkeleton(4, words.loading);
    const v = view(state.value);
    return html`${renderToolbar(this.ctx, state, labels.filter, retry)}
      ${v.rows === 0
        ? renderEmpty(state.value.length === 0 ? words.noMarket : labels.noMatch(this.ctx.filter.trim()))
        : renderTableScroll(
            labels.caption,
            html`<table part="table">
              <caption>${labels.caption}</caption>
              <thead>
                <tr>
                  ${v.head}
                </tr>
              </thead>
              ${v.body}
            </table>`,
          )}`;
  }
}
