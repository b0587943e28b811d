/** Options every endpoint function takes last. */
export interface CallOptions {
  /** Cancels the request (for example a Lit task's signal when its inputs change). */
  signal?: AbortSignal;
}

/** KuCoin's paged list shape (`currentPage`, `pageSize`, `totalNum`, `totalPage`, `items`). */
export interface Page<T> {
  currentPage: number;
  pageSize: number;
  totalNum: number;
  totalPage: number;
  items: T[];
}
