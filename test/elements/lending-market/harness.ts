/**
 * How the lending market's tests find its parts (like Material's `textfield/harness.ts`): tests
 * say what a user does ("open Lend for USDT", "type 250 into the size", "read the note"); this
 * file knows where each part lives. When a part moves or is renamed, this file changes, not the
 * tests.
 */
import { waitUntil } from '@open-wc/testing';

export type Host = HTMLElement & { updateComplete: Promise<unknown> };

/** Selectors of the market's parts, by what a user sees. */
export const P = {
  tabs: '[part~="tabs"]',
  tab: (tab: Tab) => `[part~="tab"]#tab-${tab}`,
  panel: (tab: Tab) => `[part~="panel"]#panel-${tab}`,
  table: '[part~="table"]',
  rows: 'tbody tr',
  filter: '#filter',
  sparkline: 'svg[part~="sparkline"]',
  lend: (currency: string) => `[data-action="lend"][data-currency="${currency}"]`,
  modify: (order: string) => `[data-action="modify"][data-order="${order}"]`,
  redeem: (order: string) => `[data-action="redeem"][data-order="${order}"]`,
  disabledReason: '[part~="disabled-reason"]',
  /** The lend / change rate / redeem form. */
  form: 'section[part~="form"]',
  input: (id: 'size' | 'rate') => `#${id}`,
  hint: (id: 'size' | 'rate') => `#${id}-hint`,
  fieldError: (id: 'size' | 'rate') => `#${id}-error`,
  submit: 'section[part~="form"] [part~="submit"]',
  cancel: 'section[part~="form"] [part~="cancel"]',
  /** What went wrong with the last action (role alert). */
  actionError: 'section[part~="form"] [part~="error"][role="alert"]',
  /** The form's polite note (vetoed, not confirmed, not found). */
  note: 'section[part~="form"] [role="status"]',
  /** What the last action did. */
  notice: 'p[part~="status"]',
  staleBadge: '[part~="stale-badge"]',
  retry: '[part~="retry"]',
  toolbarRetry: '[part~="toolbar"] [part~="retry"]',
  skeleton: '[part~="skeleton"]',
  /** A load that failed (role alert). */
  error: '[part~="error"][role="alert"]',
  /** Nothing to list, nothing matches, not connected. */
  message: '[part~="empty"]',
  status: (list: 'orders' | 'redemptions') => `#${list}-status`,
} as const;

type Tab = 'market' | 'orders' | 'redemptions';

/** A tab's panel is not shown (only the selected one is rendered). */
export const panelHidden = (el: Element, tab: Tab) => {
  const panel = q(el, P.panel(tab));
  return !panel || panel.hidden;
};

export const q = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
export const qa = <E extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<E>(selector)];
export const words = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Opens a tab and waits for its table or its empty words. */
export async function openTab(el: Host, tab: Tab): Promise<void> {
  q(el, P.tab(tab))!.click();
  await el.updateComplete;
  await waitUntil(() => q(el, `${P.panel(tab)} tbody tr, ${P.panel(tab)} [part~="empty"]`), `the ${tab} tab did not load`, { timeout: 8000 });
  await el.updateComplete;
}

/** What a user does with one market. */
export function lendingHarness(el: Host) {
  const find = <E extends Element = HTMLElement>(selector: string) => q<E>(el, selector);
  return {
    rows: () => qa<HTMLTableRowElement>(el, P.rows),
    async openLend(currency: string): Promise<void> {
      find(P.lend(currency))!.click();
      await el.updateComplete;
      await waitUntil(() => find(P.form), 'the lend form did not open');
    },
    type(id: 'size' | 'rate', value: string): void {
      const input = find<HTMLInputElement>(P.input(id))!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    },
    async submit(): Promise<void> {
      find(P.submit)!.click();
      await el.updateComplete;
    },
    submitText: () => words(find(P.submit)),
    submitBusy: () => find(P.submit)?.getAttribute('aria-busy') === 'true',
    note: () => words(find(P.note)),
    notice: () => words(find(P.notice)),
    actionError: () => words(find(P.actionError)),
  };
}
