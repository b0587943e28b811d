/**
 * The width stories (stories/widths.stories.ts) render their element with data in the box they
 * name, and nothing of it crosses that box.
 */
import { expect, fixtureSync, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { configure } from '../../../src/client/connection.js';
import * as widths from '../../../stories/widths.stories.js';
import { boxesPastEdges } from './fit.js';

type Host = HTMLElement & { updateComplete: Promise<unknown> };
const stories = Object.entries(widths).filter(([name]) => name !== 'default') as Array<[string, { name: string; render: () => TemplateResult }]>;

describe('width stories', function () {
  this.timeout(60_000);

  // The runner keeps all but one test page in a background tab, where the hub (rightly) polls nothing.
  before(() => configure({ hub: { visibility: { isHidden: () => false, subscribe: () => () => {} } } }));

  it('one story per element at 280, 375, 600 and 1024 px', () => {
    expect(stories.map(([, story]) => story.name).sort()).to.deep.equal(
      ['borrow-repay', 'lending-market', 'mark-price-ticker', 'order-ticket'].flatMap((el) => [280, 375, 600, 1024].map((w) => `${el} at ${w} px`)).sort(),
    );
  });

  for (const [, story] of stories) {
    it(`${story.name}: loads and stays in its box`, async () => {
      // fixtureSync: `fixture` would wait a frame for the plain div, and a background test page gets none.
      const box = fixtureSync<HTMLElement>(story.render());
      const el = box.querySelector<Host>('margin-order-ticket, margin-borrow-repay, margin-lending-market, margin-mark-price-ticker')!;
      const width = Number(/at (\d+) px/.exec(story.name)![1]);
      expect(box.getBoundingClientRect().width).to.equal(width);
      await waitUntil(() => el.shadowRoot && /\d/.test(el.shadowRoot.textContent ?? '') && !el.shadowRoot.querySelector('[part~="skeleton"]'), `${story.name}: no data`, {
        timeout: 8_000,
      });
      await el.updateComplete;
      expect(el.getBoundingClientRect().right).to.be.at.most(box.getBoundingClientRect().right + 0.5);
      expect(boxesPastEdges(el)).to.deep.equal([]);
    });
  }
});
