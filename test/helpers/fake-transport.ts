import type { Transport, VenueRequest } from '../../src/client/transport.js';
import { unwrapResponse } from '../../src/client/transport.js';

/**
 * A transport that records every request and answers with a whole venue envelope (as the docs
 * show it), unwrapped by the real `unwrapResponse`, so envelope handling is exercised too.
 */
export class FakeTransport implements Transport {
  readonly requests: VenueRequest[] = [];
  private readonly answers: Array<{ status: number; body: unknown; headers?: Record<string, string> }> = [];

  /** Queue the next answer: a venue envelope object (or raw text) and an HTTP status. */
  answer(body: unknown, status = 200, headers: Record<string, string> = {}): this {
    this.answers.push({ status, body, headers });
    return this;
  }

  /** Shorthand for a KuCoin success envelope around `data`. */
  kucoin(data: unknown): this {
    return this.answer({ code: '200000', data });
  }

  /** Shorthand for a BitMart success envelope around `data`. */
  bitmart(data: unknown): this {
    return this.answer({ code: 1000, message: 'OK', trace: 'f7f74924-14da-42a6-b7f2-d3799dd9a612', data });
  }

  get last(): VenueRequest {
    const last = this.requests.at(-1);
    if (!last) throw new Error('no request was sent');
    return last;
  }

  async send(request: VenueRequest): Promise<unknown> {
    this.requests.push(request);
    const next = this.answers.shift();
    if (!next) throw new Error(`FakeTransport: no answer queued for ${request.method} ${request.path}`);
    const text = typeof next.body === 'string' ? next.body : JSON.stringify(next.body);
    return unwrapResponse(request.venue, next.status, new Headers(next.headers), text);
  }
}
