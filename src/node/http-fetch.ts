/**
 * An upstream `fetch` for the signing proxy on Node, on node:http and node:https with keep-alive
 * agents. The global fetch (undici) spends several times the CPU of a plain node:http request on
 * each small JSON call; the proxy makes one such call per request it serves, so the CLI, the demo
 * server and the benchmark hand it this one (`createSigningProxy({ fetch: createNodeFetch() })`).
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
 */
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { brotliDecompress, gunzip, inflate, type InputType } from 'node:zlib';
import { VERSION } from '../version.js';

export interface NodeFetchOptions {
  /** Largest answer body read, in bytes (default 32 MiB); a larger one rejects like a network error. */
  maxResponseBytes?: number;
  /** Connections kept open per venue host (default 64). */
  maxSockets?: number;
  /** Sent when the caller sets none (default `margin-kit-proxy/<version>`). */
  userAgent?: string;
}

/** A `fetch` on node:http(s); `close()` drops its kept-alive connections. */
export type NodeFetch = typeof globalThis.fetch & { close(): void };

export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Statuses whose Response must have a null body (the Fetch standard's "null body status"). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
/** The error a kept-alive socket gives when the server closed it just before it was reused. */
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE']);

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

/**
 * The node:http(s) client both the fetch below and the proxy's node:http adapter use: keep-alive
 * agents, one retry of an idempotent request on a kept-alive connection the server had closed,
 * bounded and decoded answers. Plain objects in, plain objects out.
 */
export class NodeUpstream {
  readonly maxResponseBytes: number;
  readonly userAgent: string;
  private readonly http: HttpAgent;
  private readonly https: HttpsAgent;

  constructor(options: NodeFetchOptions = {}) {
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.userAgent = options.userAgent ?? `margin-kit-proxy/${VERSION}`;
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64, scheduling: 'lifo' as const };
    this.http = new HttpAgent(agentOptions);
    this.https = new HttpsAgent(agentOptions);
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
    const maxResponseBytes = this.maxResponseBytes;
    const agent = target.https ? this.https : this.http;
    const call = target.https ? httpsRequest : httpRequest;
    const retriable = method === 'GET' || method === 'HEAD';
    return new Promise<NodeAnswer>((resolve, reject) => {
      let settled = false;
      let request: ClientRequest | undefined;
      const finish = (error: unknown, answer?: NodeAnswer) => {
        if (settled) return;
        settled = true;
        control.cancel = undefined;
        if (answer) resolve(answer);
        else reject(error);
      };
      control.cancel = (reason) => {
        finish(reason);
        request?.destroy();
      };

      const attempt = (first: boolean) => {
        let answered = false;
        const onResponse = (answer: IncomingMessage) => {
          answered = true;
          const chunks: Buffer[] = [];
          let total = 0;
          answer.on('data', (chunk: Buffer) => {
            total += chunk.byteLength;
            if (total > maxResponseBytes) {
              finish(networkError(`the answer is over ${maxResponseBytes} bytes`));
              request?.destroy();
              return;
            }
            chunks.push(chunk);
          });
          answer.on('error', (error) => finish(networkError(error.message, error)));
          answer.on('close', () => {
            if (!answer.complete) finish(networkError('the connection closed before the whole answer arrived'));
          });
          answer.on('end', () => {
            if (settled) return;
            const status = answer.statusCode ?? 0;
            const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
            const done = (decoded: Buffer | null) =>
              finish(undefined, { status, statusMessage: answer.statusMessage ?? '', rawHeaders: answer.rawHeaders, body: decoded });
            const encoding = NULL_BODY_STATUSES.has(status) || method === 'HEAD' ? null : contentEncoding(answer.rawHeaders);
            if (encoding === null) done(NULL_BODY_STATUSES.has(status) || method === 'HEAD' ? null : raw);
            else decode(encoding, raw).then(done, (error: unknown) => finish(networkError('the answer could not be decoded', error)));
          });
        };
        try {
          request = call({ hostname: target.hostname, port: target.port, method, path, headers, agent }, onResponse);
        } catch (error) {
          finish(networkError('the request could not be made', error));
          return;
        }
        const sent = request;
        sent.on('error', (error: NodeJS.ErrnoException) => {
          if (settled) return;
          // A kept-alive connection the server had just closed: an idempotent request goes once more.
          if (first && retriable && !answered && sent.reusedSocket && STALE_SOCKET_CODES.has(error.code ?? '')) attempt(false);
          else finish(networkError(error.message, error));
        });
        sent.end(body);
      };
      if (control.cancelled) finish(control.cancelled.reason);
      else attempt(true);
    });
  }

  /** Drops the kept-alive connections. */
  close(): void {
    this.http.destroy();
    this.https.destroy();
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

/** Creates a fetch on node:http(s) with its own keep-alive agents. */
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
