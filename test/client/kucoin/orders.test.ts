import { expect } from '@open-wc/testing';
import DecimalJs from 'decimal.js';
import { Decimal, isDecimal } from '../../../src/core/decimal.js';
import { MarginKitError, ExchangeError } from '../../../src/client/errors.js';
import {
  addOrder,
  addOrderTest,
  addOrderTestV1,
  addOrderV1,
  cancelAllOrdersBySymbol,
  cancelOrderByClientOid,
  cancelOrderByOrderId,
  getClosedOrders,
  getOpenOrders,
  getOrderByClientOid,
  getOrderByOrderId,
  getSymbolsWithOpenOrder,
  getTradeHistory,
  type MarginOrder,
} from '../../../src/client/kucoin/orders.js';
import { FakeTransport } from '../../helpers/fake-transport.js';

/** 18 and 36 significant digits: neither survives a trip through a float. */
const BIG = '123456789.123456789';
const TINY = '0.000000000000000000123456789123456789';

/** Every field of the doc's order schema ("Get Order By OrderId"), amounts as strings. */
function orderPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '671124f9365ccb00073debd4',
    symbol: 'BTC-USDT',
    opType: 'DEAL',
    type: 'limit',
    side: 'buy',
    price: BIG,
    size: '0.00000001',
    funds: '0',
    dealSize: '0.000000005',
    dealFunds: '0.6172839455617283945',
    fee: TINY,
    feeCurrency: 'USDT',
    stp: 'CN',
    stop: '',
    stopTriggered: false,
    stopPrice: '0',
    timeInForce: 'GTT',
    postOnly: true,
    hidden: false,
    iceberg: true,
    visibleSize: '0.000000001',
    cancelAfter: 3600,
    channel: 'API',
    clientOid: 'mk5c52e11203aa677f33e493fb',
    remark: 'ticket',
    tags: 'partner:margin-kit',
    cancelExist: false,
    createdAt: 1729176273859,
    lastUpdatedAt: 1729176273862,
    tradeType: 'MARGIN_ISOLATED_TRADE',
    inOrderBook: true,
    cancelledSize: '0',
    cancelledFunds: '0',
    remainSize: '0.000000005',
    remainFunds: '0.6172839455617283945',
    tax: '0.00000000000000000001',
    active: true,
    ...overrides,
  };
}

/** Every field of the doc's fill schema ("Get Trade History"). */
function fillPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 19814995255305,
    symbol: 'BTC-USDT',
    tradeId: 11116472408833,
    orderId: '671124f9365ccb00073debd4',
    counterOrderId: '671124f9365ccb00073debd5',
    side: 'sell',
    liquidity: 'maker',
    forceTaker: false,
    price: BIG,
    size: '0.00000001',
    funds: '1.23456789123456789',
    fee: TINY,
    feeRate: '0.001',
    feeCurrency: 'USDT',
    stop: '',
    tradeType: 'MARGIN_TRADE',
    tax: '0',
    taxRate: '0',
    type: 'limit',
    createdAt: 1729176273859,
    ...overrides,
  };
}

function expectFullOrder(order: MarginOrder): void {
  expect(order.id).to.equal('671124f9365ccb00073debd4');
  expect(order.symbol).to.equal('BTC-USDT');
  expect(order.opType).to.equal('DEAL');
  expect(order.type).to.equal('limit');
  expect(order.side).to.equal('buy');
  expect(isDecimal(order.price)).to.equal(true);
  expect(order.price.toString()).to.equal(BIG);
  expect(order.size.toString()).to.equal('0.00000001');
  expect(order.funds.toString()).to.equal('0');
  expect(order.dealSize.toString()).to.equal('0.000000005');
  expect(order.dealFunds.toString()).to.equal('0.6172839455617283945');
  expect(order.fee.toString()).to.equal(TINY);
  expect(order.feeCurrency).to.equal('USDT');
  expect(order.stp).to.equal('CN');
  expect(order.stop).to.equal('');
  expect(order.stopTriggered).to.equal(false);
  expect(order.stopPrice.toString()).to.equal('0');
  expect(order.timeInForce).to.equal('GTT');
  expect(order.postOnly).to.equal(true);
  expect(order.hidden).to.equal(false);
  expect(order.iceberg).to.equal(true);
  expect(order.visibleSize.toString()).to.equal('0.000000001');
  expect(order.cancelAfter).to.equal(3600);
  expect(order.channel).to.equal('API');
  expect(order.clientOid).to.equal('mk5c52e11203aa677f33e493fb');
  expect(order.remark).to.equal('ticket');
  expect(order.tags).to.equal('partner:margin-kit');
  expect(order.cancelExist).to.equal(false);
  expect(order.createdAt).to.equal(1729176273859);
  expect(order.lastUpdatedAt).to.equal(1729176273862);
  expect(order.tradeType).to.equal('MARGIN_ISOLATED_TRADE');
  expect(order.inOrderBook).to.equal(true);
  expect(order.cancelledSize.toString()).to.equal('0');
  expect(order.cancelledFunds.toString()).to.equal('0');
  expect(order.remainSize.toString()).to.equal('0.000000005');
  expect(order.remainFunds.toString()).to.equal('0.6172839455617283945');
  expect(order.tax?.toString()).to.equal('0.00000000000000000001');
  expect(order.active).to.equal(true);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject');
}

/** Every JSON value in a body, recursively, that is a number. */
function numbersIn(value: unknown): unknown[] {
  if (typeof value === 'number') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

const placements = [
  { name: 'addOrder', call: addOrder, path: '/api/v3/hf/margin/order', mode: { isIsolated: true } },
  { name: 'addOrderTest', call: addOrderTest, path: '/api/v3/hf/margin/order/test', mode: { isIsolated: true } },
  { name: 'addOrderV1', call: addOrderV1, path: '/api/v1/margin/order', mode: { marginModel: 'isolated' as const } },
  { name: 'addOrderTestV1', call: addOrderTestV1, path: '/api/v1/margin/order/test', mode: { marginModel: 'isolated' as const } },
] as const;

describe('kucoin orders', () => {
  for (const { name, call, path, mode } of placements) {
    describe(name, () => {
      it(`POSTs ${path} with every amount as an exact decimal string`, async () => {
        const transport = new FakeTransport().kucoin({
          orderId: '671124f9365ccb00073debd4',
          loanApplyId: '671124f9365ccb00073debd6',
          borrowSize: TINY,
          clientOid: 'mk5c52e11203aa677f33e493fb',
        });
        const result = await call(transport, {
          clientOid: 'mk5c52e11203aa677f33e493fb',
          side: 'buy',
          symbol: 'BTC-USDT',
          type: 'limit',
          stp: 'CO',
          price: new Decimal(BIG),
          size: '0.00000001',
          timeInForce: 'GTT',
          postOnly: false,
          hidden: true,
          iceberg: true,
          visibleSize: new Decimal('1E-9'),
          cancelAfter: 86400,
          funds: '000.10',
          autoBorrow: true,
          autoRepay: false,
          ...mode,
        });
        const sent = transport.last;
        expect(sent.venue).to.equal('kucoin');
        expect(sent.method).to.equal('POST');
        expect(sent.path).to.equal(path);
        expect(sent.query).to.equal(undefined);
        expect(sent.body).to.deep.equal({
          clientOid: 'mk5c52e11203aa677f33e493fb',
          side: 'buy',
          symbol: 'BTC-USDT',
          type: 'limit',
          stp: 'CO',
          price: BIG,
          size: '0.00000001',
          timeInForce: 'GTT',
          postOnly: false,
          hidden: true,
          iceberg: true,
          visibleSize: '0.000000001',
          cancelAfter: 86400,
          funds: '0.1',
          autoBorrow: true,
          autoRepay: false,
          ...mode,
        });
        // The only number in a placement is cancelAfter (seconds), never an amount.
        expect(numbersIn(sent.body)).to.deep.equal([86400]);
        expect(result.orderId).to.equal('671124f9365ccb00073debd4');
        expect(result.loanApplyId).to.equal('671124f9365ccb00073debd6');
        expect(result.borrowSize?.toString()).to.equal(TINY);
        expect(result.clientOid).to.equal('mk5c52e11203aa677f33e493fb');
      });

      it('sends only the fields given, and reads an answer without auto-borrow fields', async () => {
        const transport = new FakeTransport().kucoin({
          orderId: '671124f9365ccb00073debd4',
          loanApplyId: null,
          borrowSize: null,
          clientOid: 'mk1',
        });
        const result = await call(transport, { clientOid: 'mk1', side: 'sell', symbol: 'ETH-USDT', type: 'market', funds: '123456789.123456789' });
        expect(transport.last.body).to.deep.equal({
          clientOid: 'mk1', side: 'sell', symbol: 'ETH-USDT', type: 'market', funds: BIG,
        });
        expect(Object.keys(transport.last.body ?? {})).to.have.length(5);
        expect(result.loanApplyId).to.equal(undefined);
        expect(result.borrowSize).to.equal(undefined);
      });

      // "Add Order Test" types borrowSize as a number, the others as a string.
      it('reads borrowSize sent as a JSON number', async () => {
        const transport = new FakeTransport().kucoin({ orderId: 'o1', loanApplyId: 'l1', borrowSize: 0.5, clientOid: 'mk1' });
        const result = await call(transport, { clientOid: 'mk1', side: 'buy', symbol: 'BTC-USDT', size: '1' });
        expect(isDecimal(result.borrowSize)).to.equal(true);
        expect(result.borrowSize?.toString()).to.equal('0.5');
      });

      it('refuses a bad amount or clientOid before sending anything', async () => {
        const transport = new FakeTransport();
        const bad = [
          { clientOid: 'mk1', side: 'buy', symbol: 'BTC-USDT', price: 'abc', size: '1' },
          { clientOid: 'mk1', side: 'buy', symbol: 'BTC-USDT', price: '1,5', size: '1' },
          { clientOid: 'mk1', side: 'buy', symbol: 'BTC-USDT', price: '1', size: '-1' },
          { clientOid: 'mk1', side: 'buy', symbol: 'BTC-USDT', price: new Decimal(NaN), size: '1' },
          { clientOid: 'mk1', side: 'buy', symbol: 'BTC-USDT', funds: '' },
          { clientOid: 'has space', side: 'buy', symbol: 'BTC-USDT', size: '1' },
          { clientOid: 'x'.repeat(41), side: 'buy', symbol: 'BTC-USDT', size: '1' },
        ] as const;
        const fields = [];
        for (const params of bad) {
          const error = await rejection(call(transport, params));
          expect(error).to.be.instanceOf(MarginKitError);
          expect((error as MarginKitError).kind).to.equal('validation');
          fields.push((error as { field?: string }).field);
        }
        expect(fields).to.deep.equal(['price', 'price', 'size', 'price', 'funds', 'clientOid', 'clientOid']);
        expect(transport.requests).to.have.length(0);
      });

      it('throws malformed-response when orderId is missing', async () => {
        const transport = new FakeTransport().kucoin({ loanApplyId: 'l1', borrowSize: '1', clientOid: 'mk1' });
        const error = await rejection(call(transport, { clientOid: 'mk1', side: 'buy', symbol: 'BTC-USDT', size: '1' }));
        expect((error as MarginKitError).kind).to.equal('malformed-response');
      });
    });
  }

  it('addOrder prints a Decimal from another decimal.js configuration without an exponent', async () => {
    const transport = new FakeTransport().kucoin({ orderId: 'o1', clientOid: 'mk1' });
    await addOrder(transport, { clientOid: 'mk1', side: 'buy', symbol: 'BTC-USDT', price: new DecimalJs('0.00000001'), size: '1' });
    expect(new DecimalJs('0.00000001').toString()).to.equal('1e-8');
    expect(transport.last.body?.price).to.equal('0.00000001');
  });

  it('addOrderV1 reads an answer without clientOid (the doc calls it invalid)', async () => {
    const transport = new FakeTransport().kucoin({ orderId: 'o1', loanApplyId: '', borrowSize: '' });
    const result = await addOrderV1(transport, { clientOid: 'mk1', side: 'buy', symbol: 'BTC-USDT', size: '1' });
    expect(result).to.deep.equal({ orderId: 'o1', loanApplyId: undefined, borrowSize: undefined, clientOid: undefined });
  });

  describe('cancelOrderByOrderId', () => {
    it('DELETEs the order path with symbol in the query', async () => {
      const transport = new FakeTransport().kucoin({ orderId: '671124f9365ccb00073debd4' });
      const result = await cancelOrderByOrderId(transport, { orderId: '671124f9365ccb00073debd4', symbol: 'BTC-USDT' });
      expect(transport.last.method).to.equal('DELETE');
      expect(transport.last.path).to.equal('/api/v3/hf/margin/orders/671124f9365ccb00073debd4');
      expect(transport.last.query).to.deep.equal({ symbol: 'BTC-USDT' });
      expect(transport.last.body).to.equal(undefined);
      expect(result).to.deep.equal({ orderId: '671124f9365ccb00073debd4' });
    });

    it('refuses an orderId that is not one path segment, before sending', async () => {
      const transport = new FakeTransport();
      const error = await rejection(cancelOrderByOrderId(transport, { orderId: '../orders', symbol: 'BTC-USDT' }));
      expect(error).to.be.instanceOf(TypeError);
      expect(transport.requests).to.have.length(0);
    });
  });

  describe('getOrderByOrderId', () => {
    it('GETs the order path and reads every field of the order', async () => {
      const transport = new FakeTransport().kucoin(orderPayload());
      const order = await getOrderByOrderId(transport, { orderId: '671124f9365ccb00073debd4', symbol: 'BTC-USDT' });
      expect(transport.last.method).to.equal('GET');
      expect(transport.last.path).to.equal('/api/v3/hf/margin/orders/671124f9365ccb00073debd4');
      expect(transport.last.query).to.deep.equal({ symbol: 'BTC-USDT' });
      expectFullOrder(order);
    });

    it('reads the fields the doc leaves optional as undefined when absent or null', async () => {
      const transport = new FakeTransport().kucoin(
        orderPayload({ stp: '', stop: undefined, remark: null, tags: undefined, tax: undefined }),
      );
      const order = await getOrderByOrderId(transport, { orderId: 'o1', symbol: 'BTC-USDT' });
      expect(order.stp).to.equal(undefined);
      expect(order.stop).to.equal(undefined);
      expect(order.remark).to.equal(undefined);
      expect(order.tags).to.equal(undefined);
      expect(order.tax).to.equal(undefined);
    });

    it('throws malformed-response when a required amount is missing', async () => {
      const transport = new FakeTransport().kucoin(orderPayload({ dealSize: undefined }));
      const error = await rejection(getOrderByOrderId(transport, { orderId: 'o1', symbol: 'BTC-USDT' }));
      expect((error as MarginKitError).kind).to.equal('malformed-response');
      expect((error as Error).message).to.contain('dealSize');
    });

    it('throws malformed-response on a side outside the doc\'s values', async () => {
      const transport = new FakeTransport().kucoin(orderPayload({ side: 'long' }));
      const error = await rejection(getOrderByOrderId(transport, { orderId: 'o1', symbol: 'BTC-USDT' }));
      expect((error as MarginKitError).kind).to.equal('malformed-response');
    });

    it('rejects a KuCoin error envelope with an ExchangeError carrying the code', async () => {
      const transport = new FakeTransport().answer({ code: '400100', msg: 'Parameter error' }, 400);
      const error = await rejection(getOrderByOrderId(transport, { orderId: 'o1', symbol: 'BTC-USDT' }));
      expect(error).to.be.instanceOf(ExchangeError);
      expect((error as ExchangeError).kind).to.equal('exchange');
      expect((error as ExchangeError).code).to.equal('400100');
      expect((error as ExchangeError).message).to.equal('Parameter error');
      expect((error as ExchangeError).status).to.equal(400);
    });
  });

  describe('cancelOrderByClientOid', () => {
    it('DELETEs the client-order path with symbol in the query', async () => {
      const transport = new FakeTransport().kucoin({ clientOid: 'mk5c52e11203aa677f33e493fb' });
      const result = await cancelOrderByClientOid(transport, { clientOid: 'mk5c52e11203aa677f33e493fb', symbol: 'ETH-USDT' });
      expect(transport.last.method).to.equal('DELETE');
      expect(transport.last.path).to.equal('/api/v3/hf/margin/orders/client-order/mk5c52e11203aa677f33e493fb');
      expect(transport.last.query).to.deep.equal({ symbol: 'ETH-USDT' });
      expect(transport.last.body).to.equal(undefined);
      expect(result).to.deep.equal({ clientOid: 'mk5c52e11203aa677f33e493fb' });
    });

    it('throws malformed-response when clientOid is missing', async () => {
      const transport = new FakeTransport().kucoin({});
      const error = await rejection(cancelOrderByClientOid(transport, { clientOid: 'mk1', symbol: 'ETH-USDT' }));
      expect((error as MarginKitError).kind).to.equal('malformed-response');
    });
  });

  describe('getOrderByClientOid', () => {
    it('GETs the client-order path and reads the order', async () => {
      const transport = new FakeTransport().kucoin(orderPayload());
      const order = await getOrderByClientOid(transport, { clientOid: 'mk5c52e11203aa677f33e493fb', symbol: 'BTC-USDT' });
      expect(transport.last.method).to.equal('GET');
      expect(transport.last.path).to.equal('/api/v3/hf/margin/orders/client-order/mk5c52e11203aa677f33e493fb');
      expect(transport.last.query).to.deep.equal({ symbol: 'BTC-USDT' });
      expectFullOrder(order);
    });

    it('rejects with the exchange error when KuCoin does not know the order', async () => {
      const transport = new FakeTransport().answer({ code: '400100', msg: 'order not exist' }, 400);
      const error = await rejection(getOrderByClientOid(transport, { clientOid: 'mk1', symbol: 'BTC-USDT' }));
      expect((error as ExchangeError).kind).to.equal('exchange');
      expect((error as ExchangeError).code).to.equal('400100');
    });
  });

  describe('cancelAllOrdersBySymbol', () => {
    it('DELETEs with symbol and tradeType in the query and returns the string answer', async () => {
      const transport = new FakeTransport().kucoin('success');
      const result = await cancelAllOrdersBySymbol(transport, { symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' });
      expect(transport.last.method).to.equal('DELETE');
      expect(transport.last.path).to.equal('/api/v3/hf/margin/orders');
      expect(transport.last.query).to.deep.equal({ symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' });
      expect(transport.last.body).to.equal(undefined);
      expect(result).to.equal('success');
    });

    it('throws malformed-response when data is not a string', async () => {
      const transport = new FakeTransport().kucoin(null);
      const error = await rejection(cancelAllOrdersBySymbol(transport, { symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' }));
      expect((error as MarginKitError).kind).to.equal('malformed-response');
    });
  });

  describe('getSymbolsWithOpenOrder', () => {
    it('GETs with tradeType and reads the symbols', async () => {
      const transport = new FakeTransport().kucoin({ symbolSize: 2, symbols: ['BTC-USDT', 'ETH-USDT'] });
      const result = await getSymbolsWithOpenOrder(transport, { tradeType: 'MARGIN_ISOLATED_TRADE' });
      expect(transport.last.method).to.equal('GET');
      expect(transport.last.path).to.equal('/api/v3/hf/margin/order/active/symbols');
      expect(transport.last.query).to.deep.equal({ tradeType: 'MARGIN_ISOLATED_TRADE' });
      expect(result).to.deep.equal({ symbolSize: 2, symbols: ['BTC-USDT', 'ETH-USDT'] });
    });

    it('throws malformed-response when symbols is missing', async () => {
      const transport = new FakeTransport().kucoin({ symbolSize: 0 });
      const error = await rejection(getSymbolsWithOpenOrder(transport, { tradeType: 'MARGIN_TRADE' }));
      expect((error as MarginKitError).kind).to.equal('malformed-response');
    });
  });

  describe('getOpenOrders', () => {
    it('GETs with symbol and tradeType and reads each order', async () => {
      const transport = new FakeTransport().kucoin([orderPayload(), orderPayload({ id: 'second', side: 'sell', price: TINY })]);
      const orders = await getOpenOrders(transport, { symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' });
      expect(transport.last.method).to.equal('GET');
      expect(transport.last.path).to.equal('/api/v3/hf/margin/orders/active');
      expect(transport.last.query).to.deep.equal({ symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' });
      expect(orders).to.have.length(2);
      expectFullOrder(orders[0]!);
      expect(orders[1]!.id).to.equal('second');
      expect(orders[1]!.side).to.equal('sell');
      expect(orders[1]!.price.toString()).to.equal(TINY);
    });

    it('throws malformed-response when one order lacks a required field', async () => {
      const transport = new FakeTransport().kucoin([orderPayload(), orderPayload({ clientOid: undefined })]);
      const error = await rejection(getOpenOrders(transport, { symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' }));
      expect((error as MarginKitError).kind).to.equal('malformed-response');
      expect((error as Error).message).to.contain('[1].clientOid');
    });
  });

  describe('getClosedOrders', () => {
    it('GETs with every filter in the query, in the doc\'s order', async () => {
      const transport = new FakeTransport().kucoin({ lastId: 136112949351, items: [orderPayload({ active: false })] });
      const result = await getClosedOrders(transport, {
        symbol: 'BTC-USDT',
        tradeType: 'MARGIN_ISOLATED_TRADE',
        side: 'buy',
        type: 'limit',
        lastId: 254062248624417,
        limit: 100,
        startAt: 1728663338000,
        endAt: 1728692138000,
      });
      expect(transport.last.method).to.equal('GET');
      expect(transport.last.path).to.equal('/api/v3/hf/margin/orders/done');
      expect(transport.last.query).to.deep.equal({
        symbol: 'BTC-USDT',
        tradeType: 'MARGIN_ISOLATED_TRADE',
        side: 'buy',
        type: 'limit',
        lastId: 254062248624417,
        limit: 100,
        startAt: 1728663338000,
        endAt: 1728692138000,
      });
      expect(Object.keys(transport.last.query ?? {})).to.deep.equal(['symbol', 'tradeType', 'side', 'type', 'lastId', 'limit', 'startAt', 'endAt']);
      expect(result.lastId).to.equal(136112949351);
      expect(result.items).to.have.length(1);
      expect(result.items[0]!.active).to.equal(false);
      expect(result.items[0]!.price.toString()).to.equal(BIG);
    });

    it('leaves unset filters undefined, so the transport skips them', async () => {
      const transport = new FakeTransport().kucoin({ lastId: 0, items: [] });
      const result = await getClosedOrders(transport, { symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' });
      const sent = Object.entries(transport.last.query ?? {}).filter(([, v]) => v !== undefined);
      expect(Object.fromEntries(sent)).to.deep.equal({ symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' });
      expect(result).to.deep.equal({ lastId: 0, items: [] });
    });

    it('throws malformed-response when lastId is missing', async () => {
      const transport = new FakeTransport().kucoin({ items: [] });
      const error = await rejection(getClosedOrders(transport, { symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' }));
      expect((error as MarginKitError).kind).to.equal('malformed-response');
    });
  });

  describe('getTradeHistory', () => {
    it('GETs the fills with every filter and reads every field of a fill', async () => {
      const transport = new FakeTransport().kucoin({ items: [fillPayload()], lastId: 19814995255305 });
      const result = await getTradeHistory(transport, {
        symbol: 'BTC-USDT',
        tradeType: 'MARGIN_TRADE',
        orderId: '671124f9365ccb00073debd4',
        side: 'sell',
        type: 'limit',
        lastId: 19814995255306,
        limit: 20,
        startAt: 1728663338000,
        endAt: 1728692138000,
      });
      expect(transport.last.method).to.equal('GET');
      expect(transport.last.path).to.equal('/api/v3/hf/margin/fills');
      expect(transport.last.query).to.deep.equal({
        symbol: 'BTC-USDT',
        tradeType: 'MARGIN_TRADE',
        orderId: '671124f9365ccb00073debd4',
        side: 'sell',
        type: 'limit',
        lastId: 19814995255306,
        limit: 20,
        startAt: 1728663338000,
        endAt: 1728692138000,
      });
      expect(result.lastId).to.equal(19814995255305);
      const fill = result.items[0]!;
      expect(fill.id).to.equal(19814995255305);
      expect(fill.symbol).to.equal('BTC-USDT');
      expect(fill.tradeId).to.equal(11116472408833);
      expect(fill.orderId).to.equal('671124f9365ccb00073debd4');
      expect(fill.counterOrderId).to.equal('671124f9365ccb00073debd5');
      expect(fill.side).to.equal('sell');
      expect(fill.liquidity).to.equal('maker');
      expect(fill.forceTaker).to.equal(false);
      expect(isDecimal(fill.price)).to.equal(true);
      expect(fill.price.toString()).to.equal(BIG);
      expect(fill.size.toString()).to.equal('0.00000001');
      expect(fill.funds.toString()).to.equal('1.23456789123456789');
      expect(fill.fee.toString()).to.equal(TINY);
      expect(fill.feeRate.toString()).to.equal('0.001');
      expect(fill.feeCurrency).to.equal('USDT');
      expect(fill.stop).to.equal('');
      expect(fill.tradeType).to.equal('MARGIN_TRADE');
      expect(fill.tax?.toString()).to.equal('0');
      expect(fill.taxRate?.toString()).to.equal('0');
      expect(fill.type).to.equal('limit');
      expect(fill.createdAt).to.equal(1729176273859);
    });

    it('throws malformed-response when a fill lacks its fee', async () => {
      const transport = new FakeTransport().kucoin({ items: [fillPayload({ fee: undefined })], lastId: 1 });
      const error = await rejection(getTradeHistory(transport, { symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' }));
      expect((error as MarginKitError).kind).to.equal('malformed-response');
      expect((error as Error).message).to.contain('fee');
    });

    it('throws malformed-response on a liquidity outside the doc\'s values', async () => {
      const transport = new FakeTransport().kucoin({ items: [fillPayload({ liquidity: 'both' })], lastId: 1 });
      const error = await rejection(getTradeHistory(transport, { symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' }));
      expect((error as MarginKitError).kind).to.equal('malformed-response');
    });
  });

  it('passes the caller\'s abort signal to the transport', async () => {
    const controller = new AbortController();
    const transport = new FakeTransport().kucoin([]);
    await getOpenOrders(transport, { symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' }, { signal: controller.signal });
    expect(transport.last.signal).to.equal(controller.signal);
  });

  it('rejects a KuCoin error envelope on a placement with kind exchange and the venue code', async () => {
    const transport = new FakeTransport().answer({ code: '400100', msg: 'Order size below the minimum requirement.' }, 400);
    const error = await rejection(addOrder(transport, { clientOid: 'mk1', side: 'buy', symbol: 'BTC-USDT', size: '0.00000001' }));
    expect((error as ExchangeError).kind).to.equal('exchange');
    expect((error as ExchangeError).code).to.equal('400100');
    expect(transport.requests).to.have.length(1);
  });
});
