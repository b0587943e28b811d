import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { MarginConnection } from '../../client/connection.js';
import type { MarkPriceText } from '../../client/kucoin/market-text.js';
import type { MarginTradeType, OrderSide, OrderType } from '../../client/kucoin/orders.js';
import { Decimal } from '../../core/decimal.js';
import { renderEmpty, renderError, renderSkeleton, renderStaleBadge } from '../shared/blocks/status.js';
import { errorKind } from '../shared/describe-error.js';
import { MarginErrorEvent } from '../shared/events.js';
import { MarginKitElement } from '../shared/margin-element.js';
import { PollController } from '../shared/poll-controller.js';
import { crossSymbols, isolatedSymbols, marginConfig, markPrices, read } from '../shared/resources.js';
import { elementStyles } from '../shared/styles/index.js';
import { AccountSummary } from './account-summary.js';
import { LeverageForm } from './leverage-form.js';
import styles from './margin-order-ticket.styles.js';
import type { MarginMode, OrderApi } from './order-draft.js';
import { describeOrderError } from './order-errors.js';
import { OrderForm } from './order-form.js';
import { renderOrderForm } from './order-form-view.js';
import { renderOutcome, renderReview } from './order-outcome.js';
import { OrderTracker } from './order-tracker.js';
import type { LookupTiming } from './placement.js';
import { OrdersPanel, type CancelTarget } from './orders-panel.js';
import { ticketStrings as t } from './strings.js';
import { findTicketSymbol, ticketSymbols, type TicketSymbol } from './symbols.js';
import { TicketFormat, type TicketContext } from './ticket-context.js';

/**
 * Places, previews, tracks and cancels KuCoin margin orders (cross or isolated), exactly and
 * never twice: every rule is checked before anything is sent, each submit carries one
 * clientOid, and an unknown outcome is settled by asking the venue before another submit.
 *
 * Composed of its parts, each with its own state: the order form (order-form.ts, its markup in
 * order-form-view.ts, the outcome in order-outcome.ts), the order tracker (order-tracker.ts),
 * the orders panel (orders-panel.ts) and the leverage form (leverage-form.ts).
 *
 * @summary A margin order ticket: form, checks, preview, placement, tracking and the orders below it.
 *
 * @fires margin-before-submit - Cancelable, before any order, cancel or leverage change is sent; detail: the exact parameters.
 * @fires margin-order-placed - An order was placed: orderId, clientOid, borrowSize, loanApplyId, confirmedBy.
 * @fires margin-order-filled - A tracked order is done and something of it filled.
 * @fires margin-order-cancelled - An order (or all of a symbol's) was cancelled.
 * @fires margin-error - Something failed; detail has the error, its kind and the words shown.
 *
 * @csspart base - The ticket's outer box.
 * @csspart header - Title, symbol and mark price.
 * @csspart title - The ticket's title and margin mode.
 * @csspart symbol-picker - The symbol select (when no `symbol` attribute is set).
 * @csspart mark-price - The mark price.
 * @csspart stale-badge - Shown when the last values could not be refreshed.
 * @csspart form - The order form.
 * @csspart field - A label with its control, hint and error.
 * @csspart label - A field's label.
 * @csspart input - A field's input or select.
 * @csspart hint - The words under a field that say its rules.
 * @csspart error - The words under a field that breaks a rule, and the ticket's errors.
 * @csspart retry - Retry after a failed load.
 * @csspart advanced - The folded advanced options.
 * @csspart estimate - The notional and auto-borrow estimate line.
 * @csspart preview - The Preview button.
 * @csspart submit - The Buy/Sell button (and the leverage form's Set button).
 * @csspart review - The review step.
 * @csspart confirm - Confirm in the review step and in "cancel all".
 * @csspart status - What the ticket is doing or has done.
 * @csspart partial-fill - In the status: a placed order filled only in part, the venue cancelled the rest.
 * @csspart cancel - A Cancel button (an order, the tracked order, all of a symbol's).
 * @csspart leverage - The leverage form.
 * @csspart account - The account the order trades in: available, liability and debt ratio.
 * @csspart available - What the currency the order spends has available.
 * @csspart liability - What is owed in that currency (principal + interest).
 * @csspart meter - The debt ratio meter, against the warning and liquidation ratios.
 * @csspart debt-ratio - The debt ratio in words, with its thresholds.
 * @csspart sizing - Max and the 25/50/75/100% buttons, and what the account can spend.
 * @csspart max - The Max button.
 * @csspart percent - A 25/50/75/100% button.
 * @csspart limit - The typed amount is above what the account can spend (with the limit).
 * @csspart price-warning - The price is beyond the venue's price protection (with the numbers).
 * @csspart filters - Time range, side and type of the closed orders and fills.
 * @csspart details-button - A row's Details button.
 * @csspart order-details - One order's every field (TIF, post-only, hidden, iceberg, STP, fee, dealFunds...) and its fills.
 * @csspart close - Closes the order details.
 * @csspart all-open - Open orders in every symbol (toggle and table).
 * @csspart all-symbols - The toggle that shows open orders in every symbol.
 * @csspart orders - Open orders, order history and fills.
 * @csspart tabs - The orders' tab list.
 * @csspart tab - One tab.
 * @csspart panel - The selected tab's panel.
 * @csspart table - An orders or fills table.
 * @csspart row - A table row.
 * @csspart cell - A table cell.
 * @csspart empty - Nothing to list.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --margin-kit-buy - Buy color.
 * @cssprop --margin-kit-sell - Sell color.
 * @cssprop --margin-kit-accent - Selected tab and review outline.
 */
export class MarginOrderTicket extends MarginKitElement {
  static override styles = [...elementStyles, styles];

  /** The symbol to trade (`BTC-USDT`); when empty, a symbol picker. */
  @property() symbol = '';

  /** `cross` or `isolated`. */
  @property({ attribute: 'margin-mode' }) marginMode: MarginMode = 'cross';

  /** Initial side: `buy` or `sell`. */
  @property() side: OrderSide = 'buy';

  /** Initial order type: `limit` or `market`. */
  @property({ attribute: 'order-type' }) orderType: OrderType = 'limit';

  /** `hf`: the v3 HF endpoints (default); `v1`: `POST /api/v1/margin/order` with `marginModel`. */
  @property() api: OrderApi = 'hf';

  /** Show a review step with every parameter before placing. */
  @property({ type: Boolean }) confirm = false;

  /** Milliseconds between reads of the mark price, open orders and a tracked order's status (each never below its resource's floor). */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = 5_000;

  /** How an unknown outcome is settled: waits between lookups and how long "not found" needs to be believed. */
  @property({ attribute: false }) lookupTiming: Partial<LookupTiming> = {};

  @state() private pickedSymbol = '';

  private readonly markPoll = new PollController<MarkPriceText[]>(this);

  private readonly symbolsTask = new Task(this, {
    task: async ([client, mode], { signal }) => {
      if (!client) return undefined;
      const cross = await read(client, crossSymbols, signal);
      const isolated = mode === 'isolated' ? await read(client, isolatedSymbols, signal) : undefined;
      return ticketSymbols(mode, cross, isolated);
    },
    onError: (error) => this.emitError(error, 'load', t.loadSymbolsFailed(describeOrderError(error))),
    args: () => [this.client, this.mode] as [MarginConnection | undefined, MarginMode],
  });

  private readonly configTask = new Task(this, {
    task: async ([client, mode], { signal }) => (client && mode === 'cross' ? read(client, marginConfig, signal) : undefined),
    args: () => [this.client, this.mode] as [MarginConnection | undefined, MarginMode],
  });

  /** What the parts read from the ticket. */
  private readonly context: TicketContext = (() => {
    const ticket = this;
    return {
      host: this,
      get client() { return ticket.client; },
      get mode() { return ticket.mode; },
      get endpoints() { return ticket.endpoints; },
      get tradeType() { return ticket.tradeType; },
      get symbol() { return ticket.activeSymbol; },
      get current() { return ticket.current; },
      get symbols() { return ticket.symbolsTask.value; },
      get markPrice() { return ticket.markPrice; },
      get maxLeverage() { return ticket.maxLeverage; },
      get pollInterval() { return ticket.pollInterval; },
      get locale() { return ticket.effectiveLocale; },
      emitError: (error: unknown, action: string, message: string) => this.emitError(error, action, message),
    };
  })();

  private readonly format = new TicketFormat(this.context);
  private readonly tracker = new OrderTracker(this.context, () => {
    this.orders.refresh();
    this.account.refresh();
  });
  private readonly orders = new OrdersPanel(this.context, this.tracker);
  private readonly form = new OrderForm(this.context, {
    tracker: this.tracker,
    onOrdersChanged: () => {
      this.orders.refresh();
      this.account.refresh();
    },
    borrowCost: (borrow: Decimal, currency: string): Promise<string | undefined> => this.account.describeBorrowCost(borrow, currency),
    lookupTiming: () => this.lookupTiming,
    reviewFirst: () => this.confirm,
  });
  private readonly leverage = new LeverageForm(this.context);
  private readonly account: AccountSummary = new AccountSummary(this.context, this.form);
  private initialized = false;

  /** The margin mode, `cross` for anything but `isolated`. */
  private get mode(): MarginMode {
    return this.marginMode === 'isolated' ? 'isolated' : 'cross';
  }

  /** The placement endpoints, `hf` for anything but `v1`. */
  private get endpoints(): OrderApi {
    return this.api === 'v1' ? 'v1' : 'hf';
  }

  private get tradeType(): MarginTradeType {
    return this.mode === 'isolated' ? 'MARGIN_ISOLATED_TRADE' : 'MARGIN_TRADE';
  }

  /** The `symbol` attribute, trimmed: removing the attribute sets null, which means "no symbol" like `symbol=""`. */
  private get fixedSymbol(): string {
    return (this.symbol ?? '').trim();
  }

  /** The symbol traded now: the attribute, the picker's choice, or the first tradable one. */
  private get activeSymbol(): string {
    const fixed = this.fixedSymbol.toUpperCase();
    if (fixed) return fixed;
    const list = this.symbolsTask.value ?? [];
    if (this.pickedSymbol && list.some((s) => s.symbol === this.pickedSymbol)) return this.pickedSymbol;
    return (list.find((s) => !s.disabledReason) ?? list[0])?.symbol ?? '';
  }

  private get current(): TicketSymbol | undefined {
    const list = this.symbolsTask.value;
    const symbol = this.activeSymbol;
    return list && symbol ? findTicketSymbol(list, symbol) : undefined;
  }

  private get markPrice(): Decimal | undefined {
    const symbol = this.activeSymbol;
    // The shared poll holds exact text (the ticker shows it as is); the ticket computes with it.
    const text = this.markPoll.state.value?.find((m) => m.symbol === symbol)?.value;
    return text === undefined ? undefined : new Decimal(text);
  }

  private get maxLeverage(): number | undefined {
    return this.mode === 'isolated' ? this.current?.maxLeverage : this.configTask.value?.maxLeverage;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!this.initialized || changed.has('side') || changed.has('orderType')) this.form.setInitial(this.side, this.orderType);
    const symbol = this.activeSymbol;
    if (symbol !== this.form.draft.symbol) {
      this.form.setSymbol(symbol);
      this.orders.reset();
    }
    if (changed.has('marginMode') || changed.has('api')) this.form.dropReview();
    if (changed.has('marginMode') && this.initialized && changed.get('marginMode') !== undefined) this.orders.reset();
    this.initialized = true;
    this.markPoll.watch(this.client, markPrices, this.pollInterval);
    this.orders.watch();
    this.account.watch();
  }

  private emitError(error: unknown, action: string, message: string): void {
    this.dispatchEvent(new MarginErrorEvent({ error, kind: errorKind(error), message, action }));
  }

  /** "Place": check, then (with `confirm`) review, then the cancelable before-submit, then send. */
  place(): void {
    this.form.place();
  }

  /** "Preview": the venue's test endpoint checks the order; nothing is placed. */
  preview(): Promise<void> {
    return this.form.preview();
  }

  /** Cancels one order by `orderId` or by `clientOid`; resolves when the venue answered. */
  cancelOrder(target: CancelTarget, symbol = this.activeSymbol): Promise<void> {
    return this.orders.cancelOrder(target, symbol);
  }

  /** Cancels every open order of the symbol (in this margin mode). */
  cancelAll(symbol = this.activeSymbol): Promise<void> {
    return this.orders.cancelAll(symbol);
  }

  // ---- rendering --------------------------------------------------------------------------

  override render(): TemplateResult {
    return html`
      <section class="box" part="base" aria-labelledby="title" aria-busy=${this.form.busy ? 'true' : 'false'}>
        ${this.renderHeader()} ${this.renderBody()}
      </section>
    `;
  }

  private renderHeader(): TemplateResult {
    const mark = this.markPrice;
    const poll = this.markPoll.state;
    return html`
      <header part="header">
        <h2 id="title" part="title">${t.title} <span class="mode">· ${t.mode[this.mode]}</span></h2>
        ${this.fixedSymbol ? html`<span class="symbol">${this.activeSymbol}</span>` : this.renderPicker()}
        <span class="mark" part="mark-price">
          ${t.markPrice}:
          ${mark ? this.format.amount(mark, this.current?.rules?.priceIncrement) : poll.error ? t.markUnknown : poll.loading ? t.shared.loading : t.markUnknown}
          ${renderStaleBadge(poll.stale)}
        </span>
      </header>
    `;
  }

  private renderPicker(): TemplateResult | typeof nothing {
    const list = this.symbolsTask.value;
    if (!list || list.length === 0) return nothing;
    const withOpen = new Set(this.orders.openSymbols.state.value ?? []);
    const active = this.activeSymbol;
    return html`
      <div>
        <label for="symbol">${t.symbol}</label>
        <select id="symbol" part="symbol-picker" .value=${live(active)} @change=${(e: Event) => (this.pickedSymbol = (e.target as HTMLSelectElement).value)}>
          ${list.map((s) => {
            const notes = [withOpen.has(s.symbol) ? t.symbolOpenOrders : '', s.disabledReason ? t.symbolOff : ''].filter(Boolean);
            return html`<option value=${s.symbol} ?selected=${s.symbol === active}>
              ${withOpen.has(s.symbol) ? '● ' : ''}${s.name}${notes.length ? ` (${notes.join(', ')})` : ''}
            </option>`;
          })}
        </select>
      </div>
    `;
  }

  private renderBody(): TemplateResult {
    if (!this.client) return html`<p class="disabled-reason" role="status">${t.shared.noProxy}</p>`;
    const task = this.symbolsTask;
    if (task.status === TaskStatus.ERROR && !task.value) return renderError(t.loadSymbolsFailed(describeOrderError(task.error)), () => void task.run());
    const list = task.value;
    if (!list) return renderSkeleton(4, t.shared.loading);
    if (list.length === 0) return html`<div role="status">${renderEmpty(t.noSymbols(t.mode[this.mode]))}</div>`;
    const current = this.current!;
    const off = Boolean(current.disabledReason);
    return html`
      ${current.disabledReason
        ? html`<p class="disabled-reason" id="disabled-reason" role="status">${t.disabled[current.disabledReason](current.symbol, t.mode[this.mode])}</p>`
        : nothing}
      ${this.account.renderSummary()}
      ${renderOrderForm(this.form, current, { afterPrice: this.account.renderPriceWarning(), afterAmount: this.account.renderSizing() })}
      ${renderReview(this.form)}
      ${renderOutcome({ form: this.form, tracker: this.tracker, cancelling: this.orders.cancelling, cancel: (target, symbol) => void this.orders.cancelOrder(target, symbol) })}
      ${this.leverage.render(off)} ${this.orders.render(current)}
    `;
  }
}
