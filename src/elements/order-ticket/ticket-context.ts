/**
 * What the ticket's parts (order form, orders panel, leverage form, order tracker) read from the
 * element that holds them: the connection, the margin mode, the symbol traded and how to word
 * numbers. Each part is a ReactiveController on the element and renders into its shadow root,
 * so `::part()` and the ids the form's labels use keep working from the page.
 */
import { html, nothing, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import type { MarginConnection } from '../../client/connection.js';
import type { MarginTradeType, OrderSide, OrderType } from '../../client/kucoin/orders.js';
import type { Decimal } from '../../core/decimal.js';
import { formatAmount, formatDateTime, formatDecimal } from '../../core/format.js';
import type { MarginMode, OrderApi, OrderViolation } from './order-draft.js';
import { describeOrderError } from './order-errors.js';
import { describeOrderViolation, ticketStrings as t } from './strings.js';
import type { TicketSymbol } from './symbols.js';

export interface TicketContext {
  readonly host: LitElement;
  readonly client: MarginConnection | undefined;
  readonly mode: MarginMode;
  readonly endpoints: OrderApi;
  readonly tradeType: MarginTradeType;
  /** The symbol traded now. */
  readonly symbol: string;
  /** Its listing (rules, currencies), once the symbols loaded. */
  readonly current: TicketSymbol | undefined;
  readonly symbols: readonly TicketSymbol[] | undefined;
  readonly markPrice: Decimal | undefined;
  readonly maxLeverage: number | undefined;
  /** The element's `poll-interval`, as set (resources apply their floor). */
  readonly pollInterval: number;
  readonly locale: string | undefined;
  /** Fires `margin-error` with the words the ticket shows. */
  emitError(error: unknown, action: string, message: string): void;
}

/** An order as the ticket describes it: from the params sent or from the venue's record. */
export interface OrderShape {
  symbol?: string;
  side: OrderSide;
  type?: OrderType;
  price?: Decimal | string;
  size?: Decimal | string;
  funds?: Decimal | string;
}

/** A notice; words given as a function are read at render, so they follow a change of the page's language. */
export type Message = { tone: 'info' | 'error'; text: string | (() => string) };

/** A notice's words, read now. */
export const messageText = (m: Message): string => (typeof m.text === 'function' ? m.text() : m.text);

function positive(value: Decimal | string | undefined): value is Decimal | string {
  if (value === undefined) return false;
  return typeof value === 'string' ? value !== '' && value !== '0' : value.gt(0);
}

/** What a part last did: said politely (`role=status`) or, for a failure, at once (`role=alert`). */
export function renderNotices(message: Message | undefined): TemplateResult {
  return html`<div role="status" class="notice">${message?.tone === 'info' ? messageText(message) : nothing}</div>
    <div role="alert" class="notice">${message?.tone === 'error' ? messageText(message) : nothing}</div>`;
}

/** A venue call failed: the words the part shows, reported once as `margin-error`. */
export function reportFailure(ctx: TicketContext, error: unknown, action: string): Message {
  const text = describeOrderError(error);
  ctx.emitError(error, action, text);
  return { tone: 'error', text };
}

export function requireClient(ctx: TicketContext): MarginConnection {
  const client = ctx.client;
  if (!client) throw new TypeError('margin-kit: no proxy URL');
  return client;
}

/** Numbers, times and orders in the ticket's words and locale. */
export class TicketFormat {
  constructor(private readonly ctx: TicketContext) {}

  amount(value: Decimal | string, increment?: Decimal): string {
    return formatDecimal(value, { locale: this.ctx.locale, increment });
  }

  /** A size, notional or fee: at most the increment's digits, no padding zeros ("0.001 BTC"). */
  quantity(value: Decimal | string, increment?: Decimal): string {
    return formatAmount(value, increment, { locale: this.ctx.locale });
  }

  /** A fee at its currency's precision: the symbol's increment when it is the base or the quote. */
  fee(value: Decimal | string, currency: string, on: TicketSymbol | undefined): string {
    const r = on?.rules;
    const increment = currency === on?.quoteCurrency ? r?.quoteIncrement : currency === on?.baseCurrency ? r?.baseIncrement : undefined;
    return this.quantity(value, increment);
  }

  /** Order and fill times: seconds tell apart the orders of one minute. */
  time(ms: number): string {
    return formatDateTime(ms, { locale: this.ctx.locale, seconds: true });
  }

  violation(v: OrderViolation): string {
    const c = this.ctx.current;
    return describeOrderViolation(v, { base: c?.baseCurrency ?? '', quote: c?.quoteCurrency ?? '', formatLimit: (limit) => this.amount(limit) });
  }

  /** The listed symbol an order is on (the current one when unknown). */
  symbolOf(symbol: string | undefined): TicketSymbol | undefined {
    return (symbol && this.ctx.symbols?.find((s) => s.symbol === symbol)) || this.ctx.current;
  }

  summary(o: OrderShape): string {
    const s = this.symbolOf(o.symbol);
    const r = s?.rules;
    const base = s?.baseCurrency ?? '';
    const quote = s?.quoteCurrency ?? '';
    if (o.type === 'market' && !positive(o.size) && positive(o.funds)) {
      return t.summaryFunds(o.side, this.quantity(o.funds, r?.quoteIncrement), quote, base);
    }
    const at = o.type === 'limit' && positive(o.price) ? `${this.amount(o.price, r?.priceIncrement)} ${quote}` : undefined;
    return t.summary(o.side, positive(o.size) ? this.quantity(o.size, r?.baseIncrement) : '?', base, at);
  }
}

/** A part of the ticket: a controller on the element, re-rendering it when its own state changes. */
export abstract class TicketPart implements ReactiveController {
  readonly format: TicketFormat;

  constructor(readonly ctx: TicketContext) {
    this.format = new TicketFormat(ctx);
    ctx.host.addController(this);
  }

  hostConnected(): void {}

  protected get host(): LitElement {
    return this.ctx.host;
  }

  protected changed(): void {
    this.ctx.host.requestUpdate();
  }

  /** Focus moves after the render that shows the target. */
  protected focusAfterUpdate(selector: string): void {
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }
}
