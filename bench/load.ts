/**
 * A closed-loop HTTP load generator: `concurrency` workers on keep-alive connections, each
 * sending its next request when the last one answered, until `maxRequests` were sent or
 * `maxMs` passed, whichever comes first.
 */
import { Agent, request as httpRequest } from 'node:http';

export interface LoadRequest {
  method: 'GET' | 'POST';
  /** Path and query, e.g. `/kucoin/api/v3/margin/currencies?currency=BTC`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  baseUrl: string;
  /** Prepared before the clock starts (signing is the caller's cost, not the server's). */
  next: () => LoadRequest | Promise<LoadRequest>;
  /** Whether an answer is a success (the venue envelope says OK). */
  ok: (status: number, body: string) => boolean;
  concurrency: number;
  maxRequests: number;
  maxMs: number;
  /** Per request; an answer later than this counts as failed. */
  requestTimeoutMs?: number;
}

export interface LoadResult {
  completed: number;
  failed: number;
  elapsedMs: number;
  /** Milliseconds, successful requests only. */
  latencies: number[];
  requestsPerSecond: number;
  firstFailure?: string;
}

function send(agent: Agent, base: URL, req: LoadRequest, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    const outgoing = httpRequest(
      { host: base.hostname, port: base.port, method: req.method, path: req.path, headers, agent, timeout: timeoutMs },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => done({ status: answer.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        answer.on('error', fail);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on('error', fail);
    outgoing.end(req.body);
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const base = new URL(options.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let issued = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  const deadline = started + options.maxMs;
  let lastDone = started;

  const worker = async () => {
    while (issued < options.maxRequests && performance.now() < deadline) {
      issued += 1;
      const req = await options.next();
      const t0 = performance.now();
      try {
        const { status, body } = await send(agent, base, req, options.requestTimeoutMs ?? 10_000);
        const t1 = performance.now();
        lastDone = t1;
        if (options.ok(status, body)) latencies.push(t1 - t0);
        else {
          failed += 1;
          firstFailure ??= `${status} ${body.slice(0, 200)}`;
        }
      } catch (error) {
        lastDone = performance.now();
        failed += 1;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    agent.destroy();
  }
  const elapsedMs = lastDone - started;
  return {
    completed: latencies.length,
    failed,
    elapsedMs,
    latencies,
    requestsPerSecond: elapsedMs > 0 ? (latencies.length / elapsedMs) * 1000 : 0,
    firstFailure,
  };
}
