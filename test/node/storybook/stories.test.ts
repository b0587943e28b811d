/**
 * Builds the static Storybook and opens every story and docs page in Chromium, failing on any
 * console error, page error or empty render.
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
