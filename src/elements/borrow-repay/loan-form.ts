/**
 * The borrow/repay form: action, currency (isolated), amount, time in force (KuCoin borrow), the
 * interest preview, the button and what happened to the last loan. A render function: the
 * panel owns the state and passes its handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { BorrowLimits, LoanAction, TimeInForce } from '../../client/venue.js';
import type { Decimal } from '../../core/decimal.js';
import { formatDecimal, formatRate } from '../../core/format.js';
import { renderField } from '../shared/blocks/field.js';
import { costAtPrecision, DAILY_RATE_DECIMALS, HOURLY_RATE_DECIMALS, interestPreview } from './interest-preview.js';
import { symbolCurrencies, type LoanDraft } from './loan-draft.js';
import { outcomeText } from './loan-outcome.js';
import type { LoanTarget } from './loan-target.js';
import { borrowRepayStrings as t, describeLoanViolation } from './strings.js';
import { maySubmit, type LoanPhase } from './loan-submission.js';

export interface LoanFormView {
  target: LoanTarget;
  action: LoanAction;
  amountText: string;
  /** Errors show once the trader typed or tried to send, not on an empty new form. */
  amountTouched: boolean;
  timeInForce: TimeInForce;
  limits: BorrowLimits | undefined;
  draft: LoanDraft;
  phase: LoanPhase;
  /** Why the button cannot be pressed now (invalid input is explained on the field instead). */
  block: string | undefined;
  locale: string | undefined;
  places: number;
  amount(value: Decimal | string): string;
  onAmountInput(event: Event): void;
  onActionChange(event: Event): void;
  onCurrencyChange(event: Event): void;
  onTimeInForceChange(event: Event): void;
  onSubmit(event: SubmitEvent): void;
  onCheckAgain(): void;
}

export function renderLoanForm(view: LoanFormView): TemplateResult {
  const { target, limits, draft, action } = view;
  const busy = !maySubmit(view.phase);
  const amountError =
    view.amountTouched && !draft.ok && draft.violation.field === 'amount'
      ? `${t.fields.amount}: ${describeLoanViolation(draft.violation, (l) => view.amount(l))}`
      : undefined;
  const hint = limits ? t.form.amountHint(limits.borrowMinUnit && action === 'borrow' ? view.amount(limits.borrowMinUnit) : undefined, limits.precision) : '';
  const currencies = target.marginMode === 'isolated' ? (limits?.currencies ?? symbolCurrencies(target.symbol)) : [];
  const currencyValid = currencies.includes(target.currency);
  const shownAmount = draft.ok ? view.amount(draft.amount) : '';
  return html`
    <form part="form" aria-labelledby="form-heading" aria-busy=${busy ? 'true' : 'false'} novalidate @submit=${view.onSubmit}>
      <h3 id="form-heading">${t.form.heading}</h3>
      <fieldset part="action">
        <legend>${t.form.action}</legend>
        ${(['borrow', 'repay'] as const).map(
          (value) => html`<label>
            <input type="radio" name="action" value=${value} .checked=${action === value} ?disabled=${busy} @change=${view.onActionChange} />
            ${value === 'borrow' ? t.form.borrow : t.form.repay}
          </label>`,
        )}
      </fieldset>
      ${target.marginMode === 'isolated'
        ? renderField({
            id: 'currency',
            label: t.form.currency,
            control: (w) => html`<select id=${w.id} part="input" ?disabled=${busy} @change=${view.onCurrencyChange} aria-invalid=${currencyValid ? 'false' : 'true'}>
              ${currencyValid ? nothing : html`<option value="" selected>${t.form.chooseCurrency}</option>`}
              ${currencies.map((c) => html`<option value=${c} ?selected=${c === target.currency}>${c}</option>`)}
            </select>`,
          })
        : nothing}
      ${renderField({
        id: 'amount',
        label: t.form.amount(target.currency),
        hint,
        error: amountError,
        control: (w) => html`<input
          id=${w.id}
          part="input amount"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          spellcheck="false"
          .value=${view.amountText}
          ?readonly=${busy}
          aria-invalid=${w.invalid}
          aria-describedby=${w.describedBy}
          @input=${view.onAmountInput}
        />`,
      })}
      ${target.exchange === 'kucoin' && action === 'borrow'
        ? renderField({
            id: 'time-in-force',
            label: t.form.timeInForce,
            control: (w) => html`<select id=${w.id} part="input" ?disabled=${busy} @change=${view.onTimeInForceChange}>
              <option value="IOC" ?selected=${view.timeInForce === 'IOC'}>${t.form.ioc}</option>
              <option value="FOK" ?selected=${view.timeInForce === 'FOK'}>${t.form.fok}</option>
            </select>`,
          })
        : nothing}
      ${action === 'borrow' ? renderPreview(view) : nothing}
      <div>
        <button type="submit" part="submit" class=${action} ?disabled=${busy || view.block !== undefined} aria-describedby=${view.block ? 'submit-block' : nothing}>
          ${view.phase.kind === 'sending' ? t.form.sending(action) : t.form.submit(action, shownAmount, target.currency)}
        </button>
        ${view.block ? html`<p id="submit-block" class="disabled-reason" part="disabled">${view.block}</p>` : nothing}
      </div>
      ${renderOutcome(view)}
    </form>
  `;
}

/** What the loan would cost at the current rate (borrow only). */
function renderPreview(view: LoanFormView): TemplateResult | typeof nothing {
  const { limits, draft, locale, places } = view;
  if (!limits) return nothing;
  const preview = draft.ok ? interestPreview(draft.amount, limits) : undefined;
  if (!preview && (limits.hourlyRate || limits.dailyRate)) return nothing;
  const cost = (value: Decimal) => formatDecimal(costAtPrecision(value, places), { locale, maxDecimals: places });
  const currency = view.target.currency;
  return html`<div class="preview" part="preview" aria-live="polite">
    <span>${t.preview.heading}</span>
    ${preview
      ? html`<ul>
          <li>${t.preview.perHour(cost(preview.perHour), currency, formatRate(preview.hourlyRate, 'hourly', { locale, decimals: HOURLY_RATE_DECIMALS }))}</li>
          <li>${t.preview.perDay(cost(preview.perDay), currency, formatRate(preview.dailyRate, 'daily', { locale, decimals: DAILY_RATE_DECIMALS }))}</li>
        </ul>`
      : html`<p class="note">${t.preview.none}</p>`}
  </div>`;
}

function renderOutcome(view: LoanFormView): TemplateResult {
  const { text, tone } = outcomeText(view.phase, view.amount);
  return html`
    <div class="outcome ${tone}" part="outcome" role="status" aria-live="polite">${text}</div>
    ${view.phase.kind === 'unresolved'
      ? html`<div><button type="button" id="check-again" @click=${view.onCheckAgain}>${t.outcome.checkAgain}</button></div>`
      : nothing}
  `;
}
