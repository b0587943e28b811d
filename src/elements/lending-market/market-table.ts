/**
 * The KuCoin loan market (`loanMarket`, polled for the whole page): every lending currency with
 * its market rate, 7-day sparkline, limits and a Lend button, sortable and filtered by the
 * element's `filter`. Its own state: the poll and the sort.
 */
import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { LoanMarket } from '../../client/kucoin/lending.js';
import { invalidate, loanMarket } from '../shared/resources.js';
import { renderSortHeader, type LendingContext, type LendingFormat } from './lending-context.js';
import { PolledTable, type PolledTableOptions } from './polled-table.js';
import type { RateHistories } from './rate-histories.js';
import { lendingStrings as words } from './strings.js';
import { filterRows, sortRows, type SortValue } from './table-sort.js';

type MarketKey =
  | 'currency'
  | 'marketInterestRate'
  | 'minInterestRate'
  | 'maxInterestRate'
  | 'minPurchaseSize'
  | 'maxPurchaseSize'
  | 'increment'
  | 'purchaseEnable'
  | 'redeemEnable';

const MARKET_COLUMNS: ReadonlyArray<{ key: MarketKey; value: (m: LoanMarket) => SortValue }> = [
  { key: 'currency', value: (m) => m.currency },
  { key: 'marketInterestRate', value: (m) => m.marketInterestRate },
  { key: 'minInterestRate', value: (m) => m.minInterestRate },
  { key: 'maxInterestRate', value: (m) => m.maxInterestRate },
  { key: 'minPurchaseSize', value: (m) => m.minPurchaseSize },
  { key: 'maxPurchaseSize', value: (m) => m.maxPurchaseSize },
  { key: 'increment', value: (m) => m.increment },
  { key: 'purchaseEnable', value: (m) => m.purchaseEnable },
  { key: 'redeemEnable', value: (m) => m.redeemEnable },
];

export interface MarketTableOptions extends PolledTableOptions {
  /** Lend was pressed for a currency; `opener` finds the button again when the form closes. */
  onLend: (currency: string, opener: string) => void;
}

export class MarketTable extends PolledTable<LoanMarket[], MarketKey> {
  constructor(
    ctx: LendingContext,
    private readonly format: LendingFormat,
    private readonly histories: RateHistories,
    private readonly options: MarketTableOptions,
  ) {
    super(ctx, loanMarket, 'currency', options);
  }

  rowOf(currency: string): LoanMarket | undefined {
    return this.poll.state.value?.find((m) => m.currency === currency);
  }

  /** What can be lent or redeemed changed: every element on the page loads the market again. */
  reload(): void {
    const client = this.ctx.client;
    if (client) invalidate(client, loanMarket);
    this.refresh();
  }

  retry(): void {
    this.histories.retryFailed();
    this.refresh();
  }

  render(): TemplateResult {
    const labels = { filter: words.filter, caption: words.marketCaption, noMatch: words.noMatch };
    return this.renderPolled(labels, () => this.retry(), (market) => {
      const column = MARKET_COLUMNS.find((c) => c.key === this.sort.key)!;
      const rows = sortRows(filterRows(market, this.ctx.filter, (m) => [m.currency]), column.value, this.sort.direction);
      const header = (key: MarketKey) => renderSortHeader(key, words.columns[key], this.sort, this.onSort);
      return {
        rows: rows.length,
        head: html`${header('currency')} ${header('marketInterestRate')}
          <th scope="col">${words.columns.history}</th>
          ${header('minInterestRate')} ${header('maxInterestRate')} ${header('minPurchaseSize')} ${header('maxPurchaseSize')}
          ${header('increment')} ${header('purchaseEnable')} ${header('redeemEnable')}
          <th scope="col">${words.columns.actions}</th>`,
        body: html`<tbody>
          ${repeat(rows, (m) => m.currency, (m) => this.row(m))}
        </tbody>`,
      };
    });
  }

  private row(m: LoanMarket): TemplateResult {
    const f = this.format;
    const onOff = (value: boolean | undefined) => (value === undefined ? '—' : value ? words.on : words.off);
    const opener = `[data-action="lend"][data-currency="${m.currency}"]`;
    return html`<tr part="row">
      <th part="cell" scope="row">${m.currency}</th>
      <td part="cell">${f.rate(m.marketInterestRate)}</td>
      <td part="cell" data-history=${m.currency}>${this.histories.render(m.currency)}</td>
      <td part="cell">${f.rate(m.minInterestRate)}</td>
      <td part="cell">${f.rate(m.maxInterestRate)}</td>
      <td part="cell">${f.amount(m.minPurchaseSize, m.currency)}</td>
      <td part="cell">${f.amount(m.maxPurchaseSize, m.currency)}</td>
      <td part="cell">${f.amount(m.increment, m.currency)}</td>
      <td part="cell" class=${m.purchaseEnable === false ? 'off' : ''}>${onOff(m.purchaseEnable)}</td>
      <td part="cell" class=${m.redeemEnable === false ? 'off' : ''}>${onOff(m.redeemEnable)}</td>
      <td part="cell">
        ${m.purchaseEnable === false
          ? html`<span part="disabled-reason" class="badge">${words.lendingOff}</span>`
          : html`<button part="action-button" class="button" type="button" data-action="lend" data-currency=${m.currency} @click=${() => this.options.onLend(m.currency, opener)}>
              ${words.lend}<span class="visually-hidden"> ${m.currency}</span>
            </button>`}
      </td>
    </tr>`;
  }
}
