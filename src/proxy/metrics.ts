/**
 * `/metrics` for the fetch handler: the four series an operator watches, in the Prometheus text
 * format, without a dependency (the node adapter records the same names into prom-client).
 * Every label value comes from a bounded set: venues, allow-list route templates, statuses,
 * refusal codes, configured caller names.
 */
import type { ProxyMetrics } from './types.js';

export const METRIC_NAMES = {
  requests: 'margin_kit_proxy_requests_total',
  refusals: 'margin_kit_proxy_refusals_total',
  upstream: 'margin_kit_proxy_upstream_duration_seconds',
  inFlight: 'margin_kit_proxy_requests_in_flight',
} as const;

export const METRIC_HELP = {
  requests: 'Requests answered, by venue, allow-list route, status and caller.',
  refusals: 'Requests the proxy refused itself, by refusal code.',
  upstream: 'Time of each venue call, from sending to the whole answer read.',
  inFlight: 'Requests being handled now.',
} as const;

/** Seconds: a venue answers in tens of milliseconds; the proxy gives up at 10 s. */
export const UPSTREAM_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labels(pairs: Record<string, string>): string {
  const text = Object.entries(pairs)
    .map(([name, value]) => `${name}="${escapeLabel(value)}"`)
    .join(',');
  return text === '' ? '' : `{${text}}`;
}

interface Histogram {
  venue: string;
  route: string;
  counts: number[];
  sum: number;
  count: number;
}

/** The fetch handler's metrics, in memory, rendered on demand. */
export class TextMetrics implements ProxyMetrics {
  readonly contentType = PROMETHEUS_CONTENT_TYPE;
  private inFlight = 0;
  private readonly requests = new Map<string, { labels: Record<string, string>; value: number }>();
  private readonly refusals = new Map<string, number>();
  private readonly histograms = new Map<string, Histogram>();

  started(): void {
    this.inFlight += 1;
  }

  answered(venue: string, route: string, status: number, caller: string, refusal: string | undefined): void {
    this.inFlight -= 1;
    const key = `${venue}\u0000${route}\u0000${status}\u0000${caller}`;
    const entry = this.requests.get(key);
    if (entry) entry.value += 1;
    else this.requests.set(key, { labels: { venue, route, status: String(status), caller }, value: 1 });
    if (refusal !== undefined) this.refusals.set(refusal, (this.refusals.get(refusal) ?? 0) + 1);
  }

  upstream(venue: string, route: string, seconds: number): void {
    const key = `${venue}\u0000${route}`;
    let histogram = this.histograms.get(key);
    if (!histogram) {
      histogram = { venue, route, counts: UPSTREAM_BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.histograms.set(key, histogram);
    }
    UPSTREAM_BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) histogram.counts[i]! += 1;
    });
    histogram.sum += seconds;
    histogram.count += 1;
  }

  render(): string {
    const lines: string[] = [];
    const head = (name: string, help: string, type: string) => lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    head(METRIC_NAMES.requests, METRIC_HELP.requests, 'counter');
    for (const { labels: pairs, value } of this.requests.values()) lines.push(`${METRIC_NAMES.requests}${labels(pairs)} ${value}`);
    head(METRIC_NAMES.refusals, METRIC_HELP.refusals, 'counter');
    for (const [code, value] of this.refusals) lines.push(`${METRIC_NAMES.refusals}${labels({ code })} ${value}`);
    head(METRIC_NAMES.upstream, METRIC_HELP.upstream, 'histogram');
    for (const histogram of this.histograms.values()) {
      const base = { venue: histogram.venue, route: histogram.route };
      UPSTREAM_BUCKETS.forEach((bound, i) => lines.push(`${METRIC_NAMES.upstream}_bucket${labels({ ...base, le: String(bound) })} ${histogram.counts[i]!}`));
      lines.push(`${METRIC_NAMES.upstream}_bucket${labels({ ...base, le: '+Inf' })} ${histogram.count}`);
      lines.push(`${METRIC_NAMES.upstream}_sum${labels(base)} ${histogram.sum}`);
      lines.push(`${METRIC_NAMES.upstream}_count${labels(base)} ${histogram.count}`);
    }
    head(METRIC_NAMES.inFlight, METRIC_HELP.inFlight, 'gauge');
    lines.push(`${METRIC_NAMES.inFlight} ${this.inFlight}`);
    return `${lines.join('\n')}\n`;
  }
}
