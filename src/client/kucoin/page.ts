import { kucoin, sendForObject } from '../call.js';
import { defined } from '../params.js';
import type { FieldReader, Fields, FieldSpec } from '../read.js';
import type { QueryValue, Transport } from '../transport.js';
import type { CallOptions, Page } from './types.js';

/** Reads KuCoin's paged list (`currentPage`, `pageSize`, `totalNum`, `totalPage`, `items`). */
export function readPage<T>(r: FieldReader, readItem: (item: FieldReader) => T): Page<T> {
  return {
    currentPage: r.int('currentPage'),
    pageSize: r.int('pageSize'),
    totalNum: r.int('totalNum'),
    totalPage: r.int('totalPage'),
    items: r.list('items', readItem),
  };
}

/** Reads a page whose items are records of one spec. */
export function pageOf<S extends FieldSpec>(spec: S): (r: FieldReader) => Page<Fields<S>> {
  return (r) => readPage(r, (item) => item.fields(spec));
}

/**
 * A KuCoin list endpoint read a page at a time: the caller's query sent as given (left-out
 * parameters dropped), the answer read by `read`. The purchase, redeem, borrow and repay lists
 * are all this one shape.
 */
export function pagedEndpoint<P extends object, T>(name: string, path: string, read: (r: FieldReader) => T) {
  return async (transport: Transport, params: P, options: CallOptions = {}): Promise<T> =>
    sendForObject(transport, kucoin(name, 'GET', path, { query: defined({ ...params } as Record<string, QueryValue>) }), options, read);
}
