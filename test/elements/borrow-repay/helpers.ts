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

export * from './harness.js';
