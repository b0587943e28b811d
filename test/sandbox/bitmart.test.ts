import { expect } from '@open-wc/testing';
import { getIsolatedPairs } from '../../src/client/bitmart/margin-loan.js';
import { Hub } from '../../src/client/hub.js';
import { buildQuery, unwrapResponse, type Transport, type VenueRequest } from '../../src/client/transport.js';
import { bitmartVenue } from '../../src/client/venue.js';
import { Decimal } from '../../src/core/decimal.js';
import { bitmartSign } from '../../src/core/signing.js';
import { DEMO_CREDENTIALS } from '../../src/sandbox/index.js';
import { bitmartCall, sandboxAt } from '../helpers/sandbox.js';

const PAIRS = '/spot/v1/margin/isolated/pairs';
const BORROW = '/spot/v1/margin/isolated/borrow';
const REPAY = '/spot/v1/margin/isolated/repay';
const BORROW_RECORD = '/spot/v1/margin/isolated/borrow_record';
const REPAY_RECORD = '/spot/v1/margin/isolated/repay_record';
const HOUR = 3_600_000;

const SIDE_FIELDS = ['currency', 'daily_interest', 'hourly_interest', 'max_borrow_amount', 'min_borrow_amount', 'borrowable_amount'];
const BORROW_RECORD_FIELDS = ['borrow_id', 'symbol', 'currency', 'borrow_amount', 'daily_interest', 'hourly_interest', 'interest_amount', 'create_time'];
const REPAY_RECORD_FIELDS = ['repay_id', 'repay_time', 'symbol', 'currency', 'repaid_amount', 'repaid_principal', 'repaid_interest'];
const EIGHT_DECIMALS = /^\d+\.\d{8}$/;

type Clock = ReturnType<typeof sandboxAt>;

const call = (t: Clock, method: string, path: string, body?: unknown) => bitmartCall(t.sandbox, t.now, method, path, body);

async function ok(t: Clock, method: string, path: string, body?: unknown) {
  const { status, json } = await call(t, method, path, body);
  expect([status, json.code, json.message], JSON.stringify(json)).to.deep.equal([200, 1000, 'OK']);
  return json.data;
}

async function refused(t: Clock, method: string, path: string, body?: unknown): Promise<[number, number]> {
  const { status, json } = await call(t, method, path, body);
  expect(json.data, JSON.stringify(json)).to.deep.equal({});
  expect(typeof json.message).to.equal('string');
  return [status, json.code];
}

const pairOf = async (t: Clock, symbol: string) => (await ok(t, 'GET', `${PAIRS}?symbol=${symbol}`)).symbols[0];

/** The client's transport, minus ky: signs as the proxy does and unwraps with the client's own code. */
class SandboxTransport implements Transport {
  constructor(private readonly t: Clock) {}

  async send(request: VenueRequest): Promise<unknown> {
    const query = buildQuery(request.query);
    const body = request.body === undefined ? '' : JSON.stringify(request.body);
    const c = DEMO_CREDENTIALS.bitmart;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'X-BM-KEY': c.apiKey };
    if (request.method === 'POST') {
      headers['X-BM-TIMESTAMP'] = String(this.t.now);
      headers['X-BM-SIGN'] = await bitmartSign(c.apiSecret, String(this.t.now), c.memo, body);
    }
    const url = `https://sandbox.test${request.path}${query ? `?${query}` : ''}`;
    const response = await this.t.sandbox(new Request(url, { method: request.method, headers, body: body || undefined }));
    return unwrapResponse(request.venue, response.status, response.headers, await response.text());
  }
}

describe('sandbox: BitMart isolated margin loans', () => {
  describe('pairs', () => {
    it('lists every pair with the doc fields, 8-decimal amounts and hourly = daily / 24 rounded up', async () => {
      const t = sandboxAt();
      const { symbols } = await ok(t, 'GET', PAIRS);
      expect(symbols.map((p: { symbol: string }) => p.symbol)).to.deep.equal(['BTC_USDT', 'ETH_USDT', 'SOL_USDT', 'XRP_USDT', 'DOGE_USDT', 'LTC_USDT']);
      const btc = symbols[0];
      expect(Object.keys(btc)).to.deep.equal(['symbol', 'max_leverage', 'symbol_enabled', 'base', 'quote']);
      expect(btc.max_leverage).to.equal('10');
      expect(btc.symbol_enabled).to.equal(true);
      for (const side of [btc.base, btc.quote]) {
        expect(Object.keys(side)).to.deep.equal(SIDE_FIELDS);
        for (const field of SIDE_FIELDS) expect(typeof side[field], field).to.equal('string');
        for (const field of ['max_borrow_amount', 'min_borrow_amount', 'borrowable_amount']) expect(side[field]).to.match(EIGHT_DECIMALS);
      }
      expect(btc.base).to.deep.equal({
        currency: 'BTC',
        daily_interest: '0.0005',
        hourly_interest: '0.00002084', // 0.0005 / 24 = 0.0000208333...
        max_borrow_amount: '10.00000000',
        min_borrow_amount: '0.00010000',
        borrowable_amount: '10.00000000',
      });
      expect(btc.quote.hourly_interest).to.equal('0.00001250'); // 0.0003 / 24, exact
      expect(btc.quote.max_borrow_amount).to.equal('200000.00000000');
    });

    it('shows the disabled pair as not enabled, with nothing borrowable', async () => {
      const t = sandboxAt();
      const ltc = await pairOf(t, 'LTC_USDT');
      expect(ltc.symbol_enabled).to.equal(false);
      expect(ltc.base.borrowable_amount).to.equal('0.00000000');
      expect(ltc.base.max_borrow_amount).to.equal('500.00000000');
    });

    it('takes one symbol or a comma-separated list; unknown pairs are left out', async () => {
      const t = sandboxAt();
      const names = async (query: string) =>
        (await ok(t, 'GET', `${PAIRS}?symbol=${query}`)).symbols.map((p: { symbol: string }) => p.symbol);
      expect(await names('ETH_USDT')).to.deep.equal(['ETH_USDT']);
      expect(await names('BTC_USDT,XRP_USDT')).to.deep.equal(['BTC_USDT', 'XRP_USDT']);
      expect(await names('BTC_USDT,%20ETH_USDT')).to.deep.equal(['BTC_USDT', 'ETH_USDT']);
      expect(await names('NOPE_USDT')).to.deep.equal([]);
    });

    it('refuses unknown parameters with 50000', async () => {
      const t = sandboxAt();
      expect(await refused(t, 'GET', `${PAIRS}?symbols=BTC_USDT`)).to.deep.equal([400, 50000]);
    });
  });

  describe('borrow', () => {
    it('lends into the pair wallet, returns borrow_id and lowers borrowable_amount', async () => {
      const t = sandboxAt();
      const data = await ok(t, 'POST', BORROW, { symbol: 'BTC_USDT', currency: 'BTC', amount: '1.5' });
      expect(Object.keys(data)).to.deep.equal(['borrow_id']);
      expect(data.borrow_id).to.match(/^\d+$/);
      const account = t.sandbox.state.bitmartAccounts.get(DEMO_CREDENTIALS.bitmart.apiKey)!;
      const wallet = account.wallet('BTC_USDT');
      expect(wallet.balance('BTC').available.toString()).to.equal('1.5');
      expect(wallet.liability('BTC').principal.toString()).to.equal('1.5');
      expect((await pairOf(t, 'BTC_USDT')).base.borrowable_amount).to.equal('8.50000000');
      // the quote side and other pairs are untouched
      expect((await pairOf(t, 'BTC_USDT')).quote.borrowable_amount).to.equal('200000.00000000');
      expect((await pairOf(t, 'ETH_USDT')).base.borrowable_amount).to.equal('100.00000000');
      const second = await ok(t, 'POST', BORROW, { symbol: 'BTC_USDT', currency: 'USDT', amount: '100.12345678' });
      expect(second.borrow_id).not.to.equal(data.borrow_id);
      expect(wallet.balance('USDT').available.toString()).to.equal('10100.12345678');
    });

    it('validates as BitMart does, each refusal with its code and nothing applied', async () => {
      const t = sandboxAt();
      const borrow = (body: unknown) => refused(t, 'POST', BORROW, body);
      expect(await borrow({ currency: 'BTC', amount: '1' })).to.deep.equal([400, 50000]);
      expect(await borrow({ symbol: 'BTC_USDT', amount: '1' })).to.deep.equal([400, 50000]);
      expect(await borrow({ symbol: 'BTC_USDT', currency: 'BTC' })).to.deep.equal([400, 50000]);
      expect(await borrow({ symbol: 'BTC_USDT', currency: 'BTC', amount: '1', side: 'buy' })).to.deep.equal([400, 50000]);
      expect(await borrow({ symbol: 'BTC_USDT', currency: 'BTC', amount: 'abc' })).to.deep.equal([400, 50000]);
      expect(await borrow({ symbol: 'BTC_USDT', currency: 'BTC', amount: '-1' })).to.deep.equal([400, 50000]);
      expect(await borrow({ symbol: 'BTC_USDT', currency: 'BTC', amount: '0' })).to.deep.equal([400, 50021]);
      expect(await borrow({ symbol: 'BTC_USDT', currency: 'BTC', amount: '0.123456789' })).to.deep.equal([400, 50021]);
      expect(await borrow({ symbol: 'NOPE_USDT', currency: 'NOPE', amount: '1' })).to.deep.equal([400, 50001]);
      expect(await borrow({ symbol: 'BTC_USDT', currency: 'ETH', amount: '1' })).to.deep.equal([400, 51000]);
      expect(await borrow({ symbol: 'LTC_USDT', currency: 'LTC', amount: '1' })).to.deep.equal([400, 50040]);
      expect(await borrow({ symbol: 'BTC_USDT', currency: 'BTC', amount: '0.00009999' })).to.deep.equal([400, 51005]);
      expect(await borrow({ symbol: 'BTC_USDT', currency: 'BTC', amount: '10.00000001' })).to.deep.equal([400, 51004]);
      expect((await ok(t, 'GET', `${BORROW_RECORD}?symbol=BTC_USDT`)).records).to.deep.equal([]);
      expect((await pairOf(t, 'BTC_USDT')).base.borrowable_amount).to.equal('10.00000000');
    });

    it('accepts exactly 8 decimals and the whole limit, then refuses anything more', async () => {
      const t = sandboxAt();
      await ok(t, 'POST', BORROW, { symbol: 'BTC_USDT', currency: 'BTC', amount: '9.99999999' });
      expect(await refused(t, 'POST', BORROW, { symbol: 'BTC_USDT', currency: 'BTC', amount: '0.0001' })).to.deep.equal([400, 51004]);
      expect((await pairOf(t, 'BTC_USDT')).base.borrowable_amount).to.equal('0.00000001');
    });
  });

  describe('interest and repay', () => {
    it('accrues hourly interest on the clock into the record, the debt and borrowable_amount', async () => {
      const t = sandboxAt();
      const { borrow_id } = await ok(t, 'POST', BORROW, { symbol: 'BTC_USDT', currency: 'BTC', amount: '2' });
      t.advance(HOUR / 2 - 1); // start is 46.7 min before an hour boundary: none crossed yet
      let [record] = (await ok(t, 'GET', `${BORROW_RECORD}?symbol=BTC_USDT`)).records;
      expect(record.interest_amount).to.equal('0.00000000');
      t.advance(HOUR);
      [record] = (await ok(t, 'GET', `${BORROW_RECORD}?symbol=BTC_USDT`)).records;
      expect(record.borrow_id).to.equal(borrow_id);
      expect(record.interest_amount).to.equal('0.00004168'); // 2 x 0.00002084
      t.advance(3 * HOUR);
      [record] = (await ok(t, 'GET', `${BORROW_RECORD}?symbol=BTC_USDT`)).records;
      expect(record.interest_amount).to.equal('0.00016672'); // four hours
      const wallet = t.sandbox.state.bitmartAccounts.get(DEMO_CREDENTIALS.bitmart.apiKey)!.wallet('BTC_USDT');
      expect(wallet.debt('BTC').toString()).to.equal('2.00016672');
      expect((await pairOf(t, 'BTC_USDT')).base.borrowable_amount).to.equal('7.99983328');
    });

    it('repays interest first, then principal, and stops charging what was repaid', async () => {
      const t = sandboxAt();
      await ok(t, 'POST', BORROW, { symbol: 'BTC_USDT', currency: 'BTC', amount: '2' });
      t.advance(HOUR);
      const data = await ok(t, 'POST', REPAY, { symbol: 'BTC_USDT', currency: 'BTC', amount: '1' });
      expect(Object.keys(data)).to.deep.equal(['repay_id']);
      expect(data.repay_id).to.match(/^\d+$/);
      const [repay] = (await ok(t, 'GET', `${REPAY_RECORD}?symbol=BTC_USDT`)).records;
      expect(Object.keys(repay)).to.deep.equal(REPAY_RECORD_FIELDS);
      expect(repay).to.deep.equal({
        repay_id: data.repay_id,
        repay_time: Math.floor(t.now / 1000),
        symbol: 'BTC_USDT',
        currency: 'BTC',
        repaid_amount: '1.00000000',
        repaid_principal: '0.99995832',
        repaid_interest: '0.00004168',
      });
      // the next hour charges the 1.00004168 still lent, not the 2 first borrowed
      t.advance(HOUR);
      const [record] = (await ok(t, 'GET', `${BORROW_RECORD}?symbol=BTC_USDT`)).records;
      expect(record.interest_amount).to.equal('0.00006253'); // 0.00004168 + 1.00004168 x 0.00002084, rounded up
      const wallet = t.sandbox.state.bitmartAccounts.get(DEMO_CREDENTIALS.bitmart.apiKey)!.wallet('BTC_USDT');
      expect(wallet.debt('BTC').toString()).to.equal('1.00006253');
      // repaying everything owed (the interest from a deposit) clears the debt; nothing accrues after
      wallet.credit('BTC', new Decimal('0.1'));
      await ok(t, 'POST', REPAY, { symbol: 'BTC_USDT', currency: 'BTC', amount: '1.00006253' });
      expect(wallet.debt('BTC').isZero()).to.equal(true);
      t.advance(5 * HOUR);
      expect((await ok(t, 'GET', `${BORROW_RECORD}?symbol=BTC_USDT`)).records[0].interest_amount).to.equal('0.00006253');
      expect((await pairOf(t, 'BTC_USDT')).base.borrowable_amount).to.equal('10.00000000');
    });

    it('refuses a repay with no debt, above the debt, or above the balance', async () => {
      const t = sandboxAt();
      const repay = (body: unknown) => refused(t, 'POST', REPAY, body);
      expect(await repay({ symbol: 'BTC_USDT', currency: 'BTC', amount: '1' })).to.deep.equal([400, 51024]);
      await ok(t, 'POST', BORROW, { symbol: 'BTC_USDT', currency: 'BTC', amount: '1' });
      expect(await repay({ symbol: 'BTC_USDT', currency: 'USDT', amount: '1' })).to.deep.equal([400, 51024]);
      expect(await repay({ symbol: 'ETH_USDT', currency: 'ETH', amount: '1' })).to.deep.equal([400, 51024]);
      expect(await repay({ symbol: 'BTC_USDT', currency: 'BTC', amount: '1.00000001' })).to.deep.equal([400, 51006]);
      expect(await repay({ symbol: 'BTC_USDT', currency: 'XRP', amount: '1' })).to.deep.equal([400, 51000]);
      expect(await repay({ symbol: 'BTC_USDT', currency: 'BTC', amount: '0.000000001' })).to.deep.equal([400, 50021]);
      t.advance(2 * HOUR); // debt 1.00004168 (two boundaries), balance still 1
      expect(await repay({ symbol: 'BTC_USDT', currency: 'BTC', amount: '1.00004168' })).to.deep.equal([400, 50020]);
      expect((await ok(t, 'GET', `${REPAY_RECORD}?symbol=BTC_USDT`)).records).to.deep.equal([]);
    });
  });

  describe('records', () => {
    it('borrow records: doc fields, seconds, newest first, N, borrow_id and an inclusive time range in seconds', async () => {
      const t = sandboxAt();
      const start = Math.floor(t.now / 1000);
      const ids: string[] = [];
      for (const amount of ['0.1', '0.2', '0.3']) {
        ids.push((await ok(t, 'POST', BORROW, { symbol: 'BTC_USDT', currency: 'BTC', amount })).borrow_id);
        t.advance(10_000);
      }
      await ok(t, 'POST', BORROW, { symbol: 'ETH_USDT', currency: 'ETH', amount: '1' });
      const all = (await ok(t, 'GET', `${BORROW_RECORD}?symbol=BTC_USDT`)).records;
      expect(all.map((r: { borrow_id: string }) => r.borrow_id)).to.deep.equal([...ids].reverse());
      expect(Object.keys(all[0])).to.deep.equal(BORROW_RECORD_FIELDS);
      expect(all[2]).to.deep.equal({
        borrow_id: ids[0],
        symbol: 'BTC_USDT',
        currency: 'BTC',
        borrow_amount: '0.10000000',
        daily_interest: '0.0005',
        hourly_interest: '0.00002084',
        interest_amount: '0.00000000',
        create_time: start,
      });
      expect(typeof all[0].create_time).to.equal('number');
      const get = async (query: string) =>
        (await ok(t, 'GET', `${BORROW_RECORD}?symbol=BTC_USDT&${query}`)).records.map((r: { borrow_id: string }) => r.borrow_id);
      expect(await get('N=2')).to.deep.equal([ids[2], ids[1]]);
      expect(await get(`borrow_id=${ids[1]}`)).to.deep.equal([ids[1]]);
      expect(await get(`start_time=${start + 10}&end_time=${start + 20}`)).to.deep.equal([ids[2], ids[1]]);
      expect(await get(`start_time=${start + 11}`)).to.deep.equal([ids[2]]);
      expect(await get(`end_time=${start + 9}`)).to.deep.equal([ids[0]]);
      expect(await get('borrow_id=1')).to.deep.equal([]);
      expect((await ok(t, 'GET', `${BORROW_RECORD}?symbol=ETH_USDT`)).records).to.have.length(1);
    });

    it('returns at most 100 and 50 by default', async () => {
      const t = sandboxAt();
      for (let i = 0; i < 101; i += 1) await ok(t, 'POST', BORROW, { symbol: 'XRP_USDT', currency: 'XRP', amount: '1' });
      expect((await ok(t, 'GET', `${BORROW_RECORD}?symbol=XRP_USDT`)).records).to.have.length(50);
      expect((await ok(t, 'GET', `${BORROW_RECORD}?symbol=XRP_USDT&N=100`)).records).to.have.length(100);
      expect((await ok(t, 'GET', `${BORROW_RECORD}?symbol=XRP_USDT&N=1`)).records).to.have.length(1);
    });

    it('refuses a missing symbol, N outside 1..100, a reversed range and unknown parameters', async () => {
      const t = sandboxAt();
      for (const path of [BORROW_RECORD, REPAY_RECORD]) {
        expect(await refused(t, 'GET', path), path).to.deep.equal([400, 50000]);
        for (const n of ['0', '101', '1.5', 'x']) expect(await refused(t, 'GET', `${path}?symbol=BTC_USDT&N=${n}`), n).to.deep.equal([400, 50000]);
        expect(await refused(t, 'GET', `${path}?symbol=BTC_USDT&start_time=abc`)).to.deep.equal([400, 50000]);
        expect(await refused(t, 'GET', `${path}?symbol=BTC_USDT&start_time=20&end_time=10`)).to.deep.equal([400, 52004]);
        expect(await refused(t, 'GET', `${path}?symbol=BTC_USDT&limit=10`)).to.deep.equal([400, 50000]);
        expect(await refused(t, 'GET', `${path}?symbol=NOPE_USDT`)).to.deep.equal([400, 50001]);
      }
      expect(await refused(t, 'GET', `${REPAY_RECORD}?symbol=BTC_USDT&currency=ETH`)).to.deep.equal([400, 51000]);
    });

    it('repay records filter by currency and repay_id, newest first', async () => {
      const t = sandboxAt();
      await ok(t, 'POST', BORROW, { symbol: 'BTC_USDT', currency: 'BTC', amount: '1' });
      await ok(t, 'POST', BORROW, { symbol: 'BTC_USDT', currency: 'USDT', amount: '100' });
      const a = (await ok(t, 'POST', REPAY, { symbol: 'BTC_USDT', currency: 'BTC', amount: '0.5' })).repay_id;
      t.advance(1000);
      const b = (await ok(t, 'POST', REPAY, { symbol: 'BTC_USDT', currency: 'USDT', amount: '50' })).repay_id;
      const ids = async (query: string) =>
        (await ok(t, 'GET', `${REPAY_RECORD}?symbol=BTC_USDT${query}`)).records.map((r: { repay_id: string }) => r.repay_id);
      expect(await ids('')).to.deep.equal([b, a]);
      expect(await ids('&currency=BTC')).to.deep.equal([a]);
      expect(await ids(`&repay_id=${b}`)).to.deep.equal([b]);
      expect(await ids('&N=1')).to.deep.equal([b]);
    });

    it('keeps each API key to its own loans', async () => {
      const other = { apiKey: 'other-bm-key', apiSecret: 'other-bm-secret', memo: 'other-memo' };
      const t = sandboxAt(1_700_000_000_000, { accounts: [{ bitmart: DEMO_CREDENTIALS.bitmart }, { bitmart: other }] });
      await ok(t, 'POST', BORROW, { symbol: 'BTC_USDT', currency: 'BTC', amount: '3' });
      const response = await t.sandbox(
        new Request(`https://sandbox.test${PAIRS}?symbol=BTC_USDT`, { headers: { 'X-BM-KEY': other.apiKey } }),
      );
      const json = await response.json();
      expect(json.data.symbols[0].base.borrowable_amount).to.equal('10.00000000');
      const records = await t.sandbox(
        new Request(`https://sandbox.test${BORROW_RECORD}?symbol=BTC_USDT`, { headers: { 'X-BM-KEY': other.apiKey } }),
      );
      expect((await records.json()).data.records).to.deep.equal([]);
    });
  });

  describe('through the client', () => {
    it('the client readers and bitmartVenue accept every answer, times converted from seconds', async () => {
      const t = sandboxAt();
      const transport = new SandboxTransport(t);
      const pairs = await getIsolatedPairs(transport, { symbol: ['BTC_USDT', 'LTC_USDT'] });
      expect(pairs.map((p) => [p.symbol, p.symbol_enabled, p.max_leverage.toString()])).to.deep.equal([
        ['BTC_USDT', true, '10'],
        ['LTC_USDT', false, '10'],
      ]);

      const venue = bitmartVenue(transport, new Hub());
      const limits = await venue.limits({ symbol: 'ETH_USDT', currency: 'ETH' });
      expect(limits.borrowEnabled).to.equal(true);
      expect(limits.borrowMinAmount?.toString()).to.equal('0.001');
      expect(limits.borrowableAmount?.toString()).to.equal('100');
      expect(limits.hourlyRate?.toString()).to.equal('0.00002084');
      expect((await venue.limits({ symbol: 'LTC_USDT', currency: 'LTC' })).borrowEnabled).to.equal(false);

      const borrowedAt = t.now;
      const borrowed = await venue.borrow({ symbol: 'ETH_USDT', currency: 'ETH', amount: '1.25' });
      expect((await venue.limits({ symbol: 'ETH_USDT', currency: 'ETH' })).borrowableAmount?.toString()).to.equal('98.75');
      t.advance(HOUR);
      const repaid = await venue.repay({ symbol: 'ETH_USDT', currency: 'ETH', amount: '0.5' });

      const borrows = await venue.history('borrow', { symbol: 'ETH_USDT', currency: 'ETH', startTime: borrowedAt - 1000 });
      expect(borrows.items).to.have.length(1);
      expect(borrows.items[0]!.id).to.equal(borrowed.orderId);
      expect(borrows.items[0]!.amount.toString()).to.equal('1.25');
      expect(borrows.items[0]!.time).to.equal(Math.floor(borrowedAt / 1000) * 1000);
      const repays = await venue.history('repay', { symbol: 'ETH_USDT', currency: 'ETH' });
      expect(repays.items.map((r) => [r.id, r.amount.toString(), r.interest?.toString()])).to.deep.equal([
        [repaid.orderId, '0.5', '0.00002605'], // 1.25 x 0.00002084, rounded up
      ]);
      const found = await venue.findOperations('borrow', { symbol: 'ETH_USDT', currency: 'ETH', amount: '1.25' }, borrowedAt);
      expect(found.map((r) => r.id)).to.deep.equal([borrowed.orderId]);
      // A second borrow of the same amount a minute later: both are candidates, so a caller that
      // knows the first can still find the second (the look-up must not stop at the first match).
      t.advance(60_000);
      const again = await venue.borrow({ symbol: 'ETH_USDT', currency: 'ETH', amount: '1.25' });
      const both = await venue.findOperations('borrow', { symbol: 'ETH_USDT', currency: 'ETH', amount: '1.25' }, borrowedAt);
      expect(both.map((r) => r.id).sort()).to.deep.equal([borrowed.orderId, again.orderId].sort());
      // a range that ends before the borrow finds nothing
      const none = await venue.history('borrow', { symbol: 'ETH_USDT', currency: 'ETH', startTime: borrowedAt - 60_000, endTime: borrowedAt - 2000 });
      expect(none.items).to.deep.equal([]);
    });
  });
});
