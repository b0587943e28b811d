import { expect } from '@open-wc/testing';
import { Decimal } from '../../../src/core/decimal.js';
import { ExchangeError, MarginKitError } from '../../../src/client/errors.js';
import {
  borrow,
  type CrossMarginRiskLimit,
  getBorrowHistory,
  getInterestHistory,
  getMarginRiskLimit,
  getRepayHistory,
  type IsolatedMarginRiskLimit,
  modifyLeverage,
  repay,
} from '../../../src/client/kucoin/debit.js';
import { FakeTransport } from '../../helpers/fake-transport.js';

/** More significant digits than a float holds: only an exact path keeps them. */
const BIG = '123456789.123456789';
const TINY = '0.00000001';

async function rejectionOf(promise: Promise<unknown>): Promise<MarginKitError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(MarginKitError);
    return error as MarginKitError;
  }
  throw new Error('expected the call to reject');
}

const pageOf = (items: unknown[]) => ({ timestamp: 1729655606816, currentPage: 1, pageSize: 50, totalNum: items.length, totalPage: 1, items });

describe('kucoin debit', () => {
  describe('borrow', () => {
    it('posts an isolated borrow with the size as an exact string', async () => {
      const t = new FakeTransport().kucoin({ orderNo: '67187162c0d6990007717b15', actualSize: BIG });
      const result = await borrow(t, {
        currency: 'USDT',
        size: BIG,
        timeInForce: 'FOK',
        symbol: 'BTC-USDT',
        isIsolated: true,
        isHf: false,
      });
      expect(t.last).to.include({ venue: 'kucoin', method: 'POST', path: '/api/v3/margin/borrow' });
      expect(t.last.query).to.equal(undefined);
      expect(t.last.body).to.deep.equal({
        currency: 'USDT',
        size: BIG,
        timeInForce: 'FOK',
        symbol: 'BTC-USDT',
        isIsolated: true,
        isHf: false,
      });
      expect(result.orderNo).to.equal('67187162c0d6990007717b15');
      expect(result.actualSize).to.be.instanceOf(Decimal);
      expect(result.actualSize.toString()).to.equal(BIG);
    });

    it('leaves out the optional fields not given and reads a numeric actualSize', async () => {
      const t = new FakeTransport().kucoin({ orderNo: '1', actualSize: 0.5 });
      const result = await borrow(t, { currency: 'BTC', size: new Decimal('1e-8'), timeInForce: 'IOC' });
      expect(t.last.body).to.deep.equal({ currency: 'BTC', size: TINY, timeInForce: 'IOC' });
      expect(result.actualSize.toString()).to.equal('0.5');
    });

    it('rejects with the venue code on an error envelope', async () => {
      const t = new FakeTransport().answer({ code: '130101', msg: 'Insufficient account balance' }, 400);
      const error = await rejectionOf(borrow(t, { currency: 'BTC', size: '1', timeInForce: 'IOC' }));
      expect(error.kind).to.equal('exchange');
      expect(error).to.be.instanceOf(ExchangeError);
      expect((error as ExchangeError).code).to.equal('130101');
      expect((error as ExchangeError).status).to.equal(400);
    });

    it('refuses an answer without actualSize', async () => {
      const t = new FakeTransport().kucoin({ orderNo: '1' });
      const error = await rejectionOf(borrow(t, { currency: 'BTC', size: '1', timeInForce: 'IOC' }));
      expect(error.kind).to.equal('malformed-response');
      expect(error.message).to.contain('actualSize');
    });

    it('refuses a size that is not a finite decimal before sending anything', async () => {
      const t = new FakeTransport();
      for (const size of ['', 'abc', 'Infinity', new Decimal(NaN)]) {
        const error = await rejectionOf(borrow(t, { currency: 'BTC', size, timeInForce: 'IOC' }));
        expect(error.kind, String(size)).to.equal('validation');
      }
      expect(t.requests).to.have.length(0);
    });
  });

  describe('getBorrowHistory', () => {
    it('sends every filter given and reads the page with its timestamp', async () => {
      const t = new FakeTransport().kucoin({
        ...pageOf([
          {
            orderNo: '67187162c0d6990007717b15',
            symbol: 'BTC-USDT',
            currency: 'USDT',
            size: BIG,
            actualSize: '0.000000000000000000001',
            status: 'SUCCESS',
            createdTime: 1729655138000,
          },
        ]),
      });
      const history = await getBorrowHistory(t, {
        currency: 'USDT',
        isIsolated: true,
        symbol: 'BTC-USDT',
        orderNo: '67187162c0d6990007717b15',
        startTime: 1680278400000,
        endTime: 1729655606816,
        currentPage: 1,
        pageSize: 10,
      });
      expect(t.last).to.include({ method: 'GET', path: '/api/v3/margin/borrow' });
      expect(t.last.query).to.deep.equal({
        currency: 'USDT',
        isIsolated: true,
        symbol: 'BTC-USDT',
        startTime: 1680278400000,
        endTime: 1729655606816,
        currentPage: 1,
        pageSize: 10,
        orderNo: '67187162c0d6990007717b15',
      });
      expect(history).to.include({ timestamp: 1729655606816, currentPage: 1, pageSize: 50, totalNum: 1, totalPage: 1 });
      const [order] = history.items;
      expect(order).to.include({
        orderNo: '67187162c0d6990007717b15',
        symbol: 'BTC-USDT',
        currency: 'USDT',
        status: 'SUCCESS',
        createdTime: 1729655138000,
      });
      expect(order!.size.toString()).to.equal(BIG);
      expect(order!.actualSize.toString()).to.equal('0.000000000000000000001');
    });

    it('sends only the currency when nothing else is given, and reads a cross order\'s empty symbol as none', async () => {
      const t = new FakeTransport().kucoin(
        pageOf([{ orderNo: '1', symbol: '', currency: 'BTC', size: 1, actualSize: 1, status: 'PENDING', createdTime: 1 }]),
      );
      const history = await getBorrowHistory(t, { currency: 'BTC' });
      expect(t.last.query).to.deep.equal({ currency: 'BTC' });
      expect(history.items[0]!.symbol).to.equal(undefined);
    });

    it('refuses a page without its timestamp', async () => {
      const { timestamp: _, ...withoutTimestamp } = pageOf([]);
      const t = new FakeTransport().kucoin(withoutTimestamp);
      const error = await rejectionOf(getBorrowHistory(t, { currency: 'BTC' }));
      expect(error.kind).to.equal('malformed-response');
      expect(error.message).to.contain('timestamp');
    });
  });

  describe('repay', () => {
    it('posts the size as an exact string and reads the answer', async () => {
      const t = new FakeTransport().kucoin({ timestamp: 1729655606816, orderNo: '671873361d5bd400075096ad', actualSize: '1.000000000000000000001' });
      const result = await repay(t, { currency: 'BTC', size: '123456789.1234567890', isIsolated: false, isHf: true });
      expect(t.last).to.include({ method: 'POST', path: '/api/v3/margin/repay' });
      expect(t.last.body).to.deep.equal({ currency: 'BTC', size: BIG, isIsolated: false, isHf: true });
      expect(result.timestamp).to.equal(1729655606816);
      expect(result.orderNo).to.equal('671873361d5bd400075096ad');
      expect(result.actualSize.toString()).to.equal('1.000000000000000000001');
    });

    it('sends the symbol of an isolated repay', async () => {
      const t = new FakeTransport().kucoin({ timestamp: 1, orderNo: '1', actualSize: TINY });
      await repay(t, { currency: 'USDT', size: TINY, symbol: 'BTC-USDT', isIsolated: true });
      expect(t.last.body).to.deep.equal({ currency: 'USDT', size: TINY, symbol: 'BTC-USDT', isIsolated: true });
    });
  });

  describe('getRepayHistory', () => {
    it('sends the filters and parses principal and interest exactly', async () => {
      const t = new FakeTransport().kucoin(
        pageOf([
          {
            orderNo: '671873361d5bd400075096ad',
            symbol: null,
            currency: 'BTC',
            size: BIG,
            principal: '123456789.12345678',
            interest: 0.000000009,
            status: 'FAILED',
            createdTime: 1729655606000,
          },
        ]),
      );
      const history = await getRepayHistory(t, { currency: 'BTC', orderNo: '671873361d5bd400075096ad', currentPage: 3 });
      expect(t.last).to.include({ method: 'GET', path: '/api/v3/margin/repay' });
      expect(t.last.query).to.deep.equal({ currency: 'BTC', currentPage: 3, orderNo: '671873361d5bd400075096ad' });
      expect(history.timestamp).to.equal(1729655606816);
      const [order] = history.items;
      expect(order).to.include({ orderNo: '671873361d5bd400075096ad', currency: 'BTC', status: 'FAILED', createdTime: 1729655606000 });
      expect(order!.symbol).to.equal(undefined);
      expect(order!.size.toString()).to.equal(BIG);
      expect(order!.principal.toString()).to.equal('123456789.12345678');
      expect(order!.interest.toString()).to.equal('0.000000009');
    });

    it('refuses a status the doc does not list', async () => {
      const t = new FakeTransport().kucoin(
        pageOf([{ orderNo: '1', symbol: '', currency: 'BTC', size: '1', principal: '1', interest: '0', status: 'DONE', createdTime: 1 }]),
      );
      const error = await rejectionOf(getRepayHistory(t, { currency: 'BTC' }));
      expect(error.kind).to.equal('malformed-response');
    });
  });

  describe('getInterestHistory', () => {
    it('sends no query when called without filters, and parses rates exactly', async () => {
      const t = new FakeTransport().kucoin(
        pageOf([{ currency: 'USDT', dayRatio: '0.000296', interestAmount: '0.000000000000000000042', createdTime: 1729652400000 }]),
      );
      const history = await getInterestHistory(t);
      expect(t.last).to.include({ method: 'GET', path: '/api/v3/margin/interest' });
      expect(t.last.query).to.deep.equal({});
      expect(history.timestamp).to.equal(1729655606816);
      const [record] = history.items;
      expect(record).to.include({ currency: 'USDT', createdTime: 1729652400000 });
      expect(record!.dayRatio.toString()).to.equal('0.000296');
      expect(record!.interestAmount.toString()).to.equal('0.000000000000000000042');
    });

    it('sends every filter given', async () => {
      const t = new FakeTransport().kucoin(pageOf([]));
      await getInterestHistory(t, {
        currency: 'BTC',
        isIsolated: true,
        symbol: 'BTC-USDT',
        startTime: 1729000000000,
        endTime: 1729655606816,
        currentPage: 2,
        pageSize: 500,
      });
      expect(t.last.query).to.deep.equal({
        currency: 'BTC',
        isIsolated: true,
        symbol: 'BTC-USDT',
        startTime: 1729000000000,
        endTime: 1729655606816,
        currentPage: 2,
        pageSize: 500,
      });
    });

    it('refuses a record without its interest amount', async () => {
      const t = new FakeTransport().kucoin(pageOf([{ currency: 'USDT', dayRatio: '0.000296', createdTime: 1 }]));
      const error = await rejectionOf(getInterestHistory(t));
      expect(error.kind).to.equal('malformed-response');
      expect(error.message).to.contain('interestAmount');
    });
  });

  describe('modifyLeverage', () => {
    it('posts the leverage as a decimal string', async () => {
      const t = new FakeTransport().kucoin(null);
      const result = await modifyLeverage(t, { symbol: 'BTC-USDT', isIsolated: true, leverage: new Decimal('3.5') });
      expect(t.last).to.include({ method: 'POST', path: '/api/v3/position/update-user-leverage' });
      expect(t.last.body).to.deep.equal({ symbol: 'BTC-USDT', isIsolated: true, leverage: '3.5' });
      expect(result).to.equal(undefined);
    });

    it('sends cross leverage alone, and passes string data through', async () => {
      const t = new FakeTransport().kucoin('ok');
      expect(await modifyLeverage(t, { leverage: '4.25' })).to.equal('ok');
      expect(t.last.body).to.deep.equal({ leverage: '4.25' });
    });

    it('refuses a non-string data', async () => {
      const t = new FakeTransport().kucoin(42);
      const error = await rejectionOf(modifyLeverage(t, { leverage: '2' }));
      expect(error.kind).to.equal('malformed-response');
    });
  });

  describe('getMarginRiskLimit', () => {
    it('reads cross margin limits for one currency', async () => {
      const t = new FakeTransport().kucoin([
        {
          timestamp: 1729678659275,
          currency: 'BTC',
          borrowMaxAmount: BIG,
          buyMaxAmount: '75.15',
          holdMaxAmount: 500.2, // a JSON number
          borrowCoefficient: '1',
          marginCoefficient: '1',
          precision: 8,
          borrowMinAmount: '0.001',
          borrowMinUnit: TINY,
          borrowEnabled: true,
        },
      ]);
      const limits: CrossMarginRiskLimit[] = await getMarginRiskLimit(t, { isIsolated: false, currency: 'BTC' });
      expect(t.last).to.include({ method: 'GET', path: '/api/v3/margin/currencies' });
      expect(t.last.query).to.deep.equal({ isIsolated: false, currency: 'BTC' });
      const [btc] = limits;
      expect(btc).to.include({ timestamp: 1729678659275, currency: 'BTC', precision: 8, borrowEnabled: true });
      expect(btc!.borrowMaxAmount!.toString()).to.equal(BIG);
      expect(btc!.buyMaxAmount!.toString()).to.equal('75.15');
      expect(btc!.holdMaxAmount!.toString()).to.equal('500.2');
      expect(btc!.borrowCoefficient!.toString()).to.equal('1');
      expect(btc!.marginCoefficient!.toString()).to.equal('1');
      expect(btc!.borrowMinAmount!.toString()).to.equal('0.001');
      expect(btc!.borrowMinUnit!.toString()).to.equal(TINY);
      expect(btc).not.to.have.property('symbol');
    });

    it('asks for all cross currencies with no query at all', async () => {
      const t = new FakeTransport().kucoin([{ currency: 'ETH' }]);
      const [eth] = await getMarginRiskLimit(t);
      expect(t.last.query).to.deep.equal({});
      expect(eth!.currency).to.equal('ETH');
      expect(eth!.borrowMaxAmount).to.equal(undefined);
    });

    it('reads isolated margin limits, base and quote', async () => {
      const t = new FakeTransport().kucoin([
        {
          timestamp: 1729685173576,
          symbol: 'BTC-USDT',
          baseMaxBorrowAmount: '0.000000000000000000001',
          quoteMaxBorrowAmount: BIG,
          baseMaxBuyAmount: '1.5',
          quoteMaxBuyAmount: 200000,
          baseMaxHoldAmount: '2',
          quoteMaxHoldAmount: '300000',
          basePrecision: 8,
          quotePrecision: 6,
          baseBorrowMinAmount: '0.0001',
          quoteBorrowMinAmount: '10',
          baseBorrowMinUnit: TINY,
          quoteBorrowMinUnit: '1',
          baseBorrowEnabled: true,
          quoteBorrowEnabled: false,
          baseBorrowCoefficient: '1',
          quoteBorrowCoefficient: '0.9',
          baseMarginCoefficient: '0.8',
          quoteMarginCoefficient: '0.7',
        },
      ]);
      const limits: IsolatedMarginRiskLimit[] = await getMarginRiskLimit(t, { isIsolated: true, symbol: 'BTC-USDT' });
      expect(t.last.query).to.deep.equal({ isIsolated: true, symbol: 'BTC-USDT' });
      const [pair] = limits;
      expect(pair).to.include({
        timestamp: 1729685173576,
        symbol: 'BTC-USDT',
        basePrecision: 8,
        quotePrecision: 6,
        baseBorrowEnabled: true,
        quoteBorrowEnabled: false,
      });
      const amounts = Object.fromEntries(
        Object.entries(pair!)
          .filter(([, value]) => value instanceof Decimal)
          .map(([key, value]) => [key, (value as Decimal).toString()]),
      );
      expect(amounts).to.deep.equal({
        baseMaxBorrowAmount: '0.000000000000000000001',
        quoteMaxBorrowAmount: BIG,
        baseMaxBuyAmount: '1.5',
        quoteMaxBuyAmount: '200000',
        baseMaxHoldAmount: '2',
        quoteMaxHoldAmount: '300000',
        baseBorrowMinAmount: '0.0001',
        quoteBorrowMinAmount: '10',
        baseBorrowMinUnit: TINY,
        quoteBorrowMinUnit: '1',
        baseBorrowCoefficient: '1',
        quoteBorrowCoefficient: '0.9',
        baseMarginCoefficient: '0.8',
        quoteMarginCoefficient: '0.7',
      });
    });

    it('refuses an answer of the other shape', async () => {
      const t = new FakeTransport().kucoin([{ currency: 'BTC', borrowMaxAmount: '1' }]);
      const error = await rejectionOf(getMarginRiskLimit(t, { isIsolated: true }));
      expect(error.kind).to.equal('malformed-response');
      expect(error.message).to.contain('symbol');
    });

    it('rejects with the venue code on an error envelope', async () => {
      const t = new FakeTransport().answer({ code: '130101', msg: 'Currency not supported' }, 400);
      const error = await rejectionOf(getMarginRiskLimit(t, { currency: 'XYZ' }));
      expect(error.kind).to.equal('exchange');
      expect((error as ExchangeError).code).to.equal('130101');
    });
  });
});
