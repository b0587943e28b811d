/**
 * What a user sees and does in `<margin-borrow-repay>`: the harness knows the parts and ids, the
 * tests say what happens (Material's `textfield/harness.ts`). When a part moves, only this file
 * changes.
 */
import { waitUntil } from '@open-wc/testing';
import type { MarginBorrowRepay } from '../../../src/define/margin-borrow-repay.js';

/** The parts and ids the panel renders. */
export const parts = {
  limits: '[part="limits"]',
  risk: '[part="risk"]',
  staleBadge: '[part="stale-badge"]',
  disabled: '[part="disabled"]',
  preview: '[part="preview"]',
  outcome: '[part="outcome"]',
  amount: '#amount',
  amountError: '#amount-error',
  submitBlock: '#submit-block',
  currency: '#currency',
  timeInForce: '#time-in-force',
  checkAgain: '#check-again',
  /** The selected history tab's panel. */
  historyPanel: '[part="history"] [part="panel"]',
  historyTabs: '[part="history"] [part="tab"]',
  /** The error of the history's time range (on the field that breaks it). */
  rangeError: '[part="history"] [part="field"] [part="error"]',
  pager: '.pager',
  pagePrevious: '#page-previous',
  pageNext: '#page-next',
} as const;

export function tab(el: MarginBorrowRepay, name: 'borrow' | 'repay' | 'interest'): HTMLButtonElement {
  return $<HTMLButtonElement>(el, `#tab-${name}`);
}

export async function openTab(el: MarginBorrowRepay, name: 'borrow' | 'repay' | 'interest'): Promise<void> {
  tab(el, name).click();
  await el.updateComplete;
}

export function $<T extends Element = HTMLElement>(el: MarginBorrowRepay, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in the panel`);
  return found;
}

export function $$(el: MarginBorrowRepay, selector: string): Element[] {
  return [...el.shadowRoot!.querySelectorAll(selector)];
}

export function text(el: MarginBorrowRepay, selector: string): string {
  return ($(el, selector).textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The limits definition list as `{ term: value }`. */
export function limitsShown(el: MarginBorrowRepay): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dt of el.shadowRoot!.querySelectorAll('[part="limits"] dt')) {
    out[(dt.textContent ?? '').trim()] = (dt.nextElementSibling?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
  return out;
}

export async function limitsLoaded(el: MarginBorrowRepay): Promise<void> {
  await waitUntil(() => el.shadowRoot!.querySelector('[part="limits"] dl'), 'limits did not load', { timeout: 8_000 });
  await el.updateComplete;
}

export async function historyLoaded(el: MarginBorrowRepay): Promise<void> {
  await waitUntil(
    () => !el.shadowRoot!.querySelector(`${parts.historyPanel} [part="skeleton"]`),
    'history did not load',
    { timeout: 8_000 },
  );
  await el.updateComplete;
}

export async function typeAmount(el: MarginBorrowRepay, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#amount');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function chooseAction(el: MarginBorrowRepay, action: 'borrow' | 'repay'): Promise<void> {
  $<HTMLInputElement>(el, `input[name="action"][value="${action}"]`).click();
  await el.updateComplete;
}

export async function choose(el: MarginBorrowRepay, selector: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, selector);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export function submitButton(el: MarginBorrowRepay): HTMLButtonElement {
  return $<HTMLButtonElement>(el, 'button[type="submit"]');
}

/** Waits until the last borrow/repay settled (not sending, not checking). */
export async function settled(el: MarginBorrowRepay): Promise<void> {
  await waitUntil(
    () => {
      const outcome = el.shadowRoot!.querySelector('[part="outcome"]')?.textContent ?? '';
      return !/…/.test(outcome);
    },
    'the loan did not settle',
    { timeout: 8_000 },
  );
  await el.updateComplete;
}

export function outcome(el: MarginBorrowRepay): string {
  return text(el, '[part="outcome"]');
}

export async function setRange(el: MarginBorrowRepay, which: 'from' | 'to', value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `#range-${which}`);
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export function historyRows(el: MarginBorrowRepay): string[][] {
  return $$(el, '[part="table"] tbody tr').map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()));
}
