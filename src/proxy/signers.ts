/**
 * Which keys sign a call: the proxy's own (options), or the caller's own, resolved by the
 * `credentials(callerId)` hook and kept per caller for a bounded time. Keys stay inside the
 * signers: nothing here logs, echoes or returns them.
 */
import { Refusal } from './respond.js';
import { BitmartSigner } from './sign-bitmart.js';
import { KucoinSigner, type HmacSha256 } from './sign-kucoin.js';
import type { CallerCredentials, KucoinCredentials, ResolveCredentials, SigningProxyOptions } from './types.js';

export interface Signers {
  kucoin: KucoinSigner | undefined;
  bitmart: BitmartSigner | undefined;
}

export const DEFAULT_CREDENTIALS_TTL_MS = 60_000;
/** Callers whose keys are kept at once; the oldest go first. */
const MAX_CACHED_CALLERS = 1000;

function hasAll(values: readonly (string | undefined)[], what: string): boolean {
  const given = values.filter((value) => value !== undefined);
  if (given.length === 0) return false;
  if (given.length !== values.length) throw new TypeError(`${what} needs all of its keys together, or none of them.`);
  return true;
}

function kucoinKeys(keys: Partial<KucoinCredentials> | undefined): KucoinCredentials | undefined {
  if (!keys) return undefined;
  if (!hasAll([keys.apiKey, keys.apiSecret, keys.apiPassphrase], 'KuCoin (apiKey, apiSecret, apiPassphrase)')) return undefined;
  return keys as KucoinCredentials;
}

function signersOf(credentials: CallerCredentials | SigningProxyOptions | undefined, hmac: HmacSha256 | undefined): Signers {
  const kucoin = kucoinKeys(credentials?.kucoin);
  const bitmart = credentials?.bitmart;
  const bitmartKeyed = bitmart !== undefined && hasAll([bitmart.apiKey, bitmart.apiSecret, bitmart.memo], 'BitMart (apiKey, apiSecret, memo)');
  return {
    kucoin: kucoin ? new KucoinSigner(kucoin, hmac) : undefined,
    bitmart: bitmartKeyed ? new BitmartSigner({ apiKey: bitmart.apiKey!, apiSecret: bitmart.apiSecret!, memo: bitmart.memo! }, hmac) : undefined,
  };
}

function keysUnavailable(): Refusal {
  return new Refusal(503, 'venue_not_configured', "The proxy could not get this caller's venue keys.");
}

/** The signers for a caller: fixed ones, or a promise per caller while its keys are looked up. */
export type SignersFor = (caller: string) => Signers | Promise<Signers>;

/** Signers from the options' keys, or per caller through `credentials` (then the options' keys are not used). */
export function createSigners(options: SigningProxyOptions, hmac: HmacSha256 | undefined, now: () => number): SignersFor {
  const resolve = options.credentials;
  if (!resolve) {
    const fixed = signersOf(options, hmac);
    return () => fixed;
  }
  if (options.kucoin?.apiKey !== undefined || options.bitmart?.apiKey !== undefined) {
    throw new TypeError('Give venue keys in the options or a credentials hook, not both.');
  }
  const ttlMs = options.credentialsTtlMs ?? DEFAULT_CREDENTIALS_TTL_MS;
  if (!(ttlMs >= 0)) throw new TypeError('credentialsTtlMs must be 0 or more.');
  return perCaller(resolve, ttlMs, hmac, now);
}

function perCaller(resolve: ResolveCredentials, ttlMs: number, hmac: HmacSha256 | undefined, now: () => number): SignersFor {
  const cache = new Map<string, { until: number; signers: Promise<Signers> }>();
  return (caller) => {
    const at = now();
    const cached = cache.get(caller);
    if (cached && cached.until > at) return cached.signers;
    cache.delete(caller);
    const signers = Promise.resolve()
      .then(() => resolve(caller))
      .then((credentials) => signersOf(credentials, hmac))
      .catch(() => {
        // A failed look-up is not kept (the next request asks again), and says nothing of why.
        cache.delete(caller);
        throw keysUnavailable();
      });
    if (cache.size >= MAX_CACHED_CALLERS) cache.delete(cache.keys().next().value!);
    cache.set(caller, { until: at + ttlMs, signers });
    return signers;
  };
}
