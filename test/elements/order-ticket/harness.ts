/**
 * How the ticket's tests find its parts (like Material's `textfield/harness.ts`): the tests say
 * what a user does ("type 0.001 into the size", "click Place", "read the status"); the harness
 * knows where each part lives in the shadow root. When a part moves, this file changes, not
 * the tests. The part names are the kit's vocabulary (`status`, `error`, `submit`, `review`, ...).
 */
import { aTimeout, fixture, waitUntil, type html } from '@open-wc/testing';
import type { MarginOrderTicket } from '../../../src/define/margin-order-ticket.js';

/** The ticket, or a bare element holding one of its parts (parts.test.ts). */
export type Host = HTMLElement & { updateComplete: Promise<unknown> };

/** Selectors of the ticket's parts, by what a user sees. */
export const P = {
  header: '[part~="header"]',
  markPrice: '[part~="mark-price"]',
  symbolPicker: '[part~="symbol-picker"]',
  skeleton: '[part~="skeleton"]',
  empty: '[part~="empty"]',
  form: 'form[part~="form"]',
  /** The Buy/Sell button (the order form's submit). */
  place: '#place[part~="submit"]',
  preview: '[part~="preview"]',
  advanced: 'details[part~="advanced"]',
  estimate: '[part~="estimate"]',
  /** The words under fields that break a rule. */
  fieldErrors: '[part~="field"] [part~="error"], [part~="error"].field-error',
  review: '[part~="review"]',
  status: '[part~="status"]',
  /** The ticket's own errors (a load that failed, a refusal, an invalid draft), not a field's. */
  error: '[part~="error"][role="alert"]',
  retry: '[part~="retry"]',
  leverage: 'form[part~="leverage"]',
  orders: '[part~="orders"]',
  /** The orders panel's selected tab panel, and the rows of the table in it. */
  panel: '[part~="panel"][role="tabpanel"]',
  rows: '[part~="panel"] [part~="row"]',
  tab: (tab: 'open' | 'history' | 'fills') => `[part~="tab"]#tab-${tab}`,
  cancelAll: '[part~="cancel"]#cancel-all',
  cancelAllYes: '[part~="confirm"]#cancel-all-yes',
} as const;

export const root = (el: HTMLElement) => el.shadowRoot!;
export const q = <E extends Element = HTMLElement>(el: HTMLElement, selector: string) => root(el).querySelector<E>(selector);
export const qa = <E extends Element = HTMLElement>(el: HTMLElement, selector: string) => [...root(el).querySelectorAll<E>(selector)];
export const text = (el: HTMLElement, selector: string) => (q(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Lets in-page requests finish and Lit render. */
export async function settle(el?: Host): Promise<void> {
  for (let i = 0; i < 4; i += 1) await aTimeout(5);
  await el?.updateComplete;
}

export async function mountTicket(template: ReturnType<typeof html>): Promise<MarginOrderTicket> {
  const el = await fixture<MarginOrderTicket>(template);
  await waitUntil(() => q(el, P.place), 'the ticket never showed its form', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

/** Types into a field as a person would (the value, then an input event). */
export async function typeInto(el: Host, id: string, value: string): Promise<void> {
  const input = q<HTMLInputElement>(el, `#${id}`);
  if (!input) throw new Error(`no field #${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function check(el: Host, selector: string, checked = true): Promise<void> {
  const input = q<HTMLInputElement>(el, selector);
  if (!input) throw new Error(`no checkbox ${selector}`);
  if (input.checked !== checked) input.click();
  await el.updateComplete;
}

export async function choose(el: Host, selector: string, value: string): Promise<void> {
  const select = q<HTMLSelectElement>(el, selector);
  if (!select) throw new Error(`no select ${selector}`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function openAdvanced(el: Host): Promise<void> {
  const details = q<HTMLDetailsElement>(el, P.advanced);
  if (details && !details.open) details.open = true;
  await el.updateComplete;
}

export async function clickOn(el: Host, selector: string): Promise<void> {
  const target = q<HTMLElement>(el, selector);
  if (!target) throw new Error(`nothing at ${selector}`);
  target.click();
  await el.updateComplete;
}

/** A radio of the order form (side, type, market amount). */
export function radio(el: Host, name: string, value: string): HTMLInputElement {
  const input = q<HTMLInputElement>(el, `input[name="${name}"][value="${value}"]`);
  if (!input) throw new Error(`no radio ${name}=${value}`);
  return input;
}

/** The rows of the table in the orders panel's selected tab. */
export const rows = (el: HTMLElement) => qa(el, P.rows);

/** A button by the words on it, within a part. */
export function button(el: HTMLElement, within: string, words: string): HTMLButtonElement | undefined {
  return qa<HTMLButtonElement>(el, `${within} button`).find((b) => b.textContent!.replace(/\s+/g, ' ').trim().includes(words));
}

/** Opens a tab of the orders panel and waits for its table or its empty words. */
export async function openOrdersTab(el: Host, tab: 'open' | 'history' | 'fills'): Promise<void> {
  await clickOn(el, P.tab(tab));
  await waitUntil(() => q(el, `${P.panel} [part~="table"], ${P.panel} [part~="empty"]`), `the ${tab} tab did not load`, { timeout: 8000 });
  await settle(el);
}
