import { expect } from '@open-wc/testing';
import { ExchangeError } from '../../src/client/errors.js';
import {
  getLoanMarket,
  getLoanMarketInterestRate,
  getPurchaseOrders,
  getRedeemOrders,
  modifyPurchase,
  purchase,
  redeem,
} from '../../src/client/kucoin/lending.js';
import { Decimal } from '../../src/core/decimal.js';
import { DEMO_CREDENTIALS } from '../../src/sandbox/index.js';
import { kucoinCall, sandboxAt, sandboxTransport } from '../helpers/sandbox.js';

type Sandbox = ReturnType<typeof sandboxAt>;
const HOUR = 3_600_000;


const post = (t: Sandbox, path: string, body: unknown) => kucoinCall(t.sandbox, t.now, 'POST', path, body);
const get = (t: Sandbox, pathWithQuery: string) => kucoinCall(t.sandbox, t.now, 'GET', pathWithQuery);
const mainBalance = (t: Sandbox, currency: string) =>
  t.sandbox.state.kucoinAccounts.get(DEMO_CREDENTIALS.kucoin.apiKey)!.main.balance(currency).available;

async function refusal(promise: Promise<unknown>): Promise<ExchangeError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ExchangeError);
    return error as ExchangeError;
  }
  throw new Error('expected a refusal');
}

const sorted = (o: object) => Object.keys(o).sort();
const LOAN_MARKET_FIELDS = [
  'currency', 'purchaseEnable', 'redeemEnable', 'increment', 'minPurchaseSize', 'minInterestRate', 'maxInterestRate',
  'interestIncrement', 'maxPurchaseSize', 'marketInterestRate', 'autoPurchaseEnable',
].sort();
const PAGE_FIELDS = ['currentPage', 'pageSize', 'totalNum', 'totalPage', 'items'].sort();
const PURCHASE_FIELDS = ['currency', 'purchaseOrderNo', 'purchaseSize', 'matchSize', 'interestRate', 'incomeSize', 'applyTime', 'status'].sort();
const REDEEM_FIELDS = ['currency', 'purchaseOrderNo', 'redeemOrderNo', 'redeemSize', 'receiptSize', 'applyTime', 'status'].sort();

/** The UTC hour label the venue writes, `YYYYMMDDHH00`. */
function hourLabel(ms: number): string {
  return new Date(ms).toISOString().replace(/[-T:]/g, '').slice(0, 10) + '00';
}

describe('sandbox: lending market', () => {
  it('answers every lending endpoint as the client readers expect, with exactly the doc fields', async () => {
    const t = sandboxAt();
    const transport = sandboxTransport(t);

    const market = await getLoanMarket(transport);
    expect(market.length).to.be.greaterThan(10);
    const usdt = (await getLoanMarket(transport, { currency: 'USDT' }))[0]!;
    expect(usdt.increment!.toString()).to.equal('1');
    expect(usdt.interestIncrement.toString()).to.equal('0.0001');
    const rawMarket = (await kucoinCall(t.sandbox, t.now, 'GET', '/api/v3/project/list', undefined, { sign: false })).json.data;
    for (const item of rawMarket) {
      expect(sorted(item)).to.deep.equal(LOAN_MARKET_FIELDS);
      for (const field of ['increment', 'minPurchaseSize', 'maxPurchaseSize', 'minInterestRate', 'maxInterestRate', 'interestIncrement', 'marketInterestRate']) {
        expect(typeof item[field], field).to.equal('string');
      }
      for (const field of ['purchaseEnable', 'redeemEnable', 'autoPurchaseEnable']) expect(typeof item[field], field).to.equal('boolean');
    }
    expect(rawMarket.find((m: { currency: string }) => m.currency === 'LUNC').purchaseEnable).to.equal(false);

    const rates = await getLoanMarketInterestRate(transport, { currency: 'USDT' });
    expect(rates.length).to.equal(168);
    const rawRates = (await kucoinCall(t.sandbox, t.now, 'GET', '/api/v3/project/marketInterestRate?currency=USDT', undefined, { sign: false })).json.data;
    expect(sorted(rawRates[0])).to.deep.equal(['marketInterestRate', 'time']);

    const bought = await purchase(transport, { currency: 'USDT', size: '100', interestRate: '0.05' });
    expect(bought.orderNo).to.match(/^[0-9a-f]{24}$/);
    expect(await modifyPurchase(transport, { currency: 'USDT', purchaseOrderNo: bought.orderNo, interestRate: '0.06' })).to.equal('');
    const orders = await getPurchaseOrders(transport, { status: 'PENDING' });
    expect(orders.items.map((p) => [p.purchaseOrderNo, p.purchaseSize.toString(), p.interestRate.toString(), p.status, p.applyTime])).to.deep.equal([
      [bought.orderNo, '100', '0.06', 'PENDING', t.now],
    ]);
    const rawOrders = (await get(t, '/api/v3/purchase/orders?status=PENDING')).json.data;
    expect(sorted(rawOrders)).to.deep.equal(PAGE_FIELDS);
    expect(sorted(rawOrders.items[0])).to.deep.equal(PURCHASE_FIELDS);
    expect(typeof rawOrders.items[0].applyTime).to.equal('number');

    const redeemed = await redeem(transport, { currency: 'USDT', size: '40', purchaseOrderNo: bought.orderNo });
    const redeems = await getRedeemOrders(transport, { status: 'DONE' });
    expect(redeems.items.map((d) => [d.redeemOrderNo, d.purchaseOrderNo, d.redeemSize.toString(), d.receiptSize.toString(), d.applyTime])).to.deep.equal([
      [redeemed.orderNo, bought.orderNo, '40', '40', t.now],
    ]);
    const rawRedeems = (await get(t, '/api/v3/redeem/orders?status=DONE')).json.data;
    expect(sorted(rawRedeems)).to.deep.equal(PAGE_FIELDS);
    expect(sorted(rawRedeems.items[0])).to.deep.equal(REDEEM_FIELDS);
    // The doc types the redeem order's applyTime a string.
    expect(rawRedeems.items[0].applyTime).to.equal(String(t.now));
  });

  it('walks the market rate hourly over 7 days, seeded, around each currency rate', async () => {
    const t = sandboxAt();
    const { json } = await kucoinCall(t.sandbox, t.now, 'GET', '/api/v3/project/marketInterestRate?currency=BTC', undefined, { sign: false });
    const points: Array<{ time: string; marketInterestRate: string }> = json.data;
    expect(points).to.have.length(168);
    const hour = Math.floor(t.now / HOUR) * HOUR;
    expect(points.map((p) => p.time)).to.deep.equal(Array.from({ length: 168 }, (_, i) => hourLabel(hour - (167 - i) * HOUR)));
    for (const p of points) {
      const rate = new Decimal(p.marketInterestRate);
      // BTC's rate is 0.0123: the walk stays within 25% of it, on the 0.0001 increment.
      expect(rate.gte('0.0092') && rate.lte('0.0154'), p.marketInterestRate).to.equal(true);
      expect(rate.mod('0.0001').isZero()).to.equal(true);
    }
    expect(new Set(points.map((p) => p.marketInterestRate)).size).to.be.greaterThan(3);

    // The loan market's latest rate is the last point.
    const market = (await kucoinCall(t.sandbox, t.now, 'GET', '/api/v3/project/list?currency=BTC', undefined, { sign: false })).json.data;
    expect(market[0].marketInterestRate).to.equal(points[167]!.marketInterestRate);

    // Same seed, same walk; another seed, another walk.
    const same = sandboxAt();
    const other = sandboxAt(1_700_000_000_000, { seed: 8 });
    const path = '/api/v3/project/marketInterestRate?currency=BTC';
    expect((await kucoinCall(same.sandbox, same.now, 'GET', path, undefined, { sign: false })).json.data).to.deep.equal(points);
    expect((await kucoinCall(other.sandbox, other.now, 'GET', path, undefined, { sign: false })).json.data).not.to.deep.equal(points);

    // An hour later the window moves by one point.
    t.advance(HOUR);
    const later: typeof points = (await kucoinCall(t.sandbox, t.now, 'GET', path, undefined, { sign: false })).json.data;
    expect(later.slice(0, 167)).to.deep.equal(points.slice(1));

    for (const query of ['', '?currency=BTC,ETH', '?currency=NOPE', '?currency=BTC&foo=1']) {
      const bad = await kucoinCall(t.sandbox, t.now, 'GET', `/api/v3/project/marketInterestRate${query}`, undefined, { sign: false });
      expect([bad.status, bad.json.code], query).to.deep.equal([400, '400100']);
    }
    expect((await kucoinCall(t.sandbox, t.now, 'GET', '/api/v3/project/list?currency=NOPE', undefined, { sign: false })).json.code).to.equal('400100');
  });

  it('refuses purchases off the increment, outside the limits, disabled or unfunded', async () => {
    const t = sandboxAt();
    const cases: Array<[unknown, string, string]> = [
      [{ currency: 'LUNC', size: '1000', interestRate: '0.05' }, '130301', 'Purchasing LUNC is not enabled'],
      [{ currency: 'USDT', size: '1.5', interestRate: '0.05' }, '130301', 'size must be a multiple of the increment 1'],
      [{ currency: 'USDT', size: '0', interestRate: '0.05' }, '130301', 'size must be a multiple of the increment 1'],
      [{ currency: 'KCS', size: '0.5', interestRate: '0.05' }, '130301', 'size is below the minimum purchase size 1'],
      [{ currency: 'USDT', size: '1000001', interestRate: '0.05' }, '130301', 'size is above the maximum purchase size 1000000'],
      [{ currency: 'USDT', size: '10', interestRate: '0.05005' }, '130301', 'interestRate must be a multiple of the interest increment 0.0001'],
      [{ currency: 'USDT', size: '10', interestRate: '0.004' }, '130301', 'interestRate must be from 0.005 to 0.32'],
      [{ currency: 'USDT', size: '10', interestRate: '0.33' }, '130301', 'interestRate must be from 0.005 to 0.32'],
      [{ currency: 'USDT', size: '200000', interestRate: '0.05' }, '200004', 'Balance insufficient!'],
      [{ currency: 'NOPE', size: '10', interestRate: '0.05' }, '400100', 'NOPE is not a lending currency'],
      [{ currency: 'USDT', size: '10' }, '400100', 'interestRate is required'],
      [{ currency: 'USDT', size: '10', interestRate: '0.05', term: '7' }, '400100', 'term is not a parameter of this endpoint'],
    ];
    for (const [body, code, msg] of cases) {
      const { status, json } = await post(t, '/api/v3/purchase', body);
      expect([status, json.code, json.msg], JSON.stringify(body)).to.deep.equal([400, code, msg]);
    }
    // Nothing was taken by the refusals.
    expect(mainBalance(t, 'USDT').toString()).to.equal('100000');
    expect((await post(t, '/api/v3/purchase', { currency: 'KCS', size: '1', interestRate: '0.005' })).json.code).to.equal('200000');
    expect(mainBalance(t, 'KCS').toString()).to.equal('99');
    // Signed: an unsigned purchase is refused.
    expect((await kucoinCall(t.sandbox, t.now, 'POST', '/api/v3/purchase', { currency: 'USDT', size: '10', interestRate: '0.05' }, { sign: false })).status).to.equal(401);
  });

  it('matches, earns, changes rate, redeems and completes a purchase on the clock', async () => {
    const t = sandboxAt();
    const transport = sandboxTransport(t);
    const start = mainBalance(t, 'USDT');
    // At the lowest rate a purchase is always below the market rate, so it is matched each hour.
    const { orderNo } = await purchase(transport, { currency: 'USDT', size: '1000', interestRate: '0.005' });
    expect(start.minus(mainBalance(t, 'USDT')).toString()).to.equal('1000');
    const order = async () => (await getPurchaseOrders(transport, { status: 'PENDING', purchaseOrderNo: orderNo })).items[0]!;
    expect((await order()).matchSize.toString()).to.equal('0');

    t.advance(HOUR);
    const matched = (await order()).matchSize;
    expect(matched.gte(300) && matched.lte(1000), matched.toString()).to.equal(true);
    expect(matched.mod(1).isZero()).to.equal(true);
    expect((await order()).incomeSize.toString()).to.equal('0');

    t.advance(HOUR);
    const earning = await order();
    // The first matched part earned an hour: matched * 0.005 / 8760, to 8 places.
    expect(earning.incomeSize.toString()).to.equal(matched.mul('0.005').div(8760).toDecimalPlaces(8, Decimal.ROUND_DOWN).toString());
    expect(earning.incomeSize.gt(0)).to.equal(true);

    // A new rate shows at once and applies from the next hour: above the market, no more matching.
    await modifyPurchase(transport, { currency: 'USDT', purchaseOrderNo: orderNo, interestRate: '0.32' });
    expect((await order()).interestRate.toString()).to.equal('0.32');
    const lent = earning.matchSize;
    t.advance(HOUR);
    const repriced = await order();
    expect(repriced.matchSize.toString()).to.equal(lent.toString());
    expect(repriced.incomeSize.minus(earning.incomeSize).toString()).to.equal(lent.mul('0.005').div(8760).toDecimalPlaces(8, Decimal.ROUND_DOWN).toString());
    t.advance(HOUR);
    const higher = await order();
    expect(higher.incomeSize.minus(repriced.incomeSize).toString()).to.equal(lent.mul('0.32').div(8760).toDecimalPlaces(8, Decimal.ROUND_DOWN).toString());

    // More than the remaining size is refused; the idle part comes back at once.
    const tooMuch = await refusal(redeem(transport, { currency: 'USDT', size: '1001', purchaseOrderNo: orderNo }));
    expect([tooMuch.code, tooMuch.message]).to.deep.equal(['130301', "size exceeds the purchase's remaining size 1000"]);
    const idle = new Decimal(1000).minus(lent);
    const beforeRedeem = mainBalance(t, 'USDT');
    const all = await redeem(transport, { currency: 'USDT', size: '1000', purchaseOrderNo: orderNo });
    expect(mainBalance(t, 'USDT').minus(beforeRedeem).toString()).to.equal(idle.toString());
    const pending = (await getRedeemOrders(transport, { status: 'PENDING', redeemOrderNo: all.orderNo })).items;
    expect(pending.map((d) => [d.redeemSize.toString(), d.receiptSize.toString()])).to.deep.equal([['1000', idle.toString()]]);
    expect((await refusal(redeem(transport, { currency: 'USDT', size: '1', purchaseOrderNo: orderNo }))).code).to.equal('130301');

    // The lent part is called back at the next hour, after its last hour of income.
    const income = higher.incomeSize;
    t.advance(HOUR);
    const lastHour = lent.mul('0.32').div(8760).toDecimalPlaces(8, Decimal.ROUND_DOWN);
    expect((await getPurchaseOrders(transport, { status: 'PENDING' })).totalNum).to.equal(0);
    const done = (await getPurchaseOrders(transport, { status: 'DONE' })).items;
    expect(done.map((p) => [p.purchaseOrderNo, p.status, p.incomeSize.toString()])).to.deep.equal([[orderNo, 'DONE', income.plus(lastHour).toString()]]);
    const settled = (await getRedeemOrders(transport, { status: 'DONE' })).items;
    expect(settled.map((d) => [d.redeemOrderNo, d.receiptSize.toString()])).to.deep.equal([[all.orderNo, '1000']]);
    // Everything came back, with the income.
    expect(mainBalance(t, 'USDT').minus(start).toString()).to.equal(income.plus(lastHour).toString());

    // A completed purchase can be neither changed nor redeemed.
    const closed = await refusal(modifyPurchase(transport, { currency: 'USDT', purchaseOrderNo: orderNo, interestRate: '0.05' }));
    expect([closed.code, closed.message]).to.deep.equal(['130301', 'The purchase order is completed']);
    expect((await refusal(redeem(transport, { currency: 'USDT', size: '1', purchaseOrderNo: orderNo }))).code).to.equal('130301');
  });

  it('refuses modify and redeem of unknown orders, bad rates and sizes', async () => {
    const t = sandboxAt();
    const { orderNo } = (await post(t, '/api/v3/purchase', { currency: 'ETH', size: '1', interestRate: '0.05' })).json.data;
    const modify: Array<[unknown, string, string]> = [
      [{ currency: 'ETH', purchaseOrderNo: 'nope', interestRate: '0.05' }, '400100', 'The purchase order does not exist.'],
      [{ currency: 'BTC', purchaseOrderNo: orderNo, interestRate: '0.05' }, '400100', 'The purchase order does not exist.'],
      [{ currency: 'ETH', purchaseOrderNo: orderNo, interestRate: '0.5' }, '130301', 'interestRate must be from 0.005 to 0.32'],
      [{ currency: 'ETH', purchaseOrderNo: orderNo }, '400100', 'interestRate is required'],
    ];
    for (const [body, code, msg] of modify) {
      const { json } = await post(t, '/api/v3/lend/purchase/update', body);
      expect([json.code, json.msg], JSON.stringify(body)).to.deep.equal([code, msg]);
    }
    const redeems: Array<[unknown, string, string]> = [
      [{ currency: 'ETH', size: '0.0005', purchaseOrderNo: orderNo }, '130301', 'size must be a multiple of the increment 0.001'],
      [{ currency: 'ETH', size: '2', purchaseOrderNo: orderNo }, '130301', "size exceeds the purchase's remaining size 1"],
      [{ currency: 'LUNC', size: '1000', purchaseOrderNo: orderNo }, '130301', 'Redeeming LUNC is not enabled'],
      [{ currency: 'ETH', size: '1', purchaseOrderNo: 'nope' }, '400100', 'The purchase order does not exist.'],
      [{ currency: 'ETH', size: '1' }, '400100', 'purchaseOrderNo is required'],
    ];
    for (const [body, code, msg] of redeems) {
      const { json } = await post(t, '/api/v3/redeem', body);
      expect([json.code, json.msg], JSON.stringify(body)).to.deep.equal([code, msg]);
    }
    // Another account cannot see or touch this purchase.
    const other = { apiKey: 'other-key', apiSecret: 'other-secret', apiPassphrase: 'other-pass', apiKeyVersion: '3' as const };
    const two = sandboxAt(1_700_000_000_000, { accounts: [{ kucoin: DEMO_CREDENTIALS.kucoin }, { kucoin: other }] });
    const mine = (await post(two, '/api/v3/purchase', { currency: 'ETH', size: '1', interestRate: '0.05' })).json.data.orderNo;
    const theirs = await kucoinCall(two.sandbox, two.now, 'POST', '/api/v3/redeem', { currency: 'ETH', size: '1', purchaseOrderNo: mine }, { credentials: other });
    expect(theirs.json.code).to.equal('400100');
    expect((await kucoinCall(two.sandbox, two.now, 'GET', '/api/v3/purchase/orders?status=PENDING', undefined, { credentials: other })).json.data.totalNum).to.equal(0);
  });

  it('pages purchase and redeem orders newest first and filters by status, currency and id', async () => {
    const t = sandboxAt();
    const transport = sandboxTransport(t);
    const ids: string[] = [];
    // At the highest rate nothing is ever matched, so every redeem settles at once.
    for (let i = 1; i <= 12; i += 1) {
      ids.push((await purchase(transport, { currency: i % 3 === 0 ? 'USDC' : 'USDT', size: String(i), interestRate: '0.32' })).orderNo);
      t.advance(1000);
    }
    const first = await getPurchaseOrders(transport, { status: 'PENDING', pageSize: 5 });
    expect([first.totalNum, first.totalPage, first.currentPage, first.pageSize]).to.deep.equal([12, 3, 1, 5]);
    expect(first.items.map((p) => p.purchaseSize.toString())).to.deep.equal(['12', '11', '10', '9', '8']);
    const last = await getPurchaseOrders(transport, { status: 'PENDING', pageSize: 5, currentPage: 3 });
    expect(last.items.map((p) => p.purchaseOrderNo)).to.deep.equal([ids[1], ids[0]]);
    const usdc = await getPurchaseOrders(transport, { status: 'PENDING', currency: 'USDC' });
    expect(usdc.items.map((p) => p.purchaseSize.toString())).to.deep.equal(['12', '9', '6', '3']);
    expect((await getPurchaseOrders(transport, { status: 'PENDING', purchaseOrderNo: ids[6] })).items.map((p) => p.purchaseSize.toString())).to.deep.equal(['7']);
    expect((await getPurchaseOrders(transport, { status: 'DONE' })).totalNum).to.equal(0);

    t.advance(3 * HOUR);
    expect((await getPurchaseOrders(transport, { status: 'PENDING', purchaseOrderNo: ids[0] })).items[0]!.matchSize.toString()).to.equal('0');

    // Part of the size-2 purchase and, in steps, all of the size-5 one: only the latter is DONE.
    const r1 = await redeem(transport, { currency: 'USDT', size: '1', purchaseOrderNo: ids[1]! });
    const r2 = await redeem(transport, { currency: 'USDT', size: '1', purchaseOrderNo: ids[4]! });
    const r3 = await redeem(transport, { currency: 'USDT', size: '1', purchaseOrderNo: ids[4]! });
    expect((await getPurchaseOrders(transport, { status: 'DONE' })).items.map((p) => p.purchaseOrderNo)).to.deep.equal([]);
    await redeem(transport, { currency: 'USDT', size: '3', purchaseOrderNo: ids[4]! });
    expect((await getPurchaseOrders(transport, { status: 'DONE' })).items.map((p) => p.purchaseOrderNo)).to.deep.equal([ids[4]]);
    expect((await getPurchaseOrders(transport, { status: 'PENDING' })).totalNum).to.equal(11);

    const redeemed = await getRedeemOrders(transport, { status: 'DONE', pageSize: 2 });
    expect([redeemed.totalNum, redeemed.totalPage]).to.deep.equal([4, 2]);
    const page2 = await getRedeemOrders(transport, { status: 'DONE', pageSize: 2, currentPage: 2 });
    expect(page2.items.map((d) => d.redeemOrderNo)).to.deep.equal([r2.orderNo, r1.orderNo]);
    expect((await getRedeemOrders(transport, { status: 'DONE', redeemOrderNo: r3.orderNo })).items.map((d) => d.redeemSize.toString())).to.deep.equal(['1']);
    expect((await getRedeemOrders(transport, { status: 'DONE', currency: 'USDC' })).totalNum).to.equal(0);
    expect((await getRedeemOrders(transport, { status: 'PENDING' })).totalNum).to.equal(0);

    for (const path of ['/api/v3/purchase/orders', '/api/v3/redeem/orders']) {
      for (const query of ['', '?status=OPEN', '?status=DONE&pageSize=51', '?status=DONE&pageSize=0', '?status=DONE&currentPage=0', '?status=DONE&foo=1']) {
        const bad = await get(t, `${path}${query}`);
        expect([bad.status, bad.json.code], `${path}${query}`).to.deep.equal([400, '400100']);
      }
    }
  });

  it('is deterministic with the seed', async () => {
    async function run(seed: number): Promise<string[]> {
      const t = sandboxAt(1_700_000_000_000, { seed });
      const answers: string[] = [];
      const steps: Array<[string, string, unknown?]> = [
        ['POST', '/api/v3/purchase', { currency: 'USDT', size: '997', interestRate: '0.005' }],
        ['POST', '/api/v3/purchase', { currency: 'ETH', size: '3.5', interestRate: '0.01' }],
        ['GET', '/api/v3/purchase/orders?status=PENDING'],
        ['GET', '/api/v3/purchase/orders?status=PENDING'],
        ['GET', '/api/v3/project/list'],
        ['GET', '/api/v3/purchase/orders?status=PENDING'],
      ];
      for (const [method, path, body] of steps) {
        answers.push(JSON.stringify((await kucoinCall(t.sandbox, t.now, method, path, body)).json));
        t.advance(HOUR + 4321);
      }
      return answers;
    }
    const a = await run(21);
    expect(a).to.deep.equal(await run(21));
    const b = await run(22);
    expect(b).not.to.deep.equal(a);
    // The matching moved on the clock: the last list shows lent funds.
    const lastList = JSON.parse(a[5]!).data.items as Array<{ currency: string; matchSize: string }>;
    expect(lastList.find((p) => p.currency === 'USDT')!.matchSize).not.to.equal('0');
  });
});
