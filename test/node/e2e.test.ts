/** The 38-endpoint scenario over real HTTP: client -> proxy (127.0.0.1) -> sandbox (127.0.0.1). */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createMarginClient } from '../../src/client/client.js';
import { serveFetchHandler, type ServedHandler } from '../../src/node/serve.js';
import { createSigningProxy } from '../../src/proxy/index.js';
import { createSandboxExchange, DEMO_CREDENTIALS } from '../../src/sandbox/index.js';
import { exerciseAllEndpoints } from '../e2e/all-endpoints.js';

let sandbox: ServedHandler;
let proxy: ServedHandler;
const token = 'e2e-token-0123456789abcdef';

before(async () => {
  sandbox = await serveFetchHandler(createSandboxExchange({ seed: 3 }), { onThrow: 'drop-connection' });
  proxy = await serveFetchHandler(
    createSigningProxy({
      kucoin: { ...DEMO_CREDENTIALS.kucoin, baseUrl: sandbox.url },
      bitmart: { ...DEMO_CREDENTIALS.bitmart, baseUrl: sandbox.url },
      token,
      log: false,
      // One caller making ~50 calls back to back: a correctness test, not a rate-limit test.
      rateLimit: false,
    }),
  );
});

after(async () => {
  await proxy?.close();
  await sandbox?.close();
});

test('all 38 endpoints answer through the proxy over HTTP, signed and verified', async () => {
  const client = createMarginClient({ proxyUrl: proxy.url, headers: () => ({ authorization: `Bearer ${token}` }) });
  const called = await exerciseAllEndpoints(client, (ok, message) => assert.ok(ok, message));
  assert.equal(called.size, 38);
});

test('without the token the proxy refuses and nothing is answered', async () => {
  const client = createMarginClient({ proxyUrl: proxy.url, retry: { limit: 0 } });
  await assert.rejects(client.kucoin.getMarginConfig(), (error: { kind?: string; code?: string }) => error.kind === 'proxy' && error.code === 'unauthorized');
});
