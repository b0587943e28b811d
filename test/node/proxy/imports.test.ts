/**
 * DESIGN "Layout": imports point down. proxy/ imports only core/ (and itself), nothing imports
 * node/, and there is no import cycle among the files of proxy/ and node/ (type-only imports
 * count: a cycle of types is still two modules that cannot be read apart).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g;

function filesOf(folder: string): string[] {
  return readdirSync(join(SRC, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(SRC, folder, name));
}

/** Each file's relative imports, as src-relative paths with `.ts`. */
function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) => relative(SRC, resolve(dirname(file), match[1]!.replace(/\.js$/, '.ts'))));
}

test('proxy/ imports only core/ and itself; nothing outside node/ imports node/', () => {
  for (const file of filesOf('proxy')) {
    for (const target of importsOf(file)) assert.match(target, /^(proxy|core)\//, `${relative(SRC, file)} imports ${target}`);
  }
  for (const folder of ['proxy', 'sandbox', 'core', 'client', 'elements']) {
    for (const file of filesOf(folder)) {
      for (const target of importsOf(file)) assert.doesNotMatch(target, /^node\//, `${relative(SRC, file)} imports ${target}`);
    }
  }
});

test('no import cycles among the files of proxy/ and node/', () => {
  const files = [...filesOf('proxy'), ...filesOf('node')].map((file) => relative(SRC, file));
  const graph = new Map(files.map((file) => [file, importsOf(join(SRC, file)).filter((target) => files.includes(target))]));
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file)!) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  assert.ok(graph.size > 20, 'the files were found');
  assert.deepEqual(cycles, []);
});
