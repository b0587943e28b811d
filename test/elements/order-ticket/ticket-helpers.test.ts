import { expect } from '@open-wc/testing';
import { ExchangeError, NetworkError, ProxyError, TimeoutError } from '../../../src/client/errors.js';
import type { CrossMarginSymbols, IsolatedMarginSymbol } from '../../../src/client/kucoin/market.js';
import { Decimal } from '../../../src/core/decimal.js';
import { describeOrderError, describeUnknownCause, orderErrorKind } from '../../../src/elements/order-ticket/order-errors.js';
import { describeOrderViolation } from '../../../src/elements/order-ticket/strings.js';
import { findTicketSymbol, ticketSymbols } from '../../../src/elements/order-ticket/symbols.js';

const kucoin = (code: string, message: string, status = 400) => new ExchangeError({ venue: 'kucoin', code, message, status });

describe('order errors in trader words', () => {
  it('sorts venue errors into what a trader can act on', () => {
    expect(orderErrorKind(kucoin('200004', 'Balance insufficient!'))).to.equal('insufficient-balance');
    expect(orderErrorKind(kucoin('126013', 'Balance insufficient!'))).to.equal('insufficient-balance');
    expect(orderErrorKind(kucoin('126044', 'clientOid duplicate'))).to.equal('duplicate-client-oid');
    expect(orderErrorKind(kucoin('400100', 'The clientOid is duplicated. Please change it.'))).to.equal('duplicate-client-oid');
    expect(orderErrorKind(kucoin('400100', 'Order size increment invalid: must be a multiple of baseIncrement 0.0001'))).to.equal('amounts');
    expect(orderErrorKind(kucoin('130103', 'Borrowing LUNC is not enabled'))).to.equal('margin-unavailable');
    expect(orderErrorKind(kucoin('126044', 'Order creation for LUNC-USDT is suspended'))).to.equal('refused');
    expect(orderErrorKind(kucoin('400005', 'Invalid KC-API-SIGN'))).to.equal('venue-auth');
    expect(orderErrorKind(new ProxyError({ code: 'unauthorized', message: 'Send a valid caller credential.', status: 401 }))).to.equal('auth');
    expect(orderErrorKind(new ProxyError({ code: 'guard', message: 'read-only', status: 403 }))).to.equal('auth');
    expect(orderErrorKind(new ProxyError({ code: 'not_allowed', message: 'no', status: 404 }))).to.equal('other');
    expect(orderErrorKind(kucoin('500000', 'Internal', 503))).to.equal('other');
  });

  it('names the venue code and keeps the venue message', () => {
    expect(describeOrderError(kucoin('126013', 'Balance insufficient!'))).to.contain('Not enough balance').and.contain('code 126013');
    expect(describeOrderError(kucoin('130103', 'no isolated pair'))).to.contain('not available').and.contain('130103');
    expect(describeOrderError(new ProxyError({ code: 'unauthorized', message: 'Send a valid caller credential.', status: 401 }))).to.contain('did not let this page in');
    expect(describeOrderError(new ProxyError({ code: 'not_allowed', message: 'nope', status: 404 }))).to.equal('The proxy refused this request: nope');
    expect(describeUnknownCause(new TimeoutError(100))).to.contain('no answer in time');
    expect(describeUnknownCause(new NetworkError('x'))).to.contain('lost');
    expect(describeUnknownCause(kucoin('500000', 'x', 503))).to.contain('internal error');
  });

  it('words each broken rule with its rule and its localized limit', () => {
    const ctx = { base: 'BTC', quote: 'USDT', formatLimit: (l: string) => `<${l}>` };
    expect(describeOrderViolation({ field: 'price', rule: 'step', limit: '0.1' }, ctx)).to.equal('Must be a multiple of the price increment <0.1> USDT');
    expect(describeOrderViolation({ field: 'size', rule: 'min', limit: '0.00001' }, ctx)).to.equal('At least the minimum size <0.00001> BTC');
    expect(describeOrderViolation({ field: 'size', rule: 'max', limit: '10' }, ctx)).to.equal('At most the maximum size <10> BTC');
    expect(describeOrderViolation({ field: 'funds', rule: 'step', limit: '0.000001' }, ctx)).to.equal('Must be a multiple of the funds increment <0.000001> USDT');
    expect(describeOrderViolation({ field: 'notional', rule: 'min-notional', limit: '0.1' }, ctx)).to.contain('at least the minimum <0.1> USDT');
    expect(describeOrderViolation({ field: 'visibleSize', rule: 'above-size', limit: '0.001' }, ctx)).to.equal('At most the order size <0.001> BTC');
    expect(describeOrderViolation({ field: 'cancelAfter', rule: 'gtt-only' }, ctx)).to.contain('GTT');
    expect(describeOrderViolation({ field: 'postOnly', rule: 'not-with-ioc-fok' }, ctx)).to.contain('IOC or FOK');
    expect(describeOrderViolation({ field: 'leverage', rule: 'max', limit: '5' }, ctx)).to.equal('At most the maximum leverage <5>×');
    expect(describeOrderViolation({ field: 'leverage', rule: 'decimals', limit: '2' }, ctx)).to.equal('At most 2 decimal places');
    expect(describeOrderViolation({ field: 'price', rule: 'required' }, ctx)).to.equal('Required');
    expect(describeOrderViolation({ field: 'price', rule: 'not-a-number' }, ctx)).to.equal('Enter a number, like 12.5');
  });
});

describe('ticket symbols', () => {
  const d = (v: string) => new Decimal(v);
  const cross: CrossMarginSymbols = {
    timestamp: 1,
    items: [
      { symbol: 'BTC-USDT', name: 'BTC-USDT', enableTrading: true, market: 'USDS', baseCurrency: 'BTC', quoteCurrency: 'USDT', baseIncrement: d('0.00000001'), baseMinSize: d('0.00001'), quoteIncrement: d('0.000001'), quoteMinSize: d('0.1'), baseMaxSize: d('1000'), quoteMaxSize: d('99999999'), priceIncrement: d('0.1'), feeCurrency: 'USDT', priceLimitRate: d('0.1'), minFunds: d('0.1') },
      { symbol: 'LUNC-USDT', name: 'LUNC-USDT', enableTrading: false, market: 'USDS', baseCurrency: 'LUNC', quoteCurrency: 'USDT', baseIncrement: d('1'), baseMinSize: d('1000'), quoteIncrement: d('0.00000001'), quoteMinSize: d('0.1'), baseMaxSize: d('1000000'), quoteMaxSize: d('99999999'), priceIncrement: d('0.00000001'), feeCurrency: 'USDT', priceLimitRate: d('0.1'), minFunds: d('0.1') },
    ],
  };
  const iso = (symbol: string, tradeEnable = true): IsolatedMarginSymbol => ({
    symbol, symbolName: symbol, baseCurrency: symbol.split('-')[0]!, quoteCurrency: 'USDT', maxLeverage: 7, flDebtRatio: d('0.97'), tradeEnable,
    autoRenewMaxDebtRatio: d('0.96'), baseBorrowEnable: true, quoteBorrowEnable: true, baseTransferInEnable: true, quoteTransferInEnable: true,
    baseBorrowCoefficient: d('1'), quoteBorrowCoefficient: d('1'),
  });

  it('cross: the cross list; trading off is a disabled reason', () => {
    const list = ticketSymbols('cross', cross, undefined);
    expect(list.map((s) => [s.symbol, s.disabledReason])).to.deep.equal([['BTC-USDT', undefined], ['LUNC-USDT', 'trading-off']]);
    expect(list[0]!.rules!.priceIncrement.toString()).to.equal('0.1');
  });

  it('isolated: increments from the cross entry of the same symbol, leverage from the pair', () => {
    const list = ticketSymbols('isolated', cross, [iso('BTC-USDT'), iso('NEW-USDT'), iso('LUNC-USDT', false)]);
    expect(list.map((s) => [s.symbol, s.disabledReason, s.maxLeverage])).to.deep.equal([
      ['BTC-USDT', undefined, 7],
      ['NEW-USDT', 'no-rules', 7],
      ['LUNC-USDT', 'trading-off', 7],
    ]);
    expect(list[0]!.rules!.baseIncrement.toString()).to.equal('0.00000001');
    expect(list[1]!.rules).to.equal(undefined);
    expect(findTicketSymbol(list, 'ADA-USDT').disabledReason).to.equal('not-listed');
  });
});
