/**
 * The panel's read-only parts: the venue's limits and rates of the currency, and KuCoin's risk
 * settings. Render functions over what the panel loaded.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PollState } from '../../client/hub.js';
import type { BorrowLimits } from '../../client/venue.js';
import type { Decimal } from '../../core/decimal.js';
import { formatDecimal, formatRate } from '../../core/format.js';
import { renderError, renderSkeleton } from '../shared/blocks/status.js';
import { describeError } from '../shared/describe-error.js';
import { DAILY_RATE_DECIMALS, HOURLY_RATE_DECIMALS } from './interest-preview.js';
import { borrowRepayStrings as t } from './strings.js';

export interface RiskInfo {
  /** Read at render, so it follows the page's language after the settings loaded. */
  heading: () => string;
  maxLeverage: number;
  warningDebtRatio?: Decimal;
  liqDebtRatio?: Decimal;
}

export interface LimitsView {
  currency: string;
  state: PollState<BorrowLimits>;
  /** The limits of this currency (a shared poll may still hold another's for a frame). */
  limits: BorrowLimits | undefined;
  locale: string | undefined;
  amount(value: Decimal | string, options?: { truncate?: boolean }): string;
  retry(): void;
}

export function renderLimits(view: LimitsView): TemplateResult {
  const { limits, state, locale } = view;
  const none = t.limits.none;
  const row = (term: string, value: unknown) => html`<dt>${term}</dt>
    <dd>${value}</dd>`;
  const optional = (term: string, value: unknown) => (value === undefined ? nothing : row(term, value));
  const rate = (value: Decimal | undefined, per: 'hourly' | 'daily', decimals: number) =>
    value ? formatRate(value, per, { locale, decimals }) : none;
  let body: unknown;
  if (!limits && state.error !== undefined && !state.loading) body = renderError(describeError(state.error), view.retry);
  else if (!limits) body = renderSkeleton(4);
  else {
    const borrowing = limits.borrowEnabled
      ? t.limits.enabled
      : html`<span class="disabled-reason" part="disabled">${limits.disabledReason ? t.limits.disabledBecause(limits.disabledReason) : t.limits.disabled}</span>`;
    body = html`<dl>
      ${row(t.limits.borrowing, borrowing)} ${row(t.limits.min, limits.borrowMinAmount ? view.amount(limits.borrowMinAmount) : none)}
      ${row(t.limits.max, limits.borrowMaxAmount ? view.amount(limits.borrowMaxAmount, { truncate: true }) : none)}
      ${optional(t.limits.borrowable, limits.borrowableAmount && view.amount(limits.borrowableAmount, { truncate: true }))}
      ${optional(t.limits.unit, limits.borrowMinUnit && view.amount(limits.borrowMinUnit))}
      ${row(t.limits.precision, limits.precision ?? none)} ${row(t.limits.hourlyRate, rate(limits.hourlyRate, 'hourly', HOURLY_RATE_DECIMALS))}
      ${row(t.limits.dailyRate, rate(limits.dailyRate, 'daily', DAILY_RATE_DECIMALS))}
    </dl>`;
  }
  return html`<section part="limits" aria-labelledby="limits-heading">
    <h3 id="limits-heading">${t.limits.heading} · ${view.currency}</h3>
    ${body}
  </section>`;
}

/** KuCoin's risk settings: maximum leverage, warning and liquidation debt ratios. */
export function renderRisk(content: { pending: boolean; failed: boolean; risk: RiskInfo | undefined }, locale: string | undefined): TemplateResult {
  const { risk } = content;
  const ratio = (term: string, value: Decimal | undefined) =>
    value ? html`<dt>${term}</dt>
          <dd>${formatRate(value, 'annual', { locale, trim: true })}</dd>` : nothing;
  const body = content.pending
    ? renderSkeleton(2)
    : content.failed
      ? html`<p class="note">${t.config.unavailable}</p>`
      : risk
        ? html`<h3 id="risk-heading">${risk.heading()}</h3>
            <dl>
              <dt>${t.config.maxLeverage}</dt>
              <dd>${t.config.leverage(formatDecimal(String(risk.maxLeverage), { locale }))}</dd>
              ${ratio(t.config.warningDebtRatio, risk.warningDebtRatio)} ${ratio(t.config.liqDebtRatio, risk.liqDebtRatio)}
            </dl>`
        : nothing;
  return html`<section part="risk" aria-label=${t.config.heading}>${body}</section>`;
}
