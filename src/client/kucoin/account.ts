/**
 * KuCoin margin accounts (DESIGN.md "Beyond the seeds: margin accounts"): "Get Account - Cross
 * Margin" and "Get Account - Isolated Margin", signed. Field names and types follow KuCoin's own
 * SDK models (`Kucoin/kucoin-universal-sdk`, `sdk/node/src/generate/account/account/
 * model_get_cross_margin_account_*.ts`, `model_get_isolated_margin_account_*.ts`): amounts and
 * `debtRatio` are strings, read here as exact decimals; `borrowEnabled`/`transferInEnabled` booleans.
 */
import type { Decimal } from '../../core/decimal.js';
import { sendForObject } from '../call.js';
import { defined } from '../params.js';
import type { FieldReader } from '../read.js';
import type { Transport } from '../transport.js';
import type { CallOptions } from './types.js';

export const MARGIN_ACCOUNT_STATUSES = ['EFFECTIVE', 'BANKRUPTCY', 'LIQUIDATION', 'REPAY', 'BORROW'] as const;
export type MarginAccountStatus = (typeof MARGIN_ACCOUNT_STATUSES)[number];
/** The currency totals are valued in (venue default USDT). */
export type AccountQuoteCurrency = 'USDT' | 'KCS' | 'BTC';

/** One currency of a margin account. */
export interface MarginAccountAsset {
  currency: string;
  /** `available` + `hold`. */
  total: Decimal;
  available: Decimal;
  /** Held by open orders. */
  hold: Decimal;
  /** Owed: `liabilityPrincipal` + `liabilityInterest`. */
  liability: Decimal;
  liabilityPrincipal: Decimal;
  liabilityInterest: Decimal;
  /** What can be borrowed now. */
  maxBorrowSize: Decimal;
  borrowEnabled: boolean;
  transferInEnabled: boolean;
}

export interface CrossMarginAccountParams {
  /** Venue default USDT. */
  quoteCurrency?: AccountQuoteCurrency;
  /** MARGIN: the classic account (venue default); MARGIN_V2: the HF account; ALL: both. */
  queryType?: 'MARGIN' | 'MARGIN_V2' | 'ALL';
}

export interface CrossMarginAccount {
  totalAssetOfQuoteCurrency: Decimal;
  totalLiabilityOfQuoteCurrency: Decimal;
  /** Total liability over total assets; liquidation from "Get Margin Config" `liqDebtRatio`. */
  debtRatio: Decimal;
  status: MarginAccountStatus;
  accounts: MarginAccountAsset[];
}

export interface IsolatedMarginAccountParams {
  /** One pair; all when left out. */
  symbol?: string;
  quoteCurrency?: AccountQuoteCurrency;
  /** ISOLATED: the classic accounts (venue default); ISOLATED_V2: the HF ones; ALL: both. */
  queryType?: 'ISOLATED' | 'ISOLATED_V2' | 'ALL';
}

export interface IsolatedMarginAsset {
  symbol: string;
  /** The SDK types it a plain string; the pair statuses are the account's ones. */
  status: string;
  debtRatio: Decimal;
  baseAsset: MarginAccountAsset;
  quoteAsset: MarginAccountAsset;
}

export interface IsolatedMarginAccount {
  totalAssetOfQuoteCurrency: Decimal;
  totalLiabilityOfQuoteCurrency: Decimal;
  /** Milliseconds. */
  timestamp: number;
  assets: IsolatedMarginAsset[];
}

function readMarginAccountAsset(r: FieldReader): MarginAccountAsset {
  return {
    currency: r.str('currency'),
    total: r.dec('total'),
    available: r.dec('available'),
    hold: r.dec('hold'),
    liability: r.dec('liability'),
    liabilityPrincipal: r.dec('liabilityPrincipal'),
    liabilityInterest: r.dec('liabilityInterest'),
    maxBorrowSize: r.dec('maxBorrowSize'),
    borrowEnabled: r.bool('borrowEnabled'),
    transferInEnabled: r.bool('transferInEnabled'),
  };
}

/** `GET /api/v3/margin/accounts`: the cross margin account, each currency with its debt and borrow room. */
export function getCrossMarginAccount(transport: Transport, params: CrossMarginAccountParams = {}, options: CallOptions = {}): Promise<CrossMarginAccount> {
  const call = { name: 'getCrossMarginAccount', venue: 'kucoin', method: 'GET', path: '/api/v3/margin/accounts', query: defined({ ...params }) } as const;
  return sendForObject(transport, call, options, (r) => ({
    totalAssetOfQuoteCurrency: r.dec('totalAssetOfQuoteCurrency'),
    totalLiabilityOfQuoteCurrency: r.dec('totalLiabilityOfQuoteCurrency'),
    debtRatio: r.dec('debtRatio'),
    status: r.oneOf('status', MARGIN_ACCOUNT_STATUSES),
    accounts: r.list('accounts', readMarginAccountAsset),
  }));
}

/** `GET /api/v3/isolated/accounts`: isolated pairs, each with its base and quote side. */
export function getIsolatedMarginAccount(transport: Transport, params: IsolatedMarginAccountParams = {}, options: CallOptions = {}): Promise<IsolatedMarginAccount> {
  const call = { name: 'getIsolatedMarginAccount', venue: 'kucoin', method: 'GET', path: '/api/v3/isolated/accounts', query: defined({ ...params }) } as const;
  return sendForObject(transport, call, options, (r) => ({
    totalAssetOfQuoteCurrency: r.dec('totalAssetOfQuoteCurrency'),
    totalLiabilityOfQuoteCurrency: r.dec('totalLiabilityOfQuoteCurrency'),
    timestamp: r.int('timestamp'),
    assets: r.list('assets', (a) => ({
      symbol: a.str('symbol'),
      status: a.str('status'),
      debtRatio: a.dec('debtRatio'),
      baseAsset: readMarginAccountAsset(a.obj('baseAsset')),
      quoteAsset: readMarginAccountAsset(a.obj('quoteAsset')),
    })),
  }));
}
