/**
 * No import cycles in src/, and imports point down the layers (README "The layers"): elements ->
 * client -> core; proxy and sandbox -> core; node/ above proxy and sandbox; nothing imports node/.
 * A cycle makes module order matter (a class read before it is defined) and ties layers that
 * should ship apart.
 */
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cycles, importGraph, type Edge } from './import-graph.js';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../../src');

/** What each folder of src/ may import besides itself; files at the root of src/ (entry points) may import any layer but node/. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  client: ['core'],
  locales: [],
  elements: ['client', 'core', 'locales', 'version.ts'],
  define: ['elements', 'client', 'core', 'version.ts'],
  proxy: ['core', 'version.ts'],
  sandbox: ['core'],
  node: ['proxy', 'sandbox', 'core', 'version.ts'],
};

const layerOf = (path: string): string => path.split('/')[0]!;
const spell = (edge: Edge): string => `${edge.from} -> ${edge.to}${edge.typeOnly ? ' (type)' : ''}`;

describe('the import graph finds what it should', () => {
  const modules = ['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts'];
  const edge = (from: string, to: string, typeOnly = false): Edge => ({ from, to, typeOnly });

  test('a cycle through three modules, spelled as a path back to its start', () => {
    const found = cycles(modules, [edge('a.ts', 'b.ts'), edge('b.ts', 'c.ts'), edge('c.ts', 'a.ts'), edge('c.ts', 'd.ts')]);
    assert.deepEqual(found, [['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  test('a module importing itself, a type-only cycle, and none in a tree', () => {
    assert.deepEqual(cycles(modules, [edge('e.ts', 'e.ts')]), [['e.ts', 'e.ts']]);
    assert.equal(cycles(modules, [edge('a.ts', 'b.ts', true), edge('b.ts', 'a.ts')]).length, 1);
    assert.deepEqual(cycles(modules, [edge('a.ts', 'b.ts'), edge('a.ts', 'c.ts'), edge('b.ts', 'd.ts'), edge('c.ts', 'd.ts')]), []);
  });

  test('reads src/ as it is: imports, re-exports and type imports', () => {
    const { modules: files, edges } = importGraph(SRC);
    assert.ok(files.includes('elements/borrow-repay/margin-borrow-repay.ts'));
    const from = (file: string) => edges.filter((e) => e.from === file).map((e) => `${e.to}${e.typeOnly ? ' (type)' : ''}`);
    assert.ok(from('elements/borrow-repay/margin-borrow-repay.ts').includes('elements/shared/margin-element.ts'));
    assert.ok(from('elements/borrow-repay/margin-borrow-repay.ts').includes('client/hub.ts (type)'));
    assert.ok(from('elements/borrow-repay/history-query.ts').includes('elements/shared/blocks/tabs.ts'), 'export ... from counts');
  });
});

describe('src/', () => {
  const { modules, edges } = importGraph(SRC);

  test('has no import cycle (type imports included: they tie the layers too)', () => {
    assert.deepEqual(
      cycles(modules, edges).map((cycle) => cycle.join(' -> ')),
      [],
    );
  });

  test('imports point down the layers; nothing imports node/', () => {
    const upward = edges.filter((edge) => {
      const from = layerOf(edge.from);
      const to = layerOf(edge.to);
      if (from === to) return false;
      const allowed = MAY_IMPORT[from];
      return allowed ? !allowed.includes(to) : to === 'node';
    });
    assert.deepEqual(upward.map(spell), []);
  });
});
