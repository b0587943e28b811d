/**
 * The build's Lit template minifier (scripts/lit-templates.ts): what it changes, what it must
 * leave as written, and that every source file still parses to the same templates after it.
 * test/build/lit-templates.test.ts checks the same rules against Lit and the CSS parser in Chromium.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';
import { minifyCssParts, minifyHtmlParts, minifyLitTemplates } from '../../../scripts/lit-templates.js';

const ROOT = resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The static parts of every tagged template, in source order, as written. */
function templates(code: string): Array<{ tag: string; parts: string[] }> {
  const source = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Array<{ tag: string; parts: string[] }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node)) {
      const t = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t.rawText ?? ''] : [t.head.rawText ?? '', ...t.templateSpans.map((s) => s.literal.rawText ?? '')];
      found.push({ tag: node.tag.getText(source), parts });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('html templates', () => {
  test('indentation between tags becomes one line break; spaces inside a line stay', () => {
    assert.deepEqual(minifyHtmlParts(['\n  <div class="row">\n    <span>Buy  now</span>\n    <b>', '</b>\n  </div>\n']), [
      '\n<div class="row">\n<span>Buy  now</span>\n<b>',
      '</b>\n</div>\n',
    ]);
  });

  test('inside a tag: one space between attributes, none before >, one kept before />', () => {
    assert.deepEqual(minifyHtmlParts(['<input\n    type="search"\n    .value=', '\n    @input=', '\n  />\n<p\n>x</p>']), [
      '<input type="search" .value=',
      ' @input=',
      ' />\n<p>x</p>',
    ]);
  });

  test('quoted attribute values, <pre>, <textarea> and comments are copied as written, across expressions too', () => {
    const parts = ['<p title="a\n    b" class="x ', '\n   y">t</p>\n  <pre>\n  keep\n    this ', '\n</pre>\n  <textarea>\n  and this\n</textarea><!--\n   note\n-->\n  <i>x</i>'];
    assert.deepEqual(minifyHtmlParts(parts), [
      '<p title="a\n    b" class="x ',
      '\n   y">t</p>\n<pre>\n  keep\n    this ',
      '\n</pre>\n<textarea>\n  and this\n</textarea><!--\n   note\n-->\n<i>x</i>',
    ]);
  });

  test('a template with an escape is left as written (Lit reads it cooked: \\" ends a value)', () => {
    const parts = ['<p title="a\\" class="b">\n   x</p>', '\n  <i>\\n</i>'];
    assert.deepEqual(minifyHtmlParts(parts), parts);
    assert.deepEqual(minifyCssParts(['a {\n  content: "\\2022";\n}']), ['a {\n  content: "\\2022";\n}']);
  });

  test('a template that ends inside a tag is left alone', () => {
    const source = "import { html } from 'lit';\nexport const t = html`<p\n   class=\"a\">\n   x</p\n  `;\n";
    assert.equal(minifyLitTemplates(source, 'x.ts'), undefined);
  });
});

describe('css templates', () => {
  test('comments and whitespace go; descendant combinators and strings stay', () => {
    assert.deepEqual(minifyCssParts(['\n  /* why */\n  :host {\n    display: block;\n  }\n  .a :hover,\n  .b   > .c {\n    content: "  two  ";\n    margin: 0 calc(1px + 2px);\n  }\n']), [
      ':host{display:block}.a :hover,.b > .c{content:"  two  ";margin:0 calc(1px + 2px)}',
    ]);
  });

  test('an empty custom property and an empty var() fallback keep their space', () => {
    assert.deepEqual(minifyCssParts([':host {\n  --x: ;\n  color: var(--y, );\n}']), [':host{--x: ;color:var(--y, )}']);
  });

  test('whitespace next to an expression stays one space', () => {
    assert.deepEqual(minifyCssParts(['\n  ', '\n  :host {\n    width: ', 'px;\n  }\n']), ['', ' :host{width:', 'px}']);
  });

});

describe('source files', () => {
  test('only tags imported from lit are touched', () => {
    const other = "import { html } from './not-lit.js';\nexport const t = html`\n   <p>x</p>\n`;\n";
    assert.equal(minifyLitTemplates(other, 'x.ts'), undefined);
    const aliased = "import { html as h, css } from 'lit';\nexport const t = h`\n   <p>${h`\n   <i>y</i>`}</p>\n`;\nexport const s = css`\n  a { color: red; }\n`;\n";
    assert.equal(
      minifyLitTemplates(aliased, 'x.ts'),
      "import { html as h, css } from 'lit';\nexport const t = h`\n<p>${h`\n<i>y</i>`}</p>\n`;\nexport const s = css`a{color:red}`;\n",
    );
  });

  test('every source file with Lit templates still parses, with the same templates, and a second pass changes nothing', () => {
    let changed = 0;
    for (const file of sources(join(ROOT, 'src'))) {
      const code = readFileSync(file, 'utf8');
      const out = minifyLitTemplates(code, file);
      if (out === undefined) continue;
      changed++;
      const { diagnostics } = ts.transpileModule(out, { reportDiagnostics: true, fileName: file, compilerOptions: { experimentalDecorators: true } });
      assert.deepEqual(diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), [], file);
      const before = templates(code);
      const after = templates(out);
      assert.deepEqual(after.map((t) => [t.tag, t.parts.length]), before.map((t) => [t.tag, t.parts.length]), file);
      // Markup: the same once every whitespace run is one space and none precedes `>` (what a browser renders alike).
      const canon = (parts: string[]) => parts.map((p) => p.replace(/\s+/g, ' ').replace(/ >/g, '>'));
      before.forEach((t, i) => {
        if (t.tag !== 'css') assert.deepEqual(canon(after[i]!.parts), canon(t.parts), `${file}: template ${i}`);
      });
      assert.equal(minifyLitTemplates(out, file) ?? out, out, `${file}: second pass`);
    }
    assert.ok(changed >= 8, `only ${changed} files had templates`);
  });
});
