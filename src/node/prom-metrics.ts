/**
 * The node adapter's `/metrics`, on prom-client: the same series and names as the fetch
 * handler's text exposition (src/proxy/metrics.ts), in a registry of the proxy's own (two
 * proxies in one process never share counters), plus Node's process metrics.
 *
 * A request only adds to plain numbers: the counters and the in-flight gauge are handed to
 * prom-client when /metrics is read (its `collect` hook), since prom-client hashes the label
 * values on every `inc` (a cached labelled child included) and the gauge on every `inc`/`dec`.
 * The upstream histogram is observed as calls end (prom-client has no way to load bucket counts).
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { METRIC_HELP, METRIC_NAMES, UPSTREAM_BUCKETS } from '../proxy/metrics.js';
import type { ProxyMetrics } from '../proxy/types.js';

/** A count kept on the request path, and how much of it prom-client has been given. */
interface Tally<T extends string> {
  labels: Record<T, string>;
  value: number;
  reported: number;
}

/** Hands prom-client what each tally gained since the last scrape. */
function report<T extends string>(tallies: Map<string, Tally<T>>, counter: Counter<T>): void {
  for (const tally of tallies.values()) {
    if (tally.value === tally.reported) continue;
    counter.inc(tally.labels, tally.value - tally.reported);
    tally.reported = tally.value;
  }
}

export class PromMetrics implements ProxyMetrics {
  readonly registry = new Registry();
  readonly contentType: string;
  private readonly requests: Counter<'venue' | 'route' | 'status' | 'caller'>;
  private readonly refusals: Counter<'code'>;
  private readonly upstreamSeconds: Histogram<'venue' | 'route'>;
  private readonly inFlight: Gauge;
  private inFlightNow = 0;
  private readonly requestTallies = new Map<string, Tally<'venue' | 'route' | 'status' | 'caller'>>();
  private readonly refusalTallies = new Map<string, Tally<'code'>>();
  /** Label children by their values: prom-client hashes a label object on every call otherwise. */
  private readonly upstreamChildren = new Map<string, { observe(value: number): void }>();

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    this.contentType = this.registry.contentType;
    this.requests = new Counter({
      name: METRIC_NAMES.requests,
      help: METRIC_HELP.requests,
      labelNames: ['venue', 'route', 'status', 'caller'],
      registers,
      collect: () => report(this.requestTallies, this.requests),
    });
    this.refusals = new Counter({
      name: METRIC_NAMES.refusals,
      help: METRIC_HELP.refusals,
      labelNames: ['code'],
      registers,
      collect: () => report(this.refusalTallies, this.refusals),
    });
    this.upstreamSeconds = new Histogram({
      name: METRIC_NAMES.upstream,
      help: METRIC_HELP.upstream,
      labelNames: ['venue', 'route'],
      buckets: [...UPSTREAM_BUCKETS],
      registers,
    });
    this.inFlight = new Gauge({
      name: METRIC_NAMES.inFlight,
      help: METRIC_HELP.inFlight,
      registers,
      collect: () => this.inFlight.set(this.inFlightNow),
    });
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'margin_kit_proxy_' });
  }

  started(): void {
    this.inFlightNow += 1;
  }

  answered(venue: string, route: string, status: number, caller: string, refusal: string | undefined): void {
    this.inFlightNow -= 1;
    const key = `${venue} ${route} ${status} ${caller}`;
    const tally = this.requestTallies.get(key);
    if (tally) tally.value += 1;
    else this.requestTallies.set(key, { labels: { venue, route, status: String(status), caller }, value: 1, reported: 0 });
    if (refusal !== undefined) {
      const refused = this.refusalTallies.get(refusal);
      if (refused) refused.value += 1;
      else this.refusalTallies.set(refusal, { labels: { code: refusal }, value: 1, reported: 0 });
    }
  }

  upstream(venue: string, route: string, seconds: number): void {
    const key = `${venue} ${route}`;
    let child = this.upstreamChildren.get(key);
    if (!child) {
      child = this.upstreamSeconds.labels(venue, route);
      this.upstreamChildren.set(key, child);
    }
    child.observe(seconds);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
