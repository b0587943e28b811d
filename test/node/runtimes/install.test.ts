/**
 * scripts/runtimes/install.mjs: a runtime counts as installed only when a binary of it runs (a
 * postinstall npm 11 skipped leaves placeholders), and an install that fails says why in one line.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'scripts', 'runtimes', 'install.mjs');
const cache = mkdtempSync(join(tmpdir(), 'margin-kit-runtimes-cache-'));
after(() => rmSync(cache, { recursive: true, force: true }));

/** Runs the installer on `cache` with `env`; npm's registry a closed loopback port, so nothing leaves the machine. */
function install(name: string, registryPort: number) {
  return spawnSync(process.execPath, [SCRIPT, name], {
    encoding: 'utf8',
    env: {
      ...process.env,
      MARGIN_KIT_RUNTIMES_CACHE: cache,
      npm_config_registry: `http://127.0.0.1:${registryPort}/`,
      npm_config_fetch_retries: '0',
      npm_config_cache: join(cache, 'npm-cache'),
      npm_config_offline: 'false',
    },
  });
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test('a binary that does not run is passed over for the next one that does', { skip: process.platform === 'win32' }, async () => {
  const dir = join(cache, 'bun@1.4.5', 'node_modules');
  mkdirSync(join(dir, 'bun', 'bin'), { recursive: true });
  mkdirSync(join(dir, '@oven', 'bun-test-platform', 'bin'), { recursive: true });
  // Looked at first: a platform package's binary that is not a program (here, text).
  writeFileSync(join(dir, '@oven', 'bun-test-platform', 'bin', 'bun'), 'not a program\n');
  // Next: where bun's postinstall puts the binary (some registries ship it there).
  const binary = join(dir, 'bun', 'bin', 'bun.exe');
  writeFileSync(binary, '#!/bin/sh\necho 1.4.5\n');
  chmodSync(binary, 0o755);
  const result = install('bun', await closedPort());
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim(), `bun@1.4.5: ${binary}`);
});

test('an install that fails exits 1 with a one-line reason and the command to retry', async () => {
  const result = install('deno', await closedPort());
  assert.equal(result.status, 1);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0]!, /^deno: npm install deno@[\d.]+ failed \(npm error code ECONNREFUSED\); retry with node scripts\/runtimes\/install\.mjs deno$/);
});
