import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
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

// `vite build` makes the npm build (dependencies external); `vite build --mode cdn` makes
// dist/cdn/margin-kit.js, one self-contained minified ES module for a <script type="module">.
export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  return {
    // esbuild lowers our experimental decorators; the browser never sees decorator syntax.
    esbuild: { target: 'es2022' },
    build: {
      target: 'es2022',
      outDir: cdn ? 'dist/cdn' : 'dist',
      emptyOutDir: !cdn,
      // No maps: they would point at src/, which the package does not ship.
      sourcemap: false,
      minify: cdn,
      lib: cdn
        ? { entry: src('cdn.ts'), formats: ['es'], fileName: () => 'margin-kit.js' }
        : { entry: npmEntries(), formats: ['es'], fileName: (_format, name) => `${name}.js` },
      rollupOptions: {
        external: cdn ? [] : [/^lit($|\/)/, /^@lit\//, 'ky', 'decimal.js', 'pino', 'prom-client', 'ioredis', /^node:/],
        // Vite leaves whitespace in library ES builds (for tree-shaking downstream); the CDN file is an
        // end product, so it is minified fully.
        output: cdn ? { minify: true } : { chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
    define: cdn ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
    // Both builds ship minified Lit templates (scripts/lit-templates.ts): the npm build's users get
    // them through their own bundler, which never looks inside a template literal.
    plugins: cdn ? [litTemplatesVitePlugin(), printIntegrity()] : [litTemplatesVitePlugin()],
  };
});
