/**
 * Serves any fetch handler `(Request, info) => Promise<Response>` with node:http: the sandbox
 * exchange (its CLI, the demo, tests) and the signing proxy's fetch handler where one is wanted. It tells the handler the raw
 * request target (before URL parsing resolves `..`) and the peer's address. Its upstream
 * counterpart, `createNodeFetch` (http-fetch.ts), is exported here too, and so is the signing
 * proxy's own node:http server (`serveSigningProxy`, proxy.ts), which the CLI runs.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listen, type ServedServer } from './listen.js';

export { createNodeFetch, type NodeFetch, type NodeFetchOptions } from './http-fetch.js';
export {
  createNodeSigningProxy,
  serveSigningProxy,
  type NodeSigningProxy,
  type ServedSigningProxy,
  type ServeSigningProxyOptions,
} from './proxy.js';
export { createRedisRateLimitStore, type RedisRateLimitOptions, type RedisRateLimitStore } from './redis-rate-limit.js';
export { PromMetrics } from './prom-metrics.js';

/** What a server adapter tells a handler beyond the `Request`: the raw target and the peer address. */
export interface RequestInfo {
  rawTarget?: string;
  remoteAddress?: string;
}

/** A standard fetch handler (the proxy, the sandbox), optionally told the raw target and peer. */
export type FetchHandler = (request: Request, info?: RequestInfo) => Promise<Response>;

export interface ServeOptions {
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: any free port (read it from the returned `url`). */
  port?: number;
  /** When the handler throws: answer 500 (default), or drop the connection with no answer. */
  onThrow?: 'respond-500' | 'drop-connection';
  /** Bodies up to this many bytes are read whole before the handler runs (default 64 KiB); larger ones stream. */
  bufferedBodyBytes?: number;
}

/** A served handler: its bound URL and a `close()` that also drops open connections. */
export type ServedHandler = ServedServer;

/**
 * Bodies up to this size are read whole before the handler is called, and given to it as one
 * buffer: the proxy's bodies are small JSON documents, and bridging node's stream to a web
 * stream costs more than the body itself. Larger ones (and any declared larger) are streamed.
 */
export const DEFAULT_BUFFERED_BODY_BYTES = 64 * 1024;

/**
 * The request body as a web stream that reads only as fast as the handler does, starting with
 * the chunks already read. Cancelling it (a handler refusing an oversized body) stops reading
 * without closing the socket, so the refusal can still be written; the connection is closed after it.
 */
function bodyStream(req: IncomingMessage, head: readonly Buffer[] = []): ReadableStream<Uint8Array> {
  let cancelled = false;
  const bytes = (chunk: Buffer) => new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.pause();
      for (const chunk of head) controller.enqueue(bytes(chunk));
      req.on('data', (chunk: Buffer) => {
        if (cancelled) return;
        controller.enqueue(bytes(chunk));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on('end', () => {
        if (!cancelled) controller.close();
      });
      req.on('error', (error) => {
        if (!cancelled) controller.error(error);
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      cancelled = true;
      req.pause();
    },
  });
}

type Body = { whole: Buffer } | { stream: ReadableStream<Uint8Array> };

/**
 * Reads a body of at most `limit` bytes whole. Past the limit it stops and streams the rest
 * (what was read first included), so an endless body is never held in memory. Rejects when the
 * caller went away mid-body.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ stream: bodyStream(req) });
  return new Promise<Body>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      total += chunk.byteLength;
      if (total > limit) {
        done();
        resolve({ stream: bodyStream(req, chunks) });
      }
    };
    const onEnd = () => {
      done();
      resolve({ whole: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) });
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onClose = () => {
      if (req.complete) return;
      done();
      reject(new Error('The caller closed the connection before the whole body arrived.'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

function toRequest(req: IncomingMessage, url: URL, method: string, signal: AbortSignal, body: Body | undefined): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  if (!body) return new Request(url, { method, headers, signal });
  if ('whole' in body) return new Request(url, { method, headers, signal, body: body.whole as Uint8Array<ArrayBuffer> });
  return new Request(url, { method, headers, signal, body: body.stream, duplex: 'half' } as RequestInit);
}

async function writeResponse(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  // A body left unread (refused as too large) is not drained: the connection ends with the answer.
  if (!req.complete) headers.connection = 'close';
  // Answers here are small JSON documents: one buffer and one write beat iterating a web stream.
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  if (body) headers['content-length'] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body);
}

export function serveFetchHandler(handler: FetchHandler, options: ServeOptions = {}): Promise<ServedHandler> {
  const host = options.host ?? '127.0.0.1';
  const bufferedBodyBytes = options.bufferedBodyBytes ?? DEFAULT_BUFFERED_BODY_BYTES;
  // Set once listening: a fixed origin, never the Host header (the handler reads Host and judges it).
  let origin = '';

  async function serve(req: IncomingMessage, res: ServerResponse, gone: AbortSignal): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      return badRequest(res);
    }
    const method = req.method ?? 'GET';
    let body: Body | undefined;
    if (method !== 'GET' && method !== 'HEAD') {
      try {
        body = await readBody(req, bufferedBodyBytes);
      } catch {
        res.destroy();
        return;
      }
    }
    let request: Request;
    try {
      request = toRequest(req, url, method, gone, body);
    } catch {
      return badRequest(res);
    }
    let response: Response;
    try {
      response = await handler(request, { rawTarget: req.url, remoteAddress: req.socket.remoteAddress });
    } catch {
      // The sandbox throws on purpose to simulate a lost answer: the caller sees a reset connection.
      if (options.onThrow === 'drop-connection') {
        res.destroy();
        return;
      }
      response = Response.json({ error: 'internal_error', message: 'The server failed on this request.' }, { status: 500 });
    }
    try {
      await writeResponse(response, req, res);
    } catch {
      res.destroy();
    }
  }

  const server = createServer((req, res) => {
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    void serve(req, res, gone.signal);
  });

  return listen(server, host, options.port ?? 0).then((served) => {
    origin = served.url;
    return served;
  });
}

function badRequest(res: ServerResponse): void {
  res.writeHead(400, { 'content-type': 'application/json', connection: 'close' });
  res.end(JSON.stringify({ error: 'bad_request', message: 'The request target is not a URL path.' }));
}

