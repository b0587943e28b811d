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

/** Creates a fetch on node:http(s) with its own keep-alive agents. */
export function createNodeFetch(options: NodeFetchOptions = {}): NodeFetch {
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const userAgent = options.userAgent ?? `margin-kit-proxy/${VERSION}`;
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64, scheduling: 'lifo' as const };
  const agents = { 'http:': new HttpAgent(agentOptions), 'https:': new HttpsAgent(agentOptions) };

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
    if (!hasHeader(headers, 'user-agent')) headers['user-agent'] = userAgent;
    if (!hasHeader(headers, 'accept-encoding')) headers['accept-encoding'] = 'gzip, deflate, br';
    if (body) headers['content-length'] = String(body.bytes.byteLength);
    else if (method === 'POST' || method === 'PUT' || method === 'PATCH') headers['content-length'] = '0';

    const retriable = method === 'GET' || method === 'HEAD';
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await send(url, method, headers, body?.bytes, signal, init.redirect);
      } catch (error) {
        const stale = error instanceof StaleSocketError;
        if (stale && retriable && attempt === 0) continue;
        throw stale ? error.original : error;
      }
    }
  };

  function send(
    url: URL,
    method: string,
    headers: OutgoingHttpHeaders,
    body: Uint8Array | undefined,
    signal: AbortSignal | undefined,
    redirect: RequestRedirect | undefined,
  ): Promise<Response> {
    return new Promise<Response>((resolve, reject) => {
      let settled = false;
      let answered = false;
      let request: ClientRequest | undefined;
      const finish = (error: unknown, response?: Response) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        if (response) resolve(response);
        else reject(error);
      };
      const onAbort = () => {
        finish(abortReason(signal!));
        request?.destroy();
      };
      signal?.addEventListener('abort', onAbort, { once: true });

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
          if (redirect === 'error' && status >= 300 && status < 400) {
            finish(networkError('unexpected redirect'));
            return;
          }
          const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
          const bodyless = NULL_BODY_STATUSES.has(status) || method === 'HEAD';
          (bodyless ? Promise.resolve(raw) : decode(answer.headers['content-encoding'], raw)).then(
            (decoded) => {
              try {
                const responseHeaders = new Headers();
                const pairs = answer.rawHeaders;
                for (let i = 0; i + 1 < pairs.length; i += 2) responseHeaders.append(pairs[i]!, pairs[i + 1]!);
                const content = bodyless ? null : (decoded as Uint8Array<ArrayBuffer>);
                finish(undefined, new Response(content, { status, statusText: answer.statusMessage ?? '', headers: responseHeaders }));
              } catch (error) {
                // A status or header a Response cannot carry (a 1xx final status, a malformed name).
                finish(networkError('the answer is not valid HTTP for a Response', error));
              }
            },
            (error: unknown) => finish(networkError('the answer could not be decoded', error)),
          );
        });
      };

      const call = url.protocol === 'https:' ? httpsRequest : httpRequest;
      try {
        request = call(url, { method, headers, agent: agents[url.protocol as 'http:' | 'https:'] }, onResponse);
      } catch (error) {
        finish(networkError('the request could not be made', error));
        return;
      }
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (!answered && request!.reusedSocket && STALE_SOCKET_CODES.has(error.code ?? '')) {
          finish(new StaleSocketError(networkError(error.message, error)));
        } else {
          finish(networkError(error.message, error));
        }
      });
      request.end(body);
    });
  }

  return Object.assign(nodeFetch as typeof globalThis.fetch, {
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  });
}

/** A kept-alive connection the server had closed: safe to send an idempotent request again. */
class StaleSocketError extends Error {
  constructor(readonly original: TypeError) {
    super(original.message);
  }
}
