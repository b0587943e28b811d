/**
 * The lend / change rate / redeem form. Every rule is checked before anything is sent; the page
 * may veto (`margin-before-submit`); the action goes through the shared submitter, so it is sent
 * once and, when its answer is lost, looked up at the venue over the whole window before the
 * trader may send again (DESIGN.md, "Never sent twice"). Its own state: the action, the inputs,
 * their violations, what a redeemed order still holds and the submission.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LoanMarket, PurchaseOrder } from '../../client/kucoin/lending.js';
import { getRedeemOrders } from '../../client/kucoin/lending.js';
import type { Decimal } from '../../core/decimal.js';
import type { RuleViolation } from '../../core/rules.js';
import { renderField } from '../shared/blocks/field.js';
import { SubmissionController, type SubmitPhase } from '../shared/controllers/submission-controller.js';
import type { SubmitClock } from '../shared/controllers/submitter.js';
import { MarginBeforeSubmitEvent } from '../shared/events.js';
import { MarginPurchasedEvent, MarginPurchaseModifiedEvent, MarginRedeemedEvent } from './events.js';
import { ACTION_NAMES, knownIdsOf, lendingMatch, sendAction, type Candidate, type Sent } from './lending-actions.js';
import type { LendingContext, LendingFormat } from './lending-context.js';
import { checkModify, checkPurchase, checkRedeem, fractionToPercent, holdingOf, type ActionCheck, type FieldViolations } from './lending-rules.js';
import { lendingStrings as words } from './strings.js';

/** Words now, or words read at render (a function), so a notice follows the page's language. */
export type Said = string | (() => string);
export const said = (text: Said): string => (typeof text === 'function' ? text() : text);

/** The action the form is open for. */
export type Action =
  | { kind: 'lend'; currency: string }
  | { kind: 'modify'; order: PurchaseOrder }
  | { kind: 'redeem'; order: PurchaseOrder; holding?: Decimal; holdingState: 'loading' | 'ready' | 'failed' };

type Phase = SubmitPhase<Sent, string, Candidate>;

/** Pages of redeem orders read to learn what a purchase order still holds. */
const HOLDING_PAGES = 5;

const realClock: SubmitClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface LendingFormOptions {
  /** An action went through (sent and answered, or found at the venue). */
  onDone: (sent: Sent, orderNo: string) => void;
}

export class LendingForm {
  action: Action | undefined;
  sizeText = '';
  rateText = '';
  violations: FieldViolations = {};
  /** What went wrong (role alert). */
  error = '';
  /**
   * What happened to the last submit while the form is open (a polite status). The words of this
   * and `notice` are read at render (`said`), so they follow a change of the page's language.
   */
  note: Said = '';
  /** What the last action did, said after the form closed. */
  notice: Said = '';
  readonly submission: SubmissionController<Sent, string, Candidate>;
  /** The button that opened the form: focus goes back to it when the form closes. */
  private opener: string | undefined;

  constructor(
    private readonly ctx: LendingContext,
    private readonly format: LendingFormat,
    private readonly options: LendingFormOptions,
  ) {
    // Waits follow the hub's clock (tests move it by hand); records are stamped in wall time.
    const clock = (): SubmitClock => ctx.client?.hub.clock ?? realClock;
    this.submission = new SubmissionController<Sent, string, Candidate>(ctx.host, {
      send: (sent, signal) => sendAction(this.transport(), sent, signal),
      match: lendingMatch(() => this.transport()),
      answerId: (orderNo) => orderNo,
      knownIds: () => knownIdsOf(ctx.client ?? this),
      now: () => Date.now(),
      clock: { now: () => clock().now(), setTimeout: (cb, ms) => clock().setTimeout(cb, ms), clearTimeout: (h) => clock().clearTimeout(h) },
      onChange: (phase) => this.onPhase(phase),
    });
  }

  get busy(): boolean {
    return this.submission.busy;
  }

  get currency(): string | undefined {
    const a = this.action;
    return a && (a.kind === 'lend' ? a.currency : a.order.currency);
  }

  open(action: Action, opener: string): void {
    if (this.busy) return;
    this.action = action;
    this.opener = opener;
    this.sizeText = '';
    this.rateText = action.kind === 'modify' ? fractionToPercent(action.order.interestRate).toString() : '';
    if (action.kind === 'lend') {
      const market = this.ctx.marketFor(action.currency)?.marketInterestRate;
      if (market) this.rateText = fractionToPercent(market).toString();
    }
    this.violations = {};
    this.error = '';
    this.note = '';
    this.submission.reset();
    if (action.kind === 'redeem') void this.loadHolding(action.order);
    this.update().then(() => this.find<HTMLInputElement>('[part~="form"] input')?.focus());
  }

  close(restoreFocus = true): void {
    if (this.busy) return;
    const opener = this.opener;
    this.action = undefined;
    this.opener = undefined;
    this.submission.reset();
    void this.update().then(() => restoreFocus && opener && this.find(opener)?.focus());
  }

  render(): TemplateResult | typeof nothing {
    const action = this.action;
    const currency = this.currency;
    if (!action || !currency) return nothing;
    const f = this.format;
    const market = this.ctx.marketFor(currency);
    const title = action.kind === 'lend' ? words.lendTitle(currency) : action.kind === 'modify' ? words.modifyTitle(currency) : words.redeemTitle(currency);
    const sizeHint =
      action.kind !== 'redeem' ? words.sizeHint(f.amount(market?.minPurchaseSize, currency), f.amount(market?.maxPurchaseSize, currency), f.amount(market?.increment, currency))
      : action.holdingState === 'loading' ? words.loading
      : `${words.redeemHint(f.amount(action.holding, currency), f.amount(market?.increment, currency))}${action.holdingState === 'failed' ? ` ${words.holdingUnknown}` : ''}`;
    const rateHint = words.rateHint(f.rateLimit(market?.minInterestRate), f.rateLimit(market?.maxInterestRate), f.rateLimit(market?.interestIncrement), market?.marketInterestRate ? f.rateLimit(market.marketInterestRate) : undefined);
    const phase = this.submission.phase.kind;
    const waiting = this.busy && phase !== 'unresolved';
    const submitLabel =
      phase === 'sending' ? words.sending
      : phase === 'checking' ? words.checking
      : phase === 'unresolved' ? words.checkAgain
      : action.kind === 'lend' ? words.lend
      : action.kind === 'modify' ? words.changeRate
      : words.redeem;
    const loading = action.kind === 'redeem' && action.holdingState === 'loading';
    return html`<section part="form" class="panel" aria-labelledby="action-title" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.close()}>
      <h3 part="title" id="action-title">${title}</h3>
      <form novalidate @submit=${this.submit}>
        ${action.kind !== 'modify' ? this.field('size', action.kind === 'redeem' ? words.redeemSize : words.size, this.sizeText, sizeHint, this.violations.size, (v) => (this.sizeText = v)) : nothing}
        ${action.kind !== 'redeem'
          ? this.field('rate', action.kind === 'modify' ? words.newRate : words.rate, this.rateText, action.kind === 'modify' ? `${rateHint}. ${words.rateChangeNote}` : rateHint, this.violations.interestRate, (v) => (this.rateText = v))
          : nothing}
        <div class="buttons">
          <button part="submit" class="button primary" type="submit" aria-disabled=${waiting || loading ? 'true' : 'false'} aria-busy=${waiting ? 'true' : 'false'}>${submitLabel}</button>
          <button part="cancel" class="button" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.close()}>${words.cancel}</button>
        </div>
        ${this.error ? html`<p part="error" class="action-error" role="alert">${this.error}</p>` : nothing}
        ${this.note ? html`<p class="hint" role="status">${said(this.note)}</p>` : nothing}
      </form>
    </section>`;
  }

  private field(id: 'size' | 'rate', label: string, value: string, hint: string, violation: RuleViolation | undefined, onInput: (value: string) => void): TemplateResult {
    return renderField({
      id,
      label,
      hint,
      error: violation ? this.format.violation(violation, this.currency ?? '') : undefined,
      control: (w) => html`<input
        part="input"
        id=${w.id}
        name=${w.id}
        inputmode="decimal"
        autocomplete="off"
        .value=${value}
        aria-invalid=${w.invalid}
        aria-describedby=${w.describedBy}
        @input=${(e: Event) => {
          onInput((e.target as HTMLInputElement).value);
          this.revalidate();
          this.ctx.host.requestUpdate();
        }}
      />`,
    });
  }

  private readonly submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const action = this.action;
    if (!this.ctx.client || !action) return;
    if (this.submission.phase.kind === 'unresolved') return this.submission.recheck();
    if (this.busy) return; // one click, one request
    if (action.kind === 'redeem' && action.holdingState === 'loading') return;
    this.error = '';
    this.note = '';
    const sent = this.check(action);
    if (!sent) {
      void this.update().then(() => this.find('[part~="form"] [aria-invalid="true"]')?.focus());
      return;
    }
    const before = new MarginBeforeSubmitEvent({ venue: 'kucoin', action: ACTION_NAMES[sent.kind], params: { ...sent.params } });
    await this.submission.submit(sent, {
      confirm: () => {
        this.ctx.host.dispatchEvent(before);
        return !before.defaultPrevented;
      },
    });
  };

  /** What each phase shows, and what it fires (once, on entering it). */
  private onPhase(phase: Phase): void {
    switch (phase.kind) {
      case 'vetoed':
        this.note = () => words.vetoed;
        break;
      case 'failed':
        this.error = this.ctx.reportError(phase.error, ACTION_NAMES[phase.intent.kind]);
        break;
      case 'checking':
        this.note = () => words.notConfirmed;
        break;
      case 'unresolved':
        this.note = () => words.lookupFailed;
        this.ctx.reportError(phase.error, ACTION_NAMES[phase.intent.kind]);
        break;
      case 'not-found':
        this.note = () => words.notFound;
        this.ctx.reportError(phase.error, ACTION_NAMES[phase.intent.kind]);
        break;
      case 'succeeded':
      case 'found':
        this.note = '';
        this.done(phase.intent, phase.kind === 'found' ? phase.record.orderNo : phase.answer);
        break;
    }
  }

  private done(sent: Sent, orderNo: string): void {
    const f = this.format;
    const host = this.ctx.host;
    if (sent.kind === 'lend') {
      const { currency, size, interestRate } = sent.params;
      host.dispatchEvent(new MarginPurchasedEvent({ currency, size, interestRate, orderNo }));
      this.notice = () => words.purchased(f.amount(size, currency), currency, f.rate(interestRate));
    } else if (sent.kind === 'modify') {
      const { currency, purchaseOrderNo, interestRate } = sent.params;
      host.dispatchEvent(new MarginPurchaseModifiedEvent({ currency, purchaseOrderNo, interestRate }));
      this.notice = () => words.modified(currency, f.rate(interestRate));
    } else {
      const { currency, purchaseOrderNo, size } = sent.params;
      host.dispatchEvent(new MarginRedeemedEvent({ currency, purchaseOrderNo, size, orderNo }));
      this.notice = () => words.redeemed(f.amount(size, currency), currency);
    }
    this.options.onDone(sent, orderNo);
    this.close();
  }

  /** Checks the form; the parameters to send, or nothing (the violations are shown). */
  private check(action: Action): Sent | undefined {
    const currency = this.currency!;
    const market = this.ctx.marketFor(currency);
    if (!market) {
      this.error = words.unknownCurrency(currency);
      return undefined;
    }
    if (action.kind === 'lend' && market.purchaseEnable === false) {
      this.error = words.lendingOffReason(currency);
      return undefined;
    }
    if (action.kind === 'redeem' && market.redeemEnable === false) {
      this.error = words.redeemOffReason(currency);
      return undefined;
    }
    const checked = this.checkRules(action, market);
    this.violations = checked.ok ? {} : checked.violations;
    return checked.ok ? ({ kind: action.kind, params: checked.params } as Sent) : undefined;
  }

  private checkRules(action: Action, market: LoanMarket): ActionCheck<unknown> {
    return action.kind === 'lend' ? checkPurchase(market, this.sizeText, this.rateText)
      : action.kind === 'modify' ? checkModify(market, action.order.purchaseOrderNo, this.rateText)
      : checkRedeem(market, action.order.purchaseOrderNo, action.holding ?? action.order.purchaseSize, this.sizeText);
  }

  /**
   * As the trader types, like the ticket and the borrow panel: a field's words follow its text
   * (a fixed field's error goes at once); a field not typed in yet and not shown wrong stays quiet.
   */
  private revalidate(): void {
    const action = this.action;
    const market = this.currency ? this.ctx.marketFor(this.currency) : undefined;
    if (!action || !market) return;
    const checked = this.checkRules(action, market);
    const found: FieldViolations = checked.ok ? {} : checked.violations;
    const typed = { size: this.sizeText.trim() !== '', interestRate: this.rateText.trim() !== '' };
    const shown: FieldViolations = {};
    for (const field of ['size', 'interestRate'] as const) {
      if (found[field] && (typed[field] || this.violations[field])) shown[field] = found[field];
    }
    this.violations = shown;
  }

  /** What a purchase order still holds: its size less the redeems asked of it. */
  private async loadHolding(order: PurchaseOrder): Promise<void> {
    const client = this.ctx.client;
    if (!client) return;
    const sizes: Decimal[] = [];
    let patch: { holding: Decimal; holdingState: 'ready' | 'failed' };
    try {
      for (const status of ['PENDING', 'DONE'] as const) {
        for (let page = 1; page <= HOLDING_PAGES; page += 1) {
          const result = await getRedeemOrders(client.transport, { status, currency: order.currency, currentPage: page, pageSize: 50 });
          for (const redeem of result.items) if (redeem.purchaseOrderNo === order.purchaseOrderNo) sizes.push(redeem.redeemSize);
          if (page >= result.totalPage) break;
        }
      }
      patch = { holding: holdingOf(order.purchaseSize, sizes), holdingState: 'ready' };
    } catch {
      patch = { holding: order.purchaseSize, holdingState: 'failed' };
    }
    const action = this.action;
    if (action?.kind === 'redeem' && action.order.purchaseOrderNo === order.purchaseOrderNo) {
      this.action = { ...action, ...patch };
      this.ctx.host.requestUpdate();
    }
  }

  private transport() {
    const client = this.ctx.client;
    if (!client) throw new TypeError('margin-kit: no proxy URL');
    return client.transport;
  }

  private update(): Promise<unknown> {
    this.ctx.host.requestUpdate();
    return this.ctx.host.updateComplete;
  }

  private find<E extends Element = HTMLElement>(selector: string): E | null {
    return this.ctx.host.renderRoot.querySelector<E>(selector);
  }
}
