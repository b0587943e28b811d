/**
 * `npm run bench`: size, proxy, render and request figures, measured as ratios in one run,
 * printed as a table and written to BENCHMARKS.md. Never part of `npm test`.
 *
 *   npm run bench                  every part, then BENCHMARKS.md
 *   npm run bench -- size proxy    only those parts; BENCHMARKS.md is left alone
 *   npm run bench -- size render --merge
 *                                  only those parts, their sections and figure rows replaced in
 *                                  BENCHMARKS.md (the other parts' stay, with their own run's date)
 *
 * Exits non-zero when a size is over budget (after the whole report) or a part failed.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { chromiumPath } from './browser.js';
import { type Section, ROOT, markdownTable, markdownText, textTable, verdict, withTimeout } from './lib.js';
import { coalescingBench } from './coalescing.js';
import { proxyBench } from './proxy.js';
import { renderBench } from './render.js';
import { requestsBench } from './requests.js';
import { sizeBench } from './size.js';

const PARTS: Record<string, { title: string; run: () => Promise<Section>; timeoutMs: number }> = {
  size: { title: 'Size', run: sizeBench, timeoutMs: 10 * 60_000 },
  proxy: { title: 'Proxy', run: proxyBench, timeoutMs: 15 * 60_000 },
  coalescing: { title: 'Coalescing', run: coalescingBench, timeoutMs: 3 * 60_000 },
  // A round is three pages ticked 55 times; on a loaded machine one takes up to ~3 minutes.
  render: { title: 'Render', run: renderBench, timeoutMs: 20 * 60_000 },
  requests: { title: 'Requests', run: requestsBench, timeoutMs: 5 * 60_000 },
};

function chromiumVersion(): Promise<string> {
  return new Promise((done) => {
    execFile(chromiumPath(), ['--version'], { timeout: 20_000 }, (error, stdout) => done(error ? 'unknown' : stdout.trim()));
  });
}

async function machine(): Promise<string[]> {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return [
    `${availableParallelism()} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${process.platform} ${process.arch}`,
    `Node ${process.version}`,
    `${(await chromiumVersion()).replace(/^Chromium /, '')} (${chromiumPath()})`,
  ];
}

function sectionMarkdown(section: Section): string {
  const lines = [`## ${section.title}`, ''];
  if (section.status !== 'measured') lines.push(`**${section.status}**: ${markdownText(section.reason ?? '')}`, '');
  if (section.detail) lines.push(section.detail, '');
  for (const note of section.notes ?? []) lines.push(`- ${markdownText(note)}`);
  return lines.join('\n').trimEnd();
}

function figureRows(section: Section): string[][] {
  return section.status === 'measured'
    ? section.figures.map((f) => [f.name, f.value, f.target ?? '', f.ratio ?? '', verdict(f)])
    : [[`${section.title}`, section.status, '', '', section.reason ?? '']];
}

/**
 * `--merge`: the parts just run replace their own `## Title` section (up to the next `## `, so a
 * hand-written `### ` note under another part stays) and their figure rows (those named
 * `Title: ...`); a line under the header says when and how these parts ran. Everything else is
 * left as the earlier run wrote it.
 */
function merge(existing: string, sections: readonly Section[], runLine: string): string {
  let text = existing;
  for (const section of sections) {
    const heading = `## ${section.title}\n`;
    const start = text.indexOf(heading);
    const body = `${sectionMarkdown(section)}\n\n`;
    if (start < 0) {
      text = `${text.trimEnd()}\n\n${body}`;
      continue;
    }
    const next = text.indexOf('\n## ', start + heading.length);
    text = text.slice(0, start) + body + (next < 0 ? '' : text.slice(next + 1));
  }
  const lines = text.split('\n');
  const ours = new Set(sections.map((section) => section.title));
  const isOurs = (line: string) => line.startsWith('| ') && ours.has(line.slice(2).split(/[:|]/)[0]!.trim());
  const first = lines.findIndex(isOurs);
  const kept = lines.filter((line) => !isOurs(line));
  const rows = markdownTable(['figure', 'value', 'target', 'ratio', 'verdict'], sections.flatMap(figureRows)).split('\n').slice(2);
  const at = first < 0 ? kept.indexOf('| --- | --- | --- | --- | --- |') + 1 : first;
  kept.splice(at, 0, ...rows);
  const dateLine = kept.findIndex((line) => line.startsWith('- Date: '));
  kept.splice(dateLine + 1, 0, runLine);
  return kept.join('\n');
}

/**
 * The hand-written `## ` sections of the existing file (any title no part writes, such as the
 * analysis of a missed target): a full run keeps them, after the measured parts. Whoever reads
 * the new figures updates them in the same commit.
 */
function handWrittenSections(existing: string): string[] {
  const generated = new Set(['Figures', ...Object.values(PARTS).map((part) => part.title)]);
  return existing
    .split(/\n(?=## )/)
    .slice(1)
    .filter((chunk) => !generated.has(chunk.slice(3).split('\n')[0]!.trim()))
    .map((chunk) => chunk.trimEnd());
}

function report(sections: readonly Section[], started: Date, machineLines: readonly string[], seconds: number, load: readonly number[], kept: readonly string[] = []): string {
  const rows = sections.flatMap(figureRows);
  const parts = sections.map(sectionMarkdown);
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts); commit it with the code that produced it. Every ratio',
    'compares figures measured in the same run on the same machine: the machines are noisy, absolute',
    'times vary from run to run, the ratios much less.',
    '',
    `- Date: ${started.toISOString().replace(/\.\d+Z$/, 'Z')} (the run took ${Math.round(seconds)} s)`,
    ...machineLines.map((line, i) => `- ${['Machine', 'Node', 'Chromium'][i]}: ${line.replace(/^Node /, '')}`),
    `- Load: 1-minute load average ${load.map((l) => l.toFixed(1)).join(' at the start, ')} at the end (other work shares the machine)`,
    '',
    'Run it with `npm run bench` (about 10 minutes); `npm run bench -- size` (or `proxy`, `render`,',
    '`requests`, `coalescing`) runs some parts and leaves this file alone (add `--merge` to replace their sections here);',
    '`BENCH_PROXY_ROUNDS=5` and `BENCH_RENDER_ROUNDS=5` take more rounds.',
    'It exits non-zero when a size is over budget or a part failed; other missed targets are reported',
    'as MISSED.',
    '',
    '## Figures',
    '',
    markdownTable(['figure', 'value', 'target', 'ratio', 'verdict'], rows),
    '',
    ...parts.flatMap((part) => [part, '']),
    ...kept.flatMap((section) => [section, '']),
  ].join('\n');
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const merging = process.argv.includes('--merge');
  const unknown = asked.filter((name) => !(name in PARTS));
  if (unknown.length > 0) {
    console.error(`npm run bench: unknown part ${unknown.join(', ')}; parts are ${Object.keys(PARTS).join(', ')}.`);
    process.exit(2);
  }
  const names = asked.length > 0 ? asked : Object.keys(PARTS);
  const started = new Date();
  const loadAtStart = loadavg()[0]!;
  const machineLines = await machine();
  console.log(`margin-kit benchmarks, ${started.toISOString()}`);
  for (const line of machineLines) console.log(`  ${line}`);

  const sections: Section[] = [];
  for (const name of names) {
    const part = PARTS[name]!;
    console.log(`\n[${name}] running...`);
    const t0 = performance.now();
    let section: Section;
    try {
      section = await withTimeout(part.run(), part.timeoutMs, `the ${name} benchmark`);
    } catch (error) {
      section = { title: part.title, status: 'failed', reason: error instanceof Error ? error.message : String(error), figures: [] };
    }
    sections.push(section);
    console.log(`[${name}] ${section.status} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    if (section.status !== 'measured') console.log(`  ${section.reason}`);
    if (section.detail) console.log(`\n${section.detail}`);
    for (const note of section.notes ?? []) console.log(`- ${note}`);
  }
  await esbuild.stop();
  const seconds = (Date.now() - started.getTime()) / 1000;

  const rows = sections.flatMap((section) =>
    section.status === 'measured'
      ? section.figures.map((f) => [f.name, f.value, f.target ?? '', f.ratio ?? '', verdict(f)])
      : [[section.title, section.status, '', '', (section.reason ?? '').split('\n')[0]!]],
  );
  console.log(`\n${textTable(['figure', 'value', 'target', 'ratio', 'verdict'], rows)}\n`);

  if (asked.length === 0) {
    const path = join(ROOT, 'BENCHMARKS.md');
    const kept = handWrittenSections(await readFile(path, 'utf8').catch(() => ''));
    await writeFile(path, report(sections, started, machineLines, seconds, [loadAtStart, loadavg()[0]!], kept));
    console.log('Wrote BENCHMARKS.md.');
  } else if (merging) {
    const load = [loadAtStart, loadavg()[0]!].map((l) => l.toFixed(1)).join(' at the start, ');
    const runLine =
      `- Re-run of ${sections.map((s) => s.title).join(', ')} (\`npm run bench -- ${asked.join(' ')} --merge\`): ` +
      `${started.toISOString().replace(/\.\d+Z$/, 'Z')}, ${Math.round(seconds)} s, load average ${load} at the end; ` +
      `${machineLines[0]}; their sections and figure rows below are from this run, the rest from the run dated above.`;
    const path = join(ROOT, 'BENCHMARKS.md');
    await writeFile(path, merge(await readFile(path, 'utf8'), sections, runLine));
    console.log(`Merged ${sections.map((s) => s.title).join(', ')} into BENCHMARKS.md.`);
  } else {
    console.log('Some parts only: BENCHMARKS.md left as it was (add --merge to replace their sections).');
  }

  const over = sections.flatMap((section) => section.overBudget ?? []);
  for (const line of over) console.log(`OVER BUDGET: ${line}`);
  const failed = sections.filter((section) => section.status === 'failed');
  for (const section of failed) console.log(`FAILED: ${section.title}: ${(section.reason ?? '').split('\n')[0]}`);
  process.exit(over.length > 0 || failed.length > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
