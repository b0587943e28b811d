/**
 * Issue 15's ticker bug, checked the way the user met it (it failed before the fix).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createInPageStack } from '../../../demo/in-page-stack.js';
import type { MarginMarkPriceTicker } from '../../../src/define/margin-mark-price-ticker.js';
import '../../../src/define/margin-mark-price-ticker.js';
import { FakeClock, FakeVisibility } from '../../helpers/fake-clock.js';

const q = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

describe('<margin-mark-price-ticker>: issue 15 regressions', () => {
  for (const mode of ['list', 'tape'] as const) {
    it(`${mode}: unknown symbols among known ones are named, not silently dropped`, async () => {
      const clock = new FakeClock();
      createInPageStack({ now: () => clock.now(), page: { hub: { clock, visibility: new FakeVisibility() } } });
      const el = await fixture<MarginMarkPriceTicker>(
        html`<margin-mark-price-ticker mode=${mode} locale="en-US" symbols="BTC-USDT,NOPE-USDT,ETH-USDT,FAKE-BTC"></margin-mark-price-ticker>`,
      );
      await waitUntil(() => q(el, '[part~="symbol"]'), 'the known symbols never showed', { timeout: 4000 });
      await el.updateComplete;
      const shown = [...el.shadowRoot!.querySelectorAll('button[part~="item"] [part~="symbol"]')].map((s) => s.textContent);
      expect(shown).to.deep.equal(['BTC-USDT', 'ETH-USDT']);
      // Before: nothing said NOPE-USDT and FAKE-BTC were asked for and are not margin symbols.
      expect(q(el, '[part~="unknown"]')?.textContent).to.equal('No mark price for NOPE-USDT, FAKE-BTC: they are not margin symbols.');
      await expect(el).to.be.accessible();
    });
  }
});
