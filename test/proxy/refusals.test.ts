import { expect } from '@open-wc/testing';
import { createSigningProxy, type SigningProxyOptions } from '../../src/proxy/index.js';
import { captureFetch, NOW, requestWith, SECRETS } from './helpers.js';
import { CASE_ORIGIN, CASE_TOKEN, EXACT_BODY_CASES, REFUSAL_CASES, type RefusalCase } from './refusal-cases.js';

const PROXY = 'http://127.0.0.1:8787';

function setUp(refusal: RefusalCase) {
  const { fetch, calls } = captureFetch();
  const logs: string[] = [];
  const options: SigningProxyOptions = {
    kucoin: { apiKey: SECRETS.kucoinKey, apiSecret: SECRETS.kucoinSecret, apiPassphrase: SECRETS.kucoinPassphrase },
    bitmart: { apiKey: SECRETS.bitmartKey, apiSecret: SECRETS.bitmartSecret, memo: SECRETS.bitmartMemo, baseUrl: 'https://bitmart.test' },
    token: CASE_TOKEN,
    allowedOrigins: [CASE_ORIGIN],
    fetch,
    now: () => NOW,
    log: (line) => logs.push(line),
    ...refusal.options,
  };
  if (options.kucoin) options.kucoin = { ...options.kucoin, baseUrl: 'https://kucoin.test' };
  return { handler: createSigningProxy(options), calls, logs };
}

function requestFor(refusal: RefusalCase): Request {
  const headers: Record<string, string> = { authorization: `Bearer ${CASE_TOKEN}`, accept: 'application/json' };
  for (const [name, value] of Object.entries(refusal.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  // An absolute-form target reaches a server with its own Host; the URL is the server's.
  const url = refusal.target.startsWith('/') ? `${PROXY}${refusal.target}` : `${PROXY}${new URL(refusal.target).pathname}`;
  return requestWith(url, { method: refusal.method, headers, body: refusal.body });
}

describe('proxy refusals (fake upstream fetch): nothing refused is forwarded', () => {
  for (const refusal of REFUSAL_CASES) {
    it(`${refusal.status} ${refusal.code}: ${refusal.name}`, async () => {
      const { handler, calls, logs } = setUp(refusal);
      const info = { rawTarget: refusal.target, remoteAddress: '127.0.0.1' };
      for (let i = 0; i < (refusal.warmup ?? 0); i += 1) {
        expect((await handler(requestFor(refusal), info)).status).to.equal(200);
      }
      const forwardedBefore = calls.length;
      const response = await handler(requestFor(refusal), info);
      expect(response.status).to.equal(refusal.status);
      expect(response.headers.get('content-type')).to.match(/^application\/json/);
      const body = (await response.json()) as { error: string; check: string; message: string };
      expect(body.error).to.equal(refusal.code);
      expect(body.check).to.be.a('string').and.not.equal('');
      expect(body.message).to.be.a('string').and.not.equal('');
      // A page can read every refusal of its origin (issue 19): the browser shows it the body.
      const origin = refusal.headers?.origin;
      if (origin !== undefined && origin !== null && origin !== 'null') expect(response.headers.get('access-control-allow-origin')).to.equal(origin);
      expect(calls.length, 'forwarded').to.equal(forwardedBefore);
      expect(JSON.parse(logs.at(-1)!)).to.include({ status: refusal.status, error: refusal.code });
      if (refusal.code === 'rate_limited') expect(response.headers.get('retry-after')).to.match(/^\d+$/);
    });

    if (!refusal.rawOnly) {
      it(`${refusal.status} ${refusal.code}: ${refusal.name} (no raw target, as on an edge runtime)`, async () => {
        const { handler, calls } = setUp(refusal);
        for (let i = 0; i < (refusal.warmup ?? 0); i += 1) await handler(requestFor(refusal));
        const forwardedBefore = calls.length;
        const response = await handler(requestFor(refusal));
        expect(response.status).to.equal(refusal.status);
        expect(((await response.json()) as { error: string }).error).to.equal(refusal.code);
        expect(calls.length).to.equal(forwardedBefore);
      });
    }
  }

  for (const exact of EXACT_BODY_CASES) {
    it(`forwards ${exact.name} exactly as written`, async () => {
      const { handler, calls } = setUp({ name: '', method: 'POST', target: '', status: 0, code: '' });
      const response = await handler(requestFor({ name: '', method: 'POST', target: exact.target, headers: { 'content-type': 'application/json' }, body: exact.body, status: 0, code: '' }));
      expect(response.status).to.equal(200);
      expect(calls.at(-1)!.body).to.equal(exact.sent);
    });
  }

  it('lets the same requests through once the defect is removed (the table is not vacuous)', async () => {
    const { handler, calls } = setUp({ name: '', method: 'GET', target: '', status: 0, code: '' });
    const ok = [
      ['GET', '/kucoin/api/v3/margin/symbols?symbol=BTC-USDT', undefined],
      ['GET', '/kucoin/api/v1/mark-price/BTC-USDT/current', undefined],
      ['DELETE', '/kucoin/api/v3/hf/margin/orders?symbol=ETH-USDT,BTC-USDT', undefined],
      ['POST', '/kucoin/api/v3/hf/margin/order', JSON.stringify({ clientOid: 'c1', side: 'buy', symbol: 'BTC-USDT', type: 'limit', price: '100', size: '1' })],
    ] as const;
    for (const [method, target, body] of ok) {
      const response = await handler(
        requestFor({ name: '', method, target, body, headers: body ? { 'content-type': 'application/json', origin: CASE_ORIGIN } : {}, status: 0, code: '' }),
        { rawTarget: target },
      );
      expect(response.status, target).to.equal(200);
    }
    expect(calls.length).to.equal(ok.length);
  });
});
