// The ticket's numbers, each against values computed by hand: sizing (Max, 25-100%), the
// account limit as you type, price protection, auto-borrow cost and the account view.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { CrossMarginAccount, IsolatedMarginAccount, MarginAccountAsset } from '../../../src/client/kucoin/account.js';
import { Decimal } from '../../../src/core/decimal.js';
import {
  accountQueryType,
  crossTicketAccount,
  isolatedTicketAccount,
  riskLevel,
  spendSide,
} from '../../../src/elements/order-ticket/account-model.js';
import { borrowCost, dayRatio } from '../../../src/elements/order-ticket/borrow-cost.js';
import { emptyDraft, type OrderDraft, type SymbolRules } from '../../../src/elements/order-ticket/order-draft.js';
import { priceBreach } from '../../../src/elements/order-ticket/price-protection.js';
import { aboveLimit, amountFor, amountLimit, FEE_ALLOWANCE, spendLimit } from '../../../src/elements/order-ticket/sizing.js';

const d = (v: string | number) => new Decimal(v);

const BTC: SymbolRules = {
  symbol: 'BTC-USDT',
  baseCurrency: 'BTC',
  quoteCurrency: 'USDT',
  priceIncrement: d('0.1'),
  baseIncrement: d('0.00000001'),
  baseMinSize: d('0.00001'),
  baseMaxSize: d('10000000000'),
  quoteIncrement: d('0.000001'),
  quoteMinSize: d('0.1'),
  quoteMaxSize: d('99999999'),
  minFunds: d('0.1'),
  tradable: true,
};

const draft = (patch: Partial<OrderDraft> = {}): OrderDraft => ({ ...emptyDraft('BTC-USDT'), ...patch });
const text = (v: Decimal | undefined) => v?.toString();

describe('sizing: what the account can buy or sell', () => {
  it('a limit buy: spend / (price x 1.001), rounded down to baseIncrement', () => {
    // 1000 / (50000 x 1.001) = 0.019980019980... -> 0.01998001
    const limit = amountLimit(draft({ price: '50000' }), BTC, undefined, d(1000))!;
    expect(limit.field).to.equal('size');
    expect(text(limit.max)).to.equal('0.01998001');
    expect(limit.approximate).to.equal(false);
    // 50% of 0.01998001 = 0.009990005 -> 0.00999
    expect(text(amountFor(d('0.5'), limit, BTC))).to.equal('0.00999');
    // 25%: 0.0049950025 -> 0.00499500
    expect(text(amountFor(d('0.25'), limit, BTC))).to.equal('0.004995');
    expect(text(amountFor(d(1), limit, BTC))).to.equal('0.01998001');
  });

  it('a limit buy without a price has no limit yet; a sell needs none', () => {
    expect(amountLimit(draft({ price: '' }), BTC, d(60000), d(1000))).to.equal(undefined);
    const sell = amountLimit(draft({ side: 'sell', price: '' }), BTC, undefined, d('0.5'))!;
    expect(text(sell.max)).to.equal('0.5');
    expect(text(amountFor(d('0.75'), sell, BTC))).to.equal('0.375');
  });

  it('market by funds: a buy leaves the fee (1000 / 1.001 -> 999.000999), a sell converts at the mark', () => {
    const buy = amountLimit(draft({ type: 'market', marketAmount: 'funds' }), BTC, d(40000), d(1000))!;
    expect([buy.field, text(buy.max), buy.approximate]).to.deep.equal(['funds', '999.000999', false]);
    const sell = amountLimit(draft({ type: 'market', marketAmount: 'funds', side: 'sell' }), BTC, d(40000), d('0.5'))!;
    expect([sell.field, text(sell.max), sell.approximate]).to.deep.equal(['funds', '20000', true]);
  });

  it('market by size: a buy converts at the mark (approximate), a sell is exact', () => {
    // 100 / (40000 x 1.001) = 0.0024975024975 -> 0.00249750
    const buy = amountLimit(draft({ type: 'market' }), BTC, d(40000), d(100))!;
    expect([text(buy.max), buy.approximate]).to.deep.equal(['0.0024975', true]);
    expect(amountLimit(draft({ type: 'market' }), BTC, undefined, d(100))).to.equal(undefined);
    const sell = amountLimit(draft({ type: 'market', side: 'sell' }), BTC, d(40000), d('0.123456789'))!;
    expect([text(sell.max), sell.approximate]).to.deep.equal(['0.12345678', false]);
  });

  it('never above the symbol maximum, and nothing below one increment', () => {
    const capped = amountLimit(draft({ side: 'sell' }), { ...BTC, baseMaxSize: d('0.2') }, undefined, d(5))!;
    expect(text(capped.max)).to.equal('0.2');
    const dust = amountLimit(draft({ side: 'sell' }), BTC, undefined, d('0.00000001'))!;
    expect(amountFor(d('0.25'), dust, BTC)).to.equal(undefined);
    expect(text(amountFor(d(1), dust, BTC))).to.equal('0.00000001');
  });

  it('with auto-borrow the limit is buyMaxAmount; without, what is available', () => {
    expect(spendLimit('USDT', d(100), false, d(5100))).to.deep.include({ withBorrow: false });
    expect(text(spendLimit('USDT', d(100), false, d(5100)).amount)).to.equal('100');
    expect(text(spendLimit('USDT', d(100), true, d(5100)).amount)).to.equal('5100');
    expect(spendLimit('USDT', d(100), true, d(5100)).withBorrow).to.equal(true);
    expect(text(spendLimit('USDT', d(100), true, undefined).amount)).to.equal('100');
  });

  it('the typed amount is checked against the limit as typed', () => {
    const limit = amountLimit(draft({ price: '50000' }), BTC, undefined, d(1000));
    expect(aboveLimit(draft({ price: '50000', size: '0.01998001' }), limit)).to.equal(undefined);
    expect(text(aboveLimit(draft({ price: '50000', size: '0.01998002' }), limit)?.max)).to.equal('0.01998001');
    expect(aboveLimit(draft({ price: '50000', size: 'abc' }), limit)).to.equal(undefined);
  });

  it('property: a Max buy costs at most what may be spent, one increment more would not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 100_000_000 }), (cents, priceTenths) => {
        const spend = d(cents).div(100);
        const price = d(priceTenths).div(10);
        const limit = amountLimit(draft({ price: price.toString() }), BTC, undefined, spend)!;
        const cost = (size: Decimal) => size.mul(price).mul(FEE_ALLOWANCE.plus(1));
        expect(cost(limit.max).lte(spend)).to.equal(true);
        expect(cost(limit.max.plus(BTC.baseIncrement)).gt(spend)).to.equal(true);
        expect(limit.max.mod(BTC.baseIncrement).isZero()).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('price protection against priceLimitRate', () => {
  it('a buy up to mark x 1.1 passes, above it breaks with the numbers', () => {
    expect(priceBreach('buy', d(110), d(100), d('0.1'))).to.equal(undefined);
    const breach = priceBreach('buy', d('110.01'), d(100), d('0.1'))!;
    expect([text(breach.bound), text(breach.deviation)]).to.deep.equal(['110', '0.1001']);
  });

  it('a sell down to mark x 0.9 passes, below it breaks', () => {
    expect(priceBreach('sell', d(90), d(100), d('0.1'))).to.equal(undefined);
    const breach = priceBreach('sell', d('89.99'), d(100), d('0.1'))!;
    expect([text(breach.bound), text(breach.deviation)]).to.deep.equal(['90', '-0.1001']);
    // A sell far above the mark is the trader's choice, not a protection breach.
    expect(priceBreach('sell', d(500), d(100), d('0.1'))).to.equal(undefined);
  });

  it('nothing to say without a mark, a price or a rate', () => {
    expect(priceBreach('buy', d(200), undefined, d('0.1'))).to.equal(undefined);
    expect(priceBreach('buy', undefined, d(100), d('0.1'))).to.equal(undefined);
    expect(priceBreach('buy', d(200), d(100), d(0))).to.equal(undefined);
  });
});

describe('auto-borrow cost at the rate the venue charges', () => {
  it('daily = annual / 365 rounded up to 8 places; an hour = borrow x daily / 24 rounded up to precision', () => {
    // 0.1 / 365 = 0.000273972602... -> 0.00027398
    expect(text(dayRatio(d('0.1')))).to.equal('0.00027398');
    // 1000 x 0.00027398 / 24 = 0.0114158333... -> 0.01141584; a day: 24 x that = 0.27398016
    const cost = borrowCost(d(1000), d('0.1'), 8)!;
    expect([text(cost.dailyRate), text(cost.perHour), text(cost.perDay)]).to.deep.equal(['0.00027398', '0.01141584', '0.27398016']);
    // BTC at 8 places: 0.5 x 0.00027398 / 24 = 0.00000570791... -> 0.00000571
    expect(text(borrowCost(d('0.5'), d('0.1'), 8)!.perHour)).to.equal('0.00000571');
    // precision 2: 1000 -> 0.02 per hour, 0.48 per day
    expect([text(borrowCost(d(1000), d('0.1'), 2)!.perHour), text(borrowCost(d(1000), d('0.1'), 2)!.perDay)]).to.deep.equal(['0.02', '0.48']);
  });

  it('no borrow, no cost', () => {
    expect(borrowCost(undefined, d('0.1'), 8)).to.equal(undefined);
    expect(borrowCost(d(0), d('0.1'), 8)).to.equal(undefined);
  });
});

const asset = (currency: string, patch: Partial<Record<keyof MarginAccountAsset, string>> = {}): MarginAccountAsset => ({
  currency,
  total: d(patch.total ?? '0'),
  available: d(patch.available ?? '0'),
  hold: d(patch.hold ?? '0'),
  liability: d(patch.liability ?? '0'),
  liabilityPrincipal: d(patch.liabilityPrincipal ?? '0'),
  liabilityInterest: d(patch.liabilityInterest ?? '0'),
  maxBorrowSize: d(patch.maxBorrowSize ?? '0'),
  borrowEnabled: true,
  transferInEnabled: true,
});

describe('the account as the ticket reads it', () => {
  it('cross: the two currencies, a missing one as zeros, the account debt ratio', () => {
    const account: CrossMarginAccount = {
      totalAssetOfQuoteCurrency: d(1000),
      totalLiabilityOfQuoteCurrency: d(500),
      debtRatio: d('0.5'),
      status: 'EFFECTIVE',
      accounts: [asset('USDT', { available: '900', liability: '500.01', liabilityPrincipal: '500', liabilityInterest: '0.01' })],
    };
    const view = crossTicketAccount(account, 'BTC', 'USDT');
    expect(text(spendSide(view, 'buy').available)).to.equal('900');
    expect(text(spendSide(view, 'buy').liability)).to.equal('500.01');
    expect(text(spendSide(view, 'sell').available)).to.equal('0');
    expect(spendSide(view, 'sell').currency).to.equal('BTC');
    expect(text(view.debtRatio)).to.equal('0.5');
  });

  it('isolated: the pair, or empty before it was ever used', () => {
    const account: IsolatedMarginAccount = {
      totalAssetOfQuoteCurrency: d(0),
      totalLiabilityOfQuoteCurrency: d(0),
      timestamp: 0,
      assets: [{ symbol: 'ETH-USDT', status: 'EFFECTIVE', debtRatio: d('0.25'), baseAsset: asset('ETH', { available: '2' }), quoteAsset: asset('USDT') }],
    };
    expect(text(isolatedTicketAccount(account, 'ETH-USDT', 'ETH', 'USDT').base.available)).to.equal('2');
    expect(text(isolatedTicketAccount(account, 'ETH-USDT', 'ETH', 'USDT').debtRatio)).to.equal('0.25');
    expect(text(isolatedTicketAccount(account, 'BTC-USDT', 'BTC', 'USDT').debtRatio)).to.equal('0');
  });

  it('the account the orders trade in, and the risk level at the thresholds', () => {
    expect([accountQueryType('cross', 'hf'), accountQueryType('cross', 'v1'), accountQueryType('isolated', 'hf')]).to.deep.equal([
      'MARGIN_V2',
      'MARGIN',
      'ISOLATED_V2',
    ]);
    const t = { warning: d('0.95'), liquidation: d('0.97') };
    expect([riskLevel(d('0.9499'), t), riskLevel(d('0.95'), t), riskLevel(d('0.97'), t)]).to.deep.equal(['safe', 'warning', 'liquidation']);
    expect(riskLevel(d('0.96'), { liquidation: d('0.97') })).to.equal('safe');
  });
});
