/**
 * The order form's markup: side, type, price (with ticks and snap), size or funds, auto-borrow
 * and auto-repay, the folded advanced options, the estimate line, Preview and Place. Reads the
 * OrderForm's state and calls its actions; holds nothing itself.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { renderField } from '../shared/blocks/field.js';
import { estimate, STP_CHOICES, TIMES_IN_FORCE, type OrderDraft, type OrderField, type OrderViolation, type StpChoice, type SymbolRules } from './order-draft.js';
import type { OrderForm, TextField } from './order-form.js';
import { ticketStrings as t } from './strings.js';
import type { TicketSymbol } from './symbols.js';

type Flag = 'autoBorrow' | 'autoRepay' | 'postOnly' | 'hidden' | 'iceberg';

/** A field's own errors first, then those it shares (the notional shows under the amount). */
const errorsFor = (violations: OrderViolation[], ...fields: OrderField[]) => fields.flatMap((f) => violations.filter((v) => v.field === f));

function words(form: OrderForm, errors: OrderViolation[]): string | undefined {
  return errors.length ? errors.map((v) => form.format.violation(v)).join('. ') : undefined;
}

/** A text field (`part="field"`) whose input edits one draft text. */
function textField(form: OrderForm, id: TextField, label: string, errors: OrderViolation[], around?: (input: TemplateResult) => TemplateResult) {
  return renderField({
    id,
    label,
    error: words(form, errors),
    control: ({ describedBy, invalid }) => {
      const input = html`<input
        id=${id}
        part="input"
        type="text"
        inputmode=${id === 'cancelAfter' ? 'numeric' : 'decimal'}
        autocomplete="off"
        spellcheck="false"
        .value=${live(form.draft[id])}
        aria-invalid=${invalid}
        aria-describedby=${describedBy}
        @input=${form.text(id)}
      />`;
      return around ? around(input) : input;
    },
  });
}

/** A checkbox for one draft flag, with its hint and its errors under it. */
function flag(form: OrderForm, id: Flag, label: string, options: { errors?: OrderViolation[]; hint?: string; disabled?: boolean } = {}) {
  const error = words(form, options.errors ?? []);
  const describedBy = options.hint ? `${id}-hint` : error ? `${id}-error` : undefined;
  return html`<div>
    <label class="check"
      ><input
        id=${id}
        type="checkbox"
        .checked=${live(form.draft[id])}
        ?disabled=${options.disabled ?? false}
        aria-describedby=${ifDefined(describedBy)}
        @change=${(e: Event) => form.set({ [id]: (e.target as HTMLInputElement).checked })}
      />${label}</label
    >
    ${options.hint ? html`<p class="hint" part="hint" id="${id}-hint">${options.hint}</p>` : nothing}
    ${error ? html`<p class="field-error" part="error" id="${id}-error">${error}</p>` : nothing}
  </div>`;
}

/** A row of radios (side, type, market amount) as one labelled group. */
function choice<K extends 'side' | 'type' | 'marketAmount'>(form: OrderForm, key: K, name: string, legend: string, options: ReadonlyArray<[OrderDraft[K], string]>) {
  return html`<fieldset>
    <legend>${legend}</legend>
    <div class="segmented">
      ${options.map(
        ([value, label]) => html`<label class=${key === 'side' ? String(value) : ''}
          ><input type="radio" name=${name} value=${String(value)} .checked=${live(form.draft[key] === value)} @change=${() => form.set({ [key]: value })} />${label}</label
        >`,
      )}
    </div>
  </fieldset>`;
}

function select<V extends string>(id: string, label: string, value: V, values: readonly V[], text: (v: V) => string, onChange: (v: V) => void) {
  return renderField({
    id,
    label,
    control: () => html`<select id=${id} part="input" .value=${live(value)} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value as V)}>
      ${values.map((v) => html`<option value=${v} ?selected=${v === value}>${text(v)}</option>`)}
    </select>`,
  });
}

function price(form: OrderForm, current: TicketSymbol, errors: OrderViolation[]): TemplateResult {
  const rules = current.rules;
  const increment = rules ? form.format.amount(rules.priceIncrement) : '';
  const snapped = rules && errors.some((v) => v.rule === 'step') ? form.snapped(rules) : undefined;
  return html`<div>
    ${textField(form, 'price', t.price(current.quoteCurrency), errors, (input) => html`<div class="with-ticks">
      <button type="button" class="small" aria-label=${t.tickDown(increment)} @click=${() => form.tick('down')}>−</button>
      ${input}
      <button type="button" class="small" aria-label=${t.tickUp(increment)} @click=${() => form.tick('up')}>+</button>
    </div>`)}
    ${snapped && rules ? html`<button type="button" class="small" @click=${() => form.snap()}>${t.snap(form.format.amount(snapped, rules.priceIncrement))}</button>` : nothing}
  </div>`;
}

function stp(form: OrderForm): TemplateResult {
  return select('stp', t.stp, form.draft.stp, STP_CHOICES, (v) => t.stpChoices[v], (v: StpChoice) => form.set({ stp: v }));
}

function advanced(form: OrderForm, current: TicketSymbol, violations: OrderViolation[]): TemplateResult {
  const d = form.draft;
  if (d.type === 'market') {
    return html`<details part="advanced">
      <summary>${t.advanced}</summary>
      ${stp(form)}
      <p class="hint">${t.limitOnly}</p>
    </details>`;
  }
  const noPostOnly = d.timeInForce === 'IOC' || d.timeInForce === 'FOK';
  return html`
    <details part="advanced">
      <summary>${t.advanced}</summary>
      <div class="fields">
        <div class="row">
          ${select('tif', t.timeInForce, d.timeInForce, TIMES_IN_FORCE, (v) => t.tif[v], (v) => form.timeInForce(v))}
          ${textField(form, 'cancelAfter', t.cancelAfter, errorsFor(violations, 'cancelAfter'))}
        </div>
        ${flag(form, 'postOnly', t.postOnly, { disabled: noPostOnly, hint: noPostOnly ? t.postOnlyOff : undefined, errors: errorsFor(violations, 'postOnly') })}
        ${flag(form, 'hidden', t.hidden, { errors: errorsFor(violations, 'hidden') })}
        <div class="row">
          ${flag(form, 'iceberg', t.iceberg)} ${textField(form, 'visibleSize', t.visibleSize(current.baseCurrency), errorsFor(violations, 'visibleSize'))}
        </div>
        ${stp(form)}
      </div>
    </details>
  `;
}

function estimateLine(form: OrderForm, rules: SymbolRules): TemplateResult {
  const d = form.draft;
  const e = estimate(d, rules, form.ctx.markPrice);
  const notional = e.notional ? t.notionalValue(form.format.quantity(e.notional, rules.quoteIncrement), rules.quoteCurrency, e.approximate) : t.notionalUnknown;
  const holdIncrement = d.side === 'buy' ? rules.quoteIncrement : rules.baseIncrement;
  return html`<p class="estimate" part="estimate">
    ${t.notional}: ${notional}
    ${d.autoBorrow && e.hold ? html`<br />${t.mayBorrow(form.format.quantity(e.hold, holdIncrement), e.holdCurrency)}` : nothing}
  </p>`;
}

/** What other parts show inside the form: the price warning under the price, sizing under the amount. */
export interface OrderFormSlots {
  afterPrice?: TemplateResult | typeof nothing;
  afterAmount?: TemplateResult | typeof nothing;
}

/** `part="form"`: the whole order form for the symbol traded. */
export function renderOrderForm(form: OrderForm, current: TicketSymbol, slots: OrderFormSlots = {}): TemplateResult {
  const d = form.draft;
  const rules = current.rules;
  const violations = form.violations;
  const disabled = Boolean(current.disabledReason) || !rules;
  const amountField = d.type === 'limit' || d.marketAmount === 'size' ? 'size' : 'funds';
  const blocked = form.blockedReason;
  const holding = blocked || form.previewing ? 'true' : 'false';
  return html`
    <form part="form" novalidate @submit=${form.onSubmit} @keydown=${form.onKeydown} aria-labelledby="title">
      <fieldset ?disabled=${disabled} aria-describedby=${ifDefined(current.disabledReason ? 'disabled-reason' : undefined)}>
        <div class="fields">
          <div class="row">
            ${choice(form, 'side', 'side', t.side, [['buy', t.sides.buy], ['sell', t.sides.sell]])}
            ${choice(form, 'type', 'type', t.orderType, [['limit', t.types.limit], ['market', t.types.market]])}
          </div>
          ${d.type === 'limit'
            ? html`${price(form, current, errorsFor(violations, 'price'))}${slots.afterPrice ?? nothing}`
            : choice(form, 'marketAmount', 'market-amount', t.marketAmount, [['size', t.marketBySize(current.baseCurrency)], ['funds', t.marketByFunds(current.quoteCurrency)]])}
          ${textField(
            form,
            amountField,
            amountField === 'size' ? t.size(current.baseCurrency) : t.funds(current.quoteCurrency),
            errorsFor(violations, amountField, 'notional'),
          )}
          ${slots.afterAmount ?? nothing}
          <div class="row">${flag(form, 'autoBorrow', t.autoBorrow)} ${flag(form, 'autoRepay', t.autoRepay)}</div>
          ${advanced(form, current, violations)} ${rules ? estimateLine(form, rules) : nothing}
        </div>
      </fieldset>
      <div class="actions">
        <button type="button" part="preview" ?disabled=${disabled} aria-disabled=${holding} @click=${() => void form.preview()}>
          ${form.previewing ? t.previewing : t.preview}
        </button>
        <button
          id="place"
          type="submit"
          part="submit"
          class="place ${d.side}"
          ?disabled=${disabled}
          aria-disabled=${holding}
          aria-describedby=${ifDefined(blocked ? 'blocked-reason' : undefined)}
          @click=${form.onPlaceClick}
        >
          ${form.outcome.kind === 'sending' ? t.placing : t.place(d.side, current.baseCurrency)}
        </button>
      </div>
      ${blocked ? html`<p class="hint" id="blocked-reason">${blocked}</p>` : nothing}
    </form>
  `;
}
