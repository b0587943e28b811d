/**
 * The in-page stack for the panel's tests, with the bodies the client sent recorded (the
 * stack's `upstream` lists paths only), and small DOM helpers.
 */
import { waitUntil } from '@open-wc/testing';
import { configure, getMarginClient } from '../../../src/client/client.js';
import { createInPageStack, type InPageStack } from '../../../demo/in-page-stack.js';
import type { SandboxOptions } from '../../../src/sandbox/index.js';
import type { MarginBorrowRepay } from '../../../src/define/margin-borrow-repay.js';

/**
 * `waitUntil` with room for a hidden test page, whose timers the browser throttles to about one
 * a second (the default one second would check once). Not a timed assertion: it only bounds a wait.
 */
export function until(predicate: () => unknown, message?: string, timeout = 8_000): Promise<void> {
  return waitUntil(predicate, message, { timeout, interval: 20 });
}

export interface PanelStack extends InPageStack {
  /** `METHOD /venue/path` -> JSON body, for every POST the client sent to the proxy. */
  bodies: Array<{ path: string; body: unknown }>;
  /** POSTs that reached the sandbox. */
  posts(): string[];
}

export function panelStack(options: SandboxOptions & { timeoutMs?: number } = {}): PanelStack {
  const stack = createInPageStack({ ...options, configurePage: false });
  const bodies: PanelStack['bodies'] = [];
  const recording = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.method === 'POST') {
      const text = await request.clone().text();
      bodies.push({ path: new URL(request.url).pathname, body: JSON.parse(text) });
    }
    return stack.fetch(request);
  }) as typeof globalThis.fetch;
  configure({
    proxyUrl: stack.proxyUrl,
    fetch: recording,
    timeoutMs: options.timeoutMs ?? 5_000,
    // web-test-runner runs two test pages at once and one of them is hidden: the hub (rightly)
    // polls nothing in a hidden page, so these tests tell it the page is always on screen.
    hub: { visibility: { isHidden: () => false, subscribe: () => () => {} } },
  });
  return { ...stack, bodies, posts: () => stack.upstream.filter((line) => line.startsWith('POST ')) };
}

/** The page's client for the stack, to prepare sandbox state through the real API. */
export function clientOf(stack: InPageStack) {
  return getMarginClient(stack.proxyUrl);
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
    () => !el.shadowRoot!.querySelector('#history-panel [part="skeleton"]'),
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
