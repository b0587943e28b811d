/**
 * Sending a lending action, and finding it at the venue when its outcome is unknown (timeout,
 * lost connection): DESIGN.md "Orders are never sent twice". No DOM.
 */
import type { MarginConnection } from '../../client/connection.js';
import { getPurchaseOrders, getRedeemOrders, modifyPurchase, purchase, redeem } from '../../client/kucoin/lending.js';
import type { ModifyRequest, PurchaseRequest, RedeemRequest } from './lending-rules.js';

export type LendingActionKind = 'lend' | 'modify' | 'redeem';

export type Sent =
  | { kind: 'lend'; params: PurchaseRequest }
  | { kind: 'modify'; params: ModifyRequest }
  | { kind: 'redeem'; params: RedeemRequest };

/** The name of each action in `margin-before-submit` and `margin-error`. */
export const ACTION_NAMES = { lend: 'purchase', modify: 'modify-purchase', redeem: 'redeem' } as const satisfies Record<LendingActionKind, string>;

/** Clocks differ between the browser and the venue; a lookup looks a little before the send. */
const CLOCK_SKEW_MS = 60_000;

/** Sends once (the client never retries a POST); returns the order id the venue gave. */
export async function sendAction(client: MarginConnection, sent: Sent): Promise<string> {
  switch (sent.kind) {
    case 'lend':
      return (await purchase(client.transport, sent.params)).orderNo;
    case 'modify':
      // "Modify Purchase" answers no id: the purchase order is the one changed.
      await modifyPurchase(client.transport, sent.params);
      return sent.params.purchaseOrderNo;
    case 'redeem':
      return (await redeem(client.transport, sent.params)).orderNo;
  }
}

/**
 * The id of what the venue recorded for `sent` since `since` (page clock, ms), or undefined when
 * it has nothing: then it did not go through and may be sent again.
 */
export async function findAction(client: MarginConnection, sent: Sent, since: number): Promise<string | undefined> {
  const from = since - CLOCK_SKEW_MS;
  if (sent.kind === 'lend') {
    const { currency, size, interestRate } = sent.params;
    const page = await getPurchaseOrders(client.transport, { status: 'PENDING', currency, pageSize: 50 });
    return page.items.find((o) => o.purchaseSize.eq(size) && o.interestRate.eq(interestRate) && o.applyTime >= from)?.purchaseOrderNo;
  }
  if (sent.kind === 'modify') {
    const { currency, purchaseOrderNo, interestRate } = sent.params;
    const page = await getPurchaseOrders(client.transport, { status: 'PENDING', currency, purchaseOrderNo, pageSize: 1 });
    return page.items[0]?.interestRate.eq(interestRate) ? purchaseOrderNo : undefined;
  }
  const { currency, purchaseOrderNo, size } = sent.params;
  for (const status of ['PENDING', 'DONE'] as const) {
    const page = await getRedeemOrders(client.transport, { status, currency, pageSize: 50 });
    const redeem = page.items.find((r) => r.purchaseOrderNo === purchaseOrderNo && r.redeemSize.eq(size) && r.applyTime >= from);
    if (redeem) return redeem.redeemOrderNo;
  }
  return undefined;
}
