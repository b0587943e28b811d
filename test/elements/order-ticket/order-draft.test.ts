import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Decimal, toPlainString } from '../../../src/core/decimal.js';
import {
  checkDraft,
  checkLeverage,
  draftKey,
  emptyDraft,
  estimate,
  hfOrderParams,
  paramEntries,
  placementParams,
  snapPrice,
  tickPrice,
  v1OrderParams,
  type OrderDraft,
  type OrderViolation,
  type SymbolRules,
  type ValidOrder,
} from '../../../src/elements/order-ticket/order-draft.js';

const BTC: SymbolRules = {
  symbol: 'BTC-USDT',
  baseCurrency: 'BTC',
  quoteCurrency: 'USDT',
  priceIncrement: new Decimal('0.1'),
  baseIncrement: new Decimal('0.00000001'),
  baseMinSize: new Decimal('0.00001'),
  baseMaxSize: new Decimal('10000000000'),
  quoteIncrement: new Decimal('0.000001'),
  quoteMinSize: new Decimal('0.1'),
  quoteMaxSize: new Decimal('99999999'),
  minFunds: new Decimal('0.1'),
  tradable: true,
};

function draft(patch: Partial<OrderDraft> = {}): OrderDraft {
  return { ...emptyDraft('BTC-USDT'), price: '60000.5', size: '0.001', ...patch };
}

function violations(d: OrderDraft, rules = BTC): OrderViolation[] {
  const check = checkDraft(d, rules);
  return check.ok ? [] : check.violations;
}

function valid(d: OrderDraft, rules = BTC): ValidOrder {
  const check = checkDraft(d, rules);
  if (!check.ok) throw new Error(`expected valid: ${JSON.stringify(check.violations)}`);
  return check.order;
}

describe('order-draft: the checks', () => {
  it('accepts a plain limit order and sends the exact strings', () => {
    const params = hfOrderParams(valid(draft()), 'oid1', 'cross');
    expect(params).to.deep.equal({
      clientOid: 'oid1',
      side: 'buy',
      symbol: 'BTC-USDT',
      type: 'limit',
      price: '60000.5',
      size: '0.001',
      timeInForce: 'GTC',
      isIsolated: false,
    });
  });

  it('names the price increment when the price is off the tick', () => {
    expect(violations(draft({ price: '60000.55' }))).to.deep.equal([{ field: 'price', rule: 'step', limit: '0.1' }]);
  });

  it('checks size against baseIncrement, baseMinSize and baseMaxSize, reporting every one broken', () => {
    expect(violations(draft({ size: '0.000000001' }))).to.deep.include({ field: 'size', rule: 'step', limit: '0.00000001' });
    expect(violations(draft({ size: '0.000005' }))).to.deep.include({ field: 'size', rule: 'min', limit: '0.00001' });
    const rules = { ...BTC, baseMaxSize: new Decimal('1') };
    expect(violations(draft({ size: '1.000000005' }), rules)).to.deep.equal([
      { field: 'size', rule: 'step', limit: '0.00000001' },
      { field: 'size', rule: 'max', limit: '1' },
    ]);
  });

  it('checks funds against quoteIncrement, quoteMinSize, quoteMaxSize and minFunds', () => {
    const market = { type: 'market' as const, marketAmount: 'funds' as const, price: '', size: '' };
    expect(violations(draft({ ...market, funds: '0.0000001' }))).to.deep.include({ field: 'funds', rule: 'step', limit: '0.000001' });
    expect(violations(draft({ ...market, funds: '0.05' }))).to.deep.equal([
      { field: 'funds', rule: 'min', limit: '0.1' },
    ]);
    expect(violations(draft({ ...market, funds: '100000000' }))).to.deep.include({ field: 'funds', rule: 'max', limit: '99999999' });
    const strict = { ...BTC, minFunds: new Decimal('5') };
    expect(violations(draft({ ...market, funds: '1' }), strict)).to.deep.equal([{ field: 'notional', rule: 'min-notional', limit: '5' }]);
  });

  it('requires price x size to reach minFunds', () => {
    const rules = { ...BTC, minFunds: new Decimal('10') };
    expect(violations(draft({ price: '100', size: '0.05' }), rules)).to.deep.equal([{ field: 'notional', rule: 'min-notional', limit: '10' }]);
    expect(violations(draft({ price: '100', size: '0.1' }), rules)).to.deep.equal([]);
  });

  it('requires the fields each type needs', () => {
    expect(violations(draft({ price: '', size: '' }))).to.deep.equal([
      { field: 'price', rule: 'required' },
      { field: 'size', rule: 'required' },
    ]);
    expect(violations(draft({ type: 'market', marketAmount: 'size', size: '' }))).to.deep.equal([{ field: 'size', rule: 'required' }]);
    expect(violations(draft({ type: 'market', marketAmount: 'funds', funds: '' }))).to.deep.equal([{ field: 'funds', rule: 'required' }]);
  });

  it('market orders carry exactly one of size or funds, and nothing limit-only', () => {
    const bySize = hfOrderParams(
      valid(draft({ type: 'market', marketAmount: 'size', size: '0.002', funds: '50', postOnly: true, hidden: true, cancelAfter: '5' })),
      'o',
      'isolated',
    );
    expect(bySize).to.deep.equal({ clientOid: 'o', side: 'buy', symbol: 'BTC-USDT', type: 'market', size: '0.002', isIsolated: true });
    const byFunds = v1OrderParams(valid(draft({ type: 'market', marketAmount: 'funds', size: '0.002', funds: '50.25' })), 'o', 'cross');
    expect(byFunds).to.deep.equal({ clientOid: 'o', side: 'buy', symbol: 'BTC-USDT', type: 'market', funds: '50.25', marginModel: 'cross' });
  });

  it('cancelAfter: only with GTT, required with it, whole seconds from 1', () => {
    expect(violations(draft({ cancelAfter: '60' }))).to.deep.equal([{ field: 'cancelAfter', rule: 'gtt-only' }]);
    expect(violations(draft({ timeInForce: 'GTT' }))).to.deep.equal([{ field: 'cancelAfter', rule: 'required' }]);
    expect(violations(draft({ timeInForce: 'GTT', cancelAfter: '1.5' }))).to.deep.equal([{ field: 'cancelAfter', rule: 'whole-number' }]);
    expect(violations(draft({ timeInForce: 'GTT', cancelAfter: '0' }))).to.deep.equal([{ field: 'cancelAfter', rule: 'min', limit: '1' }]);
    expect(violations(draft({ timeInForce: 'GTT', cancelAfter: 'soon' }))).to.deep.equal([{ field: 'cancelAfter', rule: 'not-a-number' }]);
    const params = hfOrderParams(valid(draft({ timeInForce: 'GTT', cancelAfter: '3600' })), 'o', 'cross');
    expect(params.timeInForce).to.equal('GTT');
    expect(params.cancelAfter).to.equal(3600);
  });

  it('postOnly never with IOC or FOK; hidden never with iceberg', () => {
    expect(violations(draft({ timeInForce: 'IOC', postOnly: true }))).to.deep.equal([{ field: 'postOnly', rule: 'not-with-ioc-fok' }]);
    expect(violations(draft({ timeInForce: 'FOK', postOnly: true }))).to.deep.equal([{ field: 'postOnly', rule: 'not-with-ioc-fok' }]);
    expect(violations(draft({ timeInForce: 'GTC', postOnly: true }))).to.deep.equal([]);
    expect(violations(draft({ hidden: true, iceberg: true, visibleSize: '0.0001' }))).to.deep.equal([{ field: 'hidden', rule: 'not-with-iceberg' }]);
  });

  it('visibleSize: required for an iceberg, on the size increment, at most the size, only for icebergs', () => {
    expect(violations(draft({ iceberg: true }))).to.deep.equal([{ field: 'visibleSize', rule: 'required' }]);
    expect(violations(draft({ iceberg: true, visibleSize: '0.002' }))).to.deep.equal([{ field: 'visibleSize', rule: 'above-size', limit: '0.001' }]);
    expect(violations(draft({ iceberg: true, visibleSize: '0.0000000001' }))).to.deep.equal([
      { field: 'visibleSize', rule: 'step', limit: '0.00000001' },
    ]);
    expect(violations(draft({ visibleSize: '0.0005' }))).to.deep.equal([{ field: 'visibleSize', rule: 'iceberg-only' }]);
    const params = hfOrderParams(valid(draft({ iceberg: true, visibleSize: '0.0005', stp: 'CO', autoBorrow: true, autoRepay: true })), 'o', 'cross');
    expect(params).to.include({ iceberg: true, visibleSize: '0.0005', stp: 'CO', autoBorrow: true, autoRepay: true });
  });

  it('words parse failures and non-positive values as such, nothing else for that field', () => {
    expect(violations(draft({ price: 'abc' }))).to.deep.equal([{ field: 'price', rule: 'not-a-number' }]);
    expect(violations(draft({ price: '1,5' }))).to.deep.equal([{ field: 'price', rule: 'not-a-number' }]);
    expect(violations(draft({ size: '-1' }))).to.deep.equal([{ field: 'size', rule: 'negative' }]);
    expect(violations(draft({ size: '0' }))).to.deep.equal([{ field: 'size', rule: 'positive' }]);
    expect(violations(draft({ price: 'Infinity' }))).to.deep.equal([{ field: 'price', rule: 'non-finite' }]);
  });

  it('refuses a symbol with trading off', () => {
    expect(violations(draft(), { ...BTC, tradable: false })).to.deep.equal([{ field: 'symbol', rule: 'trading-disabled' }]);
  });

  it('V1 names the margin mode marginModel, HF isIsolated; the draft key ignores the clientOid', () => {
    const order = valid(draft());
    expect(placementParams('v1', order, 'a', 'isolated')).to.include({ marginModel: 'isolated' });
    expect(placementParams('v1', order, 'a', 'isolated')).not.to.have.property('isIsolated');
    expect(placementParams('hf', order, 'a', 'isolated')).to.include({ isIsolated: true });
    expect(draftKey(placementParams('hf', order, 'a', 'cross'))).to.equal(draftKey(placementParams('hf', order, 'b', 'cross')));
    expect(draftKey(placementParams('hf', order, 'a', 'cross'))).not.to.equal(draftKey(placementParams('hf', order, 'a', 'isolated')));
  });

  it('lists every parameter for the review in the doc order', () => {
    const params = hfOrderParams(valid(draft({ timeInForce: 'GTT', cancelAfter: '60', autoBorrow: true })), 'oid', 'cross');
    expect(paramEntries(params)).to.deep.equal([
      ['clientOid', 'oid'],
      ['side', 'buy'],
      ['symbol', 'BTC-USDT'],
      ['type', 'limit'],
      ['price', '60000.5'],
      ['size', '0.001'],
      ['timeInForce', 'GTT'],
      ['cancelAfter', '60'],
      ['isIsolated', 'false'],
      ['autoBorrow', 'true'],
    ]);
  });
});

describe('order-draft: estimate, leverage, ticks', () => {
  it('estimates the notional exactly, or from the mark for a market order by size', () => {
    const limit = estimate(draft({ price: '60000.5', size: '0.003' }), BTC, undefined);
    expect(limit.notional!.toString()).to.equal('180.0015');
    expect(limit.approximate).to.equal(false);
    expect(limit.hold!.toString()).to.equal('180.0015');
    expect(limit.holdCurrency).to.equal('USDT');
    const sell = estimate(draft({ side: 'sell', type: 'market', size: '0.5' }), BTC, new Decimal('60000'));
    expect(sell.notional!.toString()).to.equal('30000');
    expect(sell.approximate).to.equal(true);
    expect(sell.hold!.toString()).to.equal('0.5');
    expect(sell.holdCurrency).to.equal('BTC');
    expect(estimate(draft({ price: 'x' }), BTC, undefined).notional).to.equal(undefined);
  });

  it('checks leverage: above 1, two decimals, the maximum', () => {
    expect(checkLeverage('', 5)).to.deep.equal({ ok: false, violation: { field: 'leverage', rule: 'required' } });
    expect(checkLeverage('1', 5)).to.deep.equal({ ok: false, violation: { field: 'leverage', rule: 'above', limit: '1' } });
    expect(checkLeverage('2.555', 5)).to.deep.equal({ ok: false, violation: { field: 'leverage', rule: 'decimals', limit: '2' } });
    expect(checkLeverage('5.01', 5)).to.deep.equal({ ok: false, violation: { field: 'leverage', rule: 'max', limit: '5' } });
    const ok = checkLeverage('3.50', 5);
    expect(ok.ok && ok.text).to.equal('3.5');
  });

  it('ticks snap to the grid first, then step one increment', () => {
    const tick = new Decimal('0.1');
    expect(tickPrice('100.05', tick, 'up')!.toString()).to.equal('100.1');
    expect(tickPrice('100.05', tick, 'down')!.toString()).to.equal('100');
    expect(tickPrice('100.1', tick, 'up')!.toString()).to.equal('100.2');
    expect(tickPrice('', tick, 'up', new Decimal('67250.4'))!.toString()).to.equal('67250.5');
    expect(tickPrice('', tick, 'up')).to.equal(undefined);
    expect(snapPrice(new Decimal('100.05'), tick).toString()).to.equal('100.1');
    expect(snapPrice(new Decimal('100.04'), tick).toString()).to.equal('100');
  });
});

// ---- properties ----------------------------------------------------------------------------

const INCREMENTS = ['1', '0.1', '0.01', '0.001', '0.00001', '0.00000001', '0.5', '0.025', '10'];

const rulesArb: fc.Arbitrary<SymbolRules> = fc
  .record({
    price: fc.constantFrom(...INCREMENTS),
    base: fc.constantFrom(...INCREMENTS),
    quote: fc.constantFrom(...INCREMENTS),
    baseMinSteps: fc.integer({ min: 1, max: 1000 }),
    baseMaxSteps: fc.integer({ min: 1000, max: 10_000_000 }),
    quoteMinSteps: fc.integer({ min: 1, max: 1000 }),
    quoteMaxSteps: fc.integer({ min: 1000, max: 10_000_000 }),
    minFunds: fc.constantFrom('0', '0.1', '1', '10', '0.000001'),
    tradable: fc.boolean(),
  })
  .map((r) => ({
    symbol: 'AAA-BBB',
    baseCurrency: 'AAA',
    quoteCurrency: 'BBB',
    priceIncrement: new Decimal(r.price),
    baseIncrement: new Decimal(r.base),
    baseMinSize: new Decimal(r.base).mul(r.baseMinSteps),
    baseMaxSize: new Decimal(r.base).mul(r.baseMaxSteps),
    quoteIncrement: new Decimal(r.quote),
    quoteMinSize: new Decimal(r.quote).mul(r.quoteMinSteps),
    quoteMaxSize: new Decimal(r.quote).mul(r.quoteMaxSteps),
    minFunds: new Decimal(r.minFunds),
    tradable: r.tradable,
  }));

/** Text a person might type: decimals, garbage, signs, separators, exponents, spaces. */
const typedArb = fc.oneof(
  fc.constantFrom('', ' ', '0', '-1', '1,5', '1e3', 'NaN', 'Infinity', '.', '+2', '.5', '5.', ' 7 ', '00012.50', 'abc'),
  fc.bigInt({ min: 0n, max: 10n ** 12n }).chain((units) =>
    fc.integer({ min: 0, max: 10 }).map((scale) => {
      const s = units.toString().padStart(scale + 1, '0');
      return scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
    }),
  ),
);

const draftArb: fc.Arbitrary<OrderDraft> = fc.record({
  symbol: fc.constant('AAA-BBB'),
  side: fc.constantFrom('buy' as const, 'sell' as const),
  type: fc.constantFrom('limit' as const, 'market' as const),
  price: typedArb,
  size: typedArb,
  funds: typedArb,
  marketAmount: fc.constantFrom('size' as const, 'funds' as const),
  timeInForce: fc.constantFrom('GTC' as const, 'GTT' as const, 'IOC' as const, 'FOK' as const),
  cancelAfter: fc.oneof(fc.constant(''), fc.constantFrom('0', '1', '60', '1.5', '-3', 'x'), fc.nat({ max: 100000 }).map(String)),
  postOnly: fc.boolean(),
  hidden: fc.boolean(),
  iceberg: fc.boolean(),
  visibleSize: typedArb,
  stp: fc.constantFrom('' as const, 'DC' as const, 'CO' as const, 'CN' as const, 'CB' as const),
  autoBorrow: fc.boolean(),
  autoRepay: fc.boolean(),
});

describe('order-draft: properties', () => {
  it('nothing that breaks a rule is ever accepted', () => {
    fc.assert(
      fc.property(draftArb, rulesArb, fc.constantFrom('hf' as const, 'v1' as const), (d, rules, api) => {
        const check = checkDraft(d, rules);
        if (!check.ok) {
          expect(check.violations.length).to.be.greaterThan(0);
          return;
        }
        const p = placementParams(api, check.order, 'oid', 'cross');
        expect(rules.tradable).to.equal(true);
        const multiple = (v: string, step: Decimal) => new Decimal(v).mod(step).isZero();
        if (p.type === 'limit') {
          expect(p.price, 'limit price').to.be.a('string');
          expect(p.size, 'limit size').to.be.a('string');
          expect(p.funds).to.equal(undefined);
          expect(multiple(p.price!, rules.priceIncrement)).to.equal(true);
          expect(new Decimal(p.price!).gt(0)).to.equal(true);
          expect(new Decimal(p.price!).mul(p.size!).gte(rules.minFunds)).to.equal(true);
          expect(p.cancelAfter === undefined || p.timeInForce === 'GTT').to.equal(true);
          if (p.timeInForce === 'GTT') expect(Number.isInteger(p.cancelAfter) && p.cancelAfter! >= 1).to.equal(true);
          expect(p.postOnly && (p.timeInForce === 'IOC' || p.timeInForce === 'FOK')).to.not.equal(true);
          expect(p.hidden && p.iceberg).to.not.equal(true);
          if (p.iceberg) {
            expect(multiple(p.visibleSize!, rules.baseIncrement)).to.equal(true);
            expect(new Decimal(p.visibleSize!).lte(p.size!)).to.equal(true);
          } else {
            expect(p.visibleSize).to.equal(undefined);
          }
        } else {
          expect((p.size === undefined) !== (p.funds === undefined), 'exactly one of size or funds').to.equal(true);
          for (const key of ['price', 'timeInForce', 'cancelAfter', 'postOnly', 'hidden', 'iceberg', 'visibleSize'] as const) {
            expect(p[key], key).to.equal(undefined);
          }
          if (p.funds !== undefined) {
            const funds = new Decimal(p.funds);
            expect(multiple(p.funds, rules.quoteIncrement)).to.equal(true);
            expect(funds.gte(rules.quoteMinSize) && funds.lte(rules.quoteMaxSize) && funds.gte(rules.minFunds)).to.equal(true);
          }
        }
        if (p.size !== undefined) {
          const size = new Decimal(p.size);
          expect(multiple(p.size, rules.baseIncrement)).to.equal(true);
          expect(size.gte(rules.baseMinSize) && size.lte(rules.baseMaxSize)).to.equal(true);
        }
        // Every amount sent is a plain decimal string: no exponent, no sign, no float artefacts.
        for (const key of ['price', 'size', 'funds', 'visibleSize'] as const) {
          if (p[key] !== undefined) expect(p[key]).to.match(/^\d+(\.\d*[1-9])?$/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  /** A valid amount as a person would type it: `units` steps of `increment`, in plain text. */
  const onGrid = (increment: string, minSteps: bigint, maxSteps: bigint) =>
    fc.bigInt({ min: minSteps, max: maxSteps }).map((steps) => toPlainString(new Decimal(increment).mul(steps.toString())));

  it('valid values are accepted and sent as the exact decimal string typed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INCREMENTS),
        fc.constantFrom(...INCREMENTS),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.constantFrom('hf' as const, 'v1' as const),
        (priceInc, baseInc, priceSteps, sizeSteps, api) => {
          const rules: SymbolRules = {
            ...BTC,
            priceIncrement: new Decimal(priceInc),
            baseIncrement: new Decimal(baseInc),
            baseMinSize: new Decimal(baseInc),
            baseMaxSize: new Decimal(baseInc).mul(10n ** 10n + 1n + ''),
            minFunds: new Decimal(0),
          };
          const price = toPlainString(new Decimal(priceInc).mul(priceSteps.toString()));
          const size = toPlainString(new Decimal(baseInc).mul(sizeSteps.toString()));
          const check = checkDraft(draft({ symbol: 'BTC-USDT', price, size }), rules);
          expect(check.ok, JSON.stringify(!check.ok && check.violations)).to.equal(true);
          const p = placementParams(api, (check as { order: ValidOrder }).order, 'oid', 'cross');
          expect(p.price).to.equal(price);
          expect(p.size).to.equal(size);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('typed forms of the same value (trailing zeros, spaces) send that exact value, never rounded', () => {
    fc.assert(
      fc.property(onGrid('0.00000001', 1000n, 10n ** 14n), fc.nat({ max: 4 }), fc.boolean(), (size, zeros, spaced) => {
        const typed = `${spaced ? ' ' : ''}${size}${size.includes('.') ? '0'.repeat(zeros) : ''}${spaced ? ' ' : ''}`;
        const check = checkDraft(draft({ type: 'market', marketAmount: 'size', size: typed }), BTC);
        expect(check.ok).to.equal(true);
        const p = hfOrderParams((check as { order: ValidOrder }).order, 'oid', 'cross');
        expect(p.size).to.equal(size);
        expect(new Decimal(p.size!).eq(new Decimal(typed.trim()))).to.equal(true);
      }),
      { numRuns: 500 },
    );
  });
});
