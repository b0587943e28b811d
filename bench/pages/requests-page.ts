/**
 * The requests benchmark's page: the in-page stack (signing proxy handler in front of the
 * sandbox), and the elements the driver mounts on it, all on one proxy. The stack records every
 * request the proxy forwarded (`upstream`); the driver counts them per endpoint.
 */
import { createInPageStack } from '../../demo/in-page-stack.js';

export interface ElementSpec {
  tag: string;
  attributes: Record<string, string>;
}

declare global {
  interface Window {
    requestsBench: {
      /** `METHOD /path?query` of every request the proxy forwarded, in order. */
      upstream: string[];
      /** `margin-error` events seen: `tag: message`. */
      errors: string[];
      mount(specs: readonly ElementSpec[]): number;
    };
  }
}

/** Called by the bundle's entry (package.json `sideEffects` would drop a bare import of this file). */
export function install(): void {
  const stack = createInPageStack({ seed: 1 });
  const errors: string[] = [];
  document.addEventListener('margin-error', (event) => {
    errors.push(`${(event.target as Element).localName}: ${event.detail.message}`);
  });

  window.requestsBench = {
    upstream: stack.upstream,
    errors,
    mount(specs) {
      const grid = document.createElement('div');
      // Every element on screen at once: an off-screen element rightly stops polling.
      grid.style.cssText = 'display:grid;grid-template-columns:repeat(5,300px);grid-auto-rows:380px;gap:8px';
      let defined = 0;
      for (const spec of specs) {
        const cell = document.createElement('div');
        cell.style.cssText = 'overflow:auto;border:1px solid #ccc';
        const element = document.createElement(spec.tag);
        for (const [name, value] of Object.entries(spec.attributes)) element.setAttribute(name, value);
        if (customElements.get(spec.tag)) defined += 1;
        cell.append(element);
        grid.append(cell);
      }
      document.body.append(grid);
      return defined;
    },
  };
}
