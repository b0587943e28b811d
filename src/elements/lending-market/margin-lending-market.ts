import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { getIsolatedPairs, type IsolatedPair } from '../../client/bitmart/margin-loan.js';
import type { MarginConnection } from '../../client/connection.js';
import { getLoanMarket, getLoanMarketInterestRate, getPurchaseOrders, getRedeemOrders } from '../../client/kucoin/lending.js';
import { outcomeUnknown } from '../../client/errors.js';
import type { PollState } from '../../client/hub.js';
import type {
  LendingOrderStatus,
  LoanMarket,
  PurchaseOrder,
  PurchaseOrdersResult,
  RedeemOrder,
  RedeemOrdersResult,
} from '../../client/kucoin/lending.js';
import { Decimal } from '../../core/decimal.js';
import { formatDecimal, formatRate } from '../../core/format.js';
import type { RuleViolation } from '../../core/rules.js';
import { describeError } from '../shared/describe-error.js';
import { MarginBeforeSubmitEvent } from '../shared/events.js';
import { MarginKitElement } from '../shared/margin-element.js';
import { PollController } from '../shared/poll-controller.js';
import { describeViolation, sharedStrings } from '../shared/strings.js';
import { themeTokens } from '../shared/theme.js';
import {
  MarginPurchasedEvent,
  MarginPurchaseModifiedEvent,
  MarginRedeemedEvent,
  MarginSymbolSelectEvent,
} from './events.js';
import {
  checkModify,
  checkPurchase,
  checkRedeem,
  fractionToPercent,
  holdingOf,
  type FieldViolations,
} from './lending-rules.js';
import { ACTION_NAMES, findAction, sendAction, type Sent } from './lending-actions.js';
import styles from './margin-lending-market.styles.js';
import { PAIR_COLUMNS, type PairKey } from './pair-columns.js';
import { sparklinePoints, summarize } from './sparkline.js';
import { lendingStrings as words } from './strings.js';
import { filterRows, nextSort, sortRows, type SortState, type SortValue } from './table-sort.js';

/** The page-wide loan market (`getLoanMarket`): polled under this key, cached under it too. */
export const LOAN_MARKET_KEY = 'kucoin:loan-market';
/** BitMart's isolated pairs (`getIsolatedPairs`, every pair). */
export const BITMART_PAIRS_KEY = 'bitmart:pairs';
export const historyKey = (currency: string): string => `kucoin:loan-rate-history:${currency}`;
const REFERENCE_TTL_MS = 60_000;
/** The 7-day history gains one point an hour. */
const HISTORY_TTL_MS = 10 * 60_000;
const HISTORY_CONCURRENCY = 3;
export const DEFAULT_LENDING_POLL_MS = 60_000;
/** Lending rates move hourly: polling faster than this only spends the venue's rate limit. */
export const MIN_LENDING_POLL_MS = 5_000;
const PAGE_SIZE = 10;
/** Interest accrues below the purchase increment (the currency's precision, 8 at most on KuCoin). */
const INTEREST_DECIMALS = 8;
/** Pages of redeem orders read to learn what a purchase order still holds. */
const HOLDING_PAGES = 5;

export function clampLendingInterval(value: number | null | undefined): number {
  if (value === null || value === undefined || !Number.isFinite(value) || value <= 0) return DEFAULT_LENDING_POLL_MS;
  return Math.max(MIN_LENDING_POLL_MS, Math.round(value));
}

type Exchange = 'kucoin' | 'bitmart';
type Tab = 'market' | 'orders' | 'redemptions';
const TABS: readonly Tab[] = ['market', 'orders', 'redemptions'];

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

/** The private action the panel is open for. */
type Action =
  | { kind: 'lend'; currency: string }
  | { kind: 'modify'; order: PurchaseOrder }
  | { kind: 'redeem'; order: PurchaseOrder; holding?: Decimal; holding_state: 'loading' | 'ready' | 'failed' };

/** A page of orders and which list it is (`PENDING:1`): a reload keeps showing it, another list does not. */
type Listed<T> = { view: string; page: T };

/** Sent, outcome unknown: what was sent, when, and the error that left it unknown. */
type Unconfirmed = Sent & { since: number; error: unknown };

type History = { state: 'loading' } | { state: 'ready'; values: Decimal[] } | { state: 'failed' };

type Busy = 'sending' | 'checking' | undefined;

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
 * @csspart panel - A tab's panel.
 * @csspart toolbar - The filter and status row above a table.
 * @csspart filter - The filter input.
 * @csspart table - A table.
 * @csspart sort-button - A column header's sort button.
 * @csspart row - A table row.
 * @csspart sparkline - A 7-day rate sparkline.
 * @csspart action-button - Lend, Change rate, Redeem and Select buttons.
 * @csspart disabled-reason - Why an action is not offered (lending off, borrowing off).
 * @csspart action-panel - The lend / change rate / redeem form.
 * @csspart input - An input of the form.
 * @csspart field-error - A field's rule message.
 * @csspart submit-button - The form's send button (busy while a request is in flight).
 * @csspart cancel-button - Closes the form.
 * @csspart action-error - What went wrong with the last action.
 * @csspart notice - What the last action did (a polite status).
 * @csspart stale-badge - The market data is old or the last load failed.
 * @csspart retry-button - Loads again after an error.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - An error box.
 * @csspart message - Empty and not-connected messages.
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
  static override styles = [themeTokens, styles];

  /** `kucoin` (the lending market, the default) or `bitmart` (isolated margin borrowing rates). */
  @property({ reflect: true }) exchange: Exchange = 'kucoin';

  /** Milliseconds between reloads of the market (default 60000, never below 5000). */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = DEFAULT_LENDING_POLL_MS;

  /** Shows only currencies (KuCoin) or pairs (BitMart) containing this text; the filter input edits it. */
  @property() filter = '';

  /** BitMart: the pair last chosen (set when a `margin-symbol-select` is not prevented). */
  @property({ reflect: true }) selected = '';

  @state() private tab: Tab = 'market';
  @state() private marketSort: SortState<MarketKey> = { key: 'currency', direction: 'ascending' };
  @state() private pairSort: SortState<PairKey> = { key: 'symbol', direction: 'ascending' };
  @state() private ordersStatus: LendingOrderStatus = 'PENDING';
  @state() private ordersPage = 1;
  @state() private redemptionsStatus: LendingOrderStatus = 'PENDING';
  @state() private redemptionsPage = 1;
  /** Bumped after an action so the order lists load again. */
  @state() private ordersRevision = 0;
  @state() private histories = new Map<string, History>();

  @state() private action: Action | undefined;
  @state() private sizeText = '';
  @state() private rateText = '';
  @state() private violations: FieldViolations = {};
  @state() private busy: Busy;
  @state() private actionError = '';
  @state() private actionNote = '';
  /** Sent, outcome unknown, not yet found: the form offers "Check again" instead of a second send. */
  @state() private unconfirmed: Unconfirmed | undefined;
  @state() private notice = '';

  private readonly loanMarket = new PollController<LoanMarket[]>(this, (s) => this.onPoll(s));
  private readonly pairs = new PollController<IsolatedPair[]>(this, (s) => this.onPoll(s));
  private seenError: unknown;

  private readonly orders = new Task(this, {
    task: async ([client, active, status, page], { signal }): Promise<Listed<PurchaseOrdersResult> | undefined> => {
      if (!client || !active) return undefined;
      return { view: `${status}:${page}`, page: await getPurchaseOrders(client.transport, { status, currentPage: page, pageSize: PAGE_SIZE }, { signal }) };
    },
    args: () => [this.client, this.isKucoin && this.tab === 'orders', this.ordersStatus, this.ordersPage, this.ordersRevision] as const,
  });

  private readonly redemptions = new Task(this, {
    task: async ([client, active, status, page], { signal }): Promise<Listed<RedeemOrdersResult> | undefined> => {
      if (!client || !active) return undefined;
      return { view: `${status}:${page}`, page: await getRedeemOrders(client.transport, { status, currentPage: page, pageSize: PAGE_SIZE }, { signal }) };
    },
    args: () => [this.client, this.isKucoin && this.tab === 'redemptions', this.redemptionsStatus, this.redemptionsPage, this.ordersRevision] as const,
  });

  private historyObserver: IntersectionObserver | undefined;
  private observedCells = new WeakSet<Element>();
  private historyQueue: string[] = [];
  private historyActive = 0;
  /** The button that opened the panel: focus goes back to it when the panel closes. */
  private opener: { selector: string } | undefined;

  private get isKucoin(): boolean {
    return this.exchange !== 'bitmart';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof IntersectionObserver !== 'undefined') {
      this.historyObserver = new IntersectionObserver((entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const currency = (entry.target as HTMLElement).dataset.history;
          this.historyObserver?.unobserve(entry.target);
          if (currency) this.loadHistory(currency);
        }
      });
    }
    // Back on the page: the next update observes the cells again.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.historyObserver?.disconnect();
    this.historyObserver = undefined;
    this.observedCells = new WeakSet();
    // Histories not started yet are dropped: a removed element loads nothing more.
    if (this.historyQueue.length > 0) {
      const next = new Map(this.histories);
      for (const currency of this.historyQueue) next.delete(currency);
      this.histories = next;
      this.historyQueue = [];
    }
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('exchange') && changed.get('exchange') !== undefined) this.closeAction(false);
    const client = this.client;
    const intervalMs = clampLendingInterval(this.pollInterval);
    if (!client) {
      this.loanMarket.set(undefined);
      this.pairs.set(undefined);
      return;
    }
    if (this.isKucoin) {
      this.pairs.set(undefined);
      this.loanMarket.set({
        client,
        key: LOAN_MARKET_KEY,
        intervalMs,
        // Polled for freshness, read through the page cache that the borrow/repay venue shares.
        loader: (signal) => client.hub.cached(LOAN_MARKET_KEY, REFERENCE_TTL_MS, () => getLoanMarket(client.transport), signal),
      });
    } else {
      this.loanMarket.set(undefined);
      this.pairs.set({
        client,
        key: BITMART_PAIRS_KEY,
        intervalMs,
        loader: (signal) => client.hub.cached(BITMART_PAIRS_KEY, REFERENCE_TTL_MS, () => getIsolatedPairs(client.transport), signal),
      });
    }
  }

  override updated(): void {
    // Sparklines load when their cell comes on screen (or all at once where nothing can tell).
    if (!this.isConnected) return; // a last update after removal
    const unobservable: string[] = [];
    for (const cell of this.renderRoot.querySelectorAll<HTMLElement>('[data-history]')) {
      if (this.observedCells.has(cell)) continue;
      this.observedCells.add(cell);
      if (this.historyObserver) this.historyObserver.observe(cell);
      else unobservable.push(cell.dataset.history!);
    }
    // Not from within this update: loading changes state.
    if (unobservable.length > 0) queueMicrotask(() => unobservable.forEach((currency) => this.loadHistory(currency)));
  }

  private onPoll(state: PollState<unknown>): void {
    if (state.error !== undefined && this.seenError === undefined) this.reportError(state.error, 'load');
    this.seenError = state.error;
  }

  // ---- data helpers ----

  private marketFor(currency: string): LoanMarket | undefined {
    return this.loanMarket.state.value?.find((m) => m.currency === currency);
  }

  private amount(value: Decimal | undefined, currency: string): string {
    if (value === undefined) return '—';
    const increment = this.marketFor(currency)?.increment;
    return formatDecimal(value, { locale: this.effectiveLocale, ...(increment ? { increment } : {}) });
  }

  private rate(value: Decimal | undefined): string {
    return value === undefined ? '—' : formatRate(value, 'annual', { locale: this.effectiveLocale });
  }

  /** A rule's limit in the field's own terms: rates as percentages, sizes in the currency's digits. */
  private describe(violation: RuleViolation, currency: string): string {
    const asRate = violation.field === 'interestRate';
    return describeViolation(violation, (limit) =>
      asRate ? formatRate(limit, 'annual', { locale: this.effectiveLocale, maxDecimals: 4 }) : this.amount(new Decimal(limit), currency),
    );
  }

  private time(ms: number): string {
    return new Intl.DateTimeFormat(this.effectiveLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
  }

  private loadHistory(currency: string): void {
    if (this.histories.has(currency)) return;
    this.histories = new Map(this.histories).set(currency, { state: 'loading' });
    this.historyQueue.push(currency);
    this.pumpHistory();
  }

  /** At most a few history requests at once, whatever the number of rows coming on screen. */
  private pumpHistory(): void {
    const client = this.client;
    if (!client || !this.isConnected) return;
    while (this.historyActive < HISTORY_CONCURRENCY && this.historyQueue.length > 0) {
      const currency = this.historyQueue.shift()!;
      this.historyActive += 1;
      client.hub
        .cached(historyKey(currency), HISTORY_TTL_MS, () => getLoanMarketInterestRate(client.transport, { currency }))
        .then(
          (points) => ({ state: 'ready', values: points.map((p) => p.marketInterestRate) }) as History,
          () => ({ state: 'failed' }) as History,
        )
        .then((history) => {
          this.histories = new Map(this.histories).set(currency, history);
        })
        .finally(() => {
          this.historyActive -= 1;
          this.pumpHistory();
        });
    }
  }

  private retryMarket(): void {
    // Failed sparklines try again with the market.
    const failed = [...this.histories].filter(([, h]) => h.state === 'failed').map(([c]) => c);
    if (failed.length > 0) {
      const next = new Map(this.histories);
      for (const currency of failed) next.delete(currency);
      this.histories = next;
      for (const currency of failed) this.loadHistory(currency);
    }
    (this.isKucoin ? this.loanMarket : this.pairs).refresh();
  }

  // ---- tabs ----

  private selectTab(tab: Tab, focus = false): void {
    this.tab = tab;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  private onTabKey(event: KeyboardEvent): void {
    const index = TABS.indexOf(this.tab);
    const target =
      event.key === 'ArrowRight' ? TABS[(index + 1) % TABS.length]
      : event.key === 'ArrowLeft' ? TABS[(index + TABS.length - 1) % TABS.length]
      : event.key === 'Home' ? TABS[0]
      : event.key === 'End' ? TABS[TABS.length - 1]
      : undefined;
    if (!target) return;
    event.preventDefault();
    this.selectTab(target, true);
  }

  // ---- the action panel ----

  private openAction(action: Action, opener: string): void {
    if (this.busy) return;
    this.action = action;
    this.opener = { selector: opener };
    this.sizeText = '';
    this.rateText = action.kind === 'modify' ? fractionToPercent(action.order.interestRate).toString() : '';
    if (action.kind === 'lend') {
      const market = this.marketFor(action.currency)?.marketInterestRate;
      if (market) this.rateText = fractionToPercent(market).toString();
    }
    this.violations = {};
    this.actionError = '';
    this.actionNote = '';
    this.unconfirmed = undefined;
    if (action.kind === 'redeem') void this.loadHolding(action.order);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('.panel input')?.focus());
  }

  private closeAction(restoreFocus = true): void {
    if (this.busy) return;
    const opener = this.opener;
    this.action = undefined;
    this.unconfirmed = undefined;
    this.opener = undefined;
    if (restoreFocus && opener) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(opener.selector)?.focus());
    }
  }

  /** What a purchase order still holds: its size less the redeems asked of it. */
  private async loadHolding(order: PurchaseOrder): Promise<void> {
    const client = this.client;
    if (!client) return;
    const sizes: Decimal[] = [];
    try {
      for (const status of ['PENDING', 'DONE'] as const) {
        for (let page = 1; page <= HOLDING_PAGES; page += 1) {
          const result = await getRedeemOrders(client.transport, { status, currency: order.currency, currentPage: page, pageSize: 50 });
          for (const redeem of result.items) if (redeem.purchaseOrderNo === order.purchaseOrderNo) sizes.push(redeem.redeemSize);
          if (page >= result.totalPage) break;
        }
      }
      this.updateRedeemAction(order, { holding: holdingOf(order.purchaseSize, sizes), holding_state: 'ready' });
    } catch {
      this.updateRedeemAction(order, { holding: order.purchaseSize, holding_state: 'failed' });
    }
  }

  private updateRedeemAction(order: PurchaseOrder, patch: { holding: Decimal; holding_state: 'ready' | 'failed' }): void {
    const action = this.action;
    if (action?.kind === 'redeem' && action.order.purchaseOrderNo === order.purchaseOrderNo) this.action = { ...action, ...patch };
  }

  /** Checks the form; the parameters to send, or nothing (the violations are shown). */
  private check(action: Action): Sent | undefined {
    const currency = action.kind === 'lend' ? action.currency : action.order.currency;
    const market = this.marketFor(currency);
    if (!market) {
      this.actionError = words.unknownCurrency(currency);
      return undefined;
    }
    if (action.kind === 'lend' && market.purchaseEnable === false) {
      this.actionError = words.lendingOffReason(currency);
      return undefined;
    }
    if (action.kind === 'redeem' && market.redeemEnable === false) {
      this.actionError = words.redeemOffReason(currency);
      return undefined;
    }
    const checked =
      action.kind === 'lend' ? checkPurchase(market, this.sizeText, this.rateText)
      : action.kind === 'modify' ? checkModify(market, action.order.purchaseOrderNo, this.rateText)
      : checkRedeem(market, action.order.purchaseOrderNo, action.holding ?? action.order.purchaseSize, this.sizeText);
    if (!checked.ok) {
      this.violations = checked.violations;
      return undefined;
    }
    this.violations = {};
    return { kind: action.kind, params: checked.params } as Sent;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const client = this.client;
    const action = this.action;
    if (this.busy || !client || !action) return; // one click, one request
    if (action.kind === 'redeem' && action.holding_state === 'loading') return;
    if (this.unconfirmed) {
      await this.confirm(client, this.unconfirmed);
      return;
    }
    this.actionError = '';
    this.actionNote = '';
    const sent = this.check(action);
    if (!sent) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.panel [aria-invalid="true"]')?.focus());
      return;
    }
    const before = new MarginBeforeSubmitEvent({ venue: 'kucoin', action: ACTION_NAMES[sent.kind], params: { ...sent.params } });
    this.dispatchEvent(before);
    if (before.defaultPrevented) {
      this.actionNote = words.vetoed;
      return;
    }
    this.busy = 'sending';
    const since = Date.now();
    try {
      const orderNo = await sendAction(client, sent);
      this.busy = undefined;
      this.succeeded(client, sent, orderNo);
    } catch (error) {
      this.busy = undefined;
      if (outcomeUnknown(error)) {
        // It may have gone through: find out before the trader can send it again.
        this.unconfirmed = { ...sent, since, error };
        this.actionNote = words.notConfirmed;
        await this.confirm(client, this.unconfirmed);
      } else {
        this.actionError = this.reportError(error, ACTION_NAMES[sent.kind]);
      }
    }
  }

  /** After an unknown outcome: looks the action up at the venue before anything may be sent again. */
  private async confirm(client: MarginConnection, unconfirmed: Unconfirmed): Promise<void> {
    this.busy = 'checking';
    try {
      const found = await findAction(client, unconfirmed, unconfirmed.since);
      this.busy = undefined;
      this.unconfirmed = undefined;
      if (found) {
        this.actionNote = '';
        this.succeeded(client, unconfirmed, found);
      } else {
        this.actionNote = words.notFound;
        this.reportError(unconfirmed.error, ACTION_NAMES[unconfirmed.kind]);
      }
    } catch {
      this.busy = undefined;
      this.actionNote = words.lookupFailed;
      this.reportError(unconfirmed.error, ACTION_NAMES[unconfirmed.kind]);
    }
  }

  private succeeded(client: MarginConnection, sent: Sent, orderNo: string): void {
    const locale = this.effectiveLocale;
    if (sent.kind === 'lend') {
      const { currency, size, interestRate } = sent.params;
      this.dispatchEvent(new MarginPurchasedEvent({ currency, size, interestRate, orderNo }));
      this.notice = words.purchased(this.amount(new Decimal(size), currency), currency, formatRate(interestRate, 'annual', { locale }));
    } else if (sent.kind === 'modify') {
      const { currency, purchaseOrderNo, interestRate } = sent.params;
      this.dispatchEvent(new MarginPurchaseModifiedEvent({ currency, purchaseOrderNo, interestRate }));
      this.notice = words.modified(currency, formatRate(interestRate, 'annual', { locale }));
    } else {
      const { currency, purchaseOrderNo, size } = sent.params;
      this.dispatchEvent(new MarginRedeemedEvent({ currency, purchaseOrderNo, size, orderNo }));
      this.notice = words.redeemed(this.amount(new Decimal(size), currency), currency);
    }
    if (sent.kind !== 'modify') {
      // What can be lent or redeemed changed: every element on the page reloads the market.
      client.hub.invalidate(LOAN_MARKET_KEY);
      this.loanMarket.refresh();
    }
    this.ordersRevision += 1;
    this.closeAction();
  }

  // ---- BitMart selection ----

  private onPairClick(event: Event): void {
    const row = event.target instanceof Element ? event.target.closest<HTMLElement>('tr[data-symbol]') : null;
    const symbol = row?.dataset.symbol;
    if (!symbol) return;
    const select = new MarginSymbolSelectEvent({ symbol, exchange: 'bitmart' });
    this.dispatchEvent(select);
    if (!select.defaultPrevented) this.selected = symbol;
  }

  // ---- rendering ----

  override render(): TemplateResult {
    if (!this.client) return html`<p part="message" class="message">${sharedStrings.noProxy}</p>`;
    if (!this.isKucoin) return this.renderPairs();
    return html`
      <div part="tabs" role="tablist" aria-label=${words.tabsLabel} @keydown=${this.onTabKey}>
        ${TABS.map(
          (tab) => html`<button
            part="tab"
            role="tab"
            id="tab-${tab}"
            type="button"
            aria-selected=${String(this.tab === tab)}
            aria-controls="panel-${tab}"
            tabindex=${this.tab === tab ? 0 : -1}
            @click=${() => this.selectTab(tab)}
          >${words.tabs[tab]}</button>`,
        )}
      </div>
      ${TABS.map(
        (tab) => html`<div part="panel" role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}" ?hidden=${this.tab !== tab}>
          ${this.tab !== tab ? nothing : tab === 'market' ? this.renderMarket() : tab === 'orders' ? this.renderOrders() : this.renderRedemptions()}
        </div>`,
      )}
      ${this.renderPanel()}
      <p part="notice" class="notice" role="status">${this.notice}</p>
    `;
  }

  private skeleton(): TemplateResult {
    return html`<div part="skeleton" class="skeleton" aria-busy="true">
      <span class="visually-hidden">${words.loading}</span>
      ${[1, 2, 3, 4].map(() => html`<span class="bone"></span>`)}
    </div>`;
  }

  private errorBox(error: unknown, retry: () => void): TemplateResult {
    return html`<div part="error" class="error" role="alert">
      <span>${describeError(error)}</span>
      <button part="retry-button" class="button" type="button" @click=${retry}>${sharedStrings.retry}</button>
    </div>`;
  }

  private message(text: string): TemplateResult {
    return html`<p part="message" class="message">${text}</p>`;
  }

  /** The filter, and the stale badge (with a retry while the last load failed). */
  private toolbar(state: PollState<unknown>, label: string): TemplateResult {
    return html`<div part="toolbar" class="toolbar">
      <div class="field">
        <label for="filter">${label}</label>
        <input
          part="filter"
          id="filter"
          type="search"
          autocomplete="off"
          .value=${this.filter}
          @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)}
        />
      </div>
      ${state.stale || state.error !== undefined
        ? html`<span part="stale-badge" class="stale" title=${state.error !== undefined ? describeError(state.error) : sharedStrings.staleTitle}
              >${sharedStrings.stale}<span class="visually-hidden">: ${sharedStrings.staleTitle}</span></span
            >
            ${state.error !== undefined
              ? html`<button part="retry-button" class="button" type="button" @click=${this.retryMarket}>${sharedStrings.retry}</button>`
              : nothing}`
        : nothing}
    </div>`;
  }

  private sortHeader<K extends string>(key: K, label: string, sort: SortState<K>, onSort: (key: K) => void): TemplateResult {
    const sorted = sort.key === key;
    return html`<th scope="col" aria-sort=${sorted ? sort.direction : nothing}>
      <button part="sort-button" class="sort" type="button" @click=${() => onSort(key)}>
        ${label}<span class="sort-mark" aria-hidden="true">${sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}</span>
      </button>
    </th>`;
  }

  private renderMarket(): TemplateResult {
    const state = this.loanMarket.state;
    if (state.value === undefined) return state.error !== undefined ? this.errorBox(state.error, () => this.retryMarket()) : this.skeleton();
    const column = MARKET_COLUMNS.find((c) => c.key === this.marketSort.key)!;
    const rows = sortRows(
      filterRows(state.value, this.filter, (m) => [m.currency]),
      column.value,
      this.marketSort.direction,
    );
    const onSort = (key: MarketKey) => (this.marketSort = nextSort(this.marketSort, key));
    const header = (key: MarketKey) => this.sortHeader(key, words.columns[key], this.marketSort, onSort);
    return html`${this.toolbar(state, words.filter)}
      ${rows.length === 0
        ? this.message(state.value.length === 0 ? words.noMarket : words.noMatch(this.filter.trim()))
        : html`<div class="scroll" role="region" aria-label=${words.marketCaption} tabindex="0">
            <table part="table">
              <caption>${words.marketCaption}</caption>
              <thead>
                <tr>
                  ${header('currency')} ${header('marketInterestRate')}
                  <th scope="col">${words.columns.history}</th>
                  ${header('minInterestRate')} ${header('maxInterestRate')} ${header('minPurchaseSize')} ${header('maxPurchaseSize')}
                  ${header('increment')} ${header('purchaseEnable')} ${header('redeemEnable')}
                  <th scope="col">${words.columns.actions}</th>
                </tr>
              </thead>
              <tbody>
                ${repeat(rows, (m) => m.currency, (m) => this.marketRow(m))}
              </tbody>
            </table>
          </div>`}`;
  }

  private marketRow(m: LoanMarket): TemplateResult {
    const onOff = (value: boolean | undefined) => (value === undefined ? '—' : value ? words.on : words.off);
    return html`<tr part="row">
      <th scope="row">${m.currency}</th>
      <td>${this.rate(m.marketInterestRate)}</td>
      <td data-history=${m.currency}>${this.sparkline(m.currency)}</td>
      <td>${this.rate(m.minInterestRate)}</td>
      <td>${this.rate(m.maxInterestRate)}</td>
      <td>${this.amount(m.minPurchaseSize, m.currency)}</td>
      <td>${this.amount(m.maxPurchaseSize, m.currency)}</td>
      <td>${this.amount(m.increment, m.currency)}</td>
      <td class=${m.purchaseEnable === false ? 'off' : ''}>${onOff(m.purchaseEnable)}</td>
      <td class=${m.redeemEnable === false ? 'off' : ''}>${onOff(m.redeemEnable)}</td>
      <td>
        ${m.purchaseEnable === false
          ? html`<span part="disabled-reason" class="badge">${words.lendingOff}</span>`
          : html`<button
              part="action-button"
              class="button"
              type="button"
              data-action="lend"
              data-currency=${m.currency}
              @click=${() => this.openAction({ kind: 'lend', currency: m.currency }, `[data-action="lend"][data-currency="${m.currency}"]`)}
            >${words.lend}<span class="visually-hidden"> ${m.currency}</span></button>`}
      </td>
    </tr>`;
  }

  private sparkline(currency: string): TemplateResult {
    const history = this.histories.get(currency);
    if (!history || history.state === 'loading') {
      return html`<span class="spark-empty" role="img" aria-label=${words.historyLoading}></span>`;
    }
    const summary = history.state === 'ready' ? summarize(history.values) : undefined;
    if (history.state === 'failed' || !summary) return html`<span class="off">${words.historyUnavailable}</span>`;
    const r = (v: Decimal) => this.rate(v);
    return html`<svg part="sparkline" class="spark" viewBox="0 0 80 20" role="img" aria-label=${words.historyLabel(r(summary.first), r(summary.last), r(summary.low), r(summary.high))}>
      <polyline points=${sparklinePoints(history.values, 80, 20)}></polyline>
    </svg>`;
  }

  private statusPicker(id: string, value: LendingOrderStatus, onChange: (status: LendingOrderStatus) => void): TemplateResult {
    return html`<div part="toolbar" class="toolbar">
      <div class="field">
        <label for=${id}>${words.statusLabel}</label>
        <select id=${id} .value=${value} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value as LendingOrderStatus)}>
          <option value="PENDING" ?selected=${value === 'PENDING'}>${words.statuses.PENDING}</option>
          <option value="DONE" ?selected=${value === 'DONE'}>${words.statuses.DONE}</option>
        </select>
      </div>
    </div>`;
  }

  private pager(page: number, total: number, go: (page: number) => void): TemplateResult | typeof nothing {
    if (total <= 1) return nothing;
    return html`<div part="pager" class="pager">
      <button class="button" type="button" ?disabled=${page <= 1} @click=${() => go(page - 1)}>${words.previous}</button>
      <span>${words.pageOf(page, total)}</span>
      <button class="button" type="button" ?disabled=${page >= total} @click=${() => go(page + 1)}>${words.next}</button>
    </div>`;
  }

  /** A list's states: error, a skeleton on first load, else the list (the last one stays up while it reloads). */
  private taskBody<T>(task: Task<readonly unknown[], Listed<T> | undefined>, view: string, body: (page: T) => TemplateResult): TemplateResult {
    if (task.status === TaskStatus.ERROR) return this.errorBox(task.error, () => void task.run());
    const listed = task.value;
    if (!listed || listed.view !== view || task.status === TaskStatus.INITIAL) return this.skeleton();
    return html`<div aria-busy=${task.status === TaskStatus.PENDING ? 'true' : 'false'}>${body(listed.page)}</div>`;
  }

  private renderOrders(): TemplateResult {
    return html`${this.statusPicker('orders-status', this.ordersStatus, (s) => {
        this.ordersStatus = s;
        this.ordersPage = 1;
      })}
      ${this.taskBody(this.orders, `${this.ordersStatus}:${this.ordersPage}`, (page) =>
        page.items.length === 0
          ? this.message(words.noOrders[this.ordersStatus])
          : html`<div class="scroll" role="region" aria-label=${words.tabs.orders} tabindex="0">
                <table part="table">
                  <caption class="visually-hidden">${words.tabs.orders}</caption>
                  <thead>
                    <tr>
                      ${(['currency', 'order', 'amount', 'lent', 'rate', 'interest', 'time', 'status', 'actions'] as const).map(
                        (c) => html`<th scope="col">${words.columns[c]}</th>`,
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    ${repeat(page.items, (o) => o.purchaseOrderNo, (o) => this.orderRow(o))}
                  </tbody>
                </table>
              </div>
              ${this.pager(page.currentPage, page.totalPage, (p) => (this.ordersPage = p))}`,
      )}`;
  }

  private orderRow(o: PurchaseOrder): TemplateResult {
    const market = this.marketFor(o.currency);
    const opener = (action: string) => `[data-action="${action}"][data-order="${o.purchaseOrderNo}"]`;
    return html`<tr part="row">
      <th scope="row">${o.currency}</th>
      <td><code>${o.purchaseOrderNo}</code></td>
      <td>${this.amount(o.purchaseSize, o.currency)}</td>
      <td>${this.amount(o.matchSize, o.currency)}</td>
      <td>${this.rate(o.interestRate)}</td>
      <td>${formatDecimal(o.incomeSize, { locale: this.effectiveLocale, maxDecimals: INTEREST_DECIMALS })}</td>
      <td>${this.time(o.applyTime)}</td>
      <td>${words.statuses[o.status]}</td>
      <td>
        ${o.status !== 'PENDING'
          ? nothing
          : html`<button
                part="action-button"
                class="button"
                type="button"
                data-action="modify"
                data-order=${o.purchaseOrderNo}
                @click=${() => this.openAction({ kind: 'modify', order: o }, opener('modify'))}
              >${words.changeRate}<span class="visually-hidden"> ${o.currency} ${o.purchaseOrderNo}</span></button>
              ${market?.redeemEnable === false
                ? html`<span part="disabled-reason" class="badge">${words.redeemOff}</span>`
                : html`<button
                    part="action-button"
                    class="button"
                    type="button"
                    data-action="redeem"
                    data-order=${o.purchaseOrderNo}
                    @click=${() => this.openAction({ kind: 'redeem', order: o, holding_state: 'loading' }, opener('redeem'))}
                  >${words.redeem}<span class="visually-hidden"> ${o.currency} ${o.purchaseOrderNo}</span></button>`}`}
      </td>
    </tr>`;
  }

  private renderRedemptions(): TemplateResult {
    return html`${this.statusPicker('redemptions-status', this.redemptionsStatus, (s) => {
        this.redemptionsStatus = s;
        this.redemptionsPage = 1;
      })}
      ${this.taskBody(this.redemptions, `${this.redemptionsStatus}:${this.redemptionsPage}`, (page) =>
        page.items.length === 0
          ? this.message(words.noRedemptions[this.redemptionsStatus])
          : html`<div class="scroll" role="region" aria-label=${words.tabs.redemptions} tabindex="0">
                <table part="table">
                  <caption class="visually-hidden">${words.tabs.redemptions}</caption>
                  <thead>
                    <tr>
                      ${(['currency', 'order', 'purchaseOrder', 'asked', 'received', 'time', 'status'] as const).map(
                        (c) => html`<th scope="col">${words.columns[c]}</th>`,
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    ${repeat(
                      page.items,
                      (r: RedeemOrder) => r.redeemOrderNo,
                      (r) => html`<tr part="row">
                        <th scope="row">${r.currency}</th>
                        <td><code>${r.redeemOrderNo}</code></td>
                        <td><code>${r.purchaseOrderNo}</code></td>
                        <td>${this.amount(r.redeemSize, r.currency)}</td>
                        <td>${this.amount(r.receiptSize, r.currency)}</td>
                        <td>${this.time(r.applyTime)}</td>
                        <td>${words.statuses[r.status]}</td>
                      </tr>`,
                    )}
                  </tbody>
                </table>
              </div>
              ${this.pager(page.currentPage, page.totalPage, (p) => (this.redemptionsPage = p))}`,
      )}`;
  }

  private field(options: {
    id: 'size' | 'rate';
    label: string;
    value: string;
    hint: string;
    violation: RuleViolation | undefined;
    currency: string;
    onInput: (value: string) => void;
  }): TemplateResult {
    const error = options.violation ? this.describe(options.violation, options.currency) : '';
    return html`<div class="field">
      <label for=${options.id}>${options.label}</label>
      <input
        part="input"
        id=${options.id}
        name=${options.id}
        inputmode="decimal"
        autocomplete="off"
        .value=${options.value}
        aria-invalid=${options.violation ? 'true' : 'false'}
        aria-describedby=${error ? `${options.id}-hint ${options.id}-error` : `${options.id}-hint`}
        @input=${(e: Event) => options.onInput((e.target as HTMLInputElement).value)}
      />
      <p class="hint" id="${options.id}-hint">${options.hint}</p>
      ${error ? html`<p part="field-error" class="field-error" id="${options.id}-error">${error}</p>` : nothing}
    </div>`;
  }

  private renderPanel(): TemplateResult | typeof nothing {
    const action = this.action;
    if (!action) return nothing;
    const currency = action.kind === 'lend' ? action.currency : action.order.currency;
    const market = this.marketFor(currency);
    const title =
      action.kind === 'lend' ? words.lendTitle(currency) : action.kind === 'modify' ? words.modifyTitle(currency) : words.redeemTitle(currency);
    const rate = (v: Decimal | undefined) => (v === undefined ? '—' : formatRate(v, 'annual', { locale: this.effectiveLocale, maxDecimals: 4 }));
    const sizeHint =
      action.kind === 'redeem'
        ? action.holding_state === 'loading'
          ? words.loading
          : `${words.redeemHint(this.amount(action.holding, currency), this.amount(market?.increment, currency))}${action.holding_state === 'failed' ? ` ${words.holdingUnknown}` : ''}`
        : words.sizeHint(this.amount(market?.minPurchaseSize, currency), this.amount(market?.maxPurchaseSize, currency), this.amount(market?.increment, currency));
    const rateHint = words.rateHint(rate(market?.minInterestRate), rate(market?.maxInterestRate), rate(market?.interestIncrement), market?.marketInterestRate ? rate(market.marketInterestRate) : undefined);
    const waiting = this.busy !== undefined || (action.kind === 'redeem' && action.holding_state === 'loading');
    const submitLabel =
      this.busy === 'sending' ? words.sending
      : this.busy === 'checking' ? words.checking
      : this.unconfirmed ? words.checkAgain
      : action.kind === 'lend' ? words.lend
      : action.kind === 'modify' ? words.changeRate
      : words.redeem;
    return html`<section part="action-panel" class="panel" aria-labelledby="action-title" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.closeAction()}>
      <h3 id="action-title">${title}</h3>
      <form novalidate @submit=${this.submit}>
        ${action.kind !== 'modify'
          ? this.field({
              id: 'size',
              label: action.kind === 'redeem' ? words.redeemSize : words.size,
              value: this.sizeText,
              hint: sizeHint,
              violation: this.violations.size,
              currency,
              onInput: (v) => (this.sizeText = v),
            })
          : nothing}
        ${action.kind !== 'redeem'
          ? this.field({
              id: 'rate',
              label: action.kind === 'modify' ? words.newRate : words.rate,
              value: this.rateText,
              hint: action.kind === 'modify' ? `${rateHint}. ${words.rateChangeNote}` : rateHint,
              violation: this.violations.interestRate,
              currency,
              onInput: (v) => (this.rateText = v),
            })
          : nothing}
        <div class="buttons">
          <button part="submit-button" class="button primary" type="submit" aria-disabled=${waiting ? 'true' : 'false'} aria-busy=${this.busy ? 'true' : 'false'}>
            ${submitLabel}
          </button>
          <button part="cancel-button" class="button" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.closeAction()}>
            ${words.cancel}
          </button>
        </div>
        ${this.actionError ? html`<p part="action-error" class="action-error" role="alert">${this.actionError}</p>` : nothing}
        ${this.actionNote ? html`<p class="hint" role="status">${this.actionNote}</p>` : nothing}
      </form>
    </section>`;
  }

  private renderPairs(): TemplateResult {
    const state = this.pairs.state;
    if (state.value === undefined) return state.error !== undefined ? this.errorBox(state.error, () => this.retryMarket()) : this.skeleton();
    const column = PAIR_COLUMNS.find((c) => c.key === this.pairSort.key)!;
    const rows = sortRows(
      filterRows(state.value, this.filter, (p) => [p.symbol, p.base.currency, p.quote.currency]),
      column.value,
      this.pairSort.direction,
    );
    const onSort = (key: PairKey) => (this.pairSort = nextSort(this.pairSort, key));
    const locale = this.effectiveLocale;
    return html`${this.toolbar(state, words.filterBitmart)}
      ${rows.length === 0
        ? this.message(state.value.length === 0 ? words.noMarket : words.noMatchBitmart(this.filter.trim()))
        : html`<div class="scroll" role="region" aria-label=${words.bitmartCaption} tabindex="0">
            <table part="table">
              <caption>${words.bitmartCaption}</caption>
              <thead>
                <tr>
                  ${PAIR_COLUMNS.map((c) => this.sortHeader(c.key, words.columns[c.key], this.pairSort, onSort))}
                </tr>
              </thead>
              <tbody @click=${this.onPairClick}>
                ${repeat(
                  rows,
                  (p) => p.symbol,
                  (p) => html`<tr part="row" data-symbol=${p.symbol} aria-current=${p.symbol === this.selected ? 'true' : nothing}>
                    <th scope="row">
                      <button part="action-button" class="button" type="button">${p.symbol}</button>
                      ${p.symbol_enabled ? nothing : html`<span part="disabled-reason" class="badge">${words.borrowingOff}</span>`}
                    </th>
                    ${PAIR_COLUMNS.slice(1).map((c) => html`<td>${c.text(p, locale)}</td>`)}
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}`;
  }
}
