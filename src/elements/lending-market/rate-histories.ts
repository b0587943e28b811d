/**
 * The 7-day rate sparklines of the loan market: each loads when its cell comes on screen (all at
 * once where nothing can tell), a few at a time, through the page's cache (`loanRateHistory`),
 * so a second market on the page asks for nothing again.
 */
import { html, type ReactiveController, type TemplateResult } from 'lit';
import type { Decimal } from '../../core/decimal.js';
import { loanRateHistory, read } from '../shared/resources.js';
import type { LendingContext, LendingFormat } from './lending-context.js';
import { sparklinePoints, summarize } from './sparkline.js';
import { lendingStrings as words } from './strings.js';

type History = { state: 'loading' } | { state: 'ready'; values: Decimal[] } | { state: 'failed' };

const CONCURRENCY = 3;

export class RateHistories implements ReactiveController {
  private histories = new Map<string, History>();
  private observer: IntersectionObserver | undefined;
  private observed = new WeakSet<Element>();
  private queue: string[] = [];
  private active = 0;

  constructor(
    private readonly ctx: LendingContext,
    private readonly format: LendingFormat,
  ) {
    ctx.host.addController(this);
  }

  hostConnected(): void {
    if (typeof IntersectionObserver !== 'undefined') {
      this.observer = new IntersectionObserver((entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const currency = (entry.target as HTMLElement).dataset.history;
          this.observer?.unobserve(entry.target);
          if (currency) this.load(currency);
        }
      });
    }
    // Back on the page: the next update observes the cells again.
    if (this.ctx.host.hasUpdated) this.ctx.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = new WeakSet();
    // Histories not started yet are dropped: a removed element loads nothing more.
    for (const currency of this.queue) this.histories.delete(currency);
    this.queue = [];
  }

  hostUpdated(): void {
    const host = this.ctx.host;
    if (!host.isConnected) return; // a last update after removal
    const unobservable: string[] = [];
    for (const cell of host.renderRoot.querySelectorAll<HTMLElement>('[data-history]')) {
      if (this.observed.has(cell)) continue;
      this.observed.add(cell);
      if (this.observer) this.observer.observe(cell);
      else unobservable.push(cell.dataset.history!);
    }
    // Not from within this update: loading changes state.
    if (unobservable.length > 0) queueMicrotask(() => unobservable.forEach((currency) => this.load(currency)));
  }

  /** Failed sparklines try again (with the market's Retry). */
  retryFailed(): void {
    const failed = [...this.histories].filter(([, h]) => h.state === 'failed').map(([c]) => c);
    for (const currency of failed) this.histories.delete(currency);
    for (const currency of failed) this.load(currency);
  }

  render(currency: string): TemplateResult {
    const history = this.histories.get(currency);
    if (!history || history.state === 'loading') return html`<span class="spark-empty" role="img" aria-label=${words.historyLoading}></span>`;
    const summary = history.state === 'ready' ? summarize(history.values) : undefined;
    if (history.state === 'failed' || !summary) return html`<span class="off">${words.historyUnavailable}</span>`;
    const r = (v: Decimal) => this.format.rate(v);
    return html`<svg part="sparkline" class="spark" viewBox="0 0 80 20" role="img" aria-label=${words.historyLabel(r(summary.first), r(summary.last), r(summary.low), r(summary.high))}>
      <polyline points=${sparklinePoints(history.values, 80, 20)}></polyline>
    </svg>`;
  }

  private load(currency: string): void {
    if (this.histories.has(currency)) return;
    this.set(currency, { state: 'loading' });
    this.queue.push(currency);
    this.pump();
  }

  private set(currency: string, history: History): void {
    this.histories.set(currency, history);
    this.ctx.host.requestUpdate();
  }

  /** At most a few history requests at once, whatever the number of rows coming on screen. */
  private pump(): void {
    const client = this.ctx.client;
    if (!client || !this.ctx.host.isConnected) return;
    while (this.active < CONCURRENCY && this.queue.length > 0) {
      const currency = this.queue.shift()!;
      this.active += 1;
      read(client, loanRateHistory(currency))
        .then(
          (points): History => ({ state: 'ready', values: points.map((p) => p.marketInterestRate) }),
          (): History => ({ state: 'failed' }),
        )
        .then((history) => this.set(currency, history))
        .finally(() => {
          this.active -= 1;
          this.pump();
        });
    }
  }
}
