/**
 * The BitMart pairs table on its own (its file, its state, its tests): a bare host holds the part
 * as <margin-lending-market exchange="bitmart"> does, against the in-page sandbox.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { createInPageStack, type InPageStack } from '../../../demo/in-page-stack.js';
import { getMarginClient } from '../../../src/client/client.js';
import type { LendingContext } from '../../../src/elements/lending-market/lending-context.js';
import { PairsTable } from '../../../src/elements/lending-market/pairs-table.js';
import { elementStyles } from '../../../src/elements/shared/styles/index.js';
import { BITMART_PAIRS } from '../../../src/sandbox/index.js';
import { P, q, qa, words } from './harness.js';

class PairsHost extends LitElement {
  static override styles = elementStyles;
  filter = '';
  selected = '';
  active = true;
  chosen: string[] = [];
  errors: unknown[] = [];
  readonly ctx: LendingContext = {
    host: this,
    client: getMarginClient(),
    locale: 'en-US',
    pollInterval: 60_000,
    filter: '',
    marketFor: () => undefined,
    reportError: () => '',
  };
  readonly table: PairsTable;

  constructor() {
    super();
    const host = this;
    Object.defineProperty(this.ctx, 'filter', { get: () => host.filter, set: (v: string) => ((host.filter = v), host.requestUpdate()) });
    this.table = new PairsTable(this.ctx, {
      active: () => this.active,
      selected: () => this.selected,
      onSelect: (symbol) => this.chosen.push(symbol),
      onLoadError: (error) => this.errors.push(error),
    });
  }

  override render() {
    return this.table.render();
  }
}
customElements.define('test-pairs-host', PairsHost);

const symbols = (el: Element) => qa<HTMLTableRowElement>(el, P.rows).map((r) => r.dataset.symbol);

describe('pairs table (the lending market\'s BitMart part)', () => {
  let stack: InPageStack;
  beforeEach(() => {
    stack = createInPageStack({ ignorePageVisibility: true });
  });

  async function mount(): Promise<PairsHost> {
    const el = await fixture<PairsHost>(html`<test-pairs-host></test-pairs-host>`);
    await waitUntil(() => qa(el, P.rows).length > 0, 'no pairs', { timeout: 4000 });
    return el;
  }

  it('lists every pair by symbol, filters by symbol or currency, sorts by a header', async () => {
    const el = await mount();
    expect(symbols(el)).to.deep.equal([...BITMART_PAIRS.map((p) => p.symbol)].sort());
    expect(stack.upstream.filter((r) => r === 'GET /spot/v1/margin/isolated/pairs')).to.have.length(1);
    el.filter = 'usdt';
    el.requestUpdate();
    await el.updateComplete;
    expect(symbols(el)).to.have.length(BITMART_PAIRS.length);
    const input = q<HTMLInputElement>(el, P.filter)!;
    input.value = 'sol';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(el.filter).to.equal('sol');
    expect(symbols(el)).to.deep.equal(['SOL_USDT']);
    input.value = 'zzz';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(words(q(el, P.message))).to.equal('No pair matches “zzz”.');
    el.filter = '';
    el.requestUpdate();
    await el.updateComplete;
    const maxLeverage = qa(el, 'thead th').find((th) => words(th).startsWith('Max leverage'))!;
    maxLeverage.querySelector('button')!.click();
    await el.updateComplete;
    expect(maxLeverage.getAttribute('aria-sort')).to.equal('ascending');
    expect(qa(el, 'thead th[aria-sort]')).to.have.length(1);
  });

  it('a row chosen is reported, and the selected one is marked current', async () => {
    const el = await mount();
    (qa<HTMLTableRowElement>(el, P.rows).find((r) => r.dataset.symbol === 'ETH_USDT')!.children[2] as HTMLElement).click();
    expect(el.chosen).to.deep.equal(['ETH_USDT']);
    el.selected = 'ETH_USDT';
    el.requestUpdate();
    await el.updateComplete;
    expect(qa(el, 'tr[aria-current="true"]').map((r) => (r as HTMLElement).dataset.symbol)).to.deep.equal(['ETH_USDT']);
  });

  it('polls nothing while inactive', async () => {
    const el = document.createElement('test-pairs-host') as PairsHost;
    el.active = false;
    document.body.append(el);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(stack.upstream.filter((r) => r.includes('/isolated/pairs'))).to.deep.equal([]);
    expect(q(el, P.skeleton)).to.not.equal(null);
    el.remove();
  });

  it('a failed load shows the error with Retry, is reported once, and recovers', async () => {
    stack.sandbox.faults.add({ kind: 'server-error', path: '/spot/v1/margin/isolated/pairs', times: 3 });
    const el = await fixture<PairsHost>(html`<test-pairs-host></test-pairs-host>`);
    await waitUntil(() => q(el, P.error), 'no error shown', { timeout: 4000 });
    expect(el.errors).to.have.length(1);
    q(el, P.retry)!.click();
    await waitUntil(() => qa(el, P.rows).length > 0, 'no pairs after retry', { timeout: 4000 });
    expect(el.errors).to.have.length(1);
  });
});
