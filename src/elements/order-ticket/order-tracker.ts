/**
 * Follows the order the ticket placed until it is done: reads its status at the element's
 * `poll-interval` (never below the resource's floor), fires `margin-order-filled`, or
 * `margin-order-cancelled` when the venue cancelled it and no trader's cancel was reported already.
 */
import type { MarginOrder } from '../../client/kucoin/orders.js';
import { toPlainString } from '../../core/decimal.js';
import { marginOrder, pollIntervalFor } from '../shared/resources.js';
import { MarginOrderCancelledEvent, MarginOrderFilledEvent, type MarginOrderCancelledDetail } from './events.js';
import { hasFilled, isDone, trackOrder, type OrderStatus } from './order-status.js';
import { TicketPart, type TicketContext } from './ticket-context.js';

export interface Tracked {
  orderId: string;
  clientOid: string;
  symbol: string;
  order?: MarginOrder;
  status?: OrderStatus;
}

export class OrderTracker extends TicketPart {
  tracked: Tracked | undefined;
  private run: AbortController | undefined;
  /** Orders whose cancellation was already reported (a trader's cancel, then the tracker seeing it). */
  private readonly reportedCancels = new Set<string>();

  constructor(
    ctx: TicketContext,
    /** The order is done: the orders below are worth reading again. */
    private readonly onDone: () => void,
  ) {
    super(ctx);
  }

  override hostConnected(): void {
    this.resume();
  }

  hostDisconnected(): void {
    this.run?.abort();
  }

  get done(): boolean {
    return this.tracked?.status !== undefined && isDone(this.tracked.status);
  }

  /** Starts following a placed order (its record when a look-up already read it). */
  follow(tracked: Tracked): void {
    this.tracked = tracked;
    this.changed();
    this.start(tracked);
  }

  /** A new order is being sent: the last one is no longer shown. */
  clear(): void {
    this.run?.abort();
    this.tracked = undefined;
    this.changed();
  }

  /** Reads again (after a cancel, after the element came back on the page) unless it is done. */
  resume(): void {
    if (this.tracked && !this.done) this.start(this.tracked);
  }

  reportCancel(detail: MarginOrderCancelledDetail): void {
    if (detail.orderId) this.reportedCancels.add(detail.orderId);
    for (const id of detail.orderIds ?? []) this.reportedCancels.add(id);
    this.host.dispatchEvent(new MarginOrderCancelledEvent(detail));
  }

  private start(tracked: Tracked): void {
    this.run?.abort();
    const run = new AbortController();
    this.run = run;
    const client = this.ctx.client;
    if (!client) return;
    const resource = marginOrder({ orderId: tracked.orderId, symbol: tracked.symbol });
    void trackOrder({
      load: (signal) => resource.load(client.transport, signal),
      intervalMs: pollIntervalFor(resource, this.ctx.pollInterval),
      signal: run.signal,
      onUpdate: (order, status) => {
        const was = this.tracked?.status;
        if (this.tracked?.orderId !== tracked.orderId) return;
        this.tracked = { ...tracked, order, status };
        this.changed();
        if (was !== status && isDone(status)) this.onTrackedDone(order, status);
      },
    });
  }

  private onTrackedDone(order: MarginOrder, status: OrderStatus): void {
    if (hasFilled(status)) {
      this.host.dispatchEvent(
        new MarginOrderFilledEvent({
          orderId: order.id,
          clientOid: order.clientOid,
          symbol: order.symbol,
          side: order.side,
          dealSize: toPlainString(order.dealSize),
          dealFunds: toPlainString(order.dealFunds),
          fee: toPlainString(order.fee),
          feeCurrency: order.feeCurrency,
          complete: status === 'filled',
        }),
      );
    } else if (!this.reportedCancels.has(order.id)) {
      this.reportCancel({ symbol: order.symbol, scope: 'order', orderId: order.id, clientOid: order.clientOid, by: 'venue' });
    }
    this.onDone();
  }
}
