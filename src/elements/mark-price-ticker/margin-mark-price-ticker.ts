import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import type { MarginConnection } from '../../client/connection.js';
import type { PollState } from '../../client/hub.js';
import type { MarkPriceText } from '../../client/kucoin/market-text.js';
import { describeError } from '../shared/describe-error.js';
import { renderedWordsKey } from '../shared/localization.js';
import { MarginKitElement } from '../shared/margin-element.js';
import { PollController } from '../shared/poll-controller.js';
import { markPrices, symbolIncrements } from '../shared/mark-prices.js';
import { read } from '../shared/resource.js';
import { sharedStrings } from '../shared/strings.js';
import { skeletonStyles } from '../shared/styles/skeleton.styles.js';
import { themeTokens } from '../shared/theme.js';
import { MarginSymbolSelectEvent } from './events.js';
import { rowCells, writeCells } from './list-cells.js';
import styles from './margin-mark-price-ticker.styles.js';
import { tickerStrings } from './strings.js';
import {
  announcementDelay,
  clampPollInterval,
  DEFAULT_POLL_INTERVAL_MS,
  parseMode,
  parseSymbols,
  TickerModel,
  type TickerMode,
} from './ticker-model.js';
import { TickerViews, type SymbolInfo, type TickerView } from './ticker-view.js';

/**
 * The page-wide poll of every margin symbol's mark price (`markPrices`): every mode of every
 * ticker, and every other element, reads this one poll, so they never show two prices at once.
 */
export const MARK_PRICES_KEY = markPrices.key;
/** A screen reader hears the `single` price at most this often. */
export const ANNOUNCE_GAP_MS = 10_000;

const NONE: readonly TickerView[] = [];

/**
 * Live KuCoin margin mark prices: a scrolling tape, a list, or one large price.
 *
 * Every ticker (and every other element) on a page with the same proxy shares one poll of
 * `GET /api/v3/mark-price/all-symbols`; prices are shown at each symbol's `priceIncrement`.
 * Polling pauses while the tab is hidden or the element is off-screen, and backs off on errors
 * and rate limits.
 *
 * @summary Live mark prices, shared by every ticker on the page.
 *
 * @fires margin-symbol-select - A symbol was clicked or chosen by keyboard. Cancelable; detail `{ symbol, exchange }`. Unless prevented, the symbol becomes `selected`.
 * @fires margin-error - Loading failed (once per run of failures); detail `{ error, kind, message, action: 'load' }`.
 *
 * @csspart base - The outer box of each state (also `tape`, `list`, `card`, `skeleton`, `error`, `message`).
 * @csspart tape - The tape's strip.
 * @csspart viewport - The tape's visible window.
 * @csspart track - The tape's moving row (two copies of the symbols).
 * @csspart pause-button - Pauses and resumes the tape.
 * @csspart list - The list's box.
 * @csspart table - The list's table.
 * @csspart row - A row of the list.
 * @csspart card - The `single` price card.
 * @csspart item - A symbol's button (its visual copies on the tape too).
 * @csspart symbol - A symbol's name.
 * @csspart price - A mark price.
 * @csspart direction - The up/down mark of the last move.
 * @csspart change - The change since the element started.
 * @csspart trading-off - The badge of a symbol whose trading is turned off.
 * @csspart stale-badge - Shown when no fresh price arrived for three intervals or the last load failed.
 * @csspart retry-button - Loads again after an error.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error box.
 * @csspart message - The empty and not-connected messages.
 * @csspart unknown - The message naming asked-for symbols the venue does not list (with `message`).
 *
 * @cssprop --margin-kit-up - Colour of a rise (default: `--margin-kit-buy`).
 * @cssprop --margin-kit-down - Colour of a fall (default: `--margin-kit-sell`).
 * @cssprop --margin-kit-tape-item-duration - Time each symbol takes to cross the tape (default `2.5s`).
 * @cssprop --margin-kit-fg - Text colour.
 * @cssprop --margin-kit-muted - Secondary text colour.
 * @cssprop --margin-kit-bg - Background of the tape and card.
 * @cssprop --margin-kit-surface - Background of buttons and the skeleton.
 * @cssprop --margin-kit-border - Borders.
 * @cssprop --margin-kit-accent - The selected symbol's outline.
 * @cssprop --margin-kit-warning - The stale badge.
 * @cssprop --margin-kit-error - Error text.
 * @cssprop --margin-kit-focus - Focus ring.
 * @cssprop --margin-kit-font - Text font.
 * @cssprop --margin-kit-font-mono - Price font.
 * @cssprop --margin-kit-font-size - Base font size.
 * @cssprop --margin-kit-radius - Corner radius.
 * @cssprop --margin-kit-space - Spacing unit.
 */
export class MarginMarkPriceTicker extends MarginKitElement {
  static override styles = [themeTokens, skeletonStyles, styles];

  /** Comma-separated KuCoin symbols (`BTC-USDT,ETH-USDT`); empty shows every margin symbol. `single` shows the first. */
  @property() symbols = '';

  /** `tape` (a scrolling strip, the default), `list` (a table) or `single` (one large price). */
  @property({ reflect: true }) mode: TickerMode = 'tape';

  /** Milliseconds between polls (default 3000, never below 1000). */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = DEFAULT_POLL_INTERVAL_MS;

  /** The symbol last chosen (set when a `margin-symbol-select` is not prevented); highlighted. */
  @property({ reflect: true }) selected = '';

  /** The tape stopped by its pause button. */
  @state() private paused = false;

  /**
   * What the polite live region of `single` says; changed at most once per ANNOUNCE_GAP_MS. Its
   * words are read at render, so a change of the page's language is said in the new language.
   */
  @state() private announcement: (() => string) | undefined;

  private readonly prices = new PollController<MarkPriceText[]>(this, (s) => this.onPrices(s));
  /** Increments by symbol, once loaded; `infoFailed` when the load failed (prices wait for either). */
  private info: Map<string, SymbolInfo> | undefined;
  private infoFailed = false;
  /** The connection the increments were asked of: a new one (configure()) asks again. */
  private infoFrom: MarginConnection | undefined;

  private readonly model = new TickerModel();
  private readonly views = new TickerViews();
  /** The views the list shows this update: their moved cells are written after it (list-cells.ts). */
  private listViews: readonly TickerView[] = NONE;
  /** The symbols the tape shows, for its speed. */
  private tapeItems = 0;
  private wanted: string[] = [];
  private seenValue: MarkPriceText[] | undefined;
  private seenUpdatedAt: number | undefined;
  private seenError: unknown;
  /** Page time when the last fresh value arrived (the hub's clock may be another clock). */
  private freshAt: number | undefined;
  private staleTimer: ReturnType<typeof setTimeout> | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingAnnouncement: (() => string) | undefined;
  private lastAnnouncedAt: number | undefined;

  private get intervalMs(): number {
    return clampPollInterval(this.pollInterval);
  }

  private get currentMode(): TickerMode {
    return parseMode(this.mode);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.staleTimer);
    clearTimeout(this.announceTimer);
    this.staleTimer = undefined;
    this.announceTimer = undefined;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('symbols')) this.wanted = parseSymbols(this.symbols);
    // Not while rendered on a server (@lit-labs/ssr): nothing is fetched until the page has the element.
    const client = this.isConnected ? this.client : undefined;
    if (client !== this.infoFrom) this.loadInfo(client);
    this.pointPoll();
  }

  /** The symbols' increments, from the page's cache (one request for every ticker). No @lit/task: a few lines do. */
  private loadInfo(client: MarginConnection | undefined): void {
    this.infoFrom = client;
    this.info = undefined;
    this.infoFailed = false;
    if (!client) return;
    read(client, symbolIncrements).then(
      (items) => {
        if (this.infoFrom !== client) return;
        this.info = new Map(items.map((s) => [s.symbol, s]));
        this.requestUpdate();
      },
      () => {
        if (this.infoFrom !== client) return;
        this.infoFailed = true;
        this.requestUpdate();
      },
    );
  }

  /**
   * Subscribes to the page's one mark-price poll, in every mode: `single` shows one symbol of the
   * same answer the lists show. The controller re-subscribes only on a change.
   */
  private pointPoll(): void {
    const none = this.currentMode === 'single' && !this.wanted[0];
    this.prices.watch(none ? undefined : this.client, markPrices, this.intervalMs);
  }

  private onPrices(state: PollState<MarkPriceText[]>): void {
    if (state.updatedAt !== this.seenUpdatedAt) {
      this.seenUpdatedAt = state.updatedAt;
      if (state.updatedAt !== undefined) this.markFresh();
    }
    if (state.value !== this.seenValue) {
      this.seenValue = state.value;
      if (state.value !== undefined) {
        const moved = this.model.ingest(state.value, true);
        if (this.currentMode === 'single') this.announceSingle(moved);
      }
    }
    if (state.error !== undefined && this.seenError === undefined) this.reportError(state.error, 'load');
    this.seenError = state.error;
  }

  /** Stale by our own clock too: a request that hangs produces no new poll state to say so. */
  private markFresh(): void {
    this.freshAt = Date.now();
    clearTimeout(this.staleTimer);
    this.staleTimer = setTimeout(() => {
      this.staleTimer = undefined;
      this.requestUpdate();
    }, 3 * this.intervalMs + 50);
  }

  private get staleByClock(): boolean {
    return this.freshAt !== undefined && Date.now() - this.freshAt > 3 * this.intervalMs;
  }

  private announceSingle(moved: readonly string[]): void {
    const symbol = this.wanted[0];
    if (!symbol) return;
    const first = this.lastAnnouncedAt === undefined && this.pendingAnnouncement === undefined && this.announcement === undefined;
    if (!first && !moved.includes(symbol)) return;
    const row = this.model.get(symbol);
    if (!row) return;
    // The texts of this moment (a view changes in place with the next move); the words at render.
    const { priceText, changeText } = this.views.view(row, this.effectiveLocale, this.info);
    this.queueAnnouncement(() => tickerStrings.announce(symbol, priceText, changeText));
  }

  private queueAnnouncement(text: () => string): void {
    this.pendingAnnouncement = text;
    if (this.announceTimer !== undefined) return; // the latest text goes out when the timer fires
    const wait = announcementDelay(this.lastAnnouncedAt, Date.now(), ANNOUNCE_GAP_MS);
    if (wait === 0) {
      this.flushAnnouncement();
      return;
    }
    this.announceTimer = setTimeout(() => {
      this.announceTimer = undefined;
      this.flushAnnouncement();
    }, wait);
  }

  private flushAnnouncement(): void {
    if (this.pendingAnnouncement === undefined) return;
    this.announcement = this.pendingAnnouncement;
    this.pendingAnnouncement = undefined;
    this.lastAnnouncedAt = Date.now();
  }

  private retry(): void {
    if (this.infoFailed) this.loadInfo(this.client);
    this.prices.refresh();
  }

  private togglePause(): void {
    this.paused = !this.paused;
  }

  /** One listener per state box: a click (or Enter/Space on a button) on any `[data-symbol]`. */
  private onSelect(event: Event): void {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-symbol]') : null;
    const symbol = target?.dataset.symbol;
    if (!symbol) return;
    const select = new MarginSymbolSelectEvent({ symbol, exchange: 'kucoin' });
    this.dispatchEvent(select);
    if (!select.defaultPrevented) this.selected = symbol;
  }

  override updated(): void {
    writeCells(this.listViews);
    // Through the CSSOM, not a style attribute: a page with a strict Content-Security-Policy (no
    // 'unsafe-inline') refuses style attributes.
    if (this.tapeItems) this.renderRoot.querySelector<HTMLElement>('.track')?.style.setProperty('--_tape-items', String(this.tapeItems));
  }

  override render(): TemplateResult {
    const mode = this.currentMode;
    this.listViews = NONE;
    this.tapeItems = 0;
    return html`${this.renderState(mode)}${mode === 'single'
      ? html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement?.() ?? ''}</div>`
      : nothing}`;
  }

  private renderState(mode: TickerMode): TemplateResult {
    if (!this.client) return this.message(sharedStrings.noProxy);
    const symbol = this.wanted[0];
    if (mode === 'single' && !symbol) return this.message(tickerStrings.noSymbol);
    const state = this.prices.state;
    const infoSettled = this.info !== undefined || this.infoFailed;
    if (state.value === undefined) return state.error !== undefined ? this.errorBox(state.error) : this.skeleton(mode);
    if (!infoSettled) return this.skeleton(mode);
    const { rows, missing } = this.model.select(mode === 'single' ? [symbol!] : this.wanted);
    if (rows.length === 0) return this.message(missing.length > 0 ? tickerStrings.unknownSymbols(missing) : tickerStrings.noPrices);
    const views = this.views.views(rows, this.effectiveLocale, this.info);
    const status = this.status(state, state.stale || this.staleByClock);
    // Symbols asked for that the venue does not list are named, not silently left out.
    const shown = missing.length > 0 ? html`${status}<p part="message unknown" class="message">${tickerStrings.unknownSymbols(missing)}</p>` : status;
    if (mode === 'tape') return this.tape(views, shown);
    if (mode === 'list') return this.list(views, shown);
    return this.card(views[0]!, status);
  }

  private message(text: string): TemplateResult {
    return html`<p part="base message" class="message">${text}</p>`;
  }

  private skeleton(mode: TickerMode): TemplateResult {
    const bones = mode === 'single' ? 1 : 5;
    return html`<div part="base skeleton" class="skeleton" aria-busy="true">
      <span class="visually-hidden">${tickerStrings.loading}</span>
      ${Array.from({ length: bones }, () => html`<span class="bone"></span>`)}
    </div>`;
  }

  private errorBox(error: unknown): TemplateResult {
    return html`<div part="base error" class="error" role="alert">
      <span>${describeError(error)}</span>
      <button part="retry-button" class="retry" type="button" @click=${this.retry}>${sharedStrings.retry}</button>
    </div>`;
  }

  /** The stale badge, and a retry button while the last load failed. */
  private status(state: PollState<MarkPriceText[]>, stale: boolean): TemplateResult | typeof nothing {
    if (!stale && state.error === undefined) return nothing;
    const title = state.error !== undefined ? `${sharedStrings.staleTitle}. ${describeError(state.error)}` : sharedStrings.staleTitle;
    return html`<span class="bar">
      <span part="stale-badge" class="stale" title=${title}>${sharedStrings.stale}<span class="visually-hidden">: ${title}</span></span>
      ${state.error !== undefined
        ? html`<button part="retry-button" class="retry" type="button" @click=${this.retry}>${sharedStrings.retry}</button>`
        : nothing}
    </span>`;
  }

  /**
   * The marks of a move, inside the element whose class says it (`flash-up flash-0`...): the arrow
   * (CSS draws it) and both words, one shown by that class for a screen reader, none when flat. A
   * move changes one class and no text.
   */
  private marks(): TemplateResult {
    return html`<span part="direction" class="direction" aria-hidden="true"></span
      ><span class="visually-hidden word up">${tickerStrings.up}</span
      ><span class="visually-hidden word down">${tickerStrings.down}</span>`;
  }

  private change(view: TickerView): TemplateResult | typeof nothing {
    return view.changeText ? html`<span part="change" class="change ${view.changeSign}">${view.changeText}</span>` : nothing;
  }

  private tradingOff(view: TickerView): TemplateResult | typeof nothing {
    return view.tradingOff
      ? html`<span part="trading-off" class="off" title=${tickerStrings.tradingOffTitle}>${tickerStrings.tradingOff}</span>`
      : nothing;
  }

  private currentFlag(view: TickerView): 'true' | typeof nothing {
    return view.symbol === this.selected ? 'true' : nothing;
  }

  /** One tape item: a real button, or (`copy`) its look-alike in the hidden second half of the loop. */
  private tapeItem(view: TickerView, copy: boolean): TemplateResult {
    const body = html`<span part="symbol" class="symbol">${view.symbol}</span>
      <span part="price" class="price">${view.priceText}</span>${this.marks()}${this.change(view)}${this.tradingOff(view)}`;
    const cls = `item flashable ${view.flashClass}`;
    return copy
      ? html`<span part="item" class=${cls} data-symbol=${view.symbol}>${body}</span>`
      : html`<button part="item" class=${cls} type="button" data-symbol=${view.symbol} aria-current=${this.currentFlag(view)}>${body}</button>`;
  }

  /**
   * The tape holds the symbols twice and slides by half its width, so the loop has no seam. The
   * second copy is only seen (aria-hidden, no buttons): keyboard and screen readers get one copy.
   * No live region: a moving strip must not talk.
   */
  private tape(views: readonly TickerView[], status: TemplateResult | typeof nothing): TemplateResult {
    this.tapeItems = views.length;
    return html`<div part="base tape" class="tape" role="region" aria-label=${tickerStrings.label} @click=${this.onSelect}>
      <button part="pause-button" class="pause" type="button" aria-pressed=${String(this.paused)} @click=${this.togglePause}>
        <span aria-hidden="true">${this.paused ? '▶' : '❚❚'}</span><span class="visually-hidden">${tickerStrings.pause}</span>
      </button>
      <div part="viewport" class="viewport">
        <div part="track" class="track ${this.paused ? 'paused' : ''}">
          <ul class="group" role="list">
            ${views.map((v) => guard([v, v.moves, v.symbol === this.selected, renderedWordsKey()], () => html`<li>${this.tapeItem(v, false)}</li>`))}
          </ul>
          <div class="group copy" aria-hidden="true">
            ${views.map((v) => guard([v, v.moves, renderedWordsKey()], () => this.tapeItem(v, true)))}
          </div>
        </div>
      </div>
      ${status}
    </div>`;
  }

  private list(views: readonly TickerView[], status: TemplateResult | typeof nothing): TemplateResult {
    this.listViews = views;
    return html`<div part="base list" class="list" @click=${this.onSelect}>
      ${status}
      <table part="table">
        <caption class="visually-hidden">${tickerStrings.label}</caption>
        <thead>
          <tr>
            <th scope="col">${tickerStrings.symbol}</th>
            <th scope="col">${tickerStrings.markPrice}</th>
            <th scope="col">${tickerStrings.change}</th>
          </tr>
        </thead>
        <tbody>
          ${guard([views, this.selected, renderedWordsKey()], () =>
            // The same views array means the same rows in the same order, only values moved: no
            // row is rendered then (updated() writes the moved cells). Rows are not keyed: one
            // that shows another symbol after a new order is bound to that symbol's view.
            views.map((v) => this.listRow(v)),
          )}
        </tbody>
      </table>
    </div>`;
  }

  /**
   * One row of the list. Its moving cells (the price, the move's class, the change) are left empty
   * here and written by `rowCells` (list-cells.ts): with 500 rows moving at once, a template per
   * moved row is work on every tick. The move's class sits inside the cell that is not restyled
   * while off screen.
   */
  private listRow(v: TickerView): TemplateResult {
    return html`<tr part="row" ${rowCells(v)}>
      <th scope="row">
        <button part="item" class="item" type="button" data-symbol=${v.symbol} aria-current=${this.currentFlag(v)}>
          <span part="symbol" class="symbol">${v.symbol}</span>${this.tradingOff(v)}
        </button>
      </th>
      <td><span><span part="price" class="price flashable"></span>${this.marks()}</span></td>
      <td><span part="change"></span></td>
    </tr>`;
  }

  private card(view: TickerView, status: TemplateResult | typeof nothing): TemplateResult {
    return html`<div part="base card" class="card" @click=${this.onSelect}>
      <button part="item" class="item" type="button" data-symbol=${view.symbol} aria-current=${this.currentFlag(view)}>
        <span part="symbol" class="symbol">${view.symbol}</span>${this.tradingOff(view)}
      </button>
      <span class="change">${tickerStrings.markPrice}</span>
      <span class=${view.flashClass}><span part="price" class="big flashable">${view.priceText}</span>${this.marks()}</span>
      ${view.changeText ? html`<span>${this.change(view)} <span class="change">${tickerStrings.sinceOpened}</span></span>` : nothing}
      ${status}
    </div>`;
  }
}
