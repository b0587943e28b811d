/**
 * Issue 9: hostile venue data. The venue's names, currencies, symbols and messages carry markup
 * (`<img onerror>`, `<script>`, `<svg onload>`); every element renders them as text: no element
 * is made from them, no handler attribute appears, nothing runs.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/margin-borrow-repay.js';
import '../../src/define/margin-lending-market.js';
import '../../src/define/margin-mark-price-ticker.js';
import '../../src/define/margin-order-ticket.js';
import { createInPageStack } from '../../demo/in-page-stack.js';
import { configure, createMarginClient } from '../../src/client/client.js';
import { createSigningProxy } from '../../src/proxy/index.js';
import { DEMO_CREDENTIALS } from '../../src/sandbox/index.js';
import { drain, macrotask, outcomeOf, until } from './fuzz-stack.js';
import { hostileVenue, MARKUP_TEXT, PWNED, type HostileOptions } from './hostile-venue.js';

const SANDBOX = 'https://hostile-venue.margin-kit.invalid';
const PROXY = 'https://proxy.margin-kit.invalid';

/** The in-page stack with the hostile wrapper between the proxy and the sandbox. */
function hostileStack(options: HostileOptions = {}) {
  const plain = createInPageStack({ configurePage: false });
  const venue = hostileVenue(plain.sandbox, options);
  const proxy = createSigningProxy({
    kucoin: { ...DEMO_CREDENTIALS.kucoin, baseUrl: SANDBOX },
    bitmart: { ...DEMO_CREDENTIALS.bitmart, baseUrl: SANDBOX },
    allowAnonymous: true,
    allowedHosts: 'any',
    rateLimit: false,
    log: false,
    fetch: (input, init) => venue(new Request(input, init)),
  });
  configure({
    proxyUrl: PROXY,
    fetch: (input, init) => proxy(new Request(input, init)),
    timeoutMs: 10_000,
    hub: { visibility: { isHidden: () => false, subscribe: () => () => {} } },
  });
  // Setting up state (a loan to list) goes around the wrapper.
  return { setup: createMarginClient({ proxyUrl: plain.proxyUrl, fetch: plain.fetch }) };
}

/** Every element under `root`, through nested shadow roots. */
function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...deepElements(el.shadowRoot));
  }
  return out;
}

function deepText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(el);
  return parts.join(' ');
}

/** Nothing was parsed as HTML: no img/script/iframe/object/embed, no on* attribute, nothing ran. */
function assertInert(el: Element, label: string): void {
  const elements = deepElements(el.shadowRoot!);
  const made = elements.filter((e) => ['IMG', 'SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(e.tagName));
  expect(made.map((e) => e.outerHTML), `${label}: elements made from venue text`).to.deep.equal([]);
  const handlers = elements.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`));
  expect(handlers, `${label}: handler attributes`).to.deep.equal([]);
  expect((globalThis as Record<string, unknown>)[PWNED], `${label}: a payload ran`).to.equal(undefined);
}

function assertShown(el: Element, label: string, minimum = 1): void {
  const text = deepText(el);
  const shown = MARKUP_TEXT.filter((m) => text.includes(m));
  expect(shown.length, `${label}: the hostile text is not shown as text`).to.be.at.least(minimum);
}

const q = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);

async function typeInto(el: Element & { updateComplete: Promise<unknown> }, selector: string, value: string): Promise<void> {
  const input = q<HTMLInputElement>(el, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** An image that failed to load fires `error` on a later task: give any that was made the time to. */
async function letPayloadsFire(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (let i = 0; i < 5; i += 1) await macrotask();
}

describe('hostile venue data renders as text in every element', function () {
  this.timeout(60_000);
  let scriptsBefore = 0;
  beforeEach(() => {
    delete (globalThis as Record<string, unknown>)[PWNED];
    scriptsBefore = document.querySelectorAll('script, img, iframe').length;
  });
  afterEach(() => {
    expect(document.querySelectorAll('script, img, iframe').length, 'the page gained elements').to.equal(scriptsBefore);
  });

  it('<margin-mark-price-ticker>: a symbol named with markup', async () => {
    hostileStack();
    const el = await fixture(html`<margin-mark-price-ticker mode="list" locale="en-US"></margin-mark-price-ticker>`);
    await until(() => el.shadowRoot!.querySelectorAll('tbody tr').length > 1, 'the ticker never listed prices');
    await drain(el as never);
    await letPayloadsFire();
    assertShown(el, 'ticker');
    assertInert(el, 'ticker');
  });

  it('<margin-mark-price-ticker>: an error message with markup', async () => {
    hostileStack({ refuse: /^GET \/api\/v3\/mark-price\/all-symbols$/ });
    const el = await fixture(html`<margin-mark-price-ticker mode="list" locale="en-US"></margin-mark-price-ticker>`);
    await until(() => q(el, '[part~="error"]') ?? q(el, '[role="alert"]'), 'the ticker never showed the error');
    await letPayloadsFire();
    assertShown(el, 'ticker error');
    assertInert(el, 'ticker error');
  });

  it('<margin-order-ticket>: currencies and names with markup, and a refusal with markup', async () => {
    hostileStack({ refuse: /^POST \/api\/v3\/hf\/margin\/order$/ });
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
      html`<margin-order-ticket symbol="BTC-USDT" locale="en-US" poll-interval="60000"></margin-order-ticket>`,
    );
    await until(() => q(el, '#place') && !q<HTMLButtonElement>(el, '#place')!.disabled, 'the ticket never showed its form');
    assertShown(el, 'ticket labels');
    await typeInto(el, '#price', '30000');
    await typeInto(el, '#size', '0.001');
    const refused = outcomeOf(el, 'margin-order-placed').then(
      () => 'placed',
      (error: Error) => error.message,
    );
    q<HTMLButtonElement>(el, '#place')!.click();
    expect(await refused).to.match(/^margin-error: .*<img src=x onerror=/);
    await drain(el);
    await letPayloadsFire();
    expect(deepText(el)).to.contain('<img src=x onerror=');
    assertInert(el, 'ticket');

    const picker = await fixture(html`<margin-order-ticket locale="en-US" poll-interval="60000"></margin-order-ticket>`);
    await until(() => [...picker.shadowRoot!.querySelectorAll('option')].some((o) => o.textContent!.includes('<img')), 'no hostile symbol in the picker');
    await letPayloadsFire();
    assertInert(picker, 'ticket symbol picker');
  });

  it('<margin-borrow-repay>: KuCoin history rows and a refusal with markup', async () => {
    const { setup } = hostileStack({ refuse: /^POST \/api\/v3\/margin\/borrow$/ });
    await setup.kucoin.borrow({ currency: 'USDT', size: '10', timeInForce: 'IOC' });
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
      html`<margin-borrow-repay exchange="kucoin" margin-mode="cross" currency="USDT" locale="en-US"></margin-borrow-repay>`,
    );
    await until(() => q(el, '[part="limits"] dl'), 'limits did not load');
    await until(() => deepText(el).includes('<img src=x onerror='), `the history never showed the hostile row`).catch((error: Error) => {
      throw new Error(`${error.message}: ${deepText(el).replace(/\s+/g, ' ').slice(0, 1500)}`);
    });
    await typeAmount(el, '5');
    const refused = outcomeOf(el, 'margin-borrowed').then(
      () => 'borrowed',
      (error: Error) => error.message,
    );
    q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    expect(await refused).to.match(/^margin-error: .*<img src=x onerror=/);
    await drain(el);
    await letPayloadsFire();
    assertShown(el, 'borrow-repay', 2);
    assertInert(el, 'borrow-repay');
  });

  it('<margin-borrow-repay>: BitMart pairs and a refusal with markup', async () => {
    hostileStack({ refuse: /^POST \/spot\/v1\/margin\/isolated\/borrow$/ });
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
      html`<margin-borrow-repay exchange="bitmart" margin-mode="isolated" symbol="BTC_USDT" currency="USDT" locale="en-US"></margin-borrow-repay>`,
    );
    await until(() => q(el, '[part="limits"] dl'), 'limits did not load');
    await typeAmount(el, '5');
    const refused = outcomeOf(el, 'margin-borrowed').then(
      () => 'borrowed',
      (error: Error) => error.message,
    );
    q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    expect(await refused).to.match(/^margin-error: .*<img src=x onerror=/);
    await drain(el);
    await letPayloadsFire();
    assertShown(el, 'bitmart panel');
    assertInert(el, 'bitmart panel');
  });

  it('<margin-lending-market>: a currency with markup, and a refusal with markup', async () => {
    hostileStack({ refuse: /^POST \/api\/v3\/purchase$/ });
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<margin-lending-market locale="en-US"></margin-lending-market>`);
    await until(() => q(el, '[data-action="lend"][data-currency="USDT"]'), 'the market never loaded');
    await until(() => deepText(el).includes('<svg onload='), 'no hostile currency row');
    q(el, '[data-action="lend"][data-currency="USDT"]')!.click();
    await until(() => q(el, '[part~="form"] #size'), 'no lend panel');
    await typeInto(el, '#size', '10');
    await typeInto(el, '#rate', '8.5');
    const refused = outcomeOf(el, 'margin-purchased').then(
      () => 'purchased',
      (error: Error) => error.message,
    );
    q<HTMLButtonElement>(el, 'section[part~="form"] [part~="submit"]')!.click();
    expect(await refused).to.match(/^margin-error: .*<img src=x onerror=/);
    await drain(el);
    await letPayloadsFire();
    assertShown(el, 'lending market', 2);
    assertInert(el, 'lending market');
  });

  it('the checks see markup when it is parsed (the test can fail)', async () => {
    const probe = document.createElement('div');
    // What a careless `innerHTML = venueText` would make (an image without a source: no request).
    probe.attachShadow({ mode: 'open' }).innerHTML = '<p><img alt="probe"></p>';
    document.body.append(probe);
    try {
      expect(() => assertInert(probe, 'probe')).to.throw(/elements made from venue text/);
    } finally {
      probe.remove();
      scriptsBefore = document.querySelectorAll('script, img, iframe').length;
    }
  });
});

async function typeAmount(el: Element & { updateComplete: Promise<unknown> }, value: string): Promise<void> {
  await typeInto(el, '#amount', value);
}
