/**
 * Build-time minification of Lit `html`, `svg` and `css` template literals: the indentation that
 * keeps our templates readable is most of their bytes, and no bundler's minifier touches the
 * inside of a template literal. Used by the npm build, the CDN build (vite.config.ts) and the size
 * bench, so what users download is what the bench measures.
 *
 * Safe by construction, not by hope:
 * - markup: a run of whitespace that holds a line break becomes one line break (the browser
 *   renders both as one space, or one line break under `pre-line`); whitespace inside a tag
 *   becomes one space, and none before `>`. Quoted attribute values, comments and everything
 *   inside `<pre>`, `<textarea>`, `<script>` and `<style>` are copied as written. Whitespace
 *   with no line break in it (`Buy  now`) is text and stays.
 * - CSS: comments go, whitespace runs become one space, and none next to `{ } ; ,` or after `:`
 *   (never before `:`, where it is a descendant combinator: `a :hover`). Strings stay as written.
 * - A template with an escape in it (`\"`, `\n`: the scanner reads raw text, Lit gets it cooked)
 *   or whose text the scanner cannot follow is left as written.
 * Only tags imported from `lit`, `lit-html` or `lit-element` are touched; expressions are never
 * looked into except for the templates nested in them, which get the same treatment.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import ts from 'typescript';
import type { Plugin as VitePlugin } from 'vite';
import { minifyCssParts, minifyHtmlParts } from './minify-template-parts.js';

export { minifyCssParts, minifyHtmlParts } from './minify-template-parts.js';

export type TemplateKind = 'html' | 'css';

const LIT_MODULES = new Set(['lit', 'lit-html', 'lit-element']);
const TAG_KINDS: Record<string, TemplateKind> = { html: 'html', svg: 'html', css: 'css' };

/** The local names of `html`, `svg` and `css` imported from Lit in a source file. */
function litTags(source: ts.SourceFile): Map<string, TemplateKind> {
  const tags = new Map<string, TemplateKind>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!LIT_MODULES.has(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const kind = TAG_KINDS[(element.propertyName ?? element.name).text];
      if (kind && !element.isTypeOnly) tags.set(element.name.text, kind);
    }
  }
  return tags;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * `code` with the static text of every Lit template minified, or undefined when it has none (or
 * nothing changed). `fileName` picks the parser (TS or JS); nothing is read from disk.
 */
export function minifyLitTemplates(code: string, fileName: string): string | undefined {
  if (!/\b(?:html|svg|css)\b/.test(code) || !/['"]lit(?:-html|-element)?['"]/.test(code)) return undefined;
  const kind = /\.[cm]?tsx?$/.test(fileName) ? (fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS) : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind);
  const tags = litTags(source);
  if (tags.size === 0) return undefined;
  const edits: Edit[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && tags.has(node.tag.text) && !node.typeArguments) {
      const template = node.template;
      // [start, end) of each static part's raw text, between the backtick, `${` and `}`.
      const ranges: Array<[number, number]> = ts.isNoSubstitutionTemplateLiteral(template)
        ? [[template.getStart(source) + 1, template.end - 1]]
        : [
            [template.head.getStart(source) + 1, template.head.end - 2],
            ...template.templateSpans.map((span): [number, number] => [
              span.literal.getStart(source) + 1,
              span.literal.end - (ts.isTemplateTail(span.literal) ? 1 : 2),
            ]),
          ];
      const parts = ranges.map(([start, end]) => code.slice(start, end));
      const minified = tags.get(node.tag.text) === 'css' ? minifyCssParts(parts) : minifyHtmlParts(parts);
      ranges.forEach(([start, end], i) => {
        if (minified[i] !== parts[i]) edits.push({ start, end, text: minified[i]! });
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (edits.length === 0) return undefined;
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** Which files the build and the bench minify: our sources, never dependencies or tests. */
export const LIT_TEMPLATE_FILES = /\/src\/.+\.ts$/;

const ours = (path: string): boolean => LIT_TEMPLATE_FILES.test(path) && !path.includes('/node_modules/');

/** For Vite builds (npm and CDN): before TypeScript is stripped, so the parse sees the imports. */
export function litTemplatesVitePlugin(): VitePlugin {
  return {
    name: 'margin-kit-lit-templates',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      const path = id.split('?')[0]!;
      if (!ours(path)) return null;
      const out = minifyLitTemplates(code, path);
      return out === undefined ? null : { code: out, map: null };
    },
  };
}

/** For esbuild (the size bench's bundles), the same transform. */
export function litTemplatesEsbuildPlugin(): EsbuildPlugin {
  return {
    name: 'margin-kit-lit-templates',
    setup(build) {
      build.onLoad({ filter: LIT_TEMPLATE_FILES }, async (args) => {
        if (!ours(args.path)) return undefined;
        const code = await readFile(args.path, 'utf8');
        return { contents: minifyLitTemplates(code, args.path) ?? code, loader: 'ts' };
      });
    },
  };
}
