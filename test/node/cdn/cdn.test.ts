/**
 * The CDN files as a page meets them, in Chromium, against a real sandbox and signing proxy on
 * loopback, for both the loader (margin-kit.js, chunks fetched per tag) and margin-kit.all.js:
 * demo/cdn.html, a page with only a ticker, a tag inside a shadow root, each file included twice,
 * next to the npm build, another version on the same page (the define guard), and the SRI
 * hashes the build prints (the single file pinned by `integrity`, the chunks by an import map).
 * `npm test` builds dist/ first (scripts/test.mjs).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium } from '../../helpers/chromium.js';
import { allLive, liveData, pageLoading, TAGS } from './pages.js';
import { openWatched, REPO_ROOT, startPageStack, type PageStack } from './stack.js';

const LOADER = '/dist/cdn/margin-kit.js';
const ALL = '/dist/cdn/margin-kit.all.js';
const NPM = '/dist/index.js';
const OTHER_VERSION = '0.0.0-other';
const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
const CDN_DIR = join(REPO_ROOT, 'dist/cdn');

/** The minifier may write the version with any quote: "0.1.0", '0.1.0' or `0.1.0`. */
function versionLiterals(text: string): string[] {
  return ['"', "'", '`'].map((q) => `${q}${version}${q}`).filter((l) => text.includes(l));
}

/** Whether each tag is defined by the class of `window.kits[index]` (the single file exports the classes). */
function definedBy(index: number): () => boolean {
  return new Function(
    `const kit = window.kits[${index}];
     return [kit.MarginMarkPriceTicker, kit.MarginOrderTicket, kit.MarginBorrowRepay, kit.MarginLendingMarket]
       .every((cls, i) => cls && customElements.get(${JSON.stringify(TAGS)}[i]) === cls);`,
  ) as () => boolean;
}

/** The CDN folder with the version replaced in the one file that holds it: another release of it. */
function otherRelease(): string {
  const out = mkdtempSync(join(tmpdir(), 'margin-kit-other-'));
  cpSync(CDN_DIR, out, { recursive: true });
  const holders = readdirSync(out).filter((f) => f !== 'margin-kit.all.js' && f.endsWith('.js') && versionLiterals(readFileSync(join(out, f), 'utf8')).length > 0);
  const all = readFileSync(join(out, 'margin-kit.all.js'), 'utf8');
  for (const file of [...holders, 'margin-kit.all.js']) {
    const text = file === 'margin-kit.all.js' ? all : readFileSync(join(out, file), 'utf8');
    const literals = versionLiterals(text);
    const count = literals.reduce((n, l) => n + text.split(l).length - 1, 0);
    assert.equal(count, 1, `${file} holds the version ${version} exactly once`);
    const literal = literals[0]!;
    writeFileSync(join(out, file), text.replace(literal, `${literal[0]}${OTHER_VERSION}${literal[0]}`));
  }
  assert.equal(holders.length, 1, `one file of the loader's holds the version: ${holders.join(', ')}`);
  return out;
}

/** The page's script requests: CDN files only, by path. */
function scriptsOf(page: Page, into: string[]): void {
  page.on('request', (request) => {
    if (request.resourceType() === 'script') into.push(new URL(request.url()).pathname);
  });
}

describe('the CDN files in a page (the loader and margin-kit.all.js)', () => {
  let browser: Browser;
  let stack: PageStack;
  let other: string;

  before(async () => {
    stack = await startPageStack();
    browser = await launchChromium();
    other = otherRelease();
    stack.mount('/other-version/', other);
  });

  after(async () => {
    await browser?.close();
    await stack?.close();
    if (other) rmSync(other, { recursive: true, force: true });
  });

  for (const [name, file] of [['the loader', LOADER], ['margin-kit.all.js', ALL]] as const) {
    test(`demo/cdn.html on ${name} renders all four elements with live data`, async () => {
      const path = `/pages/demo-${name.replace(/\W+/g, '-')}.html`;
      const demo = readFileSync(join(REPO_ROOT, 'demo/cdn.html'), 'utf8');
      assert.ok(demo.includes(`'${LOADER}'`), 'demo/cdn.html imports the loader');
      stack.routes.set(path, { type: 'text/html; charset=utf-8', body: demo.replace(`'${LOADER}'`, `'${file}'`) });
      const scripts: string[] = [];
      const watched = await openWatched(browser, stack.url + path, (p) => scriptsOf(p, scripts));
      try {
        const found = await liveData(watched.page);
        assert.ok(allLive(found), JSON.stringify({ found, errors: watched.errors }, null, 2));
        assert.match(found['margin-mark-price-ticker']!, /\d[\d,]*\.\d+/, 'the ticker shows a price');
        if (file === ALL) assert.deepEqual(scripts, [ALL]);
        else {
          assert.equal(scripts[0], LOADER);
          assert.ok(scripts.every((s) => s.startsWith('/dist/cdn/') && s !== ALL), scripts.join(' '));
          for (const tag of TAGS) assert.ok(scripts.some((s) => new RegExp(`/${tag}-[\\w-]+\\.js$`).test(s)), `${tag}'s chunk: ${scripts.join(' ')}`);
        }
        assert.deepEqual(watched.errors, []);
        assert.deepEqual(watched.warnings, []);
      } finally {
        await watched.page.close();
      }
    });
  }

  test('a page with only a ticker fetches the loader and the ticker, none of the other three', async () => {
    const path = '/pages/ticker-only.html';
    stack.routes.set(path, {
      type: 'text/html; charset=utf-8',
      body: `<!doctype html><title>ticker only</title><script type="module">
import { configure } from '${LOADER}';
const { proxyUrl, token } = await (await fetch('/demo-config.json')).json();
configure({ proxyUrl, getToken: () => token });
document.body.innerHTML = '<margin-mark-price-ticker mode="list" symbols="BTC-USDT"></margin-mark-price-ticker>';
</script>`,
    });
    const scripts: string[] = [];
    const watched = await openWatched(browser, stack.url + path, (p) => scriptsOf(p, scripts));
    try {
      const found = await liveData(watched.page, ['margin-mark-price-ticker']);
      assert.ok(allLive(found), JSON.stringify({ found, errors: watched.errors }, null, 2));
      for (const tag of TAGS.slice(1)) assert.ok(!scripts.some((s) => s.includes(`/${tag}-`)), `${tag} was fetched: ${scripts.join(' ')}`);
      assert.deepEqual(watched.errors, []);
    } finally {
      await watched.page.close();
    }
  });

  test('the loader finds a tag inside an open shadow root, rendered after the loader started', async () => {
    const path = '/pages/in-shadow-root.html';
    stack.routes.set(path, {
      type: 'text/html; charset=utf-8',
      body: `<!doctype html><title>in a shadow root</title><script type="module">
import { configure } from '${LOADER}';
const { proxyUrl, token } = await (await fetch('/demo-config.json')).json();
configure({ proxyUrl, getToken: () => token });
const host = document.createElement('app-shell');
host.attachShadow({ mode: 'open' });
document.body.append(host);
// Rendered later, as a framework component renders its own content.
setTimeout(() => { host.shadowRoot.innerHTML = '<div><margin-mark-price-ticker mode="single" symbols="BTC-USDT"></margin-mark-price-ticker></div>'; }, 50);
</script>`,
    });
    const watched = await openWatched(browser, stack.url + path);
    try {
      await watched.page.waitForFunction(
        () => /\d/.test(document.querySelector('app-shell')?.shadowRoot?.querySelector('margin-mark-price-ticker')?.shadowRoot?.querySelector('[part~="price"]')?.textContent ?? ''),
        { timeout: 15_000 },
      );
      assert.deepEqual(watched.errors, []);
    } finally {
      await watched.page.close();
    }
  });

  for (const [name, modules, importMap] of [
    ['the loader included twice', [LOADER, `${LOADER}?copy=2`], false],
    ['margin-kit.all.js included twice', [ALL, `${ALL}?copy=2`], false],
    ['the loader, then margin-kit.all.js', [LOADER, ALL], false],
    ['the npm build, then the loader', [NPM, LOADER], true],
    ['the npm build, then margin-kit.all.js', [NPM, ALL], true],
    ['margin-kit.all.js, then the npm build', [ALL, NPM], true],
  ] as const) {
    test(`${name}: the first copy defines, the second is a silent no-op`, async () => {
      const path = `/pages/${name.replace(/\W+/g, '-')}.html`;
      stack.routes.set(path, { type: 'text/html; charset=utf-8', body: pageLoading(modules, { importMap }) });
      const watched = await openWatched(browser, stack.url + path);
      try {
        const found = await liveData(watched.page);
        assert.ok(allLive(found), JSON.stringify({ found, errors: watched.errors }, null, 2));
        // Two module instances really ran.
        assert.equal(await watched.page.evaluate('window.kits[0] !== window.kits[1]'), true);
        // The single file and the npm build export the classes: the first copy's are the ones defined.
        if (modules[0] !== LOADER) assert.equal(await watched.page.evaluate(definedBy(0)), true);
        assert.deepEqual(watched.errors, []);
        assert.deepEqual(watched.warnings, []);
      } finally {
        await watched.page.close();
      }
    });
  }

  // A loader never fetches a tag that is already defined: after the npm build, another version's
  // loader loads nothing, so there is nothing to warn about.
  for (const [name, modules, importMap, warnings] of [
    ['margin-kit.all.js, then another version of it', [ALL, '/other-version/margin-kit.all.js'], false, 1],
    ['the loader, then another version of it', [LOADER, '/other-version/margin-kit.js'], false, 1],
    ['the npm build, then another version of the loader', [NPM, '/other-version/margin-kit.js'], true, 0],
  ] as const) {
    test(`${name}: no throw, one copy kept, ${warnings === 1 ? 'exactly one warning' : 'no warning (nothing loaded twice)'}`, async () => {
      const path = `/pages/${name.replace(/\W+/g, '-')}.html`;
      stack.routes.set(path, { type: 'text/html; charset=utf-8', body: pageLoading(modules, { importMap }) });
      const watched = await openWatched(browser, stack.url + path);
      try {
        const found = await liveData(watched.page);
        assert.ok(allLive(found), JSON.stringify({ found, errors: watched.errors }, null, 2));
        assert.equal(await watched.page.evaluate('window.kits[1].VERSION'), OTHER_VERSION);
        // Module scripts run in order, so a copy that defines on import (npm, all.js) is first; two
        // loaders race for each chunk, and either may win a tag: the warning says which.
        if (modules[0] !== LOADER) assert.equal(await watched.page.evaluate(definedBy(0)), true);
        assert.deepEqual(watched.errors, []);
        assert.equal(watched.warnings.length, warnings, `warnings: ${JSON.stringify(watched.warnings, null, 2)}`);
        if (warnings > 0) assert.ok(watched.warnings[0]!.includes(version) && watched.warnings[0]!.includes(OTHER_VERSION), watched.warnings[0]);
      } finally {
        await watched.page.close();
      }
    });
  }

  test('the CDN build prints the SRI hash of every file it wrote; SRI pins the single file, an import map pins the chunks', async () => {
    const out = mkdtempSync(join(tmpdir(), 'margin-kit-cdn-'));
    try {
      const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--mode', 'cdn', '--outDir', out], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      });
      assert.equal(build.status, 0, build.stderr);
      const hash = (file: string) => `sha384-${createHash('sha384').update(readFileSync(join(out, file))).digest('base64')}`;
      const files = readdirSync(out).filter((f) => f.endsWith('.js'));
      assert.ok(files.includes('margin-kit.js') && files.includes('margin-kit.all.js'), files.join(' '));
      for (const file of files) {
        const printed = new RegExp(`SRI \\S*${file.replace(/[.]/g, '\\.')}\\s+integrity="(sha384-[A-Za-z0-9+/]+=*)"`).exec(build.stdout)?.[1];
        assert.equal(printed, hash(file), `${file}: ${build.stdout}`);
      }

      stack.mount('/sri/', out);
      const tampered = `sha384-${createHash('sha384').update('another file').digest('base64')}`;
      for (const [integrity, loads] of [[hash('margin-kit.all.js'), true], [tampered, false]] as const) {
        const path = `/pages/sri-${loads}.html`;
        stack.routes.set(path, {
          type: 'text/html; charset=utf-8',
          body: `<!doctype html><title>SRI</title><script type="module" src="/sri/margin-kit.all.js" integrity="${integrity}" crossorigin="anonymous"></script>`,
        });
        const watched = await openWatched(browser, stack.url + path);
        try {
          // A module script runs before the load event that openWatched waited for.
          const defined = await watched.page.evaluate(`customElements.get('margin-order-ticket') !== undefined`);
          assert.equal(defined, loads, `integrity ${integrity}`);
          if (loads) assert.deepEqual(watched.errors, []);
        } finally {
          await watched.page.close();
        }
      }

      // The loader: its own <script integrity>, and each chunk's hash in the import map's `integrity`.
      const ticker = files.find((f) => f.startsWith('margin-mark-price-ticker-'))!;
      for (const [chunkHash, loads] of [[hash(ticker), true], [tampered, false]] as const) {
        const integrity = Object.fromEntries(files.filter((f) => f !== 'margin-kit.js').map((f) => [`/sri/${f}`, f === ticker ? chunkHash : hash(f)]));
        const path = `/pages/sri-loader-${loads}.html`;
        stack.routes.set(path, {
          type: 'text/html; charset=utf-8',
          body: `<!doctype html><title>SRI</title>
<script type="importmap">${JSON.stringify({ integrity })}</script>
<script type="module" src="/sri/margin-kit.js" integrity="${hash('margin-kit.js')}" crossorigin="anonymous"></script>
<margin-mark-price-ticker></margin-mark-price-ticker>`,
        });
        const watched = await openWatched(browser, stack.url + path);
        try {
          const defined = await watched.page
            .waitForFunction(() => customElements.get('margin-mark-price-ticker') !== undefined, { timeout: 5_000 })
            .then(() => true, () => false);
          assert.equal(defined, loads, `ticker chunk integrity ${chunkHash}`);
        } finally {
          await watched.page.close();
        }
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
