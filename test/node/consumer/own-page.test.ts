/**
 * README "Your own page in 5 minutes", done as written: the sandbox and proxy CLIs (the package's
 * bins, built by `npm test` first) started with the README's env lines, its page saved next to a
 * copy of dist/cdn and opened in Chromium. Only the ports change (free ones, not 8790/8787/8080).
 * The page shows live sandbox data; the same page from an origin the proxy does not allow shows
 * the message the README's table gives for it.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium } from '../../helpers/chromium.js';
import { serveFolder } from '../../helpers/static-server.js';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The section's fenced blocks, in order: [sandbox sh, proxy sh, ..., page html]. */
function readmeSection(): { shell: string[]; html: string; table: string } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## Your own page in 5 minutes');
  assert.ok(start >= 0, 'README has the section');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 3));
  const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)\n```/g)];
  return {
    shell: blocks.filter((b) => b[1] === 'sh').map((b) => b[2]!),
    html: blocks.find((b) => b[1] === 'html')![2]!,
    table: section,
  };
}

/** `A=1 B=2 \ ... npx bin` -> ({ A: '1', B: '2' }, 'bin'). */
function parseCommand(block: string): { env: Record<string, string>; bin: string } {
  const words = block.split('\n').filter((line) => !line.trimStart().startsWith('#')).join(' ').replace(/\\\s/g, ' ').split(/\s+/).filter(Boolean);
  const env: Record<string, string> = {};
  let bin = '';
  for (const [i, word] of words.entries()) {
    const pair = /^([A-Z_]+)=(.*)$/.exec(word);
    if (pair) env[pair[1]!] = pair[2]!;
    else if (word === 'npx') bin = words[i + 1]!;
  }
  return { env, bin };
}

/** Starts a package bin (as `npx <bin>` would run it) and resolves with the URL it prints. */
function startBin(bin: string, env: Record<string, string>, children: ChildProcess[]): Promise<string> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  const child = spawn(process.execPath, [join(ROOT, pkg.bin[bin]!)], { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) done(url);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`${bin} exited (${code}): ${output}`)));
  });
}

/** The shadow text of every margin-* element on the page, by tag, once `ready` holds. */
async function shadowTexts(page: Page, ready: (texts: Record<string, string>) => boolean): Promise<Record<string, string>> {
  let texts: Record<string, string> = {};
  for (let i = 0; i < 100; i++) {
    texts = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('margin-')).map((el) => [el.localName, (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ')])),
    );
    if (ready(texts)) break;
    await new Promise((done) => setTimeout(done, 150));
  }
  return texts;
}

describe('README: your own page in 5 minutes', () => {
  const children: ChildProcess[] = [];
  const sites: Array<Awaited<ReturnType<typeof serveFolder>>> = [];
  let browser: Browser;
  let folder: string;
  let allowed: Awaited<ReturnType<typeof serveFolder>>;
  let other: Awaited<ReturnType<typeof serveFolder>>;
  const { shell, html, table } = readmeSection();

  before(async () => {
    const sandbox = parseCommand(shell[0]!);
    const proxy = parseCommand(shell[1]!);
    assert.equal(sandbox.bin, 'margin-kit-sandbox');
    assert.equal(proxy.bin, 'margin-kit-proxy');

    folder = mkdtempSync(join(tmpdir(), 'margin-kit-own-page-'));
    cpSync(join(ROOT, 'dist/cdn'), join(folder, 'margin-kit'), { recursive: true });
    allowed = await serveFolder(folder);
    other = await serveFolder(folder);
    sites.push(allowed, other);

    const sandboxUrl = await startBin(sandbox.bin, { ...sandbox.env, SANDBOX_PORT: '0' }, children);
    const env: Record<string, string> = { ...proxy.env, PROXY_PORT: '0' };
    for (const key of ['KUCOIN_BASE_URL', 'BITMART_BASE_URL']) {
      assert.equal(env[key], 'http://127.0.0.1:8790', key);
      env[key] = sandboxUrl;
    }
    assert.match(env.PROXY_ALLOWED_ORIGINS ?? '', /^http:\/\/127\.0\.0\.1:8080,/);
    env.PROXY_ALLOWED_ORIGINS = allowed.url;
    const proxyUrl = await startBin(proxy.bin, env, children);

    assert.ok(html.includes("'http://127.0.0.1:8787'") && html.includes(`'${proxy.env.PROXY_TOKEN}'`), 'the page uses the proxy URL and token of step 2');
    writeFileSync(join(folder, 'index.html'), html.replace("'http://127.0.0.1:8787'", `'${proxyUrl}'`));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    for (const site of sites) await site.close();
    for (const child of children) child.kill();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('the page trades against the sandbox through the proxy, with no margin-error', async () => {
    const page = await browser.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => {
      // The page's own margin-error listener warns; a failed load is reported with its URL below.
      if ((message.type() === 'warn' || message.type() === 'error') && !message.text().startsWith('Failed to load resource')) warnings.push(message.text());
    });
    page.on('response', (response) => {
      // Chromium asks for /favicon.ico on its own; the page never does.
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) warnings.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    page.on('pageerror', (error) => warnings.push(String(error)));
    await page.goto(`${allowed.url}/index.html`, { waitUntil: 'load' });
    const live = (texts: Record<string, string>) =>
      /BTC-USDT \d/.test(texts['margin-mark-price-ticker'] ?? '') && /Mark price: \d/.test(texts['margin-order-ticket'] ?? '') && /\d/.test(texts['margin-borrow-repay'] ?? '');
    const texts = await shadowTexts(page, live);
    await page.close();
    assert.ok(live(texts), JSON.stringify(texts, null, 1));
    assert.deepEqual(warnings, []);
  });

  test('from an origin the proxy does not allow, the elements say so, as the README table does', async () => {
    const page = await browser.newPage();
    await page.goto(`${other.url}/index.html`, { waitUntil: 'load' });
    const said = `this origin (${other.url}) is not on its allowed origins (PROXY_ALLOWED_ORIGINS)`;
    const shown = (t: Record<string, string>) => ['margin-mark-price-ticker', 'margin-borrow-repay'].every((tag) => (t[tag] ?? '').includes(`The proxy refused this request: ${said}`));
    const texts = await shadowTexts(page, shown);
    await page.close();
    assert.ok(shown(texts), JSON.stringify(texts, null, 1));
    // Never the words for a proxy that cannot be reached.
    assert.deepEqual(Object.values(texts).filter((text) => text.includes('Cannot reach the proxy')), []);
    assert.ok(table.includes('The proxy refused this request: this origin (…) is not on its allowed origins (PROXY_ALLOWED_ORIGINS)'));
  });
});
