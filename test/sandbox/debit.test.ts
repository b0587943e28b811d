import { expect } from '@open-wc/testing';
import { ExchangeError } from '../../src/client/errors.js';
import {
  borrow,
  getBorrowHistory,
  getInterestHistory,
  getMarginRiskLimit,
  getRepayHistory,
  modifyLeverage,
  repay,
} from '../../src/client/kucoin/debit.js';
import { DEMO_CREDENTIALS } from '../../src/sandbox/index.js';
import { Decimal } from '../../src/core/decimal.js';
import { kucoinCall, sandboxAt, sandboxTransport } from '../helpers/sandbox.js';

/** Holds the borrow rate still (it follows the lending market's hourly rate otherwise). */
function pinRate(t: ReturnType<typeof sandboxAt>): void {
  t.sandbox.state.loans.marketRate = (currency) => (currency === 'USDT' ? new Decimal('0.0876') : undefined);
}

type Sandbox = ReturnType<typeof sandboxAt>;
const HOUR = 3_600_000;


const post = (t: Sandbox, path: string, body: unknown) => kucoinCall(t.sandbox, t.now, 'POST', path, body);
const get = (t: Sandbox, pathWithQuery: string) => kucoinCall(t.sandbox, t.now, 'GET', pathWithQuery);

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

const CROSS_RISK_FIELDS = [
  'timestamp', 'currency', 'borrowMaxAmount', 'buyMaxAmount', 'holdMaxAmount', 'borrowCoefficient', 'marginCoefficient',
  'precision', 'borrowMinAmount', 'borrowMinUnit', 'borrowEnabled',
].sort();
const ISOLATED_RISK_FIELDS = [
  'timestamp', 'symbol', 'baseMaxBorrowAmount', 'quoteMaxBorrowAmount', 'baseMaxBuyAmount', 'quoteMaxBuyAmount',
  'baseMaxHoldAmount', 'quoteMaxHoldAmount', 'basePrecision', 'quotePrecision', 'baseBorrowMinAmount', 'quoteBorrowMinAmount',
  'baseBorrowMinUnit', 'quoteBorrowMinUnit', 'baseBorrowEnabled', 'quoteBorrowEnabled', 'baseBorrowCoefficient',
  'quoteBorrowCoefficient', 'baseMarginCoefficient', 'quoteMarginCoefficient',
].sort();
const PAGE_FIELDS = ['timestamp', 'currentPage', 'pageSize', 'totalNum', 'totalPage', 'items'].sort();

describe('sandbox: margin debit', () => {
  it('answers every debit endpoint as the client readers expect, with exactly the doc fields', async () => {
    const t = sandboxAt();
    const transport = sandboxTransport(t);

    const borrowed = await borrow(transport, { currency: 'USDT', size: '1000', timeInForce: 'IOC' });
    expect(borrowed.actualSize.toString()).to.equal('1000');
    expect(borrowed.orderNo).to.match(/^[0-9a-f]{24}$/);
    const raw = await post(t, '/api/v3/margin/borrow', { currency: 'BTC', size: '0.5', timeInForce: 'FOK', isIsolated: true, symbol: 'BTC-USDT', isHf: true });
    expect(raw.json.code).to.equal('200000');
    expect(raw.json.data).to.deep.equal({ orderNo: raw.json.data.orderNo, actualSize: '0.5' });

    const borrows = await getBorrowHistory(transport, { currency: 'USDT' });
    expect(borrows.items).to.have.length(1);
    expect(borrows.items[0]!.symbol).to.equal(undefined);
    expect(borrows.items[0]!.status).to.equal('SUCCESS');
    expect(borrows.items[0]!.createdTime).to.equal(t.now);
    const isoBorrows = (await get(t, '/api/v3/margin/borrow?currency=BTC&isIsolated=true&symbol=BTC-USDT')).json.data;
    expect(sorted(isoBorrows)).to.deep.equal(PAGE_FIELDS);
    expect(isoBorrows.items[0]).to.deep.equal({
      orderNo: raw.json.data.orderNo, symbol: 'BTC-USDT', currency: 'BTC', size: '0.5', actualSize: '0.5', status: 'SUCCESS', createdTime: t.now,
    });

    t.advance(2 * HOUR);
    const repaid = await repay(transport, { currency: 'USDT', size: '100' });
    expect(repaid.timestamp).to.equal(t.now);
    expect(repaid.actualSize.toString()).to.equal('100');
    // The BTC was borrowed into the HF account: the classic one owes nothing.
    const classic = await post(t, '/api/v3/margin/repay', { currency: 'BTC', size: '0.1', isIsolated: true, symbol: 'BTC-USDT', isHf: false });
    expect([classic.json.code, classic.json.msg]).to.deep.equal(['130203', 'There is no BTC debt to repay']);
    const rawRepay = await post(t, '/api/v3/margin/repay', { currency: 'BTC', size: '0.1', isIsolated: true, symbol: 'BTC-USDT', isHf: true });
    expect(sorted(rawRepay.json.data)).to.deep.equal(['actualSize', 'orderNo', 'timestamp']);
    expect(typeof rawRepay.json.data.timestamp).to.equal('number');

    const repays = await getRepayHistory(transport, { currency: 'USDT' });
    expect(repays.timestamp).to.equal(t.now);
    expect(repays.items[0]!.orderNo).to.equal(repaid.orderNo);
    const rawRepays = (await get(t, '/api/v3/margin/repay?currency=USDT')).json.data;
    expect(sorted(rawRepays.items[0])).to.deep.equal(['createdTime', 'currency', 'interest', 'orderNo', 'principal', 'size', 'status', 'symbol']);
    expect(rawRepays.items[0].symbol).to.equal('');

    const interest = await getInterestHistory(transport, { currency: 'USDT' });
    expect(interest.items.length).to.equal(2);
    const rawInterest = (await get(t, '/api/v3/margin/interest')).json.data;
    expect(sorted(rawInterest)).to.deep.equal(PAGE_FIELDS);
    expect(sorted(rawInterest.items[0])).to.deep.equal(['createdTime', 'currency', 'dayRatio', 'interestAmount']);
    expect(typeof rawInterest.items[0].dayRatio).to.equal('string');

    expect(await modifyLeverage(transport, { leverage: '4.5' })).to.equal('');
    expect(await modifyLeverage(transport, { leverage: '8', isIsolated: true, symbol: 'ETH-USDT' })).to.equal('');

    const cross = await getMarginRiskLimit(transport, { currency: 'BTC' });
    expect(cross).to.have.length(1);
    expect(cross[0]!.borrowMaxAmount!.toString()).to.equal('75');
    const isolated = await getMarginRiskLimit(transport, { isIsolated: true, symbol: 'BTC-USDT' });
    expect(isolated[0]!.symbol).to.equal('BTC-USDT');
    expect(isolated[0]!.baseMaxBorrowAmount!.toString()).to.equal('7.5');
  });

  it('risk limits carry exactly the doc fields and the numbers the borrow checks enforce', async () => {
    const t = sandboxAt();
    const cross = (await get(t, '/api/v3/margin/currencies')).json.data;
    expect(cross.length).to.be.greaterThan(10);
    for (const item of cross) {
      expect(sorted(item)).to.deep.equal(CROSS_RISK_FIELDS);
      expect(typeof item.borrowMaxAmount).to.equal('string');
      expect(typeof item.precision).to.equal('number');
      expect(typeof item.borrowEnabled).to.equal('boolean');
      const limits = t.sandbox.state.loans.limits({ mode: 'cross', currency: item.currency })!;
      expect(item.borrowMaxAmount).to.equal(limits.borrowMaxAmount.toString());
      expect(item.borrowMinUnit).to.equal(limits.borrowMinUnit.toString());
      expect(item.borrowEnabled).to.equal(limits.borrowEnabled);
    }
    expect(cross.find((c: { currency: string }) => c.currency === 'LUNC').borrowEnabled).to.equal(false);

    const isolated = (await get(t, '/api/v3/margin/currencies?isIsolated=true')).json.data;
    expect(isolated.map((s: { symbol: string }) => s.symbol)).to.include.members(['BTC-USDT', 'AVAX-USDT', 'LUNC-USDT']);
    for (const item of isolated) expect(sorted(item)).to.deep.equal(ISOLATED_RISK_FIELDS);
    const avax = isolated.find((s: { symbol: string }) => s.symbol === 'AVAX-USDT');
    expect([avax.baseBorrowEnabled, avax.quoteBorrowEnabled]).to.deep.equal([true, false]);

    // Borrowing exactly the published limit works; one more unit does not.
    const eth = cross.find((c: { currency: string }) => c.currency === 'ETH');
    expect((await post(t, '/api/v3/margin/borrow', { currency: 'ETH', size: eth.borrowMaxAmount, timeInForce: 'FOK' })).json.data.actualSize).to.equal(eth.borrowMaxAmount);
    const over = await post(t, '/api/v3/margin/borrow', { currency: 'ETH', size: eth.borrowMinUnit, timeInForce: 'FOK' });
    expect([over.status, over.json.code]).to.deep.equal([400, '130103']);
    const btcUsdt = isolated.find((s: { symbol: string }) => s.symbol === 'BTC-USDT');
    const iso = await post(t, '/api/v3/margin/borrow', { currency: 'USDT', size: btcUsdt.quoteMaxBorrowAmount, timeInForce: 'FOK', isIsolated: true, symbol: 'BTC-USDT' });
    expect(iso.json.data.actualSize).to.equal(btcUsdt.quoteMaxBorrowAmount);

    expect((await get(t, '/api/v3/margin/currencies?currency=NOPE')).json.code).to.equal('400100');
    expect((await get(t, '/api/v3/margin/currencies?isIsolated=true&symbol=ADA-USDT')).json.code).to.equal('400100');
  });

  it('IOC lends what the limit leaves; FOK refuses and lends nothing', async () => {
    const t = sandboxAt();
    const transport = sandboxTransport(t);
    expect((await borrow(transport, { currency: 'BTC', size: '70', timeInForce: 'FOK' })).actualSize.toString()).to.equal('70');

    const fok = await refusal(borrow(transport, { currency: 'BTC', size: '10', timeInForce: 'FOK' }));
    expect(fok.code).to.equal('130103');
    expect(fok.message).to.contain('maximum borrowable amount 5');
    expect(t.sandbox.state.kucoinAccounts.get(DEMO_CREDENTIALS.kucoin.apiKey)!.crossClassic.liability('BTC').principal.toString()).to.equal('70');

    const ioc = await borrow(transport, { currency: 'BTC', size: '10', timeInForce: 'IOC' });
    expect(ioc.actualSize.toString()).to.equal('5');
    const history = await getBorrowHistory(transport, { currency: 'BTC' });
    expect(history.items[0]!.size.toString()).to.equal('10');
    expect(history.items[0]!.actualSize.toString()).to.equal('5');

    const full = await refusal(borrow(transport, { currency: 'BTC', size: '0.0001', timeInForce: 'IOC' }));
    expect([full.code, full.message]).to.deep.equal(['130103', 'The maximum borrowable amount is reached']);
    // Only successful borrows leave a record.
    expect((await getBorrowHistory(transport, { currency: 'BTC' })).totalNum).to.equal(2);
  });

  it('refuses disabled, below-minimum and off-unit borrows with their codes', async () => {
    const t = sandboxAt();
    const cases: Array<[unknown, string, string]> = [
      [{ currency: 'BTC', size: '0.00015', timeInForce: 'IOC' }, '130103', 'size must be a multiple of the minimum borrow unit 0.0001'],
      [{ currency: 'KCS', size: '0.5', timeInForce: 'IOC' }, '130103', 'size is below the minimum borrow amount 1'],
      [{ currency: 'LUNC', size: '1000', timeInForce: 'IOC' }, '130103', 'Borrowing LUNC is not enabled'],
      [{ currency: 'USDT', size: '10', timeInForce: 'IOC', isIsolated: true, symbol: 'AVAX-USDT' }, '130103', 'Borrowing USDT is not enabled'],
      [{ currency: 'ETH', size: '1', timeInForce: 'IOC', isIsolated: true, symbol: 'BTC-USDT' }, '130103', 'ETH cannot be borrowed on BTC-USDT'],
      [{ currency: 'USDT', size: '10', timeInForce: 'IOC', isIsolated: true }, '400100', 'symbol is required for isolated margin'],
      [{ currency: 'USDT', size: '10', timeInForce: 'IOC', isIsolated: true, symbol: 'ADA-USDT' }, '400100', 'ADA-USDT is not an isolated margin symbol'],
      [{ currency: 'NOPE', size: '10', timeInForce: 'IOC' }, '400100', 'NOPE is not a margin currency'],
      [{ currency: 'USDT', size: '0', timeInForce: 'IOC' }, '400100', 'size must be positive'],
      [{ currency: 'USDT', size: '-1', timeInForce: 'IOC' }, '400100', 'size is invalid'],
      [{ currency: 'USDT', size: '10', timeInForce: 'GTC' }, '400100', 'timeInForce must be one of IOC, FOK'],
      [{ currency: 'USDT', size: '10' }, '400100', 'timeInForce is required'],
      [{ currency: 'USDT', size: '10', timeInForce: 'IOC', clientOid: 'x' }, '400100', 'clientOid is not a parameter of this endpoint'],
    ];
    for (const [body, code, msg] of cases) {
      const { status, json } = await post(t, '/api/v3/margin/borrow', body);
      expect([status, json.code, json.msg], JSON.stringify(body)).to.deep.equal([400, code, msg]);
    }
    expect((await post(t, '/api/v3/margin/borrow', { currency: 'KCS', size: '1', timeInForce: 'IOC' })).json.data.actualSize).to.equal('1');
    // A JSON number is accepted for `size`, which the doc types `number`.
    expect((await post(t, '/api/v3/margin/borrow', { currency: 'SOL', size: 1.25, timeInForce: 'FOK' })).json.data.actualSize).to.equal('1.25');
  });

  it('repays interest first, then principal, never more than owed', async () => {
    const t = sandboxAt();
    pinRate(t); // the fixture's 8.76% a year: 1000 USDT owe 0.01 an hour
    const transport = sandboxTransport(t);
    await borrow(transport, { currency: 'USDT', size: '1000', timeInForce: 'FOK' });
    t.advance(3 * HOUR);
    // 1000 * (0.0876 / 365) / 24 = 0.01 an hour
    // Borrowed without isHf: the classic account (the venue's default).
    const wallet = () => t.sandbox.state.kucoinAccounts.get(DEMO_CREDENTIALS.kucoin.apiKey)!.crossClassic;
    await getRepayHistory(transport, { currency: 'USDT' });
    expect(wallet().liability('USDT').interest.toString()).to.equal('0.03');

    await repay(transport, { currency: 'USDT', size: '0.02' });
    await repay(transport, { currency: 'USDT', size: '100' });
    const history = await getRepayHistory(transport, { currency: 'USDT' });
    expect(history.items.map((p) => [p.size.toString(), p.interest.toString(), p.principal.toString()])).to.deep.equal([
      ['100', '0.01', '99.99'],
      ['0.02', '0.02', '0'],
    ]);
    expect(wallet().liability('USDT').principal.toString()).to.equal('900.01');
    expect(wallet().liability('USDT').interest.toString()).to.equal('0');

    const before = wallet().balance('USDT').available;
    const all = await repay(transport, { currency: 'USDT', size: '5000' });
    expect(all.actualSize.toString()).to.equal('900.01');
    expect(before.minus(wallet().balance('USDT').available).toString()).to.equal('900.01');
    expect(wallet().debt('USDT').toString()).to.equal('0');

    const none = await refusal(repay(transport, { currency: 'USDT', size: '1' }));
    expect([none.code, none.message]).to.deep.equal(['130203', 'There is no USDT debt to repay']);
    const fine = await refusal(repay(transport, { currency: 'USDT', size: '0.000000001' }));
    expect(fine.code).to.equal('130203');
    // An isolated repay needs an isolated debt on that pair.
    const isolated = await refusal(repay(transport, { currency: 'USDT', size: '1', isIsolated: true, symbol: 'ETH-USDT' }));
    expect(isolated.code).to.equal('130203');
  });

  it('accrues interest hourly on the clock and lists one record per hour', async () => {
    const t = sandboxAt();
    pinRate(t); // the fixture's 8.76% a year: 1000 USDT owe 0.01 an hour
    const transport = sandboxTransport(t);
    const start = t.now;
    await borrow(transport, { currency: 'USDT', size: '1000', timeInForce: 'FOK' });
    await borrow(transport, { currency: 'BTC', size: '1', timeInForce: 'FOK', isIsolated: true, symbol: 'BTC-USDT' });
    expect((await getInterestHistory(transport)).totalNum).to.equal(0);

    t.advance(3 * HOUR);
    const cross = await getInterestHistory(transport, { currency: 'USDT' });
    const firstHour = (Math.floor(start / HOUR) + 1) * HOUR;
    expect(cross.items.map((i) => i.createdTime)).to.deep.equal([firstHour + 2 * HOUR, firstHour + HOUR, firstHour]);
    expect(cross.items.map((i) => i.interestAmount.toString())).to.deep.equal(['0.01', '0.01', '0.01']);
    expect(cross.items[0]!.dayRatio.toString()).to.equal('0.00024');

    // Cross and isolated interest are listed apart.
    expect((await getInterestHistory(transport)).items.every((i) => i.currency === 'USDT')).to.equal(true);
    const isolated = await getInterestHistory(transport, { isIsolated: true, symbol: 'BTC-USDT' });
    expect(isolated.items).to.have.length(3);
    // 1 * (0.0123 / 365) = 0.0000337 a day (rounded up), / 24 rounded up to 8 places
    expect(isolated.items[0]!.interestAmount.toString()).to.equal('0.00000141');

    // Less than an hour later nothing more is charged; the next boundary charges again.
    t.advance(HOUR / 2);
    expect((await getInterestHistory(transport, { currency: 'USDT' })).totalNum).to.equal(3);
    t.advance(HOUR / 2);
    expect((await getInterestHistory(transport, { currency: 'USDT' })).totalNum).to.equal(4);
    expect(t.sandbox.state.kucoinAccounts.get(DEMO_CREDENTIALS.kucoin.apiKey)!.crossClassic.debt('USDT').toString()).to.equal('1000.04');

    const window = await getInterestHistory(transport, { currency: 'USDT', startTime: firstHour + HOUR, endTime: firstHour + 2 * HOUR });
    expect(window.items.map((i) => i.createdTime)).to.deep.equal([firstHour + 2 * HOUR, firstHour + HOUR]);
  });

  it('pages histories newest first and filters by order, pair and time', async () => {
    const t = sandboxAt();
    const transport = sandboxTransport(t);
    const orderNos: string[] = [];
    const t0 = t.now;
    for (let i = 1; i <= 12; i += 1) {
      orderNos.push((await borrow(transport, { currency: 'USDT', size: String(i), timeInForce: 'IOC' })).orderNo);
      t.advance(1000);
    }
    await borrow(transport, { currency: 'USDT', size: '5', timeInForce: 'IOC', isIsolated: true, symbol: 'ETH-USDT' });

    const first = await getBorrowHistory(transport, { currency: 'USDT', pageSize: 10 });
    expect([first.totalNum, first.totalPage, first.currentPage, first.pageSize]).to.deep.equal([12, 2, 1, 10]);
    expect(first.items.map((b) => b.size.toString())).to.deep.equal(['12', '11', '10', '9', '8', '7', '6', '5', '4', '3']);
    const second = await getBorrowHistory(transport, { currency: 'USDT', pageSize: 10, currentPage: 2 });
    expect(second.items.map((b) => b.orderNo)).to.deep.equal([orderNos[1], orderNos[0]]);

    const one = await getBorrowHistory(transport, { currency: 'USDT', orderNo: orderNos[4] });
    expect(one.items.map((b) => b.size.toString())).to.deep.equal(['5']);
    const isolated = await getBorrowHistory(transport, { currency: 'USDT', isIsolated: true, symbol: 'ETH-USDT' });
    expect(isolated.items.map((b) => b.symbol)).to.deep.equal(['ETH-USDT']);
    expect((await getBorrowHistory(transport, { currency: 'USDT', isIsolated: true, symbol: 'BTC-USDT' })).totalNum).to.equal(0);

    const ranged = await getBorrowHistory(transport, { currency: 'USDT', startTime: t0 + 2000, endTime: t0 + 4000 });
    expect(ranged.items.map((b) => b.size.toString())).to.deep.equal(['5', '4', '3']);
    // A start before 2023-04-01 is raised to it, as the doc says.
    expect((await getBorrowHistory(transport, { currency: 'USDT', startTime: 0 })).totalNum).to.equal(12);
    expect((await getBorrowHistory(transport, { currency: 'BTC' })).totalNum).to.equal(0);

    for (const query of ['pageSize=9', 'pageSize=501', 'currentPage=0', 'isIsolated=true', 'isIsolated=maybe', 'foo=1']) {
      const bad = await get(t, `/api/v3/margin/borrow?currency=USDT&${query}`);
      expect([bad.status, bad.json.code], query).to.deep.equal([400, '400100']);
    }
    expect((await get(t, '/api/v3/margin/borrow')).json.msg).to.equal('currency is required');
    expect((await get(t, '/api/v3/margin/repay')).json.msg).to.equal('currency is required');
    expect((await get(t, '/api/v3/margin/interest?pageSize=600')).json.code).to.equal('400100');
    // Signed endpoints refuse an unsigned call.
    expect((await kucoinCall(t.sandbox, t.now, 'GET', '/api/v3/margin/borrow?currency=USDT', undefined, { sign: false })).status).to.equal(401);
  });

  it('modifies leverage within its bounds and stores it on the account', async () => {
    const t = sandboxAt();
    const account = t.sandbox.state.kucoinAccounts.get(DEMO_CREDENTIALS.kucoin.apiKey)!;
    const refused: Array<[unknown, string, string]> = [
      [{ leverage: '1' }, '130008', 'leverage must be greater than 1'],
      [{ leverage: '0.5' }, '130008', 'leverage must be greater than 1'],
      [{ leverage: '2.005' }, '130008', 'leverage must have at most two decimal places'],
      [{ leverage: '5.01' }, '130008', 'leverage cannot be greater than the maximum leverage 5'],
      [{ leverage: '10.5', isIsolated: true, symbol: 'BTC-USDT' }, '130008', 'leverage cannot be greater than the maximum leverage 10'],
      [{ leverage: '6', isIsolated: true, symbol: 'XRP-USDT' }, '130008', 'leverage cannot be greater than the maximum leverage 5'],
      [{ leverage: '3', isIsolated: true }, '400100', 'symbol is required for isolated margin'],
      [{ leverage: '3', isIsolated: true, symbol: 'ADA-USDT' }, '400100', 'ADA-USDT is not an isolated margin symbol'],
      [{}, '400100', 'leverage is required'],
      [{ leverage: 'x' }, '400100', 'leverage is invalid'],
    ];
    for (const [body, code, msg] of refused) {
      const { status, json } = await post(t, '/api/v3/position/update-user-leverage', body);
      expect([status, json.code, json.msg], JSON.stringify(body)).to.deep.equal([400, code, msg]);
    }
    expect(account.crossLeverage.toString()).to.equal('3');

    const ok = await post(t, '/api/v3/position/update-user-leverage', { leverage: '5' });
    expect(ok.json).to.deep.equal({ code: '200000', data: '' });
    expect(account.crossLeverage.toString()).to.equal('5');
    await post(t, '/api/v3/position/update-user-leverage', { leverage: '1.01' });
    expect(account.crossLeverage.toString()).to.equal('1.01');
    await post(t, '/api/v3/position/update-user-leverage', { leverage: '10', isIsolated: true, symbol: 'BTC-USDT' });
    expect(account.isolatedLeverage.get('BTC-USDT')!.toString()).to.equal('10');

    // Never below the debt leverage: after borrowing the whole USDT limit the account is about 3.2x.
    await post(t, '/api/v3/margin/borrow', { currency: 'USDT', size: '1000000', timeInForce: 'FOK' });
    const below = await post(t, '/api/v3/position/update-user-leverage', { leverage: '2' });
    expect(below.json.code).to.equal('130008');
    expect(below.json.msg).to.match(/^leverage cannot be less than the current debt leverage \d+\.\d+$/);
    expect((await post(t, '/api/v3/position/update-user-leverage', { leverage: '5' })).json.code).to.equal('200000');
  });

  it('is deterministic with the seed', async () => {
    async function run(seed: number): Promise<string[]> {
      const t = sandboxAt(1_700_000_000_000, { seed });
      const answers: string[] = [];
      const steps: Array<[string, string, unknown?]> = [
        ['POST', '/api/v3/margin/borrow', { currency: 'ETH', size: '3', timeInForce: 'IOC' }],
        ['POST', '/api/v3/margin/borrow', { currency: 'USDT', size: '500', timeInForce: 'FOK', isIsolated: true, symbol: 'SOL-USDT' }],
        ['POST', '/api/v3/margin/repay', { currency: 'ETH', size: '1' }],
        ['GET', '/api/v3/margin/interest'],
        ['GET', '/api/v3/margin/borrow?currency=ETH'],
        ['GET', '/api/v3/margin/repay?currency=ETH'],
      ];
      for (const [method, path, body] of steps) {
        answers.push(JSON.stringify((await kucoinCall(t.sandbox, t.now, method, path, body)).json));
        t.advance(HOUR + 1234);
      }
      return answers;
    }
    const a = await run(11);
    expect(a).to.deep.equal(await run(11));
    const b = await run(12);
    expect(JSON.parse(b[0]!).data.orderNo).not.to.equal(JSON.parse(a[0]!).data.orderNo);
  });

  it('charges the rate the loan market shows', async () => {
    const t = sandboxAt();
    const transport = sandboxTransport(t);
    await borrow(transport, { currency: 'USDT', size: '1000', timeInForce: 'FOK' });
    t.advance(HOUR);
    const shown = (await kucoinCall(t.sandbox, t.now, 'GET', '/api/v3/project/list?currency=USDT', undefined, { sign: false })).json.data[0].marketInterestRate as string;
    const [record] = (await getInterestHistory(transport, { currency: 'USDT' })).items;
    expect(record!.dayRatio.toString()).to.equal(new Decimal(shown).div(365).toDecimalPlaces(8, Decimal.ROUND_UP).toString());
    expect(shown).not.to.equal('0.0876'); // the market moved off the fixture rate
  });
});
