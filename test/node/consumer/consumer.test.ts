/**
 * The package as an integrator gets it: `npm pack` of the working tree (dist/ built by `npm test`
 * first) unpacked into a temporary app's node_modules, its dependencies linked from this
 * checkout's node_modules (the versions the lockfile pins; no registry, no network). Then:
 * - TypeScript checks per-element imports, React JSX and Vue `GlobalComponents` usage, with
 *   deliberate mistakes marked `@ts-expect-error` (an unused one fails the check too);
 * - plain Node renders all four elements with @lit-labs/ssr, with and without `configure()`;
 * - Chromium hydrates the server's HTML without throwing and without replacing it.
 * The fixtures are `.txt` here so that the repository's own typecheck does not read them.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../../helpers/chromium.js';
import { serveFolder } from '../../helpers/static-server.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const TAGS = ['margin-order-ticket', 'margin-borrow-repay', 'margin-lending-market', 'margin-mark-price-ticker'];

interface Manifest {
  modules: Array<{ declarations?: Array<{ tagName?: string; cssParts?: Array<{ name: string }> }> }>;
}

/** Packs the working tree (no build: dist/ is there) and unpacks it as app/node_modules/margin-kit. */
function installPackedTarball(app: string): string {
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', app], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [packed] = JSON.parse(out) as Array<{ filename: string }>;
  const tarball = join(app, packed!.filename);
  const target = join(app, 'node_modules/margin-kit');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  // Everything else the app needs (lit, ky, typescript, react and vue types...) as this checkout has it.
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name.startsWith('.') || name === 'margin-kit') continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(app, 'node_modules', name));
  }
  return tarball;
}

function copyFixture(app: string, fixture: string, to: string): void {
  mkdirSync(join(app, to, '..'), { recursive: true });
  writeFileSync(join(app, to), readFileSync(join(FIXTURES, fixture), 'utf8'));
}

/** Import map for the browser: every bare specifier the package's modules use, plus Lit's family. */
function importMap(app: string): Record<string, string> {
  const dist = join(app, 'node_modules/margin-kit/dist');
  // The npm build's modules (the CDN build has no bare imports).
  const files = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.js') && !f.startsWith('cdn')).map((f) => join(dist, f));
  const names = new Set(['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit-labs/ssr-client']);
  for (const file of files) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*["']([^"'./][^"']*)["']/g)) {
      if (spec!.startsWith('node:')) continue;
      const parts = spec!.split('/');
      names.add(spec!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  }
  const pick = (target: unknown): string | undefined => {
    if (typeof target === 'string') return target;
    if (!target || typeof target !== 'object') return undefined;
    const conditions = target as Record<string, unknown>;
    for (const key of ['browser', 'import', 'default']) if (key in conditions) return pick(conditions[key]);
    return undefined;
  };
  const imports: Record<string, string> = {};
  for (const name of names) {
    const dir = join(app, 'node_modules', name);
    if (!existsSync(join(dir, 'package.json'))) continue;
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { exports?: unknown; module?: string; main?: string };
    const exportsField = pkg.exports as Record<string, unknown> | string | undefined;
    const dot = typeof exportsField === 'object' && exportsField !== null && '.' in exportsField ? exportsField['.'] : exportsField;
    const entry = pick(dot) ?? pkg.module ?? pkg.main;
    if (entry) imports[name] = `/node_modules/${name}/${entry.replace(/^\.\//, '')}`;
    imports[`${name}/`] = `/node_modules/${name}/`;
  }
  imports['margin-kit'] = '/node_modules/margin-kit/dist/index.js';
  return imports;
}

describe('the packed package in a fresh app', () => {
  let app: string;
  let manifest: Manifest;
  const rendered: Record<'plain' | 'configured', Record<string, string>> = { plain: {}, configured: {} };
  // The configured proxy accepts connections and never answers: every element stays in the
  // loading state it was rendered in on the server, in Node and in Chromium alike.
  let silentProxy: Server;
  let proxyUrl = '';

  before(async () => {
    silentProxy = createServer(() => {});
    await new Promise<void>((done) => silentProxy.listen(0, '127.0.0.1', done));
    proxyUrl = `http://127.0.0.1:${(silentProxy.address() as AddressInfo).port}`;
    app = mkdtempSync(join(tmpdir(), 'margin-kit-consumer-'));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true, type: 'module' }));
    installPackedTarball(app);
    manifest = JSON.parse(readFileSync(join(app, 'node_modules/margin-kit/custom-elements.json'), 'utf8')) as Manifest;
  });

  after(async () => {
    silentProxy?.closeAllConnections();
    await new Promise((done) => silentProxy?.close(done));
    if (app) rmSync(app, { recursive: true, force: true });
  });

  test('TypeScript: per-element imports, React JSX and Vue types hold, and each deliberate mistake is an error', () => {
    // One program per kind of app: global declarations (a define module's tag and event maps,
    // React's and Vue's JSX) must not leak from one fixture into another.
    copyFixture(app, 'tsconfig.json.txt', 'tsconfig.base.json');
    const projects = {
      'per-element': ['per-element.ts.txt'],
      react: ['react.tsx.txt', 'ticker-alone.ts.txt'],
      vue: ['vue.ts.txt'],
    };
    const tsc = (project: string): string => {
      try {
        execFileSync(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', join(app, project)], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        return '';
      } catch (error) {
        return String((error as { stdout?: string }).stdout ?? error);
      }
    };
    for (const [project, fixtures] of Object.entries(projects)) {
      writeFileSync(join(app, `tsconfig.${project}.json`), JSON.stringify({ extends: './tsconfig.base.json', include: [`${project}/**/*`] }));
      for (const fixture of fixtures) copyFixture(app, fixture, `${project}/${fixture.replace(/\.txt$/, '')}`);
      assert.equal(tsc(`tsconfig.${project}.json`), '', `${project}: tsc reported errors (TS2578: a deliberate mistake went unnoticed)`);
    }
  });

  test('plain Node renders all four elements with @lit-labs/ssr, with and without configure()', () => {
    copyFixture(app, 'ssr.mjs.txt', 'ssr.mjs');
    for (const mode of ['plain', 'configured'] as const) {
      const out = execFileSync(process.execPath, [join(app, 'ssr.mjs'), mode, proxyUrl], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      rendered[mode] = JSON.parse(out) as Record<string, string>;
    }
    for (const tag of TAGS) {
      const parts = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag)?.cssParts?.map((p) => p.name) ?? [];
      assert.ok(parts.length > 0, `${tag} has parts in the manifest`);
      for (const mode of ['plain', 'configured'] as const) {
        const markup = rendered[mode][tag] ?? '';
        assert.match(markup, new RegExp(`<${tag}[\\s>][\\s\\S]*<template shadowroot(mode)?="open"`), `${tag} ${mode}: a declarative shadow root`);
        const shown = [...markup.matchAll(/\spart="([^"]+)"/g)].flatMap((m) => m[1]!.split(/\s+/));
        assert.ok(shown.some((part) => parts.includes(part)), `${tag} ${mode}: renders a documented part`);
      }
      // configure() reached the server render: with a proxy the element loads instead of asking for one.
      assert.notEqual(rendered.configured[tag], rendered.plain[tag], `${tag}: configure() changed nothing`);
    }
  });

  describe('in Chromium', () => {
    let browser: Browser;
    let site: Awaited<ReturnType<typeof serveFolder>>;

    before(async () => {
      site = await serveFolder(app);
      browser = await launchChromium();
    });

    after(async () => {
      await browser?.close();
      await site?.close();
    });

    for (const mode of ['plain', 'configured'] as const) {
      test(`hydrates the server's HTML of all four in place, without a mismatch (${mode})`, async (t) => {
        if (Object.keys(rendered[mode]).length === 0) return t.skip('the SSR test did not run');
        const page = [
          '<!doctype html><html lang="en"><head><meta charset="utf-8">',
          `<script type="importmap">${JSON.stringify({ imports: importMap(app) })}</script></head><body><main>`,
          ...TAGS.map((tag) => rendered[mode][tag]),
          '</main>',
          // Before any module runs: the nodes the parser made from each declarative shadow root.
          '<script>window.ssrNodes = [...document.querySelectorAll("main > *")].map((el) => el.shadowRoot && el.shadowRoot.lastElementChild);</script>',
          '<script type="module">',
          "import '@lit-labs/ssr-client/lit-element-hydrate-support.js';",
          "import { configure } from 'margin-kit';",
          // In the same synchronous module evaluation as the definitions: before the first update.
          mode === 'configured' ? `configure({ proxyUrl: ${JSON.stringify(proxyUrl)} });` : '',
          'const elements = [...document.querySelectorAll("main > *")];',
          'const settled = await Promise.allSettled(elements.map((el) => el.updateComplete));',
          'window.hydration = elements.map((el, i) => ({ tag: el.localName, upgraded: el.hasUpdated === true && settled[i].status === "fulfilled", kept: window.ssrNodes[i] !== null && el.shadowRoot.lastElementChild === window.ssrNodes[i] && el.shadowRoot.contains(window.ssrNodes[i]) }));',
          '</script></body></html>',
        ].join('\n');
        writeFileSync(join(app, `${mode}.html`), page);
        const tab = await browser.newPage();
        const errors: string[] = [];
        tab.on('pageerror', (error) => errors.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
        tab.on('console', (message) => {
          // A failed load is reported with its URL by the response listener below.
          if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`);
        });
        tab.on('response', (response) => {
          // Chromium asks for /favicon.ico on its own; the page never does.
          if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(`HTTP ${response.status()}: ${response.url()}`);
        });
        await tab.goto(`${site.url}/${mode}.html`, { waitUntil: 'load' });
        const hydration = await tab
          .waitForFunction(() => (window as unknown as { hydration?: unknown }).hydration, { timeout: 15_000 })
          .then((handle) => handle.jsonValue() as Promise<Array<{ tag: string; upgraded: boolean; kept: boolean }>>)
          .catch(() => []);
        await tab.close();
        assert.deepEqual(errors, []);
        assert.deepEqual(hydration, TAGS.map((tag) => ({ tag, upgraded: true, kept: true })));
      });
    }
  });
});
