/**
 * Builds examples/react or examples/vue with Vite into a folder, as an app that installed
 * margin-kit would: `margin-kit` and its subpaths resolve to this package's dist/ (the npm
 * build), React and Vue come from node_modules. Vue single-file components are compiled with
 * vue/compiler-sfc (the same compiler @vitejs/plugin-vue drives), with the margin-* tags marked
 * as custom elements, as the README tells Vue users to do.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { build, transformWithOxc, type Plugin } from 'vite';
import { compileScript, parse } from 'vue/compiler-sfc';
import { REPO_ROOT } from './stack.js';

export const isCustomElement = (tag: string): boolean => tag.startsWith('margin-');

function vueSingleFileComponents(): Plugin {
  return {
    name: 'margin-kit-example-vue-sfc',
    async transform(code, id) {
      if (!id.endsWith('.vue')) return undefined;
      const { descriptor, errors } = parse(code, { filename: id });
      if (errors.length > 0) throw errors[0];
      if (descriptor.styles.length > 0) throw new Error(`${id}: <style> blocks are not compiled by this test build`);
      const script = compileScript(descriptor, {
        id: createHash('sha256').update(id).digest('hex').slice(0, 8),
        inlineTemplate: true,
        templateOptions: { compilerOptions: { isCustomElement } },
      });
      const lang = script.lang === 'ts' ? 'ts' : 'js';
      return (await transformWithOxc(script.content, `${id}.${lang}`, { lang })).code;
    },
  };
}

/** Builds `examples/<name>` into `outDir` (relative asset URLs: it can be served under any path). */
export async function buildExample(name: 'react' | 'vue', outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: join(REPO_ROOT, 'examples', name),
    base: './',
    logLevel: 'silent',
    resolve: {
      alias: [
        { find: /^margin-kit$/, replacement: join(REPO_ROOT, 'dist/index.js') },
        { find: /^margin-kit\/client$/, replacement: join(REPO_ROOT, 'dist/client.js') },
        { find: /^margin-kit\/(margin-[a-z-]+\.js)$/, replacement: join(REPO_ROOT, 'dist/$1') },
      ],
    },
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    define: {
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    plugins: name === 'vue' ? [vueSingleFileComponents()] : [],
    build: { outDir, emptyOutDir: true, target: 'es2022', minify: false, sourcemap: false },
  });
}
