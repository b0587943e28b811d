/**
 * The one call to the venue: bounded in time, never following redirects (a redirect would carry
 * signed headers elsewhere), and its answer passed on with only the headers a caller needs.
 */
import { BASE_HEADERS, Refusal } from './respond.js';

export interface UpstreamCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** Passed on from the venue's answer; everything else (Set-Cookie, hop-by-hop, server banners) is dropped. */
const PASSED_HEADERS = new Set(['content-type', 'retry-after']);
const PASSED_PREFIXES = ['gw-ratelimit-', 'x-bm-ratelimit-'];

function passesThrough(name: string): boolean {
  return PASSED_HEADERS.has(name) || PASSED_PREFIXES.some((prefix) => name.startsWith(prefix));
}

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

export async function forward(
  fetchImpl: typeof globalThis.fetch,
  call: UpstreamCall,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
  /** Headers the proxy adds to the answer (CORS), after the venue's. */
  extraHeaders: Readonly<Record<string, string>> = {},
): Promise<Response> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerGone = () => controller.abort();
  callerSignal?.addEventListener('abort', onCallerGone, { once: true });
  try {
    const upstream = await fetchImpl(call.url, {
      method: call.method,
      headers: call.headers,
      body: call.body,
      signal: controller.signal,
      redirect: 'manual',
    });
    // Read it all inside the time limit: a venue that sends headers and then stalls is a timeout too.
    const body = await upstream.arrayBuffer();
    if (upstream.type === 'opaqueredirect' || (upstream.status >= 300 && upstream.status < 400)) {
      throw new Refusal(502, 'upstream_unreachable', 'The venue answered with a redirect, which the proxy does not follow.');
    }
    const headers: Record<string, string> = { ...BASE_HEADERS };
    upstream.headers.forEach((value, name) => {
      if (passesThrough(name)) headers[name] = value;
    });
    Object.assign(headers, BASE_HEADERS, extraHeaders);
    return new Response(NULL_BODY_STATUSES.has(upstream.status) ? null : body, { status: upstream.status, headers });
  } catch (error) {
    if (error instanceof Refusal) throw error;
    if (timedOut) throw new Refusal(504, 'upstream_timeout', `The venue did not answer within ${timeoutMs} ms.`);
    if (callerSignal?.aborted) throw new Refusal(499, 'client_closed', 'The caller went away.');
    throw new Refusal(502, 'upstream_unreachable', 'The proxy could not reach the venue.');
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerGone);
  }
}
