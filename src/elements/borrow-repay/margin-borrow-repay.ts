import { initialState, Task, TaskStatus } from '@lit/task';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PollState } from '../../client/hub.js';
import type { BorrowLimits, LoanAction, MarginMode, TimeInForce } from '../../client/venue.js';
import type { Decimal } from '../../core/decimal.js';
import type { Venue } from '../../core/endpoints.js';
import { formatDateTime, formatDecimal } from '../../core/format.js';
import { renderStaleBadge } from '../shared/blocks/status.js';
import { knownIdsOf } from '../shared/controllers/known-ids.js';
import { SubmissionController } from '../shared/controllers/submission-controller.js';
import { describeError } from '../shared/describe-error.js';
import { MarginBeforeSubmitEvent } from '../shared/events.js';
import { MarginKitElement } from '../shared/margin-element.js';
import { PollController } from '../shared/poll-controller.js';
import { isolatedSymbols, marginConfig, pollIntervalFor, read } from '../shared/resources.js';
import { elementStyles } from '../shared/styles/index.js';
import { LoanAccount } from './account-summary.js';
import { MarginBorrowedEvent, MarginRepaidEvent } from './events.js';
import { renderLimits, renderRisk, type RiskInfo } from './limits-view.js';
import { checkLoanDraft, type LoanDraft } from './loan-draft.js';
import { renderLoanForm } from './loan-form.js';
import { LoanHistory } from './loan-history.js';
import { LoanLookup } from './loan-lookup.js';
import { loanDetail } from './loan-outcome.js';
import { loanPorts, type LoanPhase } from './loan-submission.js';
import { loanParams } from './loan-params.js';
import { effectiveCurrency, effectiveMode, TargetResolver, type LoanTarget } from './loan-target.js';
import styles from './margin-borrow-repay.styles.js';
import { borrowRepayStrings as t, describeLoanViolation } from './strings.js';

/** `poll-interval="0"`: load once, then only after an action or a Retry. */
const NO_POLL_MS = 24 * 3_600_000;

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
 * @csspart base - The whole panel.
 * @csspart header - The title, venue line and stale badge.
 * @csspart title - The panel's title.
 * @csspart limits - The venue's limits and rates of the currency.
 * @csspart risk - KuCoin's risk settings (maximum leverage, warning and liquidation debt ratios).
 * @csspart account - The account the loan acts on: available, liability, max borrowable and Max.
 * @csspart available - What the currency has available.
 * @csspart liability - What is owed: principal + interest.
 * @csspart max-borrow - What may be borrowed now.
 * @csspart max - Max: the most to borrow, or what is owed as far as available allows.
 * @csspart lookup - Find a borrow or repay by the id the venue gave it.
 * @csspart lookup-find - The lookup's Find button.
 * @csspart lookup-result - The record found, or why none.
 * @csspart form - The borrow/repay form.
 * @csspart action - The borrow / repay choice.
 * @csspart field - Each field of the form and of the history range (label, control, hint, error).
 * @csspart label - A field's label.
 * @csspart input - A field's input or select.
 * @csspart amount - The amount input (also an `input`).
 * @csspart hint - A field's rules (multiples, decimal places).
 * @csspart submit - The borrow/repay button.
 * @csspart preview - The interest preview.
 * @csspart outcome - What happened to the last borrow or repay.
 * @csspart history - The history tabs, range, table and pager.
 * @csspart tabs - The history tab list.
 * @csspart tab - Each history tab.
 * @csspart panel - The selected history tab's panel.
 * @csspart table - The history table (it scrolls inside its own box).
 * @csspart row - Each history record.
 * @csspart cell - Each cell of a record.
 * @csspart empty - No records in the range.
 * @csspart skeleton - Placeholders while loading.
 * @csspart error - An error message (a field's, or a load's with its Retry button).
 * @csspart retry - The Retry button of a failed load.
 * @csspart stale-badge - The badge shown when the limits could not be refreshed.
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
  static override styles = [...elementStyles, styles];

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

  private readonly targets = new TargetResolver();
  private target: LoanTarget | undefined;
  private problem: string | undefined;
  /** The target of the loan in flight or being checked: attributes may change meanwhile. */
  private activeTarget: LoanTarget | undefined;
  /** The limits failed to load at the last attempt (reported once per run of failures). */
  private limitsFailing = false;

  private readonly limitsPoll = new PollController<BorrowLimits>(this, (s) => this.onLimits(s));
  private readonly account = new LoanAccount(this);
  private readonly lookup = new LoanLookup(this);
  private readonly history = new LoanHistory(this, {
    pageSize: () => this.pageSize,
    locale: () => this.effectiveLocale,
    amount: (value) => this.amount(value),
    reportError: (error, action) => this.reportError(error, action),
  });

  private readonly submitter = new SubmissionController(
    this,
    loanPorts(
      {
        send: ({ action, request }, signal) => {
          const venue = this.activeTarget!.venue;
          return action === 'borrow' ? venue.borrow(request, { signal }) : venue.repay(request, { signal });
        },
        find: ({ action, request }, since, signal) => this.activeTarget!.venue.findOperations(action, request, since, { signal }),
      },
      { onChange: (phase) => this.onPhase(phase), knownIds: (): Set<string> => knownIdsOf(this.activeTarget?.client ?? this) },
    ),
  );

  private readonly riskTask = new Task(this, {
    task: async ([client, exchange, marginMode, symbol], { signal }): Promise<RiskInfo | typeof initialState> => {
      if (!client || exchange !== 'kucoin') return initialState;
      if (marginMode === 'cross') {
        const config = await read(client, marginConfig, signal);
        return { heading: () => t.config.crossHeading, maxLeverage: config.maxLeverage, warningDebtRatio: config.warningDebtRatio, liqDebtRatio: config.liqDebtRatio };
      }
      const found = (await read(client, isolatedSymbols, signal)).find((s) => s.symbol === symbol);
      return found ? { heading: () => t.config.isolatedHeading(found.symbol), maxLeverage: found.maxLeverage, liqDebtRatio: found.flDebtRatio } : initialState;
    },
    args: () => [this.target?.client, this.target?.exchange, this.target?.marginMode, this.target?.symbol] as const,
    onError: (error) => this.reportError(error, 'load-risk'),
  });

  // ---- state -------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    const before = this.target;
    const { target, problem } = this.targets.resolve(this, this.client);
    this.target = target;
    this.problem = problem;
    this.history.show(target);
    if (target !== before) this.submitter.reset();
    if (changed.has('action') && changed.get('action') !== undefined) this.submitter.reset();
    const limits = target?.limits;
    this.limitsPoll.set(
      target && limits
        ? {
            client: target.client,
            key: limits.key,
            loader: (signal) => limits.load(target.client.transport, signal),
            intervalMs: this.pollInterval > 0 ? pollIntervalFor(limits, this.pollInterval) : NO_POLL_MS,
          }
        : undefined,
    );
    this.account.watch(target, this.pollInterval > 0 ? this.pollInterval : NO_POLL_MS);
  }

  /** The limits of the current target (a poll shared by key can hold another target's value for one frame after a change). */
  private get limits(): BorrowLimits | undefined {
    const value = this.limitsPoll.state.value;
    return value && this.target && value.currency === this.target.currency ? value : undefined;
  }

  private get draft(): LoanDraft {
    const target = this.target;
    return checkLoanDraft({
      action: this.action,
      marginMode: target?.marginMode ?? effectiveMode(this),
      currency: target?.currency ?? effectiveCurrency(this),
      symbol: target?.symbol,
      amountText: this.amountText,
      timeInForce: target?.exchange === 'kucoin' ? this.timeInForce : undefined,
      limits: this.limits,
    });
  }

  private onLimits(state: PollState<BorrowLimits>): void {
    if (state.loading) return;
    const failing = state.error !== undefined;
    if (failing && !this.limitsFailing) this.reportError(state.error, 'load-limits');
    this.limitsFailing = failing;
  }

  private onPhase(phase: LoanPhase): void {
    const target = this.activeTarget;
    if (!target) return;
    if (phase.kind === 'succeeded' || phase.kind === 'found') {
      const detail = loanDetail(target, phase);
      this.dispatchEvent(phase.intent.action === 'borrow' ? new MarginBorrowedEvent(detail) : new MarginRepaidEvent(detail));
      this.amountText = '';
      this.amountTouched = false;
      this.limitsPoll.refresh();
      this.account.refresh();
      this.history.reload();
    } else if (phase.kind === 'failed' || phase.kind === 'not-found') {
      this.reportError(phase.error, phase.intent.action);
      if (phase.kind === 'failed') this.limitsPoll.refresh();
    } else if (phase.kind === 'unresolved') {
      this.reportError(phase.lookupError, `check-${phase.intent.action}`);
    }
  }

  /** Why the button cannot be pressed now, or undefined when it can (invalid input is explained on the field). */
  private submitBlock(): string | undefined {
    const phase = this.submitter.phase;
    if (phase.kind === 'checking' || phase.kind === 'unresolved') return t.form.waitForCheck;
    if (phase.kind === 'sending') return undefined;
    if (!this.limits) return this.limitsPoll.state.error !== undefined ? describeError(this.limitsPoll.state.error) : t.form.notReady;
    const draft = this.draft;
    if (!draft.ok && draft.violation.field !== 'amount') return describeLoanViolation(draft.violation);
    return undefined;
  }

  // ---- actions -----------------------------------------------------------------------------

  private readonly onAmountInput = (event: Event): void => {
    this.amountText = (event.target as HTMLInputElement).value;
    this.amountTouched = true;
    this.submitter.reset();
  };

  /** "Max": the amount the account part worked out, as if typed. */
  private readonly setAmountText = (text: string): void => {
    this.amountText = text;
    this.amountTouched = true;
    this.submitter.reset();
  };

  private readonly onActionChange = (event: Event): void => {
    this.action = (event.target as HTMLInputElement).value as LoanAction;
  };

  private readonly onCurrencyChange = (event: Event): void => {
    this.currency = (event.target as HTMLSelectElement).value;
  };

  private readonly onTimeInForceChange = (event: Event): void => {
    this.timeInForce = (event.target as HTMLSelectElement).value as TimeInForce;
  };

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const target = this.target;
    if (!target || this.submitter.busy) return;
    this.amountTouched = true;
    const draft = this.draft;
    if (!draft.ok) {
      if (draft.violation.field === 'amount') this.renderRoot.querySelector<HTMLInputElement>('#amount')?.focus();
      return;
    }
    const action = this.action;
    const params = loanParams(target.exchange, target.marginMode, action, draft.request);
    this.activeTarget = target;
    void this.submitter.submit(
      { action, request: draft.request },
      {
        confirm: () => {
          const before = new MarginBeforeSubmitEvent({ venue: target.exchange, action, params });
          this.dispatchEvent(before);
          return !before.defaultPrevented;
        },
      },
    );
  };

  private readonly onCheckAgain = (): void => void this.submitter.recheck();

  private readonly retryLimits = (): void => {
    this.limitsPoll.refresh();
    this.riskTask.run();
  };

  // ---- rendering -----------------------------------------------------------------------------

  private get places(): number {
    return this.limits?.precision ?? 8;
  }

  /** An amount for the locale, at the currency's precision. */
  private amount(value: Decimal | string, options: { truncate?: boolean } = {}): string {
    return formatDecimal(value, { locale: this.effectiveLocale, maxDecimals: this.places, truncate: options.truncate });
  }

  override render(): TemplateResult {
    const mode = effectiveMode(this);
    const target = [mode === 'isolated' ? this.symbol : '', effectiveCurrency(this)].filter(Boolean).join(' · ');
    const venueName = t.venue[this.exchange as Venue] ?? this.exchange;
    return html`
      <section class="panel box" part="base" aria-labelledby="title">
        <header part="header">
          <h2 id="title" part="title">${t.title}</h2>
          <span class="subtitle">${t.subtitle(venueName, t.mode[mode], target)}</span>
          ${renderStaleBadge(this.limitsPoll.state.stale)}
        </header>
        ${this.target ? this.renderBody(this.target) : html`<p class="disabled-reason" part="disabled" role="note">${this.problem}</p>`}
      </section>
    `;
  }

  private renderBody(target: LoanTarget): TemplateResult {
    const locale = this.effectiveLocale;
    const amount = (value: Decimal | string, options?: { truncate?: boolean }) => this.amount(value, options);
    const status = this.riskTask.status;
    return html`
      ${renderLimits({ currency: target.currency, state: this.limitsPoll.state, limits: this.limits, locale, amount, retry: this.retryLimits })}
      ${this.account.render({ target, action: this.action, limits: this.limits, amount: (v) => this.amount(v), setAmount: this.setAmountText })}
      ${target.exchange === 'kucoin'
        ? // Not run yet (a server render) reads as loading: the browser's first render runs it, and hydration needs both alike.
          renderRisk({ pending: status === TaskStatus.PENDING || (status === TaskStatus.INITIAL && !this.hasUpdated), failed: status === TaskStatus.ERROR, risk: this.riskTask.value }, locale)
        : ''}
      ${renderLoanForm({
        target,
        action: this.action,
        amountText: this.amountText,
        amountTouched: this.amountTouched,
        timeInForce: this.timeInForce,
        limits: this.limits,
        draft: this.draft,
        phase: this.submitter.phase,
        block: this.submitBlock(),
        locale,
        places: this.places,
        amount,
        onAmountInput: this.onAmountInput,
        onActionChange: this.onActionChange,
        onCurrencyChange: this.onCurrencyChange,
        onTimeInForceChange: this.onTimeInForceChange,
        onSubmit: this.onSubmit,
        onCheckAgain: this.onCheckAgain,
      })}
      ${this.history.render(target)}
      ${this.lookup.render({ target, amount, time: (ms) => formatDateTime(ms, { locale, seconds: true }) })}
    `;
  }
}
