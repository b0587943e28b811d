/**
 * The borrow/repay half of the fault campaign: panels (each one `Submitter` with the loan ports, wired as
 * <margin-borrow-repay> wires it to the client's venue interface) on KuCoin cross, KuCoin isolated
 * and BitMart isolated send loans checked by the panel's pure `checkLoanDraft`, under the same
 * faults as the orders. Loans carry no idempotency key, so a duplicate would be a second loan of
 * the same request: every request has its own amount, and the sandbox's records are counted by it.
 */
import type { MarginClient } from '../../../src/client/client.js';
import { RateLimitError, isMarginKitError } from '../../../src/client/errors.js';
import type { BorrowLimits, BorrowRepayVenue, LoanAction } from '../../../src/client/venue.js';
import { Decimal } from '../../../src/core/decimal.js';
import { checkLoanDraft } from '../../../src/elements/borrow-repay/loan-draft.js';
import { loanPorts, type LoanPhase } from '../../../src/elements/borrow-repay/loan-submission.js';
import { Submitter } from '../../../src/elements/shared/controllers/submitter.js';
import type { FaultRule } from '../../../src/sandbox/index.js';
import { CHAOS_SECRETS, type CampaignCounts, type ChaosStack } from './stack.js';

interface Panel {
  exchange: 'kucoin' | 'bitmart';
  marginMode: 'cross' | 'isolated';
  currency: string;
  symbol?: string;
  /** Borrow amounts: `base + i * step`, unique per request. */
  borrow: { base: string; step: string };
  /** Repay amounts: small, unique per request. */
  repay: { base: string; step: string };
}

export const PANELS: readonly Panel[] = [
  { exchange: 'kucoin', marginMode: 'cross', currency: 'USDT', borrow: { base: '100', step: '1' }, repay: { base: '0.5', step: '0.00000001' } },
  { exchange: 'kucoin', marginMode: 'cross', currency: 'ETH', borrow: { base: '1', step: '0.001' }, repay: { base: '0.0001', step: '0.00000001' } },
  { exchange: 'kucoin', marginMode: 'cross', currency: 'SOL', borrow: { base: '10', step: '0.01' }, repay: { base: '0.001', step: '0.00000001' } },
  { exchange: 'kucoin', marginMode: 'cross', currency: 'BTC', borrow: { base: '0.01', step: '0.0001' }, repay: { base: '0.00001', step: '0.00000001' } },
  { exchange: 'kucoin', marginMode: 'cross', currency: 'XRP', borrow: { base: '100', step: '1' }, repay: { base: '0.5', step: '0.00000001' } },
  { exchange: 'kucoin', marginMode: 'isolated', currency: 'USDT', symbol: 'BTC-USDT', borrow: { base: '50', step: '1' }, repay: { base: '0.5', step: '0.00000001' } },
  { exchange: 'kucoin', marginMode: 'isolated', currency: 'USDT', symbol: 'ETH-USDT', borrow: { base: '60', step: '1' }, repay: { base: '0.6', step: '0.00000001' } },
  { exchange: 'kucoin', marginMode: 'isolated', currency: 'USDT', symbol: 'SOL-USDT', borrow: { base: '70', step: '1' }, repay: { base: '0.7', step: '0.00000001' } },
  { exchange: 'bitmart', marginMode: 'isolated', currency: 'USDT', symbol: 'BTC_USDT', borrow: { base: '10', step: '0.00000001' }, repay: { base: '0.1', step: '0.00000001' } },
  { exchange: 'bitmart', marginMode: 'isolated', currency: 'BTC', symbol: 'BTC_USDT', borrow: { base: '0.01', step: '0.00000001' }, repay: { base: '0.0001', step: '0.00000001' } },
  { exchange: 'bitmart', marginMode: 'isolated', currency: 'USDT', symbol: 'ETH_USDT', borrow: { base: '11', step: '0.00000001' }, repay: { base: '0.2', step: '0.00000001' } },
  { exchange: 'bitmart', marginMode: 'isolated', currency: 'ETH', symbol: 'ETH_USDT', borrow: { base: '0.1', step: '0.00000001' }, repay: { base: '0.001', step: '0.00000001' } },
  { exchange: 'bitmart', marginMode: 'isolated', currency: 'SOL', symbol: 'SOL_USDT', borrow: { base: '1', step: '0.00000001' }, repay: { base: '0.01', step: '0.00000001' } },
  { exchange: 'bitmart', marginMode: 'isolated', currency: 'USDT', symbol: 'XRP_USDT', borrow: { base: '12', step: '0.00000001' }, repay: { base: '0.3', step: '0.00000001' } },
  { exchange: 'bitmart', marginMode: 'isolated', currency: 'USDT', symbol: 'DOGE_USDT', borrow: { base: '13', step: '0.00000001' }, repay: { base: '0.4', step: '0.00000001' } },
];

const KUCOIN_LOANS = /^\/api\/v3\/margin\/(borrow|repay)$/;
const BITMART_LOANS = /^\/spot\/v1\/margin\/isolated\/(borrow|repay)$/;
const BITMART_RECORDS = /^\/spot\/v1\/margin\/isolated\/(borrow|repay)_record$/;

export function loanFaults(delayMs: number): FaultRule[] {
  const posts = (path: RegExp): FaultRule[] => [
    { kind: 'lose-response', method: 'POST', path, probability: 0.08 },
    { kind: 'delay', method: 'POST', path, probability: 0.05, delayMs },
    { kind: 'reset', method: 'POST', path, probability: 0.05 },
    { kind: 'server-error', method: 'POST', path, probability: 0.05 },
    { kind: 'rate-limit', method: 'POST', path, probability: 0.05 },
    { kind: 'malformed', method: 'POST', path, probability: 0.05 },
  ];
  const lookups = (path: RegExp): FaultRule[] => [
    { kind: 'server-error', method: 'GET', path, probability: 0.04 },
    { kind: 'reset', method: 'GET', path, probability: 0.04 },
    { kind: 'delay', method: 'GET', path, probability: 0.03, delayMs },
    { kind: 'malformed', method: 'GET', path, probability: 0.03 },
  ];
  return [...posts(KUCOIN_LOANS), ...posts(BITMART_LOANS), ...lookups(KUCOIN_LOANS), ...lookups(BITMART_RECORDS)];
}

export interface LoanCampaignOptions {
  submitsPerPanel: number;
  timeoutMs: number;
  delayMs: number;
  maxAttempts: number;
  /** "Check again" presses on an unresolved loan before it counts as unknown (a failure). */
  maxRechecks: number;
}

type Kind = 'valid' | 'invalid-draft' | 'venue-refusal';

export interface LoanOutcome {
  panel: number;
  action: LoanAction;
  kind: Kind;
  amount: string;
  final: 'placed' | 'rejected' | 'not-placed' | 'unknown';
  confirmedBy?: 'answer' | 'lookup';
  /** The venue's id of the operation the panel showed. */
  id?: string;
  reason?: string;
  attempts: number;
}

function describe(error: unknown): string {
  if (isMarginKitError(error)) {
    const code = (error as { code?: string }).code;
    return `${error.kind}${code ? ` ${code}` : ''}: ${error.message}`;
  }
  return String(error);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function amountText(panel: Panel, action: LoanAction, i: number, kind: Kind): string {
  if (kind === 'invalid-draft') return ['0', 'abc', '-5', '1e3', '0.000000001'][(i + PANELS.indexOf(panel)) % 5]!;
  // BitMart refuses a repay of more than is owed.
  if (kind === 'venue-refusal') return new Decimal('9000000').plus(new Decimal('0.00000001').mul(i)).toFixed();
  const { base, step } = action === 'borrow' ? panel.borrow : panel.repay;
  return new Decimal(base).plus(new Decimal(step).mul(i)).toFixed();
}

async function runPanel(venue: BorrowRepayVenue, index: number, panel: Panel, limits: BorrowLimits, options: LoanCampaignOptions): Promise<LoanOutcome[]> {
  const submitter = new Submitter(
    loanPorts({
      send: ({ action, request }, signal) => (action === 'borrow' ? venue.borrow(request, { signal }) : venue.repay(request, { signal })),
      find: ({ action, request }, since, signal) => venue.findOperations(action, request, since, { signal }),
    }),
  );
  const outcomes: LoanOutcome[] = [];
  for (let i = 0; i < options.submitsPerPanel; i += 1) {
    const action: LoanAction = i % 2 === 0 ? 'borrow' : 'repay';
    const kind: Kind = i % 10 === 7 ? 'invalid-draft' : i % 10 === 5 && panel.exchange === 'bitmart' ? 'venue-refusal' : 'valid';
    const amount = amountText(panel, action, i, kind);
    const draft = checkLoanDraft({ action, marginMode: panel.marginMode, currency: panel.currency, symbol: panel.symbol, amountText: amount, limits });
    const base = { panel: index, action, kind, amount, attempts: 0 };
    if (!draft.ok) {
      outcomes.push({ ...base, final: 'rejected', reason: `validation: ${draft.violation.field} ${draft.violation.rule}` });
      continue;
    }
    let outcome: LoanOutcome = { ...base, final: 'unknown' };
    for (let attempt = 1; attempt <= options.maxAttempts; attempt += 1) {
      if (!(await submitter.submit({ action, request: draft.request }))) throw new Error(`panel ${index}: a submit was refused while settled`);
      for (let n = 0; submitter.phase.kind === 'unresolved' && n < options.maxRechecks; n += 1) {
        await sleep(50);
        await submitter.recheck();
      }
      const phase = submitter.phase;
      outcome = { ...outcome, attempts: attempt, ...summarize(phase) };
      if (phase.kind === 'succeeded' || phase.kind === 'found' || phase.kind === 'unresolved') break;
      if (phase.kind === 'failed' && !(phase.error instanceof RateLimitError)) break;
      if (phase.kind === 'failed') await sleep(Math.min(250, (phase.error as RateLimitError).retryAfterMs ?? 100));
    }
    outcomes.push(outcome);
  }
  return outcomes;
}

function summarize(phase: LoanPhase): Partial<LoanOutcome> {
  switch (phase.kind) {
    case 'succeeded':
      return { final: 'placed', confirmedBy: 'answer', id: phase.answer.orderId, reason: undefined };
    case 'found':
      return { final: 'placed', confirmedBy: 'lookup', id: phase.record.id, reason: `found after ${describe(phase.error)}` };
    case 'failed':
      return { final: 'rejected', reason: describe(phase.error) };
    case 'not-found':
      return { final: 'not-placed', reason: `not found after ${describe(phase.error)}` };
    default:
      return { final: 'unknown', reason: phase.kind };
  }
}

interface VenueRecord {
  id: string;
  amount: Decimal;
}

/** The sandbox's own records of one panel's target: KuCoin's ledger, BitMart's record endpoints. */
async function recordsOf(stack: ChaosStack, panel: Panel, action: LoanAction): Promise<VenueRecord[]> {
  if (panel.exchange === 'kucoin') {
    const account = stack.sandbox.state.kucoinAccounts.get(CHAOS_SECRETS.kucoin.apiKey)!;
    const records = stack.sandbox.state.loans.records(account);
    const list = action === 'borrow' ? records.borrows : records.repays;
    return list
      .filter((r) => r.currency === panel.currency && r.symbol === (panel.marginMode === 'isolated' ? panel.symbol : ''))
      .map((r) => ({ id: r.orderNo, amount: r.size }));
  }
  const path = action === 'borrow' ? 'borrow_record' : 'repay_record';
  const response = await stack.sandbox(
    new Request(`http://sandbox.test/spot/v1/margin/isolated/${path}?symbol=${panel.symbol}&N=100`, { headers: { 'X-BM-KEY': CHAOS_SECRETS.bitmart.apiKey } }),
  );
  const json = (await response.json()) as { code: number; data: { records: Array<Record<string, string>> } };
  if (json.code !== 1000) throw new Error(`the sandbox would not list ${path}: ${JSON.stringify(json)}`);
  return json.data.records
    .filter((r) => r.currency === panel.currency)
    .map((r) => ({ id: r[action === 'borrow' ? 'borrow_id' : 'repay_id']!, amount: new Decimal(r[action === 'borrow' ? 'borrow_amount' : 'repaid_amount']!) }));
}

export interface LoanAudit {
  outcomes: LoanOutcome[];
  duplicates: string[];
  strays: string[];
  mismatches: string[];
  counts: CampaignCounts & { kucoin: number; bitmart: number; recordsAtVenue: number };
}

export async function runLoanCampaign(stack: ChaosStack, options: LoanCampaignOptions): Promise<LoanAudit> {
  const client: MarginClient = stack.client({ timeoutMs: options.timeoutMs, retry: { baseDelayMs: 20, maxDelayMs: 100 } });
  const venues = PANELS.map((p) => client.venue(p.exchange, p.marginMode));
  // The panel loads its limits before it lets anyone type: no faults yet, and no hurry.
  const clean = stack.client();
  const limits = await Promise.all(PANELS.map((p) => clean.venue(p.exchange, p.marginMode).limits({ currency: p.currency, symbol: p.symbol })));
  const droppedBefore = stack.recorded.droppedAnswers;
  const logsBefore = stack.recorded.logs.length;
  for (const rule of loanFaults(options.delayMs)) stack.sandbox.faults.add(rule);
  stack.setAnswerLoss(0.03);
  const results = await Promise.all(PANELS.map((panel, i) => runPanel(venues[i]!, i, panel, limits[i]!, options)));
  const fired = stack.sandbox.faults.fired;
  stack.sandbox.faults.clear();
  stack.setAnswerLoss(0);
  await sleep(options.delayMs + 200);

  const outcomes = results.flat();
  const duplicates: string[] = [];
  const strays: string[] = [];
  const mismatches: string[] = [];
  let recordsCounted = 0;
  for (const [index, panel] of PANELS.entries()) {
    for (const action of ['borrow', 'repay'] as const) {
      const records = await recordsOf(stack, panel, action);
      recordsCounted += records.length;
      // Invalid drafts were never sent: their text need not even be a number.
      const mine = outcomes.filter((o) => o.panel === index && o.action === action && o.kind !== 'invalid-draft');
      for (const record of records) {
        if (!mine.some((o) => record.amount.eq(o.amount))) strays.push(`${panel.exchange} ${panel.symbol ?? panel.currency} ${action} ${record.amount} (${record.id})`);
      }
      for (const o of mine) {
        const found = records.filter((r) => r.amount.eq(o.amount));
        const label = `${panel.exchange} ${panel.symbol ?? 'cross'} ${panel.currency} ${action} ${o.amount}`;
        if (found.length > 1) duplicates.push(`${label}: ${found.map((f) => f.id).join(', ')}`);
        if (o.final === 'placed' && (found.length !== 1 || found[0]!.id !== o.id)) mismatches.push(`${label} shown placed as ${o.id}, the venue has [${found.map((f) => f.id).join(', ')}]`);
        if (o.final !== 'placed' && found.length > 0) mismatches.push(`${label} shown ${o.final} (${o.reason}), the venue has [${found.map((f) => f.id).join(', ')}]`);
      }
    }
  }

  const count = (predicate: (o: LoanOutcome) => boolean) => outcomes.filter(predicate).length;
  const posts = stack.recorded.logs.slice(logsBefore).filter((line) => /"method":"POST"/.test(line)).length;
  const counts: LoanAudit['counts'] = {
    submits: outcomes.length,
    kucoin: count((o) => PANELS[o.panel]!.exchange === 'kucoin'),
    bitmart: count((o) => PANELS[o.panel]!.exchange === 'bitmart'),
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
    unknown: count((o) => o.final === 'unknown'),
    recordsAtVenue: recordsCounted,
    duplicates: duplicates.length,
    strays: strays.length,
    mismatches: mismatches.length,
    ...Object.fromEntries(Object.entries(fired).map(([kind, n]) => [`fault:${kind}`, n])),
    'fault:caller-answer-lost': stack.recorded.droppedAnswers - droppedBefore,
  };
  return { outcomes, duplicates, strays, mismatches, counts };
}
