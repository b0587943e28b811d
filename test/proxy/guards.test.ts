import { expect } from '@open-wc/testing';
import { ENDPOINTS } from '../../src/core/endpoints.js';
import { createGuard, orderNotional, type GuardInput } from '../../src/proxy/guards.js';
import { JsonNumber, readJson, type JsonObject } from '../../src/proxy/json-text.js';
import { Refusal } from '../../src/proxy/respond.js';

const endpoint = (name: string) => ENDPOINTS.find((spec) => spec.name === name)!;

function input(name: string, parts: Partial<Omit<GuardInput, 'endpoint'>> = {}): GuardInput {
  return { endpoint: endpoint(name), pathParams: {}, queryParams: new Map(), body: undefined, ...parts };
}

function verdict(run: () => void): string {
  try {
    run();
    return 'pass';
  } catch (error) {
    if (error instanceof Refusal) return `${error.status} ${error.code}`;
    throw error;
  }
}

describe('guards: read-only', () => {
  it('lets GETs through and refuses every POST and DELETE', () => {
    const guard = createGuard({ readOnly: true });
    for (const spec of ENDPOINTS) {
      const expected = spec.method === 'GET' ? 'pass' : '403 guard';
      expect(verdict(() => guard({ endpoint: spec, pathParams: {}, queryParams: new Map(), body: {} })), spec.name).to.equal(expected);
    }
  });
});

describe('guards: allowed symbols', () => {
  const guard = createGuard({ allowedSymbols: ['BTC-USDT', 'ETH_USDT'] });

  it('checks symbols in the body, the query (lists too) and the path, case-insensitively', () => {
    expect(verdict(() => guard(input('addOrder', { body: { symbol: 'BTC-USDT' } })))).to.equal('pass');
    expect(verdict(() => guard(input('addOrder', { body: { symbol: 'btc-usdt' } })))).to.equal('pass');
    expect(verdict(() => guard(input('addOrder', { body: { symbol: 'SOL-USDT' } })))).to.equal('403 guard');
    expect(verdict(() => guard(input('addOrder', { body: { symbol: 'sol-usdt' } })))).to.equal('403 guard');
    expect(verdict(() => guard(input('getOpenOrders', { queryParams: new Map([['symbol', 'BTC-USDT']]) })))).to.equal('pass');
    expect(verdict(() => guard(input('cancelAllOrdersBySymbol', { queryParams: new Map([['symbol', 'BTC-USDT,SOL-USDT']]) })))).to.equal('403 guard');
    expect(verdict(() => guard(input('getMarkPriceDetail', { pathParams: { symbol: 'SOL-USDT' } })))).to.equal('403 guard');
    expect(verdict(() => guard(input('marginBorrowIsolated', { body: { symbol: 'ETH_USDT', currency: 'ETH', amount: '1' } })))).to.equal('pass');
  });

  it('fails closed on anything but the venue symbol alphabet (no Unicode case mapping)', () => {
    // U+017F upper-cases to S and U+0131 to I: compared after toUpperCase they would pass.
    for (const symbol of ['BTC-U\u017fDT', 'BTC-US\u0131DT', 'BTC-USDT\u0000', 'BTC USDT', 'BTC-USDT.', '\uff22TC-USDT']) {
      expect(verdict(() => guard(input('addOrder', { body: { symbol } }))), symbol).to.equal('403 guard');
    }
    expect(() => createGuard({ allowedSymbols: ['BTC-U\u017fDT'] })).to.throw(TypeError);
  });

  it('refuses order calls that name no symbol, and symbols that are not strings', () => {
    expect(verdict(() => guard(input('addOrder', { body: { side: 'buy' } })))).to.equal('403 guard');
    expect(verdict(() => guard(input('cancelOrderByOrderId', { pathParams: { orderId: '1' } })))).to.equal('403 guard');
    expect(verdict(() => guard(input('marginRepayIsolated', { body: { currency: 'BTC', amount: '1' } })))).to.equal('403 guard');
    expect(verdict(() => guard(input('addOrder', { body: { symbol: ['BTC-USDT'] } })))).to.equal('403 guard');
    expect(verdict(() => guard(input('addOrder', { body: { symbol: null } })))).to.equal('403 guard');
  });

  it('leaves calls that are not about a symbol alone', () => {
    expect(verdict(() => guard(input('borrow', { body: { currency: 'USDT', size: new JsonNumber('10') } })))).to.equal('pass');
    expect(verdict(() => guard(input('getCrossMarginSymbols')))).to.equal('pass');
  });
});

describe('guards: max order notional', () => {
  const guard = createGuard({ maxOrderNotional: '1000' });

  it('computes price x size exactly, with decimals, never floats', () => {
    expect(orderNotional({ price: '0.1', size: '0.2' }).toString()).to.equal('0.02');
    expect(orderNotional({ type: 'limit', price: '33333.33333333', size: '0.03' }).toString()).to.equal('999.9999999999');
    expect(orderNotional({ type: 'market', funds: '12.5' }).toString()).to.equal('12.5');
  });

  it('allows up to the limit and refuses above it, for all four order endpoints', () => {
    for (const name of ['addOrder', 'addOrderTest', 'addOrderV1', 'addOrderTestV1']) {
      expect(verdict(() => guard(input(name, { body: { symbol: 'BTC-USDT', price: '500', size: '2' } }))), name).to.equal('pass');
      expect(verdict(() => guard(input(name, { body: { symbol: 'BTC-USDT', price: '500.00000001', size: '2' } }))), name).to.equal('403 guard');
      expect(verdict(() => guard(input(name, { body: { type: 'market', funds: '1000.1' } }))), name).to.equal('403 guard');
    }
  });

  it('fails closed on what it cannot bound', () => {
    const refused: JsonObject[] = [
      { type: 'market', size: '1' },
      { type: 'market', size: '1', price: '0.0001', funds: '1' },
      { type: 'limit', size: '1' },
      { price: '1' },
      { type: 'stop', price: '1', size: '1' },
      { price: 'abc', size: '1' },
      { price: '-1', size: '-2000' },
      { price: '1e3', size: '2' },
      { price: '1', size: '1', funds: '5000' },
      { price: 'Infinity', size: '1' },
    ];
    for (const body of refused) expect(verdict(() => guard(input('addOrder', { body }))), JSON.stringify(body)).to.equal('403 guard');
    expect(verdict(() => guard(input('addOrder', { body: { price: new JsonNumber('10'), size: new JsonNumber('99') } })))).to.equal('pass');
  });

  it('reads amounts from the text the caller wrote, plain decimals only', () => {
    const body = (text: string) => readJson(text) as JsonObject;
    // Exponents could make a tiny notional out of huge numbers (1e-1000000000 x 1e1000000000 = 1).
    for (const text of [
      '{"price":"1e-1000000000","size":"1e1000000000"}',
      '{"price":1e-9,"size":1e9}',
      '{"price":1E2,"size":"1"}',
      '{"price":"0x10","size":"1"}',
      '{"price":".5","size":"1"}',
      '{"price":"+1","size":"1"}',
      '{"price":"1.","size":"1"}',
      '{"price":" 1","size":"1"}',
      '{"price":true,"size":"1"}',
      '{"price":null,"size":"1"}',
      '{"price":"1","size":1e400}',
    ]) {
      expect(verdict(() => guard(input('addOrder', { body: body(text) }))), text).to.equal('403 guard');
    }
    // A JSON number is read exactly, never through a double: 1000.0000000000000000001 > 1000.
    expect(verdict(() => guard(input('addOrder', { body: body('{"price":1000.0000000000000000001,"size":1}') })))).to.equal('403 guard');
    expect(verdict(() => guard(input('addOrder', { body: body('{"price":1000.0000000000000000000,"size":1}') })))).to.equal('pass');
    expect(orderNotional(body('{"price":123456789012345678901234567890,"size":"0.000000000000000000000000000001"}')).toString()).to.equal('0.12345678901234567890123456789');
  });

  it('does not apply to other calls', () => {
    expect(verdict(() => guard(input('borrow', { body: { currency: 'USDT', size: '1000000' } })))).to.equal('pass');
  });

  it('refuses a bad limit when created', () => {
    expect(() => createGuard({ maxOrderNotional: 'lots' })).to.throw(TypeError);
    expect(() => createGuard({ maxOrderNotional: '-1' })).to.throw(TypeError);
  });
});
