import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serveFetchHandler } from '../../src/node/serve.js';
import { rawRequest } from './proxy/helpers.js';

/** Echoes what the handler read: the body's length and a digest of it, and whether the caller is gone. */
const echo = async (request: Request) => {
  const text = await request.text();
  return Response.json({ length: text.length, head: text.slice(0, 8), tail: text.slice(-8), aborted: request.signal.aborted });
};

test('bodies reach the handler whole, buffered or streamed past the buffer limit, chunked or not', async () => {
  const served = await serveFetchHandler(echo, { bufferedBodyBytes: 1024 });
  try {
    for (const size of [0, 1, 1023, 1024, 1025, 64 * 1024]) {
      for (const chunked of [false, true]) {
        const body = Array.from({ length: size }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
        const response = await rawRequest(served.url, { method: 'POST', target: '/echo', body, chunked });
        assert.equal(response.status, 200, `${size} bytes${chunked ? ', chunked' : ''}`);
        assert.deepEqual(JSON.parse(response.body), { length: size, head: body.slice(0, 8), tail: body.slice(-8), aborted: false });
      }
    }
  } finally {
    await served.close();
  }
});

test('a handler refusing a large body unread answers at once and closes the connection', async () => {
  const served = await serveFetchHandler(async (request) => {
    await request.body?.cancel();
    return Response.json({ error: 'body_too_large' }, { status: 413 });
  }, { bufferedBodyBytes: 1024 });
  try {
    const response = await rawRequest(served.url, { method: 'POST', target: '/big', body: 'x'.repeat(256 * 1024), chunked: true });
    assert.equal(response.status, 413);
    assert.equal(response.headers.connection, 'close');
  } finally {
    await served.close();
  }
});

test('a target that is not a URL path is a 400', async () => {
  const served = await serveFetchHandler(echo);
  try {
    const response = await rawRequest(served.url, { method: 'GET', target: '//' });
    assert.equal(response.status, 400);
  } finally {
    await served.close();
  }
});
