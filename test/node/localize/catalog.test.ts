// The shipped translations are complete: every message the source says (extracted afresh by
// @lit/localize-tools) has a target in each locale's XLIFF and in its generated module, and
// neither has an id the source no longer says.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '../../..');
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8')) as {
  targetLocales: string[];
  interchange: { xliffDir: string };
  output: { outputDir: string };
};

function unitIds(xlf: string, withTarget: boolean): string[] {
  const units = [...xlf.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
  return units.filter(([, , body]) => !withTarget || /<target>[\s\S]*?\S[\s\S]*?<\/target>/.test(body!)).map(([, id]) => id!).sort();
}

function sourceIds(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'margin-kit-xliff-'));
  const tmpConfig = join(dir, 'lit-localize.json');
  writeFileSync(
    tmpConfig,
    JSON.stringify({ ...config, tsConfig: join(root, 'tsconfig.build.json'), interchange: { format: 'xliff', xliffDir: dir }, output: { ...config.output, outputDir: join(dir, 'out') } }),
  );
  execFileSync(process.execPath, [join(root, 'node_modules/@lit/localize-tools/bin/lit-localize.js'), 'extract', '--config', tmpConfig], { cwd: root, stdio: 'pipe' });
  return unitIds(readFileSync(join(dir, `${config.targetLocales[0]}.xlf`), 'utf8'), false);
}

const ids = sourceIds();

test('the source has messages to translate', () => {
  assert.ok(ids.length > 20, `only ${ids.length} messages extracted`);
});

for (const locale of config.targetLocales) {
  test(`${locale}: every message translated in the XLIFF, none extra`, () => {
    const xlf = readFileSync(join(root, config.interchange.xliffDir, `${locale}.xlf`), 'utf8');
    const translated = unitIds(xlf, true);
    assert.deepEqual(ids.filter((id) => !translated.includes(id)), [], 'untranslated ids (fill xliff/<locale>.xlf, then `npm run localize`)');
    assert.deepEqual(translated.filter((id) => !ids.includes(id)), [], 'ids the source no longer has');
  });

  test(`${locale}: the generated module is up to date with its XLIFF`, () => {
    const module = readFileSync(join(root, config.output.outputDir, `${locale}.ts`), 'utf8');
    const keys = [...module.matchAll(/^\s*'([^']+)':/gm)].map(([, id]) => id!).sort();
    assert.deepEqual(keys, ids, 'run `npm run localize` to regenerate src/locales');
  });
}
