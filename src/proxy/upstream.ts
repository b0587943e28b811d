/**
 * The one call to the venue through a fetch function: bounded in time, never following
 * redirects (a redirect would carry signed headers elsewhere), read whole. The core (core.ts)
 * picks the headers a caller gets from its answer.
 */
import type { UpstreamAnswer, UpstreamCall } from './core.js';
import { clientClosed, Refusal, upstreamRedirect, upstreamTimeout, upstreamUnreachable } from './respond.js';

export async function forwardWithFetch(
  fetchImpl: typeof globalThis.fetch,
  call: UpstreamCall,
  callerSignal: AbortSignal | undefined,
): Promise<UpstreamAnswer> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, call.timeoutMs);
  const onCallerGone = () => controller.abort();
  callerSignal?.addEventListener('abort', onCallerGone, { once: true });
  try {
    const upstream = await fetchImpl(`${call.origin}${call.pathWithQuery}`, {
      method: call.method,
      headers: call.headers,
      body: call.body,
      signal: controller.signal,
      redirect: 'manual',
    });
    // Read it all inside the time limit: a venue that sends headers and then stalls is a timeout too.
    const body = new Uint8Array(await upstream.arrayBuffer());
    if (upstream.type === 'opaqueredirect') throw upstreamRedirect();
    const headers: string[] = [];
    upstream.headers.forEach((value, name) => {
      headers.push(name, value);
    });
    return { status: upstream.status, headers, body };
  } catch (error) {
    if (error instanceof Refusal) throw error;
    if (timedOut) throw upstreamTimeout(call.timeoutMs);
    if (callerSignal?.aborted) throw clientClosed();
    throw upstreamUnreachable();
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerGone);
  }
}
