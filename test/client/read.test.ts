import { expect } from '@open-wc/testing';
import { MalformedResponseError } from '../../src/client/errors.js';
import { FieldReader, listOf, objOf, oneOf } from '../../src/client/read.js';

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

  it('reads a record by spec: each kind, enums, nested records and lists, optional fields absent or empty', () => {
    const side = (r: FieldReader) => r.fields({ currency: 'str', total: 'dec' });
    const r = FieldReader.of(
      {
        id: 'o1', price: '67250.40', size: 2, count: '7', active: 'true', status: 'DONE', note: null, fee: '',
        base: { currency: 'BTC', total: '0.5' }, items: [{ currency: 'USDT', total: '10' }],
      },
      'getThing',
    );
    const read = r.fields({
      id: 'str', price: 'dec', size: 'dec', count: 'int', active: 'bool', status: oneOf(['DONE', 'PENDING'] as const),
      note: 'optStr', fee: 'optDec', missing: 'optInt', base: objOf(side), items: listOf(side),
    });
    expect([read.id, read.price.toString(), read.size.toString(), read.count, read.active, read.status]).to.deep.equal(['o1', '67250.4', '2', 7, true, 'DONE']);
    expect([read.note, read.fee, read.missing]).to.deep.equal([undefined, undefined, undefined]);
    expect([read.base.currency, read.base.total.toString()]).to.deep.equal(['BTC', '0.5']);
    expect(read.items.map((i) => `${i.currency} ${i.total.toString()}`)).to.deep.equal(['USDT 10']);
    expect(Object.keys(read).sort()).to.deep.equal(['active', 'base', 'count', 'fee', 'id', 'items', 'missing', 'note', 'price', 'size', 'status'].sort());
  });

  it('a spec names the field that is wrong, as the field readers do', () => {
    const r = FieldReader.of({ status: 'LOST', price: 'x', base: { total: 'y' } }, 'getThing');
    expect(failure(() => r.fields({ status: oneOf(['DONE', 'PENDING'] as const) }))).to.equal('getThing.status: expected one of DONE, PENDING');
    expect(failure(() => r.fields({ price: 'dec' }))).to.equal('getThing.price: expected a decimal');
    expect(failure(() => r.fields({ base: objOf((b) => b.fields({ total: 'dec' })) }))).to.equal('getThing.base.total: expected a decimal');
  });
});
