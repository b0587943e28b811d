import { createInPageStack, type InPageStack } from '../../../demo/in-page-stack.js';
import { configure, getMarginClient } from '../../../src/client/client.js';
import type { MarginTradeType } from '../../../src/client/kucoin/orders.js';
import type { FaultRule } from '../../../src/sandbox/index.js';

export const T0 = 1_700_000_000_000;
export const HF_ORDER = '/api/v3/hf/margin/order';
/** Short waits so a settled outcome shows within a test's time. */
export const FAST_LOOKUP = { firstDelayMs: 50, maxDelayMs: 200, settleMs: 600 };

export interface SentRequest {
  method: string;
  /** The venue path (without the proxy's `/kucoin` prefix). */
  path: string;
  query: string;
  /** The JSON body exactly as the client sent it. */
  body: Record<string, unknown> | undefined;
}

export interface TicketStack {
  stack: InPageStack;
  /** Every request the page's client sent, with its body: what reaches the venue, as the doc names it. */
  sent: SentRequest[];
  /** Requests the client sent to `METHOD /path` (exact path). */
  sentTo(method: string, path: string): SentRequest[];
  /** Answer matching requests in the page instead of the proxy (a proxy refusal, an empty list). */
  intercept(handler: ((request: Request) => Response | undefined) | undefined): void;
  /** Requests that reached the sandbox starting with `METHOD /path`. */
  count(prefix: string): number;
  /** Requests that reached the sandbox since the last `mark()`. */
  sinceMark(): string[];
  mark(): void;
  /** Every order the venue holds for the symbol (open and done): what "never two orders" is counted on. */
  ordersAtVenue(symbol: string, tradeType?: MarginTradeType): Promise<number>;
  fault(rule: FaultRule): void;
  advance(ms: number): void;
}

/** The in-page stack on a clock that stands still unless moved (no random walk under a test). */
export function ticketStack(options: { timeoutMs?: number } = {}): TicketStack {
  let now = T0;
  // With two test pages open at once, one is a background tab (document.hidden), where the hub
  // rightly pauses its polls; the ticket's polls are under test here, so the page counts as shown.
  const visibility = { isHidden: () => false, subscribe: () => () => {} };
  const stack = createInPageStack({ now: () => now, page: { timeoutMs: options.timeoutMs ?? 4000, hub: { visibility } } });
  let marked = 0;
  const sent: SentRequest[] = [];
  let interceptor: ((request: Request) => Response | undefined) | undefined;
  const recording = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const raw = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.clone().text();
    sent.push({
      method: request.method,
      path: url.pathname.replace(/^\/kucoin/, ''),
      query: url.search,
      body: raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined,
    });
    return interceptor?.(request) ?? stack.fetch(request);
  }) as typeof globalThis.fetch;
  configure({ fetch: recording });
  return {
    stack,
    sent,
    sentTo: (method, path) => sent.filter((r) => r.method === method && r.path === path),
    intercept: (handler) => void (interceptor = handler),
    count: (prefix) => stack.upstream.filter((r) => r.startsWith(prefix)).length,
    mark: () => void (marked = stack.upstream.length),
    sinceMark: () => stack.upstream.slice(marked),
    async ordersAtVenue(symbol, tradeType = 'MARGIN_TRADE') {
      const client = getMarginClient(stack.proxyUrl);
      const open = await client.kucoin.getOpenOrders({ symbol, tradeType });
      const done = await client.kucoin.getClosedOrders({ symbol, tradeType, limit: 100 });
      return open.length + done.items.length;
    },
    fault: (rule) => stack.sandbox.faults.add(rule),
    advance: (ms) => void (now += ms),
  };
}
