/**
 * One `::part` vocabulary across the kit (DESIGN "The element layer"): every part an element
 * renders is in the vocabulary or in the `@csspart` list of its JSDoc header, and that list is
 * exactly what it renders. Read from the sources with the TypeScript parser: the part names in
 * the templates of the element's own modules, plus those of the shared blocks it calls.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { importGraph } from './import-graph.js';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../../src');
const BLOCKS = 'elements/shared/blocks';

/** The shared names: the same thing has the same name in every element. */
export const PART_VOCABULARY = [
  'base', 'header', 'title', 'tabs', 'tab', 'panel', 'field', 'label', 'input', 'hint', 'error', 'retry', 'stale-badge',
  'skeleton', 'empty', 'table', 'row', 'cell', 'submit', 'cancel', 'confirm', 'review', 'status', 'meter',
] as const;

/** Names the vocabulary replaced (`alert` is `error`, `stale` is `stale-badge`...): never rendered again. */
const REPLACED = ['alert', 'stale', 'submit-button', 'field-error'];

interface Scan {
  parts: Set<string>;
  /** `part=${...}`: a name the scan cannot read. */
  dynamic: number;
  identifiers: Set<string>;
}

/** The part names in the template literals under `node` (comments and plain strings do not count). */
function scan(node: ts.Node, into: Scan = { parts: new Set(), dynamic: 0, identifiers: new Set() }): Scan {
  const text =
    ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)
      ? node.rawText ?? ''
      : undefined;
  if (text !== undefined) {
    for (const match of text.matchAll(/\bpart="([^"]*)"/g)) add(into, match[1]!);
  }
  if (ts.isTemplateExpression(node)) {
    // `part=${above ? 'error limit' : 'limit'}`: names chosen from literals are read; anything else cannot be.
    const literals = [node.head, ...node.templateSpans.map((span) => span.literal)];
    node.templateSpans.forEach((span, i) => {
      if (!/\bpart=$/.test(literals[i]!.rawText ?? '')) return;
      const names = partChoices(span.expression);
      if (names) for (const name of names) add(into, name);
      else into.dynamic += 1;
    });
  }
  if (ts.isIdentifier(node)) into.identifiers.add(node.text);
  ts.forEachChild(node, (child) => void scan(child, into));
  return into;
}

function add(into: Scan, names: string): void {
  for (const name of names.split(/\s+/).filter(Boolean)) into.parts.add(name);
}

/** The part names an expression can take when it only chooses between string literals, else undefined. */
function partChoices(expression: ts.Expression): string[] | undefined {
  if (ts.isParenthesizedExpression(expression)) return partChoices(expression.expression);
  if (ts.isStringLiteralLike(expression)) return [expression.text];
  if (ts.isConditionalExpression(expression)) {
    const a = partChoices(expression.whenTrue);
    const b = partChoices(expression.whenFalse);
    return a && b ? [...a, ...b] : undefined;
  }
  return undefined;
}

const parse = (path: string) => ts.createSourceFile(path, readFileSync(join(SRC, path), 'utf8'), ts.ScriptTarget.Latest, true);

/** Each top-level declaration of the blocks: the parts it renders itself and through the blocks it calls. */
function blockParts(): Map<string, Set<string>> {
  const own = new Map<string, Scan>();
  for (const name of readdirSync(join(SRC, BLOCKS)).filter((n) => n.endsWith('.ts'))) {
    for (const statement of parse(`${BLOCKS}/${name}`).statements) {
      if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) own.set(statement.name.text, scan(statement));
    }
  }
  const closed = new Map<string, Set<string>>();
  const partsOf = (name: string, seen = new Set<string>()): Set<string> => {
    const parts = new Set(own.get(name)?.parts);
    seen.add(name);
    for (const other of own.get(name)?.identifiers ?? []) if (own.has(other) && !seen.has(other)) for (const p of partsOf(other, seen)) parts.add(p);
    return parts;
  };
  for (const name of own.keys()) closed.set(name, partsOf(name));
  return closed;
}

/** The element class file of each define module. */
function elementFiles(): Array<{ tag: string; file: string }> {
  return readdirSync(join(SRC, 'define'))
    .filter((n) => n.endsWith('.ts'))
    .map((n) => {
      const tag = n.replace(/\.ts$/, '');
      const folder = tag.replace(/^margin-/, '');
      return { tag, file: `elements/${folder}/${tag}.ts` };
    });
}

/** `@csspart name - ...` of the element's JSDoc header. */
function documentedParts(file: string): string[] {
  return [...readFileSync(join(SRC, file), 'utf8').matchAll(/@csspart\s+([\w-]+)/g)].map((m) => m[1]!);
}

/** The parts an element renders: its modules' templates (runtime imports within src/elements, blocks aside) and the blocks they call. */
function renderedParts(file: string, graph: ReturnType<typeof importGraph>, blocks: Map<string, Set<string>>): { parts: Set<string>; dynamic: string[] } {
  const modules = new Set([file]);
  const queue = [file];
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const edge of graph.edges) {
      if (edge.from !== from || edge.typeOnly || !edge.to.startsWith('elements/') || edge.to.startsWith(`${BLOCKS}/`) || modules.has(edge.to)) continue;
      modules.add(edge.to);
      queue.push(edge.to);
    }
  }
  const parts = new Set<string>();
  const dynamic: string[] = [];
  for (const module of modules) {
    const found = scan(parse(module));
    if (found.dynamic > 0) dynamic.push(module);
    for (const p of found.parts) parts.add(p);
    for (const name of found.identifiers) for (const p of blocks.get(name) ?? []) parts.add(p);
  }
  return { parts, dynamic };
}

describe('the part scan reads what it should', () => {
  test('template parts (several names in one), names chosen from literals, a dynamic part, and no comment', () => {
    const code = "/** part=\"ghost\" */ const a = html`<p part=\"one two\">${x}</p><b part=${ok ? 'three four' : 'five'}></b><i part=${y}></i>`;";
    const found = scan(ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true));
    assert.deepEqual([...found.parts].sort(), ['five', 'four', 'one', 'three', 'two']);
    assert.equal(found.dynamic, 1);
  });

  test('a block renders the parts of the blocks it calls', () => {
    const blocks = blockParts();
    assert.deepEqual([...blocks.get('renderError')!].sort(), ['error', 'retry']);
    assert.ok(['skeleton', 'empty', 'error', 'retry'].every((p) => blocks.get('renderLoad')!.has(p)));
  });
});

describe('::part vocabulary', () => {
  const graph = importGraph(SRC);
  const blocks = blockParts();
  for (const { tag, file } of elementFiles()) {
    test(`<${tag}>: renders what its JSDoc lists, in the kit's words`, () => {
      const documented = documentedParts(file);
      const { parts, dynamic } = renderedParts(file, graph, blocks);
      assert.deepEqual(dynamic, [], 'part names written as expressions cannot be checked');
      assert.deepEqual(documented.filter((p, i) => documented.indexOf(p) !== i), [], 'a part documented twice');
      assert.deepEqual([...parts].filter((p) => REPLACED.includes(p)), [], 'a part the vocabulary renamed');
      const vocabulary: readonly string[] = PART_VOCABULARY;
      assert.deepEqual([...parts].filter((p) => !vocabulary.includes(p) && !documented.includes(p)).sort(), [], 'rendered but neither in the vocabulary nor documented');
      assert.deepEqual([...parts].filter((p) => !documented.includes(p)).sort(), [], 'rendered but not documented');
      assert.deepEqual(documented.filter((p) => !parts.has(p)).sort(), [], 'documented but not rendered');
    });
  }
});
