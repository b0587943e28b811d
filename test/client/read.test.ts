import { expect } from '@open-wc/testing';
import { MalformedResponseError } from '../../src/client/errors.js';
import { FieldReader } from '../../src/client/read.js';

const failure = (read: () => unknown): string => {
  try {
    read();
  } catch (error) {
    expect(error).to.be.instanceOf(MalformedResponseError);
    return (error as Error).message;
  }
  throw new Error('no error');
};

describe('FieldReader', () => {
  const price = (r: FieldReader) => ({ symbol: r.str('symbol'), value: r.dec('value').toString(), at: r.int('timePoint') });

  it('reads a list of items, amounts as Decimal', () => {
    const items = FieldReader.listOf(
      [{ symbol: 'BTC-USDT', value: 67250.4, timePoint: 1 }, { symbol: 'ETH-USDT', value: '3412.570', timePoint: '2' }],
      'getMarkPriceList',
      price,
    );
    expect(items).to.deep.equal([
      { symbol: 'BTC-USDT', value: '67250.4', at: 1 },
      { symbol: 'ETH-USDT', value: '3412.57', at: 2 },
    ]);
    expect(FieldReader.listOf([], 'x', price)).to.deep.equal([]);
  });

  it('names where a list item is wrong: its index, its field, nested lists', () => {
    expect(failure(() => FieldReader.listOf([{ symbol: 'A', value: 1, timePoint: 1 }, { symbol: 'B', value: 'x', timePoint: 1 }], 'getMarkPriceList', price))).to.equal(
      'getMarkPriceList[1].value: expected a decimal',
    );
    expect(failure(() => FieldReader.listOf([{ symbol: 'A', value: 1, timePoint: 1 }, 7], 'getMarkPriceList', price))).to.equal(
      'getMarkPriceList[1]: expected an object',
    );
    expect(failure(() => FieldReader.listOf({}, 'getMarkPriceList', price))).to.equal('getMarkPriceList: expected a list');
    const page = FieldReader.of({ items: [{ rows: [{ n: 1 }, { n: 'two' }] }] }, 'getPage');
    expect(failure(() => page.list('items', (item) => item.list('rows', (row) => row.int('n'))))).to.equal('getPage.items[0].rows[1].n: expected an integer');
    expect(failure(() => page.list('items', (item) => item.obj('missing')))).to.equal('getPage.items[0].missing: expected an object');
  });
});
