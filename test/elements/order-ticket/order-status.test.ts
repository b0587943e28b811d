import { expect } from '@open-wc/testing';
import { NetworkError, RateLimitError } from '../../../src/client/errors.js';
import type { MarginOrder } from '../../../src/client/kucoin/orders.js';
import { Decimal } from '../../../src/core/decimal.js';
import { hasFilled, isDone, orderStatus, trackOrder, type OrderStatus } from '../../../src/elements/order-ticket/order-status.js';

function o(active: boolean, dealSize: string, cancelExist = false, dealFunds = dealSize): MarginOrder {
  return { id: 'x', active, dealSize: new Decimal(dealSize), dealFunds: new Decimal(dealFunds), cancelExist } as unknown as MarginOrder;
}

describe('order-status', () => {
  it('reads where an order stands', () => {
    expect(orderStatus(o(true, '0'))).to.equal('open');
    expect(orderStatus(o(true, '0.5'))).to.equal('partially-filled');
    expect(orderStatus(o(false, '1'))).to.equal('filled');
    expect(orderStatus(o(false, '0.4', true))).to.equal('partially-filled-cancelled');
    expect(orderStatus(o(false, '0', true))).to.equal('cancelled');
    expect(orderStatus(o(false, '0', false, '5'))).to.equal('filled');
    expect(['open', 'partially-filled'].map((s) => isDone(s as OrderStatus))).to.deep.equal([false, false]);
    expect(['filled', 'partially-filled-cancelled', 'cancelled'].map((s) => isDone(s as OrderStatus))).to.deep.equal([true, true, true]);
    expect(hasFilled('cancelled')).to.equal(false);
    expect(hasFilled('partially-filled-cancelled')).to.equal(true);
  });

  it('tracks until done, backing off after errors and honouring a rate limit', async () => {
    const answers: Array<MarginOrder | Error> = [
      o(true, '0'),
      new NetworkError('x'),
      new RateLimitError({ message: 'slow', retryAfterMs: 9000, status: 429, source: 'venue' }),
      o(true, '0.5'),
      o(false, '1'),
    ];
    const waits: number[] = [];
    const seen: OrderStatus[] = [];
    const errors: unknown[] = [];
    const end = await trackOrder({
      load: async () => {
        const next = answers.shift()!;
        if (next instanceof Error) throw next;
        return next;
      },
      intervalMs: 100,
      signal: new AbortController().signal,
      onUpdate: (_order, status) => seen.push(status),
      onError: (e) => errors.push(e),
      sleep: async (ms) => void waits.push(ms),
    });
    expect(end!.status).to.equal('filled');
    expect(seen).to.deep.equal(['open', 'partially-filled', 'filled']);
    expect(errors.length).to.equal(2);
    expect(waits).to.deep.equal([100, 200, 9000, 100]);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    let loads = 0;
    const end = await trackOrder({
      load: async () => {
        loads += 1;
        controller.abort();
        return o(true, '0');
      },
      intervalMs: 100,
      signal: controller.signal,
      onUpdate: () => {},
    });
    expect(end).to.equal(undefined);
    expect(loads).to.equal(1);
  });
});
