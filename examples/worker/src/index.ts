/**
 * The signing proxy as a Cloudflare Worker. The proxy is created once, at module scope, so every
 * request this isolate serves goes through one rate limiter: a proxy built per request starts
 * each caller with a full bucket, which turns rate limiting off.
 */
import { env } from 'cloudflare:workers';
import { createSigningProxy } from 'margin-kit/proxy';

interface Env {
  KUCOIN_API_KEY?: string;
  KUCOIN_API_SECRET?: string;
  KUCOIN_API_PASSPHRASE?: string;
  /** Optional: another KuCoin origin (a test venue). */
  KUCOIN_BASE_URL?: string;
  BITMART_API_KEY?: string;
  BITMART_API_SECRET?: string;
  BITMART_API_MEMO?: string;
  BITMART_BASE_URL?: string;
  PROXY_TOKEN: string;
  PROXY_ALLOWED_ORIGINS?: string;
  PROXY_ALLOWED_HOSTS: string;
}

const config = env as unknown as Env;
const list = (value: string | undefined) => (value ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');

const proxy = createSigningProxy({
  // Without KuCoin keys: public market data only. Some keys but not all stops the Worker at start.
  kucoin: config.KUCOIN_API_KEY
    ? { apiKey: config.KUCOIN_API_KEY, apiSecret: config.KUCOIN_API_SECRET!, apiPassphrase: config.KUCOIN_API_PASSPHRASE!, baseUrl: config.KUCOIN_BASE_URL }
    : { baseUrl: config.KUCOIN_BASE_URL },
  bitmart: config.BITMART_API_KEY
    ? { apiKey: config.BITMART_API_KEY, apiSecret: config.BITMART_API_SECRET!, memo: config.BITMART_API_MEMO!, baseUrl: config.BITMART_BASE_URL }
    : undefined,
  token: config.PROXY_TOKEN,
  allowedOrigins: list(config.PROXY_ALLOWED_ORIGINS),
  allowedHosts: list(config.PROXY_ALLOWED_HOSTS),
});

export default {
  fetch: (request: Request) => proxy(request),
};
