/**
 * Size: min+gzip (zlib level 9) of what pages get, each figure beside its target and a peer
 * measured the same way in the same run (Material Web and Shoelace, installed as dev
 * dependencies). Missed size targets fail the run.
 *
 * - Whole kit: `margin-kit.all.js` (every element in one file), vs Material Web's `all.js` and
 *   Shoelace's `shoelace.js`, each bundled whole.
 * - A page with only a ticker on the CDN build: the files it fetches (the loader, its static
 *   imports, the ticker's chunk and its static imports), each gzipped as a server sends it, vs
 *   Shoelace's autoloader and one component it fetches.
 * - The ticker's npm entry with all its dependencies, as a page that installs the package
 *   bundles it (code split: what loads before the element runs; lazy locale chunks not counted),
 *   vs a Shoelace 4-part form (input, select, option, button) bundled the same way.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { browserBundle } from '../scripts/browser-bundle.js';
import { litTemplatesEsbuildPlugin } from '../scripts/lit-templates.js';
import { type Figure, type Section, ROOT, kb, markdownTable, run, times, withTempDir } from './lib.js';

export const ELEMENT_TAGS = ['margin-order-ticket', 'margin-borrow-repay', 'margin-lending-market', 'margin-mark-price-ticker'] as const;

/** 0.8x Material Web's whole kit as measured when the target was set (79.2 KB). */
const KIT_BUDGET = 63 * 1024;
const TICKER_CDN_BUDGET = 26 * 1024;
const TICKER_BUDGET = 26 * 1024;
const BUDGETS: Partial<Record<(typeof ELEMENT_TAGS)[number], number>> = { 'margin-mark-price-ticker': TICKER_BUDGET };
const SHOELACE = join(ROOT, 'node_modules/@shoelace-style/shoelace');
const MATERIAL = join(ROOT, 'node_modules/@material/web');
/** The Shoelace component a ticker-like page would autoload: a formatted number. */
const SHOELACE_ONE = 'format-number';
const SHOELACE_FORM = ['input', 'select', 'option', 'button'];

/** The dependencies every element stands on, kept whole (nothing tree-shaken away). */
const FLOOR_SOURCE = `
export * from 'lit';
export { default as ky } from 'ky';
export { default as Decimal } from 'decimal.js';
`;

interface Measured {
  raw: number;
  gzip: number;
  /** Minified bytes by origin (`decimal.js`, `lit`, `src/client`...), for bundles made here. */
  parts?: Map<string, number>;
  /** Minified bytes of each of our own source files (`src/...`), for bundles made here. */
  files?: Map<string, number>;
}

/** `node_modules/lit-html/x.js` -> `lit`; `src/client/kucoin/market.ts` -> `src/client`; elements by folder. */
function origin(path: string): string {
  const inModules = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inModules) return /^(lit|lit-html|lit-element|@lit\/reactive-element)$/.test(inModules[1]!) ? 'lit' : inModules[1]!;
  return path.split('/').slice(0, path.startsWith('src/elements/') ? 3 : 2).join('/');
}

function measure(bytes: Uint8Array): Measured {
  return { raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
}

/**
 * Bundled the way a page's bundler would: every dependency in, minified, ESM, production Lit, code
 * split. The figure is the entry and the chunks it imports statically: what loads before the code
 * runs (a locale loaded on demand is not). Our sources go through the build's template minifier,
 * as they do in dist/; built files (outside src/) find their dependencies in node_modules.
 */
async function bundle(entry: { file: string } | { source: string }): Promise<Measured> {
  const result = await esbuild.build({
    ...browserBundle(ROOT),
    entryPoints: ['file' in entry ? entry.file : PAGE],
    nodePaths: [join(ROOT, 'node_modules')],
    plugins: [litTemplatesEsbuildPlugin(), ...('source' in entry ? [virtualPage(entry.source)] : [])],
    splitting: true,
    outdir: join(ROOT, '.bench-out'),
  });
  const outputs = result.metafile.outputs;
  const contents = new Map(result.outputFiles.map((f) => [relative(ROOT, f.path), f.contents]));
  const first = Object.keys(outputs).find((key) => outputs[key]!.entryPoint !== undefined)!;
  const loaded = new Set<string>();
  const visit = (key: string) => {
    if (loaded.has(key)) return;
    loaded.add(key);
    for (const imported of outputs[key]!.imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(first);
  const parts = new Map<string, number>();
  const files = new Map<string, number>();
  for (const key of loaded) {
    for (const [path, input] of Object.entries(outputs[key]!.inputs)) {
      parts.set(origin(path), (parts.get(origin(path)) ?? 0) + input.bytesInOutput);
      if (path.startsWith('src/')) files.set(path, (files.get(path) ?? 0) + input.bytesInOutput);
    }
  }
  return { ...measure(Buffer.concat([...loaded].map((key) => Buffer.from(contents.get(key)!)))), parts, files };
}

/** A page's own script (imports only), as an entry point of its own. */
const PAGE = 'margin-kit-bench:page';
function virtualPage(source: string): esbuild.Plugin {
  return {
    name: 'bench-page',
    setup(build) {
      build.onResolve({ filter: /^margin-kit-bench:page$/ }, () => ({ path: PAGE, namespace: 'bench-page' }));
      build.onLoad({ filter: /.*/, namespace: 'bench-page' }, () => ({ contents: source, resolveDir: ROOT, loader: 'ts' }));
    },
  };
}

/**
 * The files a page fetches from a CDN folder: `entries` and everything they import statically,
 * each minified (if `minify`, for a package that ships unminified files) and gzipped on its own,
 * as a server compresses each response. Sizes summed.
 */
async function fetchedFiles(dir: string, entries: readonly string[], minify = false): Promise<{ gzip: number; raw: number; files: number }> {
  const seen = new Set<string>();
  let gzip = 0;
  let raw = 0;
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return;
    seen.add(file);
    let text = await readFile(file, 'utf8');
    for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+)["']/g)) await visit(join(dirname(file), match[1]!));
    if (minify) text = (await esbuild.transform(text, { minify: true, format: 'esm', target: 'es2022', loader: 'js' })).code;
    raw += Buffer.byteLength(text);
    gzip += gzipSync(text, { level: 9 }).byteLength;
  };
  for (const entry of entries) await visit(join(dir, entry));
  return { gzip, raw, files: seen.size };
}

function breakdown(name: string, m: Measured): string {
  const parts = [...(m.parts ?? new Map<string, number>())].filter(([, bytes]) => bytes >= 100).sort((a, b) => b[1] - a[1]);
  const files = [...(m.files ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]).slice(0, 6);
  const ours = files.length > 0 ? `; our biggest files: ${files.map(([file, bytes]) => `${file.replace(/^src\//, '')} ${kb(bytes)}`).join(', ')}` : '';
  return `- ${name}: ${parts.map(([part, bytes]) => `${part} ${kb(bytes)}`).join(', ')} (minified, before gzip)${ours}`;
}

/** The npm build's `index.js` and every local chunk it imports (unminified, dependencies external). */
async function npmClosure(dir: string, entry: string): Promise<Measured> {
  const seen = new Set<string>();
  const parts: Buffer[] = [];
  const visit = async (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = await readFile(join(dir, file));
    parts.push(text);
    for (const match of text.toString().matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      await visit(join(file, '..', match[1]!));
    }
  };
  await visit(entry);
  return { raw: parts.reduce((sum, part) => sum + part.byteLength, 0), gzip: gzipSync(Buffer.concat(parts), { level: 9 }).byteLength };
}

/** The ticker's chunk in the CDN folder (a hashed name). */
async function tickerChunk(cdnDir: string): Promise<string> {
  const chunk = (await readdir(cdnDir)).find((f) => /^margin-mark-price-ticker-[\w-]+\.js$/.test(f));
  if (!chunk) throw new Error(`no margin-mark-price-ticker-<hash>.js in ${cdnDir}`);
  return chunk;
}

export async function sizeBench(): Promise<Section> {
  return withTempDir('size', async (dir) => {
    const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
    // Built as `npm run build` builds them, into a temporary folder so dist/ is left alone.
    await run(process.execPath, [vite, 'build', '--outDir', join(dir, 'npm'), '--emptyOutDir', '--logLevel', 'warn'], { timeoutMs: 240_000 });
    await run(process.execPath, [vite, 'build', '--mode', 'cdn', '--outDir', join(dir, 'cdn'), '--logLevel', 'warn'], { timeoutMs: 240_000 });
    const cdnDir = join(dir, 'cdn');

    // Whole kits, each in one file.
    const allBytes = await readFile(join(cdnDir, 'margin-kit.all.js'));
    const kit = measure(allBytes);
    const allText = allBytes.toString();
    const inKit = ELEMENT_TAGS.filter((tag) => allText.includes(`"${tag}"`) || allText.includes(`'${tag}'`) || allText.includes(`\`${tag}\``));
    const kitEsbuild = await bundle({ file: join(ROOT, 'src/index.ts') });
    const material = await bundle({ file: join(MATERIAL, 'all.js') });
    const shoelace = await bundle({ file: join(SHOELACE, 'dist/shoelace.js') });

    // A page with only a ticker, on each CDN build.
    const tickerPage = await fetchedFiles(cdnDir, ['margin-kit.js', await tickerChunk(cdnDir)]);
    const loaderAlone = await fetchedFiles(cdnDir, ['margin-kit.js']);
    const shoelaceCdn = join(SHOELACE, 'cdn');
    const shoelacePage = await fetchedFiles(shoelaceCdn, ['shoelace-autoloader.js', `components/${SHOELACE_ONE}/${SHOELACE_ONE}.js`], true);
    const shoelaceLoader = await fetchedFiles(shoelaceCdn, ['shoelace-autoloader.js'], true);

    // One element from the npm build, and the peer's form.
    const shoelaceForm = await bundle({ source: SHOELACE_FORM.map((c) => `import '@shoelace-style/shoelace/dist/components/${c}/${c}.js';`).join('\n') });
    const npm = await npmClosure(join(dir, 'npm'), 'index.js');
    const npmFiles = (await readdir(join(dir, 'npm'))).filter((f) => f.endsWith('.js')).length;
    const floor = await bundle({ source: FLOOR_SOURCE });

    const figures: Figure[] = [];
    const overBudget: string[] = [];
    const rows: string[][] = [];
    const row = (name: string, m: { raw: number; gzip: number } | undefined, budget?: number, note = '') => {
      rows.push([
        name,
        m ? kb(m.raw) : 'not yet',
        m ? kb(m.gzip) : 'not yet',
        budget ? `<= ${kb(budget)}` : '',
        m ? times(m.gzip / floor.gzip, 'floor') : '',
        note,
      ]);
    };
    const held = (what: string, gzip: number, budget: number) => {
      const ok = gzip <= budget;
      if (!ok) overBudget.push(`${what} is ${kb(gzip)} min+gzip, target ${kb(budget)} (over by ${kb(gzip - budget)})`);
      return ok;
    };

    figures.push({
      name: 'Size: whole kit, margin-kit.all.js (min+gzip)',
      value: `${kb(kit.gzip)} (defines ${inKit.length} of 4); peers: Material Web all ${kb(material.gzip)}, Shoelace all ${kb(shoelace.gzip)}`,
      target: `<= ${kb(KIT_BUDGET)}`,
      ratio: times(kit.gzip / material.gzip, 'Material Web'),
      ok: held('the whole kit (margin-kit.all.js)', kit.gzip, KIT_BUDGET),
    });
    figures.push({
      name: 'Size: a page with only a ticker, CDN loader (files fetched, each gzipped)',
      value: `${kb(tickerPage.gzip)} in ${tickerPage.files} files (loader alone ${kb(loaderAlone.gzip)}); peer: Shoelace autoloader ${kb(shoelaceLoader.gzip)} + <sl-${SHOELACE_ONE}> = ${kb(shoelacePage.gzip)} in ${shoelacePage.files} files`,
      target: `<= ${kb(TICKER_CDN_BUDGET)}`,
      ratio: times(tickerPage.gzip / shoelacePage.gzip, `Shoelace + sl-${SHOELACE_ONE}`),
      ok: held('a ticker-only page on the CDN loader', tickerPage.gzip, TICKER_CDN_BUDGET),
    });
    row('margin-kit.all.js (vite --mode cdn)', kit, KIT_BUDGET);
    row('src/index.ts (esbuild, as the elements)', kitEsbuild, undefined, 'cross-check');
    row('Material Web 2 `all.js` (esbuild)', material, undefined, 'peer');
    row('Shoelace 2 `shoelace.js` (esbuild)', shoelace, undefined, 'peer');
    row('ticker-only page: margin-kit.js + ticker chunk and their imports', tickerPage, TICKER_CDN_BUDGET, `${tickerPage.files} files, each gzipped`);
    row(`Shoelace autoloader + <sl-${SHOELACE_ONE}> (cdn/, minified here)`, shoelacePage, undefined, `peer, ${shoelacePage.files} files`);

    const missing: string[] = [];
    const breakdowns: string[] = [breakdown('whole kit (src/index.ts, esbuild)', kitEsbuild), breakdown('floor', floor)];
    for (const tag of ELEMENT_TAGS) {
      const file = join(ROOT, 'src/define', `${tag}.ts`);
      const budget = BUDGETS[tag];
      if (!existsSync(file)) {
        missing.push(tag);
        row(`margin-kit/${tag}.js (npm build + deps)`, undefined, budget, 'not yet');
        continue;
      }
      // The figure: the built entry as users install it. The breakdown: the same element from src/.
      const m = await bundle({ file: join(dir, 'npm', `${tag}.js`) });
      const fromSrc = await bundle({ file });
      row(`margin-kit/${tag}.js (npm build + deps)`, m, budget, `src/define: ${kb(fromSrc.gzip)}`);
      breakdowns.push(breakdown(`\`<${tag}>\` (from src)`, fromSrc));
      const peer = tag === 'margin-mark-price-ticker' ? `; peer: Shoelace 4-part form (${SHOELACE_FORM.join(', ')}) ${kb(shoelaceForm.gzip)}` : '';
      figures.push({
        name: `Size: <${tag}> npm entry with all its dependencies (min+gzip)`,
        value: `${kb(m.gzip)}${peer}`,
        target: budget ? `<= ${kb(budget)}` : undefined,
        ratio: budget ? times(m.gzip / shoelaceForm.gzip, 'Shoelace form') : times(m.gzip / floor.gzip, 'floor'),
        ok: budget === undefined ? undefined : held(`<${tag}> with its dependencies`, m.gzip, budget),
      });
    }
    row(`Shoelace 4-part form: ${SHOELACE_FORM.map((c) => `sl-${c}`).join(', ')} (esbuild)`, shoelaceForm, undefined, 'peer');
    row('floor: lit + ky + decimal.js', floor, undefined, 'what any Lit + ky + decimal.js kit costs');
    figures.push({ name: 'Size: floor, lit + ky + decimal.js (min+gzip)', value: kb(floor.gzip) });

    const detail = [
      markdownTable(['bundle', 'min', 'min+gzip', 'target', 'vs floor', 'note'], rows),
      '',
      `npm build (\`vite build\`, ${npmFiles} files, unminified, dependencies external): \`index.js\` and the chunks it imports, ${kb(npm.raw)}, ${kb(npm.gzip)} gzip.`,
      '',
      'What each bundle is made of:',
      '',
      ...breakdowns,
    ].join('\n');
    return {
      title: 'Size',
      status: 'measured',
      figures,
      detail,
      overBudget,
      notes: [
        'KB = 1024 bytes; gzip is zlib level 9. Bundles are made with esbuild (every dependency in, minified, ESM, production Lit, code split) and measured as what loads before the code runs: the entry and the chunks it imports statically (locales load on demand and are not counted). Elements are bundled from the npm build (`dist/<tag>.js` and its chunks), as a page that installs margin-kit gets them; the note gives the same element from src/ as a cross-check. Peers and the floor are bundled the same way, from their installed packages.',
        `The CDN page figures add up each file a page fetches (static imports followed), each gzipped on its own as a server sends it; Shoelace's \`cdn/\` files ship unminified, so they are minified here first (esbuild) to compare like with like.`,
        ...(missing.length > 0 ? [`Not yet landed, so not measured: ${missing.map((t) => `<${t}>`).join(', ')}.`] : []),
        inKit.length === ELEMENT_TAGS.length
          ? 'margin-kit.all.js defines all four elements.'
          : `margin-kit.all.js defines ${inKit.length} of the 4 elements.`,
      ],
    };
  });
}
