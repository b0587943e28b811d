/**
 * The venue client's answer reader (src/node/http1-answer.ts), and the client on raw sockets:
 * every framing read the same however the bytes are split, and whatever it cannot read
 * unambiguously refused, so one answer's bytes never pass for the next one's on a kept-alive
 * connection.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { AnswerError, AnswerReader, MAX_HEAD_BYTES } from '../../../src/node/http1-answer.js';
import { createNodeFetch } from '../../../src/node/http-fetch.js';

/** Feeds `text` in pieces cut at `cuts`; returns the reader once done (or throws what it threw). */
function read(text: string | Buffer, cuts: readonly number[] = [], method = 'GET', maxBodyBytes = 1 << 20): AnswerReader {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
  const reader = new AnswerReader(method, maxBodyBytes);
  let from = 0;
  for (const cut of [...cuts, bytes.byteLength]) {
    reader.push(bytes.subarray(from, cut));
    from = cut;
  }
  return reader;
}

/** Every way of cutting `text` in two, and in one-byte pieces. */
function everySplit(text: string): number[][] {
  const length = Buffer.byteLength(text, 'latin1');
  const splits: number[][] = [Array.from({ length: length - 1 }, (_, i) => i + 1)];
  for (let cut = 1; cut < length; cut += 1) splits.push([cut]);
  return splits;
}

const SIMPLE = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\ngw-ratelimit-remaining: 9\r\n\r\n{"code":"200000"}'.replace('15', '17');
const CHUNKED =
  'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n' +
  '7;name=value\r\n{"code"\r\n' +
  'a\r\n:"200000"}\r\n' +
  '0\r\nX-Trailer: ignored\r\n\r\n';

describe('AnswerReader', () => {
  test('a Content-Length answer reads the same however its bytes are split', () => {
    for (const cuts of [[], ...everySplit(SIMPLE)]) {
      const reader = read(SIMPLE, cuts);
      assert.ok(reader.done, String(cuts));
      assert.equal(reader.status, 200);
      assert.equal(reader.statusMessage, 'OK');
      assert.deepEqual(reader.rawHeaders, ['Content-Type', 'application/json', 'Content-Length', '17', 'gw-ratelimit-remaining', '9']);
      assert.equal(reader.body().toString(), '{"code":"200000"}');
      assert.equal(reader.keepAlive, true);
      assert.equal(reader.overrun, false);
    }
  });

  test('a chunked answer (extensions, trailers) reads the same however its bytes are split', () => {
    for (const cuts of [[], ...everySplit(CHUNKED)]) {
      const reader = read(CHUNKED, cuts);
      assert.ok(reader.done, String(cuts));
      assert.equal(reader.body().toString(), '{"code":"200000"}');
      assert.equal(reader.keepAlive, true);
    }
  });

  test('interim 1xx answers are read past; HEAD, 204 and 304 have no body whatever their Content-Length says', () => {
    const interim = read(`HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n${SIMPLE}`);
    assert.equal(interim.status, 200);
    assert.equal(interim.body().toString(), '{"code":"200000"}');
    assert.ok(read(SIMPLE, [], 'HEAD').done);
    assert.equal(read(SIMPLE, [], 'HEAD').body().byteLength, 0);
    for (const status of ['204 No Content', '304 Not Modified']) {
      const reader = read(`HTTP/1.1 ${status}\r\nContent-Length: 10\r\n\r\n`);
      assert.ok(reader.done);
      assert.equal(reader.body().byteLength, 0);
    }
  });

  test('without Content-Length or chunked, the body runs to the end of the connection, which is then not reused', () => {
    const reader = read('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"a":');
    assert.equal(reader.done, false);
    reader.push(Buffer.from('1}'));
    assert.equal(reader.end(), true);
    assert.equal(reader.body().toString(), '{"a":1}');
    assert.equal(reader.keepAlive, false);
  });

  test('Connection: close and HTTP/1.0 answers end their connection', () => {
    assert.equal(read('HTTP/1.1 200 OK\r\nConnection: Keep-Alive, Close\r\nContent-Length: 0\r\n\r\n').keepAlive, false);
    assert.equal(read('HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n').keepAlive, false);
  });

  test('bytes after the end of an answer mark it overrun (its connection is closed, not reused)', () => {
    assert.equal(read(`${SIMPLE}HTTP/1.1 200 OK\r\n`).overrun, true);
    const later = read(SIMPLE);
    later.push(Buffer.from('x'));
    assert.equal(later.overrun, true);
  });

  test('a connection that ends mid-answer is an error, never a short answer', () => {
    for (const cut of [10, SIMPLE.length - 3]) {
      const reader = read(SIMPLE.slice(0, cut));
      assert.throws(() => reader.end(), AnswerError);
    }
    assert.throws(() => read(CHUNKED.slice(0, CHUNKED.length - 2)).end(), AnswerError);
  });

  test('refuses what it cannot read unambiguously', () => {
    const refused = [
      'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n',
      'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
      'HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\n\r\n{}',
      'HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n',
      'HTTP/1.1 200 OK\r\nX-Folded: a\r\n b\r\nContent-Length: 0\r\n\r\n',
      'HTTP/1.1 200 OK\r\nBad Name: x\r\nContent-Length: 0\r\n\r\n',
      'HTTP/1.1 200 OK\r\nX-Nul: a\x00b\r\nContent-Length: 0\r\n\r\n',
      'HTTP/1.1 200 OK\r\nX-Lone-Lf: a\nContent-Length: 5\r\n\r\n',
      'HTTP/1.1 200 OK\r\nX-Lone-Cr: a\rContent-Length: 5\r\n\r\n',
      'HTTP/1.1 200 OK\r\nX-Del: a\x7fb\r\nContent-Length: 0\r\n\r\n',
      'HTTP/1.1 200 OK\r\nNo-Colon\r\n\r\n',
      'HTTP/2 200\r\nContent-Length: 0\r\n\r\n',
      'HTTP/1.1 20 OK\r\nContent-Length: 0\r\n\r\n',
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}}\r\n0\r\n\r\n',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-2\r\n{}\r\n0\r\n\r\n',
    ];
    for (const text of refused) assert.throws(() => read(text), AnswerError, JSON.stringify(text));
  });

  test('bounds the head, a chunk size line and the body', () => {
    assert.throws(() => read(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(MAX_HEAD_BYTES)}`), /head is too large/);
    assert.throws(() => read(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;${'x'.repeat(2000)}`), /chunk size line/);
    assert.throws(() => read('HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n', [], 'GET', 10), /over 10 bytes/);
    assert.throws(() => read(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nb\r\n${'x'.repeat(11)}\r\n0\r\n\r\n`, [], 'GET', 10), /over 10 bytes/);
  });
});

/** A venue on a raw socket: `answer` writes what it likes for each request it reads. */
async function rawVenue(answer: (socket: Socket, request: string, index: number) => void) {
  const sockets: Socket[] = [];
  let requests = 0;
  const server = createNetServer((socket) => {
    sockets.push(socket);
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      let end: number;
      while ((end = pending.indexOf('\r\n\r\n')) !== -1) {
        const head = pending.slice(0, end);
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (pending.length < end + 4 + length) return;
        const request = pending.slice(0, end + 4 + length);
        pending = pending.slice(end + 4 + length);
        answer(socket, request, requests++);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => sockets.length,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A raw venue and a venue client for `run`, both closed after it whatever happens. */
async function withVenue(
  answer: Parameters<typeof rawVenue>[0],
  run: (venue: Awaited<ReturnType<typeof rawVenue>>, fetch: ReturnType<typeof createNodeFetch>) => Promise<void>,
  options?: Parameters<typeof createNodeFetch>[0],
): Promise<void> {
  const venue = await rawVenue(answer);
  const fetch = createNodeFetch(options);
  try {
    await run(venue, fetch);
  } finally {
    fetch.close();
    await venue.close();
  }
}

describe('the venue client on its sockets', () => {
  test('a chunked answer written in pieces arrives whole, and the connection is used again', async () => {
    await withVenue((socket) => {
      const bytes = Buffer.from(CHUNKED, 'latin1');
      let at = 0;
      const next = () => {
        socket.write(bytes.subarray(at, at + 7));
        at += 7;
        if (at < bytes.byteLength) setTimeout(next, 1);
      };
      next();
    }, async (venue, fetch) => {
      for (let i = 0; i < 3; i += 1) assert.deepEqual(await (await fetch(venue.url)).json(), { code: '200000' });
      assert.equal(venue.connections(), 1);
    });
  });

  test('an answer followed by stray bytes is served, and its connection is not used again', async () => {
    await withVenue((socket) => socket.write(`${SIMPLE}garbage`), async (venue, fetch) => {
      assert.deepEqual(await (await fetch(venue.url)).json(), { code: '200000' });
      assert.deepEqual(await (await fetch(venue.url)).json(), { code: '200000' });
      assert.equal(venue.connections(), 2);
    });
  });

  test('a malformed answer rejects like a network error and closes its connection', async () => {
    let closed = 0;
    await withVenue((socket, _request, index) => {
      socket.on('close', () => (closed += 1));
      socket.write(index === 0 ? 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}' : SIMPLE);
    }, async (venue, fetch) => {
      await assert.rejects(fetch(venue.url), TypeError);
      for (let i = 0; i < 50 && closed < 1; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(closed, 1);
      assert.deepEqual(await (await fetch(venue.url)).json(), { code: '200000' });
      assert.equal(venue.connections(), 2);
    });
  });

  test('at most maxSockets connections per venue: further calls wait for one to be free', async () => {
    await withVenue((socket) => setTimeout(() => socket.write(SIMPLE), 5), async (venue, fetch) => {
      const answers = await Promise.all(Array.from({ length: 6 }, () => fetch(venue.url).then((response) => response.json())));
      assert.deepEqual(answers, Array.from({ length: 6 }, () => ({ code: '200000' })));
      assert.equal(venue.connections(), 2);
    }, { maxSockets: 2 });
  });

  test('writes the request as node:http did: one head, Host, the body; header values it cannot send are refused', async () => {
    const requests: string[] = [];
    await withVenue((socket, request) => {
      requests.push(request);
      socket.write(SIMPLE);
    }, async (venue, fetch) => {
      await fetch(`${venue.url}/api/x?a=1`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-note': 'caf\u00e9' }, body: '{"n":"\u00e9"}' });
      const [request] = requests;
      const port = new URL(venue.url).port;
      assert.match(request!, new RegExp(`^POST /api/x\\?a=1 HTTP/1\\.1\\r\\n`));
      assert.match(request!, new RegExp(`\\r\\nHost: 127\\.0\\.0\\.1:${port}\\r\\n`));
      assert.match(request!, /\r\ncontent-length: 10\r\n/);
      // The header as latin1 (one byte), the body as UTF-8 (two bytes for the é).
      assert.ok(request!.includes('x-note: caf\u00e9\r\n'));
      assert.ok(request!.endsWith('\r\n\r\n{"n":"\u00c3\u00a9"}'));
      // Beyond latin1, or a line break that would start a header of its own.
      await assert.rejects(fetch(venue.url, { headers: { 'x-bad': 'a\u0100' } }), TypeError);
      await assert.rejects(fetch(venue.url, { headers: { 'x-bad': 'a\r\nx-smuggled: 1' } }), TypeError);
      assert.equal(requests.length, 1);
    });
  });
});

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

describe('the venue client, closed', () => {
  test('close() drops the connections, and a later call opens a new one; a Connection header given is not doubled', async () => {
    const requests: string[] = [];
    await withVenue((socket, request) => {
      requests.push(request);
      socket.write(SIMPLE);
    }, async (venue, fetch) => {
      assert.deepEqual(await (await fetch(venue.url)).json(), { code: '200000' });
      fetch.close();
      assert.deepEqual(await (await fetch(venue.url, { headers: { Connection: 'close' } })).json(), { code: '200000' });
      assert.equal(venue.connections(), 2);
      assert.equal((requests[0]!.match(/^connection:/gim) ?? []).length, 1);
      assert.deepEqual(requests[1]!.match(/^connection:.*$/gim), ['Connection: close']);
    });
  });
});

describe('the venue client over TLS', () => {
  test('names the venue (SNI), checks its certificate, and keeps the connection', { skip: !hasOpenssl && 'no openssl to make a certificate' }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'margin-kit-tls-'));
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'], { stdio: 'ignore' });
    let connections = 0;
    const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ target: req.url, host: req.headers.host, servername: (req.socket as { servername?: string }).servername }));
    });
    server.on('secureConnection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      // Not trusted here: refused like a network error.
      const fetch = createNodeFetch();
      await assert.rejects(fetch(`https://localhost:${port}/`), TypeError);
      fetch.close();
      // Trusted (NODE_EXTRA_CA_CERTS is read at start-up, so in a process of its own).
      const script = `
        import { createNodeFetch } from ${JSON.stringify(new URL('../../../src/node/http-fetch.ts', import.meta.url).href)};
        const fetch = createNodeFetch();
        const answers = [];
        for (let i = 0; i < 3; i += 1) answers.push(await (await fetch('https://localhost:${port}/api/x?i=' + i)).json());
        fetch.close();
        console.log(JSON.stringify(answers));`;
      const child = await new Promise<string>((resolve, reject) => {
        import('node:child_process').then(({ execFile }) =>
          execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, NODE_EXTRA_CA_CERTS: cert } }, (error, stdout, stderr) =>
            error ? reject(new Error(stderr || error.message)) : resolve(stdout),
          ),
        );
      });
      assert.deepEqual(JSON.parse(child), [0, 1, 2].map((i) => ({ target: `/api/x?i=${i}`, host: `localhost:${port}`, servername: 'localhost' })));
      assert.equal(connections, 1, 'three calls on one kept-alive connection (the refused one never got that far)');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
