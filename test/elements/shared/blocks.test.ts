import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html, LitElement } from 'lit';
import { renderDataTable } from '../../../src/elements/shared/blocks/data-table.js';
import { renderField } from '../../../src/elements/shared/blocks/field.js';
import { renderError, renderLoad, renderSkeleton, renderStaleBadge } from '../../../src/elements/shared/blocks/status.js';
import { renderTabList, renderTabPanel, tabAfterKey, TabsController } from '../../../src/elements/shared/blocks/tabs.js';
import { MarginBorrowRepay } from '../../../src/elements/borrow-repay/margin-borrow-repay.js';
import { MarginLendingMarket } from '../../../src/elements/lending-market/margin-lending-market.js';
import { MarginMarkPriceTicker } from '../../../src/elements/mark-price-ticker/margin-mark-price-ticker.js';
import { MarginOrderTicket } from '../../../src/elements/order-ticket/margin-order-ticket.js';
import { elementStyles, skeletonStyles } from '../../../src/elements/shared/styles/index.js';

type Tab = 'open' | 'history' | 'fills';

/** A page-sized element built only from the blocks. */
class BlocksProbe extends LitElement {
  static override styles = elementStyles;
  selections: Tab[] = [];
  retries = 0;
  amountError = '';
  stale = false;
  readonly tabs = new TabsController<Tab>(this, {
    tabs: () => ['open', 'history', 'fills'],
    initial: 'open',
    onSelect: (tab) => this.selections.push(tab),
  });

  override render() {
    return html`
      <h3 id="orders">Orders</h3>
      ${renderTabList(this.tabs, { labelledBy: 'orders', text: (tab) => tab.toUpperCase() })}
      ${renderTabPanel(this.tabs, (tab) => html`<p class="content">${tab}</p>`)}
      ${renderField({
        id: 'amount',
        label: 'Amount',
        hint: 'At least 10',
        error: this.amountError || undefined,
        control: (w) => html`<input id=${w.id} part="input" aria-describedby=${w.describedBy} aria-invalid=${w.invalid} />`,
      })}
      ${renderStaleBadge(this.stale)} ${renderSkeleton(2)} ${renderError('It failed', () => (this.retries += 1))}
      <div style="inline-size: 120px">
        ${renderDataTable({
          label: 'Wide rows',
          columns: [
            { header: 'Symbol', cell: (r: { symbol: string; size: string }) => r.symbol },
            { header: 'Size', numeric: true, cell: (r: { symbol: string; size: string }) => r.size },
          ],
          rows: [{ symbol: 'BTC-USDT-A-VERY-LONG-NAME-THAT-OVERFLOWS', size: '0.001' }],
        })}
      </div>
    `;
  }
}
customElements.define('blocks-probe', BlocksProbe);

describe('shared blocks', () => {
  it('tabAfterKey wraps arrows and jumps with Home/End', () => {
    const tabs = ['a', 'b', 'c'];
    expect(tabAfterKey(tabs, 'a', 'ArrowLeft')).to.equal('c');
    expect(tabAfterKey(tabs, 'c', 'ArrowRight')).to.equal('a');
    expect(tabAfterKey(tabs, 'b', 'Home')).to.equal('a');
    expect(tabAfterKey(tabs, 'a', 'End')).to.equal('c');
    expect(tabAfterKey(tabs, 'a', 'Enter')).to.equal(undefined);
  });

  it('tabs: roving tabindex, arrows, Home/End, aria-selected and aria-controls', async () => {
    const el = await fixture<BlocksProbe>(testHtml`<blocks-probe></blocks-probe>`);
    const root = el.shadowRoot!;
    const tabs = () => [...root.querySelectorAll<HTMLButtonElement>('[part="tab"]')];
    expect(root.querySelector('[part="tabs"]')!.getAttribute('aria-labelledby')).to.equal('orders');
    expect(tabs().map((t) => t.tabIndex)).to.deep.equal([0, -1, -1]);
    tabs()[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    await el.updateComplete;
    expect(tabs().map((t) => t.getAttribute('aria-selected'))).to.deep.equal(['false', 'true', 'false']);
    expect(tabs().map((t) => t.tabIndex)).to.deep.equal([-1, 0, -1]);
    expect(root.activeElement).to.equal(tabs()[1]);
    const panel = root.querySelector('[role="tabpanel"]')!;
    expect(tabs()[1]!.getAttribute('aria-controls')).to.equal(panel.id);
    expect(panel.getAttribute('aria-labelledby')).to.equal(tabs()[1]!.id);
    expect(panel.textContent!.trim()).to.equal('history');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.tabs.selected).to.equal('fills');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.tabs.selected).to.equal('open');
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.tabs.selected).to.equal('open');
    expect(el.selections).to.deep.equal(['history', 'fills', 'open', 'fills', 'open']);
    tabs()[2]!.click();
    expect(el.tabs.selected).to.equal('fills');
  });

  it('field: label for the control, hint and error in aria-describedby, aria-invalid', async () => {
    const el = await fixture<BlocksProbe>(testHtml`<blocks-probe></blocks-probe>`);
    const root = el.shadowRoot!;
    const input = root.querySelector<HTMLInputElement>('#amount')!;
    expect(input.labels![0]!.textContent!.trim()).to.equal('Amount');
    expect(input.getAttribute('aria-describedby')).to.equal('amount-hint');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    el.amountError = 'Must be more than 0';
    el.requestUpdate();
    await el.updateComplete;
    expect(input.getAttribute('aria-describedby')).to.equal('amount-hint amount-error');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(root.querySelector('#amount-error')!.getAttribute('part')).to.equal('error');
    expect(root.querySelector('#amount-error')!.textContent).to.equal('Must be more than 0');
  });

  it('status: skeleton busy, error with a Retry that retries, stale badge only when stale', async () => {
    const el = await fixture<BlocksProbe>(testHtml`<blocks-probe></blocks-probe>`);
    const root = el.shadowRoot!;
    const skeleton = root.querySelector('[part="skeleton"]')!;
    expect(skeleton.getAttribute('aria-busy')).to.equal('true');
    expect(skeleton.querySelectorAll('.bar').length).to.equal(2);
    expect(getComputedStyle(skeleton.querySelector('.bar')!).animationName).to.equal('pulse');
    expect(root.querySelector('[part="error"][role="alert"]')!.textContent).to.contain('It failed');
    root.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    expect(el.retries).to.equal(1);
    expect(root.querySelector('[part="stale-badge"]')).to.equal(null);
    el.stale = true;
    el.requestUpdate();
    await el.updateComplete;
    expect(root.querySelector('[part="stale-badge"]')!.textContent).to.equal('Stale');
  });

  it('renderLoad: value, else error with retry, else skeleton; a value survives a failed refresh', () => {
    const view = { complete: (v: string) => `value ${v}`, describe: () => 'failed', retry: () => undefined };
    expect(renderLoad({ value: 'x', error: new Error('later'), loading: false }, view)).to.equal('value x');
    const error = renderLoad({ value: undefined, error: new Error('e'), loading: false }, view) as { strings: TemplateStringsArray };
    expect(error.strings.join('')).to.contain('part="error"');
    const loading = renderLoad({ value: undefined, error: new Error('e'), loading: true }, view) as { strings: TemplateStringsArray };
    expect(loading.strings.join('')).to.contain('part="skeleton"');
  });

  it('data table: scrolls inside a labelled region, not the page', async () => {
    const el = await fixture<BlocksProbe>(testHtml`<blocks-probe></blocks-probe>`);
    const root = el.shadowRoot!;
    const region = root.querySelector<HTMLElement>('[role="region"]')!;
    expect(region.getAttribute('aria-label')).to.equal('Wide rows');
    expect(getComputedStyle(region).overflowX).to.equal('auto');
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
    expect(region.clientWidth).to.be.at.most(120);
    expect(root.querySelectorAll('[part="row"]').length).to.equal(1);
    expect(root.querySelectorAll('[part="cell"]').length).to.equal(2);
    expect(root.querySelector('td.num')!.textContent).to.equal('0.001');
    await expect(el).to.be.accessible();
  });

  it('the skeleton pulse is declared once, in the shared style every element composes', () => {
    const elements = [MarginBorrowRepay, MarginLendingMarket, MarginMarkPriceTicker, MarginOrderTicket];
    for (const element of elements) {
      const composed = [element.styles].flat(Infinity as 1) as unknown[];
      const sheets = composed.map((s) => (s as { cssText?: string }).cssText ?? '');
      expect(composed, element.name).to.include(skeletonStyles);
      const pulses = sheets.join('\n').match(/@keyframes\s+pulse\b/g) ?? [];
      expect(pulses.length, `${element.name} declares @keyframes pulse ${pulses.length} times`).to.equal(1);
    }
  });
});
