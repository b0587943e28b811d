/**
 * The order half of the fault campaign: tickets (each one order `Submitter`, as one
 * <margin-order-ticket> holds) submit drafts built with the ticket's own pure modules
 * (`checkDraft`, `placementParams`, `draftKey`) through the real client, while the sandbox and the
 * caller's leg lose, delay, reset, fail, rate-limit and garble. A simulated trader retries the same
 * draft when an order was not placed. Afterwards the sandbox's own order book is the judge.
 */
import { RateLimitError, isMarginKitError } from '../../../src/client/errors.js';
import type { MarginClient } from '../../../src/client/client.js';
import type { MarginOrder, MarginTradeType } from '../../../src/client/kucoin/orders.js';
import { newClientOid } from '../../../src/core/client-oid.js';
import { Decimal } from '../../../src/core/decimal.js';
import { roundToTick } from '../../../src/core/rules.js';
import {
  checkDraft,
  draftKey,
  emptyDraft,
  placementParams,
  type HfOrderParams,
  type MarginMode,
  type OrderApi,
  type OrderDraft,
  type PlacementParams,
  type SymbolRules,
  type V1OrderParams,
} from '../../../src/elements/order-ticket/order-draft.js';
import { placed, placementPorts, type LookupTiming, type PlacementPhase } from '../../../src/elements/order-ticket/placement.js';
import { Submitter } from '../../../src/elements/shared/controllers/submitter.js';
import { ticketSymbols } from '../../../src/elements/order-ticket/symbols.js';
import type { FaultRule } from '../../../src/sandbox/index.js';
import type { ChaosStack } from './stack.js';
import { seeded, type CampaignCounts } from './stack.js';

export const ORDER_SYMBOLS = ['BTC-USDT', 'ETH-USDT', 'SOL-USDT'] as const;
const ORDER_PATHS = /^\/api\/(v3\/hf\/margin|v1\/margin)\/order$/;
const LOOKUP_PATH = /^\/api\/v3\/hf\/margin\/orders\/client-order\//;

export interface OrderCampaignOptions {
  seed: number;
  submits: number;
  tickets: number;
  /** The client's timeout per attempt: delays past it leave the outcome unknown. */
  timeoutMs: number;
  /** The injected delay, past the timeout. */
  delayMs: number;
  lookupTiming: LookupTiming;
  /** A submit still unknown after this long is abandoned and counted as unknown (a failure). */
  submitDeadlineMs: number;
  maxAttempts: number;
}

/** The faults of the campaign: each kind on the order POSTs, and on the lookups the ticket makes. */
export function orderFaults(delayMs: number): FaultRule[] {
  return [
    { kind: 'lose-response', method: 'POST', path: ORDER_PATHS, probability: 0.08 },
    { kind: 'delay', method: 'POST', path: ORDER_PATHS, probability: 0.05, delayMs },
    { kind: 'reset', method: 'POST', path: ORDER_PATHS, probability: 0.05 },
    { kind: 'server-error', method: 'POST', path: ORDER_PATHS, probability: 0.05 },
    { kind: 'rate-limit', method: 'POST', path: ORDER_PATHS, probability: 0.05 },
    { kind: 'malformed', method: 'POST', path: ORDER_PATHS, probability: 0.05 },
    { kind: 'server-error', method: 'GET', path: LOOKUP_PATH, probability: 0.05 },
    { kind: 'reset', method: 'GET', path: LOOKUP_PATH, probability: 0.05 },
    { kind: 'rate-limit', method: 'GET', path: LOOKUP_PATH, probability: 0.03 },
    { kind: 'delay', method: 'GET', path: LOOKUP_PATH, probability: 0.03, delayMs },
    { kind: 'malformed', method: 'GET', path: LOOKUP_PATH, probability: 0.03 },
    { kind: 'lose-response', method: 'GET', path: LOOKUP_PATH, probability: 0.03 },
  ];
}

type Kind = 'valid' | 'invalid-draft' | 'venue-refusal';

interface Intent {
  index: number;
  symbol: string;
  kind: Kind;
  draft: OrderDraft;
}

export type FinalState = 'placed' | 'rejected' | 'not-placed' | 'unknown';

export interface IntentOutcome {
  index: number;
  ticket: number;
  kind: Kind;
  /** The order as the venue would record it: symbol, side, type and amounts. */
  content: string | undefined;
  final: FinalState;
  confirmedBy?: 'answer' | 'lookup';
  orderId?: string;
  clientOid?: string;
  /** For a rejection: validation (nothing sent) or the venue's/transport's refusal. */
  reason?: string;
  /** Placed by lookup: what had made the outcome unknown. */
  cause?: string;
  attempts: number;
}

/** One order's identity, whether built from the params sent or read back from the venue. */
function contentKey(o: { symbol: string; side: string; type?: string; price?: string | Decimal; size?: string | Decimal; funds?: string | Decimal }): string {
  const d = (v: string | Decimal | undefined) => (v === undefined ? '0' : new Decimal(v).toString());
  const type = o.type ?? 'limit';
  return [o.symbol, o.side, type, type === 'limit' ? d(o.price) : '0', d(o.size), d(o.funds)].join('|');
}

function describe(error: unknown): string {
  if (isMarginKitError(error)) {
    const code = (error as { code?: string }).code;
    return `${error.kind}${code ? ` ${code}` : ''}: ${error.message}`;
  }
  return String(error);
}

function plain(value: Decimal): string {
  return value.toFixed();
}

/**
 * Drafts as a trader types them: mostly valid limit and market orders, unique per submit (the
 * amount carries the index), some that break a rule of ours, some the venue refuses.
 */
function makeIntents(seed: number, count: number, rules: Map<string, SymbolRules>, marks: Map<string, Decimal>, isolatedTicket: (i: number) => boolean): Intent[] {
  const random = seeded(seed);
  const intents: Intent[] = [];
  for (let index = 0; index < count; index += 1) {
    const symbol = ORDER_SYMBOLS[Math.floor(random() * ORDER_SYMBOLS.length)]!;
    const r = rules.get(symbol)!;
    const mark = marks.get(symbol)!;
    const roll = random();
    const kind: Kind = roll < 0.06 ? 'invalid-draft' : roll < 0.12 ? 'venue-refusal' : 'valid';
    const size = r.baseMinSize.mul(100).plus(r.baseIncrement.mul(index));
    const draft = emptyDraft(symbol);
    const isolated = isolatedTicket(index);
    if (kind === 'venue-refusal') {
      // Far more than the account holds, without autoBorrow: the venue refuses the balance.
      Object.assign(draft, { side: 'sell', type: 'limit', price: plain(roundToTick(mark.mul(2), r.priceIncrement, 'down')), size: plain(new Decimal(5_000_000).plus(r.baseIncrement.mul(index))) });
    } else if (kind === 'invalid-draft') {
      // Off the price tick, or below the minimum size: our checks refuse, nothing is sent.
      if (random() < 0.5) Object.assign(draft, { side: 'buy', type: 'limit', price: plain(mark.mul('0.9').toDecimalPlaces(0).plus(r.priceIncrement.div(3))), size: plain(size) });
      else Object.assign(draft, { side: 'buy', type: 'limit', price: plain(roundToTick(mark.mul('0.9'), r.priceIncrement, 'down')), size: plain(r.baseMinSize.div(2)) });
    } else if (random() < 0.7) {
      const buy = isolated || random() < 0.6;
      const factor = buy ? 0.8 + random() * 0.1 : 1.1 + random() * 0.1;
      const tif = ['GTC', 'GTC', 'GTT', 'IOC'][Math.floor(random() * 4)] as OrderDraft['timeInForce'];
      Object.assign(draft, {
        side: buy ? 'buy' : 'sell',
        type: 'limit',
        price: plain(roundToTick(mark.mul(factor), r.priceIncrement, 'down')),
        size: plain(size),
        timeInForce: tif,
        cancelAfter: tif === 'GTT' ? '3600' : '',
      });
    } else if (isolated || random() < 0.5) {
      Object.assign(draft, { side: 'buy', type: 'market', marketAmount: 'funds', funds: plain(new Decimal(5).plus(r.quoteIncrement.mul(index))) });
    } else {
      Object.assign(draft, { side: 'sell', type: 'market', marketAmount: 'size', size: plain(size) });
    }
    intents.push({ index, symbol, kind, draft });
  }
  return intents;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One ticket: one Submitter with the ticket's placement ports, as <margin-order-ticket> wires it, working through its drafts. */
async function runTicket(
  client: MarginClient,
  ticket: number,
  api: OrderApi,
  mode: MarginMode,
  intents: readonly Intent[],
  rules: Map<string, SymbolRules>,
  options: OrderCampaignOptions,
): Promise<IntentOutcome[]> {
  const submission = new Submitter(
    placementPorts<PlacementParams>({
      // As the ticket's sendOrder: the API chosen by its `api` attribute.
      send: (params) => (api === 'v1' ? client.kucoin.addOrderV1(params as V1OrderParams) : client.kucoin.addOrder(params as HfOrderParams)),
      lookup: (clientOid, symbol, signal) => client.kucoin.getOrderByClientOid({ clientOid, symbol }, { signal }),
      newClientOid,
      timing: options.lookupTiming,
    }),
  );
  const outcomes: IntentOutcome[] = [];
  let stuck = false;
  for (const intent of intents) {
    const base = { index: intent.index, ticket, kind: intent.kind, attempts: 0 };
    if (stuck) {
      // The ticket still waits for an earlier outcome: nothing more can be placed from it.
      outcomes.push({ ...base, content: undefined, final: 'unknown', reason: 'the ticket is stuck checking an earlier submit' });
      continue;
    }
    const check = checkDraft(intent.draft, rules.get(intent.symbol)!);
    if (!check.ok) {
      outcomes.push({ ...base, content: undefined, final: 'rejected', reason: `validation: ${check.violations.map((v) => `${v.field} ${v.rule}`).join(', ')}` });
      continue;
    }
    const key = draftKey(placementParams(api, check.order, 'draft', mode));
    const content = contentKey(placementParams(api, check.order, 'draft', mode));
    let outcome: IntentOutcome = { ...base, content, final: 'unknown' };
    for (let attempt = 1; attempt <= options.maxAttempts; attempt += 1) {
      const params = placementParams(api, check.order, submission.identityFor(key), mode);
      if (submission.busy) throw new Error(`ticket ${ticket}: a submit was refused while idle`);
      const run = submission.submit(params, { draftKey: key }).then(() => submission.phase);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<'deadline'>((resolve) => (timer = setTimeout(() => resolve('deadline'), options.submitDeadlineMs)));
      const end = await Promise.race([run, deadline]);
      clearTimeout(timer);
      if (end === 'deadline') {
        submission.dispose();
        stuck = true;
        outcome = { ...outcome, final: 'unknown', attempts: attempt, reason: `still ${submission.phase.kind}` };
        break;
      }
      outcome = { ...outcome, attempts: attempt, ...summarize(end) };
      if (placed(end)) break;
      if (end.kind === 'failed' && !(end.error instanceof RateLimitError)) break;
      // Not placed (looked up and not found) or rate-limited: the trader tries the same draft again.
      if (end.kind === 'failed') await sleep(Math.min(250, (end.error as RateLimitError).retryAfterMs ?? 100));
    }
    outcomes.push(outcome);
  }
  submission.dispose();
  return outcomes;
}

function summarize(s: PlacementPhase<PlacementParams>): Partial<IntentOutcome> {
  const order = placed(s);
  if (order) {
    return {
      final: 'placed',
      confirmedBy: order.confirmedBy,
      orderId: order.answer.orderId,
      clientOid: order.clientOid,
      reason: undefined,
      cause: order.confirmedBy === 'lookup' ? describe(order.cause) : undefined,
    };
  }
  switch (s.kind) {
    case 'failed':
      return { final: 'rejected', clientOid: s.identity, reason: describe(s.error) };
    case 'not-found':
      return { final: 'not-placed', clientOid: s.identity, reason: `not found after ${describe(s.error)}` };
    default:
      return { final: 'unknown', reason: s.kind };
  }
}

/** Every order the sandbox holds for the account, open and done, in both margin modes. */
export async function ordersAtVenue(client: MarginClient): Promise<MarginOrder[]> {
  const all: MarginOrder[] = [];
  for (const symbol of ORDER_SYMBOLS) {
    for (const tradeType of ['MARGIN_TRADE', 'MARGIN_ISOLATED_TRADE'] as MarginTradeType[]) {
      all.push(...(await client.kucoin.getOpenOrders({ symbol, tradeType })));
      let lastId: number | undefined;
      for (;;) {
        const page = await client.kucoin.getClosedOrders({ symbol, tradeType, limit: 100, ...(lastId ? { lastId } : {}) });
        all.push(...page.items);
        if (page.items.length < 100) break;
        lastId = page.lastId;
      }
    }
  }
  return all;
}

export interface OrderAudit {
  outcomes: IntentOutcome[];
  orders: MarginOrder[];
  /** Intents with more than one order at the venue. */
  duplicates: Array<{ index: number; orders: string[] }>;
  /** clientOids used by more than one order at the venue. */
  duplicateClientOids: string[];
  /** Orders at the venue that no submit asked for. */
  strays: string[];
  /** Intents whose shown outcome disagrees with the venue's record. */
  mismatches: string[];
  counts: CampaignCounts & { tickets: number; ordersAtVenue: number; duplicateClientOids: number };
}

export async function runOrderCampaign(stack: ChaosStack, options: OrderCampaignOptions): Promise<OrderAudit> {
  const client = stack.client({ timeoutMs: options.timeoutMs, retry: { baseDelayMs: 20, maxDelayMs: 100 } });
  const clean = stack.client();
  const cross = await clean.kucoin.getCrossMarginSymbols();
  const rules = new Map(ticketSymbols('cross', cross, undefined).filter((s) => s.rules).map((s) => [s.symbol, s.rules!]));
  const marks = new Map((await clean.kucoin.getMarkPriceList()).map((m) => [m.symbol, m.value]));

  const isolatedTicket = (t: number) => t % 10 === 9;
  const apiOf = (t: number): OrderApi => (t % 5 === 0 ? 'v1' : 'hf');
  const ticketOf = (index: number) => index % options.tickets;
  const intents = makeIntents(options.seed, options.submits, rules, marks, (index) => isolatedTicket(ticketOf(index)));

  const droppedBefore = stack.recorded.droppedAnswers;
  const logsBefore = stack.recorded.logs.length;
  for (const rule of orderFaults(options.delayMs)) stack.sandbox.faults.add(rule);
  stack.setAnswerLoss(0.03);
  const results = await Promise.all(
    Array.from({ length: options.tickets }, (_, t) =>
      runTicket(client, t, apiOf(t), isolatedTicket(t) ? 'isolated' : 'cross', intents.filter((i) => ticketOf(i.index) === t), rules, options),
    ),
  );
  const fired = stack.sandbox.faults.fired;
  stack.sandbox.faults.clear();
  stack.setAnswerLoss(0);
  // Anything still sleeping in the sandbox (a delayed lookup) lands before the audit reads.
  await sleep(options.delayMs + 200);

  const outcomes = results.flat().sort((a, b) => a.index - b.index);
  const orders = await ordersAtVenue(clean);
  const byContent = new Map<string, MarginOrder[]>();
  for (const order of orders) {
    const key = contentKey({ symbol: order.symbol, side: order.side, type: order.type, price: order.price, size: order.size, funds: order.funds });
    byContent.set(key, [...(byContent.get(key) ?? []), order]);
  }
  const known = new Set(outcomes.map((o) => o.content).filter((c): c is string => c !== undefined));
  const strays = [...byContent.keys()].filter((key) => !known.has(key));
  const duplicates: OrderAudit['duplicates'] = [];
  const mismatches: string[] = [];
  for (const o of outcomes) {
    const found = o.content ? (byContent.get(o.content) ?? []) : [];
    if (found.length > 1) duplicates.push({ index: o.index, orders: found.map((f) => f.id) });
    if (o.final === 'placed') {
      if (found.length !== 1 || found[0]!.id !== o.orderId || found[0]!.clientOid !== o.clientOid) {
        mismatches.push(`#${o.index} shown placed as ${o.orderId} (${o.clientOid}), the venue has [${found.map((f) => `${f.id} ${f.clientOid}`).join(', ')}]`);
      }
    } else if (found.length > 0) {
      mismatches.push(`#${o.index} shown ${o.final} (${o.reason}), the venue has [${found.map((f) => `${f.id} ${f.clientOid}`).join(', ')}]`);
    }
  }
  const oidCount = new Map<string, number>();
  for (const order of orders) oidCount.set(order.clientOid, (oidCount.get(order.clientOid) ?? 0) + 1);

  const count = (predicate: (o: IntentOutcome) => boolean) => outcomes.filter(predicate).length;
  const posts = stack.recorded.logs.slice(logsBefore).filter((line) => /"method":"POST","path":"\/kucoin\/api\/(v3\/hf\/margin|v1\/margin)\/order"/.test(line)).length;
  const counts: OrderAudit['counts'] = {
    submits: outcomes.length,
    tickets: options.tickets,
    attempts: outcomes.reduce((n, o) => n + o.attempts, 0),
    posts,
    placed: count((o) => o.final === 'placed'),
    placedByAnswer: count((o) => o.confirmedBy === 'answer'),
    placedByLookup: count((o) => o.confirmedBy === 'lookup'),
    /** The request reached the venue after the client gave up on it, and was found, not doubled. */
    placedAfterTimeout: count((o) => o.confirmedBy === 'lookup' && o.cause!.startsWith('timeout')),
    rejected: count((o) => o.final === 'rejected'),
    rejectedValidation: count((o) => o.final === 'rejected' && o.reason!.startsWith('validation')),
    rejectedVenue: count((o) => o.final === 'rejected' && o.reason!.startsWith('exchange')),
    rejectedRateLimit: count((o) => o.final === 'rejected' && o.reason!.startsWith('rate-limit')),
    notPlaced: count((o) => o.final === 'not-placed'),
    unknown: count((o) => o.final === 'unknown'),
    ordersAtVenue: orders.length,
    duplicates: duplicates.length,
    duplicateClientOids: [...oidCount.values()].filter((n) => n > 1).length,
    strays: strays.length,
    mismatches: mismatches.length,
    ...Object.fromEntries(Object.entries(fired).map(([kind, n]) => [`fault:${kind}`, n])),
    'fault:caller-answer-lost': stack.recorded.droppedAnswers - droppedBefore,
  };
  return { outcomes, orders, duplicates, duplicateClientOids: [...oidCount].filter(([, n]) => n > 1).map(([oid]) => oid), strays, mismatches, counts };
}
