/**
 * Issue 9: every element, from the built CDN files (the loader dist/cdn/margin-kit.js, and margin-kit.all.js), on a page served with
 * a strict Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval', Trusted Types required),
 * in Debian's Chromium: no `securitypolicyviolation` event and no CSP console error, with the
 * sandbox's own data and with the hostile venue's (markup in names, currencies and messages).
 * Loopback only: page, proxy and sandbox each on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { createSandboxExchange } from '../../../src/sandbox/index.js';
import { hostileVenue, PWNED } from '../../chaos/hostile-venue.js';
import { launchChromium } from '../../helpers/chromium.js';
import { BUNDLE, bundleExists, PAGE_TOKEN, startPageSite, type PageSite } from './page-site.js';

const ELEMENTS = `
  <margin-mark-price-ticker mode="list" locale="en-US"></margin-mark-price-ticker>
  <margin-mark-price-ticker symbol="BTC-USDT" locale="en-US"></margin-mark-price-ticker>
  <margin-order-ticket symbol="BTC-USDT" locale="en-US" poll-interval="60000"></margin-order-ticket>
  <margin-borrow-repay exchange="kucoin" margin-mode="cross" currency="USDT" locale="en-US"></margin-borrow-repay>
  <margin-borrow-repay exchange="bitmart" margin-mode="isolated" symbol="BTC_USDT" currency="USDT" locale="en-US"></margin-borrow-repay>
  <margin-lending-market locale="en-US"></margin-lending-market>`;

/** Registered first, as a classic script from the page's own origin: it records every violation. */
const WATCH = `window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '') + ' @' + e.sourceFile + ':' + e.lineNumber);
});`;

function page(body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>margin-kit under a strict CSP</title>
<script src="watch.js"></script>
<script type="module" src="setup.js"></script>
</head>
<body>${body}</body>
</html>`;
}

function policy(connect: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

describe('every element under a strict CSP (built CDN bundle, Chromium)', () => {
  let browser: Browser;
  const closers: Array<() => Promise<void>> = [];

  before(async () => {
    assert.ok(bundleExists(), `${BUNDLE} is missing: run npm run build (npm test does)`);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    for (const close of closers.reverse()) await close();
  });

  /** A page origin, a proxy allowing it, and a sandbox (hostile or not) behind the proxy; the page loads `bundle`. */
  async function site(hostile: boolean, bundle = 'margin-kit.js'): Promise<PageSite> {
    const sandbox = createSandboxExchange({ seed: 5 });
    const s = await startPageSite({
      venue: hostile ? hostileVenue(sandbox, { refuse: /^POST \/api\/v3\/hf\/margin\/order$/ }) : sandbox,
      headers: (proxyUrl) => ({ 'content-security-policy': policy(proxyUrl) }),
    });
    closers.push(() => s.close());
    s.write('watch.js', WATCH);
    s.write('index.html', page(ELEMENTS));
    // The control: an inline style attribute this policy must refuse, so the watch is shown to work.
    s.write('control.html', page('<p style="color: red">inline style</p>'));
    s.write('setup.js', `import { configure } from './${bundle}';\nconfigure({ proxyUrl: ${JSON.stringify(s.proxy.url)}, getToken: () => ${JSON.stringify(PAGE_TOKEN)} });\n`);
    return s;
  }

  async function open(url: string): Promise<{ page: Page; consoleCsp: string[]; errors: string[] }> {
    const page = await browser.newPage();
    const consoleCsp: string[] = [];
    const errors: string[] = [];
    page.on('console', (message) => {
      const text = message.text();
      if (/Content Security Policy|Refused to|Trusted Type/i.test(text)) consoleCsp.push(text);
    });
    page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
    // Tall enough that every element is on screen: off-screen elements rightly do not poll.
    await page.setViewport({ width: 1280, height: 5000 });
    await page.goto(url, { waitUntil: 'load' });
    return { page, consoleCsp, errors };
  }

  /**
   * Polls from Node with page.evaluate (CDP, outside the page's CSP): puppeteer's waitForFunction
   * builds its predicate in the page, which this very policy (no eval, Trusted Types) forbids.
   */
  async function poll<T>(page: Page, what: string, predicate: string | (() => T | false), timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = (await page.evaluate(predicate)) as T | false;
      if (value) return value as T;
      if (Date.now() > deadline) {
        const state = await page.evaluate(`JSON.stringify({ csp: window.__csp, elements: [...document.body.children].map((el) => el.tagName + ': ' + (el.shadowRoot ? el.shadowRoot.textContent.replace(/\\s+/g, ' ').slice(0, 300) : '(no shadow root)')) })`);
        throw new Error(`timed out waiting for ${what}: ${state}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Waits until each element has drawn its data: rows, a form, limits. (A string: tsx would wrap inner functions in a helper the page lacks.) */
  async function rendered(page: Page): Promise<void> {
    await poll(page, 'every element to render its data', `(() => {
      const all = (selector) => [...document.querySelectorAll(selector)].map((el) => el.shadowRoot);
      const [list, single] = all('margin-mark-price-ticker');
      const [kucoin, bitmart] = all('margin-borrow-repay');
      return Boolean(
        list?.querySelector('tbody tr') &&
          single?.textContent?.includes('BTC-USDT') &&
          all('margin-order-ticket')[0]?.querySelector('#place:not([disabled])') &&
          kucoin?.querySelector('[part="limits"] dl') &&
          bitmart?.querySelector('[part="limits"] dl') &&
          all('margin-lending-market')[0]?.querySelector('tbody tr'),
      );
    })()`);
  }

  /** Types an order into the ticket and places it: the outcome (placed or refused) renders too. */
  async function placeOrder(page: Page): Promise<string> {
    await page.evaluate(() => {
      const ticket = document.querySelector('margin-order-ticket')!.shadowRoot!;
      for (const [id, value] of [['price', '30000'], ['size', '0.001']] as const) {
        const input = ticket.querySelector<HTMLInputElement>(`#${id}`)!;
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
    });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    await page.evaluate(() => document.querySelector('margin-order-ticket')!.shadowRoot!.querySelector<HTMLButtonElement>('#place')!.click());
    return poll(page, 'the order outcome', () => {
      const text = document.querySelector('margin-order-ticket')!.shadowRoot!.textContent ?? '';
      return /Order placed:|<img src=x onerror=/.test(text) ? text : false;
    });
  }

  async function violations(page: Page): Promise<string[]> {
    return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  }

  test('the watch sees a violation on the control page (the test can fail)', async () => {
    const s = await site(false);
    const { page, consoleCsp } = await open(`${s.url}/control.html`);
    await poll(page, 'the control violation', () => (window as unknown as { __csp: string[] }).__csp.length > 0, 5000);
    const seen = await violations(page);
    assert.ok(seen.some((v) => v.startsWith('style-src')), seen.join('\n'));
    assert.ok(consoleCsp.length > 0);
    await page.close();
  });

  // The loader fetching each element's chunk, and the single file; hostile data through the loader.
  for (const [hostile, bundle] of [[false, 'margin-kit.js'], [false, 'margin-kit.all.js'], [true, 'margin-kit.js']] as const) {
    test(`every element renders and places an order without a violation (${hostile ? 'hostile venue data' : 'sandbox data'}, ${bundle})`, async () => {
      const s = await site(hostile, bundle);
      const { page, consoleCsp, errors } = await open(`${s.url}/`);
      await rendered(page);
      const outcome = await placeOrder(page);
      assert.match(outcome, hostile ? /<img src=x onerror=/ : /Order placed:/);
      // Give an image made from venue text the time to fail and fire its handler.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
      // Elements inside the shadow roots that venue text could have made (a string: evaluated as is).
      const made = (await page.evaluate(`(() => {
        const out = [];
        const walk = (root) => {
          for (const el of root.querySelectorAll('*')) {
            if (root !== document && ['IMG', 'SCRIPT', 'IFRAME'].includes(el.tagName)) out.push(el.outerHTML);
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document);
        return out;
      })()`)) as string[];
      assert.deepEqual(made, []);
      assert.equal(await page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], PWNED), undefined);
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(consoleCsp, []);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
