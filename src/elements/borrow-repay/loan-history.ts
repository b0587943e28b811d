/**
 * The history part of `<margin-borrow-repay>`: borrow, repay and (KuCoin) interest tabs, a time
 * range, the page of records and its pager. Its own state (tab, page, range) and its own load;
 * the panel only says which target it shows and when an action changed the history.
 */
import { initialState, Task } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { HistoryPage, LoanRecord } from '../../client/venue.js';
import type { Decimal } from '../../core/decimal.js';
import { formatDateTime, formatRate } from '../../core/format.js';
import { renderDataTable, type Column } from '../shared/blocks/data-table.js';
import { renderField } from '../shared/blocks/field.js';
import { renderEmpty, renderError, renderSkeleton } from '../shared/blocks/status.js';
import { renderTabList, renderTabPanel, TabsController } from '../shared/blocks/tabs.js';
import { describeError } from '../shared/describe-error.js';
import { DAILY_RATE_DECIMALS } from './interest-preview.js';
import { checkTimeRange, clampPageSize, historyTabs, type HistoryTab } from './history-query.js';
import type { LoanTarget } from './loan-target.js';
import { borrowRepayStrings as t } from './strings.js';

/** What the history needs of its panel. */
export interface HistoryContext {
  /** Rows per page as the `page-size` attribute asks. */
  pageSize(): number;
  locale(): string | undefined;
  amount(value: Decimal | string): string;
  reportError(error: unknown, action: string): void;
}


/** Not a controller itself: its tab list and its load are, on the panel. */
export class LoanHistory {
  private target: LoanTarget | undefined;
  private page = 1;
  private rangeFrom = '';
  private rangeTo = '';
  /** Bumped after a loan went through: the same query, loaded again. */
  private nonce = 0;

  readonly tabs = new TabsController<HistoryTab>(this.host, {
    tabs: () => historyTabs(this.target?.venue.hasInterestHistory ?? true),
    initial: 'borrow',
    onSelect: () => (this.page = 1),
  });

  private readonly task = new Task(this.host, {
    task: async ([target, tab, page, pageSize, from, to], { signal }): Promise<HistoryPage | typeof initialState> => {
      const range = checkTimeRange(from, to);
      if (!target || !range.ok) return initialState;
      const query = { currency: target.currency, symbol: target.symbol, page, pageSize: clampPageSize(target.exchange, pageSize), ...range.range };
      return target.venue.history(tab, query, { signal });
    },
    args: () => [this.target, this.tabs.selected, this.page, this.context.pageSize(), this.rangeFrom, this.rangeTo, this.nonce] as const,
    onError: (error) => this.context.reportError(error, 'load-history'),
  });

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly context: HistoryContext,
  ) {}

  /** The target whose history to show; a new target starts at page 1. */
  show(target: LoanTarget | undefined): void {
    if (target === this.target) return;
    this.target = target;
    this.page = 1;
  }

  /** A loan went through: the history changed. */
  reload(): void {
    this.nonce += 1;
    this.host.requestUpdate();
  }

  private goTo(page: number): void {
    this.page = page;
    this.host.requestUpdate();
  }

  private onRangeChange(which: 'from' | 'to', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (which === 'from') this.rangeFrom = value;
    else this.rangeTo = value;
    this.page = 1;
    this.host.requestUpdate();
  }

  render(target: LoanTarget): TemplateResult {
    const range = checkTimeRange(this.rangeFrom, this.rangeTo);
    const rangeError = range.ok ? undefined : range.rule === 'order' ? t.history.rangeOrder : t.history.rangeNotADate;
    const invalid = range.ok ? undefined : range.field;
    const rangeField = (which: 'from' | 'to') =>
      renderField({
        id: `range-${which}`,
        label: which === 'from' ? t.history.from : t.history.to,
        error: invalid === which ? rangeError : undefined,
        control: (w) => html`<input
          id=${w.id}
          part="input"
          type="datetime-local"
          .value=${which === 'from' ? this.rangeFrom : this.rangeTo}
          aria-invalid=${w.invalid}
          aria-describedby=${w.describedBy}
          @change=${(e: Event) => this.onRangeChange(which, e)}
        />`,
      });
    return html`<section part="history" aria-labelledby="history-heading">
      <h3 id="history-heading">${t.history.heading}</h3>
      ${renderTabList(this.tabs, { labelledBy: 'history-heading', text: (tab) => t.history.tabs[tab] })}
      ${renderTabPanel(
        this.tabs,
        (tab) => html`<div class="range">${rangeField('from')} ${rangeField('to')}</div>
          ${rangeError ? nothing : this.renderContent(target, tab)}`,
      )}
    </section>`;
  }

  private renderContent(target: LoanTarget, tab: HistoryTab): unknown {
    return this.task.render({
      initial: () => renderSkeleton(3),
      pending: () => renderSkeleton(3),
      error: (error) => renderError(describeError(error), () => void this.task.run()),
      complete: (page) => this.renderPage(target, tab, page),
    });
  }

  private renderPager(target: LoanTarget, page: HistoryPage): TemplateResult {
    const h = t.history;
    if (page.totalPages === undefined) return html`<p class="note">${h.newest(clampPageSize(target.exchange, this.context.pageSize()))}</p>`;
    return html`<div class="pager">
      <button type="button" id="page-previous" ?disabled=${page.page <= 1} @click=${() => this.goTo(page.page - 1)}>${h.previous}</button>
      <span>${h.page(page.page, page.totalPages || undefined)}</span>
      <button type="button" id="page-next" ?disabled=${page.page >= page.totalPages} @click=${() => this.goTo(page.page + 1)}>${h.next}</button>
    </div>`;
  }

  private renderPage(target: LoanTarget, tab: HistoryTab, page: HistoryPage): TemplateResult {
    const pager = this.renderPager(target, page);
    if (page.items.length === 0) return html`${renderEmpty(t.history.empty(tab))} ${page.page > 1 ? pager : nothing}`;
    return html`${renderDataTable({ label: t.history.caption(tab, target.currency), columns: this.columns(tab), rows: page.items })} ${pager}`;
  }

  /** The columns of a tab, as the venue's records carry them. */
  private columns(tab: HistoryTab): Array<Column<LoanRecord>> {
    const h = t.history;
    const locale = this.context.locale();
    const amount = (value: Decimal | undefined) => (value ? this.context.amount(value) : t.limits.none);
    const time: Column<LoanRecord> = { header: h.time, cell: (r) => formatDateTime(r.time, { locale }) };
    const status: Column<LoanRecord> = { header: h.status, cell: (r) => (r.status ? (h.statuses[r.status] ?? r.status) : t.limits.none) };
    const id: Column<LoanRecord> = { header: h.id, secondary: true, cell: (r) => r.id };
    const money = (header: string, value: (r: LoanRecord) => Decimal | undefined): Column<LoanRecord> => ({ header, numeric: true, cell: (r) => amount(value(r)) });
    if (tab === 'interest') {
      const rate = (r: LoanRecord) => (r.dailyRate ? formatRate(r.dailyRate, 'daily', { locale, decimals: DAILY_RATE_DECIMALS }) : t.limits.none);
      return [time, money(h.interest, (r) => r.amount), { header: h.dailyRate, numeric: true, cell: rate }];
    }
    if (tab === 'repay') return [time, money(h.amount, (r) => r.amount), money(h.principal, (r) => r.principal), money(h.interest, (r) => r.interest), status, id];
    return [time, money(h.amount, (r) => r.amount), money(h.requested, (r) => r.requested ?? r.amount), status, id];
  }
}
