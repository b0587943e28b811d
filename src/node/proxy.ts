/**
 * The signing proxy on node:http, as `margin-kit-proxy` runs it: the node:http adapter of the
 * proxy core (src/proxy/core.ts), which the fetch handler `createSigningProxy` shares. It reads
 * the request from node's own objects (raw target, raw headers, the body as buffers), forwards
 * on kept-alive venue connections (NodeUpstream, http-fetch.ts: one write per request, the answer
 * read whole from the socket), and writes each answer in one buffer: no Request, Response,
 * Headers, URL or web stream per request, which on Node cost more than the proxy's checks and
 * signing together, and no node:http ClientRequest or IncomingMessage per venue call either.
 */
import { isUtf8 } from 'node:buffer';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { checkDeclaredLength, notUtf8, tooLarge } from '../proxy/body.js';
import { createProxyCore, type Forward, type ProxyRequestView, type UpstreamAnswer, type UpstreamCall } from '../proxy/core.js';
import { clientClosed, Refusal, upstreamTimeout, upstreamUnreachable, type ProxyAnswer } from '../proxy/respond.js';
import type { SigningProxyOptions } from '../proxy/types.js';
import { forwardWithFetch } from '../proxy/upstream.js';
import { listen, type ServedServer } from './listen.js';
import { NodeUpstream, nodeTarget, type NodeFetchOptions, type NodeTarget, type SendControl } from './http-fetch.js';
import { nodeHmacSha256 } from './hmac.js';
import { createPinoRequestLog } from './pino-log.js';
import { PromMetrics } from './prom-metrics.js';

/**
 * An unread request body up to this size is left for node to drain after the answer, keeping the
 * connection; a larger or unbounded (chunked) one closes the connection with the answer.
 */
const DRAINED_BODY_BYTES = 64 * 1024;
const EMPTY = new Uint8Array(0);

/** A node:http request as the proxy core sees it. */
class NodeRequestView implements ProxyRequestView {
  readonly method: string;
  readonly target: string;
  readonly raw = true;
  readonly parsedPath = undefined;
  readonly remoteAddress: string | undefined;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
  ) {
    this.method = req.method ?? 'GET';
    this.target = req.url ?? '';
    this.remoteAddress = req.socket.remoteAddress;
  }

  /** From the raw headers, so a repeated header is joined (as Headers.get does), never silently dropped. */
  header(name: string): string | null {
    const raw = this.req.rawHeaders;
    let value: string | null = null;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const key = raw[i]!;
      if (key.length === name.length && key.toLowerCase() === name) value = value === null ? raw[i + 1]! : `${value}, ${raw[i + 1]!}`;
    }
    return value;
  }

  has(name: string): boolean {
    const raw = this.req.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) {
      const key = raw[i]!;
      if (key.length === name.length && key.toLowerCase() === name) return true;
    }
    return false;
  }

  host(): string {
    // HTTP/1.0 may send no Host: then the request was for the address it reached.
    return this.header('host') ?? this.localHost();
  }

  bodyText(maxBytes: number): string | Promise<string> {
    const declared = checkDeclaredLength(this.header('content-length'), maxBytes);
    if (declared === 0 || (declared === -1 && !this.has('transfer-encoding'))) return '';
    return readBody(this.req, maxBytes);
  }

  toRequest(): Request {
    const headers = new Headers();
    const raw = this.req.rawHeaders;
    for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
    try {
      // The origin is the address served, never the Host header (which is the caller's to say).
      return new Request(`http://${this.localHost()}${this.target}`, { method: this.method, headers });
    } catch {
      throw new Refusal(404, 'not_allowed', 'The request target must be a plain path.');
    }
  }

  private localHost(): string {
    const { localAddress = '127.0.0.1', localPort } = this.req.socket;
    return `${localAddress.includes(':') ? `[${localAddress}]` : localAddress}:${localPort}`;
  }
}

/**
 * The body whole, at most `maxBytes`; past that it stops reading and refuses. The listeners stay
 * in place once the body has ended (the request object goes with its answer; a settled promise
 * ignores later calls): no removal work per request.
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let chunk0: Buffer | undefined;
    let chunks: Buffer[] | undefined;
    let total = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      total += chunk.byteLength;
      if (total > maxBytes) {
        over = true;
        req.pause();
        reject(tooLarge(maxBytes));
        return;
      }
      if (chunk0 === undefined) chunk0 = chunk;
      else (chunks ??= [chunk0]).push(chunk);
    });
    req.on('end', () => {
      if (over) return;
      const bytes = chunks ? Buffer.concat(chunks, total) : (chunk0 ?? Buffer.alloc(0));
      // The fetch adapter's fatal TextDecoder, natively: refuse malformed UTF-8, drop a leading BOM.
      if (!isUtf8(bytes)) reject(notUtf8());
      else resolve(bytes.toString('utf8', bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0));
    });
    req.on('error', () => reject(clientClosed()));
    req.on('close', () => {
      if (!req.complete) reject(clientClosed());
    });
  });
}

function writeAnswer(view: NodeRequestView, answer: ProxyAnswer): void {
  const { req, res } = view;
  if (res.destroyed) return;
  const headers = answer.headers;
  let body: Uint8Array | undefined;
  if (answer.body !== null) {
    body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
    headers['content-length'] = String(body.byteLength);
  }
  if (!req.complete) {
    // A body left unread (a refusal before it was read): drain a small one, hang up on the rest.
    const declared = Number(view.header('content-length') ?? Number.NaN);
    if (!(declared <= DRAINED_BODY_BYTES)) headers.connection = 'close';
  }
  res.writeHead(answer.status, headers);
  res.end(body);
}

/** A venue call in flight, in a list by deadline. */
interface Pending extends SendControl {
  deadline: number;
  timeoutMs: number;
  prev: Pending | undefined;
  next: Pending | undefined;
}

/**
 * The venue calls' time limits, with one timer for them all: a proxy has one time limit, so calls
 * end their time in the order they started, and the list is in deadline order. Adding and
 * removing a call is a few pointer writes, where a timer each would be a timer-list insertion and
 * removal per request.
 */
class Deadlines {
  private head: Pending | undefined;
  private tail: Pending | undefined;
  private timer: NodeJS.Timeout | undefined;
  private armedFor = Number.POSITIVE_INFINITY;

  add(timeoutMs: number): Pending {
    const deadline = performance.now() + timeoutMs;
    const pending: Pending = { cancel: undefined, cancelled: undefined, deadline, timeoutMs, prev: undefined, next: undefined };
    // Nearly always the latest deadline; a call with a shorter limit (a later option change) walks back.
    let after = this.tail;
    while (after && after.deadline > deadline) after = after.prev;
    pending.prev = after;
    pending.next = after ? after.next : this.head;
    if (pending.next) pending.next.prev = pending;
    else this.tail = pending;
    if (after) after.next = pending;
    else this.head = pending;
    if (deadline < this.armedFor) this.arm(deadline);
    return pending;
  }

  remove(pending: Pending): void {
    if (pending.prev) pending.prev.next = pending.next;
    else if (this.head === pending) this.head = pending.next;
    else return;
    if (pending.next) pending.next.prev = pending.prev;
    else this.tail = pending.prev;
    pending.prev = pending.next = undefined;
  }

  private arm(deadline: number): void {
    clearTimeout(this.timer);
    this.armedFor = deadline;
    this.timer = setTimeout(() => this.expire(), Math.max(0, deadline - performance.now()));
    this.timer.unref();
  }

  private expire(): void {
    this.timer = undefined;
    this.armedFor = Number.POSITIVE_INFINITY;
    const now = performance.now();
    while (this.head && this.head.deadline <= now) {
      const pending = this.head;
      this.remove(pending);
      const reason = upstreamTimeout(pending.timeoutMs);
      pending.cancelled = { reason };
      pending.cancel?.(reason);
    }
    if (this.head) this.arm(this.head.deadline);
  }
}

/** A venue origin taken apart once, with the Host header node:http would send to it. */
interface VenueTarget extends NodeTarget {
  hostHeader: string;
}

/** What node:http refuses in a header value (the venue client writes the flat list below unchecked). */
const INVALID_HEADER_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * Forwards on the venue client. The headers go as a flat `[name, value, ...]` list, written as
 * given: the Host header is ours to add, and the values are checked here as node:http would.
 */
function nodeForward(upstream: NodeUpstream): Forward<NodeRequestView> {
  const targets = new Map<string, VenueTarget>();
  const deadlines = new Deadlines();
  const userAgentOk = !INVALID_HEADER_VALUE.test(upstream.userAgent);
  return (call: UpstreamCall, view: NodeRequestView): Promise<UpstreamAnswer> => {
    const res = view.res;
    if (res.destroyed) return Promise.reject(clientClosed());
    let target = targets.get(call.origin);
    if (!target) {
      const url = new URL(call.origin);
      // url.host: brackets kept around an IPv6 address, the port left out when it is the default.
      target = { ...nodeTarget(url), hostHeader: url.host };
      targets.set(call.origin, target);
    }
    if (!userAgentOk) return Promise.reject(upstreamUnreachable());
    const body = call.body;
    const headers: string[] = ['host', target.hostHeader];
    const given = call.headers;
    for (const name in given) {
      const value = given[name]!;
      if (INVALID_HEADER_VALUE.test(value)) return Promise.reject(upstreamUnreachable());
      headers.push(name, value);
    }
    headers.push('user-agent', upstream.userAgent, 'accept-encoding', 'gzip, deflate, br');
    if (body !== undefined) headers.push('content-length', String(Buffer.byteLength(body, 'utf8')));
    else if (call.method === 'POST') headers.push('content-length', '0');

    const control = deadlines.add(call.timeoutMs);
    const onClose = () => {
      if (res.writableFinished) return;
      const reason = clientClosed();
      control.cancelled = { reason };
      control.cancel?.(reason);
    };
    res.on('close', onClose);
    // Settled in one step (no async frame): the answer, or the refusal to answer.
    return upstream.send(target, call.method, call.pathWithQuery, headers, body, control).then(
      (answer) => {
        deadlines.remove(control);
        res.off('close', onClose);
        return { status: answer.status, headers: answer.rawHeaders, body: answer.body ?? EMPTY };
      },
      (error: unknown) => {
        deadlines.remove(control);
        res.off('close', onClose);
        throw error instanceof Refusal ? error : upstreamUnreachable();
      },
    );
  };
}

/** With a `fetch` in the options, the proxy forwards through it (tests, a custom transport). */
function fetchForward(fetchImpl: typeof globalThis.fetch): Forward<NodeRequestView> {
  return (call, view) => {
    const gone = new AbortController();
    const onClose = () => {
      if (!view.res.writableFinished) gone.abort();
    };
    view.res.once('close', onClose);
    return forwardWithFetch(fetchImpl, call, gone.signal).finally(() => view.res.off('close', onClose));
  };
}

export interface NodeSigningProxy {
  /** A `request` listener for any node:http server. */
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  /** Drops the kept-alive connections to the venues and writes out buffered log lines. */
  close(): void;
}

/**
 * The signing proxy as a node:http request listener. Same options, checks, signing, answers and
 * log lines as `createSigningProxy`; the venues are called on kept-alive node:net or node:tls
 * connections (`upstream` tunes them), or with `options.fetch` when one is given.
 */
export function createNodeSigningProxy(options: SigningProxyOptions, upstreamOptions: NodeFetchOptions = {}): NodeSigningProxy {
  const upstream = options.fetch ? undefined : new NodeUpstream(upstreamOptions);
  // Without a `log` hook, lines go to stdout through pino, buffered off the request path.
  const requestLog = options.log === undefined ? createPinoRequestLog() : undefined;
  const core = createProxyCore<NodeRequestView>(options, upstream ? nodeForward(upstream) : fetchForward(options.fetch!), {
    hmac: nodeHmacSha256(),
    metrics: options.metrics ?? new PromMetrics({ processMetrics: true }),
    log: requestLog?.write,
  });

  return {
    listener: (req, res) => {
      const view = new NodeRequestView(req, res);
      // One settled promise per request, no async frame around the core's.
      core(view).then(
        (answer) => {
          try {
            writeAnswer(view, answer);
          } catch {
            res.destroy();
          }
        },
        () => res.destroy(),
      );
    },
    close: () => {
      upstream?.close();
      requestLog?.close();
    },
  };
}

export interface ServeSigningProxyOptions extends NodeFetchOptions {
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: any free port (read it from the returned `url`). */
  port?: number;
}

/** The served proxy: its bound URL, and a `close()` that also drops the venue connections. */
export type ServedSigningProxy = ServedServer;

/** Listens with the signing proxy on node:http: what `margin-kit-proxy` runs. */
export function serveSigningProxy(options: SigningProxyOptions, serve: ServeSigningProxyOptions = {}): Promise<ServedSigningProxy> {
  const { host = '127.0.0.1', port = 0, ...upstreamOptions } = serve;
  const proxy = createNodeSigningProxy(options, upstreamOptions);
  return listen(createServer(proxy.listener), host, port, () => proxy.close());
}
