/**
 * What the lending market's parts (loan market table, rate histories, lending lists, action form,
 * BitMart pairs table) read from the element that holds them, and the bits of markup they share.
 * Each part is a ReactiveController on the element and renders into its shadow root, so
 * `::part()` and the ids the labels use keep working from the page.
 */
import { html, nothing, type LitElement, type TemplateResult } from 'lit';
import type { MarginConnection } from '../../client/connection.js';
import type { PollState } from '../../client/hub.js';
import type { LendingOrderStatus, LoanMarket } from '../../client/kucoin/lending.js';
import { Decimal } from '../../core/decimal.js';
import { formatDateTime, formatDecimal, formatRate } from '../../core/format.js';
import type { RuleViolation } from '../../core/rules.js';
import { renderField } from '../shared/blocks/field.js';
import { renderStaleBadge } from '../shared/blocks/status.js';
import { describeError } from '../shared/describe-error.js';
import { describeViolation, sharedStrings } from '../shared/strings.js';
import { lendingStrings as words } from './strings.js';
import type { SortState } from './table-sort.js';

export interface LendingContext {
  readonly host: LitElement;
  readonly client: MarginConnection | undefined;
  readonly locale: string | undefined;
  /** The element's `poll-interval`, as set (resources apply their floor). */
  readonly pollInterval: number;
  /** The element's `filter`; the filter input edits it. */
  filter: string;
  /** The loan market's row of a currency, once loaded. */
  marketFor(currency: string): LoanMarket | undefined;
  /** Fires `margin-error`; the words to show. */
  reportError(error: unknown, action: string): string;
}

/** Numbers, rates and times in the market's words and locale. */
export class LendingFormat {
  constructor(private readonly ctx: LendingContext) {}

  /** An amount at the currency's increment. */
  amount(value: Decimal | string | undefined, currency: string): string {
    if (value === undefined) return '—';
    const increment = this.ctx.marketFor(currency)?.increment;
    return formatDecimal(value, { locale: this.ctx.locale, ...(increment ? { increment } : {}) });
  }

  /** A rate shown as a figure, at two decimals ("6.40%"). */
  rate(value: Decimal | string | undefined): string {
    return value === undefined ? '—' : formatRate(value, 'annual', { locale: this.ctx.locale });
  }

  /** A rule's rate (a limit, a step): the digits it has, up to four ("a multiple of 0.01%"). */
  rateLimit(value: Decimal | string | undefined): string {
    return value === undefined ? '—' : formatRate(value, 'annual', { locale: this.ctx.locale, decimals: 4, trim: true });
  }

  time(ms: number): string {
    return formatDateTime(ms, { locale: this.ctx.locale });
  }

  /** A rule's limit in the field's own terms: rates as percentages, sizes in the currency's digits. */
  violation(violation: RuleViolation, currency: string): string {
    const asRate = violation.field === 'interestRate';
    return describeViolation(violation, (limit) => (asRate ? this.rateLimit(limit) : this.amount(new Decimal(limit), currency)));
  }
}

/** The filter, and the stale badge (with Retry while the last load failed). */
export function renderToolbar(ctx: LendingContext, state: PollState<unknown>, label: string, retry: () => void): TemplateResult {
  const failed = state.error !== undefined;
  return html`<div part="toolbar" class="toolbar">
    ${renderField({
      id: 'filter',
      label,
      control: (w) => html`<input
        part="input filter"
        id=${w.id}
        type="search"
        autocomplete="off"
        .value=${ctx.filter}
        @input=${(e: Event) => (ctx.filter = (e.target as HTMLInputElement).value)}
      />`,
    })}
    ${renderStaleBadge(state.stale || failed)}
    ${failed
      ? html`<span class="visually-hidden">${describeError(state.error)}</span>
          <button part="retry" class="button" type="button" @click=${retry}>${sharedStrings.retry}</button>`
      : nothing}
  </div>`;
}

/** A column header that sorts its table, with `aria-sort` on the sorted one. */
export function renderSortHeader<K extends string>(key: K, label: string, sort: SortState<K>, onSort: (key: K) => void): TemplateResult {
  const sorted = sort.key === key;
  return html`<th scope="col" aria-sort=${sorted ? sort.direction : nothing}>
    <button part="sort-button" class="sort" type="button" @click=${() => onSort(key)}>
      ${label}<span class="sort-mark" aria-hidden="true">${sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}</span>
    </button>
  </th>`;
}

/** Active or done: which orders a list shows. */
export function renderStatusPicker(id: string, value: LendingOrderStatus, onChange: (status: LendingOrderStatus) => void): TemplateResult {
  return html`<div part="toolbar" class="toolbar">
    ${renderField({
      id,
      label: words.statusLabel,
      control: (w) => html`<select part="input" id=${w.id} .value=${value} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value as LendingOrderStatus)}>
        <option value="PENDING" ?selected=${value === 'PENDING'}>${words.statuses.PENDING}</option>
        <option value="DONE" ?selected=${value === 'DONE'}>${words.statuses.DONE}</option>
      </select>`,
    })}
  </div>`;
}

/** Previous / next page. */
export function renderPager(page: number, total: number, go: (page: number) => void): TemplateResult | typeof nothing {
  if (total <= 1) return nothing;
  return html`<div part="pager" class="pager">
    <button class="button" type="button" ?disabled=${page <= 1} @click=${() => go(page - 1)}>${words.previous}</button>
    <span>${words.pageOf(page, total)}</span>
    <button class="button" type="button" ?disabled=${page >= total} @click=${() => go(page + 1)}>${words.next}</button>
  </div>`;
}
