import { initialState, Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MarginConnection } from '../../client/connection.js';
import { getIsolatedMarginSymbols, getMarginConfig } from '../../client/kucoin/market.js';
import type { PollState } from '../../client/hub.js';
import {
  borrowRepayVenue,
  type BorrowLimits,
  type BorrowRepayVenue,
  type HistoryPage,
  type LoanAction,
  type LoanRecord,
  type MarginMode,
  type TimeInForce,
} from '../../client/venue.js';
import type { Decimal } from '../../core/decimal.js';
import type { Venue } from '../../core/endpoints.js';
import { formatDecimal, formatRate } from '../../core/format.js';
import { describeError } from '../shared/describe-error.js';
import { MarginBeforeSubmitEvent } from '../shared/events.js';
import { MarginKitElement } from '../shared/margin-element.js';
import { PollController } from '../shared/poll-controller.js';
import { sharedStrings } from '../shared/strings.js';
import { themeTokens } from '../shared/theme.js';
import { MarginBorrowedEvent, MarginRepaidEvent, type MarginLoanDetail } from './events.js';
import {
  checkTimeRange,
  clampPageSize,
  historyTabs,
  tabAfterKey,
  type HistoryTab,
} from './history-query.js';
import { costAtPrecision, interestPreview } from './interest-preview.js';
import { checkLoanDraft, symbolCurrencies, type LoanDraft } from './loan-draft.js';
import { loanParams } from './loan-params.js';
import styles from './margin-borrow-repay.styles.js';
import { borrowRepayStrings as t, describeLoanViolation } from './strings.js';
import { LoanSubmitter, maySubmit, type SubmissionPhase } from './submission.js';

/** What the panel works on once its attributes make sense. */
interface Setup {
  client: MarginConnection;
  venue: BorrowRepayVenue;
  exchange: Venue;
  marginMode: MarginMode;
  /** Isolated only. */
  symbol: string | undefined;
  currency: string;
  /** The limits poll's hub key: panels on one target share one poll. */
  limitsKey: string;
}

interface RiskInfo {
  heading: string;
  maxLeverage: number;
  warningDebtRatio?: Decimal;
  liqDebtRatio?: Decimal;
}

/** Reference data is shared page-wide under these keys (the brief's hub keys) for a minute. */
const REFERENCE_TTL_MS = 60_000;
/** `poll-interval="0"`: load once, then only after an action or a Retry. */
const NO_POLL_MS = 24 * 3_600_000;
/** Rates are tiny fractions; a percentage needs more places than the default. */
const HOURLY_RATE_DECIMALS = 6;
const DAILY_RATE_DECIMALS = 4;

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function formatTime(ms: number, locale: string | undefined): string {
  const key = locale ?? '';
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
    dateTimeFormats.set(key, format);
  }
  return format.format(ms);
}

/**
 * @summary Borrow and repay one margin currency on KuCoin (cross or isolated) or BitMart
 * (isolated): the venue's limits and risk settings, an interest preview, and the borrow, repay
 * and interest histories. A loan is never sent twice.
 *
 * @fires margin-before-submit - Cancelable, before each borrow or repay: `detail.venue`,
 *   `detail.action` (`borrow` | `repay`), `detail.params` (the exact body to be sent, amounts as
 *   exact decimal strings). `preventDefault()` and nothing is sent.
 * @fires margin-borrowed - A borrow went through: `detail` is `MarginLoanDetail` (venue,
 *   marginMode, symbol, currency, orderId, requested, actualSize, foundInHistory).
 * @fires margin-repaid - A repayment went through: `detail` is `MarginLoanDetail`.
 * @fires margin-error - Loading, a refused loan, or a loan whose lost answer was not found in
 *   the history: `detail.error`, `detail.kind`, `detail.message` (what the panel shows),
 *   `detail.action` (`load-limits`, `load-risk`, `load-history`, `borrow`, `repay`,
 *   `check-borrow`, `check-repay`).
 *
 * @csspart panel - The whole panel.
 * @csspart limits - The venue's limits and rates of the currency.
 * @csspart risk - KuCoin's risk settings (maximum leverage, warning and liquidation debt ratios).
 * @csspart form - The borrow/repay form.
 * @csspart amount - The amount input.
 * @csspart submit - The borrow/repay button.
 * @csspart preview - The interest preview.
 * @csspart outcome - What happened to the last borrow or repay.
 * @csspart history - The history tabs, range, table and pager.
 * @csspart tab - Each history tab.
 * @csspart table - The history table.
 * @csspart skeleton - Placeholders while loading.
 * @csspart error - An error message with its Retry button.
 * @csspart stale - The badge shown when the limits could not be refreshed.
 * @csspart disabled - Why the panel (or borrowing) is disabled.
 *
 * @cssprop --margin-kit-font - Font family.
 * @cssprop --margin-kit-font-mono - Font of amounts.
 * @cssprop --margin-kit-font-size - Base font size.
 * @cssprop --margin-kit-radius - Corner radius.
 * @cssprop --margin-kit-space - Spacing unit.
 * @cssprop --margin-kit-fg - Text color.
 * @cssprop --margin-kit-muted - Secondary text and skeleton color.
 * @cssprop --margin-kit-bg - Panel background.
 * @cssprop --margin-kit-surface - Inputs, buttons and the outcome box.
 * @cssprop --margin-kit-border - Borders.
 * @cssprop --margin-kit-accent - The borrow button and the selected tab.
 * @cssprop --margin-kit-buy - The repay button.
 * @cssprop --margin-kit-up - A loan that went through.
 * @cssprop --margin-kit-warning - The stale badge and disabled reasons.
 * @cssprop --margin-kit-error - Errors.
 * @cssprop --margin-kit-focus - Focus ring.
 */
export class MarginBorrowRepay extends MarginKitElement {
  static override styles = [themeTokens, styles];

  /** `kucoin` or `bitmart`. */
  @property() exchange: Venue = 'kucoin';

  /** `cross` or `isolated`; when empty, isolated for BitMart or when a symbol is set, else cross. */
  @property({ attribute: 'margin-mode' }) marginMode: MarginMode | '' = '';

  /** The isolated pair in the venue's spelling (`BTC-USDT` on KuCoin, `BTC_USDT` on BitMart). */
  @property() symbol = '';

  /** The currency to borrow or repay; for an isolated pair, its base when empty. */
  @property() currency = '';

  /** The form's action at first: `borrow` or `repay`. */
  @property() action: LoanAction = 'borrow';

  /** How often the limits and rates refresh, in ms (`0`: only after an action or a Retry). */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = 30_000;

  /** History rows per page (KuCoin 10..500; BitMart shows the newest 1..100 of the range). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 10;

  @state() private amountText = '';
  /** Errors show once the trader typed or tried to send, not on an empty new form. */
  @state() private amountTouched = false;
  @state() private timeInForce: TimeInForce = 'IOC';
  @state() private phase: SubmissionPhase = { kind: 'idle' };
  @state() private tab: HistoryTab = 'borrow';
  @state() private historyPage = 1;
  @state() private rangeFrom = '';
  @state() private rangeTo = '';
  @state() private historyNonce = 0;

  private setup: Setup | undefined;
  private problem: string | undefined;
  private venueCache: { key: string; client: MarginConnection; venue: BorrowRepayVenue } | undefined;
  /** The target of the loan in flight or being checked: attributes may change meanwhile. */
  private activeSetup: Setup | undefined;
  /** The limits failed to load at the last attempt (reported once per run of failures). */
  private limitsFailing = false;

  private readonly limitsPoll = new PollController<BorrowLimits>(this, (s) => this.onLimits(s));

  private readonly submitter = new LoanSubmitter({
    send: (action, request) => {
      const venue = this.activeSetup!.venue;
      return action === 'borrow' ? venue.borrow(request) : venue.repay(request);
    },
    lookUp: (action, request, since) => this.activeSetup!.venue.findOperation(action, request, since),
    now: () => Date.now(),
    onChange: (phase) => this.onPhase(phase),
  });

  private readonly riskTask = new Task(this, {
    task: async ([client, exchange, marginMode, symbol], { signal }): Promise<RiskInfo | typeof initialState> => {
      if (!client || exchange !== 'kucoin') return initialState;
      if (marginMode === 'cross') {
        const config = await client.hub.cached('kucoin:margin-config', REFERENCE_TTL_MS, () => getMarginConfig(client.transport), signal);
        return { heading: t.config.crossHeading, maxLeverage: config.maxLeverage, warningDebtRatio: config.warningDebtRatio, liqDebtRatio: config.liqDebtRatio };
      }
      const symbols = await client.hub.cached('kucoin:isolated-symbols', REFERENCE_TTL_MS, () => getIsolatedMarginSymbols(client.transport), signal);
      const found = symbols.find((s) => s.symbol === symbol);
      return found ? { heading: t.config.isolatedHeading(found.symbol), maxLeverage: found.maxLeverage, liqDebtRatio: found.flDebtRatio } : initialState;
    },
    args: () => [this.setup?.client, this.setup?.exchange, this.setup?.marginMode, this.setup?.symbol] as const,
    onError: (error) => this.reportError(error, 'load-risk'),
  });

  private readonly historyTask = new Task(this, {
    task: async ([setup, tab, page, pageSize, from, to], { signal }): Promise<HistoryPage | typeof initialState> => {
      const range = checkTimeRange(from, to);
      if (!setup || !range.ok) return initialState;
      return setup.venue.history(
        tab,
        { currency: setup.currency, symbol: setup.symbol, page, pageSize: clampPageSize(setup.exchange, pageSize), ...range.range },
        { signal },
      );
    },
    args: () => [this.setup, this.tab, this.historyPage, this.pageSize, this.rangeFrom, this.rangeTo, this.historyNonce] as const,
    onError: (error) => this.reportError(error, 'load-history'),
  });

  // ---- state -------------------------------------------------------------------------------

  private get effectiveMode(): MarginMode {
    if (this.marginMode) return this.marginMode;
    return this.exchange === 'bitmart' || this.symbol ? 'isolated' : 'cross';
  }

  private get effectiveCurrency(): string {
    if (this.currency) return this.currency;
    return this.effectiveMode === 'isolated' ? (symbolCurrencies(this.symbol)[0] ?? '') : '';
  }

  private resolveSetup(): { setup?: Setup; problem?: string } {
    const exchange = this.exchange;
    if (exchange !== 'kucoin' && exchange !== 'bitmart') return { problem: t.disabled.unknownExchange(String(exchange)) };
    const marginMode = this.effectiveMode;
    if (exchange === 'bitmart' && marginMode !== 'isolated') return { problem: t.disabled.bitmartCross };
    const symbol = marginMode === 'isolated' ? this.symbol : undefined;
    if (marginMode === 'isolated' && !symbol) return { problem: t.disabled.noSymbol };
    const currency = this.effectiveCurrency;
    if (!currency) return { problem: t.disabled.noCurrency };
    const client = this.client;
    if (!client) return { problem: sharedStrings.noProxy };
    const venueKey = `${exchange}:${marginMode}`;
    if (!this.venueCache || this.venueCache.key !== venueKey || this.venueCache.client !== client) {
      this.venueCache = { key: venueKey, client, venue: borrowRepayVenue(client.transport, client.hub, exchange, marginMode) };
    }
    const limitsKey = `borrow-repay:limits:${exchange}:${marginMode}:${symbol ?? ''}:${currency}`;
    const previous = this.setup;
    const setup: Setup =
      previous && previous.client === client && previous.limitsKey === limitsKey
        ? previous
        : { client, venue: this.venueCache.venue, exchange, marginMode, symbol, currency, limitsKey };
    return { setup };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const before = this.setup;
    const { setup, problem } = this.resolveSetup();
    this.setup = setup;
    this.problem = problem;
    if (setup !== before) {
      this.historyPage = 1;
      this.submitter.reset();
      if (setup && !setup.venue.hasInterestHistory && this.tab === 'interest') this.tab = 'borrow';
    }
    if (changed.has('action') && changed.get('action') !== undefined) this.submitter.reset();
    this.limitsPoll.set(
      setup
        ? {
            client: setup.client,
            key: setup.limitsKey,
            loader: (signal) => setup.venue.limits({ currency: setup.currency, symbol: setup.symbol }, { signal }),
            intervalMs: this.pollInterval > 0 ? this.pollInterval : NO_POLL_MS,
          }
        : undefined,
    );
  }

  private get limits(): BorrowLimits | undefined {
    const value = this.limitsPoll.state.value;
    const setup = this.setup;
    // A poll shared by key can still hold another target's value for one frame after a change.
    if (!value || !setup || value.currency !== setup.currency) return undefined;
    return value;
  }

  private get draft(): LoanDraft {
    const setup = this.setup;
    return checkLoanDraft({
      action: this.action,
      marginMode: setup?.marginMode ?? this.effectiveMode,
      currency: setup?.currency ?? this.effectiveCurrency,
      symbol: setup?.symbol,
      amountText: this.amountText,
      timeInForce: setup?.exchange === 'kucoin' ? this.timeInForce : undefined,
      limits: this.limits,
    });
  }

  private get places(): number {
    return this.limits?.precision ?? 8;
  }

  private onLimits(state: PollState<BorrowLimits>): void {
    if (state.loading) return;
    const failing = state.error !== undefined;
    if (failing && !this.limitsFailing) this.reportError(state.error, 'load-limits');
    this.limitsFailing = failing;
  }

  private onPhase(phase: SubmissionPhase): void {
    this.phase = phase;
    const setup = this.activeSetup;
    if (!setup) return;
    if (phase.kind === 'succeeded' || phase.kind === 'found') {
      const found = phase.kind === 'found';
      const record = found ? phase.record : undefined;
      const detail: MarginLoanDetail = {
        venue: setup.exchange,
        marginMode: setup.marginMode,
        ...(setup.symbol ? { symbol: setup.symbol } : {}),
        currency: phase.request.currency,
        orderId: record ? record.id : phase.kind === 'succeeded' ? phase.outcome.orderId : '',
        requested: phase.request.amount,
        actualSize: (record ? recordActualSize(record) : phase.kind === 'succeeded' ? phase.outcome.actualSize : undefined)!.toString(),
        foundInHistory: found,
      };
      this.dispatchEvent(phase.action === 'borrow' ? new MarginBorrowedEvent(detail) : new MarginRepaidEvent(detail));
      this.amountText = '';
      this.amountTouched = false;
      this.limitsPoll.refresh();
      this.historyNonce += 1;
    } else if (phase.kind === 'failed' || phase.kind === 'not-found') {
      this.reportError(phase.error, phase.action);
      if (phase.kind === 'failed') this.limitsPoll.refresh();
    } else if (phase.kind === 'unresolved') {
      this.reportError(phase.lookupError, `check-${phase.action}`);
    }
  }

  // ---- actions -----------------------------------------------------------------------------

  private onAmountInput(event: Event): void {
    this.amountText = (event.target as HTMLInputElement).value;
    this.amountTouched = true;
    this.submitter.reset();
  }

  private onActionChange(event: Event): void {
    this.action = (event.target as HTMLInputElement).value as LoanAction;
  }

  private onCurrencyChange(event: Event): void {
    this.currency = (event.target as HTMLSelectElement).value;
  }

  private onTimeInForceChange(event: Event): void {
    this.timeInForce = (event.target as HTMLSelectElement).value as TimeInForce;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const setup = this.setup;
    if (!setup || this.submitter.busy) return;
    this.amountTouched = true;
    const draft = this.draft;
    if (!draft.ok) {
      if (draft.violation.field === 'amount') this.renderRoot.querySelector<HTMLInputElement>('#amount')?.focus();
      return;
    }
    const action = this.action;
    const params = loanParams(setup.exchange, setup.marginMode, action, draft.request);
    this.activeSetup = setup;
    void this.submitter.submit(action, draft.request, () => {
      const before = new MarginBeforeSubmitEvent({ venue: setup.exchange, action, params });
      this.dispatchEvent(before);
      return !before.defaultPrevented;
    });
  }

  private onCheckAgain(): void {
    void this.submitter.recheck();
  }

  private retryLimits(): void {
    this.limitsPoll.refresh();
    this.riskTask.run();
  }

  private selectTab(tab: HistoryTab, focus = false): void {
    if (tab !== this.tab) {
      this.tab = tab;
      this.historyPage = 1;
    }
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  private onTabKeydown(event: KeyboardEvent, tabs: HistoryTab[]): void {
    const next = tabAfterKey(tabs, this.tab, event.key);
    if (!next) return;
    event.preventDefault();
    this.selectTab(next, true);
  }

  private onRangeChange(which: 'from' | 'to', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (which === 'from') this.rangeFrom = value;
    else this.rangeTo = value;
    this.historyPage = 1;
  }

  // ---- rendering -----------------------------------------------------------------------------

  private amount(value: Decimal | string, options: { truncate?: boolean } = {}): string {
    return formatDecimal(value, { locale: this.effectiveLocale, maxDecimals: this.places, truncate: options.truncate });
  }

  override render(): TemplateResult {
    const setup = this.setup;
    const mode = this.effectiveMode;
    const target = [this.effectiveMode === 'isolated' ? this.symbol : '', this.effectiveCurrency].filter(Boolean).join(' · ');
    const venueName = t.venue[this.exchange as Venue] ?? this.exchange;
    return html`
      <section class="panel" part="panel" aria-labelledby="title">
        <header>
          <h2 id="title">${t.title}</h2>
          <span class="subtitle">${t.subtitle(venueName, t.mode[mode], target)}</span>
          ${this.limitsPoll.state.stale
            ? html`<span class="badge" part="stale" title=${sharedStrings.staleTitle}>${sharedStrings.stale}</span>`
            : nothing}
        </header>
        ${setup ? this.renderBody(setup) : html`<p class="disabled-reason" part="disabled" role="note">${this.problem}</p>`}
      </section>
    `;
  }

  private renderBody(setup: Setup): TemplateResult {
    return html`
      ${this.renderLimits(setup)} ${setup.exchange === 'kucoin' ? this.renderRisk() : nothing} ${this.renderForm(setup)}
      ${this.renderHistory(setup)}
    `;
  }

  private renderSkeleton(rows: number, label: string): TemplateResult {
    return html`<div class="skeleton" part="skeleton" role="status" aria-busy="true">
      <span class="visually-hidden">${label}</span>
      ${Array.from({ length: rows }, () => html`<div class="bar"></div>`)}
    </div>`;
  }

  private renderLimits(setup: Setup): TemplateResult {
    const state = this.limitsPoll.state;
    const limits = this.limits;
    let body: TemplateResult;
    if (!limits && state.error !== undefined && !state.loading) {
      body = html`<div class="error" part="error" role="alert">
        ${describeError(state.error)} <button type="button" @click=${this.retryLimits}>${sharedStrings.retry}</button>
      </div>`;
    } else if (!limits) {
      body = this.renderSkeleton(4, sharedStrings.loading);
    } else {
      const none = t.limits.none;
      const locale = this.effectiveLocale;
      body = html`<dl>
        <dt>${t.limits.borrowing}</dt>
        <dd>
          ${limits.borrowEnabled
            ? t.limits.enabled
            : html`<span class="disabled-reason" part="disabled">${limits.disabledReason ? t.limits.disabledBecause(limits.disabledReason) : t.limits.disabled}</span>`}
        </dd>
        <dt>${t.limits.min}</dt>
        <dd>${limits.borrowMinAmount ? this.amount(limits.borrowMinAmount) : none}</dd>
        <dt>${t.limits.max}</dt>
        <dd>${limits.borrowMaxAmount ? this.amount(limits.borrowMaxAmount, { truncate: true }) : none}</dd>
        ${limits.borrowableAmount
          ? html`<dt>${t.limits.borrowable}</dt>
              <dd>${this.amount(limits.borrowableAmount, { truncate: true })}</dd>`
          : nothing}
        ${limits.borrowMinUnit
          ? html`<dt>${t.limits.unit}</dt>
              <dd>${this.amount(limits.borrowMinUnit)}</dd>`
          : nothing}
        <dt>${t.limits.precision}</dt>
        <dd>${limits.precision ?? none}</dd>
        <dt>${t.limits.hourlyRate}</dt>
        <dd>${limits.hourlyRate ? formatRate(limits.hourlyRate, 'hourly', { locale, maxDecimals: HOURLY_RATE_DECIMALS }) : none}</dd>
        <dt>${t.limits.dailyRate}</dt>
        <dd>${limits.dailyRate ? formatRate(limits.dailyRate, 'daily', { locale, maxDecimals: DAILY_RATE_DECIMALS }) : none}</dd>
      </dl>`;
    }
    return html`<section part="limits" aria-labelledby="limits-heading">
      <h3 id="limits-heading">${t.limits.heading} · ${setup.currency}</h3>
      ${body}
    </section>`;
  }

  private renderRisk(): TemplateResult {
    const locale = this.effectiveLocale;
    const content = this.riskTask.render({
      pending: () => this.renderSkeleton(2, sharedStrings.loading),
      error: () => html`<p class="note">${t.config.unavailable}</p>`,
      complete: (risk) => html`<h3 id="risk-heading">${risk.heading}</h3>
        <dl>
          <dt>${t.config.maxLeverage}</dt>
          <dd>${t.config.leverage(formatDecimal(String(risk.maxLeverage), { locale }))}</dd>
          ${risk.warningDebtRatio
            ? html`<dt>${t.config.warningDebtRatio}</dt>
                <dd>${formatRate(risk.warningDebtRatio, 'annual', { locale })}</dd>`
            : nothing}
          ${risk.liqDebtRatio
            ? html`<dt>${t.config.liqDebtRatio}</dt>
                <dd>${formatRate(risk.liqDebtRatio, 'annual', { locale })}</dd>`
            : nothing}
        </dl>`,
    });
    return html`<section part="risk" aria-label=${t.config.heading}>${content ?? nothing}</section>`;
  }

  /** Why the button cannot be pressed now, or undefined when it can (invalid input is explained on the field). */
  private submitBlock(): string | undefined {
    const phase = this.phase;
    if (phase.kind === 'checking' || phase.kind === 'unresolved') return t.form.waitForCheck;
    if (phase.kind === 'sending') return undefined;
    const limits = this.limits;
    if (!limits) return this.limitsPoll.state.error !== undefined ? describeError(this.limitsPoll.state.error) : t.form.notReady;
    const draft = this.draft;
    if (!draft.ok && draft.violation.field !== 'amount') return describeLoanViolation(draft.violation);
    return undefined;
  }

  private renderForm(setup: Setup): TemplateResult {
    const limits = this.limits;
    const draft = this.draft;
    const busy = !maySubmit(this.phase);
    const sending = this.phase.kind === 'sending';
    const block = this.submitBlock();
    const amountError =
      this.amountTouched && !draft.ok && draft.violation.field === 'amount'
        ? `${t.fields.amount}: ${describeLoanViolation(draft.violation, (l) => this.amount(l))}`
        : undefined;
    const hint = limits ? t.form.amountHint(limits.borrowMinUnit && this.action === 'borrow' ? this.amount(limits.borrowMinUnit) : undefined, limits.precision) : '';
    const currencies = setup.marginMode === 'isolated' ? (limits?.currencies ?? symbolCurrencies(setup.symbol)) : [];
    const currencyValid = currencies.includes(setup.currency);
    const action = this.action;
    const describedBy = ['amount-hint', amountError ? 'amount-error' : ''].filter(Boolean).join(' ');
    const shownAmount = draft.ok ? this.amount(draft.amount) : '';
    return html`
      <form part="form" aria-labelledby="form-heading" aria-busy=${busy ? 'true' : 'false'} novalidate @submit=${this.onSubmit}>
        <h3 id="form-heading">${t.form.heading}</h3>
        <fieldset part="action">
          <legend>${t.form.action}</legend>
          ${(['borrow', 'repay'] as const).map(
            (value) => html`<label>
              <input
                type="radio"
                name="action"
                value=${value}
                .checked=${action === value}
                ?disabled=${busy}
                @change=${this.onActionChange}
              />
              ${value === 'borrow' ? t.form.borrow : t.form.repay}
            </label>`,
          )}
        </fieldset>
        ${setup.marginMode === 'isolated'
          ? html`<label>
              ${t.form.currency}
              <select id="currency" ?disabled=${busy} @change=${this.onCurrencyChange} aria-invalid=${currencyValid ? 'false' : 'true'}>
                ${currencyValid ? nothing : html`<option value="" selected>${t.form.chooseCurrency}</option>`}
                ${currencies.map((c) => html`<option value=${c} ?selected=${c === setup.currency}>${c}</option>`)}
              </select>
            </label>`
          : nothing}
        <label>
          ${t.form.amount(setup.currency)}
          <input
            id="amount"
            part="amount"
            type="text"
            inputmode="decimal"
            autocomplete="off"
            spellcheck="false"
            .value=${this.amountText}
            ?readonly=${busy}
            aria-invalid=${amountError ? 'true' : 'false'}
            aria-describedby=${describedBy}
            @input=${this.onAmountInput}
          />
        </label>
        <span id="amount-hint" class="hint">${hint}</span>
        ${amountError ? html`<span id="amount-error" class="field-error">${amountError}</span>` : nothing}
        ${setup.exchange === 'kucoin' && action === 'borrow'
          ? html`<label>
              ${t.form.timeInForce}
              <select id="time-in-force" ?disabled=${busy} @change=${this.onTimeInForceChange}>
                <option value="IOC" ?selected=${this.timeInForce === 'IOC'}>${t.form.ioc}</option>
                <option value="FOK" ?selected=${this.timeInForce === 'FOK'}>${t.form.fok}</option>
              </select>
            </label>`
          : nothing}
        ${action === 'borrow' ? this.renderPreview(setup, draft) : nothing}
        <div>
          <button
            type="submit"
            part="submit"
            class=${action}
            ?disabled=${busy || block !== undefined}
            aria-describedby=${block ? 'submit-block' : nothing}
          >
            ${sending ? t.form.sending(action) : t.form.submit(action, shownAmount, setup.currency)}
          </button>
          ${block ? html`<p id="submit-block" class="disabled-reason" part="disabled">${block}</p>` : nothing}
        </div>
        ${this.renderOutcome()}
      </form>
    `;
  }

  private renderPreview(setup: Setup, draft: LoanDraft): TemplateResult {
    const limits = this.limits;
    if (!limits) return html``;
    const locale = this.effectiveLocale;
    const preview = draft.ok ? interestPreview(draft.amount, limits) : undefined;
    const noRate = !limits.hourlyRate && !limits.dailyRate;
    if (!preview && !noRate) return html``;
    return html`<div class="preview" part="preview" aria-live="polite">
      <span>${t.preview.heading}</span>
      ${preview
        ? html`<ul>
            <li>
              ${t.preview.perHour(
                formatDecimal(costAtPrecision(preview.perHour, this.places), { locale, maxDecimals: this.places }),
                setup.currency,
                formatRate(preview.hourlyRate, 'hourly', { locale, maxDecimals: HOURLY_RATE_DECIMALS }),
              )}
            </li>
            <li>
              ${t.preview.perDay(
                formatDecimal(costAtPrecision(preview.perDay, this.places), { locale, maxDecimals: this.places }),
                setup.currency,
                formatRate(preview.dailyRate, 'daily', { locale, maxDecimals: DAILY_RATE_DECIMALS }),
              )}
            </li>
          </ul>`
        : html`<p class="note">${t.preview.none}</p>`}
    </div>`;
  }

  private outcomeText(): { text: string; tone: 'good' | 'bad' | '' } {
    const phase = this.phase;
    const o = t.outcome;
    if (phase.kind === 'idle') return { text: '', tone: '' };
    const currency = phase.request.currency;
    const amount = this.amount(phase.request.amount);
    switch (phase.kind) {
      case 'vetoed':
        return { text: o.vetoed, tone: '' };
      case 'sending':
        return { text: o.sending(phase.action, amount, currency), tone: '' };
      case 'succeeded': {
        const { outcome } = phase;
        const actual = this.amount(outcome.actualSize);
        const id = outcome.orderId;
        const partial = !outcome.actualSize.eq(outcome.requested);
        if (phase.action === 'borrow') {
          return { text: partial ? o.borrowedPart(actual, amount, currency, id) : o.borrowed(actual, currency, id), tone: 'good' };
        }
        return { text: partial ? o.repaidPart(actual, amount, currency, id) : o.repaid(actual, currency, id), tone: 'good' };
      }
      case 'failed':
        return { text: o.failed(describeError(phase.error)), tone: 'bad' };
      case 'checking':
        return { text: o.checking(phase.action), tone: '' };
      case 'found':
        return { text: o.found(phase.action, this.amount(recordActualSize(phase.record)), currency, phase.record.id), tone: 'good' };
      case 'not-found':
        return { text: o.notFound(phase.action), tone: 'bad' };
      case 'unresolved':
        return { text: o.unresolved(describeError(phase.lookupError)), tone: 'bad' };
    }
  }

  private renderOutcome(): TemplateResult {
    const { text, tone } = this.outcomeText();
    return html`
      <div class="outcome ${tone}" part="outcome" role="status" aria-live="polite">${text}</div>
      ${this.phase.kind === 'unresolved'
        ? html`<div><button type="button" id="check-again" @click=${this.onCheckAgain}>${t.outcome.checkAgain}</button></div>`
        : nothing}
    `;
  }

  private renderHistory(setup: Setup): TemplateResult {
    const tabs = historyTabs(setup.venue.hasInterestHistory);
    const selected = tabs.includes(this.tab) ? this.tab : 'borrow';
    const range = checkTimeRange(this.rangeFrom, this.rangeTo);
    const rangeError = range.ok ? undefined : range.rule === 'order' ? t.history.rangeOrder : t.history.rangeNotADate;
    const rangeErrorField = range.ok ? undefined : range.field;
    return html`<section part="history" aria-labelledby="history-heading">
      <h3 id="history-heading">${t.history.heading}</h3>
      <div role="tablist" aria-labelledby="history-heading">
        ${tabs.map(
          (tab) => html`<button
            type="button"
            role="tab"
            part="tab"
            id="tab-${tab}"
            aria-selected=${tab === selected ? 'true' : 'false'}
            aria-controls="history-panel"
            tabindex=${tab === selected ? 0 : -1}
            @click=${() => this.selectTab(tab)}
            @keydown=${(e: KeyboardEvent) => this.onTabKeydown(e, tabs)}
          >
            ${t.history.tabs[tab]}
          </button>`,
        )}
      </div>
      <div id="history-panel" role="tabpanel" aria-labelledby="tab-${selected}">
        <div class="range">
          <label>
            ${t.history.from}
            <input
              id="range-from"
              type="datetime-local"
              .value=${this.rangeFrom}
              aria-invalid=${rangeErrorField === 'from' ? 'true' : 'false'}
              aria-describedby=${rangeErrorField === 'from' ? 'range-error' : nothing}
              @change=${(e: Event) => this.onRangeChange('from', e)}
            />
          </label>
          <label>
            ${t.history.to}
            <input
              id="range-to"
              type="datetime-local"
              .value=${this.rangeTo}
              aria-invalid=${rangeErrorField === 'to' ? 'true' : 'false'}
              aria-describedby=${rangeErrorField === 'to' ? 'range-error' : nothing}
              @change=${(e: Event) => this.onRangeChange('to', e)}
            />
          </label>
        </div>
        ${rangeError ? html`<p id="range-error" class="field-error">${rangeError}</p>` : this.renderHistoryContent(setup, selected)}
      </div>
    </section>`;
  }

  private renderHistoryContent(setup: Setup, tab: HistoryTab): TemplateResult {
    return (
      this.historyTask.render({
        initial: () => this.renderSkeleton(3, sharedStrings.loading),
        pending: () => this.renderSkeleton(3, sharedStrings.loading),
        error: (error) => html`<div class="error" part="error" role="alert">
          ${describeError(error)} <button type="button" @click=${() => this.historyTask.run()}>${sharedStrings.retry}</button>
        </div>`,
        complete: (page) => this.renderHistoryPage(setup, tab, page),
      }) ?? html``
    );
  }

  private renderHistoryPage(setup: Setup, tab: HistoryTab, page: HistoryPage): TemplateResult {
    const h = t.history;
    const locale = this.effectiveLocale;
    const pager =
      page.totalPages === undefined
        ? html`<p class="note">${h.newest(clampPageSize(setup.exchange, this.pageSize))}</p>`
        : html`<div class="pager">
            <button type="button" id="page-previous" ?disabled=${page.page <= 1} @click=${() => (this.historyPage = page.page - 1)}>
              ${h.previous}
            </button>
            <span>${h.page(page.page, page.totalPages || undefined)}</span>
            <button
              type="button"
              id="page-next"
              ?disabled=${page.page >= page.totalPages}
              @click=${() => (this.historyPage = page.page + 1)}
            >
              ${h.next}
            </button>
          </div>`;
    if (page.items.length === 0) {
      return html`<p class="note">${h.empty(tab)}</p>
        ${page.page > 1 ? pager : nothing}`;
    }
    const time = (r: LoanRecord) => formatTime(r.time, locale);
    const head =
      tab === 'interest'
        ? html`<th scope="col">${h.time}</th><th scope="col" class="num">${h.interest}</th><th scope="col" class="num">${h.dailyRate}</th>`
        : tab === 'repay'
          ? html`<th scope="col">${h.time}</th><th scope="col" class="num">${h.amount}</th><th scope="col" class="num">${h.principal}</th>
              <th scope="col" class="num">${h.interest}</th><th scope="col">${h.status}</th><th scope="col">${h.id}</th>`
          : html`<th scope="col">${h.time}</th><th scope="col" class="num">${h.amount}</th><th scope="col" class="num">${h.requested}</th>
              <th scope="col">${h.status}</th><th scope="col">${h.id}</th>`;
    const cell = (value: Decimal | undefined) => html`<td class="num">${value ? this.amount(value) : t.limits.none}</td>`;
    const status = (r: LoanRecord) => html`<td>${r.status ? (h.statuses[r.status] ?? r.status) : t.limits.none}</td>`;
    const row = (r: LoanRecord) =>
      tab === 'interest'
        ? html`<tr><td>${time(r)}</td>${cell(r.amount)}<td class="num">${r.dailyRate ? formatRate(r.dailyRate, 'daily', { locale, maxDecimals: DAILY_RATE_DECIMALS }) : t.limits.none}</td></tr>`
        : tab === 'repay'
          ? html`<tr><td>${time(r)}</td>${cell(r.amount)}${cell(r.principal)}${cell(r.interest)}${status(r)}<td>${r.id}</td></tr>`
          : html`<tr><td>${time(r)}</td>${cell(r.amount)}${cell(r.requested ?? r.amount)}${status(r)}<td>${r.id}</td></tr>`;
    return html`<table part="table">
        <caption class="visually-hidden">${h.caption(tab, setup.currency)}</caption>
        <thead><tr>${head}</tr></thead>
        <tbody>${page.items.map(row)}</tbody>
      </table>
      ${pager}`;
  }
}

/** What a history record says was lent or paid: a repay's principal plus interest when the venue splits it. */
function recordActualSize(record: LoanRecord): Decimal {
  if (record.action === 'repay' && record.principal && record.interest) return record.principal.plus(record.interest);
  return record.amount;
}
