/**
 * What the ticket says about the order it sends: the review step (every parameter, then
 * Confirm or Back), and the outcome (sending, checking with the venue, placed with its ids and
 * the tracked status, not placed), with the errors in their own `role=alert` region.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { paramEntries, type PlacementParams } from './order-draft.js';
import { describeOrderError, describeUnknownCause } from './order-errors.js';
import type { OrderForm } from './order-form.js';
import type { OrderTracker } from './order-tracker.js';
import { placed, type PlacementPhase } from './placement.js';
import type { CancelTarget } from './orders-panel.js';
import { ticketStrings as t } from './strings.js';
import { messageText } from './ticket-context.js';

/** `part="review"`: the exact parameters about to be sent. */
export function renderReview(form: OrderForm): TemplateResult | typeof nothing {
  const review = form.review;
  if (!review) return nothing;
  return html`
    <section class="review" part="review" aria-labelledby="review-title" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && form.backFromReview()}>
      <h3 id="review-title" tabindex="-1">${t.review.title}</h3>
      <p>${form.format.summary(review.params)}</p>
      <p>${t.review.intro}</p>
      <dl translate="no">${paramEntries(review.params).map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}</dl>
      <div class="actions">
        <button type="button" part="confirm" class="place ${review.params.side}" @click=${form.confirmReview}>${t.review.confirm}</button>
        <button type="button" @click=${form.backFromReview}>${t.review.back}</button>
      </div>
    </section>
  `;
}

export interface OutcomeParts {
  form: OrderForm;
  tracker: OrderTracker;
  cancelling: ReadonlySet<string>;
  cancel(target: CancelTarget, symbol: string): void;
}

/** `part="status"` (what the ticket is doing or did) and `part="error"` (what went wrong). */
export function renderOutcome(parts: OutcomeParts): TemplateResult {
  const { form } = parts;
  const s = form.outcome;
  const info = form.message?.tone === 'info' ? messageText(form.message) : undefined;
  const error = form.message?.tone === 'error' ? messageText(form.message) : undefined;
  return html`
    <div class="status" part="status" role="status">${renderPhase(parts, s)}${info ? html`<p>${info}</p>` : nothing}</div>
    <div class="alert" part="error" role="alert">
      ${s.kind === 'failed' ? html`<p>${t.refused(describeOrderError(s.error))}</p>` : nothing}
      ${error ? html`<p>${error}</p>` : nothing}
    </div>
  `;
}

function renderPhase(parts: OutcomeParts, s: PlacementPhase<PlacementParams>): TemplateResult | typeof nothing {
  const { form } = parts;
  const order = placed(s);
  if (order) {
    const summary = form.format.summary(order.order ?? order.params);
    const borrowed = order.answer.borrowSize && order.answer.borrowSize.gt(0) ? order.answer.borrowSize : undefined;
    const on = form.format.symbolOf(order.params.symbol);
    const borrowCurrency = (order.params.side === 'buy' ? on?.quoteCurrency : on?.baseCurrency) ?? '';
    return html`
      <p>${order.confirmedBy === 'lookup' ? t.placedFound(summary) : t.placed(summary)}</p>
      <p>${t.orderIds(order.answer.orderId, order.clientOid)}${borrowed ? ` ${t.borrowed(form.format.amount(borrowed), borrowCurrency)}` : ''}</p>
      ${renderTracked(parts)}
    `;
  }
  switch (s.kind) {
    case 'vetoed':
      return html`<p>${t.vetoed}</p>`;
    case 'sending':
      return html`<p>${t.busy.sending}</p>`;
    case 'checking':
      return html`
        <p>${t.checking(describeUnknownCause(s.error))} ${s.attempts > 0 ? t.checkingAttempt(s.attempts) : ''}</p>
        ${s.lastError ? html`<p>${t.checkingError(describeOrderError(s.lastError))}</p>` : nothing}
        <button type="button" @click=${() => form.checkNow()}>${t.checkNow}</button>
      `;
    case 'not-found':
      return html`<p>${t.notFound(s.identity)}</p>`;
    default:
      return nothing;
  }
}

/** The placed order's status as the tracker last read it, with a Cancel while it is open. */
function renderTracked({ form, tracker, cancelling, cancel }: OutcomeParts): TemplateResult | typeof nothing {
  const tracked = tracker.tracked;
  if (!tracked?.status || !tracked.order) return nothing;
  const o = tracked.order;
  const on = form.format.symbolOf(o.symbol);
  const r = on?.rules;
  const amount = form.format.quantity.bind(form.format);
  const filled = o.size.gt(0)
    ? t.filledOf(amount(o.dealSize, r?.baseIncrement), amount(o.size, r?.baseIncrement), on?.baseCurrency ?? '')
    : t.filledFunds(amount(o.dealFunds, r?.quoteIncrement), on?.quoteCurrency ?? '');
  const active = tracked.status === 'open' || tracked.status === 'partially-filled';
  const busy = cancelling.has(tracked.clientOid);
  if (tracked.status === 'partially-filled-cancelled') {
    // A market order that met too little depth: most of it may not have happened, said plainly.
    const partial = o.size.gt(0)
      ? t.partialFill(amount(o.dealSize, r?.baseIncrement), amount(o.size, r?.baseIncrement), on?.baseCurrency ?? '')
      : t.partialFill(amount(o.dealFunds, r?.quoteIncrement), amount(o.funds, r?.quoteIncrement), on?.quoteCurrency ?? '');
    return html`<p part="partial-fill"><strong>${partial}</strong></p>`;
  }
  return html`
    <p>${t.status}: <strong>${t.statuses[tracked.status]}</strong> · ${filled}</p>
    ${active
      ? html`<button type="button" part="cancel" aria-disabled=${busy ? 'true' : 'false'} @click=${() => cancel({ clientOid: tracked.clientOid }, tracked.symbol)}>
          ${busy ? t.orders.cancelling : t.cancelTracked}
        </button>`
      : nothing}
  `;
}
