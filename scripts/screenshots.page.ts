/**
 * The page `npm run screenshots` photographs: one element (`?shot=`) in a box of `?width=` px, in
 * the `?theme=` color scheme (and `?dir=`), on the in-page stack with every table filled. It sets
 * `window.shotReady` once the element shows its data.
 */
import '../src/define/margin-borrow-repay.js';
import '../src/define/margin-lending-market.js';
import '../src/define/margin-mark-price-ticker.js';
import '../src/define/margin-order-ticket.js';
import { stackWithHistory } from '../test/elements/fit/stack.js';

type Host = HTMLElement & { updateComplete: Promise<unknown> };

interface Shot {
  markup: string;
  /** The element shows its data (and nothing is loading). */
  ready: (root: ShadowRoot) => boolean;
}

/** 2026-01-15 12:00 UTC. */
const SHOT_TIME = Date.UTC(2026, 0, 15, 12, 0, 0);

const loaded = (root: ShadowRoot) => !root.querySelector('[part~="skeleton"]');

export const SHOTS: Record<string, Shot> = {
  'order-ticket': {
    markup: '<margin-order-ticket symbol="BTC-USDT" poll-interval="600000"></margin-order-ticket>',
    ready: (root) => loaded(root) && !!root.querySelector('#place') && !!root.querySelector('[part~="panel"] [part~="row"]'),
  },
  'borrow-repay': {
    markup: '<margin-borrow-repay currency="USDT" poll-interval="600000"></margin-borrow-repay>',
    ready: (root) => loaded(root) && !!root.querySelector('[part="limits"] dl') && !!root.querySelector('[part="history"] [part~="row"]'),
  },
  'lending-market': {
    markup: '<margin-lending-market poll-interval="600000"></margin-lending-market>',
    ready: (root) => loaded(root) && !!root.querySelector('[data-action="lend"]'),
  },
  'mark-price-ticker': {
    markup: '<margin-mark-price-ticker mode="list" symbols="BTC-USDT,ETH-USDT,SOL-USDT,XRP-USDT" poll-interval="600000"></margin-mark-price-ticker>',
    ready: (root) => root.querySelectorAll('tbody tr').length === 4,
  },
};

declare global {
  interface Window {
    shotReady?: boolean;
    shotError?: string;
  }
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const shot = SHOTS[params.get('shot') ?? ''];
  if (!shot) throw new Error(`no shot ${params.get('shot')}`);
  document.documentElement.style.colorScheme = params.get('theme') === 'dark' ? 'dark' : 'light';
  // `?dir=rtl` mirrors the page (for looking at a right-to-left layout; not among the committed shots).
  if (params.get('dir')) document.documentElement.dir = params.get('dir')!;
  // A clock that stands still: the same prices and times on every run, so a shot changes only when the element does.
  await stackWithHistory({ now: () => SHOT_TIME });
  const box = document.getElementById('shot')!;
  box.style.inlineSize = `${Number(params.get('width') ?? 1024)}px`;
  box.innerHTML = shot.markup;
  const el = box.firstElementChild as Host;
  const started = Date.now();
  while (!(el.shadowRoot && shot.ready(el.shadowRoot))) {
    if (Date.now() - started > 15_000) throw new Error(`${params.get('shot')} did not load`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await el.updateComplete;
  await document.fonts.ready;
  window.shotReady = true;
}

main().catch((error: unknown) => {
  window.shotError = error instanceof Error ? error.message : String(error);
});
