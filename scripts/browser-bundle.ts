import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';

/**
 * How the size bench and the bundle tests bundle for a page, as a page's bundler would: every
 * dependency in, minified ESM for current browsers, production Lit, the project's tsconfig, a
 * metafile to say what each input costs, nothing written.
 */
export function browserBundle(root: string): BuildOptions & { metafile: true; write: false } {
  return {
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    tsconfig: join(root, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    metafile: true,
    logLevel: 'silent',
  };
}
