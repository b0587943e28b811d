/**
 * client -> signing proxy -> sandbox over real HTTP on 127.0.0.1, with recognizable secrets for
 * both venues, and everything that could leak recorded: every answer the client got (body and
 * headers), every proxy log line, anything written to the console, and every signature the proxy
 * sent upstream. A seeded layer in front of the proxy can drop the proxy's answer after it was
 * produced (the lost answer on the caller's leg).
 */
import { createHmac } from 'node:crypto';
import { createMarginClient, type MarginClient, type MarginClientOptions } from '../../../src/client/client.js';
import { serveFetchHandler, type FetchHandler, type ServedHandler } from '../../../src/node/serve.js';
import { createSigningProxy } from '../../../src/proxy/index.js';
import { createSandboxExchange, type SandboxExchange } from '../../../src/sandbox/index.js';

/** Recognizable secrets: any of them in an answer, a header or a log line is a leak. */
export const CHAOS_SECRETS = {
  kucoin: { apiKey: 'kc-key-CHAOS-5f1e2d', apiSecret: 'kc-secret-CHAOS-8a2b9c', apiPassphrase: 'kc-pass-CHAOS-c3d4e5', apiKeyVersion: '3' as const },
  bitmart: { apiKey: 'bm-key-CHAOS-77aa01', apiSecret: 'bm-secret-CHAOS-99bb02', memo: 'bm-memo-CHAOS-112203' },
  token: 'chaos-token-TEST-0123456789abcdef',
};

/** base64(HMAC-SHA256(secret, passphrase)): what KuCoin key version 2/3 sends, computed with node:crypto. */
export const HMACD_PASSPHRASE = createHmac('sha256', CHAOS_SECRETS.kucoin.apiSecret).update(CHAOS_SECRETS.kucoin.apiPassphrase).digest('base64');

/** Every needle the secret scan looks for (signatures are added as they are sent). */
export function secretNeedles(): string[] {
  const { kucoin, bitmart, token } = CHAOS_SECRETS;
  return [kucoin.apiKey, kucoin.apiSecret, kucoin.apiPassphrase, HMACD_PASSPHRASE, bitmart.apiKey, bitmart.apiSecret, bitmart.memo, token];
}

/** mulberry32: the seeded generator of the tests' own fault layer. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Recorded {
  /** `status headers body` of every answer the client read. */
  answers: string[];
  /** Proxy log lines. */
  logs: string[];
  /** console.log/info/warn/error output while the stack ran. */
  console: string[];
  /** KC-API-SIGN and X-BM-SIGN values the proxy sent to the sandbox. */
  signatures: Set<string>;
  /** Answers the caller's-leg fault layer dropped. */
  droppedAnswers: number;
}

export interface ChaosStack {
  sandbox: SandboxExchange;
  sandboxServer: ServedHandler;
  proxyServer: ServedHandler;
  recorded: Recorded;
  /** Chance that the proxy's answer to a POST is dropped after it was produced (default 0). */
  setAnswerLoss(probability: number): void;
  /** A client as a page would have it: the token, a short timeout, answers recorded. */
  client(options?: Partial<MarginClientOptions>): MarginClient;
  close(): Promise<void>;
}

/** The HTTP stack with the chaos account (both venues) and big balances, so funds never run out. */
export async function startChaosStack(seed: number): Promise<ChaosStack> {
  const recorded: Recorded = { answers: [], logs: [], console: [], signatures: new Set(), droppedAnswers: 0 };
  const sandbox = createSandboxExchange({
    seed,
    accounts: [
      {
        kucoin: CHAOS_SECRETS.kucoin,
        bitmart: CHAOS_SECRETS.bitmart,
        balances: { USDT: '100000000', BTC: '1000', ETH: '10000', SOL: '1000000' },
      },
    ],
  });
  const sandboxHandler: FetchHandler = (request) => {
    for (const name of ['kc-api-sign', 'x-bm-sign']) {
      const value = request.headers.get(name);
      if (value) recorded.signatures.add(value);
    }
    return sandbox(request);
  };
  const sandboxServer = await serveFetchHandler(sandboxHandler, { onThrow: 'drop-connection' });
  const proxy = createSigningProxy({
    kucoin: { ...CHAOS_SECRETS.kucoin, baseUrl: sandboxServer.url },
    bitmart: { ...CHAOS_SECRETS.bitmart, baseUrl: sandboxServer.url },
    token: CHAOS_SECRETS.token,
    // One caller sending thousands of requests: this is a fault test, the rate limit has its own.
    rateLimit: false,
    log: (line) => recorded.logs.push(line),
  });
  const random = seeded(seed ^ 0x5eed);
  let answerLoss = 0;
  const proxyServer = await serveFetchHandler(
    async (request, info) => {
      const response = await proxy(request, info);
      if (request.method === 'POST' && answerLoss > 0 && random() < answerLoss) {
        recorded.droppedAnswers += 1;
        throw new Error('chaos: the answer to the caller is lost');
      }
      return response;
    },
    { onThrow: 'drop-connection' },
  );

  const recordingFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await fetch(input, init);
    const copy = response.clone();
    const headers: string[] = [];
    copy.headers.forEach((value, name) => headers.push(`${name}: ${value}`));
    // Read the copy in the background: a body that breaks off is recorded as far as it came.
    void copy.text().then(
      (body) => recorded.answers.push(`${copy.status}\n${headers.join('\n')}\n${body}`),
      () => recorded.answers.push(`${copy.status}\n${headers.join('\n')}\n<body lost>`),
    );
    return response;
  }) as typeof globalThis.fetch;

  const methods = ['log', 'info', 'warn', 'error'] as const;
  const originals = methods.map((name) => console[name]);
  methods.forEach((name, i) => {
    console[name] = (...args: unknown[]) => {
      recorded.console.push(args.map((a) => (a instanceof Error ? `${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      originals[i]!.apply(console, args);
    };
  });

  return {
    sandbox,
    sandboxServer,
    proxyServer,
    recorded,
    setAnswerLoss: (p) => void (answerLoss = p),
    client: (options = {}) =>
      createMarginClient({
        proxyUrl: proxyServer.url,
        fetch: recordingFetch,
        headers: () => ({ authorization: `Bearer ${CHAOS_SECRETS.token}` }),
        ...options,
      }),
    async close() {
      methods.forEach((name, i) => (console[name] = originals[i]!));
      await proxyServer.close();
      await sandboxServer.close();
    },
  };
}

/** What a campaign counted; `fault:<kind>` entries say how often each fault fired. */
export interface CampaignCounts {
  [key: string]: number;
  submits: number;
  attempts: number;
  posts: number;
  placed: number;
  placedByAnswer: number;
  placedByLookup: number;
  placedAfterTimeout: number;
  rejected: number;
  rejectedValidation: number;
  rejectedVenue: number;
  rejectedRateLimit: number;
  notPlaced: number;
  unknown: number;
  duplicates: number;
  strays: number;
  mismatches: number;
}
