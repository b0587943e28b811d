/**
 * The venue calls of a lending action for the shared submitter (DESIGN.md, "Never sent twice"):
 * send it once, and when its outcome is unknown list the venue's records that could be it. Lends
 * and redeems carry no client id: a candidate is a record of the same fields made since the
 * submit started, and the submitter drops those whose id it knew before. A rate change makes no
 * record: the purchase order now at the asked rate witnesses it. No DOM.
 */
import type { Transport } from '../../client/transport.js';
import { getPurchaseOrders, getRedeemOrders, modifyPurchase, purchase, redeem } from '../../client/kucoin/lending.js';
import type { RecordMatch } from '../shared/controllers/submitter.js';
import type { ModifyRequest, PurchaseRequest, RedeemRequest } from './lending-rules.js';

export type LendingActionKind = 'lend' | 'modify' | 'redeem';

export type Sent =
  | { kind: 'lend'; params: PurchaseRequest }
  | { kind: 'modify'; params: ModifyRequest }
  | { kind: 'redeem'; params: RedeemRequest };

/** A venue record that could be the action: its order number, and its id unless it witnesses state. */
export interface Candidate {
  orderNo: string;
  id: string | undefined;
}

/** The name of each action in `margin-before-submit` and `margin-error`. */
export const ACTION_NAMES = { lend: 'purchase', modify: 'modify-purchase', redeem: 'redeem' } as const satisfies Record<LendingActionKind, string>;

/** Clocks differ between the browser and the venue; a look-up looks a little before the send. */
const CLOCK_SKEW_MS = 60_000;
/** The venue lists newest first: a lost action is among the latest records. */
const LOOKUP_PAGE = 50;

/** Sends once (the client never retries a POST); returns the order number the venue gave. */
export async function sendAction(transport: Transport, sent: Sent, signal?: AbortSignal): Promise<string> {
  switch (sent.kind) {
    case 'lend':
      return (await purchase(transport, sent.params, { signal })).orderNo;
    case 'modify':
      // "Modify Purchase" answers no id: the purchase order is the one changed.
      await modifyPurchase(transport, sent.params, { signal });
      return sent.params.purchaseOrderNo;
    case 'redeem':
      return (await redeem(transport, sent.params, { signal })).orderNo;
  }
}

/** The venue's records that could be `sent`, made at or after `since` (page clock, ms). */
export async function findCandidates(transport: Transport, sent: Sent, since: number, signal?: AbortSignal): Promise<Candidate[]> {
  const from = since - CLOCK_SKEW_MS;
  if (sent.kind === 'lend') {
    const { currency, size, interestRate } = sent.params;
    const page = await getPurchaseOrders(transport, { status: 'PENDING', currency, pageSize: LOOKUP_PAGE }, { signal });
    return page.items
      .filter((o) => o.purchaseSize.eq(size) && o.interestRate.eq(interestRate) && o.applyTime >= from)
      .map((o) => ({ orderNo: o.purchaseOrderNo, id: o.purchaseOrderNo }));
  }
  if (sent.kind === 'modify') {
    const { currency, purchaseOrderNo, interestRate } = sent.params;
    const page = await getPurchaseOrders(transport, { status: 'PENDING', currency, purchaseOrderNo, pageSize: 1 }, { signal });
    return page.items[0]?.interestRate.eq(interestRate) ? [{ orderNo: purchaseOrderNo, id: undefined }] : [];
  }
  const { currency, purchaseOrderNo, size } = sent.params;
  const found: Candidate[] = [];
  for (const status of ['PENDING', 'DONE'] as const) {
    const page = await getRedeemOrders(transport, { status, currency, pageSize: LOOKUP_PAGE }, { signal });
    for (const r of page.items) {
      if (r.purchaseOrderNo === purchaseOrderNo && r.redeemSize.eq(size) && r.applyTime >= from) found.push({ orderNo: r.redeemOrderNo, id: r.redeemOrderNo });
    }
  }
  return found;
}

/** How the submitter finds a lending action at the venue. */
export function lendingMatch(transport: () => Transport): RecordMatch<Sent, Candidate> {
  return {
    kind: 'record',
    lookUp: (sent, since, signal) => findCandidates(transport(), sent, since, signal),
    idOf: (candidate) => candidate.id,
  };
}

/** Ids known to have happened, per page connection: every market on the page excludes them. */
const knownPerConnection = new WeakMap<object, Set<string>>();

export function knownIdsOf(connection: object): Set<string> {
  let known = knownPerConnection.get(connection);
  if (!known) knownPerConnection.set(connection, (known = new Set()));
  return known;
}
