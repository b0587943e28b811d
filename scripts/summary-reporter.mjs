// Counts every test web-test-runner ran and writes the totals for scripts/test.mjs, which prints
// the plain closing line (web-test-runner's own summary shares its line with a progress bar).
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function summaryReporter({ file = process.env.MARGIN_KIT_SUMMARY } = {}) {
  return {
    stop({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.failed += 1;
      }
      if (file) writeFileSync(file, JSON.stringify(totals));
      else console.log(`${totals.passed} passed, ${totals.failed} failed`);
    },
  };
}
