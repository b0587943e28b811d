import assert from 'node:assert/strict';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { createNodeFetch } from '../../../src/node/http-fetch.js';
import { serveFetchHandler } from '../../../src/node/serve.js';
import { createSigningProxy } from '../../../src/proxy/index.js';
import { rawRequest, startCaptureServer } from './helpers.js';

const TOKEN = 'node-token-TEST-0123456789abcdef';

/** A server whose handler is the test's; counts connections. */
async function serve(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  let connections = 0;
  const server = createHttpServer(handle);
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('createNodeFetch', () => {
  const fetch = createNodeFetch();
  after(() => fetch.close());

  test('sends method, headers and body; answers a standard Response with status, headers and body', async () => {
    const venue = await startCaptureServer(() => ({
      status: 201,
      headers: { 'set-cookie': ['a=1', 'b=2'], 'x-bm-ratelimit-reset': '1' },
      body: '{"ok":true}',
    }));
    try {
      const response = await fetch(`${venue.url}/spot/v1/x?a=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-BM-KEY': 'key' },
        body: '{"amount":"1.5"}',
      });
      assert.ok(response instanceof Response);
      assert.equal(response.status, 201);
      assert.equal(response.headers.get('x-bm-ratelimit-reset'), '1');
      assert.deepEqual(response.headers.getSetCookie(), ['a=1', 'b=2']);
      assert.equal(await response.text(), '{"ok":true}');
      const call = venue.calls.at(-1)!;
      assert.equal(call.method, 'POST');
      assert.equal(call.target, '/spot/v1/x?a=1');
      assert.equal(call.body, '{"amount":"1.5"}');
      assert.equal(call.headers['content-type'], 'application/json');
      assert.equal(call.headers['content-length'], '16');
      assert.equal(call.headers['x-bm-key'], 'key');
      assert.match(String(call.headers['user-agent']), /^margin-kit-proxy\//);
    } finally {
      await venue.close();
    }
  });

  test('a string body without a type is text/plain, as with fetch; Headers and pairs are taken too', async () => {
    const venue = await startCaptureServer();
    try {
      await fetch(venue.url, { method: 'POST', body: 'plain' });
      assert.equal(venue.calls.at(-1)!.headers['content-type'], 'text/plain;charset=UTF-8');
      await fetch(venue.url, { headers: new Headers({ accept: 'application/json' }) });
      assert.equal(venue.calls.at(-1)!.headers.accept, 'application/json');
      await fetch(new URL(venue.url), { headers: [['x-pair', '1']] });
      assert.equal(venue.calls.at(-1)!.headers['x-pair'], '1');
    } finally {
      await venue.close();
    }
  });

  test('keeps connections alive between calls', async () => {
    const server = await serve((_req, res) => res.end('{}'));
    try {
      for (let i = 0; i < 5; i += 1) assert.equal(await (await fetch(server.url)).text(), '{}');
      assert.equal(server.connections(), 1);
    } finally {
      await server.close();
    }
  });

  test('never follows a redirect', async () => {
    const venue = await startCaptureServer(() => ({ status: 302, headers: { location: '/elsewhere' }, body: '' }));
    try {
      const response = await fetch(`${venue.url}/here`, { redirect: 'follow' });
      assert.equal(response.status, 302);
      assert.equal(response.headers.get('location'), '/elsewhere');
      assert.equal(venue.calls.length, 1);
      await assert.rejects(fetch(`${venue.url}/here`, { redirect: 'error' }), TypeError);
    } finally {
      await venue.close();
    }
  });

  test('decodes a gzip answer; a 204 has a null body', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/empty') {
        // A compressed answer's headers on an empty answer: there is nothing to decode.
        res.writeHead(204, { 'content-encoding': 'gzip' }).end();
        return;
      }
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
      res.end(gzipSync('{"zipped":true}'));
    });
    try {
      assert.deepEqual(await (await fetch(server.url)).json(), { zipped: true });
      const empty = await fetch(`${server.url}/empty`);
      assert.equal(empty.status, 204);
      assert.equal(empty.body, null);
    } finally {
      await server.close();
    }
  });

  test('an abort rejects with the signal reason, before the answer and while its body stalls', async () => {
    let closed = 0;
    const server = await serve((req, res) => {
      req.socket.on('close', () => (closed += 1));
      if (req.url === '/stall') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"partial":');
      }
    });
    try {
      await assert.rejects(fetch(server.url, { signal: AbortSignal.abort() }), { name: 'AbortError' });
      for (const path of ['/hang', '/stall']) {
        const started = Date.now();
        await assert.rejects(fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(100) }), { name: 'TimeoutError' });
        assert.ok(Date.now() - started < 2_000);
      }
      // The connections of both aborted calls are closed, not left to hang.
      for (let i = 0; i < 50 && closed < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(closed, 2);
    } finally {
      await server.close();
    }
  });

  test('an unreachable host rejects with a TypeError, as fetch does', async () => {
    const server = await serve(() => {});
    const { url } = server;
    await server.close();
    await assert.rejects(fetch(url), TypeError);
  });

  test('a GET whose kept-alive connection was closed by the server is sent again; a POST is not', async () => {
    // Answers the first request on each connection, then resets the connection on the next one:
    // the race between a server closing an idle connection and the client reusing it.
    const sockets: Socket[] = [];
    const server = createNetServer((socket) => {
      sockets.push(socket);
      let served = 0;
      socket.on('data', () => {
        served += 1;
        if (served > 1) {
          socket.resetAndDestroy();
          return;
        }
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\n{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const own = createNodeFetch();
    try {
      assert.equal(await (await own(url)).text(), '{}');
      assert.equal(await (await own(url)).text(), '{}');
      assert.equal(sockets.length, 2);
      await assert.rejects(own(url, { method: 'POST', body: '{}' }), TypeError);
      assert.equal(sockets.length, 2);
    } finally {
      own.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('the signing proxy on createNodeFetch', () => {
  const fetch = createNodeFetch();
  after(() => fetch.close());

  async function withProxy(url: string, options: { upstreamTimeoutMs?: number }, run: (proxyUrl: string) => Promise<void>) {
    const proxy = await serveFetchHandler(
      createSigningProxy({ kucoin: { baseUrl: url }, token: TOKEN, fetch, log: false, ...options }),
      { host: '127.0.0.1', port: 0 },
    );
    try {
      await run(proxy.url);
    } finally {
      await proxy.close();
    }
  }
  const get = (url: string, path = '/api/v3/margin/symbols') =>
    rawRequest(url, { method: 'GET', target: `/kucoin${path}`, headers: { authorization: `Bearer ${TOKEN}` } });

  test('a venue that never answers, or stalls in its body, gives 504 upstream_timeout', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/api/v3/margin/symbols') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{');
      }
    });
    try {
      await withProxy(server.url, { upstreamTimeoutMs: 100 }, async (proxyUrl) => {
        for (const path of ['/api/v3/margin/symbols', '/api/v1/margin/config']) {
          const response = await get(proxyUrl, path);
          assert.equal(response.status, 504);
          assert.equal(JSON.parse(response.body).error, 'upstream_timeout');
        }
      });
    } finally {
      await server.close();
    }
  });

  test('a redirect is refused with 502, never followed', async () => {
    const venue = await startCaptureServer(() => ({ status: 301, headers: { location: 'http://127.0.0.1:9/x' }, body: '' }));
    try {
      await withProxy(venue.url, {}, async (proxyUrl) => {
        const response = await get(proxyUrl);
        assert.equal(response.status, 502);
        assert.equal(JSON.parse(response.body).error, 'upstream_unreachable');
        assert.equal(venue.calls.length, 1);
      });
    } finally {
      await venue.close();
    }
  });

  test('the venue answer passes through', async () => {
    const venue = await startCaptureServer(() => ({ body: '{"code":"200000","data":[]}', headers: { 'gw-ratelimit-remaining': '9' } }));
    try {
      await withProxy(venue.url, {}, async (proxyUrl) => {
        const response = await get(proxyUrl);
        assert.equal(response.status, 200);
        assert.equal(response.body, '{"code":"200000","data":[]}');
        assert.equal(response.headers['gw-ratelimit-remaining'], '9');
        assert.equal(response.headers['cache-control'], 'public, max-age=1', 'public market data');
        assert.equal(venue.calls.at(-1)!.target, '/api/v3/margin/symbols');
      });
    } finally {
      await venue.close();
    }
  });
});
