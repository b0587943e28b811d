/**
 * The ticket's leverage form: `POST /api/v3/position/update-user-leverage` for the cross account
 * or the isolated symbol traded. The value is checked (above 1, two decimals, the maximum)
 * before anything is sent, and the page may veto the change (`margin-before-submit`).
 */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { modifyLeverage } from '../../client/kucoin/debit.js';
import { renderField } from '../shared/blocks/field.js';
import { MarginBeforeSubmitEvent } from '../shared/events.js';
import { checkLeverage, type OrderViolation } from './order-draft.js';
import { ticketStrings as t } from './strings.js';
import { renderNotices, reportFailure, requireClient, TicketPart, type Message } from './ticket-context.js';

export class LeverageForm extends TicketPart {
  text = '';
  busy = false;
  message: Message | undefined;
  error: OrderViolation | undefined;

  private readonly submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (this.busy) return;
    const check = checkLeverage(this.text, this.ctx.maxLeverage);
    this.message = undefined;
    if (!check.ok) {
      this.error = check.violation;
      this.changed();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('#leverage')?.focus();
      return;
    }
    this.error = undefined;
    const params =
      this.ctx.mode === 'isolated' ? { symbol: this.ctx.symbol, isIsolated: true, leverage: check.text } : { isIsolated: false, leverage: check.text };
    const before = new MarginBeforeSubmitEvent({ venue: 'kucoin', action: 'modify-leverage', params });
    this.host.dispatchEvent(before);
    if (before.defaultPrevented) {
      this.message = { tone: 'info', text: () => t.vetoed };
      return this.changed();
    }
    this.busy = true;
    this.changed();
    try {
      await modifyLeverage(requireClient(this.ctx).transport, params);
      this.message = { tone: 'info', text: () => t.leverageSet(this.format.amount(check.value)) };
    } catch (error) {
      this.message = reportFailure(this.ctx, error, 'modify-leverage');
    } finally {
      this.busy = false;
      this.changed();
    }
  };

  private readonly onInput = (e: Event): void => {
    this.text = (e.target as HTMLInputElement).value;
    this.error = undefined;
    this.changed();
  };

  render(disabled: boolean): TemplateResult {
    const max = this.ctx.maxLeverage;
    return html`
      <form class="leverage" part="leverage" novalidate @submit=${this.submit}>
        ${renderField({
          id: 'leverage',
          label: t.leverage,
          hint: t.leverageHint(max === undefined ? undefined : this.format.amount(String(max))),
          error: this.error ? this.format.violation(this.error) : undefined,
          control: ({ id, describedBy, invalid }) => html`<input
            id=${id}
            part="input"
            type="text"
            inputmode="decimal"
            autocomplete="off"
            .value=${live(this.text)}
            aria-invalid=${invalid}
            aria-describedby=${describedBy}
            ?disabled=${disabled}
            @input=${this.onInput}
          />`,
        })}
        <button type="submit" part="submit" ?disabled=${disabled} aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? t.settingLeverage : t.setLeverage}
        </button>
        ${renderNotices(this.message)}
      </form>
    `;
  }
}
