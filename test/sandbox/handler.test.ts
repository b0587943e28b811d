import { expect } from '@open-wc/testing';
import { MalformedResponseError, RateLimitError } from '../../src/client/errors.js';
import { unwrapResponse } from '../../src/client/transport.js';
import { bitmartSign, hmacSha256Base64, kucoinPassphrase, kucoinSign } from '../../src/core/signing.js';
import { DEMO_CREDENTIALS, type FaultRule } from '../../src/sandbox/index.js';
import { bitmartCall, kucoinCall, sandboxAt } from '../helpers/sandbox.js';

type Clock = ReturnType<typeof sandboxAt>;

const BASE = 'https://sandbox.test';
const KC = DEMO_CREDENTIALS.kucoin;
const BM = DEMO_CREDENTIALS.bitmart;
/** A signed KuCoin GET; auth is checked before the endpoint runs, whatever the endpoint does. */
const RISK_LIMIT = '/api/v3/margin/currencies';
const KUCOIN_BORROW = '/api/v3/margin/borrow';
const MARGIN_CONFIG = '/api/v1/margin/config';
const PAIRS = '/spot/v1/margin/isolated/pairs';
const BORROW = '/spot/v1/margin/isolated/borrow';
const BORROW_RECORD = '/spot/v1/margin/isolated/borrow_record';
const BTC_BORROW = { symbol: 'BTC_USDT', currency: 'BTC', amount: '1' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KUCOIN_AUTH_CODES = ['400001', '400002', '400003', '400004', '400005'];

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

async function send(t: Clock, method: string, pathWithQuery: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  const response = await t.sandbox(new Request(`${BASE}${pathWithQuery}`, { method, headers, body }));
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** KuCoin headers as the proxy sends them for a v3 key; `sign` lets a test sign something else. */
async function kucoinHeaders(
  now: number,
  method: string,
  pathWithQuery: string,
  body = '',
  sign: { secret?: string; timestamp?: number; pathWithQuery?: string; body?: string } = {},
): Promise<Record<string, string>> {
  const timestamp = String(sign.timestamp ?? now);
  return {
    'content-type': 'application/json',
    'KC-API-KEY': KC.apiKey,
    'KC-API-TIMESTAMP': timestamp,
    'KC-API-SIGN': await kucoinSign(sign.secret ?? KC.apiSecret, timestamp, method, sign.pathWithQuery ?? pathWithQuery, sign.body ?? body),
    'KC-API-PASSPHRASE': await kucoinPassphrase(KC.apiSecret, KC.apiPassphrase),
    'KC-API-KEY-VERSION': KC.apiKeyVersion,
  };
}

async function bitmartHeaders(timestamp: number, body: string, sign: { secret?: string; memo?: string; body?: string } = {}): Promise<Record<string, string>> {
  return {
    'content-type': 'application/json',
    'X-BM-KEY': BM.apiKey,
    'X-BM-TIMESTAMP': String(timestamp),
    'X-BM-SIGN': await bitmartSign(sign.secret ?? BM.apiSecret, String(timestamp), sign.memo ?? BM.memo, sign.body ?? body),
  };
}

function without(headers: Record<string, string>, name: string): Record<string, string> {
  const copy = { ...headers };
  delete copy[name];
  return copy;
}

function expectKucoinError(answer: Answer, status: number, code: string): void {
  expect([answer.status, answer.json?.code], answer.text).to.deep.equal([status, code]);
  expect(Object.keys(answer.json)).to.deep.equal(['code', 'msg']);
  expect(answer.json.msg).to.be.a('string').and.not.equal('');
}

function expectBitmartError(answer: Answer, status: number, code: number): void {
  expect([answer.status, answer.json?.code], answer.text).to.deep.equal([status, code]);
  expect(Object.keys(answer.json)).to.deep.equal(['code', 'message', 'trace', 'data']);
  expect(answer.json.message).to.be.a('string').and.not.equal('');
  expect(answer.json.trace).to.match(UUID);
  expect(answer.json.data).to.deep.equal({});
}

/** Passed authentication: whatever the endpoint then says, it is not a 401 nor a 4000xx code. */
function expectAuthenticated(answer: Answer): void {
  expect(answer.status, answer.text).not.to.equal(401);
  expect(KUCOIN_AUTH_CODES).not.to.include(answer.json?.code);
}

const borrowRecords = async (t: Clock) => (await bitmartCall(t.sandbox, t.now, 'GET', `${BORROW_RECORD}?symbol=BTC_USDT`)).json.data.records;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

describe('sandbox handler', () => {
  describe('KuCoin authentication', () => {
    it('accepts a correctly signed request and public endpoints without any header', async () => {
      const t = sandboxAt();
      expectAuthenticated(await send(t, 'GET', RISK_LIMIT, await kucoinHeaders(t.now, 'GET', RISK_LIMIT)));
      const query = `${RISK_LIMIT}?currency=BTC`;
      expectAuthenticated(await send(t, 'GET', query, await kucoinHeaders(t.now, 'GET', query)));
      const open = await send(t, 'GET', MARGIN_CONFIG);
      expect([open.status, open.json.code]).to.deep.equal([200, '200000']);
      // headers on a public endpoint are not checked either
      const junk = await send(t, 'GET', MARGIN_CONFIG, { 'KC-API-KEY': 'nobody', 'KC-API-SIGN': 'x' });
      expect(junk.status).to.equal(200);
    });

    it('400001: any of the four headers missing', async () => {
      const t = sandboxAt();
      const headers = await kucoinHeaders(t.now, 'GET', RISK_LIMIT);
      for (const name of ['KC-API-KEY', 'KC-API-SIGN', 'KC-API-TIMESTAMP', 'KC-API-PASSPHRASE']) {
        expectKucoinError(await send(t, 'GET', RISK_LIMIT, without(headers, name)), 401, '400001');
      }
      expectKucoinError(await send(t, 'GET', RISK_LIMIT), 401, '400001');
    });

    it('400002: a timestamp more than 5 s from the sandbox clock, or not a number', async () => {
      const t = sandboxAt();
      for (const offset of [-5001, 5001, -60_000]) {
        const headers = await kucoinHeaders(t.now, 'GET', RISK_LIMIT, '', { timestamp: t.now + offset });
        expectKucoinError(await send(t, 'GET', RISK_LIMIT, headers), 401, '400002');
      }
      for (const offset of [-5000, 5000]) {
        expectAuthenticated(await send(t, 'GET', RISK_LIMIT, await kucoinHeaders(t.now + offset, 'GET', RISK_LIMIT)));
      }
      const headers = { ...(await kucoinHeaders(t.now, 'GET', RISK_LIMIT)), 'KC-API-TIMESTAMP': 'yesterday' };
      expectKucoinError(await send(t, 'GET', RISK_LIMIT, headers), 401, '400002');
      // the window follows the sandbox clock, not the wall clock
      const signedEarlier = await kucoinHeaders(t.now, 'GET', RISK_LIMIT);
      t.advance(5001);
      expectKucoinError(await send(t, 'GET', RISK_LIMIT, signedEarlier), 401, '400002');
    });

    it('400003: a key the sandbox does not know', async () => {
      const t = sandboxAt();
      const headers = { ...(await kucoinHeaders(t.now, 'GET', RISK_LIMIT)), 'KC-API-KEY': 'someone-else' };
      expectKucoinError(await send(t, 'GET', RISK_LIMIT, headers), 401, '400003');
    });

    it('400004: a wrong passphrase, one sent in clear to a v3 key, or a key version that does not match', async () => {
      const t = sandboxAt();
      const good = await kucoinHeaders(t.now, 'GET', RISK_LIMIT);
      const cases: Array<[string, Record<string, string>]> = [
        ['wrong passphrase', { ...good, 'KC-API-PASSPHRASE': await hmacSha256Base64(KC.apiSecret, 'not-the-passphrase') }],
        ['passphrase in clear', { ...good, 'KC-API-PASSPHRASE': KC.apiPassphrase }],
        ['v2 header for a v3 key', { ...good, 'KC-API-KEY-VERSION': '2' }],
        ['no version header (v1) for a v3 key', without(good, 'KC-API-KEY-VERSION')],
        ['v1 with the clear passphrase', { ...without(good, 'KC-API-KEY-VERSION'), 'KC-API-PASSPHRASE': KC.apiPassphrase }],
      ];
      for (const [name, headers] of cases) {
        const answer = await send(t, 'GET', RISK_LIMIT, headers);
        expect(answer.json.code, name).to.equal('400004');
        expectKucoinError(answer, 401, '400004');
      }
    });

    it('400004 both ways for a v2 key: v2 is accepted, v3 is refused', async () => {
      const v2 = { apiKey: 'v2-key', apiSecret: 'v2-secret', apiPassphrase: 'v2-pass', apiKeyVersion: '2' as const };
      const t = sandboxAt(1_700_000_000_000, { accounts: [{ kucoin: v2 }] });
      const headers = async (version: string) => ({
        'KC-API-KEY': v2.apiKey,
        'KC-API-TIMESTAMP': String(t.now),
        'KC-API-SIGN': await kucoinSign(v2.apiSecret, String(t.now), 'GET', RISK_LIMIT, ''),
        'KC-API-PASSPHRASE': await kucoinPassphrase(v2.apiSecret, v2.apiPassphrase),
        'KC-API-KEY-VERSION': version,
      });
      expectAuthenticated(await send(t, 'GET', RISK_LIMIT, await headers('2')));
      expectKucoinError(await send(t, 'GET', RISK_LIMIT, await headers('3')), 401, '400004');
    });

    it('400005: a wrong signature, or a query, body or method changed after signing', async () => {
      const t = sandboxAt();
      const wrongSecret = await kucoinHeaders(t.now, 'GET', RISK_LIMIT, '', { secret: 'not-the-secret' });
      expectKucoinError(await send(t, 'GET', RISK_LIMIT, wrongSecret), 401, '400005');

      const signed = `${RISK_LIMIT}?currency=BTC`;
      const headers = await kucoinHeaders(t.now, 'GET', signed);
      expectAuthenticated(await send(t, 'GET', signed, headers));
      expectKucoinError(await send(t, 'GET', `${RISK_LIMIT}?currency=ETH`, headers), 401, '400005');
      expectKucoinError(await send(t, 'GET', `${RISK_LIMIT}?currency=BTC&isIsolated=false`, headers), 401, '400005');
      expectKucoinError(await send(t, 'GET', RISK_LIMIT, headers), 401, '400005');

      const body = JSON.stringify({ currency: 'USDT', size: '10', timeInForce: 'IOC' });
      const postHeaders = await kucoinHeaders(t.now, 'POST', KUCOIN_BORROW, body);
      const altered = JSON.stringify({ currency: 'USDT', size: '10000', timeInForce: 'IOC' });
      expectKucoinError(await send(t, 'POST', KUCOIN_BORROW, postHeaders, altered), 401, '400005');
      // the same headers on a GET of the same path: the method is signed too
      expectKucoinError(await send(t, 'GET', KUCOIN_BORROW, postHeaders), 401, '400005');
    });
  });

  describe('BitMart authentication', () => {
    it('KEYED GETs need only X-BM-KEY: 30001 without it, 30002 for an unknown key', async () => {
      const t = sandboxAt();
      const keyOnly = await send(t, 'GET', PAIRS, { 'X-BM-KEY': BM.apiKey });
      expect([keyOnly.status, keyOnly.json.code]).to.deep.equal([200, 1000]);
      // a KEYED call does not look at the signature at all
      const junkSign = await send(t, 'GET', PAIRS, { 'X-BM-KEY': BM.apiKey, 'X-BM-SIGN': 'junk', 'X-BM-TIMESTAMP': '1' });
      expect(junkSign.status).to.equal(200);
      expectBitmartError(await send(t, 'GET', PAIRS), 401, 30001);
      expectBitmartError(await send(t, 'GET', PAIRS, { 'X-BM-KEY': '' }), 401, 30001);
      expectBitmartError(await send(t, 'GET', PAIRS, { 'X-BM-KEY': 'nobody' }), 401, 30002);
      expectBitmartError(await send(t, 'GET', BORROW_RECORD + '?symbol=BTC_USDT', { 'X-BM-KEY': 'nobody' }), 401, 30002);
    });

    it('SIGNED POSTs: 30001, 30002, 30006, 30008, 30007, 30004 and 30005 as auth.ts checks them', async () => {
      const t = sandboxAt();
      const body = JSON.stringify(BTC_BORROW);
      const good = await bitmartHeaders(t.now, body);
      const cases: Array<[string, Record<string, string>, number, string?]> = [
        ['no key', without(good, 'X-BM-KEY'), 30001],
        ['unknown key', { ...good, 'X-BM-KEY': 'nobody' }, 30002],
        ['no timestamp', without(good, 'X-BM-TIMESTAMP'), 30006],
        ['timestamp not a number', { ...good, 'X-BM-TIMESTAMP': '2024-01-01' }, 30008],
        ['timestamp 60.001 s old', await bitmartHeaders(t.now - 60_001, body), 30007],
        ['timestamp 60.001 s ahead', await bitmartHeaders(t.now + 60_001, body), 30007],
        ['no signature', without(good, 'X-BM-SIGN'), 30004],
        ['wrong secret', await bitmartHeaders(t.now, body, { secret: 'not-the-secret' }), 30005],
        ['wrong memo', await bitmartHeaders(t.now, body, { memo: 'not-the-memo' }), 30005],
        ['body changed after signing', good, 30005, JSON.stringify({ ...BTC_BORROW, amount: '9' })],
      ];
      for (const [name, headers, code, sentBody] of cases) {
        const answer = await send(t, 'POST', BORROW, headers, sentBody ?? body);
        expect(answer.json?.code, name).to.equal(code);
        expectBitmartError(answer, 401, code);
      }
      expect(await borrowRecords(t), 'nothing was borrowed').to.deep.equal([]);
      for (const offset of [-60_000, 60_000]) {
        const answer = await send(t, 'POST', BORROW, await bitmartHeaders(t.now + offset, body), body);
        expect([answer.status, answer.json.code], String(offset)).to.deep.equal([200, 1000]);
      }
      expect(await borrowRecords(t)).to.have.length(2);
    });
  });

  describe('envelopes', () => {
    it('KuCoin success: exactly { code: "200000", data }', async () => {
      const t = sandboxAt();
      const answer = await send(t, 'GET', MARGIN_CONFIG);
      expect(answer.headers.get('content-type')).to.contain('application/json');
      expect(Object.keys(answer.json)).to.deep.equal(['code', 'data']);
      expect(answer.json.code).to.equal('200000');
      expect(answer.json.data).to.include.keys('currencyList', 'maxLeverage');
    });

    it('BitMart success: exactly { code: 1000, message: "OK", trace, data }', async () => {
      const t = sandboxAt();
      const answer = await send(t, 'GET', PAIRS, { 'X-BM-KEY': BM.apiKey });
      expect(answer.headers.get('content-type')).to.contain('application/json');
      expect(Object.keys(answer.json)).to.deep.equal(['code', 'message', 'trace', 'data']);
      expect([answer.json.code, answer.json.message]).to.deep.equal([1000, 'OK']);
      expect(answer.json.trace).to.match(UUID);
      const again = await send(t, 'GET', PAIRS, { 'X-BM-KEY': BM.apiKey });
      expect(again.json.trace, 'a trace per answer').not.to.equal(answer.json.trace);
    });

    it('errors: KuCoin { code, msg }, BitMart { code (a number), message, trace, data: {} }', async () => {
      const t = sandboxAt();
      expectKucoinError(await send(t, 'GET', `${MARGIN_CONFIG}?foo=1`), 400, '400100');
      const bitmart = await bitmartCall(t.sandbox, t.now, 'GET', `${PAIRS}?foo=1`);
      expectBitmartError({ status: bitmart.status, json: bitmart.json, headers: new Headers(), text: '' }, 400, 50000);
    });

    it('refuses a body that is not JSON, or not a JSON object, after checking the signature', async () => {
      const t = sandboxAt();
      for (const text of ['not json', '{"symbol":', '[1,2]', '"BTC_USDT"', 'null', '42']) {
        expectBitmartError(await send(t, 'POST', BORROW, await bitmartHeaders(t.now, text), text), 400, 50000);
        expectKucoinError(await send(t, 'POST', KUCOIN_BORROW, await kucoinHeaders(t.now, 'POST', KUCOIN_BORROW, text), text), 400, '400100');
      }
      // unsigned garbage is an auth failure first
      expectBitmartError(await send(t, 'POST', BORROW, { 'X-BM-KEY': BM.apiKey }, 'not json'), 401, 30006);
      expect(await borrowRecords(t)).to.deep.equal([]);
    });

    it('answers 404 for unknown paths and methods, in the venue envelope', async () => {
      const t = sandboxAt();
      expectKucoinError(await send(t, 'GET', '/api/v1/withdrawals'), 404, '404000');
      expectKucoinError(await send(t, 'PUT', MARGIN_CONFIG), 404, '404000');
      expectBitmartError(await send(t, 'GET', '/spot/v1/wallet', { 'X-BM-KEY': BM.apiKey }), 404, 30000);
      expectBitmartError(await send(t, 'DELETE', PAIRS, { 'X-BM-KEY': BM.apiKey }), 404, 30000);
      const elsewhere = await send(t, 'GET', '/index.html');
      expect(elsewhere.status).to.equal(404);
    });
  });

  describe('fault injection', () => {
    const withFaults = (faults: FaultRule[]) => sandboxAt(1_700_000_000_000, { faults });

    it('delay: the answer comes later, and is the normal answer', async () => {
      const t = withFaults([{ kind: 'delay', delayMs: 40, path: MARGIN_CONFIG }]);
      const order: string[] = [];
      const slow = send(t, 'GET', MARGIN_CONFIG).then((a) => (order.push('delayed'), a));
      const fast = send(t, 'GET', '/api/v3/margin/symbols').then((a) => (order.push('other'), a));
      const [slowAnswer, fastAnswer] = await Promise.all([slow, fast]);
      expect(order).to.deep.equal(['other', 'delayed']);
      expect([slowAnswer.status, slowAnswer.json.code]).to.deep.equal([200, '200000']);
      expect(fastAnswer.status).to.equal(200);
      expect(t.sandbox.faults.fired.delay).to.equal(1);
    });

    it('lose-response: the borrow IS applied, and the caller gets a TypeError as from a reset connection', async () => {
      const t = withFaults([{ kind: 'lose-response', path: BORROW, times: 1 }]);
      const error = await rejection(bitmartCall(t.sandbox, t.now, 'POST', BORROW, BTC_BORROW));
      expect(error).to.be.instanceOf(TypeError);
      const records = await borrowRecords(t);
      expect(records).to.have.length(1);
      expect(records[0].borrow_amount).to.equal('1.00000000');
      const wallet = t.sandbox.state.bitmartAccounts.get(BM.apiKey)!.wallet('BTC_USDT');
      expect(wallet.balance('BTC').available.toString()).to.equal('1');
      expect(t.sandbox.faults.fired['lose-response']).to.equal(1);
      // spent after one: the next borrow answers
      const next = await bitmartCall(t.sandbox, t.now, 'POST', BORROW, BTC_BORROW);
      expect(next.json.code).to.equal(1000);
    });

    it('lose-response on a KuCoin market endpoint throws a TypeError too', async () => {
      const t = withFaults([{ kind: 'lose-response', path: /^\/api\/v3\/mark-price\// }]);
      expect(await rejection(send(t, 'GET', '/api/v3/mark-price/all-symbols'))).to.be.instanceOf(TypeError);
      expect((await send(t, 'GET', MARGIN_CONFIG)).status).to.equal(200);
    });

    it('reset: throws a TypeError and nothing is applied', async () => {
      const t = withFaults([{ kind: 'reset', path: BORROW }]);
      expect(await rejection(bitmartCall(t.sandbox, t.now, 'POST', BORROW, BTC_BORROW))).to.be.instanceOf(TypeError);
      expect(await borrowRecords(t)).to.deep.equal([]);
      expect(t.sandbox.state.bitmartAccounts.get(BM.apiKey)!.symbols).to.deep.equal([]);
      expect(t.sandbox.faults.fired.reset).to.equal(1);
    });

    it('server-error: 503 in the venue error envelope, nothing applied', async () => {
      const t = withFaults([{ kind: 'server-error', path: BORROW }, { kind: 'server-error', path: MARGIN_CONFIG }]);
      const bitmart = await bitmartCall(t.sandbox, t.now, 'POST', BORROW, BTC_BORROW);
      expect([bitmart.status, bitmart.json.code]).to.deep.equal([503, 30014]);
      expect(bitmart.json.trace).to.match(UUID);
      expect(await borrowRecords(t)).to.deep.equal([]);
      expectKucoinError(await send(t, 'GET', MARGIN_CONFIG), 503, '500000');
    });

    it('rate-limit: 429 with the venue rate-limit headers, which the client reads as a wait; nothing applied', async () => {
      const t = withFaults([{ kind: 'rate-limit', path: BORROW }, { kind: 'rate-limit', path: MARGIN_CONFIG }]);
      const kucoin = await send(t, 'GET', MARGIN_CONFIG);
      expectKucoinError(kucoin, 429, '429000');
      expect(kucoin.headers.get('gw-ratelimit-remaining')).to.equal('0');
      expect(kucoin.headers.get('gw-ratelimit-limit')).to.match(/^\d+$/);
      expect(kucoin.headers.get('gw-ratelimit-reset')).to.match(/^\d+$/);
      const kucoinError = await rejection(Promise.resolve().then(() => unwrapResponse('kucoin', kucoin.status, kucoin.headers, kucoin.text)));
      expect(kucoinError).to.be.instanceOf(RateLimitError);
      expect((kucoinError as RateLimitError).retryAfterMs).to.equal(Number(kucoin.headers.get('gw-ratelimit-reset')));

      const bitmart = await send(t, 'POST', BORROW, await bitmartHeaders(t.now, JSON.stringify(BTC_BORROW)), JSON.stringify(BTC_BORROW));
      expectBitmartError(bitmart, 429, 30013);
      for (const name of ['X-BM-RateLimit-Remaining', 'X-BM-RateLimit-Limit', 'X-BM-RateLimit-Reset']) {
        expect(bitmart.headers.get(name), name).to.match(/^\d+$/);
      }
      const bitmartError = await rejection(Promise.resolve().then(() => unwrapResponse('bitmart', bitmart.status, bitmart.headers, bitmart.text)));
      expect((bitmartError as RateLimitError).retryAfterMs).to.equal(Number(bitmart.headers.get('X-BM-RateLimit-Reset')) * 1000);
      expect(await borrowRecords(t)).to.deep.equal([]);
    });

    it('malformed: 200 with a body that is not JSON, after the action was applied', async () => {
      const t = withFaults([{ kind: 'malformed', path: BORROW }]);
      const body = JSON.stringify(BTC_BORROW);
      const answer = await send(t, 'POST', BORROW, await bitmartHeaders(t.now, body), body);
      expect(answer.status).to.equal(200);
      expect(answer.json).to.equal(undefined);
      const error = await rejection(Promise.resolve().then(() => unwrapResponse('bitmart', answer.status, answer.headers, answer.text)));
      expect(error).to.be.instanceOf(MalformedResponseError);
      expect(await borrowRecords(t)).to.have.length(1);
    });

    it('times: a rule fires that many times, then is spent', async () => {
      const t = withFaults([{ kind: 'server-error', path: PAIRS, times: 2 }]);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await send(t, 'GET', PAIRS, { 'X-BM-KEY': BM.apiKey })).status);
      expect(statuses).to.deep.equal([503, 503, 200, 200]);
      expect(t.sandbox.faults.fired['server-error']).to.equal(2);
    });

    it('method and path filters; rules added and cleared at run time', async () => {
      const t = sandboxAt();
      t.sandbox.faults.add({ kind: 'server-error', method: 'POST', path: /^\/spot\/v1\/margin\/isolated\// });
      expect((await bitmartCall(t.sandbox, t.now, 'GET', PAIRS)).status).to.equal(200);
      expect((await bitmartCall(t.sandbox, t.now, 'POST', BORROW, BTC_BORROW)).status).to.equal(503);
      expect((await send(t, 'GET', MARGIN_CONFIG)).status).to.equal(200);
      t.sandbox.faults.clear();
      expect((await bitmartCall(t.sandbox, t.now, 'POST', BORROW, BTC_BORROW)).status).to.equal(200);
    });

    it('probability: drawn from the seeded generator, the same pattern for the same seed', async () => {
      const pattern = async (seed: number, probability: number) => {
        const t = sandboxAt(1_700_000_000_000, { seed, faults: [{ kind: 'server-error', path: MARGIN_CONFIG, probability }] });
        let marks = '';
        for (let i = 0; i < 40; i += 1) marks += (await send(t, 'GET', MARGIN_CONFIG)).status === 503 ? 'x' : '.';
        return marks;
      };
      const first = await pattern(7, 0.5);
      expect(await pattern(7, 0.5)).to.equal(first);
      const failed = first.split('').filter((m) => m === 'x').length;
      expect(failed, first).to.be.within(8, 32);
      expect(await pattern(8, 0.5), 'another seed, another pattern').not.to.equal(first);
      expect(await pattern(7, 0)).to.equal('.'.repeat(40));
      expect(await pattern(7, 1)).to.equal('x'.repeat(40));
    });
  });

  describe('seeded determinism', () => {
    const HOUR_AND_A_BIT = 3_700_000;

    /** One session of mixed calls on a hand-moved clock; every answer's status and exact text. */
    async function session(seed: number): Promise<string[]> {
      const t = sandboxAt(1_700_000_000_000, { seed, faults: [{ kind: 'server-error', path: '/api/v3/mark-price/all-symbols', probability: 0.3 }] });
      const log: string[] = [];
      const record = (a: Answer) => log.push(`${a.status} ${a.text}`);
      const bitmart = async (method: string, path: string, body?: unknown) => {
        const text = body === undefined ? undefined : JSON.stringify(body);
        const headers = method === 'POST' ? await bitmartHeaders(t.now, text ?? '') : { 'X-BM-KEY': BM.apiKey };
        record(await send(t, method, path, headers, text));
      };
      for (let step = 0; step < 3; step += 1) {
        t.advance(45_000);
        record(await send(t, 'GET', '/api/v3/mark-price/all-symbols'));
        record(await send(t, 'GET', '/api/v1/mark-price/BTC-USDT/current'));
        await bitmart('GET', `${PAIRS}?symbol=BTC_USDT`);
        await bitmart('POST', BORROW, { symbol: 'BTC_USDT', currency: 'USDT', amount: `${100 + step}.5` });
        await bitmart('GET', `${PAIRS}?symbol=BTC_USDT&bad=1`);
        t.advance(HOUR_AND_A_BIT);
        await bitmart('GET', `${BORROW_RECORD}?symbol=BTC_USDT`);
        record(await send(t, 'GET', '/api/v3/etf/info'));
        const k = await kucoinCall(t.sandbox, t.now, 'GET', '/api/v3/margin/symbols?symbol=ETH-USDT', undefined, { sign: false });
        log.push(`${k.status} ${JSON.stringify(k.json)}`);
      }
      return log;
    }
    it('two sandboxes with the same seed and clock give byte-identical answers', async () => {
      const a = await session(7);
      const b = await session(7);
      expect(a.length).to.equal(24);
      expect(a).to.deep.equal(b);
      // the session did real work: interest accrued on the clock
      expect(a.join('\n')).to.contain('"interest_amount":"0.00125625"'); // 100.5 x 0.0000125, one hour
    });

    it('a different seed gives different prices, traces and faults', async () => {
      const a = await session(7);
      const b = await session(8);
      expect(a).not.to.deep.equal(b);
      const markA = a.find((line) => line.includes('"BTC-USDT","timePoint"'));
      const markB = b.find((line) => line.includes('"BTC-USDT","timePoint"'));
      expect(markA).not.to.equal(markB);
    });
  });
});
