import { buildQuery, unwrapResponse, type Transport } from '../../src/client/transport.js';
import { hmacSha256Base64, kucoinSign, bitmartSign } from '../../src/core/signing.js';
import { createSandboxExchange, DEMO_CREDENTIALS, type SandboxOptions } from '../../src/sandbox/index.js';

/** A sandbox on a clock the test moves by hand. */
export function sandboxAt(start = 1_700_000_000_000, options: SandboxOptions = {}) {
  let now = start;
  const sandbox = createSandboxExchange({ seed: 7, now: () => now, ...options });
  return {
    sandbox,
    get now() {
      return now;
    },
    advance(ms: number) {
      now += ms;
    },
  };
}

const BASE = 'https://sandbox.test';

/** Calls a KuCoin endpoint of the sandbox, signed with the demo key (or unsigned with `sign: false`). */
export async function kucoinCall(
  sandbox: (r: Request) => Promise<Response>,
  now: number,
  method: string,
  pathWithQuery: string,
  body?: unknown,
  options: { sign?: boolean; credentials?: typeof DEMO_CREDENTIALS.kucoin } = {},
): Promise<{ status: number; json: any }> {
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.sign !== false) {
    const c = options.credentials ?? DEMO_CREDENTIALS.kucoin;
    const timestamp = String(now);
    headers['KC-API-KEY'] = c.apiKey;
    headers['KC-API-TIMESTAMP'] = timestamp;
    headers['KC-API-SIGN'] = await kucoinSign(c.apiSecret, timestamp, method, pathWithQuery, text);
    headers['KC-API-PASSPHRASE'] = await hmacSha256Base64(c.apiSecret, c.apiPassphrase);
    headers['KC-API-KEY-VERSION'] = c.apiKeyVersion;
  }
  const response = await sandbox(new Request(`${BASE}${pathWithQuery}`, { method, headers, body: text || undefined }));
  return { status: response.status, json: await response.json() };
}

/** Calls a BitMart endpoint of the sandbox: SIGNED for POST, KEYED for GET. */
export async function bitmartCall(
  sandbox: (r: Request) => Promise<Response>,
  now: number,
  method: string,
  pathWithQuery: string,
  body?: unknown,
): Promise<{ status: number; json: any }> {
  const text = body === undefined ? '' : JSON.stringify(body);
  const c = DEMO_CREDENTIALS.bitmart;
  const headers: Record<string, string> = { 'content-type': 'application/json', 'X-BM-KEY': c.apiKey };
  if (method === 'POST') {
    const timestamp = String(now);
    headers['X-BM-TIMESTAMP'] = timestamp;
    headers['X-BM-SIGN'] = await bitmartSign(c.apiSecret, timestamp, c.memo, text);
  }
  const response = await sandbox(new Request(`${BASE}${pathWithQuery}`, { method, headers, body: text || undefined }));
  return { status: response.status, json: await response.json() };
}

/** The client's endpoint functions straight into the sandbox handler, signed as the proxy signs (KuCoin). */
export function sandboxTransport(t: { sandbox: (r: Request) => Promise<Response>; readonly now: number }): Transport {
  return {
    async send(request) {
      const query = buildQuery(request.query);
      const pathWithQuery = `${request.path}${query ? `?${query}` : ''}`;
      const body = request.body === undefined ? '' : JSON.stringify(request.body);
      const c = DEMO_CREDENTIALS.kucoin;
      const timestamp = String(t.now);
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'KC-API-KEY': c.apiKey,
        'KC-API-TIMESTAMP': timestamp,
        'KC-API-SIGN': await kucoinSign(c.apiSecret, timestamp, request.method, pathWithQuery, body),
        'KC-API-PASSPHRASE': await hmacSha256Base64(c.apiSecret, c.apiPassphrase),
        'KC-API-KEY-VERSION': c.apiKeyVersion,
      };
      const response = await t.sandbox(new Request(`${BASE}${pathWithQuery}`, { method: request.method, headers, body: body || undefined }));
      return unwrapResponse(request.venue, response.status, response.headers, await response.text());
    },
  };
}
