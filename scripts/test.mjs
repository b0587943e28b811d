// `npm test`: the browser suite (web-test-runner, Chromium) and the Node suite (node:test),
// then one plain line `N passed, N failed` for CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const totals = { passed: 0, failed: 0 };
let ok = true;

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) ok = false;
  return result.status;
}

// 0. Build: the smoke tests load dist/ and the CDN bundle as a user would.
if (run('npm', ['run', '--silent', 'build']) !== 0) {
  console.error('npm run build failed: the build smoke tests cannot run.');
}

// 1. Browser tests.
const summary = join(mkdtempSync(join(tmpdir(), 'margin-kit-')), 'summary.json');
const wtrStatus = run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js'], { MARGIN_KIT_SUMMARY: summary });
if (existsSync(summary)) {
  const browser = JSON.parse(readFileSync(summary, 'utf8'));
  totals.passed += browser.passed;
  totals.failed += browser.failed;
} else if (wtrStatus !== 0) {
  totals.failed += 1; // the runner did not get as far as reporting
}

// 2. Node tests (CLIs, servers on loopback), when there are any.
function nodeTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return nodeTests(path);
    return /\.test\.(ts|mjs)$/.test(name) ? [path] : [];
  });
}
const files = nodeTests('test/node');
if (files.length > 0) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=./scripts/node-summary-reporter.mjs', '--test-reporter-destination=stderr', ...files],
    { stdio: ['inherit', 'inherit', 'pipe'], encoding: 'utf8' },
  );
  const match = /(\d+) node-passed, (\d+) node-failed/.exec(result.stderr ?? '');
  if (match) {
    totals.passed += Number(match[1]);
    totals.failed += Number(match[2]);
  } else {
    process.stderr.write(result.stderr ?? '');
    totals.failed += 1;
  }
  if (result.status !== 0) ok = false;
}

if (!ok && totals.failed === 0) totals.failed = 1;
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
