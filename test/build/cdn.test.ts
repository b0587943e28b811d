import { expect } from '@open-wc/testing';

// `npm test` builds first (scripts/test.mjs), so these load the files a user would ship.
const CDN = '/dist/cdn/margin-kit.js';
const NPM = '/dist/index.js';

interface KitModule {
  VERSION: string;
  createMarginClient: (options: { proxyUrl: string; fetch?: typeof fetch }) => {
    kucoin: { getMarkPriceList: () => Promise<Array<{ symbol: string; value: { toString(): string } }>> };
  };
  defineElement: (tag: string, element: CustomElementConstructor, version?: string) => void;
  Decimal: new (value: string) => { plus(v: string): { toString(): string } };
}

describe('built bundles', () => {
  it('the CDN file is one self-contained ES module (no bare imports)', async () => {
    const source = await (await fetch(CDN)).text();
    expect(source.length).to.be.greaterThan(1000);
    // a bare specifier looks like: import ... from "lit", import("ky"), import "decimal.js"
    const specifiers = [
      ...source.matchAll(/\bfrom\s*["']([^"'\s,()]+)["']/g),
      ...source.matchAll(/\bimport\s*\(\s*["']([^"'\s,()]+)["']\s*\)/g),
      ...source.matchAll(/\bimport\s*["']([^"'\s,()]+)["']/g),
    ].map((m) => m[1]!);
    expect(specifiers.filter((s) => !/^(\.{1,2}\/|\/|https?:)/.test(s)), 'bare imports').to.deep.equal([]);
  });

  it('the CDN module loads in Chromium and its client works end to end on a fetch', async () => {
    const kit = (await import(/* @vite-ignore */ CDN)) as KitModule;
    expect(kit.VERSION).to.match(/^\d+\.\d+\.\d+/);
    expect(new kit.Decimal('0.1').plus('0.2').toString()).to.equal('0.3');
    const fetchStub = (async () =>
      new Response(JSON.stringify({ code: '200000', data: [{ symbol: 'USDT-BTC', timePoint: 1729676522000, value: 0.00001432 }] }))) as typeof fetch;
    const prices = await kit.createMarginClient({ proxyUrl: 'https://p.test', fetch: fetchStub }).kucoin.getMarkPriceList();
    expect(prices[0]!.value.toString()).to.equal('0.00001432');
  });

  it('the npm build loads too, and both copies on one page share the define guard', async () => {
    const cdn = (await import(/* @vite-ignore */ CDN)) as KitModule;
    const npm = (await import(/* @vite-ignore */ NPM)) as KitModule;
    expect(npm.VERSION).to.equal(cdn.VERSION);
    class One extends HTMLElement {}
    class Two extends HTMLElement {}
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      npm.defineElement('margin-build-probe', One);
      cdn.defineElement('margin-build-probe', Two); // same version: silent no-op
      expect(warnings).to.have.length(0);
      cdn.defineElement('margin-build-probe', Two, '99.0.0'); // another version: one warning
      expect(warnings).to.have.length(1);
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('margin-build-probe')).to.equal(One);
  });
});
