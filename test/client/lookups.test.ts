import { expect } from '@open-wc/testing';
import { Hub } from '../../src/client/hub.js';
import { addOrder } from '../../src/client/kucoin/orders.js';
import { getAllOpenOrders } from '../../src/client/open-orders.js';
import { bitmartVenue, kucoinVenue } from '../../src/client/venue.js';
import { sandboxAt, sandboxTransport } from '../helpers/sandbox.js';
import { bitmartSandboxTransport } from './bitmart-sandbox-transport.js';

describe('client look-ups against the sandbox', () => {
  it('open orders across every symbol, latest update first, one trade type at a time', async () => {
    const t = sandboxAt();
    const transport = sandboxTransport(t);
    const a = await addOrder(transport, { clientOid: 'all-1', side: 'buy', symbol: 'BTC-USDT', price: '50000', size: '0.001' });
    t.advance(1_000);
    const b = await addOrder(transport, { clientOid: 'all-2', side: 'buy', symbol: 'ETH-USDT', price: '3000', size: '0.01' });
    t.advance(1_000);
    const c = await addOrder(transport, { clientOid: 'all-3', side: 'buy', symbol: 'BTC-USDT', price: '50001', size: '0.001' });
    await addOrder(transport, { clientOid: 'all-iso', side: 'buy', symbol: 'SOL-USDT', price: '100', size: '1', isIsolated: true });
    const cross = await getAllOpenOrders(transport, { tradeType: 'MARGIN_TRADE' });
    expect(cross.map((o) => o.id)).to.deep.equal([c.orderId, b.orderId, a.orderId]);
    const isolated = await getAllOpenOrders(transport, { tradeType: 'MARGIN_ISOLATED_TRADE' });
    expect(isolated.map((o) => o.clientOid)).to.deep.equal(['all-iso']);
    expect(await getAllOpenOrders(transport, { tradeType: 'MARGIN_TRADE' }, {})).to.have.length(3);
  });

  it('KuCoin: a borrow and a repay found by their orderNo, and nothing for an unknown one', async () => {
    const t = sandboxAt();
    const venue = kucoinVenue(sandboxTransport(t), new Hub(), 'cross');
    const first = await venue.borrow({ currency: 'USDT', amount: '25' });
    await venue.borrow({ currency: 'USDT', amount: '25' });
    const repaid = await venue.repay({ currency: 'USDT', amount: '7' });
    const found = await venue.findById('borrow', first.orderId, { currency: 'USDT' });
    expect(found).to.deep.include({ id: first.orderId, action: 'borrow', currency: 'USDT', status: 'SUCCESS', time: t.now });
    expect(found!.amount.toString()).to.equal('25');
    const repay = await venue.findById('repay', repaid.orderId, { currency: 'USDT' });
    expect([repay!.id, repay!.amount.toString(), repay!.principal!.toString()]).to.deep.equal([repaid.orderId, '7', '7']);
    expect(await venue.findById('borrow', repaid.orderId, { currency: 'USDT' })).to.equal(undefined);
  });

  it('BitMart: a borrow and a repay found by borrow_id / repay_id', async () => {
    const t = sandboxAt();
    const venue = bitmartVenue(bitmartSandboxTransport(t), new Hub());
    const borrowed = await venue.borrow({ currency: 'USDT', symbol: 'BTC_USDT', amount: '12.5' });
    await venue.borrow({ currency: 'USDT', symbol: 'BTC_USDT', amount: '12.5' });
    const repaid = await venue.repay({ currency: 'USDT', symbol: 'BTC_USDT', amount: '3' });
    const found = await venue.findById('borrow', borrowed.orderId, { currency: 'USDT', symbol: 'BTC_USDT' });
    expect([found!.id, found!.amount.toString(), found!.time]).to.deep.equal([borrowed.orderId, '12.5', Math.floor(t.now / 1000) * 1000]);
    const repay = await venue.findById('repay', repaid.orderId, { currency: 'USDT', symbol: 'BTC_USDT' });
    expect([repay!.id, repay!.amount.toString()]).to.deep.equal([repaid.orderId, '3']);
    expect(await venue.findById('repay', borrowed.orderId, { currency: 'USDT', symbol: 'BTC_USDT' })).to.equal(undefined);
  });
});
