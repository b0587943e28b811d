import { expect } from '@open-wc/testing';

// `npm test` builds first (scripts/test.mjs), so these load the files a user would ship.
const LOADER = '/dist/cdn/margin-kit.js';
const ALL = '/dist/cdn/margin-kit.all.js';
const NPM = '/dist/index.js';
const TAGS = ['margin-mark-price-ticker', 'margin-order-ticket', 'margin-borrow-repay', 'margin-lending-market'];
/** A string only decimal.js carries (its error prefix): the mark of the library in minified code. */
const DECIMAL_JS = '[DecimalError]';

interface Client {
  kucoin: { getMarkPriceList: () => Promise<Array<{ symbol: string; value: { toString(): string } }>> };
}
interface Api {
  createMarginClient: (options: { proxyUrl: string; fetch?: typeof fetch }) => Client;
  Decimal: new (value: string) => { plus(v: string): { toString(): string } };
}
interface KitModule extends Partial<Api> {
  VERSION: string;
  defineElement: (tag: string, element: CustomElementConstructor, version?: string) => void;
  loadApi?: () => Promise<Api>;
}

/** A bare specifier looks like: import ... from "lit", import("ky"), import "decimal.js". */
function specifiers(source: string): string[] {
  return [
    ...source.matchAll(/\bfrom\s*["']([^"'\s,()]+)["']/g),
    ...source.matchAll(/\bimport\s*\(\s*["']([^"'\s,()]+)["']\s*\)/g),
    ...source.matchAll(/\bimport\s*["']([^"'\s,()]+)["']/g),
  ].map((m) => m[1]!);
}

/** The static imports of a module, followed: what a browser fetches before the module runs. */
async function staticClosure(url: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const visit = async (file: string): Promise<void> => {
    if (files.has(file)) return;
    const source = await (await fetch(file)).text();
    files.set(file, source);
    const statics = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => new URL(m[1]!, new URL(file, location.href)).pathname);
    await Promise.all(statics.map(visit));
  };
  await visit(url);
  return files;
}

const markPriceAnswer = (async () =>
  new Response(JSON.stringify({ code: '200000', data: [{ symbol: 'USDT-BTC', timePoint: 1729676522000, value: 0.00001432 }] }))) as typeof fetch;

async function clientWorks(api: Api): Promise<void> {
  expect(new api.Decimal('0.1').plus('0.2').toString()).to.equal('0.3');
  const prices = await api.createMarginClient({ proxyUrl: 'https://p.test', fetch: markPriceAnswer }).kucoin.getMarkPriceList();
  expect(prices[0]!.value.toString()).to.equal('0.00001432');
}

describe('built bundles', () => {
  it('margin-kit.all.js is one self-contained ES module (no imports at all)', async () => {
    const source = await (await fetch(ALL)).text();
    expect(source.length).to.be.greaterThan(1000);
    expect(specifiers(source), 'imports').to.deep.equal([]);
    for (const tag of TAGS) expect(source, tag).to.include(tag);
  });

  it('the loader and its chunks import only their siblings (no bare imports)', async () => {
    const loader = await (await fetch(LOADER)).text();
    const chunks = specifiers(loader).filter((s) => s.startsWith('./'));
    expect(chunks.length, 'the loader imports chunks').to.be.greaterThan(3);
    for (const chunk of chunks) {
      const source = await (await fetch(new URL(chunk, new URL(LOADER, location.href)))).text();
      expect(specifiers(source).filter((s) => !s.startsWith('./')), `imports of ${chunk}`).to.deep.equal([]);
    }
  });

  it("the loader's initial chunks hold neither an element nor the client/core API (no decimal.js)", async () => {
    const initial = await staticClosure(LOADER);
    const text = [...initial.values()].join('\n');
    expect(text.includes(DECIMAL_JS), "decimal.js").to.equal(false);
    // Lit (every element's base) and an element's own part names; the loader only names the tags.
    for (const mark of ['litElementVersions', 'pause-button', 'getMarkPriceList']) expect(text.includes(mark), mark).to.equal(false);
  });

  it("the ticker's chunks (what a page with only a ticker fetches) hold no decimal.js", async () => {
    const loader = await (await fetch(LOADER)).text();
    const ticker = specifiers(loader).find((s) => /margin-mark-price-ticker-[\w-]+\.js$/.test(s));
    expect(ticker, 'a hashed ticker chunk').to.be.a('string');
    const files = await staticClosure(new URL(ticker!, new URL(LOADER, location.href)).pathname);
    for (const [file, source] of files) expect(source.includes(DECIMAL_JS), `${file} holds decimal.js`).to.equal(false);
  });

  it('margin-kit.all.js loads in Chromium and its client works end to end on a fetch', async () => {
    const kit = (await import(/* @vite-ignore */ ALL)) as KitModule;
    expect(kit.VERSION).to.match(/^\d+\.\d+\.\d+/);
    await clientWorks(kit as Api);
  });

  it('the loader gives the same client through loadApi()', async () => {
    const kit = (await import(/* @vite-ignore */ LOADER)) as KitModule;
    expect(kit.VERSION).to.match(/^\d+\.\d+\.\d+/);
    expect(kit.createMarginClient, 'not a static export of the loader').to.equal(undefined);
    await clientWorks(await kit.loadApi!());
  });

  it('the npm build and both CDN files on one page share the define guard', async () => {
    const all = (await import(/* @vite-ignore */ ALL)) as KitModule;
    const loader = (await import(/* @vite-ignore */ LOADER)) as KitModule;
    const npm = (await import(/* @vite-ignore */ NPM)) as KitModule;
    expect(npm.VERSION).to.equal(all.VERSION);
    expect(loader.VERSION).to.equal(all.VERSION);
    class One extends HTMLElement {}
    class Two extends HTMLElement {}
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      npm.defineElement('margin-build-probe', One);
      all.defineElement('margin-build-probe', Two); // same version: silent no-op
      loader.defineElement('margin-build-probe', Two);
      expect(warnings).to.have.length(0);
      all.defineElement('margin-build-probe', Two, '99.0.0'); // another version: one warning
      expect(warnings).to.have.length(1);
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('margin-build-probe')).to.equal(One);
  });
});
