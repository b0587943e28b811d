/**
 * `npm run bench`: size, proxy, render and request figures, measured as ratios in one run,
 * printed as a table and written to BENCHMARKS.md. Never part of `npm test`.
 *
 *   npm run bench                  every part, then BENCHMARKS.md
 *   npm run bench -- size proxy    only those parts; BENCHMARKS.md is left alone
 *
 * Exits non-zero when a size is over budget (after the whole report) or a part failed.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
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
  render: { title: 'Render', run: renderBench, timeoutMs: 5 * 60_000 },
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

function report(sections: readonly Section[], started: Date, machineLines: readonly string[], seconds: number, load: readonly number[]): string {
  const figureRows = sections.flatMap((section) =>
    section.status === 'measured'
      ? section.figures.map((f) => [f.name, f.value, f.target ?? '', f.ratio ?? '', verdict(f)])
      : [[`${section.title}`, section.status, '', '', section.reason ?? '']],
  );
  const parts = sections.map((section) => {
    const lines = [`## ${section.title}`, ''];
    if (section.status !== 'measured') lines.push(`**${section.status}**: ${markdownText(section.reason ?? '')}`, '');
    if (section.detail) lines.push(section.detail, '');
    for (const note of section.notes ?? []) lines.push(`- ${markdownText(note)}`);
    return lines.join('\n').trimEnd();
  });
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
    'Run it with `npm run bench` (about 5 minutes); `npm run bench -- size` (or `proxy`, `render`,',
    '`requests`, `coalescing`) runs some parts and leaves this file alone; `BENCH_PROXY_ROUNDS=5` takes more rounds.',
    'It exits non-zero when a size is over budget or a part failed; other missed targets are reported',
    'as MISSED.',
    '',
    '## Figures',
    '',
    markdownTable(['figure', 'value', 'target', 'ratio', 'verdict'], figureRows),
    '',
    ...parts.flatMap((part) => [part, '']),
  ].join('\n');
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
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
    await writeFile(join(ROOT, 'BENCHMARKS.md'), report(sections, started, machineLines, seconds, [loadAtStart, loadavg()[0]!]));
    console.log('Wrote BENCHMARKS.md.');
  } else {
    console.log('Some parts only: BENCHMARKS.md left as it was.');
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
