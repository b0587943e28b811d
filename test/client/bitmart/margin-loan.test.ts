import { expect } from '@open-wc/testing';
import {
  getBorrowRecordIsolated,
  getIsolatedPairs,
  getRepayRecordIsolated,
  marginBorrowIsolated,
  marginRepayIsolated,
} from '../../../src/client/bitmart/margin-loan.js';
import { ExchangeError } from '../../../src/client/errors.js';
import { FakeTransport } from '../../helpers/fake-transport.js';

describe('BitMart isolated margin loan client', () => {
  it('marginBorrowIsolated posts the exact amount string and returns borrow_id', async () => {
    const t = new FakeTransport().bitmart({ borrow_id: '113896' });
    const result = await marginBorrowIsolated(t, { symbol: 'BTC_USDT', currency: 'BTC', amount: '0.00000001' });
    expect(result).to.deep.equal({ borrow_id: '113896' });
    expect(t.last).to.include({ venue: 'bitmart', method: 'POST', path: '/spot/v1/margin/isolated/borrow' });
    expect(t.last.body).to.deep.equal({ symbol: 'BTC_USDT', currency: 'BTC', amount: '0.00000001' });
  });

  it('marginRepayIsolated posts the exact amount string and returns repay_id', async () => {
    const t = new FakeTransport().bitmart({ repay_id: '123165' });
    const result = await marginRepayIsolated(t, { symbol: 'BTC_USDT', currency: 'USDT', amount: '12345678901.12345678' });
    expect(result).to.deep.equal({ repay_id: '123165' });
    expect(t.last).to.include({ method: 'POST', path: '/spot/v1/margin/isolated/repay' });
    expect(t.last.body).to.deep.equal({ symbol: 'BTC_USDT', currency: 'USDT', amount: '12345678901.12345678' });
  });

  it('getBorrowRecordIsolated sends the doc query and parses records', async () => {
    const t = new FakeTransport().bitmart({
      records: [
        {
          borrow_id: '133425',
          symbol: 'BTC_USDT',
          currency: 'BTC',
          borrow_amount: '1.23854339',
          daily_interest: '0.05',
          hourly_interest: '0.00208334',
          interest_amount: '0.02398474',
          create_time: 1655345808,
        },
      ],
    });
    const records = await getBorrowRecordIsolated(t, { symbol: 'BTC_USDT', start_time: 1655000000, end_time: 1656000000, N: 100 });
    expect(t.last).to.include({ method: 'GET', path: '/spot/v1/margin/isolated/borrow_record' });
    expect(t.last.query).to.deep.equal({ symbol: 'BTC_USDT', borrow_id: undefined, start_time: 1655000000, end_time: 1656000000, N: 100 });
    expect(records).to.have.length(1);
    const [r] = records;
    expect(r!.borrow_amount.toString()).to.equal('1.23854339');
    expect(r!.hourly_interest.toString()).to.equal('0.00208334');
    expect(r!.interest_amount.toString()).to.equal('0.02398474');
    expect(r!.create_time).to.equal(1655345808);
  });

  it('refuses N outside 1..100 before sending', async () => {
    const t = new FakeTransport();
    for (const N of [0, 101, 1.5]) {
      let error: unknown;
      await getBorrowRecordIsolated(t, { symbol: 'BTC_USDT', N }).catch((e: unknown) => (error = e));
      expect(error, String(N)).to.be.instanceOf(RangeError);
    }
    expect(t.requests).to.have.length(0);
  });

  it('getRepayRecordIsolated parses principal and interest separately', async () => {
    const t = new FakeTransport().bitmart({
      records: [
        { repay_id: '118723', repay_time: 1655345808, symbol: 'BTC_USDT', currency: 'BTC', repaid_amount: '1.1', repaid_principal: '1', repaid_interest: '0.1' },
      ],
    });
    const [r] = await getRepayRecordIsolated(t, { symbol: 'BTC_USDT', currency: 'BTC' });
    expect(t.last.query).to.include({ symbol: 'BTC_USDT', currency: 'BTC' });
    expect(r!.repaid_amount.eq(r!.repaid_principal.plus(r!.repaid_interest))).to.equal(true);
    expect(r!.repay_id).to.equal('118723');
  });

  it('getIsolatedPairs joins several symbols and parses both sides', async () => {
    const side = (currency: string, max: string) => ({
      currency,
      daily_interest: '0.05',
      hourly_interest: '0.00208334',
      max_borrow_amount: max,
      min_borrow_amount: '1.00000000',
      borrowable_amount: '955.90221219',
    });
    const t = new FakeTransport().bitmart({
      symbols: [{ symbol: 'BTC_USDT', max_leverage: '10', symbol_enabled: true, base: side('BTC', '1000.00000000'), quote: side('USDT', '12000.00000000') }],
    });
    const [pair] = await getIsolatedPairs(t, { symbol: ['BTC_USDT', 'ETH_USDT'] });
    expect(t.last.query).to.deep.equal({ symbol: 'BTC_USDT,ETH_USDT' });
    expect(pair!.symbol_enabled).to.equal(true);
    expect(pair!.max_leverage.toString()).to.equal('10');
    expect(pair!.base.borrowable_amount.toString()).to.equal('955.90221219');
    expect(pair!.quote.max_borrow_amount.toString()).to.equal('12000');
  });

  it('a BitMart error envelope becomes an ExchangeError with its trace', async () => {
    const t = new FakeTransport().answer({ code: 51004, message: 'Exceed the maximum borrowable amount', trace: 'tr-1', data: {} }, 400);
    let error: unknown;
    await marginBorrowIsolated(t, { symbol: 'BTC_USDT', currency: 'BTC', amount: '1' }).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(ExchangeError);
    expect((error as ExchangeError).code).to.equal('51004');
    expect((error as ExchangeError).trace).to.equal('tr-1');
  });

  it('a missing field is a malformed response, not undefined', async () => {
    const t = new FakeTransport().bitmart({ symbols: [{ symbol: 'BTC_USDT' }] });
    let error: unknown;
    await getIsolatedPairs(t).catch((e: unknown) => (error = e));
    expect((error as { kind: string }).kind).to.equal('malformed-response');
    expect((error as Error).message).to.contain('getIsolatedPairs.symbols[0]');
  });
});
