/**
 * An upstream `fetch` for the signing proxy on Node, on the venue client below (HTTP/1.1 over
 * kept-alive node:net and node:tls connections). The global fetch (undici) spends several times
 * the CPU of a plain node:http request on each small JSON call, and node:http's client more than
 * this one; the proxy makes one such call per request it serves, so the CLI, the demo server and
 * the benchmark hand it this one (`createSigningProxy({ fetch: createNodeFetch() })`).
 *
 * It covers what the proxy asks of fetch, with fetch's meaning: a URL and an init with method,
 * headers, body and signal; a standard `Response` back. It differs on purpose in three ways:
 * - it never follows a redirect, whatever `redirect` says (`'error'` still rejects one): a
 *   redirect would carry signed headers elsewhere, and the proxy refuses 3xx answers anyway;
 * - it resolves only once the whole body has arrived, so the caller's AbortSignal (the proxy's
 *   time limit) covers a venue that sends headers and then stalls;
 * - it reads at most `maxResponseBytes` of an answer.
 * A GET or HEAD whose kept-alive connection turns out to be closed by the server is sent once
 * more on a new one (the race Node's docs describe for `reusedSocket`); other methods are not.
 * Only HTTP/1.1 answers are read (an HTTP/1.0 one closes its connection).
 */
import type { OutgoingHttpHeaders } from 'node:http';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { brotliDecompress, gunzip, inflate, type InputType } from 'node:zlib';
import { VERSION } from '../version.js';
import { AnswerError, AnswerReader } from './http1-answer.js';

export interface NodeFetchOptions {
  /** Largest answer body read, in bytes (default 32 MiB); a larger one rejects like a network error. */
  maxResponseBytes?: number;
  /** Connections kept open per venue host (default 64). */
  maxSockets?: number;
  /** Sent when the caller sets none (default `margin-kit-proxy/<version>`). */
  userAgent?: string;
}

/** A `fetch` on the venue client (kept-alive node:net/node:tls connections); `close()` drops them. */
export type NodeFetch = typeof globalThis.fetch & { close(): void };

export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Statuses whose Response must have a null body (the Fetch standard's "null body status"). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function networkError(message: string, cause?: unknown): TypeError {
  return new TypeError(`fetch failed: ${message}`, cause === undefined ? undefined : { cause });
}

/** Headers as a plain object; a plain object is taken as it is (the proxy's case). */
function headerRecord(init: HeadersInit | undefined): Record<string, string> {
  if (init === undefined) return {};
  if (init instanceof Headers || Array.isArray(init)) {
    const record: Record<string, string> = {};
    new Headers(init).forEach((value, name) => {
      record[name] = value;
    });
    return record;
  }
  return { ...(init as Record<string, string>) };
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

interface Body {
  bytes: Uint8Array;
  /** The type fetch would add for this body (`text/plain;charset=UTF-8` for a string). */
  type: string | null;
}

async function bodyBytes(body: BodyInit | null | undefined): Promise<Body | undefined> {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string') return { bytes: Buffer.from(body, 'utf8'), type: 'text/plain;charset=UTF-8' };
  if (body instanceof ArrayBuffer) return { bytes: new Uint8Array(body), type: null };
  if (ArrayBuffer.isView(body)) return { bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), type: null };
  // Blobs, forms, search params, streams: let the platform serialize them as fetch would.
  const response = new Response(body);
  return { bytes: new Uint8Array(await response.arrayBuffer()), type: response.headers.get('content-type') };
}

function decode(encoding: string | undefined, bytes: Buffer): Promise<Buffer> {
  const unzip = (fn: (input: InputType, done: (error: Error | null, result: Buffer) => void) => void) =>
    new Promise<Buffer>((resolve, reject) => fn(bytes, (error, result) => (error ? reject(error) : resolve(result))));
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return unzip(gunzip);
    case 'deflate':
      return unzip(inflate);
    case 'br':
      return unzip(brotliDecompress);
    default:
      return Promise.resolve(bytes);
  }
}

/** Where a request goes: an origin taken apart once. */
export interface NodeTarget {
  https: boolean;
  hostname: string;
  port: string;
}

/** Takes an http(s) origin apart (brackets off an IPv6 address, as node:http wants it). */
export function nodeTarget(url: URL): NodeTarget {
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return { https: url.protocol === 'https:', hostname, port: url.port };
}

/** An answer read whole (and decoded when the server compressed it). */
export interface NodeAnswer {
  status: number;
  statusMessage: string;
  /** As node:http gives them: `[name, value, name, value, ...]`. */
  rawHeaders: string[];
  /** null for HEAD and the null body statuses. */
  body: Buffer | null;
}

/**
 * How a caller stops a request it sent: `send` sets `cancel`; calling it (once the request is on
 * its way) destroys the request and rejects `send` with the reason given.
 */
export interface SendControl {
  cancel?: (reason: unknown) => void;
  /** Set by a caller that cancelled between attempts: the next attempt is not made. */
  cancelled?: { reason: unknown };
}

/** A venue: where to connect, and its kept-alive connections. */
interface Pool {
  idle: Connection[];
  /** Every open connection, idle or busy (close() ends them all). */
  all: Set<Connection>;
  /** Connections open, idle or busy. */
  open: number;
  /** Sends waiting for a connection, when `open` is at the limit. */
  waiting: ((connection: Connection | undefined) => void)[];
}

/** The exchange a connection is carrying: the answer being read, and who wants it. */
interface Exchange {
  reader: AnswerReader;
  done(answer: AnswerReader): void;
  failed(error: Error, started: boolean): void;
}

/** One connection to a venue, carrying one exchange at a time. */
class Connection {
  exchange: Exchange | undefined;
  /** It has carried an exchange before (a server may have closed it meanwhile). */
  reused = false;
  private closed = false;

  constructor(
    readonly socket: Socket,
    private readonly gone: (connection: Connection) => void,
  ) {
    socket.on('data', (chunk: Buffer) => this.data(chunk));
    socket.on('end', () => this.ended());
    socket.on('error', (error) => this.close(error));
    socket.on('close', () => this.close(undefined));
  }

  private data(chunk: Buffer): void {
    const exchange = this.exchange;
    // Bytes on an idle connection answer nothing that was asked: it is out of step.
    if (!exchange) return this.destroy();
    let whole: boolean;
    try {
      whole = exchange.reader.push(chunk);
    } catch (error) {
      return this.fail(error as Error);
    }
    if (whole) this.finish(exchange);
  }

  private ended(): void {
    const exchange = this.exchange;
    if (!exchange) return this.destroy();
    let whole: boolean;
    try {
      whole = exchange.reader.end();
    } catch (error) {
      return this.fail(error as Error);
    }
    if (whole) this.finish(exchange);
  }

  private finish(exchange: Exchange): void {
    this.exchange = undefined;
    const { reader } = exchange;
    if (!reader.keepAlive || reader.overrun) this.destroy();
    exchange.done(reader);
  }

  private fail(error: Error): void {
    const exchange = this.exchange;
    this.exchange = undefined;
    this.destroy();
    exchange?.failed(error, exchange.reader.started);
  }

  private close(error: Error | undefined): void {
    if (this.exchange) this.fail(error ?? new AnswerError('the connection closed before the whole answer arrived'));
    if (this.closed) return;
    this.closed = true;
    this.gone(this);
  }

  get usable(): boolean {
    return !this.closed && !this.socket.destroyed;
  }

  destroy(): void {
    this.socket.destroy();
    this.close(undefined);
  }
}

/** Node's checks on what it writes: a method token, a path without spaces or controls. */
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const UNSAFE_PATH = /[^\u0021-\u00ff]/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const NOT_ASCII = /[^\x00-\x7f]/;

/** The Host header for a target: brackets around an IPv6 address, the port when one was given. */
function hostHeader(target: NodeTarget): string {
  const host = target.hostname.includes(':') ? `[${target.hostname}]` : target.hostname;
  return target.port === '' ? host : `${host}:${target.port}`;
}

/**
 * The request head, as node:http writes it: names as given, values as latin1. The flat list is
 * the proxy's (Host included, values checked); an object is a fetch caller's, checked here.
 */
function requestHead(target: NodeTarget, method: string, path: string, headers: OutgoingHttpHeaders | readonly string[]): string {
  if (!METHOD.test(method) || UNSAFE_PATH.test(path)) throw new TypeError('the method or path cannot be sent');
  let head = `${method} ${path} HTTP/1.1\r\n`;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) head += `${headers[i]}: ${headers[i + 1]}\r\n`;
  } else {
    let host = false;
    let connection = false;
    for (const name in headers as OutgoingHttpHeaders) {
      const given = (headers as OutgoingHttpHeaders)[name];
      if (given === undefined) continue;
      if (!HEADER_NAME.test(name)) throw new TypeError(`the header name ${JSON.stringify(name)} cannot be sent`);
      const lower = name.toLowerCase();
      if (lower === 'host') host = true;
      else if (lower === 'connection') connection = true;
      for (const value of Array.isArray(given) ? given : [given]) {
        const text = String(value);
        if (!HEADER_VALUE.test(text)) throw new TypeError(`the value of ${name} cannot be sent`);
        head += `${name}: ${text}\r\n`;
      }
    }
    if (!host) head = `${head}Host: ${hostHeader(target)}\r\n`;
    if (connection) return `${head}\r\n`;
  }
  return `${head}Connection: keep-alive\r\n\r\n`;
}

/**
 * The venue client both the fetch below and the proxy's node:http adapter use: HTTP/1.1 on
 * node:net and node:tls sockets kept alive per venue, one exchange at a time per connection, a
 * request written in one piece, the answer read whole by AnswerReader (http1-answer.ts), one
 * retry of an idempotent request on a kept-alive connection the server had closed, bounded and
 * decoded answers. node:http's client (ClientRequest, its Agent, an IncomingMessage stream per
 * answer) cost the proxy more CPU per request than everything else it does, for small JSON
 * answers that need none of it. Plain objects in, plain objects out.
 */
export class NodeUpstream {
  readonly maxResponseBytes: number;
  readonly userAgent: string;
  private readonly maxSockets: number;
  private readonly pools = new Map<string, Pool>();

  constructor(options: NodeFetchOptions = {}) {
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.userAgent = options.userAgent ?? `margin-kit-proxy/${VERSION}`;
    this.maxSockets = options.maxSockets ?? 64;
  }

  /**
   * Sends one request and reads the whole answer. `headers` is sent as given (add user-agent,
   * accept-encoding and content-length first; a flat `[name, value, ...]` list is written as it
   * is, unchecked, and must hold the Host header); rejects with a TypeError like fetch's network
   * errors, or with the reason given to `control.cancel`.
   */
  send(
    target: NodeTarget,
    method: string,
    path: string,
    headers: OutgoingHttpHeaders | string[],
    body: Uint8Array | string | undefined,
    control: SendControl,
  ): Promise<NodeAnswer> {
    let head: string;
    try {
      head = requestHead(target, method, path, headers);
    } catch (error) {
      return Promise.reject(networkError('the request could not be made', error));
    }
    // One write: a string when it is all ASCII (nearly always), else the head as latin1 and the body as UTF-8.
    let request: string | Buffer;
    if (typeof body === 'string' && !NOT_ASCII.test(head)) request = head + body;
    else if (body === undefined && !NOT_ASCII.test(head)) request = head;
    else {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      request = bytes === undefined ? Buffer.from(head, 'latin1') : Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
    }
    const key = `${target.https ? 's' : ''}${target.hostname}:${target.port}`;
    const maxResponseBytes = this.maxResponseBytes;
    const retriable = method === 'GET' || method === 'HEAD';
    return new Promise<NodeAnswer>((resolve, reject) => {
      let settled = false;
      let connection: Connection | undefined;
      const finish = (error: unknown, answer?: NodeAnswer) => {
        if (settled) return;
        settled = true;
        control.cancel = undefined;
        if (answer) resolve(answer);
        else reject(error);
      };
      control.cancel = (reason) => {
        finish(reason);
        connection?.destroy();
      };

      const attempt = (first: boolean) => {
        this.connection(target, key, first, (taken, error) => {
          if (settled) {
            // Cancelled while waiting: the connection goes back unused.
            if (taken) this.release(key, taken);
            return;
          }
          if (!taken) return finish(networkError(error?.message ?? 'the venue cannot be reached', error));
          connection = taken;
          const reused = taken.reused;
          taken.reused = true;
          taken.exchange = {
            reader: new AnswerReader(method, maxResponseBytes),
            done: (reader) => {
              connection = undefined;
              if (settled) return;
              if (taken.usable) this.release(key, taken);
              const status = reader.status;
              const raw = NULL_BODY_STATUSES.has(status) || method === 'HEAD' ? null : reader.body();
              const done = (decoded: Buffer | null) =>
                finish(undefined, { status, statusMessage: reader.statusMessage, rawHeaders: reader.rawHeaders, body: decoded });
              const encoding = raw === null ? null : contentEncoding(reader.rawHeaders);
              if (encoding === null) done(raw);
              else decode(encoding, raw!).then(done, (error: unknown) => finish(networkError('the answer could not be decoded', error)));
            },
            failed: (error, started) => {
              connection = undefined;
              if (settled) return;
              // A kept-alive connection the server had just closed: an idempotent request goes once more.
              if (first && retriable && reused && !started) attempt(false);
              else finish(networkError(error.message, error));
            },
          };
          taken.socket.ref();
          taken.socket.write(request);
        });
      };
      if (control.cancelled) finish(control.cancelled.reason);
      else attempt(true);
    });
  }

  /** An idle connection to the venue (the latest used first), a new one, or the next one freed when at the limit. */
  private connection(target: NodeTarget, key: string, reuse: boolean, use: (connection: Connection | undefined, error?: Error) => void): void {
    let pool = this.pools.get(key);
    if (!pool) {
      pool = { idle: [], all: new Set(), open: 0, waiting: [] };
      this.pools.set(key, pool);
    }
    while (reuse && pool.idle.length > 0) {
      const idle = pool.idle.pop()!;
      if (idle.usable) return use(idle);
    }
    if (pool.open >= this.maxSockets) {
      pool.waiting.push((freed) => (freed ? use(freed) : this.connection(target, key, false, use)));
      return;
    }
    let socket: Socket;
    try {
      socket = target.https
        ? tlsConnect({ host: target.hostname, port: Number(target.port || 443), servername: isIP(target.hostname) ? undefined : target.hostname, ALPNProtocols: ['http/1.1'] })
        : netConnect({ host: target.hostname, port: Number(target.port || 80) });
    } catch (error) {
      return use(undefined, error as Error);
    }
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 1000);
    pool.open += 1;
    const owner = pool;
    const connection = new Connection(socket, (gone) => this.gone(key, owner, gone));
    pool.all.add(connection);
    use(connection);
  }

  /** A connection free again: to the next waiting send, or idle (not keeping the process alive). */
  private release(key: string, connection: Connection): void {
    const pool = this.pools.get(key);
    if (!pool || !connection.usable) return;
    const next = pool.waiting.shift();
    if (next) return next(connection);
    connection.socket.unref();
    pool.idle.push(connection);
  }

  private gone(key: string, pool: Pool, connection: Connection): void {
    pool.open -= 1;
    pool.all.delete(connection);
    const at = pool.idle.indexOf(connection);
    if (at !== -1) pool.idle.splice(at, 1);
    // A place freed: the next waiting send opens a connection of its own.
    pool.waiting.shift()?.(undefined);
    if (pool.open === 0 && pool.waiting.length === 0 && this.pools.get(key) === pool) this.pools.delete(key);
  }

  /** Drops the kept-alive connections (and any in use: their sends reject); later sends open new ones. */
  close(): void {
    for (const pool of [...this.pools.values()]) {
      for (const waiting of pool.waiting.splice(0)) waiting(undefined);
      pool.idle.length = 0;
      for (const connection of [...pool.all]) connection.destroy();
    }
  }
}

/** The Content-Encoding of an answer from its raw headers (not building node's headers object); null for none. */
function contentEncoding(rawHeaders: readonly string[]): string | null {
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    if (name.length === 16 && name.toLowerCase() === 'content-encoding') return rawHeaders[i + 1]!;
  }
  return null;
}

/** Creates a fetch with its own kept-alive connections. */
export function createNodeFetch(options: NodeFetchOptions = {}): NodeFetch {
  const upstream = new NodeUpstream(options);

  const nodeFetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    if (input instanceof Request) {
      // Rare here (the proxy passes a URL string): take the Request's fields, init overriding.
      const body = init.body !== undefined || input.body === null ? init.body : await input.arrayBuffer();
      init = { method: input.method, headers: input.headers, signal: input.signal, redirect: input.redirect, ...init, body };
      input = input.url;
    }
    const url = input instanceof URL ? input : new URL(input);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw networkError(`${url.protocol} URLs are not supported`);
    const method = (init.method ?? 'GET').toUpperCase();
    const signal = init.signal ?? undefined;
    if (signal?.aborted) throw abortReason(signal);

    const headers = headerRecord(init.headers);
    const body = await bodyBytes(init.body);
    if (body && (method === 'GET' || method === 'HEAD')) throw new TypeError('Request with GET/HEAD method cannot have body.');
    if (body?.type && !hasHeader(headers, 'content-type')) headers['content-type'] = body.type;
    if (!hasHeader(headers, 'user-agent')) headers['user-agent'] = upstream.userAgent;
    if (!hasHeader(headers, 'accept-encoding')) headers['accept-encoding'] = 'gzip, deflate, br';
    if (body) headers['content-length'] = String(body.bytes.byteLength);
    else if (method === 'POST' || method === 'PUT' || method === 'PATCH') headers['content-length'] = '0';

    const control: SendControl = {};
    const onAbort = () => {
      const reason = abortReason(signal!);
      control.cancelled = { reason };
      control.cancel?.(reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    let answer: NodeAnswer;
    try {
      answer = await upstream.send(nodeTarget(url), method, `${url.pathname}${url.search}`, headers, body?.bytes, control);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    if (init.redirect === 'error' && answer.status >= 300 && answer.status < 400) throw networkError('unexpected redirect');
    try {
      const responseHeaders = new Headers();
      const pairs = answer.rawHeaders;
      for (let i = 0; i + 1 < pairs.length; i += 2) responseHeaders.append(pairs[i]!, pairs[i + 1]!);
      const content = answer.body as Uint8Array<ArrayBuffer> | null;
      return new Response(content, { status: answer.status, statusText: answer.statusMessage, headers: responseHeaders });
    } catch (error) {
      // A status or header a Response cannot carry (a 1xx final status, a malformed name).
      throw networkError('the answer is not valid HTTP for a Response', error);
    }
  };

  return Object.assign(nodeFetch as typeof globalThis.fetch, { close: () => upstream.close() });
}
