import { expect } from '@open-wc/testing';
import { Decimal } from '../../src/core/decimal.js';
import { hmacSha256Base64, kucoinSign } from '../../src/core/signing.js';
import { ExchangeError } from '../../src/client/errors.js';
import { buildQuery, unwrapResponse, type Transport } from '../../src/client/transport.js';
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
} from '../../src/client/kucoin/orders.js';
import { DEMO_CREDENTIALS, SYMBOLS } from '../../src/sandbox/index.js';
import { MAKER_FEE_RATE, syntheticDepth, TAKER_FEE_RATE } from '../../src/sandbox/matching.js';
import { kucoinCall, sandboxAt } from '../helpers/sandbox.js';

type TestSandbox = ReturnType<typeof sandboxAt>;

const ORDER = '/api/v3/hf/margin/order';
const ORDER_TEST = '/api/v3/hf/margin/order/test';
const ORDER_V1 = '/api/v1/margin/order';
const ORDER_TEST_V1 = '/api/v1/margin/order/test';

/** "Get Order By OrderId" response schema, by type. */
const ORDER_STRING_FIELDS = [
  'id', 'symbol', 'opType', 'type', 'side', 'price', 'size', 'funds', 'dealSize', 'dealFunds', 'fee', 'feeCurrency',
  'stop', 'stopPrice', 'timeInForce', 'visibleSize', 'channel', 'clientOid', 'remark', 'tags', 'tradeType', 'cancelledSize',
  'cancelledFunds', 'remainSize', 'remainFunds', 'tax',
];
const ORDER_BOOLEAN_FIELDS = ['stopTriggered', 'postOnly', 'hidden', 'iceberg', 'cancelExist', 'inOrderBook', 'active'];
const ORDER_INTEGER_FIELDS = ['cancelAfter', 'createdAt', 'lastUpdatedAt'];
/** "Get Trade History" items, by type. */
const FILL_STRING_FIELDS = [
  'symbol', 'orderId', 'counterOrderId', 'side', 'liquidity', 'price', 'size', 'funds', 'fee', 'feeRate', 'feeCurrency', 'stop',
  'tradeType', 'tax', 'taxRate', 'type',
];
const FILL_BOOLEAN_FIELDS = ['forceTaker'];
const FILL_INTEGER_FIELDS = ['id', 'tradeId', 'createdAt'];

function expectShape(value: Record<string, unknown>, strings: string[], booleans: string[], integers: string[]): void {
  expect(Object.keys(value).sort()).to.deep.equal([...strings, ...booleans, ...integers].sort());
  for (const key of strings) expect(typeof value[key], key).to.equal('string');
  for (const key of booleans) expect(typeof value[key], key).to.equal('boolean');
  for (const key of integers) expect(Number.isSafeInteger(value[key]), key).to.equal(true);
}

/** The client's own functions, over a transport that signs like the proxy and calls the sandbox in-page. */
function transportFor(t: TestSandbox): Transport {
  return {
    async send(request) {
      const query = buildQuery(request.query);
      const pathWithQuery = `${request.path}${query ? `?${query}` : ''}`;
      const body = request.body === undefined ? '' : JSON.stringify(request.body);
      const c = DEMO_CREDENTIALS.kucoin;
      const timestamp = String(t.now);
      const headers = {
        'content-type': 'application/json',
        'KC-API-KEY': c.apiKey,
        'KC-API-TIMESTAMP': timestamp,
        'KC-API-SIGN': await kucoinSign(c.apiSecret, timestamp, request.method, pathWithQuery, body),
        'KC-API-PASSPHRASE': await hmacSha256Base64(c.apiSecret, c.apiPassphrase),
        'KC-API-KEY-VERSION': c.apiKeyVersion,
      };
      const response = await t.sandbox(
        new Request(`https://sandbox.test${pathWithQuery}`, { method: request.method, headers, body: body || undefined }),
      );
      return unwrapResponse(request.venue, response.status, response.headers, await response.text());
    },
  };
}

const call = (t: TestSandbox, method: string, path: string, body?: unknown) => kucoinCall(t.sandbox, t.now, method, path, body);
const place = (t: TestSandbox, body: Record<string, unknown>, path = ORDER) => call(t, 'POST', path, body);

function account(t: TestSandbox) {
  return t.sandbox.state.kucoinAccounts.get(DEMO_CREDENTIALS.kucoin.apiKey)!;
}

function balance(t: TestSandbox, currency: string, wallet = account(t).cross) {
  const b = wallet.balance(currency);
  return { available: b.available.toString(), hold: b.hold.toString() };
}

function fixture(symbol: string) {
  return SYMBOLS.find((s) => s.symbol === symbol)!;
}

/** The book a taker meets now (the same function the sandbox matches with). */
function depth(t: TestSandbox, symbol: string, side: 'buy' | 'sell') {
  return syntheticDepth(fixture(symbol), t.sandbox.state.markPrices.get(symbol)!, side, new Decimal(1));
}

const sum = (values: Decimal[]) => values.reduce((a, b) => a.plus(b), new Decimal(0));

describe('sandbox: orders', () => {
  describe('every endpoint, read by the client', () => {
    it('places, reads, lists and cancels through the client functions', async () => {
      const t = sandboxAt();
      const transport = transportFor(t);
      const placed = await addOrder(transport, {
        clientOid: 'client-a1',
        side: 'buy',
        symbol: 'BTC-USDT',
        price: '60000',
        size: '0.01',
        stp: 'CN',
      });
      expect(placed.clientOid).to.equal('client-a1');
      expect(placed.orderId).to.match(/^[0-9a-f]{24}$/);
      expect(placed.borrowSize).to.equal(undefined);

      const byId = await getOrderByOrderId(transport, { orderId: placed.orderId, symbol: 'BTC-USDT' });
      expect(byId.active).to.equal(true);
      expect(byId.inOrderBook).to.equal(true);
      expect(byId.price.toString()).to.equal('60000');
      expect(byId.remainSize.toString()).to.equal('0.01');
      expect(byId.remainFunds.toString()).to.equal('600');
      expect(byId.stp).to.equal('CN');
      expect(byId.tradeType).to.equal('MARGIN_TRADE');
      expect(byId.timeInForce).to.equal('GTC');
      const byClientOid = await getOrderByClientOid(transport, { clientOid: 'client-a1', symbol: 'BTC-USDT' });
      expect(byClientOid.id).to.equal(placed.orderId);

      const openOrders = await getOpenOrders(transport, { symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' });
      expect(openOrders.map((o) => o.id)).to.deep.equal([placed.orderId]);
      const symbols = await getSymbolsWithOpenOrder(transport, { tradeType: 'MARGIN_TRADE' });
      expect(symbols).to.deep.equal({ symbolSize: 1, symbols: ['BTC-USDT'] });

      const cancelled = await cancelOrderByOrderId(transport, { orderId: placed.orderId, symbol: 'BTC-USDT' });
      expect(cancelled).to.deep.equal({ orderId: placed.orderId });
      const closed = await getClosedOrders(transport, { symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' });
      expect(closed.items.map((o) => [o.id, o.active, o.cancelExist, o.cancelledSize.toString()])).to.deep.equal([
        [placed.orderId, false, true, '0.01'],
      ]);
      expect(closed.lastId).to.be.greaterThan(0);

      const second = await addOrderV1(transport, { clientOid: 'client-a2', side: 'sell', symbol: 'BTC-USDT', type: 'market', size: '0.001' });
      expect(second.orderId).to.match(/^[0-9a-f]{24}$/);
      const fills = await getTradeHistory(transport, { symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE', orderId: second.orderId });
      expect(fills.items).to.have.length(1);
      expect(fills.items[0]!.liquidity).to.equal('taker');
      expect(fills.items[0]!.size.toString()).to.equal('0.001');
      expect(fills.lastId).to.equal(fills.items[0]!.id);

      await addOrder(transport, { clientOid: 'client-a3', side: 'sell', symbol: 'ETH-USDT', price: '3500', size: '0.1' });
      const byClient = await cancelOrderByClientOid(transport, { clientOid: 'client-a3', symbol: 'ETH-USDT' });
      expect(byClient).to.deep.equal({ clientOid: 'client-a3' });

      await addOrder(transport, { clientOid: 'client-a4', side: 'sell', symbol: 'ETH-USDT', price: '3500', size: '0.1' });
      expect(await cancelAllOrdersBySymbol(transport, { symbol: 'ETH-USDT', tradeType: 'MARGIN_TRADE' })).to.equal('success');
      expect(await getOpenOrders(transport, { symbol: 'ETH-USDT', tradeType: 'MARGIN_TRADE' })).to.deep.equal([]);

      const test = await addOrderTest(transport, { clientOid: 'client-t1', side: 'buy', symbol: 'BTC-USDT', price: '60000', size: '0.01', autoBorrow: true });
      expect(test.clientOid).to.equal('client-t1');
      expect(test.borrowSize!.toString()).to.equal('0');
      const testV1 = await addOrderTestV1(transport, { clientOid: 'client-t2', side: 'buy', symbol: 'BTC-USDT', price: '60000', size: '0.01', marginModel: 'isolated' });
      expect(testV1.orderId).to.match(/^[0-9a-f]{24}$/);
    });

    it('sends every field of the doc schemas with the doc types', async () => {
      const t = sandboxAt();
      await place(t, { clientOid: 'shape-1', side: 'buy', symbol: 'BTC-USDT', price: '67300', size: '0.002' });
      const order = (await call(t, 'GET', '/api/v3/hf/margin/orders/client-order/shape-1?symbol=BTC-USDT')).json.data;
      // Placed without stp: the answer has no stp field (the schema allows only DC, CO, CN, CB).
      expectShape(order, ORDER_STRING_FIELDS, ORDER_BOOLEAN_FIELDS, ORDER_INTEGER_FIELDS);
      await place(t, { clientOid: 'shape-stp', side: 'buy', symbol: 'ETH-USDT', price: '3000', size: '0.01', stp: 'CB' });
      const withStp = (await call(t, 'GET', '/api/v3/hf/margin/orders/client-order/shape-stp?symbol=ETH-USDT')).json.data;
      expectShape(withStp, [...ORDER_STRING_FIELDS, 'stp'], ORDER_BOOLEAN_FIELDS, ORDER_INTEGER_FIELDS);
      expect(withStp.stp).to.equal('CB');
      await call(t, 'DELETE', '/api/v3/hf/margin/orders/client-order/shape-stp?symbol=ETH-USDT');
      const open = (await place(t, { clientOid: 'shape-2', side: 'sell', symbol: 'BTC-USDT', price: '70000', size: '0.002' })).json.data;
      const list = (await call(t, 'GET', '/api/v3/hf/margin/orders/active?symbol=BTC-USDT&tradeType=MARGIN_TRADE')).json.data;
      expect(list.map((o: { id: string }) => o.id)).to.deep.equal([open.orderId]);
      expectShape(list[0], ORDER_STRING_FIELDS, ORDER_BOOLEAN_FIELDS, ORDER_INTEGER_FIELDS);
      const closed = (await call(t, 'GET', '/api/v3/hf/margin/orders/done?symbol=BTC-USDT&tradeType=MARGIN_TRADE')).json.data;
      expect(Object.keys(closed).sort()).to.deep.equal(['items', 'lastId']);
      expectShape(closed.items[0], ORDER_STRING_FIELDS, ORDER_BOOLEAN_FIELDS, ORDER_INTEGER_FIELDS);
      const fills = (await call(t, 'GET', '/api/v3/hf/margin/fills?symbol=BTC-USDT&tradeType=MARGIN_TRADE')).json.data;
      expect(Object.keys(fills).sort()).to.deep.equal(['items', 'lastId']);
      expectShape(fills.items[0], FILL_STRING_FIELDS, FILL_BOOLEAN_FIELDS, FILL_INTEGER_FIELDS);
      const symbols = (await call(t, 'GET', '/api/v3/hf/margin/order/active/symbols?tradeType=MARGIN_TRADE')).json.data;
      expect(symbols).to.deep.equal({ symbolSize: 1, symbols: ['BTC-USDT'] });
      const cancelAll = await call(t, 'DELETE', '/api/v3/hf/margin/orders?symbol=BTC-USDT&tradeType=MARGIN_TRADE');
      expect(cancelAll.json).to.deep.equal({ code: '200000', data: 'success' });
    });

    it('answers placements with the doc fields: borrowSize/loanApplyId with autoBorrow only, a number on Add Order Test', async () => {
      const t = sandboxAt();
      const plain = await place(t, { clientOid: 'r-1', side: 'buy', symbol: 'BTC-USDT', price: '60000', size: '0.01' });
      expect(Object.keys(plain.json.data)).to.deep.equal(['orderId', 'clientOid']);
      const body = { side: 'buy', symbol: 'BTC-USDT', price: '60000', size: '0.01', autoBorrow: true };
      const v3 = (await place(t, { clientOid: 'r-2', ...body })).json.data;
      expect(Object.keys(v3)).to.deep.equal(['orderId', 'loanApplyId', 'borrowSize', 'clientOid']);
      expect(v3.borrowSize).to.equal('0');
      const v3Test = (await place(t, { clientOid: 'r-3', ...body }, ORDER_TEST)).json.data;
      expect(v3Test.borrowSize).to.equal(0);
      const v1 = (await place(t, { clientOid: 'r-4', ...body }, ORDER_V1)).json.data;
      expect([typeof v1.borrowSize, v1.clientOid]).to.deep.equal(['string', 'r-4']);
      const v1Test = (await place(t, { clientOid: 'r-5', ...body }, ORDER_TEST_V1)).json.data;
      expect(typeof v1Test.borrowSize).to.equal('string');
    });
  });

  describe('matching', () => {
    it('a resting buy holds price x size plus the maker fee, and cancelling gives it back', async () => {
      const t = sandboxAt();
      const before = balance(t, 'USDT');
      const { json } = await place(t, { clientOid: 'hold-1', side: 'buy', symbol: 'BTC-USDT', price: '60000', size: '0.01' });
      expect(balance(t, 'USDT')).to.deep.equal({ available: '99399.52', hold: '600.48' });
      await call(t, 'DELETE', `/api/v3/hf/margin/orders/${json.data.orderId}?symbol=BTC-USDT`);
      expect(balance(t, 'USDT')).to.deep.equal(before);
      const again = await call(t, 'DELETE', `/api/v3/hf/margin/orders/${json.data.orderId}?symbol=BTC-USDT`);
      expect([again.json.code, again.json.msg]).to.deep.equal(['400100', 'order_not_exist_or_not_allow_to_cancel']);
    });

    it('a marketable limit order takes the synthetic depth with the taker fee and rests the rest', async () => {
      const t = sandboxAt();
      const levels = depth(t, 'BTC-USDT', 'buy');
      expect(levels).to.have.length(5);
      const taken = sum(levels.map((l) => l.size));
      const takenFunds = sum(levels.map((l) => l.price.mul(l.size)));
      expect(taken.lt(1)).to.equal(true);
      const price = new Decimal('67260');
      const { json } = await place(t, { clientOid: 'partial-1', side: 'buy', symbol: 'BTC-USDT', price: price.toString(), size: '1' });
      const order = (await call(t, 'GET', `/api/v3/hf/margin/orders/${json.data.orderId}?symbol=BTC-USDT`)).json.data;
      const rest = new Decimal(1).minus(taken);
      expect(order).to.include({
        active: true,
        inOrderBook: true,
        dealSize: taken.toString(),
        dealFunds: takenFunds.toString(),
        fee: takenFunds.mul(TAKER_FEE_RATE).toString(),
        feeCurrency: 'USDT',
        remainSize: rest.toString(),
        remainFunds: rest.mul(price).toString(),
      });
      const restHold = rest.mul(price).mul(MAKER_FEE_RATE.plus(1));
      expect(balance(t, 'USDT')).to.deep.equal({
        available: new Decimal(100000).minus(takenFunds.mul(TAKER_FEE_RATE.plus(1))).minus(restHold).toString(),
        hold: restHold.toString(),
      });
      expect(balance(t, 'BTC').available).to.equal(new Decimal(2).plus(taken).toString());

      const fills = (await call(t, 'GET', '/api/v3/hf/margin/fills?symbol=BTC-USDT&tradeType=MARGIN_TRADE')).json.data.items;
      expect(fills).to.have.length(5);
      // latest first: the deepest level was taken last
      expect(fills.map((f: { price: string }) => f.price)).to.deep.equal(levels.map((l) => l.price.toString()).reverse());
      expect(fills.every((f: { liquidity: string; feeRate: string }) => f.liquidity === 'taker' && f.feeRate === '0.001')).to.equal(true);

      // The rest sits above the mark (the book is swept): it waits while the mark stays below it...
      t.sandbox.state.markPrices.set('BTC-USDT', '67200');
      t.advance(1_000);
      const waiting = (await call(t, 'GET', `/api/v3/hf/margin/orders/${json.data.orderId}?symbol=BTC-USDT`)).json.data;
      expect(waiting).to.include({ active: true, dealSize: taken.toString() });
      // ...and fills, as maker at its own price, once the mark reaches it.
      t.sandbox.state.markPrices.set('BTC-USDT', '67300');
      t.advance(1_000);
      const done = (await call(t, 'GET', `/api/v3/hf/margin/orders/${json.data.orderId}?symbol=BTC-USDT`)).json.data;
      const restFunds = rest.mul(price);
      expect(done).to.include({
        active: false,
        dealSize: '1',
        dealFunds: takenFunds.plus(restFunds).toString(),
        fee: takenFunds.mul(TAKER_FEE_RATE).plus(restFunds.mul(MAKER_FEE_RATE)).toString(),
      });
      expect(balance(t, 'BTC').available).to.equal('3');
      expect(balance(t, 'USDT').hold).to.equal('0');
    });

    it('a resting order fills as maker once the mark moves through its price', async () => {
      const t = sandboxAt();
      const buy = (await place(t, { clientOid: 'rest-b', side: 'buy', symbol: 'ETH-USDT', price: '3400', size: '0.5' })).json.data;
      const sell = (await place(t, { clientOid: 'rest-s', side: 'sell', symbol: 'SOL-USDT', price: '155', size: '2' })).json.data;
      t.advance(5_000);
      const still = (await call(t, 'GET', `/api/v3/hf/margin/orders/${buy.orderId}?symbol=ETH-USDT`)).json.data;
      expect(still.active).to.equal(true);

      t.sandbox.state.markPrices.set('ETH-USDT', '3390');
      t.sandbox.state.markPrices.set('SOL-USDT', '156');
      t.advance(1_000);
      const filled = (await call(t, 'GET', `/api/v3/hf/margin/orders/${buy.orderId}?symbol=ETH-USDT`)).json.data;
      expect(filled).to.include({ active: false, dealSize: '0.5', dealFunds: '1700', fee: '1.36', remainSize: '0', cancelExist: false, lastUpdatedAt: t.now });
      expect(balance(t, 'ETH').available).to.equal('20.5');
      expect(balance(t, 'USDT').hold).to.equal('0');
      const sold = (await call(t, 'GET', `/api/v3/hf/margin/orders/${sell.orderId}?symbol=SOL-USDT`)).json.data;
      expect(sold).to.include({ active: false, dealSize: '2', dealFunds: '310', fee: '0.248' });
      expect(balance(t, 'SOL')).to.deep.equal({ available: '198', hold: '0' });

      const fill = (await call(t, 'GET', `/api/v3/hf/margin/fills?symbol=ETH-USDT&tradeType=MARGIN_TRADE&orderId=${buy.orderId}`)).json.data.items[0];
      expect(fill).to.include({ liquidity: 'maker', feeRate: '0.0008', price: '3400', size: '0.5', fee: '1.36' });
    });

    it('GTT orders expire after cancelAfter seconds on the clock', async () => {
      const t = sandboxAt();
      const placedAt = t.now;
      const { json } = await place(t, { clientOid: 'gtt-1', side: 'buy', symbol: 'ETH-USDT', price: '3200', size: '0.1', timeInForce: 'GTT', cancelAfter: 60 });
      t.advance(30_000);
      let order = (await call(t, 'GET', `/api/v3/hf/margin/orders/${json.data.orderId}?symbol=ETH-USDT`)).json.data;
      expect([order.active, order.cancelAfter, order.timeInForce]).to.deep.equal([true, 60, 'GTT']);
      t.advance(31_000);
      order = (await call(t, 'GET', `/api/v3/hf/margin/orders/${json.data.orderId}?symbol=ETH-USDT`)).json.data;
      expect(order).to.include({ active: false, cancelExist: true, cancelledSize: '0.1', lastUpdatedAt: placedAt + 60_000 });
      expect(balance(t, 'USDT').hold).to.equal('0');
    });

    it('IOC fills what the depth has and cancels the rest; FOK fills all or nothing', async () => {
      const t = sandboxAt();
      const taken = sum(depth(t, 'BTC-USDT', 'buy').map((l) => l.size));
      const ioc = (await place(t, { clientOid: 'ioc-1', side: 'buy', symbol: 'BTC-USDT', price: '67260', size: '1', timeInForce: 'IOC' })).json.data;
      const iocOrder = (await call(t, 'GET', `/api/v3/hf/margin/orders/${ioc.orderId}?symbol=BTC-USDT`)).json.data;
      expect(iocOrder).to.include({ active: false, inOrderBook: false, cancelExist: true, dealSize: taken.toString(), cancelledSize: new Decimal(1).minus(taken).toString() });
      expect(balance(t, 'USDT').hold).to.equal('0');

      const usdt = balance(t, 'USDT');
      const fok = (await place(t, { clientOid: 'fok-1', side: 'buy', symbol: 'BTC-USDT', price: '67260', size: '1', timeInForce: 'FOK' })).json.data;
      const fokOrder = (await call(t, 'GET', `/api/v3/hf/margin/orders/${fok.orderId}?symbol=BTC-USDT`)).json.data;
      expect(fokOrder).to.include({ active: false, dealSize: '0', cancelledSize: '1', cancelExist: true });
      expect(balance(t, 'USDT')).to.deep.equal(usdt);

      const small = (await place(t, { clientOid: 'fok-2', side: 'buy', symbol: 'BTC-USDT', price: '67260', size: '0.01', timeInForce: 'FOK' })).json.data;
      const smallOrder = (await call(t, 'GET', `/api/v3/hf/margin/orders/${small.orderId}?symbol=BTC-USDT`)).json.data;
      expect(smallOrder).to.include({ active: false, dealSize: '0.01', cancelledSize: '0', cancelExist: false });
    });

    it('market orders by size and by funds take the depth and never rest', async () => {
      const t = sandboxAt();
      const bids = depth(t, 'ETH-USDT', 'sell');
      const bySize = (await place(t, { clientOid: 'mkt-1', side: 'sell', symbol: 'ETH-USDT', type: 'market', size: '0.2' })).json.data;
      const sold = (await call(t, 'GET', `/api/v3/hf/margin/orders/${bySize.orderId}?symbol=ETH-USDT`)).json.data;
      const funds = bids[0]!.price.mul('0.2');
      expect(sold).to.include({ type: 'market', price: '0', dealSize: '0.2', dealFunds: funds.toString(), active: false });
      expect(balance(t, 'USDT').available).to.equal(new Decimal(100000).plus(funds.mul(new Decimal(1).minus(TAKER_FEE_RATE))).toString());

      const byFunds = (await place(t, { clientOid: 'mkt-2', side: 'buy', symbol: 'ETH-USDT', type: 'market', funds: '1000' })).json.data;
      const bought = (await call(t, 'GET', `/api/v3/hf/margin/orders/${byFunds.orderId}?symbol=ETH-USDT`)).json.data;
      expect(bought.funds).to.equal('1000');
      expect(new Decimal(bought.dealFunds).lte(1000)).to.equal(true);
      expect(new Decimal(bought.dealFunds).gt(999)).to.equal(true);
      expect(new Decimal(bought.cancelledFunds).plus(bought.dealFunds).toString()).to.equal('1000');

      const huge = (await place(t, { clientOid: 'mkt-3', side: 'sell', symbol: 'ETH-USDT', type: 'market', size: '15' })).json.data;
      const partial = (await call(t, 'GET', `/api/v3/hf/margin/orders/${huge.orderId}?symbol=ETH-USDT`)).json.data;
      const all = sum(bids.map((l) => l.size));
      expect(partial).to.include({ dealSize: all.toString(), cancelledSize: new Decimal(15).minus(all).toString(), inOrderBook: false });
    });

    it('hidden, iceberg and STP are stored and reported', async () => {
      const t = sandboxAt();
      await place(t, { clientOid: 'ice-1', side: 'buy', symbol: 'SOL-USDT', price: '140', size: '10', iceberg: true, visibleSize: '1', stp: 'DC' });
      await place(t, { clientOid: 'hid-1', side: 'buy', symbol: 'SOL-USDT', price: '140', size: '1', hidden: true, postOnly: true });
      const ice = (await call(t, 'GET', '/api/v3/hf/margin/orders/client-order/ice-1?symbol=SOL-USDT')).json.data;
      expect(ice).to.include({ iceberg: true, visibleSize: '1', hidden: false, stp: 'DC' });
      const hidden = (await call(t, 'GET', '/api/v3/hf/margin/orders/client-order/hid-1?symbol=SOL-USDT')).json.data;
      expect(hidden).to.include({ iceberg: false, visibleSize: '0', hidden: true, postOnly: true });
      expect(hidden).not.to.have.property('stp');
    });
  });

  describe('refusals', () => {
    it('postOnly is refused when it would take, and with IOC or FOK', async () => {
      const t = sandboxAt();
      const taking = await place(t, { clientOid: 'po-1', side: 'buy', symbol: 'BTC-USDT', price: '67250.5', size: '0.01', postOnly: true });
      expect([taking.status, taking.json.code]).to.deep.equal([400, '126044']);
      const market = await place(t, { clientOid: 'po-2', side: 'sell', symbol: 'BTC-USDT', type: 'market', size: '0.01', postOnly: true });
      expect(market.json.code).to.equal('126044');
      const ioc = await place(t, { clientOid: 'po-3', side: 'buy', symbol: 'BTC-USDT', price: '60000', size: '0.01', postOnly: true, timeInForce: 'IOC' });
      expect(ioc.json.code).to.equal('400100');
      const maker = await place(t, { clientOid: 'po-4', side: 'buy', symbol: 'BTC-USDT', price: '67250.4', size: '0.01', postOnly: true });
      expect(maker.json.code).to.equal('200000');
      expect(balance(t, 'BTC').available).to.equal('2');
    });

    const base = { side: 'buy', symbol: 'BTC-USDT', price: '60000', size: '0.01' };
    const cases: Array<[string, Record<string, unknown>, string, string?]> = [
      ['clientOid missing', { ...base }, '400100'],
      ['clientOid with a space', { ...base, clientOid: 'a b' }, '400100'],
      ['clientOid of 41 characters', { ...base, clientOid: 'x'.repeat(41) }, '400100'],
      ['an unknown parameter', { ...base, clientOid: 'v', leverage: '3' }, '400100'],
      ['a side outside the enum', { ...base, clientOid: 'v', side: 'long' }, '400100'],
      ['a timeInForce outside the enum', { ...base, clientOid: 'v', timeInForce: 'DAY' }, '400100'],
      ['an unknown symbol', { ...base, clientOid: 'v', symbol: 'NOPE-USDT' }, '400100'],
      ['a symbol with trading disabled', { ...base, clientOid: 'v', symbol: 'LUNC-USDT', price: '0.00009', size: '10000' }, '126044'],
      ['isolated on a symbol without isolated margin', { ...base, clientOid: 'v', symbol: 'ADA-USDT', price: '0.45', size: '10', isIsolated: true }, '400100'],
      ['a price off the priceIncrement', { ...base, clientOid: 'v', price: '60000.05' }, '400100'],
      ['a size off the baseIncrement', { ...base, clientOid: 'v', size: '0.000010001' }, '400100'],
      ['a size below baseMinSize', { ...base, clientOid: 'v', size: '0.000009' }, '400100'],
      ['a size above baseMaxSize', { ...base, clientOid: 'v', price: '0.1', size: '10000000001' }, '400100'],
      ['a notional below minFunds', { ...base, clientOid: 'v', price: '1000', size: '0.00001' }, '400100'],
      ['funds off the quoteIncrement', { clientOid: 'v', side: 'buy', symbol: 'SOL-USDT', type: 'market', funds: '10.0001' }, '400100'],
      ['funds below quoteMinSize', { clientOid: 'v', side: 'buy', symbol: 'BTC-USDT', type: 'market', funds: '0.05' }, '400100'],
      ['funds above quoteMaxSize', { clientOid: 'v', side: 'buy', symbol: 'BTC-USDT', type: 'market', funds: '100000000' }, '400100'],
      ['a market order with size and funds', { clientOid: 'v', side: 'buy', symbol: 'BTC-USDT', type: 'market', size: '0.01', funds: '100' }, '400100'],
      ['a market order with neither size nor funds', { clientOid: 'v', side: 'buy', symbol: 'BTC-USDT', type: 'market' }, '400100'],
      ['a limit order without price', { clientOid: 'v', side: 'buy', symbol: 'BTC-USDT', size: '0.01' }, '400100'],
      ['a limit order without size', { clientOid: 'v', side: 'buy', symbol: 'BTC-USDT', price: '60000' }, '400100'],
      ['a limit order with funds', { ...base, clientOid: 'v', funds: '100' }, '400100'],
      ['cancelAfter without GTT', { ...base, clientOid: 'v', cancelAfter: 60 }, '400100'],
      ['GTT without cancelAfter', { ...base, clientOid: 'v', timeInForce: 'GTT' }, '400100'],
      ['a visibleSize above size', { ...base, clientOid: 'v', iceberg: true, visibleSize: '0.02' }, '400100'],
      ['an iceberg without visibleSize', { ...base, clientOid: 'v', iceberg: true }, '400100'],
      ['hidden and iceberg together', { ...base, clientOid: 'v', hidden: true, iceberg: true, visibleSize: '0.001' }, '400100'],
      ['a buy price beyond the price limit', { ...base, clientOid: 'v', price: '80000' }, '126044'],
      ['a sell price beyond the price limit', { ...base, clientOid: 'v', side: 'sell', price: '50000' }, '126044'],
      ['more than the cross balance', { ...base, clientOid: 'v', size: '2' }, '126013', 'Balance insufficient!'],
      ['more than the isolated balance', { ...base, clientOid: 'v', isIsolated: true, size: '0.2' }, '126013'],
      ['selling more base than held', { ...base, clientOid: 'v', side: 'sell', price: '67000', size: '3' }, '126013'],
    ];
    for (const [what, body, code, msg] of cases) {
      it(`refuses ${what} with ${code}, on the order and on the test endpoint`, async () => {
        const t = sandboxAt();
        for (const path of [ORDER, ORDER_TEST]) {
          const { status, json } = await place(t, body, path);
          expect([status, json.code], path).to.deep.equal([400, code]);
          expect(json.msg).to.be.a('string');
          if (msg) expect(json.msg).to.equal(msg);
        }
        const open = (await call(t, 'GET', '/api/v3/hf/margin/order/active/symbols?tradeType=MARGIN_TRADE')).json.data;
        expect(open.symbolSize).to.equal(0);
        expect(balance(t, 'USDT')).to.deep.equal({ available: '100000', hold: '0' });
      });
    }

    it('the V1 endpoints answer a short balance with 200004 and take marginModel, not isIsolated', async () => {
      const t = sandboxAt();
      const short = await place(t, { ...base, clientOid: 'v1-1', size: '2' }, ORDER_V1);
      expect(short.json.code).to.equal('200004');
      const wrongField = await place(t, { ...base, clientOid: 'v1-2', isIsolated: true }, ORDER_V1);
      expect(wrongField.json.code).to.equal('400100');
      const v3Field = await place(t, { ...base, clientOid: 'v1-3', marginModel: 'isolated' });
      expect(v3Field.json.code).to.equal('400100');
      const badModel = await place(t, { ...base, clientOid: 'v1-4', marginModel: 'portfolio' }, ORDER_V1);
      expect(badModel.json.code).to.equal('400100');
      const isolated = (await place(t, { ...base, clientOid: 'v1-5', marginModel: 'isolated' }, ORDER_V1)).json.data;
      const order = (await call(t, 'GET', `/api/v3/hf/margin/orders/${isolated.orderId}?symbol=BTC-USDT`)).json.data;
      expect(order.tradeType).to.equal('MARGIN_ISOLATED_TRADE');
      // A V1 order trades in the classic isolated account, not the HF one.
      expect(balance(t, 'USDT', account(t).isolated('BTC-USDT', false)).hold).to.equal('600.48');
      expect(balance(t, 'USDT', account(t).isolated('BTC-USDT')).hold).to.equal('0');
    });

    it('a reused clientOid is refused, even once the first order is done, and through the client', async () => {
      const t = sandboxAt();
      const first = await place(t, { ...base, clientOid: 'dup-1' });
      expect(first.json.code).to.equal('200000');
      const again = await place(t, { clientOid: 'dup-1', side: 'sell', symbol: 'ETH-USDT', price: '3500', size: '0.1' });
      expect([again.json.code, again.json.msg]).to.deep.equal(['400100', 'The clientOid is duplicated. Please change it.']);
      await call(t, 'DELETE', `/api/v3/hf/margin/orders/client-order/dup-1?symbol=BTC-USDT`);
      expect((await place(t, { ...base, clientOid: 'dup-1' }, ORDER_V1)).json.code).to.equal('400100');
      expect((await place(t, { ...base, clientOid: 'dup-1' }, ORDER_TEST)).json.code).to.equal('400100');
      try {
        await addOrder(transportFor(t), { clientOid: 'dup-1', side: 'buy', symbol: 'BTC-USDT', price: '60000', size: '0.01' });
        expect.fail('the duplicate was placed');
      } catch (error) {
        expect(error).to.be.instanceOf(ExchangeError);
        expect((error as ExchangeError).code).to.equal('400100');
      }
      const open = (await call(t, 'GET', '/api/v3/hf/margin/orders/active?symbol=BTC-USDT&tradeType=MARGIN_TRADE')).json.data;
      expect(open).to.deep.equal([]);
    });

    it('an unknown order, or one looked up under another symbol, is the venue not-found', async () => {
      const t = sandboxAt();
      const { json } = await place(t, { ...base, clientOid: 'nf-1' });
      for (const path of [
        '/api/v3/hf/margin/orders/0123456789abcdef01234567?symbol=BTC-USDT',
        `/api/v3/hf/margin/orders/${json.data.orderId}?symbol=ETH-USDT`,
        '/api/v3/hf/margin/orders/client-order/nope?symbol=BTC-USDT',
      ]) {
        for (const method of ['GET', 'DELETE']) {
          const missing = await call(t, method, path);
          expect([missing.status, missing.json.code], `${method} ${path}`).to.deep.equal([404, '400100']);
        }
      }
      const noSymbol = await call(t, 'GET', `/api/v3/hf/margin/orders/${json.data.orderId}`);
      expect([noSymbol.status, noSymbol.json.code]).to.deep.equal([400, '400100']);
    });

    it('list endpoints check tradeType, limit and the time range', async () => {
      const t = sandboxAt();
      for (const path of [
        '/api/v3/hf/margin/orders/active?symbol=BTC-USDT',
        '/api/v3/hf/margin/orders/active?symbol=BTC-USDT&tradeType=SPOT',
        '/api/v3/hf/margin/order/active/symbols',
        '/api/v3/hf/margin/orders/done?symbol=BTC-USDT&tradeType=MARGIN_TRADE&limit=101',
        '/api/v3/hf/margin/orders/done?symbol=BTC-USDT&tradeType=MARGIN_TRADE&startAt=2000&endAt=1000',
        '/api/v3/hf/margin/fills?symbol=BTC-USDT&tradeType=MARGIN_TRADE&side=long',
        '/api/v3/hf/margin/fills?symbol=BTC-USDT&tradeType=MARGIN_TRADE&lastId=abc',
        '/api/v3/hf/margin/orders?symbol=BTC-USDT',
        '/api/v3/hf/margin/orders?symbol=NOPE-USDT&tradeType=MARGIN_TRADE',
      ]) {
        const method = path.startsWith('/api/v3/hf/margin/orders?') ? 'DELETE' : 'GET';
        const { status, json } = await call(t, method, path);
        expect([status, json.code], path).to.deep.equal([400, '400100']);
      }
    });
  });

  describe('autoBorrow and autoRepay', () => {
    it('autoBorrow borrows the shortfall through the loan ledger and reports it', async () => {
      const t = sandboxAt();
      // 2 BTC at 60000 holds 120000 x 1.0008 = 120096 USDT; the cross wallet has 100000.
      const { json } = await place(t, { clientOid: 'ab-1', side: 'buy', symbol: 'BTC-USDT', price: '60000', size: '2', autoBorrow: true });
      expect(json.code).to.equal('200000');
      const borrows = t.sandbox.state.loans.records(account(t)).borrows;
      expect(borrows).to.have.length(1);
      expect(borrows[0]).to.include({ currency: 'USDT', symbol: '', status: 'SUCCESS' });
      expect(borrows[0]!.actualSize.toString()).to.equal('20096');
      expect(json.data).to.deep.equal({ orderId: json.data.orderId, loanApplyId: borrows[0]!.orderNo, borrowSize: '20096', clientOid: 'ab-1' });
      expect(balance(t, 'USDT')).to.deep.equal({ available: '0', hold: '120096' });
      expect(account(t).cross.liability('USDT').principal.toString()).to.equal('20096');
    });

    it('autoBorrow on an isolated sell borrows the base there; autoRepay repays it from the buy-back fill', async () => {
      const t = sandboxAt();
      const wallet = account(t).isolated('BTC-USDT');
      const transport = transportFor(t);
      const short = await addOrder(transport, { clientOid: 'iso-1', side: 'sell', symbol: 'BTC-USDT', type: 'market', size: '0.01', isIsolated: true, autoBorrow: true });
      expect(short.borrowSize!.toString()).to.equal('0.01');
      const borrows = t.sandbox.state.loans.records(account(t)).borrows;
      expect(borrows.map((b) => [b.symbol, b.currency, b.actualSize.toString(), b.orderNo])).to.deep.equal([['BTC-USDT', 'BTC', '0.01', short.loanApplyId]]);
      expect(wallet.debt('BTC').toString()).to.equal('0.01');
      expect(wallet.balance('BTC').available.toString()).to.equal('0');

      await addOrder(transport, { clientOid: 'iso-2', side: 'buy', symbol: 'BTC-USDT', type: 'market', size: '0.015', isIsolated: true, autoRepay: true });
      const repays = t.sandbox.state.loans.records(account(t)).repays;
      expect(repays.map((r) => [r.symbol, r.currency, r.size.toString()])).to.deep.equal([['BTC-USDT', 'BTC', '0.01']]);
      expect(wallet.debt('BTC').toString()).to.equal('0');
      expect(wallet.balance('BTC').available.toString()).to.equal('0.005');
      const isolatedOrders = await getClosedOrders(transport, { symbol: 'BTC-USDT', tradeType: 'MARGIN_ISOLATED_TRADE' });
      expect(isolatedOrders.items.map((o) => o.clientOid)).to.deep.equal(['iso-2', 'iso-1']);
      expect((await getClosedOrders(transport, { symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' })).items).to.deep.equal([]);
    });

    it('autoBorrow beyond the borrow limit or of a disabled currency is refused before anything moves', async () => {
      const t = sandboxAt();
      // Isolated BTC-USDT lends at most a tenth of the cross USDT limit (100 000).
      const tooMuch = await place(t, { clientOid: 'lim-1', side: 'buy', symbol: 'BTC-USDT', price: '60000', size: '2', isIsolated: true, autoBorrow: true });
      expect(tooMuch.json.code).to.equal('126013');
      const disabled = await place(t, { clientOid: 'lim-2', side: 'buy', symbol: 'AVAX-USDT', price: '30', size: '400', isIsolated: true, autoBorrow: true });
      expect(disabled.json.code).to.equal('130103');
      expect(t.sandbox.state.loans.records(account(t)).borrows).to.deep.equal([]);
    });
  });

  describe('test orders', () => {
    it('run every check and change nothing: no order, no hold, no loan', async () => {
      const t = sandboxAt();
      await place(t, { clientOid: 'keep-1', side: 'buy', symbol: 'BTC-USDT', price: '60000', size: '0.01' });
      const snapshot = () =>
        JSON.stringify({
          cross: [...account(t).cross.balances].map(([c, b]) => [c, b.available.toString(), b.hold.toString()]),
          debt: [...account(t).cross.liabilities].map(([c, l]) => [c, l.principal.toString()]),
          loans: t.sandbox.state.loans.records(account(t)).borrows.length,
          mark: t.sandbox.state.markPrices.get('BTC-USDT')!.toString(),
        });
      const before = snapshot();
      const openBefore = (await call(t, 'GET', '/api/v3/hf/margin/orders/active?symbol=BTC-USDT&tradeType=MARGIN_TRADE')).json.data;

      const tested = [
        await place(t, { clientOid: 'test-1', side: 'buy', symbol: 'BTC-USDT', price: '67260', size: '0.5' }, ORDER_TEST),
        await place(t, { clientOid: 'test-2', side: 'buy', symbol: 'BTC-USDT', price: '60000', size: '2', autoBorrow: true }, ORDER_TEST),
        await place(t, { clientOid: 'test-3', side: 'sell', symbol: 'BTC-USDT', type: 'market', size: '1' }, ORDER_TEST_V1),
      ];
      expect(tested.map((r) => r.json.code)).to.deep.equal(['200000', '200000', '200000']);
      // 120096 held less the 99399.52 available (keep-1 holds 600.48), up to whole USDT (borrowMinUnit 1)
      expect(tested[1]!.json.data).to.include({ borrowSize: 20697, loanApplyId: '' });
      expect(snapshot()).to.equal(before);
      const openAfter = (await call(t, 'GET', '/api/v3/hf/margin/orders/active?symbol=BTC-USDT&tradeType=MARGIN_TRADE')).json.data;
      expect(openAfter).to.deep.equal(openBefore);
      const fills = (await call(t, 'GET', '/api/v3/hf/margin/fills?symbol=BTC-USDT&tradeType=MARGIN_TRADE')).json.data.items;
      expect(fills).to.deep.equal([]);
      for (const r of tested) {
        const lookup = await call(t, 'GET', `/api/v3/hf/margin/orders/${r.json.data.orderId}?symbol=BTC-USDT`);
        expect(lookup.json.code).to.equal('400100');
      }
      // Nothing was placed, so the clientOid is still free.
      expect((await place(t, { clientOid: 'test-1', side: 'buy', symbol: 'BTC-USDT', price: '60000', size: '0.01' })).json.code).to.equal('200000');
    });
  });

  describe('history paging', () => {
    it('closed orders and fills page with lastId, latest first, filtered by side, type and time', async () => {
      const t = sandboxAt();
      const start = t.now;
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        const side = i % 2 === 0 ? 'buy' : 'sell';
        const { json } = await place(t, { clientOid: `page-${i}`, side, symbol: 'SOL-USDT', type: 'market', size: '1' });
        ids.push(json.data.orderId);
        t.advance(1_000);
      }
      const read = async (query: string) => (await call(t, 'GET', `/api/v3/hf/margin/orders/done?symbol=SOL-USDT&tradeType=MARGIN_TRADE${query}`)).json.data;
      const first = await read('&limit=2');
      expect(first.items.map((o: { id: string }) => o.id)).to.deep.equal([ids[4], ids[3]]);
      const second = await read(`&limit=2&lastId=${first.lastId}`);
      expect(second.items.map((o: { id: string }) => o.id)).to.deep.equal([ids[2], ids[1]]);
      const third = await read(`&limit=2&lastId=${second.lastId}`);
      expect(third.items.map((o: { id: string }) => o.id)).to.deep.equal([ids[0]]);
      const end = await read(`&limit=2&lastId=${third.lastId}`);
      expect(end).to.deep.equal({ lastId: 0, items: [] });

      expect((await read('&side=sell')).items.map((o: { id: string }) => o.id)).to.deep.equal([ids[3], ids[1]]);
      expect((await read('&type=limit')).items).to.deep.equal([]);
      expect((await read(`&startAt=${start + 1_000}&endAt=${start + 2_000}`)).items.map((o: { id: string }) => o.id)).to.deep.equal([ids[2], ids[1]]);
      expect((await read('')).items).to.have.length(5);

      const fills = async (query: string) => (await call(t, 'GET', `/api/v3/hf/margin/fills?symbol=SOL-USDT&tradeType=MARGIN_TRADE${query}`)).json.data;
      const page1 = await fills('&limit=3');
      expect(page1.items.map((f: { orderId: string }) => f.orderId)).to.deep.equal([ids[4], ids[3], ids[2]]);
      const page2 = await fills(`&limit=3&lastId=${page1.lastId}`);
      expect(page2.items.map((f: { orderId: string }) => f.orderId)).to.deep.equal([ids[1], ids[0]]);
      expect((await fills('&side=buy')).items).to.have.length(3);
      expect((await fills(`&orderId=${ids[1]}`)).items.map((f: { side: string }) => f.side)).to.deep.equal(['sell']);
      const tradeIds = (await fills('')).items.map((f: { tradeId: number }) => f.tradeId);
      expect(tradeIds).to.deep.equal([5, 4, 3, 2, 1]);
    });

    it('cancel all by symbol cancels only that symbol and trade type', async () => {
      const t = sandboxAt();
      await place(t, { clientOid: 'ca-1', side: 'buy', symbol: 'BTC-USDT', price: '60000', size: '0.01' });
      await place(t, { clientOid: 'ca-2', side: 'sell', symbol: 'BTC-USDT', price: '70000', size: '0.01' });
      await place(t, { clientOid: 'ca-3', side: 'buy', symbol: 'BTC-USDT', price: '60000', size: '0.01', isIsolated: true });
      await place(t, { clientOid: 'ca-4', side: 'buy', symbol: 'ETH-USDT', price: '3000', size: '0.1' });
      const answer = await call(t, 'DELETE', '/api/v3/hf/margin/orders?symbol=BTC-USDT&tradeType=MARGIN_TRADE');
      expect(answer.json.data).to.equal('success');
      const cross = (await call(t, 'GET', '/api/v3/hf/margin/order/active/symbols?tradeType=MARGIN_TRADE')).json.data;
      expect(cross).to.deep.equal({ symbolSize: 1, symbols: ['ETH-USDT'] });
      const isolated = (await call(t, 'GET', '/api/v3/hf/margin/order/active/symbols?tradeType=MARGIN_ISOLATED_TRADE')).json.data;
      expect(isolated).to.deep.equal({ symbolSize: 1, symbols: ['BTC-USDT'] });
      expect(balance(t, 'BTC')).to.deep.equal({ available: '2', hold: '0' });
      expect(balance(t, 'USDT').hold).to.equal('300.24');
    });
  });

  it('is deterministic: two sandboxes with one seed answer the same calls with the same JSON', async () => {
    const run = async () => {
      const t = sandboxAt();
      const answers: unknown[] = [];
      answers.push((await place(t, { clientOid: 'd-1', side: 'buy', symbol: 'BTC-USDT', price: '67260', size: '1' })).json);
      answers.push((await place(t, { clientOid: 'd-2', side: 'sell', symbol: 'ETH-USDT', type: 'market', funds: '500' }, ORDER_V1)).json);
      answers.push((await place(t, { clientOid: 'd-3', side: 'buy', symbol: 'SOL-USDT', price: '150', size: '3', autoBorrow: true, isIsolated: true })).json);
      t.advance(120_000);
      answers.push((await call(t, 'GET', '/api/v3/hf/margin/orders/active?symbol=BTC-USDT&tradeType=MARGIN_TRADE')).json);
      answers.push((await call(t, 'GET', '/api/v3/hf/margin/orders/done?symbol=ETH-USDT&tradeType=MARGIN_TRADE')).json);
      answers.push((await call(t, 'GET', '/api/v3/hf/margin/fills?symbol=BTC-USDT&tradeType=MARGIN_TRADE')).json);
      answers.push((await call(t, 'GET', '/api/v3/hf/margin/orders/client-order/d-3?symbol=SOL-USDT')).json);
      return JSON.stringify(answers);
    };
    const a = await run();
    expect(a).to.equal(await run());
    expect(a).to.contain('"code":"200000"');
    expect(a).not.to.contain('"code":"4');
  });
});
