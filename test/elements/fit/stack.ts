/**
 * The in-page stack with something in every table: done orders and fills, an open order, a
 * borrow and a repayment, a lending order. The width test measures these states and
 * `npm run screenshots` shows them.
 */
import { createInPageStack, type InPageStack, type InPageStackOptions } from '../../../demo/in-page-stack.js';
import { getMarginClient } from '../../../src/client/client.js';

export async function stackWithHistory(options: InPageStackOptions = {}): Promise<InPageStack> {
  const stack = createInPageStack({ ignorePageVisibility: true, page: { timeoutMs: 4_000 }, ...options });
  const client = getMarginClient(stack.proxyUrl);
  for (let i = 0; i < 3; i += 1) {
    await client.kucoin.addOrder({ clientOid: `fit-sell-${i}`, side: 'sell', symbol: 'BTC-USDT', type: 'market', size: '0.00001' });
  }
  await client.kucoin.addOrder({ clientOid: 'fit-open', side: 'buy', symbol: 'BTC-USDT', type: 'limit', price: '1000', size: '0.001' });
  await client.kucoin.borrow({ currency: 'USDT', size: '250', timeInForce: 'IOC', isHf: true });
  await client.kucoin.repay({ currency: 'USDT', size: '50', isHf: true });
  await client.kucoin.purchase({ currency: 'USDT', size: '100', interestRate: '0.01' });
  return stack;
}
