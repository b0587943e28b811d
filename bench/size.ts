/**
 * Size: min+gzip (zlib level 9) of the CDN bundle and of each one-element entry bundled alone,
 * beside the floor (lit + ky + decimal.js alone, bundled the same way). Budgets fail the run.
 * A one-element figure is what a page that installs the package gets: the npm build's
 * `margin-kit/<tag>.js` (templates already minified by our build) bundled with its dependencies.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { litTemplatesEsbuildPlugin } from '../scripts/lit-templates.js';
import { type Figure, type Section, ROOT, kb, markdownTable, run, times, withTempDir } from './lib.js';

export const ELEMENT_TAGS = ['margin-order-ticket', 'margin-borrow-repay', 'margin-lending-market', 'margin-mark-price-ticker'] as const;

const KIT_BUDGET = 40 * 1024;
const TICKER_BUDGET = 20 * 1024;
const BUDGETS: Partial<Record<(typeof ELEMENT_TAGS)[number], number>> = { 'margin-mark-price-ticker': TICKER_BUDGET };

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
 * Bundled alone the way a page would: every dependency in, minified, ESM, production Lit. Our
 * sources go through the build's template minifier, as they do in dist/; built files (outside the
 * project) find lit, ky and decimal.js in its node_modules, as an installed package would.
 */
async function bundle(entry: { file: string } | { source: string }): Promise<Measured> {
  const result = await esbuild.build({
    ...('file' in entry ? { entryPoints: [entry.file] } : { stdin: { contents: entry.source, resolveDir: ROOT, loader: 'ts' } }),
    absWorkingDir: ROOT,
    nodePaths: [join(ROOT, 'node_modules')],
    plugins: [litTemplatesEsbuildPlugin()],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    tsconfig: join(ROOT, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const parts = new Map<string, number>();
  const files = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      parts.set(origin(path), (parts.get(origin(path)) ?? 0) + input.bytesInOutput);
      if (path.startsWith('src/')) files.set(path, (files.get(path) ?? 0) + input.bytesInOutput);
    }
  }
  return { ...measure(result.outputFiles[0]!.contents), parts, files };
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

export async function sizeBench(): Promise<Section> {
  return withTempDir('size', async (dir) => {
    const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
    // Built as `npm run build` builds them, into a temporary folder so dist/ is left alone.
    await run(process.execPath, [vite, 'build', '--outDir', join(dir, 'npm'), '--emptyOutDir', '--logLevel', 'warn'], { timeoutMs: 240_000 });
    await run(process.execPath, [vite, 'build', '--mode', 'cdn', '--outDir', join(dir, 'cdn'), '--logLevel', 'warn'], { timeoutMs: 240_000 });

    const cdnBytes = await readFile(join(dir, 'cdn/margin-kit.js'));
    const cdn = measure(cdnBytes);
    const cdnText = cdnBytes.toString();
    const inCdn = ELEMENT_TAGS.filter((tag) => cdnText.includes(`"${tag}"`) || cdnText.includes(`'${tag}'`) || cdnText.includes(`\`${tag}\``));
    const npm = await npmClosure(join(dir, 'npm'), 'index.js');
    const npmFiles = (await readdir(join(dir, 'npm'))).filter((f) => f.endsWith('.js')).length;
    const floor = await bundle({ source: FLOOR_SOURCE });
    const kitEsbuild = await bundle({ file: join(ROOT, 'src/cdn.ts') });

    const figures: Figure[] = [];
    const overBudget: string[] = [];
    const rows: string[][] = [];
    const row = (name: string, m: Measured | undefined, budget?: number, note = '') => {
      rows.push([
        name,
        m ? kb(m.raw) : 'not yet',
        m ? kb(m.gzip) : 'not yet',
        budget ? `<= ${kb(budget)}` : '',
        m ? times(m.gzip / floor.gzip, 'floor') : '',
        m ? `${m.gzip - floor.gzip >= 0 ? '+' : ''}${kb(m.gzip - floor.gzip)}` : '',
        note,
      ]);
    };

    const kitOk = cdn.gzip <= KIT_BUDGET;
    if (!kitOk) overBudget.push(`whole kit (dist/cdn/margin-kit.js) is ${kb(cdn.gzip)} min+gzip, budget ${kb(KIT_BUDGET)}`);
    figures.push({ name: 'Size: whole kit, dist/cdn/margin-kit.js (min+gzip)', value: `${kb(cdn.gzip)} (defines ${inCdn.length} of 4 elements)`, target: `<= ${kb(KIT_BUDGET)}`, ratio: times(cdn.gzip / floor.gzip, 'floor'), ok: kitOk });
    row('dist/cdn/margin-kit.js (vite --mode cdn)', cdn, KIT_BUDGET);
    row('src/cdn.ts (esbuild, as the elements)', kitEsbuild, undefined, 'cross-check');

    const missing: string[] = [];
    const breakdowns: string[] = [breakdown('whole kit (src/cdn.ts, esbuild)', kitEsbuild), breakdown('floor', floor)];
    for (const tag of ELEMENT_TAGS) {
      const file = join(ROOT, 'src/define', `${tag}.ts`);
      const budget = BUDGETS[tag];
      if (!existsSync(file)) {
        missing.push(tag);
        row(`margin-kit/${tag}.js (npm build + deps)`, undefined, budget, 'not yet');
        if (budget) figures.push({ name: `Size: <${tag}> alone (min+gzip)`, value: 'not yet', target: `<= ${kb(budget)}` });
        continue;
      }
      // The figure: the built entry as users install it. The breakdown: the same element from src/.
      const m = await bundle({ file: join(dir, 'npm', `${tag}.js`) });
      const fromSrc = await bundle({ file });
      row(`margin-kit/${tag}.js (npm build + deps)`, m, budget, `src/define: ${kb(fromSrc.gzip)}`);
      breakdowns.push(breakdown(`\`<${tag}>\` (from src)`, fromSrc));
      const ok = budget === undefined ? undefined : m.gzip <= budget;
      if (ok === false) overBudget.push(`<${tag}> alone is ${kb(m.gzip)} min+gzip, budget ${kb(budget!)}`);
      figures.push({ name: `Size: <${tag}> alone (min+gzip)`, value: kb(m.gzip), target: budget ? `<= ${kb(budget)}` : undefined, ratio: times(m.gzip / floor.gzip, 'floor'), ok });
    }
    row('floor: lit + ky + decimal.js', floor, undefined, 'what any Lit + ky + decimal.js kit costs');
    figures.push({ name: 'Size: floor, lit + ky + decimal.js (min+gzip)', value: kb(floor.gzip) });

    const detail = [
      markdownTable(['bundle', 'min', 'min+gzip', 'budget', 'vs floor', 'over floor', 'note'], rows),
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
        'KB = 1024 bytes; gzip is zlib level 9. Elements are bundled alone with esbuild from the npm build (`dist/<tag>.js` and its chunks, all dependencies in, minified, ESM, production Lit), as a page that installs margin-kit gets them; the note gives the same element bundled from src/ (with the build\'s template minifier) as a cross-check. The floor is bundled the same way.',
        ...(floor.gzip > TICKER_BUDGET
          ? [`The floor alone (${kb(floor.gzip)}) is over the ticker's ${kb(TICKER_BUDGET)} budget: no element that bundles lit, ky and decimal.js whole can meet it.`]
          : []),
        ...(missing.length > 0 ? [`Not yet landed, so not measured: ${missing.map((t) => `<${t}>`).join(', ')}.`] : []),
        inCdn.length === ELEMENT_TAGS.length
          ? 'The CDN bundle defines all four elements.'
          : `The CDN bundle defines ${inCdn.length} of the 4 elements${inCdn.length > 0 ? ` (${inCdn.map((t) => `<${t}>`).join(', ')})` : ''}: the whole-kit figure grows as src/index.ts imports the rest.`,
      ],
    };
  });
}
