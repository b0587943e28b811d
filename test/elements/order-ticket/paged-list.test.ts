import { expect } from '@open-wc/testing';
import { PagedList, type Page } from '../../../src/elements/order-ticket/paged-list.js';

interface Call {
  lastId: number | undefined;
  resolve(page: Page<number>): void;
  reject(error: unknown): void;
}

/** A list whose loads the test answers by hand, in any order. */
function list(pageSize = 2) {
  const calls: Call[] = [];
  let changes = 0;
  const errors: unknown[] = [];
  const paged = new PagedList<number>({
    pageSize,
    load: (lastId) => new Promise((resolve, reject) => calls.push({ lastId, resolve, reject })),
    onChange: () => void (changes += 1),
    onError: (error) => {
      errors.push(error);
      return `failed: ${String(error)}`;
    },
  });
  return { paged, calls, errors, changes: () => changes };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('PagedList (the orders panel history and fills)', () => {
  it('a full page means there may be more; "more" asks with the last lastId and appends', async () => {
    const { paged, calls } = list();
    const first = paged.load(false);
    expect(paged.state.loading).to.equal(true);
    calls[0]!.resolve({ items: [1, 2], lastId: 11 });
    await first;
    expect(paged.state).to.deep.equal({ items: [1, 2], lastId: 11, more: true, loading: false });
    const second = paged.load(true);
    expect(calls[1]!.lastId).to.equal(11);
    calls[1]!.resolve({ items: [3], lastId: 12 });
    await second;
    expect(paged.state).to.deep.equal({ items: [1, 2, 3], lastId: 12, more: false, loading: false });
  });

  it('an answer to a load that was replaced or reset counts for nothing', async () => {
    const { paged, calls } = list();
    const stale = paged.load(false);
    paged.reset();
    const fresh = paged.load(false);
    calls[1]!.resolve({ items: [7], lastId: 70 });
    await fresh;
    calls[0]!.resolve({ items: [1, 2], lastId: 11 });
    await stale;
    await tick();
    expect(paged.state.items).to.deep.equal([7]);
  });

  it('a failed "more" keeps the pages read and says why', async () => {
    const { paged, calls, errors } = list();
    const first = paged.load(false);
    calls[0]!.resolve({ items: [1, 2], lastId: 11 });
    await first;
    const more = paged.load(true);
    calls[1]!.reject('offline');
    await more;
    expect(paged.state).to.deep.equal({ items: [1, 2], lastId: 11, more: true, loading: false, error: 'failed: offline' });
    expect(errors).to.deep.equal(['offline']);
  });
});
