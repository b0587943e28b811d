/**
 * The CDN bundle as a page meets it, in Chromium, against a real sandbox and signing proxy on
 * loopback: demo/cdn.html, the bundle included twice, the bundle next to the npm build, another
 * version of the bundle on the same page (the define guard), and the SRI hash the build prints.
 * `npm test` builds dist/ first (scripts/test.mjs).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../../helpers/chromium.js';
import { allLive, liveData, pageLoading, TAGS } from './pages.js';
import { openWatched, REPO_ROOT, startPageStack, type PageStack } from './stack.js';

const CDN = '/dist/cdn/margin-kit.js';
const NPM = '/dist/index.js';
const OTHER_VERSION = '0.0.0-other';
const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

/** Whether each tag is defined by the class of `window.kits[index]`. */
function definedBy(index: number): () => boolean {
  return new Function(
    `const kit = window.kits[${index}];
     return [kit.MarginMarkPriceTicker, kit.MarginOrderTicket, kit.MarginBorrowRepay, kit.MarginLendingMarket]
       .every((cls, i) => cls && customElements.get(${JSON.stringify(TAGS)}[i]) === cls);`,
  ) as () => boolean;
}

describe('the CDN bundle in a page', () => {
  let browser: Browser;
  let stack: PageStack;

  before(async () => {
    stack = await startPageStack();
    browser = await launchChromium();
    const bundle = readFileSync(join(REPO_ROOT, 'dist/cdn/margin-kit.js'), 'utf8');
    // Another release of the same bundle: only its VERSION differs.
    // The minifier may write the string with any quote: "0.1.0", '0.1.0' or `0.1.0`.
    const literals = ['"', "'", '`'].map((q) => `${q}${version}${q}`).filter((l) => bundle.includes(l));
    const count = literals.reduce((n, l) => n + bundle.split(l).length - 1, 0);
    assert.equal(count, 1, `the bundle holds its version ${version} exactly once`);
    const literal = literals[0]!;
    const quote = literal[0]!;
    stack.routes.set('/other-version/margin-kit.js', { type: 'text/javascript', body: bundle.replace(literal, `${quote}${OTHER_VERSION}${quote}`) });
  });

  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  test('demo/cdn.html loads only the bundle and renders all four elements with live data', async () => {
    const scripts: string[] = [];
    const watched = await openWatched(browser, `${stack.url}/demo/cdn.html`, (p) =>
      p.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      }),
    );
    try {
      const found = await liveData(watched.page);
      assert.ok(allLive(found), JSON.stringify({ found, errors: watched.errors }, null, 2));
      assert.match(found['margin-mark-price-ticker']!, /\d[\d,]*\.\d+/, 'the ticker shows a price');
      assert.deepEqual(scripts, [CDN]);
      assert.deepEqual(watched.errors, []);
      assert.deepEqual(watched.warnings, []);
    } finally {
      await watched.page.close();
    }
  });

  for (const [name, modules, importMap] of [
    ['the CDN bundle included twice', [CDN, `${CDN}?copy=2`], false],
    ['the npm build, then the CDN bundle', [NPM, CDN], true],
    ['the CDN bundle, then the npm build', [CDN, NPM], true],
  ] as const) {
    test(`${name}: the first copy defines, the second is a silent no-op`, async () => {
      const path = `/pages/${name.replace(/\W+/g, '-')}.html`;
      stack.routes.set(path, { type: 'text/html; charset=utf-8', body: pageLoading(modules, { importMap }) });
      const watched = await openWatched(browser, stack.url + path);
      try {
        const found = await liveData(watched.page);
        assert.ok(allLive(found), JSON.stringify({ found, errors: watched.errors }, null, 2));
        // Two module instances really ran: two classes per tag, the first one's registered.
        assert.equal(await watched.page.evaluate('window.kits[0].MarginOrderTicket !== window.kits[1].MarginOrderTicket'), true);
        assert.equal(await watched.page.evaluate(definedBy(0)), true);
        assert.deepEqual(watched.errors, []);
        assert.deepEqual(watched.warnings, []);
      } finally {
        await watched.page.close();
      }
    });
  }

  for (const [name, modules, importMap] of [
    ['the CDN bundle, then another version of it', [CDN, '/other-version/margin-kit.js'], false],
    ['the npm build, then another version of the CDN bundle', [NPM, '/other-version/margin-kit.js'], true],
  ] as const) {
    test(`${name}: no throw, the first copy kept, exactly one warning`, async () => {
      const path = `/pages/${name.replace(/\W+/g, '-')}.html`;
      stack.routes.set(path, { type: 'text/html; charset=utf-8', body: pageLoading(modules, { importMap }) });
      const watched = await openWatched(browser, stack.url + path);
      try {
        const found = await liveData(watched.page);
        assert.ok(allLive(found), JSON.stringify({ found, errors: watched.errors }, null, 2));
        assert.equal(await watched.page.evaluate('window.kits[1].VERSION'), OTHER_VERSION);
        assert.equal(await watched.page.evaluate(definedBy(0)), true);
        assert.deepEqual(watched.errors, []);
        assert.equal(watched.warnings.length, 1, `one warning, got: ${JSON.stringify(watched.warnings, null, 2)}`);
        assert.ok(watched.warnings[0]!.includes(version) && watched.warnings[0]!.includes(OTHER_VERSION), watched.warnings[0]);
      } finally {
        await watched.page.close();
      }
    });
  }

  test('the CDN build prints the SRI hash of the file it wrote, and a page loads the bundle with it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'margin-kit-cdn-'));
    try {
      const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--mode', 'cdn', '--outDir', out], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      });
      assert.equal(build.status, 0, build.stderr);
      const expected = `sha384-${createHash('sha384').update(readFileSync(join(out, 'margin-kit.js'))).digest('base64')}`;
      const printed = /sha384-[A-Za-z0-9+/]+=*/.exec(build.stdout)?.[0];
      assert.equal(printed, expected, build.stdout);

      stack.mount('/sri/', out);
      const tampered = `sha384-${createHash('sha384').update('another file').digest('base64')}`;
      for (const [integrity, loads] of [[expected, true], [tampered, false]] as const) {
        const path = `/pages/sri-${loads}.html`;
        stack.routes.set(path, {
          type: 'text/html; charset=utf-8',
          body: `<!doctype html><title>SRI</title><script type="module" src="/sri/margin-kit.js" integrity="${integrity}" crossorigin="anonymous"></script>`,
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
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
