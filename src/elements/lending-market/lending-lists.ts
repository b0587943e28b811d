/**
 * "My lending" (purchase orders, with Change rate and Redeem) and "Redemptions" (redeem orders):
 * paged lists by status, loaded while their tab is shown and again after an action. Their own
 * state: status, page and the loads.
 */
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { MarginConnection } from '../../client/connection.js';
import type { LendingOrdersQuery, LendingOrderStatus, PurchaseOrder, PurchaseOrdersResult, RedeemOrder, RedeemOrdersResult } from '../../client/kucoin/lending.js';
import type { Page } from '../../client/kucoin/types.js';
import { getPurchaseOrders, getRedeemOrders } from '../../client/kucoin/lending.js';
import type { Transport } from '../../client/transport.js';
import { Decimal } from '../../core/decimal.js';
import { formatDecimal } from '../../core/format.js';
import { renderTableScroll } from '../shared/blocks/data-table.js';
import { renderEmpty, renderError, renderSkeleton } from '../shared/blocks/status.js';
import { describeError } from '../shared/describe-error.js';
import { renderPager, renderStatusPicker, type LendingContext, type LendingFormat } from './lending-context.js';
import { holdingOf } from './lending-rules.js';
import { lendingStrings as words } from './strings.js';

const PAGE_SIZE = 10;
/** Redeem orders read to work out what each listed purchase still holds (50 a page). */
const REDEEM_PAGES = 5;

/** What a purchase order's redeems asked back (settled or not), and what those still in progress asked. */
interface Redeemed {
  asked: Decimal;
  redeeming: Decimal;
}
/** Interest accrues below the purchase increment (the currency's precision, 8 at most on KuCoin). */
const INTEREST_DECIMALS = 8;

/** A page of orders and which list it is (`PENDING:1`): a reload keeps showing it, another list does not. */
type Listed<T> = { view: string; page: T };

export type ListName = 'orders' | 'redemptions';

export interface LendingListsOptions {
  /** The list shown now, if any. */
  shown: () => ListName | undefined;
  onModify: (order: PurchaseOrder, opener: string) => void;
  onRedeem: (order: PurchaseOrder, opener: string) => void;
}

class ListState {
  status: LendingOrderStatus = 'PENDING';
  page = 1;
  get view(): string {
    return `${this.status}:${this.page}`;
  }
}

export class LendingLists {
  readonly orders = new ListState();
  readonly redemptions = new ListState();
  /** Bumped after an action so the lists load again. */
  private revision = 0;
  /** Purchase order -> what it holds, from the redeem orders read with the last page of "My lending". */
  private redeemed = new Map<string, Redeemed>();
  /** Redeems asked for here: shown under "in progress" even once the venue settled them at once. */
  private readonly requested = new Set<string>();

  private readonly orderTask: Task<readonly unknown[], Listed<PurchaseOrdersResult> | undefined>;
  private readonly redeemTask: Task<readonly unknown[], Listed<RedeemOrdersResult> | undefined>;

  constructor(
    private readonly ctx: LendingContext,
    private readonly format: LendingFormat,
    private readonly options: LendingListsOptions,
  ) {
    this.orderTask = this.listTask('orders', async (transport, params, options) => {
      const page = await getPurchaseOrders(transport, params, options);
      if (page.items.length > 0) this.redeemed = await this.loadRedeemed(transport, options.signal);
      return page;
    });
    this.redeemTask = this.listTask('redemptions', async (transport, params, options) => {
      const page = await getRedeemOrders(transport, params, options);
      if (params.status !== 'PENDING' || params.currentPage !== 1 || this.requested.size === 0) return page;
      // A redeem of idle funds settles at once: the one just asked for would be missing from "in progress".
      const done = await getRedeemOrders(transport, { status: 'DONE', currentPage: 1, pageSize: 50 }, options);
      const listed = new Set(page.items.map((r) => r.redeemOrderNo));
      const just = done.items.filter((r) => this.requested.has(r.redeemOrderNo) && !listed.has(r.redeemOrderNo));
      return { ...page, items: [...just, ...page.items] };
    });
  }

  /** A redeem this element asked for (its redeem order number). */
  redeemRequested(redeemOrderNo: string): void {
    this.requested.add(redeemOrderNo);
  }

  /** Every purchase's redeems (in progress and done): what each order still holds. */
  private async loadRedeemed(transport: Transport, signal: AbortSignal): Promise<Map<string, Redeemed>> {
    const redeems: RedeemOrder[] = [];
    for (const status of ['PENDING', 'DONE'] as const) {
      for (let page = 1; page <= REDEEM_PAGES; page += 1) {
        const result = await getRedeemOrders(transport, { status, currentPage: page, pageSize: 50 }, { signal });
        redeems.push(...result.items);
        if (page >= result.totalPage) break;
      }
    }
    const byOrder = new Map<string, RedeemOrder[]>();
    for (const r of redeems) byOrder.set(r.purchaseOrderNo, [...(byOrder.get(r.purchaseOrderNo) ?? []), r]);
    const redeemed = new Map<string, Redeemed>();
    for (const [order, list] of byOrder) {
      const redeeming = list.filter((r) => r.status === 'PENDING').reduce((sum, r) => sum.plus(r.redeemSize), new Decimal(0));
      redeemed.set(order, { asked: list.reduce((sum, r) => sum.plus(r.redeemSize), new Decimal(0)), redeeming });
    }
    return redeemed;
  }

  /** One list's load: while its tab is shown, again on a new status, page or action. */
  private listTask<T>(name: ListName, load: (transport: Transport, params: LendingOrdersQuery, options: { signal: AbortSignal }) => Promise<T>) {
    const list = this[name];
    return new Task(this.ctx.host, {
      task: async ([client, active, status, page]: readonly unknown[], { signal }): Promise<Listed<T> | undefined> => {
        if (!client || !active) return undefined;
        const params = { status: status as LendingOrderStatus, currentPage: page as number, pageSize: PAGE_SIZE };
        return { view: `${status}:${page}`, page: await load((client as MarginConnection).transport, params, { signal }) };
      },
      args: () => [this.ctx.client, this.options.shown() === name, list.status, list.page, this.revision] as const,
    });
  }

  reload(): void {
    this.revision += 1;
    this.ctx.host.requestUpdate();
  }

  renderOrders(): TemplateResult {
    return this.renderList('orders', this.orderTask, words.noOrders, ['currency', 'order', 'amount', 'lent', 'rate', 'interest', 'time', 'status', 'actions'], (o) => o.purchaseOrderNo, (o) => this.orderRow(o));
  }

  renderRedemptions(): TemplateResult {
    const f = this.format;
    return this.renderList('redemptions', this.redeemTask, words.noRedemptions, ['currency', 'order', 'purchaseOrder', 'asked', 'received', 'time', 'status'], (r) => r.redeemOrderNo, (r) => html`<tr part="row">
        <th part="cell" scope="row">${r.currency}</th>
        <td part="cell"><code>${r.redeemOrderNo}</code></td>
        <td part="cell"><code>${r.purchaseOrderNo}</code></td>
        <td part="cell">${f.amount(r.redeemSize, r.currency)}</td>
        <td part="cell">${f.amount(r.receiptSize, r.currency)}</td>
        <td part="cell">${f.time(r.applyTime)}</td>
        <td part="cell">${words.statuses[r.status]}</td>
      </tr>`);
  }

  /** The status picker over a list's states: error, a skeleton on first load, the table (kept while it reloads), or why it is empty. */
  private renderList<R>(
    name: ListName,
    task: Task<readonly unknown[], Listed<Page<R>> | undefined>,
    empty: Record<LendingOrderStatus, string>,
    columns: ReadonlyArray<keyof typeof words.columns>,
    key: (row: R) => string,
    row: (row: R) => TemplateResult,
  ): TemplateResult {
    const list = this[name];
    const label = words.tabs[name];
    return html`${this.picker(name)} ${this.body(task, list.view, (page) =>
      page.items.length === 0
        ? renderEmpty(empty[list.status])
        : html`${renderTableScroll(
              label,
              html`<table part="table">
                <caption class="visually-hidden">${label}</caption>
                <thead>
                  <tr>
                    ${columns.map((c) => html`<th scope="col">${words.columns[c]}</th>`)}
                  </tr>
                </thead>
                <tbody>
                  ${repeat(page.items, key, row)}
                </tbody>
              </table>`,
            )}
            ${renderPager(page.currentPage, page.totalPage, (p) => this.go(list, p))}`,
    )}`;
  }

  private go(list: ListState, page: number): void {
    list.page = page;
    this.ctx.host.requestUpdate();
  }

  private picker(name: ListName): TemplateResult {
    const list = this[name];
    return renderStatusPicker(`${name}-status`, list.status, (status) => {
      list.status = status;
      list.page = 1;
      this.ctx.host.requestUpdate();
    });
  }

  /** A list's states: error, a skeleton on first load, else the list (the last one stays up while it reloads). */
  private body<T>(task: Task<readonly unknown[], Listed<T> | undefined>, view: string, render: (page: T) => TemplateResult): TemplateResult {
    if (task.status === TaskStatus.ERROR) return renderError(describeError(task.error), () => void task.run());
    const listed = task.value;
    if (!listed || listed.view !== view || task.status === TaskStatus.INITIAL) return renderSkeleton(4, words.loading);
    return html`<div aria-busy=${task.status === TaskStatus.PENDING ? 'true' : 'false'}>${render(listed.page)}</div>`;
  }

  /** What the order holds now (its size less its redeems), with what is being called back. */
  private holdingCell(o: PurchaseOrder): TemplateResult | string {
    const f = this.format;
    const redeems = this.redeemed.get(o.purchaseOrderNo);
    if (!redeems) return f.amount(o.purchaseSize, o.currency);
    const holding = holdingOf(o.purchaseSize, [redeems.asked]);
    return html`${f.amount(holding, o.currency)}${redeems.redeeming.gt(0)
      ? html`<br /><span part="redeeming" class="badge">${words.redeeming(f.amount(redeems.redeeming, o.currency))}</span>`
      : nothing}`;
  }

  private orderRow(o: PurchaseOrder): TemplateResult {
    const f = this.format;
    const market = this.ctx.marketFor(o.currency);
    const opener = (action: string) => `[data-action="${action}"][data-order="${o.purchaseOrderNo}"]`;
    const hidden = html`<span class="visually-hidden"> ${o.currency} ${o.purchaseOrderNo}</span>`;
    return html`<tr part="row">
      <th part="cell" scope="row">${o.currency}</th>
      <td part="cell"><code>${o.purchaseOrderNo}</code></td>
      <td part="cell">${this.holdingCell(o)}</td>
      <td part="cell">${f.amount(o.matchSize, o.currency)}</td>
      <td part="cell">${f.rate(o.interestRate)}</td>
      <td part="cell">${formatDecimal(o.incomeSize, { locale: this.ctx.locale, maxDecimals: INTEREST_DECIMALS })}</td>
      <td part="cell">${f.time(o.applyTime)}</td>
      <td part="cell">${words.statuses[o.status]}</td>
      <td part="cell">
        ${o.status !== 'PENDING'
          ? nothing
          : html`<button part="action-button" class="button" type="button" data-action="modify" data-order=${o.purchaseOrderNo} @click=${() => this.options.onModify(o, opener('modify'))}>
                ${words.changeRate}${hidden}
              </button>
              ${market?.redeemEnable === false
                ? html`<span part="disabled-reason" class="badge">${words.redeemOff}</span>`
                : html`<button part="action-button" class="button" type="button" data-action="redeem" data-order=${o.purchaseOrderNo} @click=${() => this.options.onRedeem(o, opener('redeem'))}>
                    ${words.redeem}${hidden}
                  </button>`}`}
      </td>
    </tr>`;
  }
}
