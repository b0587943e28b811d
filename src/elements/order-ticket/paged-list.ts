/**
 * A list read a page at a time with KuCoin's `lastId` cursor (closed orders, fills): the first
 * page on demand, "more" appends the next, and a newer load makes an older answer count for nothing.
 */
export interface Page<T> {
  items: T[];
  lastId?: number;
}

export interface Paged<T> {
  items: T[];
  lastId?: number;
  more: boolean;
  loading: boolean;
  error?: string;
}

export interface PagedListOptions<T> {
  /** Items per page: a full page means there may be more. */
  pageSize: number;
  load(lastId: number | undefined, signal: AbortSignal): Promise<Page<T>>;
  onChange(): void;
  /** Reports a failed load and returns the words to show. */
  onError(error: unknown): string;
}

const empty = <T>(): Paged<T> => ({ items: [], more: false, loading: false });

export class PagedList<T> {
  state: Paged<T> = empty();
  private run: AbortController | undefined;

  constructor(private readonly options: PagedListOptions<T>) {}

  /** Forgets every page (another symbol, another margin mode); a load in flight is dropped. */
  reset(): void {
    this.abort();
    this.state = empty();
    this.options.onChange();
  }

  abort(): void {
    this.run?.abort();
  }

  /** The first page again, or (`more`) the page after the last one read. */
  async load(more: boolean): Promise<void> {
    this.abort();
    const run = new AbortController();
    this.run = run;
    const before = more ? this.state : empty<T>();
    this.set({ ...before, loading: true, error: undefined });
    try {
      const page = await this.options.load(more ? before.lastId : undefined, run.signal);
      if (run.signal.aborted) return;
      this.set({ items: [...before.items, ...page.items], lastId: page.lastId, more: page.items.length === this.options.pageSize, loading: false });
    } catch (error) {
      if (run.signal.aborted) return;
      this.set({ ...before, loading: false, error: this.options.onError(error) });
    }
  }

  private set(state: Paged<T>): void {
    this.state = state;
    this.options.onChange();
  }
}
