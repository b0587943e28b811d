/**
 * How long the reference proxy waits for a venue before it gives up on a request (its default
 * `upstreamTimeoutMs`). A request whose answer was lost cannot reach the venue later than this
 * after it was sent, so the elements' "never sent twice" look-ups run until past it.
 */
export const PROXY_UPSTREAM_TIMEOUT_MS = 10_000;
