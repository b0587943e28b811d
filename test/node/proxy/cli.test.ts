import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { hmacBase64, hmacHex, rawRequest, startCaptureServer, type CaptureServer } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SECRETS = {
  KUCOIN_API_KEY: 'kc-key-CLI-TEST-7f3a',
  KUCOIN_API_SECRET: 'kc-secret-CLI-TEST-91bd',
  KUCOIN_API_PASSPHRASE: 'kc-passphrase-CLI-TEST-2c44',
  BITMART_API_KEY: 'bm-key-CLI-TEST-55e0',
  BITMART_API_SECRET: 'bm-secret-CLI-TEST-a8d1',
  BITMART_API_MEMO: 'bm-memo-CLI-TEST-0b9c',
  PROXY_TOKEN: 'cli-token-TEST-0123456789abcdef',
};

interface Cli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts `node --import tsx src/node/proxy-cli.ts` with exactly these variables (nothing inherited but PATH). */
function startCli(env: Record<string, string>, args: string[] = []): Cli {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/node/proxy-cli.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Resolves with the URL the CLI prints, or rejects if it exits first or takes over 20 s. */
async function listeningUrl(cli: Cli): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const match = /listening on (http:\/\/\S+)/.exec(cli.stdout());
    if (match) return match[1]!;
    if (cli.child.exitCode !== null) throw new Error(`the CLI exited: ${cli.stderr()}`);
    if (Date.now() > deadline) throw new Error(`the CLI printed no URL: ${cli.stdout()} ${cli.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function stop(cli: Cli): Promise<void> {
  if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGTERM');
  await cli.exited;
}

describe('margin-kit-proxy CLI', () => {
  let venue: CaptureServer;
  let cli: Cli;
  let url: string;

  before(async () => {
    venue = await startCaptureServer();
    cli = startCli({
      ...SECRETS,
      KUCOIN_BASE_URL: venue.url,
      BITMART_BASE_URL: venue.url,
      KUCOIN_API_KEY_VERSION: '2',
      PROXY_HOST: '127.0.0.1',
      PROXY_PORT: '0',
      PROXY_ALLOWED_ORIGINS: 'https://app.example.com',
      PROXY_READ_ONLY: '0',
    });
    url = await listeningUrl(cli);
  });

  after(async () => {
    await stop(cli);
    await venue.close();
  });

  const auth = { authorization: `Bearer ${SECRETS.PROXY_TOKEN}` };

  test('prints the URL it listens on, and what it serves', () => {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(cli.stdout(), /kucoin: signing with key version 2/);
    assert.match(cli.stdout(), /bitmart: signing/);
  });

  test('signs and forwards KuCoin and BitMart calls', async () => {
    const target = '/api/v3/margin/borrow?currency=BTC&isIsolated=false';
    const kucoin = await rawRequest(url, { method: 'GET', target: `/kucoin${target}`, headers: auth });
    assert.equal(kucoin.status, 200);
    const sentKucoin = venue.calls.at(-1)!;
    assert.equal(sentKucoin.target, target);
    const timestamp = String(sentKucoin.headers['kc-api-timestamp']);
    assert.equal(sentKucoin.headers['kc-api-sign'], hmacBase64(SECRETS.KUCOIN_API_SECRET, `${timestamp}GET${target}`));
    assert.equal(sentKucoin.headers['kc-api-passphrase'], hmacBase64(SECRETS.KUCOIN_API_SECRET, SECRETS.KUCOIN_API_PASSPHRASE));
    assert.equal(sentKucoin.headers['kc-api-key-version'], '2');

    const body = '{"symbol":"BTC_USDT","currency":"BTC","amount":"0.5"}';
    const bitmart = await rawRequest(url, {
      method: 'POST',
      target: '/bitmart/spot/v1/margin/isolated/borrow',
      headers: { ...auth, 'content-type': 'application/json', origin: 'https://app.example.com' },
      body,
    });
    assert.equal(bitmart.status, 200);
    assert.equal(bitmart.headers['access-control-allow-origin'], 'https://app.example.com');
    const sentBitmart = venue.calls.at(-1)!;
    const bmTimestamp = String(sentBitmart.headers['x-bm-timestamp']);
    assert.equal(sentBitmart.headers['x-bm-sign'], hmacHex(SECRETS.BITMART_API_SECRET, `${bmTimestamp}#${SECRETS.BITMART_API_MEMO}#${body}`));
  });

  test('refuses: no token, a path off the list, a smuggled path, a foreign origin, a foreign Host', async () => {
    const before = venue.calls.length;
    const cases = [
      { target: '/kucoin/api/v3/margin/symbols', headers: {}, status: 401 },
      { target: '/kucoin/api/v1/accounts', headers: auth, status: 404 },
      { target: '/kucoin/api/v1/accounts/../../v3/margin/symbols', headers: auth, status: 404 },
      { target: '/kucoin/api/v3/margin/symbols', headers: { ...auth, origin: 'https://evil.example' }, status: 403 },
      { target: '/kucoin/api/v3/margin/symbols', headers: { ...auth, host: 'rebind.example:8787' }, status: 403 },
    ];
    for (const { target, headers, status } of cases) {
      const response = await rawRequest(url, { method: 'GET', target, headers });
      assert.equal(response.status, status, target);
    }
    assert.equal(venue.calls.length, before);
  });

  test('logs one JSON line per request, and no secret anywhere in its output or answers', async () => {
    const answers: string[] = [];
    for (const target of ['/kucoin/api/v3/hf/margin/orders/active?symbol=BTC-USDT', '/bitmart/spot/v1/margin/isolated/pairs', '/kucoin/api/v1/accounts']) {
      const response = await rawRequest(url, { method: 'GET', target, headers: auth });
      answers.push(JSON.stringify(response.headers), response.body);
    }
    // Wait for the last log line to be written.
    const deadline = Date.now() + 10_000;
    while (!cli.stdout().includes('"path":"/kucoin/api/v1/accounts"') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    const lines = cli.stdout().split('\n').filter((line) => line.startsWith('{'));
    assert.ok(lines.length >= 3); // at least this test's own three requests
    for (const line of lines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      for (const key of Object.keys(entry)) assert.ok(['time', 'caller', 'venue', 'method', 'path', 'status', 'ms', 'error'].includes(key), key);
      assert.equal(typeof entry.status, 'number');
    }
    const signatures = venue.calls.flatMap((call) => [call.headers['kc-api-sign'], call.headers['x-bm-sign']]).filter((value): value is string => typeof value === 'string');
    assert.ok(signatures.length >= 3);
    const needles = [...Object.values(SECRETS), hmacBase64(SECRETS.KUCOIN_API_SECRET, SECRETS.KUCOIN_API_PASSPHRASE), ...signatures];
    const haystack = [cli.stdout(), cli.stderr(), ...answers].join('\n');
    for (const needle of needles) assert.equal(haystack.includes(needle), false, `leaked ${needle}`);
  });
});

describe('margin-kit-proxy CLI start-up checks', () => {
  test('refuses to start without a token unless --allow-anonymous', async () => {
    const cli = startCli({ PROXY_PORT: '0' });
    assert.equal(await cli.exited, 1);
    assert.match(cli.stderr(), /PROXY_TOKEN/);
    assert.doesNotMatch(cli.stdout(), /listening/);
  });

  test('refuses half-given venue keys, naming what is missing and never the values', async () => {
    const cli = startCli({ PROXY_PORT: '0', PROXY_TOKEN: SECRETS.PROXY_TOKEN, KUCOIN_API_KEY: SECRETS.KUCOIN_API_KEY });
    assert.equal(await cli.exited, 1);
    assert.match(cli.stderr(), /KUCOIN_API_SECRET, KUCOIN_API_PASSPHRASE are missing/);
    assert.equal(cli.stderr().includes(SECRETS.KUCOIN_API_KEY), false);
  });

  test('serves public KuCoin data without keys, says so, and answers private routes with a clear error', async () => {
    const venue = await startCaptureServer();
    const cli = startCli({ PROXY_PORT: '0', KUCOIN_BASE_URL: venue.url }, ['--allow-anonymous']);
    try {
      const url = await listeningUrl(cli);
      assert.match(cli.stdout(), /kucoin: no API keys/);
      assert.match(cli.stdout(), /bitmart: no API keys/);
      assert.equal((await rawRequest(url, { method: 'GET', target: '/kucoin/api/v3/margin/symbols' })).status, 200);
      const privateCall = await rawRequest(url, { method: 'GET', target: '/kucoin/api/v3/margin/borrow' });
      assert.equal(privateCall.status, 503);
      assert.equal(JSON.parse(privateCall.body).error, 'venue_not_configured');
      const bitmart = await rawRequest(url, { method: 'GET', target: '/bitmart/spot/v1/margin/isolated/pairs' });
      assert.equal(bitmart.status, 503);
      assert.equal(venue.calls.length, 1);
    } finally {
      await stop(cli);
      await venue.close();
    }
  });

  test('--allow-anonymous is refused off loopback', async () => {
    const cli = startCli({ PROXY_PORT: '0', PROXY_HOST: '0.0.0.0' }, ['--allow-anonymous']);
    assert.equal(await cli.exited, 1);
    assert.match(cli.stderr(), /loopback/);
  });
});
