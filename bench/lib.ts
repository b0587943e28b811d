/**
 * What every benchmark part shares: statistics, bounded waits, child processes that always
 * end, temporary folders, and the shape of a report section.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = resolve(import.meta.dirname, '..');

/** One measured figure of a report: its value, the target it is held to, and how it compares. */
export interface Figure {
  name: string;
  value: string;
  target?: string;
  /** The comparison that matters, e.g. `0.86x bare` or `1.4x floor`. */
  ratio?: string;
  /** Undefined when the figure has no target. */
  ok?: boolean;
}

export interface Section {
  title: string;
  status: 'measured' | 'not yet' | 'failed';
  /** Why it was skipped or what failed. */
  reason?: string;
  figures: Figure[];
  /** Extra markdown (detail tables) for BENCHMARKS.md. */
  detail?: string;
  notes?: string[];
  /** Budgets that fail the run (sizes only). */
  overBudget?: string[];
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function ms(value: number, digits = 2): string {
  return Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a';
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function times(value: number, what: string): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}x ${what}` : 'n/a';
}

export function sleep(millis: number): Promise<void> {
  return new Promise((done) => setTimeout(done, millis));
}

/** Rejects after `millis` with a message naming what took too long. */
export async function withTimeout<T>(promise: Promise<T>, millis: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(millis / 1000)} s`)), millis);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function withTempDir<T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), `margin-kit-bench-${prefix}-`));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a command to completion (bounded); rejects with its output on failure. */
export function run(command: string, args: readonly string[], options: { timeoutMs: number; env?: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((done, fail) => {
    execFile(
      command,
      args,
      { cwd: ROOT, timeout: options.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 32 * 1024 * 1024, env: options.env ?? process.env },
      (error, stdout, stderr) => {
        if (error) fail(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`.trim()));
        else done(`${stdout}${stderr}`);
      },
    );
  });
}

/** A child process that printed one JSON line when ready, and is ended by its pid only. */
export interface Child<T> {
  ready: T;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `node <script> ...args` (with `--import tsx` for a .ts script), waits (bounded) for its first stdout line (JSON),
 * and returns it with a stop() that ends that one process: SIGTERM, then SIGKILL after 3 s.
 * The child's stdin is a pipe: if this process dies, the child sees stdin end and exits too.
 */
export async function startChild<T>(script: string, args: readonly string[], timeoutMs = 20_000): Promise<Child<T>> {
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, script, ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    const line = await withTimeout(
      new Promise<string>((done, fail) => {
        const lines = createInterface({ input: child.stdout! });
        lines.once('line', (text) => done(text));
        child.once('exit', (code) => fail(new Error(`${script} exited (${code}) before it was ready: ${stderr}`)));
      }),
      timeoutMs,
      `starting ${script}`,
    );
    child.stdout!.resume();
    return { ready: JSON.parse(line) as T, process: child, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Text for markdown: `<tag>` outside code spans would be read as HTML and vanish. */
export function markdownText(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');
}

/** Markdown table. */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (cell: string) => markdownText(cell).replace(/\|/g, '\\|');
  return [
    `| ${head.map(escape).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

/** Plain-text table with padded columns, for the terminal. */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function verdict(figure: Figure): string {
  if (figure.ok === undefined) return '';
  return figure.ok ? 'ok' : 'MISSED';
}

/**
 * CPU time a process has used so far, in ms (all its threads: Node runs Web Crypto and GC off
 * the main thread), from Linux's /proc; undefined elsewhere.
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    let ns = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    }
    return ns / 1e6;
  } catch {
    return undefined;
  }
}
