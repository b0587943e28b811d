/**
 * Builds the static Storybook and opens every story and docs page in Chromium, failing on any
 * console error, page error or empty render; each element's docs page shows what
 * custom-elements.json says of it (description, attributes, events, parts).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../../helpers/chromium.js';
import { serveFolder } from '../../helpers/static-server.js';

interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
}

describe('Storybook', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveFolder>>;
  let entries: IndexEntry[] = [];

  before(async () => {
    execFileSync('npm', ['run', '--silent', 'build-storybook'], { stdio: 'pipe', env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } });
    entries = Object.values(JSON.parse(readFileSync('storybook-static/index.json', 'utf8')).entries as Record<string, IndexEntry>);
    site = await serveFolder('storybook-static');
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test('has docs pages and a story per element', () => {
    const titles = new Set(entries.map((e) => e.title));
    for (const docs of ['Docs/Getting started', 'Docs/Signing proxy', 'Docs/Sandbox']) assert.ok(titles.has(docs), docs);
  });

  test('its manifest step is deterministic: the tracked custom-elements.json only changes when the sources do', () => {
    // build-storybook ran `npm run analyze`; a second run over the same sources writes the same bytes.
    const built = readFileSync('custom-elements.json', 'utf8');
    execFileSync('npm', ['run', '--silent', 'analyze'], { stdio: 'pipe' });
    assert.ok(readFileSync('custom-elements.json', 'utf8') === built, 'two analyzer runs over the same sources differ');
    assert.doesNotMatch(built, /"path": "src\//, 'the manifest names unshipped sources');
  });

  test('story names read as the venues spell them', () => {
    const names = new Set(entries.filter((e) => e.type === 'story').map((e) => e.name));
    for (const name of ['KuCoin cross', 'BitMart', 'V1 with review']) assert.ok(names.has(name), name);
    assert.deepEqual([...names].filter((name) => /Ku Coin|Bit Mart|V 1/.test(name)), []);
  });

  test("each element's docs page shows its description, attributes, events and parts from custom-elements.json", async () => {
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
      modules: Array<{ declarations: Array<{ tagName: string; description: string; attributes: Array<{ name: string; description: string }>; events: Array<{ name: string }>; cssParts: Array<{ name: string; description: string }> }> }>;
    };
    const declarations = manifest.modules.flatMap((m) => m.declarations);
    assert.equal(declarations.length, 4);
    const page = await browser.newPage();
    const missing: string[] = [];
    for (const declaration of declarations) {
      const id = `elements-${declaration.tagName}--docs`;
      assert.ok(entries.some((e) => e.id === id), id);
      await page.goto(`${site.url}/iframe.html?id=${id}&viewMode=docs`, { waitUntil: 'load' });
      await page.waitForSelector('#storybook-docs .docblock-argstable', { timeout: 15_000 });
      // The table's sections start collapsed past the first: open them all, then read the text.
      await page.evaluate(() => {
        for (const toggle of document.querySelectorAll<HTMLElement>('#storybook-docs .docblock-argstable button[title^="Show"], #storybook-docs .docblock-argstable tr[title^="Show"]')) toggle.click();
      });
      const text = (await page.$eval('#storybook-docs', (el) => (el as HTMLElement).innerText)).replace(/\s+/g, ' ');
      const squash = (value: string) => value.replace(/`/g, '').replace(/\s+/g, ' ').trim();
      const wanted = [
        squash(declaration.description).slice(0, 60),
        ...declaration.attributes.map((a) => a.name),
        squash(declaration.attributes[0]!.description),
        ...declaration.events.map((e) => e.name),
        ...declaration.cssParts.map((p) => p.name),
        squash(declaration.cssParts[0]!.description),
      ];
      for (const want of wanted) if (!text.includes(want)) missing.push(`${declaration.tagName}: ${want}`);
    }
    await page.close();
    assert.deepEqual(missing, []);
  });

  test('every story and docs page renders without an error', async () => {
    const failures: string[] = [];
    const page = await browser.newPage();
    let errors: string[] = [];
    page.on('console', (message) => {
      // A failed load is reported with its URL by the response listener below.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      // Chromium asks for /favicon.ico on its own; the page never does.
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(`HTTP ${response.status()}: ${response.url().replace(site.url, '')}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
    for (const entry of entries) {
      errors = [];
      const viewMode = entry.type === 'docs' ? 'docs' : 'story';
      await page.goto(`${site.url}/iframe.html?id=${entry.id}&viewMode=${viewMode}`, { waitUntil: 'load' });
      const root = viewMode === 'docs' ? '#storybook-docs' : '#storybook-root';
      // Rendered: the root has an element, and a custom element has painted its shadow root.
      const rendered = await page
        .waitForFunction(
          (selector: string) => {
            const el = document.querySelector(selector)?.firstElementChild;
            if (!el) return false;
            const custom = el.tagName.includes('-') ? el : el.querySelector('[class], *');
            const shadow = custom?.shadowRoot;
            return !custom?.tagName.includes('-') || (shadow !== null && shadow !== undefined && shadow.childNodes.length > 0);
          },
          { timeout: 10_000 },
          root,
        )
        .then(() => true, () => false);
      await new Promise((done) => setTimeout(done, 300)); // late errors from the first loads
      if (!rendered) failures.push(`${entry.id}: empty render`);
      for (const error of errors) failures.push(`${entry.id}: ${error}`);
    }
    await page.close();
    assert.deepEqual(failures, []);
    assert.ok(entries.length >= 3);
  });
});
