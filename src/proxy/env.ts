/**
 * The CLI's configuration from environment variables (names fixed by issue 3, documented in the
 * README). Pure, so it is tested without starting anything. Refuses to start half-configured:
 * a venue has all its keys or none, and running without a caller check is an explicit choice.
 */
import { DEFAULT_BITMART_BASE_URL, DEFAULT_KUCOIN_BASE_URL, LOOPBACK_HOSTS } from './core.js';
import type { SigningProxyOptions } from './types.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface CliFlags {
  /** `--allow-anonymous`: no token, for a demo on loopback. */
  allowAnonymous?: boolean;
}

export interface CliConfig {
  options: SigningProxyOptions;
  host: string;
  port: number;
  /** PROXY_REDIS_URL: rate-limit buckets shared by every instance (the CLI builds the store). */
  redisUrl: string | undefined;
  /** What the CLI says at start: one line per decision, never a secret. */
  notes: string[];
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8787;

const KUCOIN_KEYS = ['KUCOIN_API_KEY', 'KUCOIN_API_SECRET', 'KUCOIN_API_PASSPHRASE'] as const;
const BITMART_KEYS = ['BITMART_API_KEY', 'BITMART_API_SECRET', 'BITMART_API_MEMO'] as const;

/** An unset variable and an empty one mean the same. */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function list(env: Env, name: string): string[] | undefined {
  const value = read(env, name);
  return value === undefined ? undefined : value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** All of a venue's keys, none of them (undefined), or a ConfigError naming the missing ones. */
function venueKeys<const N extends readonly string[]>(env: Env, names: N, venue: string): Record<N[number], string> | undefined {
  const missing = names.filter((name) => read(env, name) === undefined);
  if (missing.length === names.length) return undefined;
  if (missing.length > 0) {
    throw new ConfigError(`${venue} keys are incomplete: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing. Set all of ${names.join(', ')} or none.`);
  }
  return Object.fromEntries(names.map((name) => [name, read(env, name)!])) as Record<N[number], string>;
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/** `host` as it appears in a URL or a Host header: IPv6 in brackets. */
export function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

export function configFromEnv(env: Env, flags: CliFlags = {}): CliConfig {
  const notes: string[] = [];
  const options: SigningProxyOptions = {};

  const host = read(env, 'PROXY_HOST') ?? DEFAULT_HOST;
  const portText = read(env, 'PROXY_PORT') ?? String(DEFAULT_PORT);
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) throw new ConfigError(`PROXY_PORT must be a port number (0-65535), got ${JSON.stringify(portText)}.`);
  const port = Number(portText);

  const kucoin = venueKeys(env, KUCOIN_KEYS, 'KuCoin');
  const kucoinBaseUrl = read(env, 'KUCOIN_BASE_URL') ?? DEFAULT_KUCOIN_BASE_URL;
  const version = read(env, 'KUCOIN_API_KEY_VERSION') ?? '3';
  if (version !== '2' && version !== '3') throw new ConfigError(`KUCOIN_API_KEY_VERSION must be 2 or 3, got ${JSON.stringify(version)}.`);
  if (kucoin) {
    options.kucoin = {
      apiKey: kucoin.KUCOIN_API_KEY,
      apiSecret: kucoin.KUCOIN_API_SECRET,
      apiPassphrase: kucoin.KUCOIN_API_PASSPHRASE,
      apiKeyVersion: version,
      baseUrl: kucoinBaseUrl,
    };
    notes.push(`kucoin: signing with key version ${version} for ${kucoinBaseUrl}`);
  } else {
    options.kucoin = { baseUrl: kucoinBaseUrl };
    notes.push(`kucoin: no API keys (${KUCOIN_KEYS.join(', ')}): public market data only (from ${kucoinBaseUrl}), private routes answer 503 venue_not_configured`);
  }

  const bitmart = venueKeys(env, BITMART_KEYS, 'BitMart');
  const bitmartBaseUrl = read(env, 'BITMART_BASE_URL') ?? DEFAULT_BITMART_BASE_URL;
  if (bitmart) {
    options.bitmart = { apiKey: bitmart.BITMART_API_KEY, apiSecret: bitmart.BITMART_API_SECRET, memo: bitmart.BITMART_API_MEMO, baseUrl: bitmartBaseUrl };
    notes.push(`bitmart: signing for ${bitmartBaseUrl}`);
  } else {
    notes.push(`bitmart: no API keys (${BITMART_KEYS.join(', ')}): every bitmart route answers 503 venue_not_configured`);
  }

  const token = read(env, 'PROXY_TOKEN');
  const tokens = namedTokens(read(env, 'PROXY_TOKENS'));
  if ((token !== undefined || tokens !== undefined) && flags.allowAnonymous) {
    throw new ConfigError('PROXY_TOKEN/PROXY_TOKENS and --allow-anonymous contradict each other: choose one.');
  }
  if (token !== undefined || tokens !== undefined) {
    if (token !== undefined) {
      if (token.length < 16) throw new ConfigError('PROXY_TOKEN must be at least 16 characters.');
      options.token = token;
    }
    if (tokens !== undefined) options.tokens = tokens;
    const names = [...(token === undefined ? [] : ['token']), ...Object.keys(tokens ?? {})];
    notes.push(`callers: must send Authorization: Bearer <token>; named callers: ${names.join(', ')}`);
  } else if (flags.allowAnonymous) {
    if (!isLoopbackHost(host)) throw new ConfigError(`--allow-anonymous is for loopback only, but PROXY_HOST is ${host}: set PROXY_TOKEN.`);
    options.allowAnonymous = true;
    notes.push('callers: anyone who can reach this loopback address (--allow-anonymous)');
  } else {
    throw new ConfigError('Set PROXY_TOKEN or PROXY_TOKENS (callers send Authorization: Bearer <token>), or pass --allow-anonymous for a demo on loopback.');
  }

  const metricsToken = read(env, 'PROXY_METRICS_TOKEN');
  if (metricsToken !== undefined) {
    if (metricsToken.length < 16) throw new ConfigError('PROXY_METRICS_TOKEN must be at least 16 characters.');
    options.metricsToken = metricsToken;
    notes.push('metrics: GET /metrics with Authorization: Bearer <PROXY_METRICS_TOKEN>');
  } else {
    notes.push('metrics: GET /metrics from loopback only (set PROXY_METRICS_TOKEN to scrape from elsewhere)');
  }
  const maxAge = read(env, 'PROXY_PUBLIC_MAX_AGE');
  if (maxAge !== undefined) {
    if (!/^\d{1,6}$/.test(maxAge)) throw new ConfigError(`PROXY_PUBLIC_MAX_AGE must be whole seconds, got ${JSON.stringify(maxAge)}.`);
    options.publicMaxAgeSeconds = Number(maxAge);
  }
  notes.push(`public market data: Cache-Control: public, max-age=${options.publicMaxAgeSeconds ?? 1}`);
  const redisUrl = read(env, 'PROXY_REDIS_URL');
  if (redisUrl !== undefined) {
    if (!/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('PROXY_REDIS_URL must be a redis:// or rediss:// URL.');
    // Never printed: the URL may hold a password.
    notes.push('rate limits: shared through Redis (PROXY_REDIS_URL)');
  } else {
    notes.push('rate limits: in this process (set PROXY_REDIS_URL to share them between instances)');
  }

  let allowedHosts = list(env, 'PROXY_ALLOWED_HOSTS');
  if (!allowedHosts && isWildcardHost(host)) {
    throw new ConfigError(`PROXY_HOST=${host} listens on every interface: set PROXY_ALLOWED_HOSTS to the host names callers use.`);
  }
  allowedHosts ??= isLoopbackHost(host) ? [...LOOPBACK_HOSTS] : [urlHost(host)];
  options.allowedHosts = allowedHosts;
  notes.push(`hosts: ${allowedHosts.join(', ')}`);

  const origins = list(env, 'PROXY_ALLOWED_ORIGINS') ?? [];
  for (const origin of origins) {
    let exact: string | undefined;
    try {
      exact = new URL(origin).origin;
    } catch {
      exact = undefined;
    }
    if (exact !== origin || exact === 'null') throw new ConfigError(`PROXY_ALLOWED_ORIGINS takes exact origins like https://app.example.com, got ${JSON.stringify(origin)}.`);
  }
  options.allowedOrigins = origins;
  notes.push(origins.length > 0 ? `origins: ${origins.join(', ')}` : 'origins: none (browser pages cannot call; set PROXY_ALLOWED_ORIGINS)');

  const readOnly = read(env, 'PROXY_READ_ONLY') ?? '0';
  if (readOnly !== '0' && readOnly !== '1') throw new ConfigError(`PROXY_READ_ONLY must be 1 or 0, got ${JSON.stringify(readOnly)}.`);
  if (readOnly === '1') {
    options.readOnly = true;
    notes.push('read-only: GET only');
  }

  const symbols = list(env, 'PROXY_ALLOWED_SYMBOLS');
  if (symbols) {
    options.allowedSymbols = symbols;
    notes.push(`symbols: ${symbols.join(', ')} only`);
  }
  const maxNotional = read(env, 'PROXY_MAX_ORDER_NOTIONAL');
  if (maxNotional !== undefined) {
    if (!/^\d+(\.\d+)?$/.test(maxNotional)) throw new ConfigError(`PROXY_MAX_ORDER_NOTIONAL must be a decimal like 1000 or 250.5, got ${JSON.stringify(maxNotional)}.`);
    options.maxOrderNotional = maxNotional;
    notes.push(`max order notional: ${maxNotional}`);
  }

  return { options, host, port, notes, redisUrl };
}

/** `alice=<token>,bob=<token>`: names and tokens checked as the proxy checks them, with the variable named. */
function namedTokens(value: string | undefined): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const tokens: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const token = pair.slice(at + 1).trim();
    if (at === -1 || !/^[A-Za-z0-9_.-]{1,64}$/.test(name)) throw new ConfigError('PROXY_TOKENS takes name=token pairs separated by commas (names: A-Z a-z 0-9 _ . -).');
    if (token.length < 16) throw new ConfigError(`PROXY_TOKENS: the token of ${name} must be at least 16 characters.`);
    if (name in tokens) throw new ConfigError(`PROXY_TOKENS names ${name} twice.`);
    tokens[name] = token;
  }
  return tokens;
}
