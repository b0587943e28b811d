/** The 41-endpoint scenario over real HTTP: client -> proxy (127.0.0.1) -> sandbox (127.0.0.1). */
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

test('all 41 endpoints answer through the proxy over HTTP, signed and verified', async () => {
  const client = createMarginClient({ proxyUrl: proxy.url, headers: () => ({ authorization: `Bearer ${token}` }) });
  const called = await exerciseAllEndpoints(client, (ok, message) => assert.ok(ok, message));
  assert.equal(called.size, 41);
});

test('a read-only proxy serves the three margin accounts, and they agree with a borrow made beside it', async () => {
  const readOnly = await serveFetchHandler(
    createSigningProxy({
      kucoin: { ...DEMO_CREDENTIALS.kucoin, baseUrl: sandbox.url },
      bitmart: { ...DEMO_CREDENTIALS.bitmart, baseUrl: sandbox.url },
      token,
      log: false,
      rateLimit: false,
      readOnly: true,
    }),
  );
  try {
    const headers = () => ({ authorization: `Bearer ${token}` });
    const reader = createMarginClient({ proxyUrl: readOnly.url, headers, retry: { limit: 0 } });
    const writer = createMarginClient({ proxyUrl: proxy.url, headers });
    const btc = async () => (await reader.kucoin.getCrossMarginAccount({ queryType: 'MARGIN_V2' })).accounts.find((a) => a.currency === 'BTC')!;
    const before = await btc();
    await writer.kucoin.borrow({ currency: 'BTC', size: '0.5', timeInForce: 'FOK', isHf: true });
    const after = await btc();
    assert.equal(after.liabilityPrincipal.minus(before.liabilityPrincipal).toString(), '0.5');
    assert.equal(after.maxBorrowSize.toString(), before.maxBorrowSize.minus('0.5').toString());
    const isolated = await reader.kucoin.getIsolatedMarginAccount({ symbol: 'ETH-USDT', quoteCurrency: 'BTC', queryType: 'ALL' });
    assert.deepEqual(isolated.assets.map((a) => [a.symbol, a.baseAsset.currency, a.quoteAsset.currency]), [['ETH-USDT', 'ETH', 'USDT']]);
    const [pair] = await reader.bitmart.getMarginAccountDetailsIsolated({ symbol: 'SOL_USDT' });
    assert.equal(pair?.symbol, 'SOL_USDT');
    assert.equal(pair?.liquidate_price, undefined);
    // Read-only: the same proxy refuses a loan.
    await assert.rejects(reader.kucoin.borrow({ currency: 'BTC', size: '0.1', timeInForce: 'IOC' }), (error: { kind?: string }) => error.kind === 'proxy');
  } finally {
    await readOnly.close();
  }
});

test('without the token the proxy refuses and nothing is answered', async () => {
  const client = createMarginClient({ proxyUrl: proxy.url, retry: { limit: 0 } });
  await assert.rejects(client.kucoin.getMarginConfig(), (error: { kind?: string; code?: string }) => error.kind === 'proxy' && error.code === 'unauthorized');
});
