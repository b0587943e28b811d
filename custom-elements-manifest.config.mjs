// `npm run analyze`: custom-elements.json from the elements' JSDoc headers, as a consumer of the
// package sees it: one module per shipped define file (`dist/margin-*.js`) with its tag, the
// element's public attributes and properties (alias types spelled out), its events typed by the
// Event classes the define module declares in GlobalEventHandlersEventMap, parts, CSS properties
// and slots. Storybook's autodocs, the README tables (scripts/api-tables.mjs) and the IDE and
// framework types (scripts/integrations.mjs) all read it. The output depends only on the sources
// (no dates, no absolute paths), so a rerun on unchanged sources rewrites the same bytes.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { readTags } from './scripts/api-tables.mjs';

const ROOT = import.meta.dirname;
const DEFINE_DIR = join(ROOT, 'src/define');

/** `{ tag: 'src/define/<tag>.ts' }` for every define file. */
function defineFiles() {
  return readdirSync(DEFINE_DIR)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(DEFINE_DIR, name));
}

/** One type checker over the define files (and everything they import). */
function checkerOver(files) {
  const { config } = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  const program = ts.createProgram(files, { ...options, noEmit: true });
  return { program, checker: program.getTypeChecker() };
}

const quote = (text) => text.replace(/"((?:[^"\\]|\\.)*)"/g, "'$1'");

/** A type as a reader wants it: a union of literals spelled out (`Venue` -> `'kucoin' | 'bitmart'`). */
function typeText(checker, type) {
  const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;
  if (type.isUnion() && type.types.every((t) => t.isLiteral() || t.flags & (ts.TypeFlags.BooleanLiteral | ts.TypeFlags.Undefined | ts.TypeFlags.Null))) {
    // `boolean` is `true | false` inside a union: keep it one word.
    const texts = type.types.map((t) => quote(checker.typeToString(t, undefined, flags)));
    const bool = texts.includes('true') && texts.includes('false');
    return [...(bool ? ['boolean'] : []), ...texts.filter((t) => !(bool && (t === 'true' || t === 'false')))].join(' | ');
  }
  return quote(checker.typeToString(type, undefined, flags));
}

/** The interface GlobalEventHandlersEventMap as the define files leave it. */
function eventMap(program, checker) {
  const file = program.getSourceFile(defineFiles()[0]);
  const symbol = checker.getSymbolsInScope(file, ts.SymbolFlags.Interface).find((s) => s.name === 'GlobalEventHandlersEventMap');
  if (!symbol) throw new Error('GlobalEventHandlersEventMap not found');
  return checker.getDeclaredTypeOfSymbol(symbol);
}

/** The element classes the define files export, by class name. */
function exportedClasses(program, checker) {
  const classes = new Map();
  for (const path of defineFiles()) {
    const file = program.getSourceFile(path);
    const moduleSymbol = checker.getSymbolAtLocation(file);
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      if (target.flags & ts.SymbolFlags.Class) classes.set(target.name, { file: path, type: checker.getDeclaredTypeOfSymbol(target), exports: checker.getExportsOfModule(moduleSymbol) });
    }
  }
  return classes;
}

const isPublic = (member) => !member.static && (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#');

/** The declaration as shipped: typed, public only, its events named and typed once each. */
function shippedDeclaration(declaration, tag, { checker, map, cls }) {
  const typeOf = (name) => {
    const property = cls.type.getProperty(name);
    return property ? typeText(checker, checker.getTypeOfSymbol(property)) : undefined;
  };
  const members = (declaration.members ?? []).filter(isPublic).map(({ inheritedFrom, ...member }) => {
    if (member.kind !== 'field') return member;
    const text = typeOf(member.name);
    return text ? { ...member, type: { text } } : member;
  });
  const attributes = (declaration.attributes ?? []).map(({ inheritedFrom, ...attribute }) => {
    const text = attribute.fieldName && typeOf(attribute.fieldName);
    return text ? { ...attribute, type: { text } } : attribute;
  });
  const events = [];
  for (const event of declaration.events ?? []) {
    // The analyzer also reads `new SomeEvent(detail)` in code as an event, unnamed or named after
    // the argument: the JSDoc's @fires names (and describes) each real one.
    if (!event.name || !event.description || events.some((e) => e.name === event.name)) continue;
    const property = map.getProperty(event.name);
    if (!property) throw new Error(`<${tag}> fires ${event.name}, which no module declares in GlobalEventHandlersEventMap`);
    const eventType = checker.getTypeOfSymbol(property);
    const detail = eventType.getProperty('detail');
    const { inheritedFrom, ...rest } = event;
    events.push({
      ...rest,
      type: { text: checker.typeToString(eventType) },
      // The detail's own type name (`Readonly<X>` read as X): Vue's types want it.
      ...(detail ? { detailType: { text: checker.typeToString(checker.getTypeOfSymbol(detail)).replace(/^Readonly<(.+)>$/, '$1') } } : {}),
    });
  }
  const { superclass, summary, description, ...rest } = declaration;
  return {
    ...rest,
    description: description || summary || '',
    ...(summary ? { summary } : {}),
    tagName: tag,
    customElement: true,
    members,
    attributes,
    events,
    ...(superclass ? { superclass: { name: superclass.name, ...(superclass.package ? { package: superclass.package } : {}) } } : {}),
  };
}

/** Replaces the analyzer's per-source modules with the shipped define modules. */
function shipDefineModules() {
  return {
    name: 'margin-kit-shipped-modules',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const tags = readTags(ROOT);
      const { program, checker } = checkerOver(defineFiles());
      const map = eventMap(program, checker);
      const classes = exportedClasses(program, checker);
      const modules = [];
      for (const mod of manifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const tag = tags[declaration.name];
          if (declaration.kind !== 'class' || !tag) continue;
          const cls = classes.get(declaration.name);
          if (!cls) throw new Error(`${declaration.name} is not exported by a define file`);
          const path = `dist/${tag}.js`;
          const shipped = shippedDeclaration(declaration, tag, { checker, map, cls });
          // The module's value exports the generated types import (the class, its Event classes).
          const values = cls.exports
            .map((s) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s))
            .filter((s) => s.flags & ts.SymbolFlags.Class)
            .map((s) => s.name)
            .sort((a, b) => (a === declaration.name ? -1 : b === declaration.name ? 1 : a.localeCompare(b)));
          modules.push({
            kind: 'javascript-module',
            path,
            declarations: [shipped],
            exports: [
              ...values.map((name) => ({ kind: 'js', name, declaration: { name, module: path } })),
              { kind: 'custom-element-definition', name: tag, declaration: { name: declaration.name, module: path } },
            ],
          });
        }
      }
      const missing = Object.entries(tags).filter(([, tag]) => !modules.some((m) => m.path === `dist/${tag}.js`));
      if (missing.length > 0) throw new Error(`no element class found for ${missing.map(([, tag]) => tag).join(', ')}`);
      manifest.modules = modules.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

export default {
  // Every element source: a class may inherit from a base or mixin in any file of the layer.
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [shipDefineModules()],
};
