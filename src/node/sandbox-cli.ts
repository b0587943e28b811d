#!/usr/bin/env node
/**
 * `margin-kit-sandbox`: the offline sandbox exchange on node:http. It accepts the credentials
 * given by the proxy's variables (so a proxy and a sandbox started with one environment pair
 * up), and the documented demo credentials otherwise.
 */
import process from 'node:process';
import { serveFetchHandler } from './serve.js';
import { DEMO_CREDENTIALS } from '../sandbox/fixtures.js';
import { createSandboxExchange } from '../sandbox/index.js';
import type { SandboxAccountOptions } from '../sandbox/state.js';

const USAGE = `Usage: margin-kit-sandbox

Environment:
  SANDBOX_HOST   default 127.0.0.1
  SANDBOX_PORT   default 8790 (0: any free port)
  SANDBOX_SEED   default 1: the same seed replays the same market
  KUCOIN_API_KEY, KUCOIN_API_SECRET, KUCOIN_API_PASSPHRASE, KUCOIN_API_KEY_VERSION
  BITMART_API_KEY, BITMART_API_SECRET, BITMART_API_MEMO
                 the keys the sandbox accepts; the demo credentials when unset
`;

function accountsFromEnv(env: NodeJS.ProcessEnv): SandboxAccountOptions[] {
  const kucoin =
    env.KUCOIN_API_KEY && env.KUCOIN_API_SECRET && env.KUCOIN_API_PASSPHRASE
      ? {
          apiKey: env.KUCOIN_API_KEY,
          apiSecret: env.KUCOIN_API_SECRET,
          apiPassphrase: env.KUCOIN_API_PASSPHRASE,
          apiKeyVersion: env.KUCOIN_API_KEY_VERSION === '2' ? ('2' as const) : ('3' as const),
        }
      : DEMO_CREDENTIALS.kucoin;
  const bitmart =
    env.BITMART_API_KEY && env.BITMART_API_SECRET && env.BITMART_API_MEMO
      ? { apiKey: env.BITMART_API_KEY, apiSecret: env.BITMART_API_SECRET, memo: env.BITMART_API_MEMO }
      : DEMO_CREDENTIALS.bitmart;
  return [{ kucoin, bitmart }];
}

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const seed = Number(process.env.SANDBOX_SEED ?? '1');
  if (!Number.isSafeInteger(seed)) throw new Error('SANDBOX_SEED must be an integer');
  const port = Number(process.env.SANDBOX_PORT ?? '8790');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('SANDBOX_PORT must be a port number');
  const sandbox = createSandboxExchange({ seed, accounts: accountsFromEnv(process.env) });
  const served = await serveFetchHandler(sandbox, { host: process.env.SANDBOX_HOST ?? '127.0.0.1', port, onThrow: 'drop-connection' });
  process.stdout.write(`margin-kit-sandbox (seed ${seed}) listening on ${served.url}\n`);
  const stop = () => void served.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`margin-kit-sandbox: ${error instanceof Error ? error.message : 'could not start'}\n`);
  process.exitCode = 1;
});
