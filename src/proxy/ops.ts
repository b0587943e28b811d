/**
 * The operator's routes: `GET /healthz` for load balancers (no credentials, touches no venue,
 * answered before every other check, since balancers probe by address) and `GET /metrics` for
 * Prometheus (its own bearer token, or callers on loopback when none is set).
 */
import { constantTimeEqual } from '../core/signing.js';
import { unauthorized } from './callers.js';
import { BASE_HEADERS, Refusal, type ProxyAnswer } from './respond.js';
import type { ProxyMetrics } from './types.js';

const BEARER = /^Bearer[ ]+(\S+)[ ]*$/i;

const HEALTHY: ProxyAnswer['body'] = '{"status":"ok"}';

export type OpsRoute = 'healthz' | 'metrics';

/** Which operator route a GET is for, if any; `path` has no query. */
export function opsRoute(method: string, path: string, basePath: string): OpsRoute | undefined {
  if (method !== 'GET' || !path.startsWith(basePath)) return undefined;
  const rest = path.slice(basePath.length);
  return rest === '/healthz' ? 'healthz' : rest === '/metrics' ? 'metrics' : undefined;
}

export function healthAnswer(): ProxyAnswer {
  return { status: 200, headers: { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8' }, body: HEALTHY };
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (how a dual-stack server reports them). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** Who may read /metrics: the bearer of `token` when one is set, else a peer on loopback. */
export function metricsGate(token: string | undefined): (authorization: string | null, remoteAddress: string | undefined) => void {
  if (token !== undefined && token.length < 16) throw new TypeError('metricsToken must be at least 16 characters.');
  return (authorization, remoteAddress) => {
    if (token === undefined) {
      if (!isLoopbackAddress(remoteAddress)) {
        throw new Refusal(403, 'not_allowed', '/metrics answers loopback callers only: set PROXY_METRICS_TOKEN to scrape it from elsewhere.');
      }
      return;
    }
    const bearer = BEARER.exec(authorization ?? '');
    if (!bearer || !constantTimeEqual(bearer[1]!, token)) throw unauthorized();
  };
}

export async function metricsAnswer(metrics: ProxyMetrics): Promise<ProxyAnswer> {
  const text = await metrics.render();
  return { status: 200, headers: { ...BASE_HEADERS, 'content-type': metrics.contentType }, body: text };
}
