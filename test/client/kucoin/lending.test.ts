import { expect } from '@open-wc/testing';
import { Decimal } from '../../../src/core/decimal.js';
import { ExchangeError, MarginKitError } from '../../../src/client/errors.js';
import {
  getLoanMarket,
  getLoanMarketInterestRate,
  getPurchaseOrders,
  getRedeemOrders,
  modifyPurchase,
  purchase,
  redeem,
} from '../../../src/client/kucoin/lending.js';
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

const purchaseOrder = {
  currency: 'BTC',
  purchaseOrderNo: '671bafa804c26d000773c533',
  purchaseSize: BIG,
  matchSize: '0.9',
  interestRate: '0.0021',
  incomeSize: '0',
  applyTime: 1729867688000,
  status: 'DONE',
};

describe('kucoin lending', () => {
  describe('getLoanMarket', () => {
    it('asks for one currency and parses every amount to an exact Decimal', async () => {
      const t = new FakeTransport().kucoin([
        {
          currency: 'BTC',
          purchaseEnable: true,
          redeemEnable: false,
          increment: TINY,
          minPurchaseSize: 10, // a JSON number, as KuCoin sometimes sends
          minInterestRate: '0.004',
          maxInterestRate: '0.32',
          interestIncrement: '0.00001',
          maxPurchaseSize: BIG,
          marketInterestRate: '0.123456789012345678901',
          autoPurchaseEnable: true,
        },
      ]);
      const [btc, ...rest] = await getLoanMarket(t, { currency: 'BTC' });
      expect(t.last).to.include({ venue: 'kucoin', method: 'GET', path: '/api/v3/project/list' });
      expect(t.last.query).to.deep.equal({ currency: 'BTC' });
      expect(t.last.body).to.equal(undefined);
      expect(rest).to.have.length(0);
      expect(btc!.currency).to.equal('BTC');
      expect(btc!.purchaseEnable).to.equal(true);
      expect(btc!.redeemEnable).to.equal(false);
      expect(btc!.autoPurchaseEnable).to.equal(true);
      expect(btc!.increment).to.be.instanceOf(Decimal);
      expect(btc!.increment!.toString()).to.equal(TINY);
      expect(btc!.minPurchaseSize!.toString()).to.equal('10');
      expect(btc!.minInterestRate!.toString()).to.equal('0.004');
      expect(btc!.maxInterestRate!.toString()).to.equal('0.32');
      expect(btc!.interestIncrement.toString()).to.equal('0.00001');
      expect(btc!.maxPurchaseSize!.toString()).to.equal(BIG);
      expect(btc!.marketInterestRate!.toString()).to.equal('0.123456789012345678901');
    });

    it('sends no query without a currency, and fills the documented interestIncrement default', async () => {
      const t = new FakeTransport().kucoin([{ currency: 'ETH', marketInterestRate: '' }]);
      const [eth] = await getLoanMarket(t);
      expect(t.last.query).to.deep.equal({});
      expect(eth!.interestIncrement.toString()).to.equal('0.0001');
      expect(eth!.marketInterestRate).to.equal(undefined);
      expect(eth!.increment).to.equal(undefined);
      expect(eth!.purchaseEnable).to.equal(undefined);
    });

    it('refuses a row without a currency as malformed', async () => {
      const t = new FakeTransport().kucoin([{ purchaseEnable: true, increment: '1' }]);
      const error = await rejectionOf(getLoanMarket(t));
      expect(error.kind).to.equal('malformed-response');
      expect(error.message).to.contain('currency');
    });
  });

  describe('getLoanMarketInterestRate', () => {
    it('sends the currency and parses each hourly rate', async () => {
      const t = new FakeTransport().kucoin([
        { time: '202410241000', marketInterestRate: '0.0040000000000000000001' },
        { time: '202410241100', marketInterestRate: 0.0045 },
      ]);
      const rates = await getLoanMarketInterestRate(t, { currency: 'BTC' });
      expect(t.last).to.include({ method: 'GET', path: '/api/v3/project/marketInterestRate' });
      expect(t.last.query).to.deep.equal({ currency: 'BTC' });
      expect(rates.map((r) => r.time)).to.deep.equal(['202410241000', '202410241100']);
      expect(rates.map((r) => r.marketInterestRate.toString())).to.deep.equal(['0.0040000000000000000001', '0.0045']);
    });

    it('refuses a sample without its rate', async () => {
      const t = new FakeTransport().kucoin([{ time: '202410241000' }]);
      const error = await rejectionOf(getLoanMarketInterestRate(t, { currency: 'BTC' }));
      expect(error.kind).to.equal('malformed-response');
    });
  });

  describe('purchase', () => {
    it('posts size and rate as exact decimal strings and returns the order number', async () => {
      const t = new FakeTransport().kucoin({ orderNo: '671bb15a3b3f930007880bae' });
      const result = await purchase(t, { currency: 'USDT', size: BIG, interestRate: new Decimal('1e-8') });
      expect(t.last).to.include({ venue: 'kucoin', method: 'POST', path: '/api/v3/purchase' });
      expect(t.last.query).to.equal(undefined);
      expect(t.last.body).to.deep.equal({ currency: 'USDT', size: BIG, interestRate: TINY });
      expect(result).to.deep.equal({ orderNo: '671bb15a3b3f930007880bae' });
    });

    it('writes an exponent the caller typed as the plain decimal', async () => {
      const t = new FakeTransport().kucoin({ orderNo: '1' });
      await purchase(t, { currency: 'BTC', size: '1E-8', interestRate: '0.0100' });
      expect(t.last.body).to.deep.equal({ currency: 'BTC', size: TINY, interestRate: '0.01' });
    });

    it('refuses an amount that is not a decimal before sending anything', async () => {
      const t = new FakeTransport();
      const error = await rejectionOf(purchase(t, { currency: 'BTC', size: '1,5', interestRate: '0.01' }));
      expect(error.kind).to.equal('validation');
      expect(t.requests).to.have.length(0);
    });

    it('rejects with the venue code on an error envelope', async () => {
      const t = new FakeTransport().answer({ code: '130101', msg: 'Parameter error' }, 400);
      const error = await rejectionOf(purchase(t, { currency: 'BTC', size: '1', interestRate: '0.01' }));
      expect(error.kind).to.equal('exchange');
      expect(error).to.be.instanceOf(ExchangeError);
      expect((error as ExchangeError).code).to.equal('130101');
      expect(error.message).to.equal('Parameter error');
    });

    it('refuses an answer without an order number', async () => {
      const t = new FakeTransport().kucoin({});
      const error = await rejectionOf(purchase(t, { currency: 'BTC', size: '1', interestRate: '0.01' }));
      expect(error.kind).to.equal('malformed-response');
    });
  });

  describe('modifyPurchase', () => {
    it('posts the new rate as an exact string', async () => {
      const t = new FakeTransport().kucoin(null);
      const result = await modifyPurchase(t, {
        currency: 'BTC',
        interestRate: '0.000000000000000000123',
        purchaseOrderNo: '671bafa804c26d000773c533',
      });
      expect(t.last).to.include({ method: 'POST', path: '/api/v3/lend/purchase/update' });
      expect(t.last.body).to.deep.equal({
        currency: 'BTC',
        interestRate: '0.000000000000000000123',
        purchaseOrderNo: '671bafa804c26d000773c533',
      });
      expect(result).to.equal(undefined);
    });

    it('passes the documented string data through and refuses anything else', async () => {
      const t = new FakeTransport().kucoin('success').kucoin({ unexpected: true });
      const params = { currency: 'BTC', interestRate: '0.01', purchaseOrderNo: '1' };
      expect(await modifyPurchase(t, params)).to.equal('success');
      const error = await rejectionOf(modifyPurchase(t, params));
      expect(error.kind).to.equal('malformed-response');
    });
  });

  describe('getPurchaseOrders', () => {
    it('sends every filter given and reads the page', async () => {
      const t = new FakeTransport().kucoin({
        currentPage: 2,
        pageSize: 10,
        totalNum: 11,
        totalPage: 2,
        items: [purchaseOrder],
      });
      const page = await getPurchaseOrders(t, {
        status: 'DONE',
        currency: 'BTC',
        purchaseOrderNo: '671bafa804c26d000773c533',
        currentPage: 2,
        pageSize: 10,
      });
      expect(t.last).to.include({ method: 'GET', path: '/api/v3/purchase/orders' });
      expect(t.last.query).to.deep.equal({
        status: 'DONE',
        currency: 'BTC',
        purchaseOrderNo: '671bafa804c26d000773c533',
        currentPage: 2,
        pageSize: 10,
      });
      expect(page).to.include({ currentPage: 2, pageSize: 10, totalNum: 11, totalPage: 2 });
      expect(page.items).to.have.length(1);
      const [order] = page.items;
      expect(order).to.include({
        currency: 'BTC',
        purchaseOrderNo: '671bafa804c26d000773c533',
        applyTime: 1729867688000,
        status: 'DONE',
      });
      expect(order!.purchaseSize.toString()).to.equal(BIG);
      expect(order!.matchSize.toString()).to.equal('0.9');
      expect(order!.interestRate.toString()).to.equal('0.0021');
      expect(order!.incomeSize.toString()).to.equal('0');
    });

    it('sends only the status when nothing else is given', async () => {
      const t = new FakeTransport().kucoin({ currentPage: 1, pageSize: 50, totalNum: 0, totalPage: 0, items: [] });
      const page = await getPurchaseOrders(t, { status: 'PENDING' });
      expect(t.last.query).to.deep.equal({ status: 'PENDING' });
      expect(page.items).to.deep.equal([]);
    });

    it('refuses an order missing a required amount', async () => {
      const { matchSize: _, ...withoutMatchSize } = purchaseOrder;
      const t = new FakeTransport().kucoin({ currentPage: 1, pageSize: 50, totalNum: 1, totalPage: 1, items: [withoutMatchSize] });
      const error = await rejectionOf(getPurchaseOrders(t, { status: 'DONE' }));
      expect(error.kind).to.equal('malformed-response');
      expect(error.message).to.contain('matchSize');
    });

    it('refuses a status the doc does not list', async () => {
      const t = new FakeTransport().kucoin({
        currentPage: 1, pageSize: 50, totalNum: 1, totalPage: 1, items: [{ ...purchaseOrder, status: 'CANCELLED' }],
      });
      const error = await rejectionOf(getPurchaseOrders(t, { status: 'DONE' }));
      expect(error.kind).to.equal('malformed-response');
    });
  });

  describe('redeem', () => {
    it('posts the size as an exact string and returns the redeem order number', async () => {
      const t = new FakeTransport().kucoin({ orderNo: '671bafa804c26d000773c534' });
      const result = await redeem(t, { currency: 'BTC', size: new Decimal(BIG), purchaseOrderNo: '671bafa804c26d000773c533' });
      expect(t.last).to.include({ method: 'POST', path: '/api/v3/redeem' });
      expect(t.last.body).to.deep.equal({ currency: 'BTC', size: BIG, purchaseOrderNo: '671bafa804c26d000773c533' });
      expect(result.orderNo).to.equal('671bafa804c26d000773c534');
    });
  });

  describe('getRedeemOrders', () => {
    it('sends the filters and reads applyTime whether the venue sends it as text or number', async () => {
      const item = {
        currency: 'BTC',
        purchaseOrderNo: '671bafa804c26d000773c533',
        redeemOrderNo: '671bb01004c26d000773c55c',
        redeemSize: TINY,
        receiptSize: '0.000000000000000000001',
        applyTime: '1729867792000',
        status: 'PENDING',
      };
      const t = new FakeTransport().kucoin({
        currentPage: 1,
        pageSize: 50,
        totalNum: 2,
        totalPage: 1,
        items: [item, { ...item, applyTime: 1729867793000, redeemSize: 0.5, status: 'DONE' }],
      });
      const page = await getRedeemOrders(t, { status: 'PENDING', currency: 'BTC', redeemOrderNo: '671bb01004c26d000773c55c' });
      expect(t.last).to.include({ method: 'GET', path: '/api/v3/redeem/orders' });
      expect(t.last.query).to.deep.equal({ status: 'PENDING', currency: 'BTC', redeemOrderNo: '671bb01004c26d000773c55c' });
      expect(page).to.include({ currentPage: 1, pageSize: 50, totalNum: 2, totalPage: 1 });
      const [first, second] = page.items;
      expect(first).to.include({
        currency: 'BTC',
        purchaseOrderNo: '671bafa804c26d000773c533',
        redeemOrderNo: '671bb01004c26d000773c55c',
        applyTime: 1729867792000,
        status: 'PENDING',
      });
      expect(first!.redeemSize.toString()).to.equal(TINY);
      expect(first!.receiptSize.toString()).to.equal('0.000000000000000000001');
      expect(second!.applyTime).to.equal(1729867793000);
      expect(second!.redeemSize.toString()).to.equal('0.5');
      expect(second!.status).to.equal('DONE');
    });

    it('refuses a page without items', async () => {
      const t = new FakeTransport().kucoin({ currentPage: 1, pageSize: 50, totalNum: 0, totalPage: 0 });
      const error = await rejectionOf(getRedeemOrders(t, { status: 'DONE' }));
      expect(error.kind).to.equal('malformed-response');
    });
  });
});
