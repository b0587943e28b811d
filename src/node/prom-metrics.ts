/**
 * The node adapter's `/metrics`, on prom-client: the same series and names as the fetch
 * handler's text exposition (src/proxy/metrics.ts), in a registry of the proxy's own (two
 * proxies in one process never share counters), plus Node's process metrics.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { METRIC_HELP, METRIC_NAMES, UPSTREAM_BUCKETS } from '../proxy/metrics.js';
import type { ProxyMetrics } from '../proxy/types.js';

export class PromMetrics implements ProxyMetrics {
  readonly registry = new Registry();
  readonly contentType: string;
  private readonly requests: Counter<'venue' | 'route' | 'status' | 'caller'>;
  private readonly refusals: Counter<'code'>;
  private readonly upstreamSeconds: Histogram<'venue' | 'route'>;
  private readonly inFlight: Gauge;
  /** Label children by their values: prom-client hashes a label object on every call otherwise. */
  private readonly requestChildren = new Map<string, { inc(): void }>();
  private readonly upstreamChildren = new Map<string, { observe(value: number): void }>();

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    this.contentType = this.registry.contentType;
    this.requests = new Counter({ name: METRIC_NAMES.requests, help: METRIC_HELP.requests, labelNames: ['venue', 'route', 'status', 'caller'], registers });
    this.refusals = new Counter({ name: METRIC_NAMES.refusals, help: METRIC_HELP.refusals, labelNames: ['code'], registers });
    this.upstreamSeconds = new Histogram({
      name: METRIC_NAMES.upstream,
      help: METRIC_HELP.upstream,
      labelNames: ['venue', 'route'],
      buckets: [...UPSTREAM_BUCKETS],
      registers,
    });
    this.inFlight = new Gauge({ name: METRIC_NAMES.inFlight, help: METRIC_HELP.inFlight, registers });
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'margin_kit_proxy_' });
  }

  started(): void {
    this.inFlight.inc();
  }

  answered(venue: string, route: string, status: number, caller: string, refusal: string | undefined): void {
    this.inFlight.dec();
    const key = `${venue} ${route} ${status} ${caller}`;
    let child = this.requestChildren.get(key);
    if (!child) {
      child = this.requests.labels(venue, route, String(status), caller);
      this.requestChildren.set(key, child);
    }
    child.inc();
    if (refusal !== undefined) this.refusals.inc({ code: refusal });
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
