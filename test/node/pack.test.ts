/**
 * What `npm pack` ships: the builds (dist/, types, the CDN bundle, the editor and framework files
 * generated from the manifest), custom-elements.json, README, LICENSE and CHANGELOG, and nothing
 * else: no sources, tests, stories, examples, fixtures or secrets, and no source map that points
 * outside the package; and that packing builds first (`prepack`). Also that the README it ships is
 * true to the manifest (the generated API tables, the parts it names, well-formed tables) and to
 * the examples the Chromium tests run. `npm test` builds dist/ first (scripts/test.mjs); the packed
 * package in an app is test/node/consumer/consumer.test.ts.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { expectedFiles } from '../../scripts/api-tables.mjs';
import { dedupeTypeImports, INTEGRATION_FILES } from '../../scripts/integrations.mjs';
import { THEME_TOKENS } from '../../src/elements/shared/theme.js';

const ROOT = resolve(import.meta.dirname, '../..');

interface PackResult {
  name: string;
  files: Array<{ path: string; size: number }>;
}

interface PackageJson {
  scripts: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  customData: Record<string, string>;
  'web-types': string;
  bin: Record<string, string>;
  main: string;
  types: string;
  customElements: string;
}

const strip = (path: string) => path.replace(/^\.\//, '');

describe('npm pack', () => {
  let paths: string[] = [];
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

  before(() => {
    // --ignore-scripts: listing the files must not start a build next to the other tests.
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const [result] = JSON.parse(out) as PackResult[];
    paths = result!.files.map((file) => file.path).sort();
  });

  test('holds the builds, their types, the manifest, README, LICENSE and CHANGELOG', () => {
    const required = [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'custom-elements.json',
      'dist/cdn/margin-kit.js',
      'dist/index.js',
      'dist/types/index.d.ts',
      strip(pkg.main),
      strip(pkg.types),
      strip(pkg.customElements),
      ...Object.values(pkg.bin).map(strip),
      // Every export's import and types target.
      ...Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target))).map(strip),
    ];
    assert.deepEqual([...new Set(required)].filter((path) => !paths.includes(path)), [], 'missing from the package');
    for (const define of ['margin-order-ticket', 'margin-borrow-repay', 'margin-lending-market', 'margin-mark-price-ticker']) {
      assert.ok(paths.includes(`dist/${define}.js`) && paths.includes(`dist/types/define/${define}.d.ts`), define);
    }
  });

  test('builds before packing, and ships the editor and framework files package.json names', () => {
    // A fresh clone has no dist/: without prepack, `npm pack` would ship no code.
    assert.match(pkg.scripts.prepack ?? '', /\bnpm run build\b/);
    assert.match(pkg.scripts.build ?? '', /scripts\/integrations\.mjs/);
    const named = [...Object.values(pkg.customData), pkg['web-types']].map(strip);
    assert.deepEqual(named.sort(), [INTEGRATION_FILES.vscodeCss, INTEGRATION_FILES.vscodeHtml, INTEGRATION_FILES.webTypes].sort());
    assert.deepEqual(Object.values(INTEGRATION_FILES).filter((path) => !paths.includes(path)), [], 'generated files missing from the package');
  });

  test('its editor data names the four tags, their attribute values and events, as the manifest has them', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as {
      modules: Array<{ path: string; declarations: Array<{ tagName: string; name: string; events: Array<{ name: string }> }> }>;
    };
    const declarations = manifest.modules.flatMap((m) => m.declarations.map((d) => ({ ...d, path: m.path })));
    const vscode = JSON.parse(readFileSync(join(ROOT, INTEGRATION_FILES.vscodeHtml), 'utf8')) as {
      tags: Array<{ name: string; attributes: Array<{ name: string; values?: Array<{ name: string }> }> }>;
    };
    const webTypes = JSON.parse(readFileSync(join(ROOT, INTEGRATION_FILES.webTypes), 'utf8')) as {
      contributions: { html: { elements: Array<{ name: string; events?: Array<{ name: string }>; source?: { module: string; symbol: string } }> } };
    };
    const tags = declarations.map((d) => d.tagName).sort();
    assert.equal(tags.length, 4);
    assert.deepEqual(vscode.tags.map((t) => t.name).sort(), tags);
    const exchange = vscode.tags.find((t) => t.name === 'margin-borrow-repay')?.attributes.find((a) => a.name === 'exchange');
    assert.deepEqual(exchange?.values?.map((v) => v.name), ['kucoin', 'bitmart']);
    for (const d of declarations) {
      const element = webTypes.contributions.html.elements.find((e) => e.name === d.tagName);
      assert.deepEqual(element?.events?.map((e) => e.name).sort(), d.events.map((e) => e.name).sort(), d.tagName);
      assert.deepEqual(element?.source, { module: `./${d.path}`, symbol: d.name });
      assert.ok(paths.includes(d.path), `${d.path} ships`);
    }
  });

  test('its generated types import each name once (the define modules all re-export the shared events)', () => {
    assert.equal(
      dedupeTypeImports('import type { A, Shared } from "./a.js";\nimport type { B, Shared } from "./b.js";\nimport type { Shared } from "./c.js";\n'),
      'import type { A, Shared } from "./a.js";\nimport type { B } from "./b.js";\n',
    );
    for (const file of [INTEGRATION_FILES.jsxElements, INTEGRATION_FILES.vue]) {
      const names = [...readFileSync(join(ROOT, file), 'utf8').matchAll(/import type \{([^}]*)\}/g)].flatMap((m) => m[1]!.split(',').map((n) => n.trim()).filter(Boolean));
      assert.ok(names.length > 4, file);
      assert.deepEqual(names.filter((name, i) => names.indexOf(name) !== i), [], file);
    }
  });

  test('holds nothing but those: no sources, tests, stories, examples, fixtures or secrets', () => {
    const allowed = (path: string) =>
      ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'custom-elements.json'].includes(path) ||
      /^dist\/.+\.js$/.test(path) ||
      /^dist\/types\/.+\.d\.ts$/.test(path) ||
      /^dist\/.+\.js\.map$/.test(path) ||
      Object.values(INTEGRATION_FILES).includes(path);
    assert.deepEqual(paths.filter((path) => !allowed(path)), [], 'unexpected files');
    const suspicious = paths.filter((path) =>
      /(^|\/)(src|test|tests|__tests__|fixtures?|stories|examples|demo|bench|scripts|storybook-static|node_modules)\//.test(path) ||
      /\.(test|spec)\.[cm]?[jt]sx?$/.test(path) ||
      /(^|\/)\.env|\.(pem|key|p12|pfx|crt|tgz|log)$|(^|\/)\.npmrc$/.test(path),
    );
    assert.deepEqual(suspicious, []);
    for (const path of paths) {
      const text = readFileSync(join(ROOT, path), 'utf8');
      assert.doesNotMatch(text, /-----BEGIN [A-Z ]*PRIVATE KEY-----/, path);
    }
  });

  test('no source map, and no sourceMappingURL, points outside the package', () => {
    const outside: string[] = [];
    const inPackage = (file: string) => paths.includes(normalize(file)) && !normalize(file).startsWith('..');
    for (const path of paths.filter((p) => p.endsWith('.js'))) {
      const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(join(ROOT, path), 'utf8'))?.[1];
      if (url && !url.startsWith('data:') && !inPackage(join(dirname(path), url))) outside.push(`${path} -> ${url}`);
    }
    for (const path of paths.filter((p) => p.endsWith('.map'))) {
      const map = JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as { sourceRoot?: string; sources?: string[]; sourcesContent?: unknown[] };
      for (const source of map.sources ?? []) {
        // With the sources inlined a map needs no files; otherwise each source must ship too.
        if (map.sourcesContent?.length === map.sources?.length) continue;
        const file = join(dirname(path), map.sourceRoot ?? '', source);
        if (!inPackage(file)) outside.push(`${path} -> ${source}`);
      }
    }
    assert.deepEqual(outside, []);
  });
});

describe('the README the package ships', () => {
  test('its API tables (and the Theming page) are generated from custom-elements.json as it is now', () => {
    for (const { file, current, expected } of expectedFiles(ROOT)) {
      assert.ok(current === expected, `${file} is out of date with custom-elements.json: run npm run api-tables`);
    }
  });

  test('its tables are well formed: every row has as many cells as the header', () => {
    const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
    const cells = (line: string) => line.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).length;
    const broken: string[] = [];
    let inFence = false;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]!.startsWith('```')) inFence = !inFence;
      // A table: a header row followed by its separator row.
      if (inFence || !lines[i]!.startsWith('|') || !/^\|( *:?-{3,}:? *\|)+ *$/.test(lines[i + 1] ?? '')) continue;
      const width = cells(lines[i]!);
      for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) {
        if (cells(lines[j]!) !== width) broken.push(`line ${j + 1}: ${cells(lines[j]!)} cells, header has ${width}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  test('its React and Vue excerpts are lines of the example files that the Chromium tests run', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const excerpts = [...readme.matchAll(/<!-- example: (\S+) -->\n```\w*\n([\s\S]*?)\n```/g)];
    assert.deepEqual(excerpts.map((m) => m[1]).sort(), ['examples/react/App.tsx', 'examples/vue/App.vue']);
    for (const [, file, code] of excerpts) {
      assert.ok(existsSync(join(ROOT, file!)), file);
      const lines = new Set(readFileSync(join(ROOT, file!), 'utf8').split('\n').map((line) => line.trim()));
      const missing = code!.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !lines.has(line));
      assert.deepEqual(missing, [], `README lines not in ${file}`);
    }
  });

  test('every `<tag>::part(name)` in the README and the Theming page is a part that element has', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as {
      modules: Array<{ declarations?: Array<{ tagName?: string; cssParts?: Array<{ name: string }> }> }>;
    };
    const parts = new Map(manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => [d.tagName, new Set((d.cssParts ?? []).map((p) => p.name))]));
    const unknown: string[] = [];
    for (const file of ['README.md', 'stories/theming.mdx']) {
      for (const [, tag, part] of readFileSync(join(ROOT, file), 'utf8').matchAll(/(margin-[a-z-]+)::part\(([a-z-]+)\)/g)) {
        if (!parts.get(tag)?.has(part!)) unknown.push(`${file}: ${tag}::part(${part})`);
      }
    }
    assert.ok(parts.size === 4);
    assert.deepEqual(unknown, []);
  });

  test('the Theming page names every theme token, every element token and every part', () => {
    const page = readFileSync(join(ROOT, 'stories/theming.mdx'), 'utf8');
    const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as {
      modules: Array<{ declarations?: Array<{ name: string; cssParts?: Array<{ name: string }>; cssProperties?: Array<{ name: string }> }> }>;
    };
    const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
    const wanted = [
      ...THEME_TOKENS.map((token) => `"${token}"`),
      ...declarations.flatMap((d) => (d.cssProperties ?? []).map((p) => `"${p.name}"`)),
      ...declarations.flatMap((d) => (d.cssParts ?? []).map((p) => `"::part(${p.name})"`)),
    ];
    assert.ok(wanted.length > THEME_TOKENS.length);
    assert.deepEqual(wanted.filter((name) => !page.includes(name)), []);
  });
});
