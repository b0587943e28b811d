#!/usr/bin/env node
/**
 * `margin-kit-proxy`: the signing proxy on node:http, configured from the environment (see
 * src/proxy/env.ts and the README's "Signing proxy" and "Operating the proxy"). Prints where it
 * listens and what it will serve; then one JSON line per request on stdout (pino, buffered).
 */
import process from 'node:process';
import { configFromEnv, ConfigError } from '../proxy/env.js';
import { DEFAULT_RATE_LIMIT } from '../proxy/core.js';
import { serveSigningProxy } from './proxy.js';
import { createRedisRateLimitStore } from './redis-rate-limit.js';

const USAGE = `Usage: margin-kit-proxy [--allow-anonymous]

Environment:
  KUCOIN_API_KEY, KUCOIN_API_SECRET, KUCOIN_API_PASSPHRASE   all three or none
  KUCOIN_API_KEY_VERSION   2 or 3 (default 3)
  KUCOIN_BASE_URL          default https://api.kucoin.com
  BITMART_API_KEY, BITMART_API_SECRET, BITMART_API_MEMO       all three or none
  BITMART_BASE_URL         default https://api-cloud.bitmart.com
  PROXY_HOST               default 127.0.0.1
  PROXY_PORT               default 8787 (0: any free port)
  PROXY_ALLOWED_ORIGINS    comma-separated exact origins allowed to call from a browser
  PROXY_TOKEN              bearer token callers must send (16+ characters)
  PROXY_TOKENS             named callers: alice=<token>,bob=<token> (the name is the caller id)
  PROXY_METRICS_TOKEN      bearer token for GET /metrics (default: loopback callers only)
  PROXY_REDIS_URL          redis://host:6379: rate limits shared by every instance
  PROXY_PUBLIC_MAX_AGE     seconds public market data may be cached (default 1)
  PROXY_READ_ONLY          1 = GET only
  PROXY_ALLOWED_HOSTS      Host names accepted (default: loopback names, or PROXY_HOST)
  PROXY_ALLOWED_SYMBOLS    comma-separated symbols the proxy may trade
  PROXY_MAX_ORDER_NOTIONAL largest order (price x size, or funds)

--allow-anonymous   no token: anyone who can reach the loopback address may call (demo only)
`;

async function main(argv: readonly string[]): Promise<void> {
  const flags = { allowAnonymous: false };
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      return;
    }
    if (arg === '--allow-anonymous') flags.allowAnonymous = true;
    else throw new ConfigError(`Unknown argument ${JSON.stringify(arg)}.\n\n${USAGE}`);
  }

  const config = configFromEnv(process.env, flags);
  const store = config.redisUrl === undefined ? undefined : createRedisRateLimitStore({ url: config.redisUrl, ...DEFAULT_RATE_LIMIT });
  // No log hook: the node adapter writes each request's line to stdout through pino.
  const served = await serveSigningProxy({ ...config.options, rateLimitStore: store }, { host: config.host, port: config.port });
  for (const note of config.notes) process.stdout.write(`${note}\n`);
  process.stdout.write(`margin-kit-proxy listening on ${served.url}\n`);

  const stop = () => {
    Promise.all([served.close(), store?.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // Our own messages name variables, never their values; a listen error names the address.
  process.stderr.write(`margin-kit-proxy: ${error instanceof Error ? error.message : 'could not start'}\n`);
  process.exitCode = 1;
});
