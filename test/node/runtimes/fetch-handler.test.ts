/**
 * The proxy's fetch handler on Deno, Bun and workerd (issue 20): each runtime serves the bundled
 * handler on a free 127.0.0.1 port in front of the sandbox (in this Node process, counting every
 * call it gets), and runs the refusal table the node adapters run, a signed GET and signed POSTs
 * the sandbox verifies, and what it does to traversal spellings.
 *
 * The runtimes install on demand (scripts/runtimes/install.mjs); one missing is a failure when
 * CI=true and a skip with its reason elsewhere.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { serveFetchHandler } from '../../../src/node/serve.js';
import { checkTarget, resolveRoute } from '../../../src/proxy/allowlist.js';
import { createSandboxExchange } from '../../../src/sandbox/index.js';
import { CASE_TOKEN, REFUSAL_CASES, type RefusalCase } from '../../proxy/refusal-cases.js';
import { rawRequest, type RawResponse } from '../proxy/helpers.js';
import { ECHO, HARNESS_HEADER, LIVE, LIVE_TOKEN, LOG, type EchoAnswer, type LogAnswer } from './harness.js';
import { bundleEntries, runtimeCommand, RUNTIME_NAMES, startHandler, type HandlerRuntime, type RunningHandler } from './runtimes.js';

/**
 * Where a runtime's answer differs from the node adapters' (the table's status and code), as
 * measured. Either the runtime resolved the spelling before the handler saw the request, and the
 * venue got the canonical target it resolved to (an allowed one), or the runtime answered by
 * itself and the handler never ran. Every other case is refused exactly as on Node.
 */
type Deviation = { forwarded: string } | { runtimeStatus: number };

const RESOLVED = { forwarded: '/api/v3/margin/symbols' };

const DEVIATIONS: Record<HandlerRuntime, Record<string, Deviation>> = {
  // Deno hands the target over as sent; only an absolute-form target is rewritten (to its path).
  deno: { 'an absolute-form target': RESOLVED },
  // Bun resolves `.`, `..`, `%2e%2e` and `\` and drops an absolute-form authority before the
  // handler runs; a Host it cannot build a URL from gets Bun's own 500.
  bun: {
    '.. segments': RESOLVED,
    '%2e%2e segments': RESOLVED,
    '. segment': RESOLVED,
    'a backslash': RESOLVED,
    'an absolute-form target': RESOLVED,
    'a Host with userinfo-like text': { runtimeStatus: 500 },
  },
  // workerd hands the path over as sent, drops an absolute-form authority and cuts at a raw `#`.
  workerd: {
    'an absolute-form target': RESOLVED,
    'a raw # in the target': { forwarded: '/api/v3/margin/symbols?symbol=BTC-USDT' },
  },
};

interface VenueCall {
  method: string;
  target: string;
  headers: Headers;
}

function headersFor(refusal: Pick<RefusalCase, 'headers'>, instance: string, token = CASE_TOKEN): Record<string, string> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json', [HARNESS_HEADER]: instance };
  for (const [name, value] of Object.entries(refusal.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  return headers;
}

let venue: Awaited<ReturnType<typeof serveFetchHandler>>;
const venueCalls: VenueCall[] = [];
let bundleDir: string;

before(async () => {
  const sandbox = createSandboxExchange({ seed: 7 });
  venue = await serveFetchHandler(
    (request, info) => {
      venueCalls.push({ method: request.method, target: info?.rawTarget ?? new URL(request.url).pathname, headers: request.headers });
      return sandbox(request);
    },
    { host: '127.0.0.1', port: 0 },
  );
  bundleDir = await mkdtemp(join(tmpdir(), 'margin-kit-runtimes-'));
  await bundleEntries(bundleDir);
});

after(async () => {
  await venue?.close();
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});

test('every deviation names a case of the refusal table, and only targets URL parsing rewrites are forwarded', () => {
  for (const [runtime, deviations] of Object.entries(DEVIATIONS)) {
    for (const [name, deviation] of Object.entries(deviations)) {
      const refusal = REFUSAL_CASES.find((entry) => entry.name === name);
      assert.ok(refusal, `${runtime}: no refusal case is named ${JSON.stringify(name)}`);
      if ('forwarded' in deviation) assert.equal(refusal.rawOnly, true, `${runtime} may forward only a rawOnly case, not ${name}`);
    }
  }
});

for (const name of RUNTIME_NAMES) {
  const runtime = runtimeCommand(name);
  const skip = 'skip' in runtime ? runtime.skip : false;
  describe(`the fetch handler on ${name}${'version' in runtime ? `@${runtime.version}` : ''}`, { skip }, () => {
    let handler: RunningHandler;
    before(async () => {
      if ('skip' in runtime) return;
      handler = await startHandler(name, runtime, bundleDir, venue.url);
    });
    after(async () => {
      if (!handler) return;
      const log = JSON.parse((await rawRequest(handler.url, { method: 'GET', target: '/', headers: { [HARNESS_HEADER]: `${LOG}0` } })).body) as LogAnswer;
      await handler.close();
      assert.deepEqual(log.offLoopback, [], 'the proxy tried to reach a host off loopback');
    });

    const send = (refusal: Pick<RefusalCase, 'method' | 'target' | 'headers' | 'body'>, instance: string, token?: string): Promise<RawResponse> =>
      rawRequest(handler.url, { method: refusal.method, target: refusal.target, headers: headersFor(refusal, instance, token), body: refusal.body });

    for (const [index, refusal] of REFUSAL_CASES.entries()) {
      const deviation = DEVIATIONS[name][refusal.name];
      const expected =
        deviation === undefined
          ? `${refusal.status} ${refusal.code}`
          : 'forwarded' in deviation
            ? `resolved by ${name}, forwarded as ${deviation.forwarded}`
            : `${deviation.runtimeStatus} from ${name} itself`;
      test(`${expected}: ${refusal.name}`, async () => {
        for (let i = 0; i < (refusal.warmup ?? 0); i += 1) assert.equal((await send(refusal, String(index))).status, 200);
        const before = venueCalls.length;
        const response = await send(refusal, String(index));
        const forwarded = venueCalls.slice(before);
        const logs = async () =>
          (JSON.parse((await rawRequest(handler.url, { method: 'GET', target: '/', headers: { [HARNESS_HEADER]: `${LOG}${index}` } })).body) as LogAnswer).logs;

        if (deviation !== undefined && 'forwarded' in deviation) {
          // Never outside the allow-list, and only in the canonical spelling.
          assert.equal(response.status, 200, response.body);
          assert.deepEqual(forwarded.map((call) => `${call.method} ${call.target}`), [`${refusal.method} ${deviation.forwarded}`]);
          const route = resolveRoute(refusal.method, checkTarget(`/kucoin${deviation.forwarded}`, true));
          assert.equal(route.path, deviation.forwarded.split('?')[0]);
          return;
        }
        assert.deepEqual(forwarded, [], 'a refused request reached the venue');
        if (deviation !== undefined) {
          assert.equal(response.status, deviation.runtimeStatus);
          assert.deepEqual(await logs(), [], `${name} answered, the handler never ran`);
          return;
        }
        assert.equal(response.status, refusal.status, response.body);
        assert.match(String(response.headers['content-type']), /^application\/json/);
        assert.equal((JSON.parse(response.body) as { error: string }).error, refusal.code);
        assert.equal((JSON.parse((await logs()).at(-1)!) as { error: string }).error, refusal.code);
      });
    }

    test('what the handler is given for traversal spellings (request.url), and what the proxy makes of it', async () => {
      const seen: Record<string, string> = {};
      for (const target of ['/kucoin/api/v1/accounts/../../v3/margin/symbols', '/kucoin/api/v3/margin/x/%2e%2e/symbols', '/kucoin/api/v3/margin/x/%2E%2E/symbols']) {
        const echo = JSON.parse((await rawRequest(handler.url, { method: 'GET', target, headers: { [HARNESS_HEADER]: ECHO } })).body) as EchoAnswer;
        seen[target] = new URL(echo.url).origin === handler.url ? echo.url.slice(handler.url.length) : echo.url;
      }
      const resolves = Object.keys(DEVIATIONS[name]).includes('.. segments');
      for (const [target, url] of Object.entries(seen)) {
        if (resolves) assert.equal(url, '/kucoin/api/v3/margin/symbols', `${name} resolves ${target}`);
        else assert.equal(url, target, `${name} hands ${target} over as sent`);
      }
    });

    test('a signed KuCoin GET and POST and a signed BitMart POST: the sandbox verifies the Web Crypto signatures', async () => {
      const before = venueCalls.length;
      const json = { 'content-type': 'application/json' };
      const accounts = await send({ method: 'GET', target: '/kucoin/api/v3/margin/accounts?quoteCurrency=USDT' }, LIVE, LIVE_TOKEN);
      assert.equal(accounts.status, 200, accounts.body);
      assert.equal(JSON.parse(accounts.body).code, '200000');
      const borrow = await send(
        { method: 'POST', target: '/kucoin/api/v3/margin/borrow', headers: json, body: '{"currency":"USDT","size":"10","timeInForce":"IOC"}' },
        LIVE,
        LIVE_TOKEN,
      );
      assert.equal(borrow.status, 200, borrow.body);
      assert.equal(JSON.parse(borrow.body).code, '200000', borrow.body);
      const bitmart = await send(
        { method: 'POST', target: '/bitmart/spot/v1/margin/isolated/borrow', headers: json, body: '{"symbol":"BTC_USDT","currency":"USDT","amount":"10"}' },
        LIVE,
        LIVE_TOKEN,
      );
      assert.equal(bitmart.status, 200, bitmart.body);
      assert.equal(JSON.parse(bitmart.body).code, 1000, bitmart.body);
      const calls = venueCalls.slice(before);
      assert.deepEqual(
        calls.map((call) => `${call.method} ${call.target}`),
        ['GET /api/v3/margin/accounts?quoteCurrency=USDT', 'POST /api/v3/margin/borrow', 'POST /spot/v1/margin/isolated/borrow'],
      );
      assert.match(calls[1]!.headers.get('kc-api-sign') ?? '', /^[A-Za-z0-9+/]{43}=$/);
      assert.match(calls[2]!.headers.get('x-bm-sign') ?? '', /^[0-9a-f]{64}$/);

      // A signature the sandbox refuses comes back as the venue's refusal: the check is live.
      const wrongKey = await send({ method: 'GET', target: '/kucoin/api/v3/margin/accounts?quoteCurrency=USDT' }, '0');
      assert.equal(wrongKey.status, 401, wrongKey.body);
      assert.equal(JSON.parse(wrongKey.body).code, '400003');
    });
  });
}
