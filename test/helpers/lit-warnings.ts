/**
 * Collects Lit's dev-mode warnings (Lit prints them with console.warn) so an element test can
 * assert there were none. Call `stop()` in afterEach.
 */
export function captureLitWarnings(): { warnings: string[]; stop: () => void } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (/lit|reactive|update/i.test(text) && !text.startsWith('Lit is in dev mode')) warnings.push(text);
    original.apply(console, args);
  };
  return { warnings, stop: () => (console.warn = original) };
}

/** Custom properties an element's CSS reads and declares, for the token test. */
export function tokenUse(cssText: string): { used: Set<string>; declared: Set<string> } {
  const used = new Set([...cssText.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]!));
  const declared = new Set([...cssText.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]!));
  return { used, declared };
}
