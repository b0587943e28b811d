/**
 * Issue 9: soak. Tickers polling at 1 s (two list tickers sharing one poll, one single-symbol
 * ticker) from the built CDN bundle in Chromium, through the proxy and the sandbox on 127.0.0.1,
 * for 120 simulated seconds on a fake hub clock, with two outages (server errors, then reset
 * connections) and one ticker replaced every 10 s. It recovers after each outage, never keeps more
 * than one timer per polled resource, and its heap (measured with CDP after forced GC) and its
 * listener and node counts do not grow. Bounds are tolerant; nothing is timed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { createSandboxExchange, type SandboxExchange } from '../../../src/sandbox/index.js';
import { launchChromium } from '../../helpers/chromium.js';
import { BUNDLE, bundleExists, PAGE_TOKEN, startPageSite, type PageSite } from './page-site.js';

const STEPS = 120;
const WARM_UP = 20;
/** Polled resources: the mark price list, which the list and single tickers all read (one poll). */
const RESOURCES = 1;
const OUTAGES = [
  { from: 30, to: 45, kind: 'server-error' as const },
  { from: 70, to: 85, kind: 'reset' as const },
];
const MARK_PATHS = /^\/api\/(v3\/mark-price\/all-symbols|v1\/mark-price\/[A-Z0-9-]+\/current)$/;

/** The page: a fake hub clock driven from Node, a fetch that counts what is in flight, and the tickers. */
function setupScript(proxyUrl: string): string {
  return `import { configure, getMarginClient } from './margin-kit.all.js';

let inflight = 0;
let maxTimers = 0;
const timers = new Map();
let time = 1700000000000;
let nextId = 1;
const clock = {
  now: () => time,
  setTimeout(callback, ms) {
    const id = nextId++;
    timers.set(id, { at: time + ms, callback });
    maxTimers = Math.max(maxTimers, timers.size);
    return id;
  },
  clearTimeout(id) {
    timers.delete(id);
  },
};
const task = () => new Promise((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(0);
});

configure({
  proxyUrl: ${JSON.stringify(proxyUrl)},
  getToken: () => ${JSON.stringify(PAGE_TOKEN)},
  fetch: (input, init) => {
    inflight += 1;
    return fetch(input, init).finally(() => (inflight -= 1));
  },
  hub: { clock, visibility: { isHidden: () => false, subscribe: () => () => {} } },
});

const TICKER = '<margin-mark-price-ticker mode="list" poll-interval="1000" symbols="BTC-USDT,ETH-USDT" locale="en-US"></margin-mark-price-ticker>';

window.__soak = {
  /** Moves the hub's clock, running each timer that falls due. */
  async advance(ms) {
    const end = time + ms;
    for (;;) {
      await task();
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      time = due[1].at;
      due[1].callback();
    }
    time = end;
  },
  /** Nothing in flight and every resource waiting on its timer again. */
  idle: (resources) => inflight === 0 && getMarginClient().hub.activeTimers === resources,
  timers: () => ({ pending: timers.size, active: getMarginClient().hub.activeTimers, max: maxTimers }),
  /** Replaces the second list ticker with a new element (same poll key). */
  churn() {
    const old = document.querySelectorAll('margin-mark-price-ticker')[1];
    const fresh = document.createElement('template');
    fresh.innerHTML = TICKER;
    old.replaceWith(fresh.content.firstElementChild);
  },
  /** What the first list ticker shows: its BTC-USDT price, and whether it says stale or failing. */
  shown() {
    const root = document.querySelector('margin-mark-price-ticker').shadowRoot;
    const price = root.querySelector('tbody button[data-symbol="BTC-USDT"]')?.closest('tr')?.querySelector('[part~="price"]')?.textContent ?? '';
    return { price, stale: Boolean(root.querySelector('[part~="stale-badge"]')) };
  },
};
`;
}

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>soak</title><script type="module" src="setup.js"></script></head>
<body>
  <margin-mark-price-ticker mode="list" poll-interval="1000" symbols="BTC-USDT,ETH-USDT" locale="en-US"></margin-mark-price-ticker>
  <margin-mark-price-ticker mode="list" poll-interval="1000" symbols="BTC-USDT,ETH-USDT" locale="en-US"></margin-mark-price-ticker>
  <margin-mark-price-ticker mode="single" poll-interval="1000" symbols="BTC-USDT" locale="en-US"></margin-mark-price-ticker>
</body>
</html>`;

interface Memory {
  heap: number;
  nodes: number;
  listeners: number;
}

describe('soak: tickers at 1 s through outages (built CDN bundle, Chromium, fake hub clock)', () => {
  let browser: Browser;
  let site: PageSite;
  let sandbox: SandboxExchange;
  const polls = { ok: 0, failed: 0 };

  before(async () => {
    assert.ok(bundleExists(), `${BUNDLE} is missing: run npm run build (npm test does)`);
    sandbox = createSandboxExchange({ seed: 6 });
    const counting = async (request: Request) => {
      const path = new URL(request.url).pathname;
      try {
        const response = await sandbox(request);
        if (MARK_PATHS.test(path)) polls[response.ok ? 'ok' : 'failed'] += 1;
        return response;
      } catch (error) {
        if (MARK_PATHS.test(path)) polls.failed += 1;
        throw error;
      }
    };
    site = await startPageSite({ venue: counting });
    site.write('index.html', PAGE);
    site.write('setup.js', setupScript(site.proxy.url));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  async function memory(cdp: CDPSession): Promise<Memory> {
    for (let i = 0; i < 3; i += 1) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const counters = await cdp.send('Memory.getDOMCounters');
    return { heap: usedSize, nodes: counters.nodes, listeners: counters.jsEventListeners };
  }

  async function idle(page: Page): Promise<void> {
    // Bounded by a count of checks, not by time: a failing load retries with real backoff (~1 s).
    for (let i = 0; i < 400; i += 1) {
      if (await page.evaluate(`window.__soak.idle(${RESOURCES})`)) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`never idle: ${JSON.stringify(await page.evaluate('window.__soak.timers()'))}`);
  }

  test(`${STEPS} polls at 1 s with ${OUTAGES.length} outages: recovers, one timer per resource, no growth`, { timeout: 180_000 }, async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
    await page.setViewport({ width: 1280, height: 2000 });
    await page.goto(`${site.url}/`, { waitUntil: 'load' });
    const cdp = await page.createCDPSession();
    await idle(page);

    const timerCounts: number[] = [];
    const recoveredAt: number[] = [];
    let baseline: Memory | undefined;
    let middle: Memory | undefined;
    let outage: (typeof OUTAGES)[number] | undefined;
    let waitingForRecovery = false;
    for (let step = 1; step <= STEPS; step += 1) {
      const starting = OUTAGES.find((o) => o.from === step);
      if (starting) {
        outage = starting;
        sandbox.faults.add({ kind: starting.kind, path: MARK_PATHS });
      }
      if (outage && outage.to === step) {
        sandbox.faults.clear();
        outage = undefined;
        waitingForRecovery = true;
      }
      if (step % 10 === 5) await page.evaluate('window.__soak.churn()');
      await page.evaluate('window.__soak.advance(1000)');
      await idle(page);
      const { pending, active } = (await page.evaluate('window.__soak.timers()')) as { pending: number; active: number };
      timerCounts.push(active);
      assert.equal(pending, active, 'a timer on the hub clock that the hub does not own');
      const shown = (await page.evaluate('window.__soak.shown()')) as { price: string; stale: boolean };
      if (outage && step > outage.from + 1) assert.ok(shown.stale, `step ${step}: an outage is not shown as stale`);
      if (waitingForRecovery && !shown.stale && shown.price !== '') {
        recoveredAt.push(step);
        waitingForRecovery = false;
      }
      if (step === WARM_UP) baseline = await memory(cdp);
      if (step === STEPS / 2) middle = await memory(cdp);
    }
    const end = await memory(cdp);
    const { max } = (await page.evaluate('window.__soak.timers()')) as { max: number };
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
    console.log(
      `soak: ${STEPS} simulated seconds at 1 s polling, ${polls.ok} polls answered and ${polls.failed} failed at the sandbox, ` +
        `${OUTAGES.length} outages (recovered at steps ${recoveredAt.join(', ')}), ${Math.floor(STEPS / 10)} tickers replaced | ` +
        `timers: at most ${max} on the hub clock, ${Math.max(...timerCounts)} active when idle | heap after GC: ${mb(baseline!.heap)} MB at step ${WARM_UP}, ` +
        `${mb(middle!.heap)} MB at ${STEPS / 2}, ${mb(end.heap)} MB at ${STEPS} | DOM nodes ${baseline!.nodes} -> ${end.nodes}, listeners ${baseline!.listeners} -> ${end.listeners}`,
    );

    assert.deepEqual(errors, []);
    // One timer per resource, never more, at any moment (max) and when idle (every step).
    assert.ok(max <= RESOURCES, `the hub clock held ${max} timers at once`);
    assert.ok(timerCounts.every((n) => n === RESOURCES), `active timers when idle: ${[...new Set(timerCounts)].join(', ')}`);
    // Recovered after each outage, and shows fresh prices at the end.
    assert.equal(recoveredAt.length, OUTAGES.length, `recovered after ${recoveredAt.length} of ${OUTAGES.length} outages`);
    const last = (await page.evaluate('window.__soak.shown()')) as { price: string; stale: boolean };
    assert.ok(!last.stale && last.price !== '', JSON.stringify(last));
    // One poll per 1 s step for every ticker on the page, less the 30 outage steps and the backoff after them.
    assert.ok(polls.failed > 0 && polls.ok >= STEPS / 2, `polls: ${JSON.stringify(polls)}`);
    // No growth: tolerant bounds (GC is not exact), over 100 simulated seconds and 10 replaced tickers.
    assert.ok(end.heap <= baseline!.heap * 1.25 + 1024 * 1024, `heap grew from ${mb(baseline!.heap)} MB to ${mb(end.heap)} MB`);
    assert.ok(end.nodes <= baseline!.nodes + 200, `DOM nodes grew from ${baseline!.nodes} to ${end.nodes}`);
    assert.ok(end.listeners <= baseline!.listeners + 20, `listeners grew from ${baseline!.listeners} to ${end.listeners}`);
    await page.close();
  });
});
