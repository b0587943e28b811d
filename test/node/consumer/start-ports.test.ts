/** `npm start` on a machine where 5173, 8787 or 8790 is taken: the next free port (demo/ports.ts). */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { after, test } from 'node:test';
import { freePort } from '../../../demo/ports.js';

const held: Server[] = [];
after(() => Promise.all(held.map((server) => new Promise((done) => server.close(done)))));

async function hold(port = 0): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  held.push(server);
  return (server.address() as { port: number }).port;
}

test('a taken port is skipped for the next free one; a free one is kept', async () => {
  const taken = await hold();
  const chosen = await freePort(taken, '127.0.0.1');
  assert.ok(chosen > taken, `${chosen} after ${taken}`);
  assert.equal(await freePort(chosen, '127.0.0.1'), chosen);
});

test('ports already handed out are skipped too, so three servers never pick the same one', async () => {
  const first = await freePort(await hold(), '127.0.0.1');
  const second = await freePort(first, '127.0.0.1', { taken: new Set([first]) });
  assert.notEqual(second, first);
});

test('a port given explicitly (SANDBOX_PORT, PROXY_PORT, DEMO_PORT) is kept even when taken', async () => {
  const taken = await hold();
  assert.equal(await freePort(taken, '127.0.0.1', { explicit: true }), taken);
});
