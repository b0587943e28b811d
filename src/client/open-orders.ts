/**
 * Open orders across every symbol: KuCoin lists open orders one symbol at a time, so "Get Symbols
 * With Open Order" says which symbols to ask, and "Get Open Orders" is asked for each of them.
 */
import { getOpenOrders, getSymbolsWithOpenOrder, type MarginOrder, type MarginTradeType } from './kucoin/orders.js';
import type { CallOptions } from './kucoin/types.js';
import type { Transport } from './transport.js';

export interface AllOpenOrdersParams {
  tradeType: MarginTradeType;
}

/** Every open order of the trade type, latest update first (as "Get Open Orders" sorts one symbol). */
export async function getAllOpenOrders(transport: Transport, params: AllOpenOrdersParams, options: CallOptions = {}): Promise<MarginOrder[]> {
  const { symbols } = await getSymbolsWithOpenOrder(transport, params, options);
  const lists = await Promise.all(symbols.map((symbol) => getOpenOrders(transport, { symbol, tradeType: params.tradeType }, options)));
  return lists.flat().sort((a, b) => b.lastUpdatedAt - a.lastUpdatedAt);
}
