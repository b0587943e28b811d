/**
 * The panel's account part: available, liability (principal + interest) and max borrowable of
 * the currency, in the account the loan acts on (KuCoin's HF account, where the kit's orders
 * trade; the BitMart pair), and "Max" for the action chosen. It polls the account resource of
 * the target and re-reads it after a loan; the numbers come from loan-account.ts.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { IsolatedAccountPair } from '../../client/bitmart/account.js';
import type { CrossMarginAccount, IsolatedMarginAccount } from '../../client/kucoin/account.js';
import type { BorrowLimits, LoanAction } from '../../client/venue.js';
import { toPlainString, type Decimal } from '../../core/decimal.js';
import { renderSkeleton } from '../shared/blocks/status.js';
import { PollController } from '../shared/poll-controller.js';
import { bitmartAccount, crossAccount, isolatedAccount } from '../shared/resources.js';
import { bitmartLoanSide, borrowMax, crossLoanSide, isolatedLoanSide, repayMax, type LoanAccountSide } from './loan-account.js';
import type { LoanTarget } from './loan-target.js';
import { borrowRepayStrings } from './strings.js';

const t = () => borrowRepayStrings.account;

export interface AccountView {
  target: LoanTarget;
  action: LoanAction;
  limits: BorrowLimits | undefined;
  amount(value: Decimal | string): string;
  /** Fills the amount field ("Max"). */
  setAmount(text: string): void;
}

export class LoanAccount {
  private readonly cross: PollController<CrossMarginAccount>;
  private readonly isolated: PollController<IsolatedMarginAccount>;
  private readonly bitmart: PollController<IsolatedAccountPair[]>;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.cross = new PollController(host);
    this.isolated = new PollController(host);
    this.bitmart = new PollController(host);
  }

  /** Polls the account of the target (or nothing), at the panel's interval. */
  watch(target: LoanTarget | undefined, intervalMs: number): void {
    const client = target?.client;
    const kucoin = target?.exchange === 'kucoin';
    // The venue client's loans act on the HF account (isHf true, the default): show that one.
    this.cross.watch(client, kucoin && target.marginMode === 'cross' ? crossAccount({ queryType: 'MARGIN_V2' }) : undefined, intervalMs);
    this.isolated.watch(
      client,
      kucoin && target.marginMode === 'isolated' && target.symbol ? isolatedAccount({ symbol: target.symbol, queryType: 'ISOLATED_V2' }) : undefined,
      intervalMs,
    );
    this.bitmart.watch(client, target?.exchange === 'bitmart' && target.symbol ? bitmartAccount({ symbol: target.symbol }) : undefined, intervalMs);
  }

  refresh(): void {
    this.cross.refresh();
    this.isolated.refresh();
    this.bitmart.refresh();
  }

  /** The currency's numbers, once its account loaded. */
  side(target: LoanTarget): LoanAccountSide | undefined {
    if (target.exchange === 'bitmart') {
      const pairs = this.bitmart.state.value;
      return pairs && target.symbol ? bitmartLoanSide(pairs, target.symbol, target.currency) : undefined;
    }
    if (target.marginMode === 'isolated') {
      const account = this.isolated.state.value;
      return account && target.symbol ? isolatedLoanSide(account, target.symbol, target.currency) : undefined;
    }
    const account = this.cross.state.value;
    return account && crossLoanSide(account, target.currency);
  }

  private get failed(): boolean {
    return [this.cross, this.isolated, this.bitmart].some((p) => p.state.error !== undefined && p.state.value === undefined);
  }

  /** `part="account"`: available, liability and max borrowable, and Max for the action chosen. */
  render(view: AccountView): TemplateResult {
    const { target, limits, action } = view;
    const side = this.side(target);
    const currency = target.currency;
    let body: unknown;
    if (!side) body = this.failed ? html`<p class="note">${t().unavailable}</p>` : renderSkeleton(3);
    else {
      const room = borrowMax(side, limits);
      const max = action === 'borrow' ? room : repayMax(side, limits);
      const maxText = max && view.amount(max);
      body = html`<dl>
          <dt>${t().available}</dt>
          <dd part="available">${view.amount(side.available)} ${currency}</dd>
          <dt>${t().liability}</dt>
          <dd part="liability">
            ${view.amount(side.liability)} ${currency}
            <span class="note">(${t().liabilityParts(view.amount(side.principal), view.amount(side.interest))})</span>
          </dd>
          <dt>${t().maxBorrow}</dt>
          <dd part="max-borrow">${room ? html`${view.amount(room)} ${currency}` : t().none}</dd>
        </dl>
        <div>
          <button
            type="button"
            part="max"
            ?disabled=${!max}
            aria-describedby=${max ? nothing : 'max-none'}
            aria-label=${maxText ? (action === 'borrow' ? t().maxBorrowLabel(maxText, currency) : t().maxRepayLabel(maxText, currency)) : t().max}
            @click=${() => max && view.setAmount(toPlainString(max))}
          >
            ${t().max}
          </button>
          ${max ? nothing : html`<span id="max-none" class="note">${action === 'borrow' ? t().nothingToBorrow : t().nothingToRepay}</span>`}
        </div>`;
    }
    return html`<section part="account" aria-labelledby="account-heading">
      <h3 id="account-heading">${t().heading(currency)}</h3>
      ${body}
    </section>`;
  }
}
