import { expect } from '@open-wc/testing';
import { ValidationError } from '../../src/client/errors.js';
import { Hub } from '../../src/client/hub.js';
import { bitmartVenue, borrowRepayVenue, kucoinVenue } from '../../src/client/venue.js';
import { FakeTransport } from '../helpers/fake-transport.js';

const loanMarket = [
  { currency: 'BTC', purchaseEnable: true, redeemEnable: true, increment: '0.00000001', minPurchaseSize: '0.001', maxPurchaseSize: '40', interestIncrement: '0.0001', minInterestRate: '0.005', maxInterestRate: '0.32', marketInterestRate: '0.0876', autoPurchaseEnable: false },
];

describe('borrow/repay venues', () => {
  it('KuCoin cross: limits from the risk limit, hourly rate from the loan market', async () => {
    const t = new FakeTransport()
      .kucoin(loanMarket)
      .kucoin([{ timestamp: 1, currency: 'BTC', borrowMaxAmount: '75', buyMaxAmount: '217', holdMaxAmount: '217', borrowCoefficient: '1', marginCoefficient: '1', precision: 8, borrowMinAmount: '0.001', borrowMinUnit: '0.0001', borrowEnabled: true }]);
    const limits = await kucoinVenue(t, new Hub(), 'cross').limits({ currency: 'BTC' });
    expect(t.requests.map((r) => r.path)).to.deep.equal(['/api/v3/project/list', '/api/v3/margin/currencies']);
    expect(t.requests[1]!.query).to.deep.include({ currency: 'BTC' });
    expect(limits.borrowEnabled).to.equal(true);
    expect(limits.borrowMinUnit?.toString()).to.equal('0.0001');
    expect(limits.borrowMaxAmount?.toString()).to.equal('75');
    expect(limits.precision).to.equal(8);
    expect(limits.hourlyRate?.toString()).to.equal('0.00001'); // 0.0876 / 8760
    expect(limits.dailyRate?.toString()).to.equal('0.00024');
  });

  it('KuCoin isolated: picks the base or quote limits of the symbol', async () => {
    const iso = {
      symbol: 'BTC-USDT', timestamp: 1,
      baseMaxBorrowAmount: '2', quoteMaxBorrowAmount: '50000', baseMaxBuyAmount: '3', quoteMaxBuyAmount: '1', baseMaxHoldAmount: '1', quoteMaxHoldAmount: '1',
      basePrecision: 8, quotePrecision: 6, baseBorrowMinAmount: '0.001', quoteBorrowMinAmount: '10', baseBorrowMinUnit: '0.0001', quoteBorrowMinUnit: '1',
      baseBorrowEnabled: true, quoteBorrowEnabled: false, baseBorrowCoefficient: '1', quoteBorrowCoefficient: '1', baseMarginCoefficient: '1', quoteMarginCoefficient: '1',
    };
    const t = new FakeTransport().kucoin(loanMarket).kucoin([iso]);
    const hub = new Hub();
    const quote = await kucoinVenue(t, hub, 'isolated').limits({ currency: 'USDT', symbol: 'BTC-USDT' });
    expect(t.requests[1]!.query).to.deep.include({ isIsolated: true, symbol: 'BTC-USDT' });
    expect(quote.borrowEnabled).to.equal(false);
    expect(quote.borrowMaxAmount?.toString()).to.equal('50000');
    expect(quote.precision).to.equal(6);
    expect(quote.currencies).to.deep.equal(['BTC', 'USDT']);
    // the loan market is cached: the second call makes only the risk limit request
    t.kucoin([iso]);
    const other = await kucoinVenue(t, hub, 'isolated').limits({ currency: 'ETH', symbol: 'BTC-USDT' });
    expect(t.requests).to.have.length(3);
    expect(other.borrowEnabled).to.equal(false);
    expect(other.disabledReason).to.contain('not a currency of BTC-USDT');
  });

  it('KuCoin borrow sends the exact amount with IOC and reports actualSize against the request', async () => {
    const t = new FakeTransport().kucoin({ orderNo: '67187162c0d6990007717b15', actualSize: '0.5' });
    const outcome = await kucoinVenue(t, new Hub(), 'isolated').borrow({ currency: 'BTC', symbol: 'BTC-USDT', amount: '0.75' });
    // The HF account by default: where the kit's v3 orders trade.
    expect(t.last.body).to.deep.equal({ currency: 'BTC', size: '0.75', timeInForce: 'IOC', symbol: 'BTC-USDT', isIsolated: true, isHf: true });
    expect(outcome.orderId).to.equal('67187162c0d6990007717b15');
    expect(outcome.requested.toString()).to.equal('0.75');
    expect(outcome.actualSize.toString()).to.equal('0.5');
  });

  it('KuCoin isHf follows the account option on borrow and repay', async () => {
    const t = new FakeTransport().kucoin({ orderNo: '67187162c0d6990007717b15', actualSize: '1' }).kucoin({ timestamp: 1, orderNo: '67187162c0d6990007717b16', actualSize: '1' });
    const classic = kucoinVenue(t, new Hub(), 'cross', { isHf: false });
    await classic.borrow({ currency: 'USDT', amount: '1' });
    expect(t.last.body).to.deep.equal({ currency: 'USDT', size: '1', timeInForce: 'IOC', isIsolated: false, isHf: false });
    await classic.repay({ currency: 'USDT', amount: '1' });
    expect(t.last.body).to.deep.equal({ currency: 'USDT', size: '1', isIsolated: false, isHf: false });
  });

  it('an isolated loan without a symbol is refused before sending', async () => {
    const t = new FakeTransport();
    let error: unknown;
    await kucoinVenue(t, new Hub(), 'isolated').borrow({ currency: 'BTC', amount: '1' }).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).field).to.equal('symbol');
    expect(t.requests).to.have.length(0);
  });

  it('KuCoin findOperations finds every borrow of the same amount after `since`', async () => {
    const page = (items: unknown[]) => ({ timestamp: 1, currentPage: 1, pageSize: 50, totalNum: items.length, totalPage: 1, items });
    const t = new FakeTransport().kucoin(
      page([
        { orderNo: 'old', symbol: '', currency: 'BTC', size: '1', actualSize: '1', status: 'SUCCESS', createdTime: 1_000 },
        { orderNo: 'mine', symbol: '', currency: 'BTC', size: '0.75', actualSize: '0.75', status: 'SUCCESS', createdTime: 1_700_000_000_500 },
      ]),
    );
    const found = await kucoinVenue(t, new Hub(), 'cross').findOperations('borrow', { currency: 'BTC', amount: '0.750' }, 1_700_000_000_000);
    expect(found.map((r) => r.id)).to.deep.equal(['mine']);
    expect(t.last.query).to.deep.include({ currency: 'BTC', startTime: 1_700_000_000_000 - 60_000 });
  });

  it('KuCoin history maps repay and interest records', async () => {
    const page = (items: unknown[]) => ({ timestamp: 1, currentPage: 2, pageSize: 10, totalNum: 11, totalPage: 2, items });
    const t = new FakeTransport()
      .kucoin(page([{ orderNo: 'r1', symbol: '', currency: 'BTC', size: '1.1', principal: '1', interest: '0.1', status: 'SUCCESS', createdTime: 5 }]))
      .kucoin(page([{ currency: 'BTC', dayRatio: '0.000096', interestAmount: '0.00000096', createdTime: 6 }]));
    const venue = kucoinVenue(t, new Hub(), 'cross');
    const repays = await venue.history('repay', { currency: 'BTC', page: 2, pageSize: 10 });
    expect(t.requests[0]!.query).to.deep.include({ currency: 'BTC', currentPage: 2, pageSize: 10 });
    expect([repays.page, repays.totalPages]).to.deep.equal([2, 2]);
    expect(repays.items[0]!.principal?.toString()).to.equal('1');
    const interest = await venue.history('interest', { currency: 'BTC' });
    expect(interest.items[0]!.amount.toString()).to.equal('0.00000096');
    expect(interest.items[0]!.dailyRate?.toString()).to.equal('0.000096');
  });

  it('BitMart: limits and rates from the pairs endpoint, 8 decimals', async () => {
    const side = (currency: string, borrowable: string) => ({
      currency, daily_interest: '0.0005', hourly_interest: '0.00002084', max_borrow_amount: '1000.00000000', min_borrow_amount: '0.01000000', borrowable_amount: borrowable,
    });
    const t = new FakeTransport().bitmart({
      symbols: [{ symbol: 'BTC_USDT', max_leverage: '10', symbol_enabled: true, base: side('BTC', '5'), quote: side('USDT', '955.90221219') }],
    });
    const limits = await bitmartVenue(t, new Hub()).limits({ currency: 'USDT', symbol: 'BTC_USDT' });
    expect(t.last.query).to.deep.equal({ symbol: 'BTC_USDT' });
    expect(limits.borrowableAmount?.toString()).to.equal('955.90221219');
    expect(limits.precision).to.equal(8);
    expect(limits.hourlyRate?.toString()).to.equal('0.00002084');
    expect(limits.borrowMinAmount?.toString()).to.equal('0.01');
  });

  it('BitMart borrow/repay return the venue ids; history converts seconds to ms and filters by currency', async () => {
    const t = new FakeTransport()
      .bitmart({ borrow_id: '113896' })
      .bitmart({
        records: [
          { borrow_id: 'a', symbol: 'BTC_USDT', currency: 'BTC', borrow_amount: '1', daily_interest: '0.05', hourly_interest: '0.002', interest_amount: '0', create_time: 1655345808 },
          { borrow_id: 'b', symbol: 'BTC_USDT', currency: 'USDT', borrow_amount: '5', daily_interest: '0.05', hourly_interest: '0.002', interest_amount: '0', create_time: 1655345809 },
        ],
      });
    const venue = bitmartVenue(t, new Hub());
    const outcome = await venue.borrow({ currency: 'BTC', symbol: 'BTC_USDT', amount: '1.00000000' });
    expect(outcome.orderId).to.equal('113896');
    expect(t.requests[0]!.body).to.deep.equal({ symbol: 'BTC_USDT', currency: 'BTC', amount: '1' });
    const history = await venue.history('borrow', { currency: 'BTC', symbol: 'BTC_USDT', startTime: 1_655_000_000_000, pageSize: 500 });
    expect(t.last.query).to.deep.include({ start_time: 1_655_000_000, N: 100 });
    expect(history.items.map((r) => [r.id, r.time])).to.deep.equal([['a', 1_655_345_808_000]]);
    expect(await venue.history('interest', { currency: 'BTC', symbol: 'BTC_USDT' })).to.deep.equal({ page: 1, items: [] });
  });

  it('BitMart is isolated only', () => {
    expect(() => borrowRepayVenue(new FakeTransport(), new Hub(), 'bitmart', 'cross')).to.throw(/isolated only/);
  });
});
