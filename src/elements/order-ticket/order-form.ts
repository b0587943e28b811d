/**
 * The order form's state and actions: the draft as typed, its checks, the review step, the
 * preview (`/order/test`, nothing placed) and the placement, never twice: one clientOid per
 * draft, a double click or a repeated Enter submits once, and while an outcome is unknown the
 * venue is asked before anything else is sent. The form's markup is in order-form-view.ts.
 */
import { addOrder, addOrderTest, addOrderTestV1, addOrderV1, getOrderByClientOid } from '../../client/kucoin/orders.js';
import type { MarginOrder, OrderSide, OrderType, TimeInForce } from '../../client/kucoin/orders.js';
import { parseUserDecimal, toPlainString, type Decimal } from '../../core/decimal.js';
import { SubmissionController } from '../shared/controllers/submission-controller.js';
import { MarginBeforeSubmitEvent } from '../shared/events.js';
import { MarginOrderPlacedEvent } from './events.js';
import {
  checkDraft,
  draftKey,
  emptyDraft,
  placementParams,
  snapPrice,
  tickPrice,
  type HfOrderParams,
  type OrderDraft,
  type OrderField,
  type OrderViolation,
  type PlacementParams,
  type SymbolRules,
  type V1OrderParams,
} from './order-draft.js';
import { describeOrderError } from './order-errors.js';
import { orderStatus } from './order-status.js';
import { placed, placementPorts, type LookupTiming, type PlacementAnswer, type PlacementPhase } from './placement.js';
import type { OrderTracker, Tracked } from './order-tracker.js';
import { ticketStrings as t } from './strings.js';
import { requireClient, TicketPart, type Message, type TicketContext } from './ticket-context.js';

/** A checked draft: the exact params to send and the key its clientOid belongs to. */
export interface Built {
  params: PlacementParams;
  key: string;
}

export type TextField = 'price' | 'size' | 'funds' | 'cancelAfter' | 'visibleSize';

const ADVANCED = new Set<OrderField>(['cancelAfter', 'postOnly', 'hidden', 'visibleSize']);

export interface OrderFormOptions {
  tracker: OrderTracker;
  /** The venue's orders changed (placed, or a lost send settled): read the lists again. */
  onOrdersChanged(): void;
  lookupTiming(): Partial<LookupTiming>;
  /** The element's `confirm`: show every parameter for review before placing. */
  reviewFirst(): boolean;
  /** What a previewed auto-borrow costs per hour and per day, in words (account-summary.ts). */
  borrowCost?(borrow: Decimal, currency: string): Promise<string | undefined>;
}

export class OrderForm extends TicketPart {
  draft: OrderDraft = emptyDraft();
  /** Errors show after the first Place or Preview, not while typing the first time. */
  showErrors = false;
  review: Built | undefined;
  message: Message | undefined;
  previewing = false;
  private submissionValue: SubmissionController<PlacementParams, PlacementAnswer, MarginOrder> | undefined;
  /** The click count of the click that is submitting the form now. */
  private placeClicks = 0;

  constructor(
    ctx: TicketContext,
    private readonly options: OrderFormOptions,
  ) {
    super(ctx);
  }

  /**
   * The never-twice submitter (the kit's SubmissionController, matched by clientOid); made on first
   * use, so a `lookupTiming` set after the element was created counts.
   */
  private get submission(): SubmissionController<PlacementParams, PlacementAnswer, MarginOrder> {
    this.submissionValue ??= new SubmissionController(
      this.host,
      placementPorts<PlacementParams>({
        // The element's signal is not passed on: once sent, an order's answer is worth waiting for
        // even if the ticket leaves the page, so the outcome is known when it comes back.
        send: (params) => this.sendOrder(params),
        lookup: (clientOid, symbol, signal) => getOrderByClientOid(requireClient(this.ctx).transport, { clientOid, symbol }, { signal }),
        timing: this.options.lookupTiming(),
        onChange: (phase) => this.onSubmissionChange(phase),
      }),
    );
    return this.submissionValue;
  }

  get outcome(): PlacementPhase<PlacementParams> {
    return this.submissionValue?.phase ?? { kind: 'idle' };
  }

  get busy(): boolean {
    return this.submissionValue?.busy ?? false;
  }

  checkNow(): void {
    this.submission.checkNow();
  }

  /** Why Place does nothing now (sending, checking, reviewing), or undefined. */
  get blockedReason(): string | undefined {
    const kind = this.outcome.kind;
    if (kind === 'sending') return t.busy.sending;
    if (kind === 'checking') return t.busy.checking;
    if (this.review) return t.busy.reviewing;
    return undefined;
  }

  /** The rule breaks shown now (none before the first Place or Preview). */
  get violations(): OrderViolation[] {
    const rules = this.ctx.current?.rules;
    if (!this.showErrors || !rules) return [];
    const check = checkDraft(this.draft, rules);
    return check.ok ? [] : check.violations;
  }

  // ---- the draft --------------------------------------------------------------------------

  /** The element's `side` and `order-type` attributes. */
  setInitial(side: OrderSide, type: OrderType): void {
    this.draft = { ...this.draft, side: side === 'sell' ? 'sell' : 'buy', type: type === 'market' ? 'market' : 'limit' };
  }

  /** Another market: the amounts typed for the last one mean nothing here. */
  setSymbol(symbol: string): void {
    this.draft = { ...this.draft, symbol, price: '', size: '', funds: '', visibleSize: '' };
    this.showErrors = false;
    this.review = undefined;
    this.message = undefined;
  }

  /** The margin mode or the endpoints changed: a review was for the other ones. */
  dropReview(): void {
    this.review = undefined;
  }

  set(patch: Partial<OrderDraft>): void {
    this.draft = { ...this.draft, ...patch };
    // The review and the preview answer were for the draft before this edit.
    this.review = undefined;
    this.message = undefined;
    // A refusal or a veto was for the draft before this edit; an unknown or placed outcome stays shown.
    const kind = this.submissionValue?.phase.kind;
    if (kind === 'failed' || kind === 'vetoed') this.submission.reset();
    this.changed();
  }

  text(field: TextField): (e: Event) => void {
    return (e) => this.set({ [field]: (e.target as HTMLInputElement).value });
  }

  timeInForce(timeInForce: TimeInForce): void {
    // "postOnly ... is disabled when the order timing strategy is IOC or FOK" (Add Order).
    const postOnly = timeInForce === 'IOC' || timeInForce === 'FOK' ? false : this.draft.postOnly;
    this.set({ timeInForce, postOnly });
  }

  tick(direction: 'up' | 'down'): void {
    const rules = this.ctx.current?.rules;
    if (!rules) return;
    const next = tickPrice(this.draft.price, rules.priceIncrement, direction, this.ctx.markPrice);
    if (next) this.set({ price: toPlainString(next) });
  }

  /** The typed price on the nearest multiple of `priceIncrement`, or undefined when it does not parse. */
  snapped(rules: SymbolRules): Decimal | undefined {
    const parsed = parseUserDecimal(this.draft.price);
    return parsed.ok && parsed.value.gt(0) ? snapPrice(parsed.value, rules.priceIncrement) : undefined;
  }

  snap(): void {
    const rules = this.ctx.current?.rules;
    const snapped = rules && this.snapped(rules);
    if (snapped) this.set({ price: toPlainString(snapped) });
  }

  /** Checks the draft; on success the exact params (with the draft's clientOid), else shows every error. */
  private build(): Built | undefined {
    const rules = this.ctx.current?.rules;
    if (!rules) return undefined;
    this.showErrors = true;
    const check = checkDraft(this.draft, rules);
    if (!check.ok) {
      const count = check.violations.length;
      this.message = { tone: 'error', text: () => t.errors.invalid(count) };
      this.changed();
      void this.focusFirstInvalid(check.violations);
      return undefined;
    }
    const probe = placementParams(this.ctx.endpoints, check.order, 'draft', this.ctx.mode);
    const key = draftKey(probe);
    const clientOid = this.submission.identityFor(key);
    return { params: placementParams(this.ctx.endpoints, check.order, clientOid, this.ctx.mode), key };
  }

  private async focusFirstInvalid(violations: OrderViolation[]): Promise<void> {
    if (violations.some((v) => ADVANCED.has(v.field))) {
      const details = this.host.renderRoot.querySelector('details');
      if (details) details.open = true;
    }
    await this.host.updateComplete;
    const first = violations[0];
    if (!first) return;
    const id = first.field === 'notional' ? (this.draft.type === 'market' && this.draft.marketAmount === 'funds' ? 'funds' : 'size') : first.field;
    this.host.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  // ---- placing ----------------------------------------------------------------------------

  readonly onSubmit = (e: Event): void => {
    e.preventDefault();
    const clicks = this.placeClicks;
    this.placeClicks = 0;
    // The second click of a double click never places a second order, however fast the first was answered.
    if (clicks > 1) return;
    this.place();
  };

  /** Runs before the submit the click causes (Enter's implicit submission clicks with detail 0). */
  readonly onPlaceClick = (e: MouseEvent): void => {
    this.placeClicks = e.detail;
  };

  /** A held-down Enter repeats: only its first press submits. */
  readonly onKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && e.repeat) e.preventDefault();
  };

  /** "Place": check, then (with `confirm`) review, then the cancelable before-submit, then send. */
  place(): void {
    // Enter pressed twice, a double click, a click while the last outcome is unknown: once only.
    if (this.blockedReason || this.previewing) return;
    const built = this.build();
    if (!built) return;
    if (this.options.reviewFirst()) {
      this.review = built;
      this.changed();
      this.focusAfterUpdate('#review-title');
      return;
    }
    this.send(built);
  }

  readonly confirmReview = (): void => {
    const built = this.review;
    if (!built || this.busy) return;
    this.review = undefined;
    this.send(built);
    this.focusAfterUpdate('#place');
  };

  readonly backFromReview = (): void => {
    this.review = undefined;
    this.changed();
    this.focusAfterUpdate('#place');
  };

  private send(built: Built): void {
    this.message = undefined;
    // The page may stop it (`margin-before-submit`): then the phase is `vetoed` and nothing is sent.
    const confirm = () => {
      const before = new MarginBeforeSubmitEvent({ venue: 'kucoin', action: 'place-order', params: built.params });
      this.host.dispatchEvent(before);
      if (before.defaultPrevented) return false;
      this.options.tracker.clear();
      return true;
    };
    void this.submission.submit(built.params, { draftKey: built.key, confirm });
  }

  private sendOrder(params: PlacementParams) {
    const transport = requireClient(this.ctx).transport;
    return this.ctx.endpoints === 'v1' ? addOrderV1(transport, params as V1OrderParams) : addOrder(transport, params as HfOrderParams);
  }

  private onSubmissionChange(phase: PlacementPhase<PlacementParams>): void {
    this.changed();
    const order = placed(phase);
    if (order) {
      this.showErrors = false;
      // The amount is spent: a late Enter or click finds nothing to place instead of a second order.
      if (order.params.symbol === this.draft.symbol) this.draft = { ...this.draft, size: '', funds: '' };
      const { answer, params } = order;
      this.host.dispatchEvent(
        new MarginOrderPlacedEvent({
          orderId: answer.orderId,
          clientOid: order.clientOid,
          symbol: params.symbol,
          side: params.side,
          type: params.type ?? 'limit',
          marginMode: this.ctx.mode,
          borrowSize: answer.borrowSize ? toPlainString(answer.borrowSize) : undefined,
          loanApplyId: answer.loanApplyId,
          confirmedBy: order.confirmedBy,
          params,
        }),
      );
      const tracked: Tracked = { orderId: answer.orderId, clientOid: order.clientOid, symbol: params.symbol };
      if (order.order) {
        tracked.order = order.order;
        tracked.status = orderStatus(order.order);
      }
      this.options.tracker.follow(tracked);
      this.options.onOrdersChanged();
    } else if (phase.kind === 'failed') {
      this.ctx.emitError(phase.error, 'place-order', describeOrderError(phase.error));
    } else if (phase.kind === 'not-found') {
      this.options.onOrdersChanged();
    }
  }

  // ---- preview ----------------------------------------------------------------------------

  /** "Preview": the venue's test endpoint checks the order; nothing is placed. */
  async preview(): Promise<void> {
    if (this.previewing || this.blockedReason) return;
    const built = this.build();
    const client = this.ctx.client;
    if (!built || !client) return;
    this.previewing = true;
    this.message = undefined;
    this.changed();
    try {
      const answer =
        this.ctx.endpoints === 'v1'
          ? await addOrderTestV1(client.transport, built.params as V1OrderParams)
          : await addOrderTest(client.transport, built.params as HfOrderParams);
      const borrow = answer.borrowSize && answer.borrowSize.gt(0) ? answer.borrowSize : undefined;
      const current = this.ctx.current;
      const holdCurrency = (built.params.side === 'buy' ? current?.quoteCurrency : current?.baseCurrency) ?? '';
      const cost = borrow ? await this.options.borrowCost?.(borrow, holdCurrency) : undefined;
      const borrowWords = () => (borrow ? ` ${t.previewBorrow(this.format.amount(borrow), holdCurrency)}${cost ? ` ${cost}` : ''}` : '');
      this.message = { tone: 'info', text: () => `${t.previewOk}${borrowWords()}` };
    } catch (error) {
      const text = describeOrderError(error);
      this.message = { tone: 'error', text: () => describeOrderError(error) };
      this.ctx.emitError(error, 'preview-order', text);
    } finally {
      this.previewing = false;
      this.changed();
    }
  }
}
