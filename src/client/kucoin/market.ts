/**
 * KuCoin market data (public): `kucoin-margin-rest-api.md`, "Get Symbols - Cross Margin" to
 * "Get Symbols - Isolated Margin".
 */
import type { Decimal } from '../../core/decimal.js';
import { fillPath } from '../../core/endpoints.js';
import { kucoin, sendForList, sendForObject } from '../call.js';
import { FieldReader } from '../read.js';
import type { Transport } from '../transport.js';
import type { CallOptions } from './types.js';

export interface CrossMarginSymbol {
  symbol: string;
  name: string;
  enableTrading: boolean;
  market: string;
  baseCurrency: string;
  quoteCurrency: string;
  baseIncrement: Decimal;
  baseMinSize: Decimal;
  quoteIncrement: Decimal;
  quoteMinSize: Decimal;
  baseMaxSize: Decimal;
  quoteMaxSize: Decimal;
  priceIncrement: Decimal;
  feeCurrency: string;
  priceLimitRate: Decimal;
  minFunds: Decimal;
}

export interface CrossMarginSymbols {
  timestamp: number;
  items: CrossMarginSymbol[];
}

const CROSS_MARGIN_SYMBOL = {
  symbol: 'str', name: 'str', enableTrading: 'bool', market: 'str', baseCurrency: 'str', quoteCurrency: 'str', baseIncrement: 'dec',
  baseMinSize: 'dec', quoteIncrement: 'dec', quoteMinSize: 'dec', baseMaxSize: 'dec', quoteMaxSize: 'dec', priceIncrement: 'dec',
  feeCurrency: 'str', priceLimitRate: 'dec', minFunds: 'dec',
} as const;

/** `GET /api/v3/margin/symbols`: all cross margin symbols, or one. */
export async function getCrossMarginSymbols(transport: Transport, params: { symbol?: string } = {}, options: CallOptions = {}): Promise<CrossMarginSymbols> {
  const call = kucoin('getCrossMarginSymbols', 'GET', '/api/v3/margin/symbols', { query: { symbol: params.symbol } });
  return sendForObject(transport, call, options, (r) => ({ timestamp: r.int('timestamp'), items: r.list('items', (i) => i.fields(CROSS_MARGIN_SYMBOL)) }));
}

export interface EtfInfo {
  currency: string;
  netAsset: Decimal;
  /** A range as KuCoin writes it (`2-4`), not one number. */
  targetLeverage: string;
  actualLeverage: Decimal;
  issuedSize: Decimal;
  basket: string;
}

const ETF_INFO = { currency: 'str', netAsset: 'dec', targetLeverage: 'str', actualLeverage: 'dec', issuedSize: 'dec', basket: 'str' } as const;

/** `GET /api/v3/etf/info`: leveraged token information, all or one `currency`. */
export async function getEtfInfo(transport: Transport, params: { currency?: string } = {}, options: CallOptions = {}): Promise<EtfInfo[]> {
  return sendForList(transport, kucoin('getEtfInfo', 'GET', '/api/v3/etf/info', { query: { currency: params.currency } }), options, (r) => r.fields(ETF_INFO));
}

export interface MarkPrice {
  symbol: string;
  /** Milliseconds. */
  timePoint: number;
  /** The doc types it `number`; parsed from its JSON text, never used as a float. */
  value: Decimal;
}

function readMarkPrice(r: FieldReader): MarkPrice {
  return { symbol: r.str('symbol'), timePoint: r.int('timePoint'), value: r.dec('value') };
}

/** `GET /api/v1/mark-price/{symbol}/current`: one symbol's mark price. */
export async function getMarkPriceDetail(
  transport: Transport,
  params: { symbol: string },
  options: CallOptions = {},
): Promise<MarkPrice> {
  const data = await transport.send({
    venue: 'kucoin', method: 'GET', path: fillPath('/api/v1/mark-price/{symbol}/current', params), signal: options.signal,
  });
  return readMarkPrice(FieldReader.of(data, 'getMarkPriceDetail'));
}

/** `GET /api/v3/mark-price/all-symbols`: every margin symbol's mark price. */
export async function getMarkPriceList(transport: Transport, options: CallOptions = {}): Promise<MarkPrice[]> {
  const data = await transport.send({
    venue: 'kucoin', method: 'GET', path: '/api/v3/mark-price/all-symbols', signal: options.signal,
  });
  return FieldReader.listOf(data, 'getMarkPriceList', readMarkPrice);
}

export interface MarginConfig {
  currencyList: string[];
  maxLeverage: number;
  warningDebtRatio: Decimal;
  liqDebtRatio: Decimal;
}

/** `GET /api/v1/margin/config`: margin currencies, max leverage, liquidation ratios. */
export async function getMarginConfig(transport: Transport, options: CallOptions = {}): Promise<MarginConfig> {
  return sendForObject(transport, kucoin('getMarginConfig', 'GET', '/api/v1/margin/config'), options, (r) => ({
    currencyList: r.strList('currencyList'),
    ...r.fields({ maxLeverage: 'int', warningDebtRatio: 'dec', liqDebtRatio: 'dec' }),
  }));
}

export interface IsolatedMarginSymbol {
  symbol: string;
  symbolName: string;
  baseCurrency: string;
  quoteCurrency: string;
  maxLeverage: number;
  flDebtRatio: Decimal;
  tradeEnable: boolean;
  autoRenewMaxDebtRatio: Decimal;
  baseBorrowEnable: boolean;
  quoteBorrowEnable: boolean;
  baseTransferInEnable: boolean;
  quoteTransferInEnable: boolean;
  baseBorrowCoefficient: Decimal;
  quoteBorrowCoefficient: Decimal;
}

const ISOLATED_MARGIN_SYMBOL = {
  symbol: 'str', symbolName: 'str', baseCurrency: 'str', quoteCurrency: 'str', maxLeverage: 'int', flDebtRatio: 'dec', tradeEnable: 'bool',
  autoRenewMaxDebtRatio: 'dec', baseBorrowEnable: 'bool', quoteBorrowEnable: 'bool', baseTransferInEnable: 'bool',
  quoteTransferInEnable: 'bool', baseBorrowCoefficient: 'dec', quoteBorrowCoefficient: 'dec',
} as const;

/** `GET /api/v1/isolated/symbols`: isolated margin symbols. They carry no increments: those come from the cross list. */
export async function getIsolatedMarginSymbols(transport: Transport, options: CallOptions = {}): Promise<IsolatedMarginSymbol[]> {
  const call = kucoin('getIsolatedMarginSymbols', 'GET', '/api/v1/isolated/symbols');
  return sendForList(transport, call, options, (r) => r.fields(ISOLATED_MARGIN_SYMBOL));
}
