/**
 * Stories run live: each story gets its own in-page stack (proxy handler + sandbox handler) on
 * its own proxy URL, so several stories on one docs page never share state.
 */
import { html, type TemplateResult } from 'lit';
import { configure } from '../src/client/client.js';
import type { FaultRule } from '../src/sandbox/index.js';
import { createInPageStack, type InPageStack } from '../demo/in-page-stack.js';

const stacks = new Map<string, InPageStack>();

configure({
  fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const stack = stacks.get(new URL(request.url).origin);
    return stack ? stack.fetch(request) : Promise.reject(new TypeError(`no story stack for ${request.url}`));
  }) as typeof fetch,
});

export type StackState = 'live' | 'loading' | 'error';

const FAULTS: Record<StackState, FaultRule[]> = {
  live: [],
  // Answers that take ten minutes: the element stays in its loading state.
  loading: [{ kind: 'delay', delayMs: 600_000 }],
  // Every call fails as a venue outage would (nothing applied).
  error: [{ kind: 'server-error' }],
};

/** A fresh sandbox + proxy for one story; returns the proxy URL to give the element. */
export function storyStack(name: string, state: StackState = 'live'): string {
  const proxyUrl = `https://${name.toLowerCase().replace(/[^a-z0-9-]/g, '-')}.proxy.invalid`;
  const existing = stacks.get(proxyUrl);
  if (existing && state === 'live') return proxyUrl;
  const stack = createInPageStack({ proxyUrl, configurePage: false, seed: 42, faults: FAULTS[state] });
  stacks.set(proxyUrl, stack);
  return proxyUrl;
}

/** The dark theme: the page's color-scheme, which the elements follow. */
export function dark(story: TemplateResult): TemplateResult {
  return html`<div style="color-scheme: dark; background: #101317; padding: 1rem; border-radius: 8px;">${story}</div>`;
}
