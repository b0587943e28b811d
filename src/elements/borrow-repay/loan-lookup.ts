/**
 * Find one loan by the id the venue gave it (KuCoin `orderNo`, BitMart `borrow_id`/`repay_id`):
 * the borrow, else the repay, recorded under that id on the panel's target (`findById`, one
 * look-up per action whatever the record's age). Its own small form and state.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LoanRecord } from '../../client/venue.js';
import type { Decimal } from '../../core/decimal.js';
import { renderField } from '../shared/blocks/field.js';
import { describeError } from '../shared/describe-error.js';
import type { LoanTarget } from './loan-target.js';
import { borrowRepayStrings } from './strings.js';

const t = () => borrowRepayStrings.account;

export type LookupResult = { kind: 'found'; record: LoanRecord } | { kind: 'not-found'; id: string } | { kind: 'error'; error: unknown };

/** The borrow or repay recorded under `id`, looked up as a borrow first, then as a repay. */
export async function findLoan(target: Pick<LoanTarget, 'venue' | 'currency' | 'symbol'>, id: string, signal?: AbortSignal): Promise<LoanRecord | undefined> {
  const where = { currency: target.currency, symbol: target.symbol };
  return (await target.venue.findById('borrow', id, where, { signal })) ?? (await target.venue.findById('repay', id, where, { signal }));
}

export interface LookupView {
  target: LoanTarget;
  amount(value: Decimal | string): string;
  time(ms: number): string;
}

export class LoanLookup {
  private idText = '';
  private busy = false;
  private result: LookupResult | undefined;

  constructor(private readonly host: ReactiveControllerHost) {}

  private readonly onInput = (event: Event): void => {
    this.idText = (event.target as HTMLInputElement).value;
    // What was found is for the id before this edit.
    this.result = undefined;
    this.host.requestUpdate();
  };

  private async find(target: LoanTarget): Promise<void> {
    const id = this.idText.trim();
    if (!id || this.busy) return;
    this.busy = true;
    this.host.requestUpdate();
    try {
      const record = await findLoan(target, id);
      this.result = record ? { kind: 'found', record } : { kind: 'not-found', id };
    } catch (error) {
      this.result = { kind: 'error', error };
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** `part="lookup"`: an id field, Find, and the record found (or why none). */
  render(view: LookupView): TemplateResult {
    const r = this.result;
    let said: unknown = nothing;
    if (r?.kind === 'not-found') said = t().lookupNotFound;
    else if (r?.kind === 'error') said = describeError(r.error);
    else if (r?.kind === 'found') {
      const rec = r.record;
      const action = rec.action === 'borrow' ? borrowRepayStrings.form.borrow : borrowRepayStrings.form.repay;
      const parts = rec.principal && rec.interest ? ` (${t().liabilityParts(view.amount(rec.principal), view.amount(rec.interest))})` : '';
      said = t().lookupFound(action, view.amount(rec.amount), rec.currency, view.time(rec.time), `${rec.status ? ` · ${rec.status}` : ''}${parts} · ${rec.id}`);
    }
    return html`<form
      part="lookup"
      class="lookup"
      aria-labelledby="lookup-heading"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.find(view.target);
      }}
    >
      <h3 id="lookup-heading">${t().lookupHeading}</h3>
      ${renderField({
        id: 'lookup-id',
        label: t().lookupId,
        control: (w) => html`<input id=${w.id} part="input" type="text" autocomplete="off" spellcheck="false" .value=${this.idText} aria-describedby=${w.describedBy} @input=${this.onInput} />`,
      })}
      <button type="submit" part="lookup-find" ?disabled=${this.busy}>${t().lookupFind}</button>
      <p part="lookup-result" role="status">${said}</p>
    </form>`;
  }
}
