/**
 * KuCoin margin accounts (DESIGN.md "Beyond the seeds: margin accounts"): "Get Account - Cross
 * Margin" and "Get Account - Isolated Margin", signed. Field names and types follow KuCoin's own
 * SDK models (`Kucoin/kucoin-universal-sdk`, `sdk/node/src/generate/account/account/
 * model_get_cross_margin_account_*.ts`, `model_get_isolated_margin_account_*.ts`): amounts and
 * `debtRatio` are strings, read here as exact decimals; `borrowEnabled`/`transferInEnabled` booleans.
 */
import type { Decimal } from '../../core/decimal.js';
import { kucoin, sendForObject } from '../call.js';
import { defined } from '../params.js';
import { listOf, objOf, oneOf, type FieldReader } from '../read.js';
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

const ASSET = {
  currency: 'str', total: 'dec', available: 'dec', hold: 'dec', liability: 'dec', liabilityPrincipal: 'dec', liabilityInterest: 'dec',
  maxBorrowSize: 'dec', borrowEnabled: 'bool', transferInEnabled: 'bool',
} as const;
const readAsset = (r: FieldReader): MarginAccountAsset => r.fields(ASSET);
const TOTALS = { totalAssetOfQuoteCurrency: 'dec', totalLiabilityOfQuoteCurrency: 'dec' } as const;

/** `GET /api/v3/margin/accounts`: the cross margin account, each currency with its debt and borrow room. */
export async function getCrossMarginAccount(transport: Transport, params: CrossMarginAccountParams = {}, options: CallOptions = {}): Promise<CrossMarginAccount> {
  const call = kucoin('getCrossMarginAccount', 'GET', '/api/v3/margin/accounts', { query: defined({ ...params }) });
  return sendForObject(transport, call, options, (r) =>
    r.fields({ ...TOTALS, debtRatio: 'dec', status: oneOf(MARGIN_ACCOUNT_STATUSES), accounts: listOf(readAsset) }),
  );
}

const ISOLATED_PAIR = { symbol: 'str', status: 'str', debtRatio: 'dec', baseAsset: objOf(readAsset), quoteAsset: objOf(readAsset) } as const;

/** `GET /api/v3/isolated/accounts`: isolated pairs, each with its base and quote side. */
export async function getIsolatedMarginAccount(transport: Transport, params: IsolatedMarginAccountParams = {}, options: CallOptions = {}): Promise<IsolatedMarginAccount> {
  const call = kucoin('getIsolatedMarginAccount', 'GET', '/api/v3/isolated/accounts', { query: defined({ ...params }) });
  return sendForObject(transport, call, options, (r) => r.fields({ ...TOTALS, timestamp: 'int', assets: listOf((a) => a.fields(ISOLATED_PAIR)) }));
}
