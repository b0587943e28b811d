/**
 * Pages and checks shared by the CDN and framework-example tests: what "renders live data" means
 * for each element, and the import map a page needs for the npm build's bare imports.
 */
import type { Page } from 'puppeteer-core';

export const TAGS = ['margin-mark-price-ticker', 'margin-order-ticket', 'margin-borrow-repay', 'margin-lending-market'] as const;

/**
 * A selector inside each element's shadow root whose text holds a number only once the proxy
 * and the sandbox answered: a mark price, the ticket's mark price, the loan limits, a market row.
 */
export const LIVE_PART: Record<(typeof TAGS)[number], string> = {
  'margin-mark-price-ticker': '[part~="price"]',
  'margin-order-ticket': '[part~="mark-price"]',
  'margin-borrow-repay': '[part~="limits"]',
  'margin-lending-market': '[part~="row"]',
};

/** Per tag: the text of its live part once it holds a digit, or why not (after a wait). */
export async function liveData(page: Page, tags: readonly string[] = TAGS): Promise<Record<string, string>> {
  const probes = tags.map((tag) => [tag, LIVE_PART[tag as keyof typeof LIVE_PART]] as const);
  const read = (list: ReadonlyArray<readonly [string, string]>) =>
    Object.fromEntries(
      list.map(([tag, selector]) => {
        const element = document.querySelector(tag);
        if (!element) return [tag, 'no element'];
        if (!customElements.get(tag)) return [tag, 'no definition: customElements.get() is undefined'];
        if (!element.shadowRoot || element.shadowRoot.childNodes.length === 0) return [tag, 'no shadow root content'];
        const text = element.shadowRoot.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
        return [tag, text && /\d/.test(text) ? text : `no number in ${selector} (${text ?? 'absent'})`];
      }),
    );
  await page
    .waitForFunction(
      (list: Array<[string, string]>) =>
        list.every(([tag, selector]) => /\d/.test(document.querySelector(tag)?.shadowRoot?.querySelector(selector)?.textContent ?? '')),
      { timeout: 15_000 },
      probes.map(([t, s]): [string, string] => [t, s]),
    )
    .catch(() => undefined); // the assertion below says which element is missing what
  return page.evaluate(read, probes);
}

/** True when every value of `liveData` is a reading rather than a reason. */
export function allLive(found: Record<string, string>): boolean {
  return Object.values(found).every((text) => !text.startsWith('no '));
}

/**
 * The npm build keeps its dependencies as bare imports (`lit`, `ky`, ...); a page without a
 * bundler maps them to node_modules. Lit's own packages import each other by bare name too.
 */
export const IMPORT_MAP = {
  imports: {
    lit: '/node_modules/lit/index.js',
    'lit/': '/node_modules/lit/',
    'lit-html': '/node_modules/lit-html/lit-html.js',
    'lit-html/': '/node_modules/lit-html/',
    'lit-element/': '/node_modules/lit-element/',
    '@lit/reactive-element': '/node_modules/@lit/reactive-element/reactive-element.js',
    '@lit/reactive-element/': '/node_modules/@lit/reactive-element/',
    '@lit/task': '/node_modules/@lit/task/index.js',
    '@lit/localize': '/node_modules/@lit/localize/lit-localize.js',
    '@lit/localize/': '/node_modules/@lit/localize/',
    ky: '/node_modules/ky/distribution/index.js',
    'decimal.js': '/node_modules/decimal.js/decimal.mjs',
  },
};

/**
 * A page that loads the given module URLs in order (each one's exports land in
 * `window.kits[i]`), calls `configure()` from the first with the demo server's proxy URL and
 * token, then puts the four elements on the page.
 */
export function pageLoading(modules: readonly string[], options: { importMap?: boolean } = {}): string {
  const imports = modules.map((url, i) => `import * as kit${i} from ${JSON.stringify(url)};`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>margin-kit: ${modules.join(' + ')}</title>
${options.importMap ? `<script type="importmap">${JSON.stringify(IMPORT_MAP)}</script>` : ''}
<script type="module">
${imports}
window.kits = [${modules.map((_, i) => `kit${i}`).join(', ')}];
const { proxyUrl, token } = await (await fetch('/demo-config.json')).json();
kit0.configure({ proxyUrl, getToken: () => token });
document.querySelector('main').innerHTML = \`
  <margin-mark-price-ticker mode="list" symbols="BTC-USDT,ETH-USDT"></margin-mark-price-ticker>
  <margin-order-ticket symbol="BTC-USDT"></margin-order-ticket>
  <margin-borrow-repay currency="USDT"></margin-borrow-repay>
  <margin-lending-market></margin-lending-market>\`;
window.pageReady = true;
</script>
</head>
<body><main></main></body>
</html>`;
}
