/**
 * The README's React 19 and Vue 3 examples (examples/react, examples/vue), built with Vite against
 * the npm build in dist/ as an app would build them, opened in Chromium against a real sandbox
 * and signing proxy: attributes and properties reach the elements, element events reach the
 * framework's handlers (and `preventDefault()` from one reaches the element), with no console or
 * page errors. `npm test` builds dist/ first (scripts/test.mjs).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { launchChromium } from '../../helpers/chromium.js';
import { buildExample } from './build-example.js';
import { allLive, liveData } from './pages.js';
import { openWatched, REPO_ROOT, startPageStack, type PageStack } from './stack.js';

/** What the elements hold: the attributes and properties the example set. */
function readElements(page: Page) {
  return page.evaluate(() => {
    const ticker = document.querySelector('margin-mark-price-ticker') as (HTMLElement & { mode: string; selected: string; symbols: string }) | null;
    const ticket = document.querySelector('margin-order-ticket') as
      | (HTMLElement & { symbol: string; marginMode: string; confirm: boolean; lookupTiming: { maxDelayMs?: number } })
      | null;
    const loans = document.querySelector('margin-borrow-repay') as (HTMLElement & { currency: string; marginMode: string }) | null;
    return {
      tickerMode: ticker?.mode,
      tickerSymbols: ticker?.symbols,
      tickerSelected: ticker?.selected,
      ticketSymbol: ticket?.symbol,
      ticketMarginMode: ticket?.marginMode,
      ticketConfirm: ticket?.confirm,
      ticketLookupMaxDelay: ticket?.lookupTiming?.maxDelayMs,
      // An object set as an attribute would read "[object Object]": it must arrive as a property.
      ticketLookupAttribute: ticket?.getAttribute('lookuptiming') ?? ticket?.getAttribute('lookup-timing') ?? null,
      ticketHeader: ticket?.shadowRoot?.querySelector('[part~="header"]')?.textContent?.replace(/\s+/g, ' ').trim(),
      loansCurrency: loans?.currency,
      loansMarginMode: loans?.marginMode,
      log: [...document.querySelectorAll('#event-log li')].map((li) => li.textContent),
    };
  });
}

async function tickerItem(page: Page, symbol: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle((wanted: string) => {
    const items = document.querySelector('margin-mark-price-ticker')?.shadowRoot?.querySelectorAll('[part~="item"]') ?? [];
    return [...items].find((item) => item.textContent?.includes(wanted)) ?? null;
  }, symbol);
  const element = handle.asElement() as ElementHandle<Element> | null;
  assert.ok(element, `the ticker shows ${symbol}`);
  return element;
}

describe('the React 19 and Vue 3 examples', () => {
  let browser: Browser;
  let stack: PageStack;
  const builds: string[] = [];

  before(async () => {
    stack = await startPageStack();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await stack?.close();
    for (const dir of builds) rmSync(dir, { recursive: true, force: true });
  });

  test('the React example type-checks against the published types', () => {
    const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'examples/react/tsconfig.json', '--noEmit'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });

  for (const name of ['react', 'vue'] as const) {
    test(`${name}: attributes and properties reach the elements, events reach the handlers`, async () => {
      const out = mkdtempSync(join(tmpdir(), `margin-kit-example-${name}-`));
      builds.push(out);
      await buildExample(name, out);
      stack.mount(`/examples/${name}/`, out);

      const watched = await openWatched(browser, `${stack.url}/examples/${name}/`);
      const { page } = watched;
      try {
        const found = await liveData(page);
        assert.ok(allLive(found), JSON.stringify({ found, errors: watched.errors }, null, 2));

        const first = await readElements(page);
        assert.deepEqual(
          { ...first, ticketHeader: undefined },
          {
            tickerMode: 'list',
            tickerSymbols: 'BTC-USDT,ETH-USDT,SOL-USDT',
            tickerSelected: 'BTC-USDT',
            ticketSymbol: 'BTC-USDT',
            ticketMarginMode: 'cross',
            ticketConfirm: true,
            ticketLookupMaxDelay: 4000,
            ticketLookupAttribute: null,
            ticketHeader: undefined,
            loansCurrency: 'BTC',
            loansMarginMode: 'cross',
            log: [],
          },
        );

        // A real click in the ticker: its event reaches the app, whose state flows back as properties.
        await (await tickerItem(page, 'ETH-USDT')).click();
        await page.waitForFunction(() => document.querySelector('#event-log li') !== null, { timeout: 5_000 }).catch(() => undefined);
        await page
          .waitForFunction(() => /ETH-USDT/.test(document.querySelector('margin-order-ticket')?.shadowRoot?.querySelector('[part~="header"]')?.textContent ?? ''), { timeout: 5_000 })
          .catch(() => undefined);
        const second = await readElements(page);
        assert.deepEqual(second.log, ['margin-symbol-select ETH-USDT']);
        assert.equal(second.tickerSelected, 'ETH-USDT');
        assert.equal(second.ticketSymbol, 'ETH-USDT');
        assert.equal(second.loansCurrency, 'ETH');
        assert.match(second.ticketHeader ?? '', /ETH-USDT/, 'the ticket re-rendered for the new symbol');

        // A cancelable request event: the app's handler asks (window.confirm), says no, and the
        // element sees defaultPrevented, which is how it knows to send nothing.
        const answer = await page.evaluate(() => {
          const asked: string[] = [];
          window.confirm = (message?: string) => (asked.push(String(message)), false);
          const ticket = document.querySelector('margin-order-ticket')!;
          const event = Object.assign(new Event('margin-before-submit', { bubbles: true, composed: true, cancelable: true }), {
            detail: { venue: 'kucoin', action: 'place-order', params: { symbol: 'ETH-USDT' } },
          });
          ticket.dispatchEvent(event);
          return { prevented: event.defaultPrevented, asked };
        });
        assert.deepEqual(answer, { prevented: true, asked: ['Send place-order on kucoin?'] });

        assert.deepEqual(watched.errors, []);
        assert.deepEqual(watched.warnings, []);
      } finally {
        await page.close();
      }
    });
  }
});
