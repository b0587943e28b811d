/**
 * KuCoin market data (public): `kucoin-margin-rest-api.md`, "Get Symbols - Cross Margin" to
 * "Get Symbols - Isolated Margin".
 */
import type { Decimal } from '../../core/decimal.js';
import { fillPath } from '../../core/endpoints.js';
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

function readCrossMarginSymbol(r: FieldReader): CrossMarginSymbol {
  return {
    symbol: r.str('symbol'),
    name: r.str('name'),
    enableTrading: r.bool('enableTrading'),
    market: r.str('market'),
    baseCurrency: r.str('baseCurrency'),
    quoteCurrency: r.str('quoteCurrency'),
    baseIncrement: r.dec('baseIncrement'),
    baseMinSize: r.dec('baseMinSize'),
    quoteIncrement: r.dec('quoteIncrement'),
    quoteMinSize: r.dec('quoteMinSize'),
    baseMaxSize: r.dec('baseMaxSize'),
    quoteMaxSize: r.dec('quoteMaxSize'),
    priceIncrement: r.dec('priceIncrement'),
    feeCurrency: r.str('feeCurrency'),
    priceLimitRate: r.dec('priceLimitRate'),
    minFunds: r.dec('minFunds'),
  };
}

/** `GET /api/v3/margin/symbols`: all cross margin symbols, or one. */
export async function getCrossMarginSymbols(
  transport: Transport,
  params: { symbol?: string } = {},
  options: CallOptions = {},
): Promise<CrossMarginSymbols> {
  const data = await transport.send({
    venue: 'kucoin', method: 'GET', path: '/api/v3/margin/symbols', query: { symbol: params.symbol }, signal: options.signal,
  });
  const r = FieldReader.of(data, 'getCrossMarginSymbols');
  return { timestamp: r.int('timestamp'), items: r.list('items', readCrossMarginSymbol) };
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

/** `GET /api/v3/etf/info`: leveraged token information, all or one `currency`. */
export async function getEtfInfo(
  transport: Transport,
  params: { currency?: string } = {},
  options: CallOptions = {},
): Promise<EtfInfo[]> {
  const data = await transport.send({
    venue: 'kucoin', method: 'GET', path: '/api/v3/etf/info', query: { currency: params.currency }, signal: options.signal,
  });
  return FieldReader.listOf(data, 'getEtfInfo', (r) => ({
    currency: r.str('currency'),
    netAsset: r.dec('netAsset'),
    targetLeverage: r.str('targetLeverage'),
    actualLeverage: r.dec('actualLeverage'),
    issuedSize: r.dec('issuedSize'),
    basket: r.str('basket'),
  }));
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
  const data = await transport.send({
    venue: 'kucoin', method: 'GET', path: '/api/v1/margin/config', signal: options.signal,
  });
  const r = FieldReader.of(data, 'getMarginConfig');
  return {
    currencyList: r.strList('currencyList'),
    maxLeverage: r.int('maxLeverage'),
    warningDebtRatio: r.dec('warningDebtRatio'),
    liqDebtRatio: r.dec('liqDebtRatio'),
  };
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

/** `GET /api/v1/isolated/symbols`: isolated margin symbols. They carry no increments: those come from the cross list. */
export async function getIsolatedMarginSymbols(
  transport: Transport,
  options: CallOptions = {},
): Promise<IsolatedMarginSymbol[]> {
  const data = await transport.send({
    venue: 'kucoin', method: 'GET', path: '/api/v1/isolated/symbols', signal: options.signal,
  });
  return FieldReader.listOf(data, 'getIsolatedMarginSymbols', (r) => ({
    symbol: r.str('symbol'),
    symbolName: r.str('symbolName'),
    baseCurrency: r.str('baseCurrency'),
    quoteCurrency: r.str('quoteCurrency'),
    maxLeverage: r.int('maxLeverage'),
    flDebtRatio: r.dec('flDebtRatio'),
    tradeEnable: r.bool('tradeEnable'),
    autoRenewMaxDebtRatio: r.dec('autoRenewMaxDebtRatio'),
    baseBorrowEnable: r.bool('baseBorrowEnable'),
    quoteBorrowEnable: r.bool('quoteBorrowEnable'),
    baseTransferInEnable: r.bool('baseTransferInEnable'),
    quoteTransferInEnable: r.bool('quoteTransferInEnable'),
    baseBorrowCoefficient: r.dec('baseBorrowCoefficient'),
    quoteBorrowCoefficient: r.dec('quoteBorrowCoefficient'),
  }));
}
