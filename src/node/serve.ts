/**
 * Serves any fetch handler `(Request, info) => Promise<Response>` with node:http: the signing
 * proxy in the CLI, the sandbox exchange in the demo and in tests. It tells the handler the raw
 * request target (before URL parsing resolves `..`) and the peer's address.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
}

export interface ServedHandler {
  /** `http://127.0.0.1:8787`, with the port actually bound. */
  url: string;
  port: number;
  server: Server;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * The request body as a web stream that reads only as fast as the handler does. Cancelling it
 * (a handler refusing an oversized body) stops reading without closing the socket, so the
 * refusal can still be written; the connection is closed after it.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.pause();
      req.on('data', (chunk: Buffer) => {
        if (cancelled) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
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

function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  // A fixed origin, never the Host header: the handler reads Host from the headers and judges it.
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    signal,
    ...(hasBody ? { body: bodyStream(req), duplex: 'half' } : {}),
  } as RequestInit);
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
  const server = createServer((req, res) => {
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    void (async () => {
      let request: Request;
      try {
        request = toRequest(req, `http://${hostPort(server)}`, gone.signal);
      } catch {
        res.writeHead(400, { 'content-type': 'application/json', connection: 'close' });
        res.end(JSON.stringify({ error: 'bad_request', message: 'The request target is not a URL path.' }));
        return;
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
    })();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${hostPort(server)}`,
        port,
        server,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

function hostPort(server: Server): string {
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `${host}:${address.port}`;
}
