import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { MarginConnection } from '../../client/connection.js';
import { modifyLeverage } from '../../client/kucoin/debit.js';
import { getCrossMarginSymbols, getIsolatedMarginSymbols, getMarginConfig, getMarkPriceList } from '../../client/kucoin/market.js';
import {
  addOrder,
  addOrderTest,
  addOrderTestV1,
  addOrderV1,
  cancelAllOrdersBySymbol,
  cancelOrderByClientOid,
  cancelOrderByOrderId,
  getClosedOrders,
  getOpenOrders,
  getOrderByClientOid,
  getOrderByOrderId,
  getSymbolsWithOpenOrder,
  getTradeHistory,
} from '../../client/kucoin/orders.js';
import type { MarkPrice } from '../../client/kucoin/market.js';
import type {
  MarginFill,
  MarginOrder,
  MarginTradeType,
  OrderSide,
  OrderType,
  TimeInForce,
} from '../../client/kucoin/orders.js';
import { newClientOid } from '../../core/client-oid.js';
import { parseUserDecimal, toPlainString, type Decimal } from '../../core/decimal.js';
import { formatDecimal } from '../../core/format.js';
import { errorKind } from '../shared/describe-error.js';
import { MarginBeforeSubmitEvent, MarginErrorEvent } from '../shared/events.js';
import { MarginKitElement } from '../shared/margin-element.js';
import { PollController } from '../shared/poll-controller.js';
import { themeTokens } from '../shared/theme.js';
import {
  MarginOrderCancelledEvent,
  MarginOrderFilledEvent,
  MarginOrderPlacedEvent,
  type MarginOrderCancelledDetail,
} from './events.js';
import styles from './margin-order-ticket.styles.js';
import {
  checkDraft,
  checkLeverage,
  draftKey,
  emptyDraft,
  estimate,
  paramEntries,
  placementParams,
  snapPrice,
  STP_CHOICES,
  tickPrice,
  TIMES_IN_FORCE,
  type HfOrderParams,
  type MarginMode,
  type OrderApi,
  type OrderDraft,
  type OrderField,
  type OrderViolation,
  type PlacementParams,
  type StpChoice,
  type SymbolRules,
  type V1OrderParams,
} from './order-draft.js';
import { describeOrderError, describeUnknownCause } from './order-errors.js';
import { hasFilled, orderStatus, trackOrder, type OrderStatus } from './order-status.js';
import { describeOrderViolation, ticketStrings as t } from './strings.js';
import { Submission, type LookupTiming, type SubmissionState } from './submission.js';
import { findTicketSymbol, ticketSymbols, type TicketSymbol } from './symbols.js';

/** Shared hub keys: every element on the page uses these, so one request or poll serves all. */
const CROSS_SYMBOLS_KEY = 'kucoin:cross-symbols';
const ISOLATED_SYMBOLS_KEY = 'kucoin:isolated-symbols';
const MARGIN_CONFIG_KEY = 'kucoin:margin-config';
const MARK_PRICES_KEY = 'kucoin:mark-prices';
const REFERENCE_TTL_MS = 60_000;
const HISTORY_PAGE = 20;

type OrdersTab = 'open' | 'history' | 'fills';
const TABS: readonly OrdersTab[] = ['open', 'history', 'fills'];

interface Paged<T> {
  items: T[];
  lastId?: number;
  more: boolean;
  loading: boolean;
  error?: string;
}

interface Built {
  params: PlacementParams;
  key: string;
}

interface Tracked {
  orderId: string;
  clientOid: string;
  symbol: string;
  order?: MarginOrder;
  status?: OrderStatus;
}

type Message = { tone: 'info' | 'error'; text: string };

/** An order as the ticket describes it: from the params sent or from the venue's record. */
interface OrderShape {
  symbol?: string;
  side: OrderSide;
  type?: OrderType;
  price?: Decimal | string;
  size?: Decimal | string;
  funds?: Decimal | string;
}

function positive(value: Decimal | string | undefined): value is Decimal | string {
  if (value === undefined) return false;
  return typeof value === 'string' ? value !== '' && value !== '0' : value.gt(0);
}

/**
 * Places, previews, tracks and cancels KuCoin margin orders (cross or isolated), exactly and
 * never twice: every rule is checked before anything is sent, each submit carries one
 * clientOid, and an unknown outcome is settled by asking the venue before another submit.
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
 * @csspart symbol-picker - The symbol select (when no `symbol` attribute is set).
 * @csspart mark-price - The mark price.
 * @csspart form - The order form.
 * @csspart field-error - The words under a field that breaks a rule.
 * @csspart advanced - The folded advanced options.
 * @csspart estimate - The notional and auto-borrow estimate line.
 * @csspart preview-button - The Preview button.
 * @csspart place-button - The Buy/Sell button.
 * @csspart status - What the ticket is doing or has done.
 * @csspart alert - Errors.
 * @csspart review - The review step (with `confirm`).
 * @csspart leverage - The leverage form.
 * @csspart orders - Open orders, order history and fills.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --margin-kit-buy - Buy color.
 * @cssprop --margin-kit-sell - Sell color.
 * @cssprop --margin-kit-accent - Selected tab and review outline.
 */
export class MarginOrderTicket extends MarginKitElement {
  static override styles = [themeTokens, styles];

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

  /** Milliseconds between reads of the mark price, open orders and a tracked order's status. */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = 5_000;

  /** How an unknown outcome is settled: waits between lookups and how long "not found" needs to be believed. */
  @property({ attribute: false }) lookupTiming: Partial<LookupTiming> = {};

  @state() private draft: OrderDraft = emptyDraft();
  @state() private pickedSymbol = '';
  @state() private showErrors = false;
  @state() private review: Built | undefined;
  @state() private message: Message | undefined;
  @state() private previewing = false;
  @state() private tracked: Tracked | undefined;
  @state() private leverageText = '';
  @state() private leverageBusy = false;
  @state() private leverageMessage: Message | undefined;
  @state() private leverageError: OrderViolation | undefined;
  @state() private tab: OrdersTab = 'open';
  @state() private history: Paged<MarginOrder> = { items: [], more: false, loading: false };
  @state() private fills: Paged<MarginFill> = { items: [], more: false, loading: false };
  @state() private cancelling = new Set<string>();
  @state() private confirmCancelAll = false;
  @state() private ordersMessage: Message | undefined;

  private readonly markPoll = new PollController<MarkPrice[]>(this);
  private readonly openOrdersPoll = new PollController<MarginOrder[]>(this);
  private readonly openSymbolsPoll = new PollController<string[]>(this);
  private submissionValue: Submission<PlacementParams> | undefined;
  private tracker: AbortController | undefined;
  private historyRun: AbortController | undefined;
  private fillsRun: AbortController | undefined;
  /** Orders whose cancellation was already reported (a trader's cancel, then the tracker seeing it). */
  private readonly reportedCancels = new Set<string>();
  private draftInitialized = false;
  /** The click count of the click that is submitting the form now. */
  private placeClicks = 0;

  private readonly symbolsTask = new Task(this, {
    task: async ([client, mode], { signal }) => {
      if (!client) return undefined;
      const cross = await client.hub.cached(CROSS_SYMBOLS_KEY, REFERENCE_TTL_MS, () => getCrossMarginSymbols(client.transport), signal);
      const isolated =
        mode === 'isolated'
          ? await client.hub.cached(ISOLATED_SYMBOLS_KEY, REFERENCE_TTL_MS, () => getIsolatedMarginSymbols(client.transport), signal)
          : undefined;
      return ticketSymbols(mode, cross, isolated);
    },
    onError: (error) => this.emitError(error, 'load', t.loadSymbolsFailed(describeOrderError(error))),
    args: () => [this.client, this.mode] as [MarginConnection | undefined, MarginMode],
  });

  private readonly configTask = new Task(this, {
    task: async ([client, mode], { signal }) => {
      if (!client || mode !== 'cross') return undefined;
      return client.hub.cached(MARGIN_CONFIG_KEY, REFERENCE_TTL_MS, () => getMarginConfig(client.transport), signal);
    },
    args: () => [this.client, this.mode] as [MarginConnection | undefined, MarginMode],
  });

  /** The never-twice state machine; one per ticket, made on first use. */
  private get submission(): Submission<PlacementParams> {
    this.submissionValue ??= new Submission<PlacementParams>({
      // The element's signal is not passed on: once sent, an order's answer is worth waiting for
      // even if the ticket leaves the page, so the outcome is known when it comes back.
      send: (params) => this.sendOrder(params),
      lookup: (clientOid, symbol, signal) => getOrderByClientOid(this.requireClient().transport, { clientOid, symbol }, { signal }),
      newClientOid,
      timing: this.lookupTiming,
      onChange: (s) => this.onSubmissionChange(s),
    });
    return this.submissionValue;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.submissionValue?.resume();
    if (this.tracked && !this.isTrackedDone()) this.startTracking(this.tracked);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.submissionValue?.dispose();
    this.tracker?.abort();
    this.historyRun?.abort();
    this.fillsRun?.abort();
  }

  // ---- data -------------------------------------------------------------------------------

  private requireClient(): MarginConnection {
    const client = this.client;
    if (!client) throw new TypeError('margin-kit: no proxy URL');
    return client;
  }

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

  private get symbols(): TicketSymbol[] | undefined {
    return this.symbolsTask.value;
  }

  /** The symbol traded now: the attribute, the picker's choice, or the first tradable one. */
  private get activeSymbol(): string {
    const fixed = this.symbol.trim().toUpperCase();
    if (fixed) return fixed;
    const list = this.symbols ?? [];
    if (this.pickedSymbol && list.some((s) => s.symbol === this.pickedSymbol)) return this.pickedSymbol;
    return (list.find((s) => !s.disabledReason) ?? list[0])?.symbol ?? '';
  }

  private get current(): TicketSymbol | undefined {
    const list = this.symbols;
    const symbol = this.activeSymbol;
    return list && symbol ? findTicketSymbol(list, symbol) : undefined;
  }

  private get rules(): SymbolRules | undefined {
    return this.current?.rules;
  }

  private get markPrice(): Decimal | undefined {
    const symbol = this.activeSymbol;
    return this.markPoll.state.value?.find((m) => m.symbol === symbol)?.value;
  }

  private get maxLeverage(): number | undefined {
    return this.mode === 'isolated' ? this.current?.maxLeverage : this.configTask.value?.maxLeverage;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!this.draftInitialized || changed.has('side') || changed.has('orderType')) {
      this.draft = { ...this.draft, side: this.side === 'sell' ? 'sell' : 'buy', type: this.orderType === 'market' ? 'market' : 'limit' };
      this.draftInitialized = true;
    }
    const symbol = this.activeSymbol;
    if (symbol !== this.draft.symbol) this.onSymbolChanged(symbol);
    if (changed.has('marginMode') || changed.has('api')) this.review = undefined;
    if (changed.has('marginMode') && this.draftInitialized && changed.get('marginMode') !== undefined) this.resetHistory();
    this.subscribePolls(symbol);
  }

  private onSymbolChanged(symbol: string): void {
    // Another market: the amounts typed for the last one mean nothing here.
    this.draft = { ...this.draft, symbol, price: '', size: '', funds: '', visibleSize: '' };
    this.showErrors = false;
    this.review = undefined;
    this.message = undefined;
    this.confirmCancelAll = false;
    this.ordersMessage = undefined;
    this.resetHistory();
  }

  /** Closed orders and fills belong to one symbol in one margin mode: start again. */
  private resetHistory(): void {
    this.history = { items: [], more: false, loading: false };
    this.fills = { items: [], more: false, loading: false };
    this.historyRun?.abort();
    this.fillsRun?.abort();
    if (this.draftInitialized && this.tab !== 'open') void this.loadTab(this.tab, false);
  }

  private subscribePolls(symbol: string): void {
    const client = this.client;
    if (!client) {
      this.markPoll.set(undefined);
      this.openOrdersPoll.set(undefined);
      this.openSymbolsPoll.set(undefined);
      return;
    }
    const intervalMs = Math.max(250, this.pollInterval || 5_000);
    const tradeType = this.tradeType;
    this.markPoll.set({ client, key: MARK_PRICES_KEY, loader: (signal) => getMarkPriceList(client.transport, { signal }), intervalMs });
    this.openSymbolsPoll.set({
      client,
      key: `kucoin:open-order-symbols:${tradeType}`,
      loader: async (signal) => (await getSymbolsWithOpenOrder(client.transport, { tradeType }, { signal })).symbols,
      intervalMs,
    });
    this.openOrdersPoll.set(
      symbol
        ? {
            client,
            key: `kucoin:open-orders:${tradeType}:${symbol}`,
            loader: (signal) => getOpenOrders(client.transport, { symbol, tradeType }, { signal }),
            intervalMs,
          }
        : undefined,
    );
  }

  private refreshOrders(): void {
    this.openOrdersPoll.refresh();
    this.openSymbolsPoll.refresh();
    if (this.tab !== 'open') void this.loadTab(this.tab, false);
  }

  // ---- formatting -------------------------------------------------------------------------

  private fmt(value: Decimal | string, increment?: Decimal): string {
    return formatDecimal(value, { locale: this.effectiveLocale, increment });
  }

  private fmtTime(ms: number): string {
    return new Intl.DateTimeFormat(this.effectiveLocale, { dateStyle: 'short', timeStyle: 'medium' }).format(ms);
  }

  private describeViolation(v: OrderViolation): string {
    const c = this.current;
    return describeOrderViolation(v, {
      base: c?.baseCurrency ?? '',
      quote: c?.quoteCurrency ?? '',
      formatLimit: (limit) => this.fmt(limit),
    });
  }

  /** The listed symbol an order is on (the current one when unknown). */
  private symbolOf(symbol: string | undefined): TicketSymbol | undefined {
    return (symbol && this.symbols?.find((s) => s.symbol === symbol)) || this.current;
  }

  private summarize(o: OrderShape): string {
    const s = this.symbolOf(o.symbol);
    const r = s?.rules;
    const base = s?.baseCurrency ?? '';
    const quote = s?.quoteCurrency ?? '';
    if (o.type === 'market' && !positive(o.size) && positive(o.funds)) {
      return t.summaryFunds(o.side, this.fmt(o.funds, r?.quoteIncrement), quote, base);
    }
    const at = o.type === 'limit' && positive(o.price) ? `${this.fmt(o.price, r?.priceIncrement)} ${quote}` : undefined;
    return t.summary(o.side, positive(o.size) ? this.fmt(o.size, r?.baseIncrement) : '?', base, at);
  }

  // ---- the draft --------------------------------------------------------------------------

  private get violations(): OrderViolation[] {
    const rules = this.rules;
    if (!this.showErrors || !rules) return [];
    const check = checkDraft(this.draft, rules);
    return check.ok ? [] : check.violations;
  }

  private setDraft(patch: Partial<OrderDraft>): void {
    this.draft = { ...this.draft, ...patch };
    // The review and the preview answer were for the draft before this edit.
    this.review = undefined;
    this.message = undefined;
    // A refusal was for the draft before this edit; an unknown or placed outcome stays shown.
    const phase = this.submissionValue?.state;
    if (phase?.phase === 'not-placed' && phase.reason === 'refused') this.submission.reset();
  }

  private onText(field: 'price' | 'size' | 'funds' | 'cancelAfter' | 'visibleSize') {
    return (e: Event) => this.setDraft({ [field]: (e.target as HTMLInputElement).value });
  }

  private onTimeInForce(e: Event): void {
    const timeInForce = (e.target as HTMLSelectElement).value as TimeInForce;
    // "postOnly ... is disabled when the order timing strategy is IOC or FOK" (Add Order).
    const postOnly = timeInForce === 'IOC' || timeInForce === 'FOK' ? false : this.draft.postOnly;
    this.setDraft({ timeInForce, postOnly });
  }

  private tick(direction: 'up' | 'down'): void {
    const rules = this.rules;
    if (!rules) return;
    const next = tickPrice(this.draft.price, rules.priceIncrement, direction, this.markPrice);
    if (next) this.setDraft({ price: toPlainString(next) });
  }

  /** The typed price on the nearest multiple of `priceIncrement`, or undefined when it does not parse. */
  private snapped(rules: SymbolRules): Decimal | undefined {
    const parsed = parseUserDecimal(this.draft.price);
    return parsed.ok && parsed.value.gt(0) ? snapPrice(parsed.value, rules.priceIncrement) : undefined;
  }

  private snap(): void {
    const snapped = this.rules && this.snapped(this.rules);
    if (snapped) this.setDraft({ price: toPlainString(snapped) });
  }

  /** Checks the draft; on success the exact params (with the draft's clientOid), else shows every error. */
  private build(): Built | undefined {
    const rules = this.rules;
    if (!rules) return undefined;
    this.showErrors = true;
    const check = checkDraft(this.draft, rules);
    if (!check.ok) {
      this.message = { tone: 'error', text: t.errors.invalid(check.violations.length) };
      void this.focusFirstInvalid(check.violations);
      return undefined;
    }
    const probe = placementParams(this.endpoints, check.order, 'draft', this.mode);
    const key = draftKey(probe);
    const clientOid = this.submission.clientOidFor(key);
    return { params: placementParams(this.endpoints, check.order, clientOid, this.mode), key };
  }

  private async focusFirstInvalid(violations: OrderViolation[]): Promise<void> {
    const advanced = new Set<OrderField>(['cancelAfter', 'postOnly', 'hidden', 'visibleSize']);
    if (violations.some((v) => advanced.has(v.field))) {
      const details = this.renderRoot.querySelector('details');
      if (details) details.open = true;
    }
    await this.updateComplete;
    const first = violations[0];
    if (!first) return;
    const id = first.field === 'notional' ? (this.draft.type === 'market' && this.draft.marketAmount === 'funds' ? 'funds' : 'size') : first.field;
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  // ---- placing ----------------------------------------------------------------------------

  private get placeBlockedReason(): string | undefined {
    const phase = this.submissionValue?.state.phase;
    if (phase === 'sending') return t.busy.sending;
    if (phase === 'checking') return t.busy.checking;
    if (this.review) return t.busy.reviewing;
    return undefined;
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    const clicks = this.placeClicks;
    this.placeClicks = 0;
    // The second click of a double click never places a second order, however fast the first was answered.
    if (clicks > 1) return;
    this.place();
  }

  /** Runs before the submit the click causes (Enter's implicit submission clicks with detail 0). */
  private onPlaceClick(e: MouseEvent): void {
    this.placeClicks = e.detail;
  }

  /** A held-down Enter repeats: only its first press submits. */
  private onFormKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && e.repeat) e.preventDefault();
  }

  /** "Place": check, then (with `confirm`) review, then the cancelable before-submit, then send. */
  place(): void {
    // Enter pressed twice, a double click, a click while the last outcome is unknown: once only.
    if (this.placeBlockedReason || this.previewing) return;
    const built = this.build();
    if (!built) return;
    if (this.confirm) {
      this.review = built;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#review-title')?.focus());
      return;
    }
    this.send(built);
  }

  private confirmReview(): void {
    const built = this.review;
    if (!built || this.submission.busy) return;
    this.review = undefined;
    this.send(built);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#place')?.focus());
  }

  private backFromReview(): void {
    this.review = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#place')?.focus());
  }

  private send(built: Built): void {
    const before = new MarginBeforeSubmitEvent({ venue: 'kucoin', action: 'place-order', params: built.params });
    this.dispatchEvent(before);
    if (before.defaultPrevented) {
      this.message = { tone: 'info', text: t.vetoed };
      return;
    }
    this.message = undefined;
    this.tracker?.abort();
    this.tracked = undefined;
    void this.submission.submit(built.key, built.params);
  }

  private sendOrder(params: PlacementParams) {
    const client = this.requireClient();
    return this.endpoints === 'v1'
      ? addOrderV1(client.transport, params as V1OrderParams)
      : addOrder(client.transport, params as HfOrderParams);
  }

  private onSubmissionChange(s: SubmissionState<PlacementParams>): void {
    this.requestUpdate();
    if (s.phase === 'placed') {
      this.showErrors = false;
      // The amount is spent: a late Enter or click finds nothing to place instead of a second order.
      if (s.params.symbol === this.draft.symbol) this.draft = { ...this.draft, size: '', funds: '' };
      const answer = s.answer;
      this.dispatchEvent(
        new MarginOrderPlacedEvent({
          orderId: answer.orderId,
          clientOid: s.clientOid,
          symbol: s.params.symbol,
          side: s.params.side,
          type: s.params.type ?? 'limit',
          marginMode: this.mode,
          borrowSize: answer.borrowSize ? toPlainString(answer.borrowSize) : undefined,
          loanApplyId: answer.loanApplyId,
          confirmedBy: s.confirmedBy,
          params: s.params,
        }),
      );
      const tracked: Tracked = { orderId: answer.orderId, clientOid: s.clientOid, symbol: s.params.symbol };
      if (s.confirmedBy === 'lookup') {
        tracked.order = s.order;
        tracked.status = orderStatus(s.order);
      }
      this.tracked = tracked;
      this.startTracking(tracked);
      this.refreshOrders();
    } else if (s.phase === 'not-placed' && s.reason === 'refused') {
      this.emitError(s.error, 'place-order', describeOrderError(s.error));
    } else if (s.phase === 'not-placed') {
      this.refreshOrders();
    }
  }

  private emitError(error: unknown, action: string, message: string): void {
    this.dispatchEvent(new MarginErrorEvent({ error, kind: errorKind(error), message, action }));
  }

  private isTrackedDone(): boolean {
    const status = this.tracked?.status;
    return status === 'filled' || status === 'cancelled' || status === 'partially-filled-cancelled';
  }

  private startTracking(tracked: Tracked): void {
    this.tracker?.abort();
    const run = new AbortController();
    this.tracker = run;
    const client = this.client;
    if (!client) return;
    void trackOrder({
      load: (signal) => getOrderByOrderId(client.transport, { orderId: tracked.orderId, symbol: tracked.symbol }, { signal }),
      intervalMs: Math.max(250, this.pollInterval || 5_000),
      signal: run.signal,
      onUpdate: (order, status) => {
        const was = this.tracked?.status;
        if (this.tracked?.orderId !== tracked.orderId) return;
        this.tracked = { ...tracked, order, status };
        if (was !== status && (status === 'filled' || status === 'partially-filled-cancelled' || status === 'cancelled')) {
          this.onTrackedDone(order, status);
        }
      },
    });
  }

  private onTrackedDone(order: MarginOrder, status: OrderStatus): void {
    if (hasFilled(status)) {
      this.dispatchEvent(
        new MarginOrderFilledEvent({
          orderId: order.id,
          clientOid: order.clientOid,
          symbol: order.symbol,
          side: order.side,
          dealSize: toPlainString(order.dealSize),
          dealFunds: toPlainString(order.dealFunds),
          fee: toPlainString(order.fee),
          feeCurrency: order.feeCurrency,
          complete: status === 'filled',
        }),
      );
    } else if (!this.reportedCancels.has(order.id)) {
      this.reportCancel({ symbol: order.symbol, scope: 'order', orderId: order.id, clientOid: order.clientOid, by: 'venue' });
    }
    this.refreshOrders();
  }

  private reportCancel(detail: MarginOrderCancelledDetail): void {
    if (detail.orderId) this.reportedCancels.add(detail.orderId);
    for (const id of detail.orderIds ?? []) this.reportedCancels.add(id);
    this.dispatchEvent(new MarginOrderCancelledEvent(detail));
  }

  // ---- preview ----------------------------------------------------------------------------

  /** "Preview": the venue's test endpoint checks the order; nothing is placed. */
  async preview(): Promise<void> {
    if (this.previewing || this.placeBlockedReason) return;
    const built = this.build();
    if (!built) return;
    const client = this.client;
    if (!client) return;
    this.previewing = true;
    this.message = undefined;
    try {
      const answer =
        this.endpoints === 'v1'
          ? await addOrderTestV1(client.transport, built.params as V1OrderParams)
          : await addOrderTest(client.transport, built.params as HfOrderParams);
      const borrow = answer.borrowSize && answer.borrowSize.gt(0) ? answer.borrowSize : undefined;
      const holdCurrency = built.params.side === 'buy' ? this.current?.quoteCurrency ?? '' : this.current?.baseCurrency ?? '';
      this.message = {
        tone: 'info',
        text: `${t.previewOk}${borrow ? ` ${t.previewBorrow(this.fmt(borrow), holdCurrency)}` : ''}`,
      };
    } catch (error) {
      const text = describeOrderError(error);
      this.message = { tone: 'error', text };
      this.emitError(error, 'preview-order', text);
    } finally {
      this.previewing = false;
    }
  }

  // ---- leverage ---------------------------------------------------------------------------

  private async setLeverage(e: Event): Promise<void> {
    e.preventDefault();
    if (this.leverageBusy) return;
    const check = checkLeverage(this.leverageText, this.maxLeverage);
    this.leverageMessage = undefined;
    if (!check.ok) {
      this.leverageError = check.violation;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#leverage')?.focus();
      return;
    }
    this.leverageError = undefined;
    const isolated = this.mode === 'isolated';
    const params = isolated ? { symbol: this.activeSymbol, isIsolated: true, leverage: check.text } : { isIsolated: false, leverage: check.text };
    const before = new MarginBeforeSubmitEvent({ venue: 'kucoin', action: 'modify-leverage', params });
    this.dispatchEvent(before);
    if (before.defaultPrevented) {
      this.leverageMessage = { tone: 'info', text: t.vetoed };
      return;
    }
    this.leverageBusy = true;
    try {
      await modifyLeverage(this.requireClient().transport, params);
      this.leverageMessage = { tone: 'info', text: t.leverageSet(this.fmt(check.value)) };
    } catch (error) {
      const text = describeOrderError(error);
      this.leverageMessage = { tone: 'error', text };
      this.emitError(error, 'modify-leverage', text);
    } finally {
      this.leverageBusy = false;
    }
  }

  // ---- cancels ----------------------------------------------------------------------------

  /** Cancels one order by `orderId` or by `clientOid`; resolves when the venue answered. */
  async cancelOrder(target: { orderId: string } | { clientOid: string }, symbol = this.activeSymbol): Promise<void> {
    const key = 'orderId' in target ? target.orderId : target.clientOid;
    if (this.cancelling.has(key)) return;
    const params = { ...target, symbol };
    const before = new MarginBeforeSubmitEvent({ venue: 'kucoin', action: 'cancel-order', params });
    this.dispatchEvent(before);
    if (before.defaultPrevented) {
      this.ordersMessage = { tone: 'info', text: t.vetoed };
      return;
    }
    this.cancelling = new Set([...this.cancelling, key]);
    this.ordersMessage = undefined;
    try {
      const client = this.requireClient();
      let orderId: string | undefined;
      let clientOid: string | undefined;
      if ('orderId' in target) {
        orderId = (await cancelOrderByOrderId(client.transport, { orderId: target.orderId, symbol })).orderId;
      } else {
        clientOid = (await cancelOrderByClientOid(client.transport, { clientOid: target.clientOid, symbol })).clientOid;
        if (this.tracked?.clientOid === clientOid) orderId = this.tracked.orderId;
      }
      const order = this.openOrdersPoll.state.value?.find((o) => o.id === orderId || (clientOid !== undefined && o.clientOid === clientOid));
      clientOid ??= order?.clientOid;
      orderId ??= order?.id;
      this.reportCancel({ symbol, scope: 'order', orderId, clientOid, by: 'trader' });
      this.ordersMessage = { tone: 'info', text: t.orders.cancelled(order ? this.summarize(order) : key) };
    } catch (error) {
      const text = describeOrderError(error);
      this.ordersMessage = { tone: 'error', text };
      this.emitError(error, 'cancel-order', text);
    } finally {
      const next = new Set(this.cancelling);
      next.delete(key);
      this.cancelling = next;
      this.refreshOrders();
      if (this.tracked && !this.isTrackedDone()) this.startTracking(this.tracked);
    }
  }

  /** Cancels every open order of the symbol (in this margin mode). */
  async cancelAll(symbol = this.activeSymbol): Promise<void> {
    const key = `all:${symbol}`;
    if (this.cancelling.has(key)) return;
    this.confirmCancelAll = false;
    const params = { symbol, tradeType: this.tradeType };
    const before = new MarginBeforeSubmitEvent({ venue: 'kucoin', action: 'cancel-all-orders', params });
    this.dispatchEvent(before);
    if (before.defaultPrevented) {
      this.ordersMessage = { tone: 'info', text: t.vetoed };
      return;
    }
    const openIds = (this.openOrdersPoll.state.value ?? []).map((o) => o.id);
    this.cancelling = new Set([...this.cancelling, key]);
    this.ordersMessage = undefined;
    try {
      await cancelAllOrdersBySymbol(this.requireClient().transport, params);
      this.reportCancel({ symbol, scope: 'symbol', by: 'trader', orderIds: openIds });
      this.ordersMessage = { tone: 'info', text: t.orders.cancelledAll(symbol) };
    } catch (error) {
      const text = describeOrderError(error);
      this.ordersMessage = { tone: 'error', text };
      this.emitError(error, 'cancel-all-orders', text);
    } finally {
      const next = new Set(this.cancelling);
      next.delete(key);
      this.cancelling = next;
      this.refreshOrders();
      if (this.tracked && !this.isTrackedDone()) this.startTracking(this.tracked);
    }
  }

  // ---- history ----------------------------------------------------------------------------

  private async loadTab(tab: OrdersTab, more: boolean): Promise<void> {
    const client = this.client;
    const symbol = this.activeSymbol;
    if (!client || !symbol || tab === 'open') return;
    const tradeType = this.tradeType;
    if (tab === 'history') {
      this.historyRun?.abort();
      const run = new AbortController();
      this.historyRun = run;
      const before = more ? this.history : { items: [], more: false, loading: false };
      this.history = { ...before, loading: true, error: undefined };
      try {
        const page = await getClosedOrders(
          client.transport,
          { symbol, tradeType, limit: HISTORY_PAGE, lastId: more ? before.lastId : undefined },
          { signal: run.signal },
        );
        if (run.signal.aborted) return;
        this.history = { items: [...before.items, ...page.items], lastId: page.lastId, more: page.items.length === HISTORY_PAGE, loading: false };
      } catch (error) {
        if (run.signal.aborted) return;
        this.history = { ...before, loading: false, error: this.reportError(error, 'load-orders') };
      }
    } else {
      this.fillsRun?.abort();
      const run = new AbortController();
      this.fillsRun = run;
      const before = more ? this.fills : { items: [], more: false, loading: false };
      this.fills = { ...before, loading: true, error: undefined };
      try {
        const page = await getTradeHistory(
          client.transport,
          { symbol, tradeType, limit: HISTORY_PAGE, lastId: more ? before.lastId : undefined },
          { signal: run.signal },
        );
        if (run.signal.aborted) return;
        this.fills = { items: [...before.items, ...page.items], lastId: page.lastId, more: page.items.length === HISTORY_PAGE, loading: false };
      } catch (error) {
        if (run.signal.aborted) return;
        this.fills = { ...before, loading: false, error: this.reportError(error, 'load-fills') };
      }
    }
  }

  private selectTab(tab: OrdersTab, focus = false): void {
    this.tab = tab;
    if (tab !== 'open') void this.loadTab(tab, false);
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  private onTabKey(e: KeyboardEvent): void {
    const i = TABS.indexOf(this.tab);
    const next =
      e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : undefined;
    if (!next) return;
    e.preventDefault();
    this.selectTab(next, true);
  }

  // ---- rendering --------------------------------------------------------------------------

  override render(): TemplateResult {
    return html`
      <section class="ticket" part="base" aria-labelledby="title" aria-busy=${this.submissionValue?.busy ? 'true' : 'false'}>
        ${this.renderHeader()} ${this.renderBody()}
      </section>
    `;
  }

  private renderHeader(): TemplateResult {
    const mark = this.markPrice;
    const poll = this.markPoll.state;
    return html`
      <header part="header">
        <h2 id="title">${t.title} <span class="mode">· ${t.mode[this.mode]}</span></h2>
        ${this.symbol.trim() ? html`<span class="symbol">${this.activeSymbol}</span>` : this.renderPicker()}
        <span class="mark" part="mark-price">
          ${t.markPrice}:
          ${mark ? this.fmt(mark, this.rules?.priceIncrement) : poll.error ? t.markUnknown : poll.loading ? t.shared.loading : t.markUnknown}
          ${poll.stale ? html`<span class="badge" title=${t.shared.staleTitle}>${t.shared.stale}</span>` : nothing}
        </span>
      </header>
    `;
  }

  private renderPicker(): TemplateResult | typeof nothing {
    const list = this.symbols;
    if (!list || list.length === 0) return nothing;
    const withOpen = new Set(this.openSymbolsPoll.state.value ?? []);
    const active = this.activeSymbol;
    return html`
      <div>
        <label for="symbol">${t.symbol}</label>
        <select
          id="symbol"
          part="symbol-picker"
          .value=${live(active)}
          @change=${(e: Event) => (this.pickedSymbol = (e.target as HTMLSelectElement).value)}
        >
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
    if (task.status === TaskStatus.ERROR && !task.value) {
      return html`
        <div class="alert" part="alert" role="alert">
          <p>${t.loadSymbolsFailed(describeOrderError(task.error))}</p>
          <button type="button" @click=${() => void task.run()}>${t.shared.retry}</button>
        </div>
      `;
    }
    const list = task.value;
    if (!list) return html`<div class="skeleton" part="skeleton" role="status" aria-label=${t.shared.loading}></div>`;
    if (list.length === 0) return html`<p class="empty" role="status">${t.noSymbols(t.mode[this.mode])}</p>`;
    const current = this.current!;
    return html`
      ${current.disabledReason
        ? html`<p class="disabled-reason" id="disabled-reason" role="status">
            ${t.disabled[current.disabledReason](current.symbol, t.mode[this.mode])}
          </p>`
        : nothing}
      ${this.renderForm(current)} ${this.renderReview()} ${this.renderStatus()} ${this.renderLeverage(current)}
      ${this.renderOrders(current)}
    `;
  }

  private errorsFor(field: OrderField, violations: OrderViolation[]): OrderViolation[] {
    return violations.filter((v) => v.field === field);
  }

  private renderErrors(id: string, errors: OrderViolation[]): TemplateResult | typeof nothing {
    if (errors.length === 0) return nothing;
    return html`<p class="field-error" part="field-error" id="${id}-error">${errors.map((v) => this.describeViolation(v)).join('. ')}</p>`;
  }

  private textInput(
    id: 'price' | 'size' | 'funds' | 'cancelAfter' | 'visibleSize',
    errors: OrderViolation[],
    hintId?: string,
  ): TemplateResult {
    const describedBy = [errors.length ? `${id}-error` : '', hintId ?? ''].filter(Boolean).join(' ');
    return html`<input
      id=${id}
      type="text"
      inputmode=${id === 'cancelAfter' ? 'numeric' : 'decimal'}
      autocomplete="off"
      spellcheck="false"
      .value=${live(this.draft[id])}
      aria-invalid=${errors.length ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy || undefined)}
      @input=${this.onText(id)}
    />`;
  }

  private renderForm(current: TicketSymbol): TemplateResult {
    const d = this.draft;
    const rules = current.rules;
    const violations = this.violations;
    const base = current.baseCurrency;
    const quote = current.quoteCurrency;
    const disabled = Boolean(current.disabledReason) || !rules;
    const limit = d.type === 'limit';
    const priceErrors = this.errorsFor('price', violations);
    const notionalErrors = this.errorsFor('notional', violations);
    const amountField = limit || d.marketAmount === 'size' ? 'size' : 'funds';
    const amountErrors = [...this.errorsFor(amountField, violations), ...notionalErrors];
    const blocked = this.placeBlockedReason;
    const sending = this.submissionValue?.state.phase === 'sending';
    return html`
      <form part="form" novalidate @submit=${this.onSubmit} @keydown=${this.onFormKeydown} aria-labelledby="title">
        <fieldset ?disabled=${disabled} aria-describedby=${ifDefined(current.disabledReason ? 'disabled-reason' : undefined)}>
          <div class="fields">
            <div class="row">
              <fieldset>
                <legend>${t.side}</legend>
                <div class="segmented">
                  ${(['buy', 'sell'] as const).map(
                    (side) => html`<label class=${side}
                      ><input type="radio" name="side" value=${side} .checked=${live(d.side === side)} @change=${() => this.setDraft({ side })} />${t.sides[side]}</label
                    >`,
                  )}
                </div>
              </fieldset>
              <fieldset>
                <legend>${t.orderType}</legend>
                <div class="segmented">
                  ${(['limit', 'market'] as const).map(
                    (type) => html`<label
                      ><input type="radio" name="type" value=${type} .checked=${live(d.type === type)} @change=${() => this.setDraft({ type })} />${t.types[type]}</label
                    >`,
                  )}
                </div>
              </fieldset>
            </div>

            ${limit
              ? html`<div>
                  <label for="price">${t.price(quote)}</label>
                  <div class="with-ticks">
                    <button type="button" class="small" aria-label=${t.tickDown(rules ? this.fmt(rules.priceIncrement) : '')} @click=${() => this.tick('down')}>−</button>
                    ${this.textInput('price', priceErrors)}
                    <button type="button" class="small" aria-label=${t.tickUp(rules ? this.fmt(rules.priceIncrement) : '')} @click=${() => this.tick('up')}>+</button>
                  </div>
                  ${this.renderErrors('price', priceErrors)}
                  ${priceErrors.some((v) => v.rule === 'step') && rules && this.snapped(rules)
                    ? html`<button type="button" class="small" @click=${this.snap}>${t.snap(this.fmt(this.snapped(rules)!, rules.priceIncrement))}</button>`
                    : nothing}
                </div>`
              : html`<fieldset>
                  <legend>${t.marketAmount}</legend>
                  <div class="segmented">
                    <label><input type="radio" name="market-amount" .checked=${live(d.marketAmount === 'size')} @change=${() => this.setDraft({ marketAmount: 'size' })} />${t.marketBySize(base)}</label>
                    <label><input type="radio" name="market-amount" .checked=${live(d.marketAmount === 'funds')} @change=${() => this.setDraft({ marketAmount: 'funds' })} />${t.marketByFunds(quote)}</label>
                  </div>
                </fieldset>`}

            <div>
              <label for=${amountField}>${amountField === 'size' ? t.size(base) : t.funds(quote)}</label>
              ${this.textInput(amountField, amountErrors)} ${this.renderErrors(amountField, amountErrors)}
            </div>

            <div class="row">
              <label class="check"><input id="autoBorrow" type="checkbox" .checked=${live(d.autoBorrow)} @change=${(e: Event) => this.setDraft({ autoBorrow: (e.target as HTMLInputElement).checked })} />${t.autoBorrow}</label>
              <label class="check"><input id="autoRepay" type="checkbox" .checked=${live(d.autoRepay)} @change=${(e: Event) => this.setDraft({ autoRepay: (e.target as HTMLInputElement).checked })} />${t.autoRepay}</label>
            </div>

            ${this.renderAdvanced(current, violations)} ${rules ? this.renderEstimate(rules) : nothing}
          </div>
        </fieldset>
        <div class="actions">
          <button
            type="button"
            part="preview-button"
            ?disabled=${disabled}
            aria-disabled=${blocked || this.previewing ? 'true' : 'false'}
            @click=${() => void this.preview()}
          >
            ${this.previewing ? t.previewing : t.preview}
          </button>
          <button
            id="place"
            type="submit"
            part="place-button"
            class="place ${d.side}"
            ?disabled=${disabled}
            aria-disabled=${blocked || this.previewing ? 'true' : 'false'}
            aria-describedby=${ifDefined(blocked ? 'blocked-reason' : undefined)}
            @click=${this.onPlaceClick}
          >
            ${sending ? t.placing : t.place(d.side, base)}
          </button>
        </div>
        ${blocked ? html`<p class="hint" id="blocked-reason">${blocked}</p>` : nothing}
      </form>
    `;
  }

  private renderAdvanced(current: TicketSymbol, violations: OrderViolation[]): TemplateResult {
    const d = this.draft;
    if (d.type === 'market') {
      return html`<details part="advanced">
        <summary>${t.advanced}</summary>
        ${this.renderStp()}
        <p class="hint">${t.limitOnly}</p>
      </details>`;
    }
    const noPostOnly = d.timeInForce === 'IOC' || d.timeInForce === 'FOK';
    const cancelAfterErrors = this.errorsFor('cancelAfter', violations);
    const visibleErrors = this.errorsFor('visibleSize', violations);
    const postOnlyErrors = this.errorsFor('postOnly', violations);
    const hiddenErrors = this.errorsFor('hidden', violations);
    return html`
      <details part="advanced">
        <summary>${t.advanced}</summary>
        <div class="fields">
          <div class="row">
            <div>
              <label for="tif">${t.timeInForce}</label>
              <select id="tif" .value=${live(d.timeInForce)} @change=${this.onTimeInForce}>
                ${TIMES_IN_FORCE.map((tif) => html`<option value=${tif} ?selected=${d.timeInForce === tif}>${t.tif[tif]}</option>`)}
              </select>
            </div>
            <div>
              <label for="cancelAfter">${t.cancelAfter}</label>
              ${this.textInput('cancelAfter', cancelAfterErrors)} ${this.renderErrors('cancelAfter', cancelAfterErrors)}
            </div>
          </div>
          <div>
            <label class="check">
              <input
                id="postOnly"
                type="checkbox"
                .checked=${live(d.postOnly)}
                ?disabled=${noPostOnly}
                aria-describedby=${ifDefined(noPostOnly ? 'postOnly-hint' : postOnlyErrors.length ? 'postOnly-error' : undefined)}
                @change=${(e: Event) => this.setDraft({ postOnly: (e.target as HTMLInputElement).checked })}
              />${t.postOnly}
            </label>
            ${noPostOnly ? html`<p class="hint" id="postOnly-hint">${t.postOnlyOff}</p>` : nothing} ${this.renderErrors('postOnly', postOnlyErrors)}
          </div>
          <div>
            <label class="check">
              <input
                id="hidden"
                type="checkbox"
                .checked=${live(d.hidden)}
                aria-describedby=${ifDefined(hiddenErrors.length ? 'hidden-error' : undefined)}
                @change=${(e: Event) => this.setDraft({ hidden: (e.target as HTMLInputElement).checked })}
              />${t.hidden}
            </label>
            ${this.renderErrors('hidden', hiddenErrors)}
          </div>
          <div class="row">
            <label class="check">
              <input type="checkbox" id="iceberg" .checked=${live(d.iceberg)} @change=${(e: Event) => this.setDraft({ iceberg: (e.target as HTMLInputElement).checked })} />${t.iceberg}
            </label>
            <div>
              <label for="visibleSize">${t.visibleSize(current.baseCurrency)}</label>
              ${this.textInput('visibleSize', visibleErrors)} ${this.renderErrors('visibleSize', visibleErrors)}
            </div>
          </div>
          ${this.renderStp()}
        </div>
      </details>
    `;
  }

  private renderStp(): TemplateResult {
    return html`<div>
      <label for="stp">${t.stp}</label>
      <select id="stp" .value=${live(this.draft.stp)} @change=${(e: Event) => this.setDraft({ stp: (e.target as HTMLSelectElement).value as StpChoice })}>
        ${STP_CHOICES.map((stp) => html`<option value=${stp} ?selected=${this.draft.stp === stp}>${t.stpChoices[stp]}</option>`)}
      </select>
    </div>`;
  }

  private renderEstimate(rules: SymbolRules): TemplateResult {
    const e = estimate(this.draft, rules, this.markPrice);
    const notional = e.notional ? t.notionalValue(this.fmt(e.notional, rules.quoteIncrement), rules.quoteCurrency, e.approximate) : t.notionalUnknown;
    const holdIncrement = this.draft.side === 'buy' ? rules.quoteIncrement : rules.baseIncrement;
    return html`<p class="estimate" part="estimate">
      ${t.notional}: ${notional}
      ${this.draft.autoBorrow && e.hold ? html`<br />${t.mayBorrow(this.fmt(e.hold, holdIncrement), e.holdCurrency)}` : nothing}
    </p>`;
  }

  private renderReview(): TemplateResult | typeof nothing {
    const review = this.review;
    if (!review) return nothing;
    return html`
      <section class="review" part="review" aria-labelledby="review-title">
        <h3 id="review-title" tabindex="-1">${t.review.title}</h3>
        <p>${this.summarize(review.params)}</p>
        <p>${t.review.intro}</p>
        <dl>${paramEntries(review.params).map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}</dl>
        <div class="actions">
          <button type="button" class="place ${review.params.side}" @click=${this.confirmReview}>${t.review.confirm}</button>
          <button type="button" @click=${this.backFromReview}>${t.review.back}</button>
        </div>
      </section>
    `;
  }

  private renderStatus(): TemplateResult {
    const s = this.submissionValue?.state ?? { phase: 'idle' as const };
    const info = this.message?.tone === 'info' ? this.message.text : undefined;
    const error = this.message?.tone === 'error' ? this.message.text : undefined;
    return html`
      <div class="status" part="status" role="status">${this.renderOutcome(s)}${info ? html`<p>${info}</p>` : nothing}</div>
      <div class="alert" part="alert" role="alert">
        ${s.phase === 'not-placed' && s.reason === 'refused' ? html`<p>${t.refused(describeOrderError(s.error))}</p>` : nothing}
        ${error ? html`<p>${error}</p>` : nothing}
      </div>
    `;
  }

  private renderOutcome(s: SubmissionState<PlacementParams>): TemplateResult | typeof nothing {
    switch (s.phase) {
      case 'sending':
        return html`<p>${t.busy.sending}</p>`;
      case 'checking':
        return html`
          <p>${t.checking(describeUnknownCause(s.cause))} ${s.attempts > 0 ? t.checkingAttempt(s.attempts) : ''}</p>
          ${s.lastError ? html`<p>${t.checkingError(describeOrderError(s.lastError))}</p>` : nothing}
          <button type="button" @click=${() => this.submission.checkNow()}>${t.checkNow}</button>
        `;
      case 'placed': {
        const shape = s.confirmedBy === 'lookup' ? s.order : s.params;
        const summary = this.summarize(shape);
        const borrowed = s.answer.borrowSize && s.answer.borrowSize.gt(0) ? s.answer.borrowSize : undefined;
        const on = this.symbolOf(s.params.symbol);
        const borrowCurrency = (s.params.side === 'buy' ? on?.quoteCurrency : on?.baseCurrency) ?? '';
        return html`
          <p>${s.confirmedBy === 'lookup' ? t.placedFound(summary) : t.placed(summary)}</p>
          <p>${t.orderIds(s.answer.orderId, s.clientOid)}${borrowed ? ` ${t.borrowed(this.fmt(borrowed), borrowCurrency)}` : ''}</p>
          ${this.renderTracked()}
        `;
      }
      case 'not-placed':
        return s.reason === 'not-found' ? html`<p>${t.notFound(s.clientOid)}</p>` : nothing;
      default:
        return nothing;
    }
  }

  private renderTracked(): TemplateResult | typeof nothing {
    const tracked = this.tracked;
    if (!tracked?.status || !tracked.order) return nothing;
    const o = tracked.order;
    const on = this.symbolOf(o.symbol);
    const r = on?.rules;
    const filled = o.size.gt(0)
      ? t.filledOf(this.fmt(o.dealSize, r?.baseIncrement), this.fmt(o.size, r?.baseIncrement), on?.baseCurrency ?? '')
      : t.filledFunds(this.fmt(o.dealFunds, r?.quoteIncrement), on?.quoteCurrency ?? '');
    const active = tracked.status === 'open' || tracked.status === 'partially-filled';
    return html`
      <p>${t.status}: <strong>${t.statuses[tracked.status]}</strong> · ${filled}</p>
      ${active
        ? html`<button
            type="button"
            aria-disabled=${this.cancelling.has(tracked.clientOid) ? 'true' : 'false'}
            @click=${() => void this.cancelOrder({ clientOid: tracked.clientOid }, tracked.symbol)}
          >
            ${this.cancelling.has(tracked.clientOid) ? t.orders.cancelling : t.cancelTracked}
          </button>`
        : nothing}
    `;
  }

  private renderLeverage(current: TicketSymbol): TemplateResult {
    const max = this.maxLeverage;
    const error = this.leverageError;
    const describedBy = ['leverage-hint', error ? 'leverage-error' : ''].filter(Boolean).join(' ');
    return html`
      <form class="leverage" part="leverage" novalidate @submit=${this.setLeverage}>
        <div>
          <label for="leverage">${t.leverage}</label>
          <input
            id="leverage"
            type="text"
            inputmode="decimal"
            autocomplete="off"
            .value=${live(this.leverageText)}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy}
            ?disabled=${Boolean(current.disabledReason)}
            @input=${(e: Event) => {
              this.leverageText = (e.target as HTMLInputElement).value;
              this.leverageError = undefined;
            }}
          />
          <p class="hint" id="leverage-hint">${t.leverageHint(max === undefined ? undefined : this.fmt(String(max)))}</p>
          ${error ? html`<p class="field-error" part="field-error" id="leverage-error">${this.describeViolation(error)}</p>` : nothing}
        </div>
        <button type="submit" ?disabled=${Boolean(current.disabledReason)} aria-disabled=${this.leverageBusy ? 'true' : 'false'}>
          ${this.leverageBusy ? t.settingLeverage : t.setLeverage}
        </button>
        <div role="status" class="notice">${this.leverageMessage?.tone === 'info' ? this.leverageMessage.text : nothing}</div>
        <div role="alert" class="notice">${this.leverageMessage?.tone === 'error' ? this.leverageMessage.text : nothing}</div>
      </form>
    `;
  }

  private renderOrders(current: TicketSymbol): TemplateResult {
    return html`
      <section part="orders" aria-labelledby="orders-title">
        <h3 id="orders-title" class="visually-hidden">${t.orders.label}</h3>
        <div role="tablist" aria-labelledby="orders-title" @keydown=${this.onTabKey}>
          ${TABS.map(
            (tab) => html`<button
              role="tab"
              type="button"
              id="tab-${tab}"
              aria-selected=${this.tab === tab ? 'true' : 'false'}
              aria-controls=${ifDefined(this.tab === tab ? `panel-${tab}` : undefined)}
              tabindex=${this.tab === tab ? 0 : -1}
              @click=${() => this.selectTab(tab)}
            >
              ${t.orders[tab]}${tab === 'open' && this.openOrdersPoll.state.value ? ` (${this.openOrdersPoll.state.value.length})` : ''}
            </button>`,
          )}
        </div>
        <div role="status" class="notice">${this.ordersMessage?.tone === 'info' ? this.ordersMessage.text : nothing}</div>
        <div role="alert" class="notice">${this.ordersMessage?.tone === 'error' ? this.ordersMessage.text : nothing}</div>
        <div role="tabpanel" id="panel-${this.tab}" aria-labelledby="tab-${this.tab}" tabindex="0">
          ${this.tab === 'open' ? this.renderOpenOrders(current) : this.tab === 'history' ? this.renderHistory(current) : this.renderFills(current)}
        </div>
      </section>
    `;
  }

  private renderOpenOrders(current: TicketSymbol): TemplateResult {
    const poll = this.openOrdersPoll.state;
    const orders = poll.value;
    const symbol = current.symbol;
    const r = current.rules;
    const c = t.orders.columns;
    const head = html`<div class="orders-head">
      <span>${poll.stale ? html`<span class="badge" title=${t.shared.staleTitle}>${t.shared.stale}</span>` : nothing}</span>
      ${orders && orders.length > 0
        ? this.confirmCancelAll
          ? html`<span>
              ${t.orders.cancelAllConfirm(orders.length, symbol)}
              <button type="button" id="cancel-all-yes" @click=${() => void this.cancelAll(symbol)}>${t.orders.cancelAllYes}</button>
              <button type="button" @click=${() => (this.confirmCancelAll = false)}>${t.orders.cancelAllNo}</button>
            </span>`
          : html`<button
              type="button"
              id="cancel-all"
              aria-disabled=${this.cancelling.has(`all:${symbol}`) ? 'true' : 'false'}
              @click=${() => {
                this.confirmCancelAll = true;
                void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#cancel-all-yes')?.focus());
              }}
            >
              ${t.orders.cancelAll(symbol)}
            </button>`
        : nothing}
    </div>`;
    if (!orders) {
      if (poll.error) {
        return html`${head}<p>${describeOrderError(poll.error)}</p><button type="button" @click=${() => this.openOrdersPoll.refresh()}>${t.shared.retry}</button>`;
      }
      return html`${head}<p>${t.orders.loading}</p>`;
    }
    if (orders.length === 0) return html`${head}<p class="empty">${t.orders.noOpen(symbol)}</p>`;
    return html`${head}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${c.time}</th><th scope="col">${c.side}</th><th scope="col">${c.type}</th><th scope="col">${c.price}</th>
              <th scope="col">${c.size}</th><th scope="col">${c.filled}</th><th scope="col">${c.actions}</th>
            </tr>
          </thead>
          <tbody>
            ${orders.map((o) => {
              const busy = this.cancelling.has(o.id);
              return html`<tr>
                <td>${this.fmtTime(o.createdAt)}</td>
                <td class="side-${o.side}">${t.sides[o.side]}</td>
                <td>${t.types[o.type]}</td>
                <td class="num">${o.type === 'limit' ? this.fmt(o.price, r?.priceIncrement) : t.orders.market}</td>
                <td class="num">${this.fmt(o.size, r?.baseIncrement)}</td>
                <td class="num">${this.fmt(o.dealSize, r?.baseIncrement)}</td>
                <td>
                  <button
                    type="button"
                    class="small"
                    aria-label=${t.orders.cancelLabel(this.summarize(o))}
                    aria-disabled=${busy ? 'true' : 'false'}
                    @click=${() => void this.cancelOrder({ orderId: o.id }, symbol)}
                  >
                    ${busy ? t.orders.cancelling : t.orders.cancel}
                  </button>
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>`;
  }

  private renderPaged<T>(paged: Paged<T>, empty: string, table: (items: T[]) => TemplateResult, tab: OrdersTab): TemplateResult {
    return html`
      ${paged.error ? html`<p>${paged.error}</p><button type="button" @click=${() => void this.loadTab(tab, paged.items.length > 0)}>${t.shared.retry}</button>` : nothing}
      ${paged.items.length === 0 && !paged.loading && !paged.error ? html`<p class="empty">${empty}</p>` : nothing}
      ${paged.items.length > 0 ? table(paged.items) : nothing}
      ${paged.loading ? html`<p>${t.orders.loading}</p>` : nothing}
      ${paged.more && !paged.loading ? html`<button type="button" @click=${() => void this.loadTab(tab, true)}>${t.orders.loadMore}</button>` : nothing}
    `;
  }

  private renderHistory(current: TicketSymbol): TemplateResult {
    const r = current.rules;
    const c = t.orders.columns;
    return this.renderPaged(
      this.history,
      t.orders.noHistory(current.symbol),
      (items) => html`<div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${c.time}</th><th scope="col">${c.side}</th><th scope="col">${c.type}</th><th scope="col">${c.price}</th>
              <th scope="col">${c.size}</th><th scope="col">${c.filled}</th><th scope="col">${c.status}</th>
            </tr>
          </thead>
          <tbody>
            ${items.map(
              (o) => html`<tr>
                <td>${this.fmtTime(o.createdAt)}</td>
                <td class="side-${o.side}">${t.sides[o.side]}</td>
                <td>${t.types[o.type]}</td>
                <td class="num">${o.type === 'limit' ? this.fmt(o.price, r?.priceIncrement) : t.orders.market}</td>
                <td class="num">${o.size.gt(0) ? this.fmt(o.size, r?.baseIncrement) : `${this.fmt(o.funds, r?.quoteIncrement)} ${current.quoteCurrency}`}</td>
                <td class="num">${this.fmt(o.dealSize, r?.baseIncrement)}</td>
                <td>${t.statuses[orderStatus(o)]}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`,
      'history',
    );
  }

  private renderFills(current: TicketSymbol): TemplateResult {
    const r = current.rules;
    const c = t.orders.columns;
    return this.renderPaged(
      this.fills,
      t.orders.noFills(current.symbol),
      (items) => html`<div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${c.time}</th><th scope="col">${c.side}</th><th scope="col">${c.price}</th><th scope="col">${c.size}</th>
              <th scope="col">${c.funds}</th><th scope="col">${c.fee}</th><th scope="col">${c.liquidity}</th>
            </tr>
          </thead>
          <tbody>
            ${items.map(
              (f) => html`<tr>
                <td>${this.fmtTime(f.createdAt)}</td>
                <td class="side-${f.side}">${t.sides[f.side]}</td>
                <td class="num">${this.fmt(f.price, r?.priceIncrement)}</td>
                <td class="num">${this.fmt(f.size, r?.baseIncrement)}</td>
                <td class="num">${this.fmt(f.funds, r?.quoteIncrement)}</td>
                <td class="num">${this.fmt(f.fee)} ${f.feeCurrency}</td>
                <td>${t.orders.liquidity[f.liquidity]}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`,
      'fills',
    );
  }
}
