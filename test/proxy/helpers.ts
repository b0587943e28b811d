import { createSigningProxy } from '../../src/proxy/index.js';
import type { FetchHandler, ProxyLogEntry, SigningProxyOptions } from '../../src/proxy/index.js';

/** Recognizable secrets: a scan for them in answers and logs must find nothing. */
export const SECRETS = {
  kucoinKey: 'kc-key-TEST-0001',
  kucoinSecret: 'kc-secret-TEST-1234',
  kucoinPassphrase: 'kc-passphrase-TEST',
  /** base64(HMAC-SHA256(kucoinSecret, kucoinPassphrase)), computed with node:crypto. */
  kucoinPassphraseHmac: 'o3J2j+COw3R4DAtYh7NKK0LXyiuruEr2Qcfd039ey6E=',
  bitmartKey: 'bm-key-TEST-0002',
  bitmartSecret: 'bm-secret-TEST-5678',
  bitmartMemo: 'bm-memo-TEST',
  token: 'proxy-token-TEST-abcdefghijklmnop',
} as const;

export const NOW = 1_700_000_000_000;
export const PROXY = 'http://127.0.0.1:8787';
export const PAGE_ORIGIN = 'https://app.example.com';

export interface CapturedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

export interface FakeAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An upstream fetch that records each call and answers with a KuCoin-style success by default. */
export function captureFetch(answer: (call: CapturedCall) => FakeAnswer | Promise<FakeAnswer> = () => ({})) {
  const calls: CapturedCall[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const call: CapturedCall = { url: request.url, method: request.method, headers, body: await request.text() };
    calls.push(call);
    const { status = 200, body = { code: '200000', data: { ok: true } }, headers: answerHeaders = {} } = await answer(call);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...answerHeaders },
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

/**
 * A Request that keeps `Origin` and `Host`: browsers drop those "forbidden" headers from a
 * constructed Request, but a server-side runtime sees them, so tests must be able to send them.
 */
export function requestWith(url: string, init: RequestInit = {}): Request {
  const real = new Request(url, init);
  const headers = new Headers(init.headers);
  return new Proxy(real, {
    get(target, property) {
      if (property === 'headers') return headers;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export interface TestProxy {
  handler: FetchHandler;
  calls: CapturedCall[];
  logs: string[];
  entries: ProxyLogEntry[];
  clock: { now: number };
}

/** A proxy with both venues' keys, a token, a fixed clock and captured upstream and logs. */
export function testProxy(overrides: Partial<SigningProxyOptions> = {}, answer?: Parameters<typeof captureFetch>[0]): TestProxy {
  const { fetch, calls } = captureFetch(answer);
  const logs: string[] = [];
  const entries: ProxyLogEntry[] = [];
  const clock = { now: NOW };
  const options: SigningProxyOptions = {
    kucoin: {
      apiKey: SECRETS.kucoinKey,
      apiSecret: SECRETS.kucoinSecret,
      apiPassphrase: SECRETS.kucoinPassphrase,
      baseUrl: 'https://kucoin.test',
    },
    bitmart: { apiKey: SECRETS.bitmartKey, apiSecret: SECRETS.bitmartSecret, memo: SECRETS.bitmartMemo, baseUrl: 'https://bitmart.test' },
    token: SECRETS.token,
    allowedOrigins: [PAGE_ORIGIN],
    fetch,
    now: () => clock.now,
    log: (line, entry) => {
      logs.push(line);
      entries.push(entry);
    },
    ...overrides,
  };
  return { handler: createSigningProxy(options), calls, logs, entries, clock };
}

export const AUTH = { authorization: `Bearer ${SECRETS.token}` };

/** A call as the client sends it: token, JSON accept, and a JSON body when given. */
export function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Request {
  const init: RequestInit = { method, headers: { ...AUTH, accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  return requestWith(`${PROXY}${path}`, init);
}

export async function errorOf(response: Response): Promise<{ error: string; message: string }> {
  return (await response.json()) as { error: string; message: string };
}
