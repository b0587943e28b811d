/**
 * The lending half of the fault campaign: markets (each one shared `Submitter`, wired as
 * <margin-lending-market>'s form wires it: `sendAction`, `lendingMatch`, the page's known ids)
 * lend, change rates and redeem on KuCoin, checked by the element's pure rules, under every fault
 * kind. Lends and redeems carry no client id, so some lends deliberately repeat the market's
 * previous size and rate: a look-up that took the earlier lend for the lost one would show a
 * phantom. The audit reads the sandbox's records back and holds every submit to them.
 */
import type { MarginClient } from '../../../src/client/client.js';
import { RateLimitError, isMarginKitError } from '../../../src/client/errors.js';
import type { LoanMarket, PurchaseOrder, RedeemOrder } from '../../../src/client/kucoin/lending.js';
import { Decimal } from '../../../src/core/decimal.js';
import { Submitter, type SubmitPhase } from '../../../src/elements/shared/controllers/submitter.js';
import { knownIdsOf, lendingMatch, sendAction, type Candidate, type Sent } from '../../../src/elements/lending-market/lending-actions.js';
import { checkModify, checkPurchase, checkRedeem } from '../../../src/elements/lending-market/lending-rules.js';
import type { FaultRule } from '../../../src/sandbox/index.js';
import type { CampaignCounts, ChaosStack } from './stack.js';

interface Market {
  currency: string;
  /** Lend sizes `base + i * step` (a multiple of the currency's increment). */
  lend: { base: string; step: string };
  /** Redeem sizes `step * (1 + i)`, far below what a lend holds. */
  redeemStep: string;
}

/** Three markets per currency the chaos account holds in quantity. */
export const MARKETS: readonly Market[] = [
  { currency: 'USDT', lend: { base: '1000', step: '1' }, redeemStep: '1' },
  { currency: 'USDT', lend: { base: '2000', step: '1' }, redeemStep: '1' },
  { currency: 'USDT', lend: { base: '3000', step: '1' }, redeemStep: '1' },
  { currency: 'BTC', lend: { base: '1', step: '0.0001' }, redeemStep: '0.0001' },
  { currency: 'BTC', lend: { base: '2', step: '0.0001' }, redeemStep: '0.0001' },
  { currency: 'BTC', lend: { base: '3', step: '0.0001' }, redeemStep: '0.0001' },
  { currency: 'ETH', lend: { base: '10', step: '0.001' }, redeemStep: '0.001' },
  { currency: 'ETH', lend: { base: '20', step: '0.001' }, redeemStep: '0.001' },
  { currency: 'ETH', lend: { base: '30', step: '0.001' }, redeemStep: '0.001' },
  { currency: 'SOL', lend: { base: '100', step: '0.01' }, redeemStep: '0.01' },
  { currency: 'SOL', lend: { base: '200', step: '0.01' }, redeemStep: '0.01' },
  { currency: 'SOL', lend: { base: '300', step: '0.01' }, redeemStep: '0.01' },
];

const LENDING_POSTS = /^\/api\/v3\/(purchase|lend\/purchase\/update|redeem)$/;
const LENDING_LISTS = /^\/api\/v3\/(purchase|redeem)\/orders$/;

export function lendingFaults(delayMs: number): FaultRule[] {
  return [
    { kind: 'lose-response', method: 'POST', path: LENDING_POSTS, probability: 0.08 },
    { kind: 'delay', method: 'POST', path: LENDING_POSTS, probability: 0.05, delayMs },
    { kind: 'reset', method: 'POST', path: LENDING_POSTS, probability: 0.05 },
    { kind: 'server-error', method: 'POST', path: LENDING_POSTS, probability: 0.05 },
    { kind: 'rate-limit', method: 'POST', path: LENDING_POSTS, probability: 0.05 },
    { kind: 'malformed', method: 'POST', path: LENDING_POSTS, probability: 0.05 },
    { kind: 'server-error', method: 'GET', path: LENDING_LISTS, probability: 0.04 },
    { kind: 'reset', method: 'GET', path: LENDING_LISTS, probability: 0.04 },
    { kind: 'delay', method: 'GET', path: LENDING_LISTS, probability: 0.03, delayMs },
    { kind: 'malformed', method: 'GET', path: LENDING_LISTS, probability: 0.03 },
  ];
}

export interface LendingCampaignOptions {
  submitsPerMarket: number;
  timeoutMs: number;
  delayMs: number;
  maxAttempts: number;
  maxRechecks: number;
  /** When look-ups run after an unknown outcome (scaled to this stack's delays). */
  lookupAtMs: readonly number[];
}

type Kind = 'valid' | 'repeat' | 'invalid-draft' | 'venue-refusal';

export interface LendingOutcome {
  market: number;
  sent: Sent | undefined;
  kind: Kind;
  final: 'placed' | 'rejected' | 'not-placed' | 'unknown';
  confirmedBy?: 'answer' | 'lookup';
  /** The order number the market showed (the lend's, the redeem's; a rate change's purchase order). */
  id?: string;
  reason?: string;
  attempts: number;
  /** Attempts the venue was asked about and had nothing of: each was sent again. */
  notFound: number;
}

type Phase = SubmitPhase<Sent, string, Candidate>;

function describe(error: unknown): string {
  if (isMarginKitError(error)) {
    const code = (error as { code?: string }).code;
    return `${error.kind}${code ? ` ${code}` : ''}: ${error.message}`;
  }
  return String(error);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function summarize(phase: Phase): Partial<LendingOutcome> {
  switch (phase.kind) {
    case 'succeeded':
      return { final: 'placed', confirmedBy: 'answer', id: phase.answer, reason: undefined };
    case 'found':
      return { final: 'placed', confirmedBy: 'lookup', id: phase.record.orderNo, reason: `found after ${describe(phase.error)}` };
    case 'failed':
      return { final: 'rejected', reason: describe(phase.error) };
    case 'not-found':
      return { final: 'not-placed', reason: `not found after ${describe(phase.error)}` };
    default:
      return { final: 'unknown', reason: phase.kind };
  }
}

/** The rate (a fraction) of the market's i-th lend or change: unique per market, on the 0.0001 grid. */
function rateFor(marketIndex: number, i: number): Decimal {
  return new Decimal('0.05').plus(new Decimal('0.001').mul(marketIndex)).plus(new Decimal('0.0001').mul(i));
}

const percent = (fraction: Decimal) => fraction.mul(100).toFixed();

async function runMarket(client: MarginClient, index: number, market: Market, row: LoanMarket, options: LendingCampaignOptions): Promise<LendingOutcome[]> {
  const submitter = new Submitter<Sent, string, Candidate>({
    send: (sent, signal) => sendAction(client.transport, sent, signal),
    match: lendingMatch(() => client.transport),
    answerId: (orderNo) => orderNo,
    knownIds: () => knownIdsOf(client),
    lookupAtMs: options.lookupAtMs,
  });
  const outcomes: LendingOutcome[] = [];
  /**
   * The market's lends that went through, with what was typed. Rate changes act on the first one
   * (its rate moves again and again), redeems on the latest, and a repeat copies the latest lend
   * whose rate never moved: a look-up for a lost repeat sees the original as a candidate.
   */
  const lent: Array<{ orderNo: string; size: Decimal; typed: { size: string; rate: string } }> = [];
  for (let i = 0; i < options.submitsPerMarket; i += 1) {
    const target = lent.at(-1);
    const original = lent.length > 1 ? lent.at(-1) : undefined;
    const slot = i % 3;
    const kind: Kind =
      i % 10 === 7 ? 'invalid-draft'
      : i % 10 === 4 && target ? 'venue-refusal'
      : slot === 0 && i % 6 === 3 && original ? 'repeat'
      : 'valid';
    const action = kind === 'venue-refusal' ? 'redeem' : kind === 'repeat' || !target ? 'lend' : (['lend', 'modify', 'redeem'] as const)[slot]!;
    let checked;
    let typed: { size: string; rate: string } | undefined;
    if (action === 'lend') {
      const size = new Decimal(market.lend.base).plus(new Decimal(market.lend.step).mul(i)).toFixed();
      typed = kind === 'repeat' ? original!.typed : { size, rate: percent(rateFor(index, i)) };
      checked = checkPurchase(row, kind === 'invalid-draft' ? ['0', 'abc', '-5', '1e3'][i % 4]! : typed.size, typed.rate);
    } else if (action === 'modify') {
      checked = checkModify(row, lent[0]!.orderNo, kind === 'invalid-draft' ? '99' : percent(rateFor(index, i).plus('0.02')));
    } else {
      const size = new Decimal(market.redeemStep).mul(1 + i);
      // A refusal our checks cannot see: more than the order holds, checked against a stale holding.
      const asked = kind === 'venue-refusal' ? target!.size.mul(10) : size;
      checked = checkRedeem(row, target!.orderNo, kind === 'venue-refusal' ? asked : target!.size, kind === 'invalid-draft' ? '0.5e' : asked.toFixed());
    }
    const base = { market: index, kind, attempts: 0, notFound: 0 };
    if (!checked.ok) {
      outcomes.push({ ...base, sent: undefined, final: 'rejected', reason: `validation: ${Object.keys(checked.violations).join(', ')}` });
      continue;
    }
    const sent = { kind: action, params: checked.params } as Sent;
    let outcome: LendingOutcome = { ...base, sent, final: 'unknown' };
    for (let attempt = 1; attempt <= options.maxAttempts; attempt += 1) {
      if (!(await submitter.submit(sent))) throw new Error(`market ${index}: a submit was refused while settled (${submitter.phase.kind}, ${String((submitter.phase as { lookupError?: unknown }).lookupError)}, ${JSON.stringify(outcomes.at(-1))})`);
      for (let n = 0; submitter.phase.kind === 'unresolved' && n < options.maxRechecks; n += 1) {
        // "Check again" is pressed a moment later, not at once.
        await sleep(250);
        await submitter.recheck();
      }
      const phase = submitter.phase;
      outcome = { ...outcome, attempts: attempt, notFound: outcome.notFound + (phase.kind === 'not-found' ? 1 : 0), ...summarize(phase) };
      if (phase.kind === 'succeeded' || phase.kind === 'found' || phase.kind === 'unresolved') break;
      if (phase.kind === 'failed' && !(phase.error instanceof RateLimitError)) break;
      if (phase.kind === 'failed') await sleep(Math.min(250, (phase.error as RateLimitError).retryAfterMs ?? 100));
    }
    if (outcome.final === 'placed' && sent.kind === 'lend') lent.push({ orderNo: outcome.id!, size: new Decimal(sent.params.size), typed: typed! });
    outcomes.push(outcome);
  }
  return outcomes;
}

/** Every order of a list, all pages, both statuses. */
async function everything<T>(list: (status: 'PENDING' | 'DONE', page: number) => Promise<{ items: T[]; totalPage: number }>): Promise<T[]> {
  const all: T[] = [];
  for (const status of ['PENDING', 'DONE'] as const) {
    for (let page = 1; ; page += 1) {
      const result = await list(status, page);
      all.push(...result.items);
      if (page >= result.totalPage) break;
    }
  }
  return all;
}

export interface LendingAudit {
  outcomes: LendingOutcome[];
  duplicates: string[];
  phantoms: string[];
  strays: string[];
  mismatches: string[];
  counts: CampaignCounts & { notFoundThenSent: number; lends: number; modifies: number; redeems: number; repeats: number; phantoms: number; purchasesAtVenue: number; redeemsAtVenue: number };
}

export async function runLendingCampaign(stack: ChaosStack, options: LendingCampaignOptions): Promise<LendingAudit> {
  const client = stack.client({ timeoutMs: options.timeoutMs, retry: { baseDelayMs: 20, maxDelayMs: 100 } });
  // The market loads its rows before anyone may type: no faults yet.
  const clean = stack.client();
  const rows = await clean.kucoin.getLoanMarket({});
  const rowOf = (currency: string) => rows.find((r) => r.currency === currency)!;
  const droppedBefore = stack.recorded.droppedAnswers;
  const logsBefore = stack.recorded.logs.length;
  const firedBefore = { ...stack.sandbox.faults.fired };
  for (const rule of lendingFaults(options.delayMs)) stack.sandbox.faults.add(rule);
  stack.setAnswerLoss(0.03);
  const results = await Promise.all(MARKETS.map((m, i) => runMarket(client, i, m, rowOf(m.currency), options)));
  const fired = stack.sandbox.faults.fired;
  stack.sandbox.faults.clear();
  stack.setAnswerLoss(0);
  // A delayed request still on its way lands before the records are read.
  await sleep(options.delayMs + 200);

  const outcomes = results.flat();
  const purchases = await everything<PurchaseOrder>((status, currentPage) => clean.kucoin.getPurchaseOrders({ status, currentPage, pageSize: 50 }));
  const redeems = await everything<RedeemOrder>((status, currentPage) => clean.kucoin.getRedeemOrders({ status, currentPage, pageSize: 50 }));
  const duplicates: string[] = [];
  const phantoms: string[] = [];
  const strays: string[] = [];
  const mismatches: string[] = [];
  const sent = outcomes.filter((o) => o.sent !== undefined);

  /** Intents with the same fields form a group; the venue's records of those fields must be exactly the placed ones. */
  function audit<R>(label: string, groups: Map<string, LendingOutcome[]>, records: readonly R[], keyOf: (r: R) => string, idOf: (r: R) => string): void {
    const byKey = new Map<string, R[]>();
    for (const r of records) byKey.set(keyOf(r), [...(byKey.get(keyOf(r)) ?? []), r]);
    for (const key of byKey.keys()) if (!groups.has(key)) strays.push(`${label} ${key}: ${byKey.get(key)!.map(idOf).join(', ')}`);
    for (const [key, intents] of groups) {
      const ids = (byKey.get(key) ?? []).map(idOf);
      const placed = intents.filter((o) => o.final === 'placed');
      const claimed = placed.map((o) => o.id!);
      for (const id of claimed) {
        if (!ids.includes(id)) phantoms.push(`${label} ${key} shown placed as ${id}, the venue has [${ids.join(', ')}]`);
        else if (claimed.filter((c) => c === id).length > 1) phantoms.push(`${label} ${key}: ${id} shown for two submits`);
      }
      if (ids.length > new Set(claimed).size) {
        const unclaimed = ids.filter((id) => !claimed.includes(id));
        const notPlaced = intents.filter((o) => o.final !== 'placed');
        if (notPlaced.length > 0) mismatches.push(`${label} ${key}: ${notPlaced.length} shown ${notPlaced.map((o) => `${o.final} (${o.reason})`).join('; ')}, the venue has [${unclaimed.join(', ')}]`);
        if (ids.length > intents.length) duplicates.push(`${label} ${key}: ${intents.length} submits, ${ids.length} records`);
      }
    }
  }
  const group = (kind: Sent['kind'], keyOf: (s: Sent) => string) => {
    const groups = new Map<string, LendingOutcome[]>();
    for (const o of sent.filter((x) => x.sent!.kind === kind)) groups.set(keyOf(o.sent!), [...(groups.get(keyOf(o.sent!)) ?? []), o]);
    return groups;
  };
  // By size: unique per lend, except a repeat, which has its original's size and rate (a rate change moves the rate).
  const lendKey = (currency: string, size: Decimal | string) => `${currency} ${new Decimal(size).toFixed()}`;
  audit(
    'lend',
    group('lend', (s) => (s.kind === 'lend' ? lendKey(s.params.currency, s.params.size) : '')),
    purchases,
    (p) => lendKey(p.currency, p.purchaseSize),
    (p) => p.purchaseOrderNo,
  );
  audit(
    'redeem',
    group('redeem', (s) => (s.kind === 'redeem' ? `${s.params.purchaseOrderNo} ${new Decimal(s.params.size).toFixed()}` : '')),
    redeems,
    (r) => `${r.purchaseOrderNo} ${r.redeemSize.toFixed()}`,
    (r) => r.redeemOrderNo,
  );
  // A rate change leaves no record: each purchase order must end at the rate of its last change shown placed.
  for (const p of purchases) {
    const changes = sent.filter((o) => o.sent!.kind === 'modify' && o.sent!.params.purchaseOrderNo === p.purchaseOrderNo);
    if (changes.length === 0) continue;
    const lastPlaced = changes.filter((o) => o.final === 'placed').at(-1);
    const expected = lastPlaced ? (lastPlaced.sent!.params as { interestRate: string }).interestRate : undefined;
    const lend = sent.find((o) => o.sent!.kind === 'lend' && o.id === p.purchaseOrderNo);
    const wanted = expected ?? (lend?.sent!.params as { interestRate: string } | undefined)?.interestRate;
    if (wanted !== undefined && !p.interestRate.eq(wanted)) {
      mismatches.push(`rate of ${p.purchaseOrderNo}: the venue has ${p.interestRate}, the markets showed ${wanted} (${changes.map((c) => `${(c.sent!.params as { interestRate: string }).interestRate} ${c.final}`).join(', ')})`);
    }
  }

  const count = (predicate: (o: LendingOutcome) => boolean) => outcomes.filter(predicate).length;
  const posts = stack.recorded.logs.slice(logsBefore).filter((line) => /"method":"POST"/.test(line)).length;
  const counts: LendingAudit['counts'] = {
    submits: outcomes.length,
    lends: count((o) => o.sent?.kind === 'lend'),
    modifies: count((o) => o.sent?.kind === 'modify'),
    redeems: count((o) => o.sent?.kind === 'redeem'),
    repeats: count((o) => o.kind === 'repeat'),
    attempts: outcomes.reduce((n, o) => n + o.attempts, 0),
    posts,
    placed: count((o) => o.final === 'placed'),
    placedByAnswer: count((o) => o.confirmedBy === 'answer'),
    placedByLookup: count((o) => o.confirmedBy === 'lookup'),
    placedAfterTimeout: count((o) => o.confirmedBy === 'lookup' && o.reason!.includes('after timeout')),
    rejected: count((o) => o.final === 'rejected'),
    rejectedValidation: count((o) => o.final === 'rejected' && o.reason!.startsWith('validation')),
    rejectedVenue: count((o) => o.final === 'rejected' && o.reason!.startsWith('exchange')),
    rejectedRateLimit: count((o) => o.final === 'rejected' && o.reason!.startsWith('rate-limit')),
    notPlaced: count((o) => o.final === 'not-placed'),
    notFoundThenSent: outcomes.reduce((n, o) => n + (o.final === 'not-placed' ? o.notFound - 1 : o.notFound), 0),
    unknown: count((o) => o.final === 'unknown'),
    purchasesAtVenue: purchases.length,
    redeemsAtVenue: redeems.length,
    duplicates: duplicates.length,
    phantoms: phantoms.length,
    strays: strays.length,
    mismatches: mismatches.length,
    ...Object.fromEntries(Object.entries(fired).map(([kind, n]) => [`fault:${kind}`, n - ((firedBefore as Record<string, number>)[kind] ?? 0)])),
    'fault:caller-answer-lost': stack.recorded.droppedAnswers - droppedBefore,
  };
  return { outcomes, duplicates, phantoms, strays, mismatches, counts };
}
