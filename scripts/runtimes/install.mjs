#!/usr/bin/env node
/**
 * The JavaScript runtimes the proxy's fetch handler is tested on (Deno, Bun, workerd) and the
 * wrangler CLI its Worker example is bundled with. They are about 100 MB each, so they stay out of
 * package.json: installed on demand, pinned, into node_modules/.cache/margin-kit-runtimes/<name>@<version>.
 *
 * Each npm package ships its binary in a per-platform optional dependency and copies it into place
 * in a postinstall script, which npm 11 does not run unless approved. So the binary is looked up
 * in the platform packages (and where a postinstall would have put it) and kept only if it runs.
 *
 *   node scripts/runtimes/install.mjs [deno] [bun] [workerd] [wrangler]   (default: all four)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** MARGIN_KIT_RUNTIMES_CACHE moves it (a CI cache, or an empty folder to see the suite skip). */
export const CACHE = process.env.MARGIN_KIT_RUNTIMES_CACHE || join(ROOT, 'node_modules', '.cache', 'margin-kit-runtimes');

const exe = process.platform === 'win32' ? '.exe' : '';

/** Binaries under `dir/node_modules` worth trying, best first. */
function inScope(dir, scope, relative) {
  const base = join(dir, 'node_modules', scope);
  if (!existsSync(base)) return [];
  return readdirSync(base).map((name) => join(base, name, relative));
}

/**
 * Pinned versions, each checked to run on linux-x64 (Debian 12, glibc 2.36) without its
 * postinstall. wrangler 4 needs Node 22; wrangler 3 runs on Node 16.17 and up.
 */
export const RUNTIMES = {
  deno: {
    version: '2.9.6',
    candidates: (dir) => [...inScope(dir, '@deno', `deno${exe}`), join(dir, 'node_modules', 'deno', `deno${exe}`)],
  },
  bun: {
    version: '1.4.5',
    candidates: (dir) => [...inScope(dir, '@oven', `bin/bun${exe}`), join(dir, 'node_modules', 'bun', 'bin', 'bun.exe')],
  },
  workerd: {
    version: '1.20261117.1',
    candidates: (dir) => inScope(dir, '@cloudflare', `bin/workerd${exe}`),
  },
  wrangler: {
    version: '3.114.17',
    // A Node script: run as `node <path>`.
    node: true,
    candidates: (dir) => [join(dir, 'node_modules', 'wrangler', 'bin', 'wrangler.js')],
  },
};

/** How to get a runtime by hand, for skip and failure messages. */
export function howToInstall(name) {
  return `node scripts/runtimes/install.mjs ${name}`;
}

function runs(name, path) {
  if (!existsSync(path)) return false;
  const [command, args] = RUNTIMES[name].node ? [process.execPath, [path, '--version']] : [path, ['--version']];
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
  });
  return result.status === 0;
}

function find(name, dir) {
  return RUNTIMES[name].candidates(dir).find((path) => runs(name, path));
}

/**
 * The runtime's command, installing it first when the cache lacks it:
 * `{ name, version, command, args }` (spawn `command` with `args` then your own), or
 * `{ name, version, missing }` with a one-line reason.
 */
export function ensureRuntime(name, { install = true } = {}) {
  const runtime = RUNTIMES[name];
  if (!runtime) throw new Error(`Unknown runtime ${name}: one of ${Object.keys(RUNTIMES).join(', ')}.`);
  const { version } = runtime;
  const dir = join(CACHE, `${name}@${version}`);
  const marker = join(dir, '.margin-kit-runtime.json');
  const found = (path) => (runtime.node ? { name, version, command: process.execPath, args: [path] } : { name, version, command: path, args: [] });

  // A binary seen to run once is trusted while it is there (checking costs a process start).
  if (existsSync(marker)) {
    const path = JSON.parse(readFileSync(marker, 'utf8')).path;
    if (existsSync(path)) return found(path);
  }
  let path = existsSync(dir) ? find(name, dir) : undefined;
  if (!path) {
    if (!install) return { name, version, missing: `${name}@${version} is not installed (${howToInstall(name)})` };
    // Into a fresh directory renamed into place, so two suites installing at once never see half a copy.
    const staging = `${dir}.${process.pid}.tmp`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    writeFileSync(join(staging, 'package.json'), '{ "private": true }\n');
    try {
      execFileSync(
        process.platform === 'win32' ? 'npm.cmd' : 'npm',
        ['install', '--prefix', staging, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', `${name}@${version}`],
        { stdio: ['ignore', 'ignore', 'pipe'], timeout: 600_000 },
      );
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      const lines = String(error.stderr ?? error.message).trim().split('\n');
      const reason = lines.find((line) => /^npm error (code|errno|network|request)/.test(line)) ?? lines[0];
      return { name, version, missing: `npm install ${name}@${version} failed (${reason}); retry with ${howToInstall(name)}` };
    }
    path = find(name, staging);
    if (!path) {
      rmSync(staging, { recursive: true, force: true });
      return { name, version, missing: `${name}@${version} installed but no binary of it runs on ${process.platform}-${process.arch}` };
    }
    // Another suite may have put a working copy in place meanwhile: keep that one.
    const theirs = existsSync(dir) ? find(name, dir) : undefined;
    if (theirs) {
      rmSync(staging, { recursive: true, force: true });
      path = theirs;
    } else {
      rmSync(dir, { recursive: true, force: true });
      renameSync(staging, dir);
      path = path.replace(staging, dir);
    }
  }
  writeFileSync(marker, `${JSON.stringify({ path })}\n`);
  return found(path);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(RUNTIMES);
  let failed = false;
  for (const name of names) {
    const result = ensureRuntime(name);
    if (result.missing) {
      failed = true;
      console.error(`${name}: ${result.missing}`);
    } else {
      console.log(`${name}@${result.version}: ${[result.command, ...result.args].join(' ')}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}
