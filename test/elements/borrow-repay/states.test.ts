import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { configure } from '../../../src/client/client.js';
import { BORROW_REPAY_TAG, MarginBorrowRepay } from '../../../src/define/margin-borrow-repay.js';
import { MarginBorrowRepay as Unregistered } from '../../../src/elements/borrow-repay/margin-borrow-repay.js';
import styles from '../../../src/elements/borrow-repay/margin-borrow-repay.styles.js';
import { defineElement } from '../../../src/elements/shared/define.js';
import { THEME_TOKENS, themeTokens } from '../../../src/elements/shared/theme.js';
import { captureLitWarnings, tokenUse } from '../../helpers/lit-warnings.js';
import { $, historyLoaded, limitsLoaded, panelStack, parts, text, until } from './helpers.js';

describe('<margin-borrow-repay> states', function () {
  this.timeout(30_000);
  let lit: ReturnType<typeof captureLitWarnings>;
  beforeEach(() => (lit = captureLitWarnings()));
  afterEach(() => {
    lit.stop();
    expect(lit.warnings, lit.warnings.join('\n')).to.deep.equal([]);
  });

  it('loading: skeletons while the limits and history load', async () => {
    const stack = panelStack();
    stack.sandbox.faults.add({ kind: 'delay', path: '/api/v3/margin/currencies', times: 1, delayMs: 400 });
    const el = await fixture<MarginBorrowRepay>(
      html`<margin-borrow-repay proxy-url=${stack.proxyUrl} currency="BTC"></margin-borrow-repay>`,
    );
    expect(el.shadowRoot!.querySelector('[part="limits"] [part="skeleton"]')).not.to.equal(null);
    expect(text(el, '#submit-block')).to.equal('Limits are loading.');
    await expect(el).to.be.accessible();
    await limitsLoaded(el);
    expect(el.shadowRoot!.querySelector('[part="limits"] [part="skeleton"]')).to.equal(null);
  });

  it('error: the limits fail, margin-error fires once, Retry loads them', async () => {
    const stack = panelStack();
    // the first attempt and both retries
    stack.sandbox.faults.add({ kind: 'server-error', path: '/api/v3/margin/currencies', times: 3 });
    const el = document.createElement(BORROW_REPAY_TAG);
    el.proxyUrl = stack.proxyUrl;
    el.currency = 'BTC';
    const failed = oneEvent(el, 'margin-error');
    await fixture(el);
    const { detail } = await failed;
    expect([detail.action, detail.kind]).to.deep.equal(['load-limits', 'exchange']);
    await el.updateComplete;
    expect(text(el, '[part="limits"] [part="error"]')).to.equal('KuCoin refused: Internal Server Error (code 500000) Retry');
    expect(text(el, '#submit-block')).to.equal('KuCoin refused: Internal Server Error (code 500000)');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, `${parts.limits} [part="retry"]`).click();
    await limitsLoaded(el);
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('stale: a refresh fails after a load; the last limits stay, marked stale', async () => {
    const stack = panelStack();
    const el = await fixture<MarginBorrowRepay>(
      html`<margin-borrow-repay proxy-url=${stack.proxyUrl} currency="ETH" poll-interval="150"></margin-borrow-repay>`,
    );
    await limitsLoaded(el);
    expect(el.shadowRoot!.querySelector(parts.staleBadge)).to.equal(null);
    stack.sandbox.faults.add({ kind: 'server-error', path: '/api/v3/margin/currencies' });
    await until(() => el.shadowRoot!.querySelector(parts.staleBadge), 'never stale');
    expect(el.shadowRoot!.querySelector('[part="limits"] dl')).not.to.equal(null);
    await expect(el).to.be.accessible();
    stack.sandbox.faults.clear();
    await until(() => !el.shadowRoot!.querySelector(parts.staleBadge), 'still stale');
  });

  it('history error with Retry, then the empty state', async () => {
    const stack = panelStack();
    stack.sandbox.faults.add({ kind: 'server-error', method: 'GET', path: '/api/v3/margin/borrow', times: 3 });
    const el = await fixture<MarginBorrowRepay>(
      html`<margin-borrow-repay proxy-url=${stack.proxyUrl} currency="BTC"></margin-borrow-repay>`,
    );
    await until(() => el.shadowRoot!.querySelector(`${parts.historyPanel} [part="error"]`), 'no history error');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, `${parts.historyPanel} [part="retry"]`).click();
    await historyLoaded(el);
    await until(() => text(el, parts.historyPanel).includes('No borrows in this range'));
  });

  it('disabled: each attribute problem says what to set, and nothing loads', async () => {
    const stack = panelStack();
    const cases: Array<[ReturnType<typeof html>, string]> = [
      [html`<margin-borrow-repay proxy-url=${stack.proxyUrl} exchange="bitmart" margin-mode="cross" currency="BTC"></margin-borrow-repay>`, 'BitMart margin loans are isolated only: set margin-mode="isolated".'],
      [html`<margin-borrow-repay proxy-url=${stack.proxyUrl} margin-mode="isolated" currency="BTC"></margin-borrow-repay>`, 'Isolated margin needs a pair: set the symbol attribute.'],
      [html`<margin-borrow-repay proxy-url=${stack.proxyUrl}></margin-borrow-repay>`, 'Set the currency attribute.'],
      [html`<margin-borrow-repay proxy-url=${stack.proxyUrl} exchange="binance" currency="BTC"></margin-borrow-repay>`, 'Unknown exchange "binance": use kucoin or bitmart.'],
    ];
    for (const [template, reason] of cases) {
      const el = await fixture<MarginBorrowRepay>(template);
      expect(text(el, '[part="disabled"]')).to.equal(reason);
      expect(el.shadowRoot!.querySelector('form')).to.equal(null);
      await expect(el).to.be.accessible();
    }
    expect(stack.upstream).to.deep.equal([]);
  });

  it('an isolated pair without a currency uses its base; no proxy is a disabled state', async () => {
    const stack = panelStack();
    const el = await fixture<MarginBorrowRepay>(
      html`<margin-borrow-repay proxy-url=${stack.proxyUrl} exchange="bitmart" symbol="SOL_USDT"></margin-borrow-repay>`,
    );
    await limitsLoaded(el);
    expect(text(el, '[part="limits"] h3')).to.equal('Limits · SOL');
    configure({ proxyUrl: '' });
    const orphan = await fixture<MarginBorrowRepay>(html`<margin-borrow-repay currency="BTC"></margin-borrow-repay>`);
    expect(text(orphan, '[part="disabled"]')).to.match(/^Not connected/);
  });

  it('reads only declared private variables; public tokens only through themeTokens', () => {
    const { used, declared } = tokenUse(styles.cssText);
    const theme = tokenUse(themeTokens.cssText);
    for (const name of used) {
      if (name.startsWith('--margin-kit-')) expect(THEME_TOKENS as readonly string[], name).to.include(name);
      else expect(declared.has(name) || theme.declared.has(name), `${name} is read but never declared`).to.equal(true);
    }
    for (const name of declared) expect(used.has(name), `${name} is declared but never read`).to.equal(true);
  });

  it('registration is guarded: the define file exports the registered class; defining again does not throw', () => {
    expect(customElements.get(BORROW_REPAY_TAG)).to.equal(MarginBorrowRepay);
    expect(MarginBorrowRepay).to.equal(Unregistered);
    expect(() => defineElement(BORROW_REPAY_TAG, MarginBorrowRepay)).not.to.throw();
  });
});
