// A node:test reporter that only counts, for scripts/test.mjs.
export default async function* summary(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    if (event.type === 'test:pass' && !event.data.skip && event.data.details?.type !== 'suite') passed += 1;
    if (event.type === 'test:fail' && event.data.details?.type !== 'suite') failed += 1;
  }
  yield `${passed} node-passed, ${failed} node-failed\n`;
}
