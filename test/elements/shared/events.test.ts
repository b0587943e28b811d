import { expect } from '@open-wc/testing';
import { MarginBorrowedEvent, MarginRepaidEvent } from '../../../src/elements/borrow-repay/events.js';
import { MarginPurchasedEvent, MarginPurchaseModifiedEvent, MarginRedeemedEvent } from '../../../src/elements/lending-market/events.js';
import { MarginSymbolSelectEvent } from '../../../src/elements/mark-price-ticker/events.js';
import { MarginOrderCancelledEvent, MarginOrderFilledEvent, MarginOrderPlacedEvent } from '../../../src/elements/order-ticket/events.js';
import { MarginBeforeSubmitEvent, MarginErrorEvent, MarginEvent } from '../../../src/elements/shared/events.js';

/** Every public event: its class, its name, and whether a host may cancel it. */
const EVENTS: Array<[new (detail: never) => Event, string, boolean]> = [
  [MarginErrorEvent, 'margin-error', false],
  [MarginBeforeSubmitEvent, 'margin-before-submit', true],
  [MarginBorrowedEvent, 'margin-borrowed', false],
  [MarginRepaidEvent, 'margin-repaid', false],
  [MarginPurchasedEvent, 'margin-purchased', false],
  [MarginPurchaseModifiedEvent, 'margin-purchase-modified', false],
  [MarginRedeemedEvent, 'margin-redeemed', false],
  [MarginOrderPlacedEvent, 'margin-order-placed', false],
  [MarginOrderFilledEvent, 'margin-order-filled', false],
  [MarginOrderCancelledEvent, 'margin-order-cancelled', false],
  [MarginSymbolSelectEvent, 'margin-symbol-select', true],
];

describe('margin-* events', () => {
  for (const [EventClass, name, cancelable] of EVENTS) {
    it(`${EventClass.name}: ${name}, bubbles and composed, ${cancelable ? '' : 'not '}cancelable, detail as given`, () => {
      const detail = { marker: name } as never;
      const event = new EventClass(detail) as MarginEvent<unknown>;
      expect(event).to.be.instanceOf(EventClass);
      expect(event).to.be.instanceOf(MarginEvent);
      expect(event.type).to.equal(name);
      expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, cancelable]);
      expect(event.detail).to.equal(detail);
    });
  }

  it('each event has its own class (a listener can tell them apart)', () => {
    expect(new Set(EVENTS.map(([c]) => c)).size).to.equal(EVENTS.length);
    expect(new MarginBorrowedEvent({} as never)).not.to.be.instanceOf(MarginRepaidEvent);
  });

  it('crosses a shadow root to a listener on the document', () => {
    const host = document.createElement('div');
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    document.body.append(host);
    const heard: string[] = [];
    const listener = (e: Event) => heard.push(e.type);
    document.addEventListener('margin-redeemed', listener);
    inner.dispatchEvent(new MarginRedeemedEvent({ currency: 'USDT', purchaseOrderNo: '1', size: '1', orderNo: '2' }));
    document.removeEventListener('margin-redeemed', listener);
    host.remove();
    expect(heard).to.deep.equal(['margin-redeemed']);
  });
});
