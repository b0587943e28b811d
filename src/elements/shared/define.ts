import { VERSION } from '../../version.js';

/** Which margin-kit version defined each tag, shared by every copy of the package on a page. */
const DEFINED_BY = Symbol.for('margin-kit/defined-versions');

const WARNED = Symbol.for('margin-kit/version-warnings');

function warnedPairs(): Set<string> {
  const scope = globalThis as typeof globalThis & { [WARNED]?: Set<string> };
  scope[WARNED] ??= new Set();
  return scope[WARNED];
}

function definedVersions(): Map<string, string> {
  const scope = globalThis as typeof globalThis & { [DEFINED_BY]?: Map<string, string> };
  scope[DEFINED_BY] ??= new Map();
  return scope[DEFINED_BY];
}

/**
 * Defines a custom element unless the tag is already taken. Two copies of margin-kit on one
 * page (npm build + CDN) must not throw: the same version is a silent no-op, another version
 * keeps the first definition and warns once.
 */
export function defineElement(tagName: string, element: CustomElementConstructor, version = VERSION): void {
  const versions = definedVersions();
  const existing = customElements.get(tagName);
  if (!existing) {
    customElements.define(tagName, element);
    versions.set(tagName, version);
    return;
  }
  const first = versions.get(tagName);
  if (existing !== element && first !== version) {
    // One warning per pair of versions, not one per tag: a second copy brings all four tags, and
    // two loaders racing for the chunks may each win some of them (the pair in either order).
    const pair = [first ?? 'another script', version].sort().join(' vs ');
    const warned = warnedPairs();
    if (warned.has(pair)) return;
    warned.add(pair);
    console.warn(
      `margin-kit: <${tagName}> is already defined by ${first ? `margin-kit ${first}` : 'another script'}; ` +
        `this copy (${version}) is not used.`,
    );
  }
}
