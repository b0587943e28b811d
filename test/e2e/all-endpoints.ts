/**
 * One scenario that calls every one of the 41 endpoints through the real client, and checks each
 * answer. Run in Node over HTTP (client -> proxy -> sandbox on 127.0.0.1) and in the browser
 * with both handlers in the page.
 */
import type { MarginClient } from '../../src/client/client.js';
import { newClientOid } from '../../src/core/client-oid.js';
import { ENDPOINTS } from '../../src/core/endpoints.js';
import { roundToTick } from '../../src/core/rules.js';

type Check = (condition: unknown, message: string) => void;

/** Wraps a client so the endpoint names it calls are recorded. */
function recording(client: MarginClient, called: Set<string>): MarginClient {
  const wrap = <T extends object>(venue: string, group: T): T =>
    new Proxy(group, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          called.add(`${venue}.${String(name)}`);
          return (value as (...a: unknown[]) => unknown)(...args);
        };
      },
    });
  return { ...client, kucoin: wrap('kucoin', client.kucoin), bitmart: wrap('bitmart', client.bitmart) };
}

export async function exerciseAllEndpoints(raw: MarginClient, check: Check): Promise<Set<string>> {
  const called = new Set<string>();
  const c = recording(raw, called);
  const { kucoin, bitmart } = c;

  // Market data
  const symbols = await kucoin.getCrossMarginSymbols();
  const btc = symbols.items.find((s) => s.symbol === 'BTC-USDT');
  check(btc && btc.priceIncrement.toString() === '0.1', 'cross symbols carry BTC-USDT with its increment');
  check((await kucoin.getEtfInfo()).length > 0, 'ETF info');
  const mark = await kucoin.getMarkPriceDetail({ symbol: 'BTC-USDT' });
  check(mark.symbol === 'BTC-USDT' && mark.value.gt(0), 'mark price detail');
  check((await kucoin.getMarginConfig()).maxLeverage > 1, 'margin config');
  check((await kucoin.getMarkPriceList()).some((p) => p.symbol === 'ETH-USDT'), 'mark price list');
  check((await kucoin.getIsolatedMarginSymbols()).some((s) => s.symbol === 'BTC-USDT'), 'isolated symbols');

  // Orders: a resting limit buy below the mark, looked up and cancelled three ways
  const price = roundToTick(mark.value.mul('0.95'), btc!.priceIncrement, 'down').toString();
  const limitBuy = (clientOid: string) => ({ clientOid, side: 'buy' as const, symbol: 'BTC-USDT', type: 'limit' as const, price, size: '0.001' });
  const test = await kucoin.addOrderTest(limitBuy(newClientOid()));
  check(typeof test.orderId === 'string', 'add order test answers');
  const first = limitBuy(newClientOid());
  const placed = await kucoin.addOrder(first);
  check((await kucoin.getOrderByOrderId({ orderId: placed.orderId, symbol: 'BTC-USDT' })).active, 'order by id is open');
  check((await kucoin.getOrderByClientOid({ clientOid: first.clientOid, symbol: 'BTC-USDT' })).id === placed.orderId, 'order by clientOid');
  check((await kucoin.getSymbolsWithOpenOrder({ tradeType: 'MARGIN_TRADE' })).symbols.includes('BTC-USDT'), 'symbols with open orders');
  check((await kucoin.getOpenOrders({ symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' })).some((o) => o.id === placed.orderId), 'open orders');
  check((await kucoin.cancelOrderByOrderId({ orderId: placed.orderId, symbol: 'BTC-USDT' })).orderId === placed.orderId, 'cancel by id');
  const second = limitBuy(newClientOid());
  await kucoin.addOrder(second);
  check((await kucoin.cancelOrderByClientOid({ clientOid: second.clientOid, symbol: 'BTC-USDT' })).clientOid === second.clientOid, 'cancel by clientOid');
  await kucoin.addOrder(limitBuy(newClientOid()));
  await kucoin.cancelAllOrdersBySymbol({ symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' });
  check((await kucoin.getOpenOrders({ symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' })).length === 0, 'cancel all leaves none open');
  // A market buy fills against the synthetic book
  const market = await kucoin.addOrder({ clientOid: newClientOid(), side: 'buy', symbol: 'BTC-USDT', type: 'market', size: '0.001' });
  const filled = await kucoin.getOrderByOrderId({ orderId: market.orderId, symbol: 'BTC-USDT' });
  check(filled.dealSize.toString() === '0.001', 'market order filled');
  check((await kucoin.getClosedOrders({ symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' })).items.length >= 4, 'closed orders');
  check((await kucoin.getTradeHistory({ symbol: 'BTC-USDT', tradeType: 'MARGIN_TRADE' })).items.some((f) => f.orderId === market.orderId), 'fills');
  // V1
  const v1 = { clientOid: newClientOid(), side: 'buy' as const, symbol: 'BTC-USDT', type: 'limit' as const, price, size: '0.001', marginModel: 'cross' as const };
  check(typeof (await kucoin.addOrderTestV1(v1)).orderId === 'string', 'V1 test order');
  check(typeof (await kucoin.addOrderV1(v1)).orderId === 'string', 'V1 order');

  // Lending
  const market_ = await kucoin.getLoanMarket();
  check(market_.some((m) => m.currency === 'USDT'), 'loan market');
  check((await kucoin.getLoanMarketInterestRate({ currency: 'USDT' })).length > 0, 'market interest rate history');
  const purchase = await kucoin.purchase({ currency: 'USDT', size: '100', interestRate: '0.05' });
  await kucoin.modifyPurchase({ currency: 'USDT', purchaseOrderNo: purchase.orderNo, interestRate: '0.06' });
  const purchases = await kucoin.getPurchaseOrders({ status: 'PENDING', currency: 'USDT' });
  check(purchases.items.some((p) => p.purchaseOrderNo === purchase.orderNo), 'purchase orders');
  await kucoin.redeem({ currency: 'USDT', size: '100', purchaseOrderNo: purchase.orderNo });
  const redeems = [...(await kucoin.getRedeemOrders({ status: 'DONE', currency: 'USDT' })).items, ...(await kucoin.getRedeemOrders({ status: 'PENDING', currency: 'USDT' })).items];
  check(redeems.some((r) => r.purchaseOrderNo === purchase.orderNo), 'redeem orders');

  // Debit, with the margin accounts (beyond the seeds) moving by exactly the loan: a borrow
  // without isHf lands in the classic account, the venue's default `queryType` MARGIN.
  const usdtOf = async () => (await kucoin.getCrossMarginAccount()).accounts.find((a) => a.currency === 'USDT')!;
  const beforeBorrow = await usdtOf();
  const borrowed = await kucoin.borrow({ currency: 'USDT', size: '10', timeInForce: 'IOC' });
  check(borrowed.actualSize.toString() === '10', 'borrow');
  const afterBorrow = await usdtOf();
  check(afterBorrow.liabilityPrincipal.minus(beforeBorrow.liabilityPrincipal).toString() === '10', 'cross margin account shows the borrow');
  check(afterBorrow.available.minus(beforeBorrow.available).toString() === '10', 'cross margin account shows the borrowed funds');
  const isolatedAccount = await kucoin.getIsolatedMarginAccount({ symbol: 'BTC-USDT', queryType: 'ISOLATED_V2' });
  check(isolatedAccount.assets.length === 1 && isolatedAccount.assets[0]!.baseAsset.currency === 'BTC', 'isolated margin account');
  check((await kucoin.getBorrowHistory({ currency: 'USDT' })).items.some((o) => o.orderNo === borrowed.orderNo), 'borrow history');
  const repaid = await kucoin.repay({ currency: 'USDT', size: '10' });
  check(repaid.actualSize.gt(0), 'repay');
  check((await kucoin.getRepayHistory({ currency: 'USDT' })).items.some((o) => o.orderNo === repaid.orderNo), 'repay history');
  check(Array.isArray((await kucoin.getInterestHistory({ currency: 'USDT' })).items), 'interest history');
  await kucoin.modifyLeverage({ leverage: '3.5' });
  check((await kucoin.getMarginRiskLimit({ currency: 'BTC' })).length === 1, 'risk limit');

  // BitMart
  const [pair] = await bitmart.getIsolatedPairs({ symbol: 'BTC_USDT' });
  check(pair?.symbol === 'BTC_USDT', 'BitMart pairs');
  const [walletBefore] = await bitmart.getMarginAccountDetailsIsolated({ symbol: 'BTC_USDT' });
  const loan = await bitmart.marginBorrowIsolated({ symbol: 'BTC_USDT', currency: 'USDT', amount: '5.12345678' });
  const [walletAfter] = await bitmart.getMarginAccountDetailsIsolated({ symbol: 'BTC_USDT' });
  check(walletAfter!.quote.borrowed.minus(walletBefore!.quote.borrowed).toString() === '5.12345678', 'BitMart margin account shows the borrow');
  check((await bitmart.getBorrowRecordIsolated({ symbol: 'BTC_USDT' })).some((r) => r.borrow_id === loan.borrow_id), 'BitMart borrow record');
  const repay = await bitmart.marginRepayIsolated({ symbol: 'BTC_USDT', currency: 'USDT', amount: '1' });
  check((await bitmart.getRepayRecordIsolated({ symbol: 'BTC_USDT' })).some((r) => r.repay_id === repay.repay_id), 'BitMart repay record');

  const missing = ENDPOINTS.map((e) => `${e.venue}.${e.name}`).filter((name) => !called.has(name));
  check(missing.length === 0, `every endpoint called (missing: ${missing.join(', ')})`);
  return called;
}
