import type { FieldReader } from '../read.js';
import type { Page } from './types.js';

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
