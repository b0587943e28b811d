/**
 * The ticket's account part: what the order's currencies hold and owe in the account the orders
 * trade in, the debt ratio against the venue's thresholds (a meter), "Max" and 25/50/75/100%
 * from what the account can spend (with auto-borrow up to `buyMaxAmount`), the typed amount
 * checked against that as it is typed, price protection against `priceLimitRate`, and what an
 * auto-borrow costs. The numbers come from the pure modules beside it (account-model, sizing,
 * price-protection, borrow-cost); this part polls the account and says them.
 */
import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import type { CrossMarginAccount, IsolatedMarginAccount } from '../../client/kucoin/account.js';
import type { CrossMarginRiskLimit, IsolatedMarginRiskLimit } from '../../client/kucoin/debit.js';
import { Decimal, parseUserDecimal, toPlainString } from '../../core/decimal.js';
import { formatDecimal, formatRate } from '../../core/format.js';
import { renderStaleBadge } from '../shared/blocks/status.js';
import { PollController } from '../shared/poll-controller.js';
import { crossAccount, crossRiskLimit, isolatedAccount, isolatedRiskLimit, isolatedSymbols, loanMarket, marginConfig, read } from '../shared/resources.js';
import {
  accountQueryType,
  crossTicketAccount,
  isolatedTicketAccount,
  riskLevel,
  spendSide,
  type RiskThresholds,
  type TicketAccount,
} from './account-model.js';
import { borrowCost } from './borrow-cost.js';
import type { OrderForm } from './order-form.js';
import { priceBreach, type PriceBreach } from './price-protection.js';
import { aboveLimit, amountFor, amountLimit, FRACTIONS, spendLimit, type AmountLimit, type SpendLimit } from './sizing.js';
import { ticketStrings } from './strings.js';
import { TicketPart, type TicketContext } from './ticket-context.js';

const t = () => ticketStrings.account;
/** Borrow cost is shown at the currency's `precision`; 8 when the venue has not said. */
const DEFAULT_PRECISION = 8;

export class AccountSummary extends TicketPart {
  private readonly crossPoll: PollController<CrossMarginAccount>;
  private readonly isolatedPoll: PollController<IsolatedMarginAccount>;
  private readonly crossLimitPoll: PollController<CrossMarginRiskLimit | undefined>;
  private readonly isolatedLimitPoll: PollController<IsolatedMarginRiskLimit | undefined>;

  /** The warning and liquidation debt ratios: "Get Margin Config" (cross), the pair's `flDebtRatio` (isolated). */
  private readonly thresholdsTask: Task<[unknown, string, string], RiskThresholds | undefined>;

  constructor(
    ctx: TicketContext,
    private readonly form: OrderForm,
  ) {
    super(ctx);
    this.crossPoll = new PollController(ctx.host);
    this.isolatedPoll = new PollController(ctx.host);
    this.crossLimitPoll = new PollController(ctx.host);
    this.isolatedLimitPoll = new PollController(ctx.host);
    this.thresholdsTask = new Task(ctx.host, {
      task: async ([, mode, symbol], { signal }) => {
        const client = this.ctx.client;
        if (!client) return undefined;
        const config = await read(client, marginConfig, signal);
        if (mode === 'cross') return { warning: config.warningDebtRatio, liquidation: config.liqDebtRatio };
        const pair = (await read(client, isolatedSymbols, signal)).find((s) => s.symbol === symbol);
        if (!pair) return undefined;
        // The margin config's warning applies while it is below the pair's own liquidation ratio.
        return { warning: config.warningDebtRatio.lt(pair.flDebtRatio) ? config.warningDebtRatio : undefined, liquidation: pair.flDebtRatio };
      },
      args: () => [this.ctx.client, this.ctx.mode, this.ctx.symbol],
    });
  }

  /** Points the polls at the account the orders trade in (called from the ticket's willUpdate). */
  watch(): void {
    const { client, mode, symbol, pollInterval } = this.ctx;
    const current = this.ctx.current;
    const isolated = mode === 'isolated';
    const queryType = accountQueryType(mode, this.ctx.endpoints);
    this.crossPoll.watch(client, !isolated ? crossAccount({ queryType: queryType as 'MARGIN' | 'MARGIN_V2' }) : undefined, pollInterval);
    this.isolatedPoll.watch(client, isolated && symbol ? isolatedAccount({ symbol, queryType: queryType as 'ISOLATED' | 'ISOLATED_V2' }) : undefined, pollInterval);
    // buyMaxAmount only matters with auto-borrow: no poll of it otherwise.
    const borrowing = this.form.draft.autoBorrow && current !== undefined;
    const spendCurrency = current && (this.form.draft.side === 'buy' ? current.quoteCurrency : current.baseCurrency);
    this.crossLimitPoll.watch(client, borrowing && !isolated && spendCurrency ? crossRiskLimit(spendCurrency) : undefined, pollInterval);
    this.isolatedLimitPoll.watch(client, borrowing && isolated && symbol ? isolatedRiskLimit(symbol) : undefined, pollInterval);
  }

  /** Reads the account again now (an order was placed, filled or cancelled). */
  refresh(): void {
    this.crossPoll.refresh();
    this.isolatedPoll.refresh();
    this.crossLimitPoll.refresh();
    this.isolatedLimitPoll.refresh();
  }

  /** The symbol's two currencies in the account, once loaded. */
  get account(): TicketAccount | undefined {
    const current = this.ctx.current;
    if (!current) return undefined;
    if (this.ctx.mode === 'isolated') {
      const value = this.isolatedPoll.state.value;
      return value && isolatedTicketAccount(value, current.symbol, current.baseCurrency, current.quoteCurrency);
    }
    const value = this.crossPoll.state.value;
    return value && crossTicketAccount(value, current.baseCurrency, current.quoteCurrency);
  }

  private get stale(): boolean {
    return (this.ctx.mode === 'isolated' ? this.isolatedPoll : this.crossPoll).state.stale;
  }

  /** `buyMaxAmount` of the currency the order spends ("Get Margin Risk Limit"). */
  private get buyMaxAmount(): Decimal | undefined {
    const side = this.form.draft.side;
    if (this.ctx.mode === 'cross') return this.crossLimitPoll.state.value?.buyMaxAmount;
    const limit = this.isolatedLimitPoll.state.value;
    return side === 'buy' ? limit?.quoteMaxBuyAmount : limit?.baseMaxBuyAmount;
  }

  /** What the order may spend now, or undefined before the account loaded. */
  get spend(): SpendLimit | undefined {
    const account = this.account;
    if (!account) return undefined;
    const side = spendSide(account, this.form.draft.side);
    return spendLimit(side.currency, side.available, this.form.draft.autoBorrow, this.buyMaxAmount);
  }

  /** The most the amount field may hold, or undefined while unknown. */
  get limit(): AmountLimit | undefined {
    const spend = this.spend;
    const rules = this.ctx.current?.rules;
    return spend && rules ? amountLimit(this.form.draft, rules, this.ctx.markPrice, spend.amount) : undefined;
  }

  /** A limit price beyond what `priceLimitRate` allows, or undefined. */
  get priceBreach(): PriceBreach | undefined {
    const d = this.form.draft;
    const rules = this.ctx.current?.rules;
    if (d.type !== 'limit' || !rules) return undefined;
    const price = parseUserDecimal(d.price);
    return price.ok ? priceBreach(d.side, price.value, this.ctx.markPrice, rules.priceLimitRate) : undefined;
  }

  private setFraction(fraction: Decimal): void {
    const limit = this.limit;
    const rules = this.ctx.current?.rules;
    if (!limit || !rules) return;
    const value = amountFor(fraction, limit, rules);
    this.form.set({ [limit.field]: value ? toPlainString(value) : '' });
  }

  /** The interest an auto-borrow of `borrow` costs at the loan market's rate, in words; undefined when unknown. */
  async describeBorrowCost(borrow: Decimal, currency: string): Promise<string | undefined> {
    const client = this.ctx.client;
    if (!client) return undefined;
    const market = await read(client, loanMarket).catch(() => undefined);
    const rate = market?.find((m) => m.currency === currency)?.marketInterestRate;
    if (!rate) return undefined;
    const cost = borrowCost(borrow, rate, this.currencyPrecision ?? DEFAULT_PRECISION);
    if (!cost) return undefined;
    const a = (v: Decimal) => this.format.amount(v);
    return t().borrowCost(a(cost.borrow), currency, a(cost.perHour), a(cost.perDay), formatRate(cost.dailyRate, 'daily', { locale: this.ctx.locale }));
  }

  /**
   * A balance of the spent currency at its precision, as the borrow/repay panel shows the same
   * account; what can be spent is cut (`truncate`), never rounded up.
   */
  private balance(value: Decimal, truncate = false): string {
    return formatDecimal(value, { locale: this.ctx.locale, maxDecimals: this.currencyPrecision ?? DEFAULT_PRECISION, truncate });
  }

  /** The spent currency's decimal places, when the venue's risk limits are loaded. */
  private get currencyPrecision(): number | undefined {
    return this.ctx.mode === 'cross'
      ? this.crossLimitPoll.state.value?.precision
      : this.form.draft.side === 'buy'
        ? this.isolatedLimitPoll.state.value?.quotePrecision
        : this.isolatedLimitPoll.state.value?.basePrecision;
  }

  // ---- rendering --------------------------------------------------------------------------

  /** `part="account"`: available and liability of the currency the order spends, and the debt ratio meter. */
  renderSummary(): TemplateResult | typeof nothing {
    const current = this.ctx.current;
    if (!this.ctx.client || !current) return nothing;
    const account = this.account;
    const side = account && spendSide(account, this.form.draft.side);
    const a = (v: Decimal, currency: string, truncate = false) => t().amount(this.balance(v, truncate), currency);
    return html`<section class="account" part="account" aria-label=${t().title}>
      <dl>
        <div>
          <dt>${t().available}</dt>
          <dd part="available">${side ? a(side.available, side.currency, true) : t().unknown}</dd>
        </div>
        <div>
          <dt>${t().liability}</dt>
          <dd part="liability" title=${side ? t().liabilityParts(this.format.amount(side.liabilityPrincipal), this.format.amount(side.liabilityInterest)) : ''}>
            ${side ? a(side.liability, side.currency) : t().unknown}
          </dd>
        </div>
        ${this.renderDebtRatio(account)}
      </dl>
      ${renderStaleBadge(this.stale)}
    </section>`;
  }

  private renderDebtRatio(account: TicketAccount | undefined): TemplateResult {
    const thresholds = this.thresholdsTask.value;
    const ratio = account?.debtRatio;
    const percent = (v: Decimal) => formatRate(v, 'annual', { locale: this.ctx.locale });
    const threshold = (v: Decimal) => formatRate(v, 'annual', { locale: this.ctx.locale, trim: true });
    const level = ratio && thresholds ? riskLevel(ratio, thresholds) : undefined;
    return html`<div>
      <dt id="debt-ratio-label">${t().debtRatio}</dt>
      <dd>
        ${ratio
          ? html`<meter
                part="meter"
                class=${level ?? ''}
                aria-labelledby="debt-ratio-label"
                aria-describedby="debt-ratio-words"
                min="0"
                max=${Decimal.max(1, ratio).toString()}
                low=${thresholds?.warning?.toString() ?? thresholds?.liquidation.toString() ?? '1'}
                high=${thresholds?.liquidation.toString() ?? '1'}
                optimum="0"
                .value=${ratio.toNumber()}
              ></meter>
              <span id="debt-ratio-words" part="debt-ratio" data-level=${level ?? ''}>
                ${percent(ratio)}${level ? html` · ${t().level[level]}` : nothing}
                ${thresholds ? html`<span class="hint">(${t().thresholds(thresholds.warning && threshold(thresholds.warning), threshold(thresholds.liquidation))})</span>` : nothing}
              </span>`
          : t().unknown}
      </dd>
    </div>`;
  }

  /** `part="sizing"`: Max and 25/50/75/100% of what the account can spend, and the typed amount against it. */
  renderSizing(): TemplateResult | typeof nothing {
    const spend = this.spend;
    const rules = this.ctx.current?.rules;
    if (!spend || !rules) return nothing;
    const limit = this.limit;
    const currency = limit?.field === 'funds' ? rules.quoteCurrency : rules.baseCurrency;
    const increment = limit?.field === 'funds' ? rules.quoteIncrement : rules.baseIncrement;
    const maxText = limit ? this.format.amount(limit.max, increment) : undefined;
    const above = aboveLimit(this.form.draft, limit);
    const off = !limit || limit.max.lte(0);
    return html`<div class="sizing" part="sizing">
      <div role="group" aria-label=${t().sizing} class="segmented">
        <button type="button" class="small" part="max" ?disabled=${off} aria-label=${maxText ? t().maxLabel(maxText, currency) : t().max} @click=${() => this.setFraction(new Decimal(1))}>
          ${t().max}
        </button>
        ${FRACTIONS.map(
          ([label, fraction]) => html`<button type="button" class="small" part="percent" ?disabled=${off} aria-label=${t().percentLabel(label)} @click=${() => this.setFraction(fraction)}>
            ${t().percent(label)}
          </button>`,
        )}
      </div>
      <p class="hint" part="hint" id="can-spend">
        ${spend.amount.lte(0) ? t().noBalance : t().canSpend(this.balance(spend.amount, true), spend.currency, spend.withBorrow)}
      </p>
      <p class=${above ? 'field-error' : ''} part=${above ? 'error limit' : 'limit'} id="amount-limit" role="status">
        ${above && maxText ? t().aboveLimit(maxText, currency, spend.withBorrow) : nothing}
      </p>
    </div>`;
  }

  /** `part="price-warning"`: a limit price the venue's price protection would refuse, with the numbers. */
  renderPriceWarning(): TemplateResult | typeof nothing {
    const breach = this.priceBreach;
    const rules = this.ctx.current?.rules;
    if (!breach || !rules) return nothing;
    const p = (v: Decimal) => this.format.amount(v, rules.priceIncrement);
    const locale = this.ctx.locale;
    // The deviation is a figure ("5.23%"); the protection rate a rule ("mark + 5%").
    const pct = (v: Decimal, trim = false) => formatRate(v.abs(), 'annual', { locale, trim });
    return html`<p class="field-error" part="price-warning" role="alert">
      ${t().priceBeyond(breach.side, p(breach.price), p(breach.mark), pct(breach.deviation), p(breach.bound), pct(breach.rate, true))}
    </p>`;
  }
}
