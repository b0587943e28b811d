import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { renderEmpty } from '../shared/blocks/status.js';
import { renderTabList, renderTabPanel, TabsController } from '../shared/blocks/tabs.js';
import { MarginKitElement } from '../shared/margin-element.js';
import { loanMarket, pollIntervalFor } from '../shared/resources.js';
import { sharedStrings } from '../shared/strings.js';
import { elementStyles } from '../shared/styles/index.js';
import { MarginSymbolSelectEvent } from './events.js';
import { LendingFormat, type LendingContext } from './lending-context.js';
import { LendingForm, said } from './lending-form.js';
import { LendingLists } from './lending-lists.js';
import styles from './margin-lending-market.styles.js';
import { MarketTable } from './market-table.js';
import { PairsTable } from './pairs-table.js';
import { RateHistories } from './rate-histories.js';
import { lendingStrings as words } from './strings.js';

/** Lending rates move hourly: the market reloads once a minute unless asked otherwise. */
export const DEFAULT_LENDING_POLL_MS = 60_000;

/** The `poll-interval` used: the default when unset or invalid, never below the resource's floor. */
export function clampLendingInterval(value: number | null | undefined): number {
  return pollIntervalFor(loanMarket, value, DEFAULT_LENDING_POLL_MS);
}

type Exchange = 'kucoin' | 'bitmart';
type Tab = 'market' | 'orders' | 'redemptions';
const TABS: readonly Tab[] = ['market', 'orders', 'redemptions'];

/**
 * The KuCoin lending market (lend, change rate, redeem, with your orders), or BitMart's
 * isolated margin borrowing market.
 *
 * KuCoin (`exchange="kucoin"`, the default): every lending currency with its market rate, limits
 * and a 7-day rate sparkline (loaded for the rows on screen), sortable and filterable; "Lend"
 * checks size and rate against the currency's increments and bounds before anything is sent.
 * "My lending" lists purchase orders with "Change rate" and "Redeem"; "Redemptions" lists
 * redeem orders. BitMart (`exchange="bitmart"`): every isolated pair's rates and borrow limits;
 * choosing a row fires `margin-symbol-select`.
 *
 * Composed of its parts, each with its own state: the loan market table (market-table.ts) with
 * its rate histories (rate-histories.ts), the lending lists (lending-lists.ts), the action form
 * (lending-form.ts, sent once through the shared submitter) and BitMart's pairs table
 * (pairs-table.ts).
 *
 * @summary Lending market: lend, change rate, redeem (KuCoin); borrowing rates (BitMart).
 *
 * @fires margin-before-submit - Before each private action; cancelable. Detail `{ venue, action: 'purchase' | 'modify-purchase' | 'redeem', params }` with the exact strings to be sent.
 * @fires margin-purchased - A lend went through. Detail `{ currency, size, interestRate, orderNo }`.
 * @fires margin-purchase-modified - A rate change went through. Detail `{ currency, purchaseOrderNo, interestRate }`.
 * @fires margin-redeemed - A redeem went through. Detail `{ currency, purchaseOrderNo, size, orderNo }`.
 * @fires margin-symbol-select - BitMart: a pair was chosen; cancelable. Detail `{ symbol, exchange: 'bitmart' }`. Unless prevented, it becomes `selected`.
 * @fires margin-error - A load or an action failed. Detail `{ error, kind, message, action }`.
 *
 * @csspart tabs - The tab list (KuCoin).
 * @csspart tab - One tab.
 * @csspart panel - The selected tab's panel.
 * @csspart toolbar - The filter and status row above a table.
 * @csspart field - A label with its control, hint and error.
 * @csspart label - A field's label.
 * @csspart input - An input or select (the filter, the form's amount and rate, a list's status).
 * @csspart filter - The filter input.
 * @csspart hint - The words under a field that say its rules.
 * @csspart error - A field's rule message, what went wrong with the last action, or a load that failed.
 * @csspart retry - Loads again after an error.
 * @csspart table - A table.
 * @csspart sort-button - A column header's sort button.
 * @csspart row - A table row.
 * @csspart cell - A table cell.
 * @csspart sparkline - A 7-day rate sparkline.
 * @csspart action-button - Lend, Change rate, Redeem and Select buttons.
 * @csspart disabled-reason - Why an action is not offered (lending off, borrowing off).
 * @csspart redeeming - "My lending": what redeems in progress are calling back from an order.
 * @csspart form - The lend / change rate / redeem form.
 * @csspart title - The form's title.
 * @csspart submit - The form's send button (busy while a request is in flight or checked).
 * @csspart cancel - Closes the form.
 * @csspart status - What the last action did (a polite status).
 * @csspart stale-badge - The market data is old or the last load failed.
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - Nothing to list, nothing matches, or not connected.
 * @csspart pager - Previous / next page.
 *
 * @cssprop --margin-kit-fg - Text colour.
 * @cssprop --margin-kit-muted - Secondary text colour.
 * @cssprop --margin-kit-bg - Background of inputs and the form.
 * @cssprop --margin-kit-surface - Background of buttons, the selected row and the skeleton.
 * @cssprop --margin-kit-border - Borders.
 * @cssprop --margin-kit-accent - The selected tab, the primary button and sparklines.
 * @cssprop --margin-kit-warning - The stale badge.
 * @cssprop --margin-kit-error - Errors.
 * @cssprop --margin-kit-focus - Focus ring.
 * @cssprop --margin-kit-font - Text font.
 * @cssprop --margin-kit-font-size - Base font size.
 * @cssprop --margin-kit-radius - Corner radius.
 * @cssprop --margin-kit-space - Spacing unit.
 */
export class MarginLendingMarket extends MarginKitElement {
  static override styles = [...elementStyles, styles];

  /** `kucoin` (the lending market, the default) or `bitmart` (isolated margin borrowing rates). */
  @property({ reflect: true }) exchange: Exchange = 'kucoin';

  /** Milliseconds between reloads of the market (default 60000, never below 5000). */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = DEFAULT_LENDING_POLL_MS;

  /** Shows only currencies (KuCoin) or pairs (BitMart) containing this text; the filter input edits it. */
  @property() filter = '';

  /** BitMart: the pair last chosen (set when a `margin-symbol-select` is not prevented). */
  @property({ reflect: true }) selected = '';

  private readonly ctx: LendingContext = this.makeContext();
  private readonly format = new LendingFormat(this.ctx);
  private readonly tabs = new TabsController<Tab>(this, { tabs: () => TABS, initial: 'market' });
  private readonly histories = new RateHistories(this.ctx, this.format);
  private readonly market = new MarketTable(this.ctx, this.format, this.histories, {
    active: () => this.isKucoin,
    onLend: (currency, opener) => this.form.open({ kind: 'lend', currency }, opener),
    onLoadError: (error) => this.reportError(error, 'load'),
  });
  private readonly lists = new LendingLists(this.ctx, this.format, {
    shown: () => (!this.isKucoin || this.tabs.selected === 'market' ? undefined : this.tabs.selected),
    onModify: (order, opener) => this.form.open({ kind: 'modify', order }, opener),
    onRedeem: (order, opener) => this.form.open({ kind: 'redeem', order, holdingState: 'loading' }, opener),
  });
  private readonly form = new LendingForm(this.ctx, this.format, {
    onDone: (sent, orderNo) => {
      // What can be lent or redeemed changed: every element on the page reloads the market.
      if (sent.kind !== 'modify') this.market.reload();
      if (sent.kind === 'redeem') this.lists.redeemRequested(orderNo);
      this.lists.reload();
    },
  });
  private readonly pairs = new PairsTable(this.ctx, {
    active: () => !this.isKucoin,
    selected: () => this.selected,
    onSelect: (symbol) => this.selectPair(symbol),
    onLoadError: (error) => this.reportError(error, 'load'),
  });

  private get isKucoin(): boolean {
    return this.exchange !== 'bitmart';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('exchange') && changed.get('exchange') !== undefined) this.form.close(false);
  }

  override render(): TemplateResult {
    if (!this.client) return renderEmpty(sharedStrings.noProxy);
    if (!this.isKucoin) return this.pairs.render();
    return html`
      ${renderTabList(this.tabs, { text: (tab) => words.tabs[tab], label: words.tabsLabel })}
      ${renderTabPanel(this.tabs, (tab) => (tab === 'market' ? this.market.render() : tab === 'orders' ? this.lists.renderOrders() : this.lists.renderRedemptions()))}
      ${this.form.render()}
      <p part="status" class="notice" role="status">${said(this.form.notice)}</p>
    `;
  }

  /** A BitMart pair was chosen: it becomes `selected` unless the page prevents it. */
  private selectPair(symbol: string): void {
    const select = new MarginSymbolSelectEvent({ symbol, exchange: 'bitmart' });
    this.dispatchEvent(select);
    if (!select.defaultPrevented) this.selected = symbol;
  }

  /** What the parts read of the element (they never reach into it otherwise). */
  private makeContext(): LendingContext {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const el = this;
    return {
      host: el,
      get client() {
        return el.client;
      },
      get locale() {
        return el.effectiveLocale;
      },
      get pollInterval() {
        return clampLendingInterval(el.pollInterval);
      },
      get filter() {
        return el.filter;
      },
      set filter(text: string) {
        el.filter = text;
      },
      marketFor: (currency) => el.market.rowOf(currency),
      reportError: (error, action) => el.reportError(error, action),
    };
  }
}
