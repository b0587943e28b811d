import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { defineConfig, type LogLevel, type Plugin } from 'vite';
import { litTemplatesVitePlugin } from './scripts/lit-templates.js';

const root = import.meta.dirname;
const src = (path: string) => resolve(root, 'src', path);

/** npm entries: the package, the client alone, the proxy and sandbox handlers, one define file per element. */
function npmEntries(): Record<string, string> {
  const entries: Record<string, string> = { index: src('index.ts'), client: src('client/index.ts') };
  for (const [name, path] of [
    ['proxy', 'proxy/index.ts'],
    ['proxy-cli', 'node/proxy-cli.ts'],
    ['node', 'node/serve.ts'],
    ['sandbox', 'sandbox/index.ts'],
    ['sandbox-cli', 'node/sandbox-cli.ts'],
  ] as const) {
    if (existsSync(src(path))) entries[name] = src(path);
  }
  if (existsSync(src('define'))) {
    for (const file of readdirSync(src('define'))) {
      if (file.endsWith('.ts')) entries[file.replace(/\.ts$/, '')] = src(`define/${file}`);
    }
  }
  return entries;
}

/**
 * Prints the Subresource Integrity hash of each file the CDN build wrote, for
 * `<script type="module" src=... integrity="sha384-..." crossorigin="anonymous">`. Hashed from
 * the bytes on disk, after every other plugin is done with them.
 */
function printIntegrity(): Plugin {
  const written: string[] = [];
  return {
    name: 'margin-kit-sri',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.keys(bundle)) if (file.endsWith('.js')) written.push(resolve(options.dir ?? 'dist/cdn', file));
    },
    // After Vite's own report of the files, so the hash is the last thing printed.
    closeBundle() {
      for (const path of written.splice(0)) {
        const integrity = `sha384-${createHash('sha384').update(readFileSync(path)).digest('base64')}`;
        console.log(`SRI ${relative(process.cwd(), path)}  integrity="${integrity}"`);
      }
    },
  };
}

/**
 * The CDN build writes the loader and its chunks first, then this second build: the whole kit
 * in one file, `margin-kit.all.js`, for a page that pins one file with SRI. Same folder, same
 * plugins; it runs after the loader's files are written so the SRI lines cover both.
 */
function singleFileBuild(): Plugin {
  let outDir = '';
  let logLevel: LogLevel | undefined;
  return {
    name: 'margin-kit-all-in-one',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
      logLevel = config.logLevel;
    },
    async closeBundle() {
      const { build } = await import('vite');
      await build({ configFile: resolve(root, 'vite.config.ts'), mode: 'cdn-all', logLevel, build: { outDir, emptyOutDir: false } });
    },
  };
}

const path = (pattern: string) => new RegExp(pattern.replace(/\//g, '[\\\\/]'));
/**
 * The CDN loader's shared chunks, first match wins (a group also takes in what its modules
 * import): decimal.js (every element but the ticker), what the loader itself needs (configure(),
 * the define guard, the events) in one file, and what every element stands on (Lit and the
 * shared element base). Anything else is chunked by who imports it. Each file a page fetches is
 * gzipped alone and costs a request, so tiny chunks are folded into the one that always loads.
 */
const CDN_CHUNKS = [
  { name: 'decimal', test: path('(node_modules/decimal\\.js/|src/core/decimal\\.ts$)') },
  // What the loader imports itself, one file: configure() and its connection, the define guard,
  // the events and the bundler's runtime helper (before 'elements', which would take them in).
  {
    name: 'connection',
    test: path('(node_modules/ky/|src/client/(connection|hub|transport|errors)\\.ts$|src/elements/(shared|mark-price-ticker)/events\\.ts$|src/elements/shared/define\\.ts$|src/version\\.ts$|rolldown.runtime)'),
  },
  // Lit's directives stay out (the base class aside): each goes with the elements that use it.
  {
    name: 'elements',
    test: path('(node_modules/(lit|lit-html)/(?!directives/|async-directive|directive-helpers)|node_modules/(lit-element|@lit/reactive-element|@lit/localize)/|src/elements/shared/(margin-element|poll-controller|resource|mark-prices|describe-error|strings|theme|localization|styles/skeleton\\.styles)\\.ts$|src/locales/locale-codes\\.ts$|src/core/(decimal-text|format-text)\\.ts$|src/client/kucoin/market-text\\.ts$)'),
  },
];

/** Where a CDN chunk's name comes from: the element it defines, else what it holds. */
function chunkName(chunk: { name: string; facadeModuleId: string | null }): string {
  const file = chunk.facadeModuleId?.replace(/\\/g, '/') ?? '';
  const defined = /\/define\/(margin-[a-z-]+)\.ts$/.exec(file)?.[1];
  return `${defined ?? chunk.name}-[hash].js`;
}

// `vite build` makes the npm build (dependencies external). `vite build --mode cdn` makes the CDN
// folder: `margin-kit.js`, a small loader with one hashed chunk per element and shared chunks
// beside it, then `margin-kit.all.js`, the same kit as one self-contained module. Both minified.
export default defineConfig(({ mode }) => {
  const loader = mode === 'cdn';
  const allInOne = mode === 'cdn-all';
  const cdn = loader || allInOne;
  return {
    // esbuild lowers our experimental decorators; the browser never sees decorator syntax.
    esbuild: { target: 'es2022' },
    build: {
      target: 'es2022',
      outDir: cdn ? 'dist/cdn' : 'dist',
      emptyOutDir: !allInOne,
      // No maps: they would point at src/, which the package does not ship.
      sourcemap: false,
      minify: cdn,
      lib: loader
        ? { entry: src('cdn.ts'), formats: ['es'], fileName: () => 'margin-kit.js' }
        : allInOne
          ? { entry: src('index.ts'), formats: ['es'], fileName: () => 'margin-kit.all.js' }
          : { entry: npmEntries(), formats: ['es'], fileName: (_format, name) => `${name}.js` },
      rollupOptions: {
        external: cdn ? [] : [/^lit($|\/)/, /^@lit\//, 'ky', 'decimal.js', 'pino', 'prom-client', 'ioredis', /^node:/],
        // Vite leaves whitespace in library ES builds (for tree-shaking downstream); the CDN files
        // are end products, so they are minified fully.
        output: loader
          ? {
              minify: true,
              chunkFileNames: chunkName,
              // Fewer, larger chunks: each file a page fetches costs a request and compresses alone.
              // decimal.js has a chunk of its own: a page with only a ticker (no Decimal) never fetches it.
              codeSplitting: { groups: CDN_CHUNKS },
            }
          : allInOne
            ? { minify: true, codeSplitting: false }
            : { chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
    define: cdn ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
    // Both builds ship minified Lit templates (scripts/lit-templates.ts): the npm build's users get
    // them through their own bundler, which never looks inside a template literal.
    plugins: loader
      ? [litTemplatesVitePlugin(), singleFileBuild(), printIntegrity()]
      : allInOne
        ? [litTemplatesVitePlugin(), printIntegrity()]
        : [litTemplatesVitePlugin()],
  };
});
