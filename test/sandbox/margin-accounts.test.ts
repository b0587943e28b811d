import { expect } from '@open-wc/testing';
import { getMarginAccountDetailsIsolated } from '../../src/client/bitmart/account.js';
import { Hub } from '../../src/client/hub.js';
import { getCrossMarginAccount, getIsolatedMarginAccount } from '../../src/client/kucoin/account.js';
import { getBorrowHistory, getInterestHistory, getMarginRiskLimit, getRepayHistory } from '../../src/client/kucoin/debit.js';
import { addOrder, getOrderByOrderId } from '../../src/client/kucoin/orders.js';
import { kucoinVenue } from '../../src/client/venue.js';
import { Decimal } from '../../src/core/decimal.js';
import { Wallet } from '../../src/sandbox/accounts.js';
import { CURRENCIES, DEMO_CREDENTIALS } from '../../src/sandbox/index.js';
import {
  accountStatus,
  bitmartRiskLevel,
  bitmartRiskRate,
  debtRatio,
  liquidatePrice,
  mergeWallets,
  usdtPrice,
  valueIn,
  walletTotals,
} from '../../src/sandbox/margin-accounts.js';
import { bitmartSandboxTransport } from '../client/bitmart-sandbox-transport.js';
import { bitmartCall, kucoinCall, sandboxAt, sandboxTransport } from '../helpers/sandbox.js';

type Sandbox = ReturnType<typeof sandboxAt>;
const HOUR = 3_600_000;
const d = (v: string) => new Decimal(v);

/** "Get Account - Cross Margin" `accounts[]` / isolated `baseAsset`, as KuCoin's SDK models them. */
const ASSET_STRINGS = ['currency', 'total', 'available', 'hold', 'liability', 'liabilityPrincipal', 'liabilityInterest', 'maxBorrowSize'];
const ASSET_BOOLEANS = ['borrowEnabled', 'transferInEnabled'];
const BITMART_SIDE = [
  'currency', 'borrow_enabled', 'borrowed', 'available', 'frozen', 'net_asset', 'net_assetBTC', 'total_asset', 'borrow_unpaid', 'interest_unpaid',
];

/** An account that holds only what a test gives it, so every total can be computed by hand. */
function sandboxWith(balances: Record<string, string>): Sandbox {
  const all = Object.fromEntries(CURRENCIES.map((c) => [c.currency, balances[c.currency] ?? '0']));
  return sandboxAt(1_700_000_000_000, { accounts: [{ ...DEMO_CREDENTIALS, balances: all }] });
}

/** Moves the clock, lets the sandbox walk to it (any call does), then pins the marks a test reads. */
async function at(t: Sandbox, ms: number, marks: Record<string, string>): Promise<void> {
  t.advance(ms);
  await kucoinCall(t.sandbox, t.now, 'GET', '/api/v3/margin/symbols?symbol=BTC-USDT', undefined, { sign: false });
  for (const [symbol, price] of Object.entries(marks)) t.sandbox.state.markPrices.set(symbol, price);
}

const get = async (t: Sandbox, path: string) => (await kucoinCall(t.sandbox, t.now, 'GET', path)).json;
const line = (account: { accounts: Array<{ currency: string }> }, currency: string) => account.accounts.find((a) => a.currency === currency)!;

describe('sandbox: margin accounts, the rules by hand', () => {
  const prices = { get: (symbol: string) => ({ 'BTC-USDT': d('60000'), 'KCS-USDT': d('10') })[symbol] };

  it('values currencies at their USDT mark, stablecoins at 1, across quote currencies', () => {
    expect(usdtPrice(prices, 'USDC').toString()).to.equal('1');
    expect(usdtPrice(prices, 'BTC').toString()).to.equal('60000');
    expect(usdtPrice(prices, 'DOGE').toString()).to.equal('0');
    expect(valueIn(prices, d('0.5'), 'BTC', 'USDT').toString()).to.equal('30000');
    expect(valueIn(prices, d('300'), 'USDT', 'KCS').toString()).to.equal('30');
    expect(valueIn(prices, d('3'), 'BTC', 'KCS').toString()).to.equal('18000');
  });

  it('totals round assets down and liabilities up to 8 places; the debt ratio rounds up to 4', () => {
    const wallet = new Wallet();
    wallet.credit('USDT', d('3000'));
    wallet.hold('USDT', d('500.4'));
    wallet.credit('BTC', d('0.1'));
    wallet.liability('USDT').principal = d('2000');
    // 3000 + 0.1 * 60000 = 9000 of assets, 2000 owed: 2000 / 9000 = 0.2222..., up to 0.2223
    const usdt = walletTotals(prices, wallet, 'USDT');
    expect([usdt.asset.toString(), usdt.liability.toString()]).to.deep.equal(['9000', '2000']);
    expect(debtRatio(usdt).toString()).to.equal('0.2223');
    // In BTC: 9000 / 60000 = 0.15; 2000 / 60000 = 0.0333...3 rounded up to 0.03333334
    const btc = walletTotals(prices, wallet, 'BTC');
    expect([btc.asset.toString(), btc.liability.toString()]).to.deep.equal(['0.15', '0.03333334']);
    expect(debtRatio(btc).toString()).to.equal('0.2223');
    expect(debtRatio({ asset: d('5'), liability: d('0') }).toString()).to.equal('0');
    expect(debtRatio({ asset: d('0'), liability: d('1') }).toString()).to.equal('1');
  });

  it('status: EFFECTIVE below liqDebtRatio 0.97, LIQUIDATION from it, BANKRUPTCY from 1', () => {
    expect(accountStatus(d('0.9699'))).to.equal('EFFECTIVE');
    expect(accountStatus(d('0.97'))).to.equal('LIQUIDATION');
    expect(accountStatus(d('1'))).to.equal('BANKRUPTCY');
  });

  it('merges the HF and the classic wallet for queryType ALL', () => {
    const hf = new Wallet();
    hf.credit('USDT', d('10'));
    hf.liability('USDT').interest = d('0.5');
    const classic = new Wallet();
    classic.credit('USDT', d('2'));
    classic.hold('USDT', d('1'));
    classic.liability('USDT').principal = d('4');
    const all = mergeWallets([hf, classic]);
    expect(all.balance('USDT').available.toString()).to.equal('11');
    expect(all.balance('USDT').hold.toString()).to.equal('1');
    expect(all.debt('USDT').toString()).to.equal('4.5');
  });

  it('BitMart risk rate, risk level and liquidation price', () => {
    // 70000 of assets against 60000 owed: 1.1666... down to 1.16, level 3 (below 1.2)
    const rate = bitmartRiskRate({ asset: d('70000'), liability: d('60000') });
    expect(rate.toString()).to.equal('1.16');
    expect(bitmartRiskLevel(rate)).to.equal('3');
    expect(bitmartRiskLevel(d('1.2'))).to.equal('2');
    expect(bitmartRiskLevel(d('1.5'))).to.equal('1');
    expect(bitmartRiskRate({ asset: d('1'), liability: d('0') }).toString()).to.equal('999');
    // 1 BTC and 10000 USDT owing 1 BTC: (1 p + 10000) = 1.1 (1 p) at p = 100000
    const position = { baseTotal: d('1'), baseDebt: d('1'), quoteTotal: d('10000'), quoteDebt: d('0') };
    expect(liquidatePrice(position, d('1.1'), 1)!.toString()).to.equal('100000');
    // Long 1 BTC on 50000 USDT borrowed, 10000 USDT own: p + 10000 = 1.1 * 50000 at p = 45000
    const long = { baseTotal: d('1'), baseDebt: d('0'), quoteTotal: d('10000'), quoteDebt: d('50000') };
    expect(liquidatePrice(long, d('1.1'), 1)!.toString()).to.equal('45000');
    expect(liquidatePrice({ ...position, baseDebt: d('0') }, d('1.1'), 1)).to.equal(null);
  });
});

describe('sandbox: KuCoin margin accounts', () => {
  it('answers the SDK fields with the SDK types, and the venue defaults', async () => {
    const t = sandboxWith({ USDT: '1000', BTC: '0.1' });
    const cross = await get(t, '/api/v3/margin/accounts');
    expect(cross.code).to.equal('200000');
    expect(Object.keys(cross.data).sort()).to.deep.equal(['accounts', 'debtRatio', 'status', 'totalAssetOfQuoteCurrency', 'totalLiabilityOfQuoteCurrency']);
    for (const key of ['debtRatio', 'status', 'totalAssetOfQuoteCurrency', 'totalLiabilityOfQuoteCurrency']) expect(typeof cross.data[key], key).to.equal('string');
    expect(cross.data.accounts.map((a: { currency: string }) => a.currency)).to.deep.equal(CURRENCIES.map((c) => c.currency));
    for (const asset of cross.data.accounts) {
      expect(Object.keys(asset).sort()).to.deep.equal([...ASSET_STRINGS, ...ASSET_BOOLEANS].sort());
      for (const key of ASSET_STRINGS) expect(typeof asset[key], key).to.equal('string');
      for (const key of ASSET_BOOLEANS) expect(typeof asset[key], key).to.equal('boolean');
    }
    expect(line(cross.data, 'LUNC')).to.include({ borrowEnabled: false, maxBorrowSize: '0' });
    // Defaults: quoteCurrency USDT and queryType MARGIN, spelled out or not.
    expect((await get(t, '/api/v3/margin/accounts?quoteCurrency=USDT&queryType=MARGIN')).data).to.deep.equal(cross.data);

    const isolated = await get(t, '/api/v3/isolated/accounts');
    expect(Object.keys(isolated.data).sort()).to.deep.equal(['assets', 'timestamp', 'totalAssetOfQuoteCurrency', 'totalLiabilityOfQuoteCurrency']);
    expect(isolated.data.timestamp).to.equal(t.now);
    for (const pair of isolated.data.assets) {
      expect(Object.keys(pair).sort()).to.deep.equal(['baseAsset', 'debtRatio', 'quoteAsset', 'status', 'symbol']);
      expect(typeof pair.debtRatio).to.equal('string');
      for (const side of [pair.baseAsset, pair.quoteAsset]) expect(Object.keys(side).sort()).to.deep.equal([...ASSET_STRINGS, ...ASSET_BOOLEANS].sort());
    }
    expect(isolated.data.assets.map((a: { symbol: string }) => a.symbol)).to.include.members(['BTC-USDT', 'LUNC-USDT']);
    expect(isolated.data.assets.map((a: { symbol: string }) => a.symbol)).not.to.include('ADA-USDT');
  });

  it('refuses bad parameters with the venue envelope', async () => {
    const t = sandboxAt();
    const cases: Array<[string, string]> = [
      ['/api/v3/margin/accounts?quoteCurrency=EUR', 'quoteCurrency must be one of USDT, KCS, BTC'],
      ['/api/v3/margin/accounts?queryType=ISOLATED', 'queryType must be one of MARGIN, MARGIN_V2, ALL'],
      ['/api/v3/margin/accounts?symbol=BTC-USDT', 'symbol is not a parameter of this endpoint'],
      ['/api/v3/isolated/accounts?queryType=MARGIN', 'queryType must be one of ISOLATED, ISOLATED_V2, ALL'],
      ['/api/v3/isolated/accounts?symbol=ADA-USDT', 'ADA-USDT is not an isolated margin symbol'],
    ];
    for (const [path, msg] of cases) {
      const { status, json } = await kucoinCall(t.sandbox, t.now, 'GET', path);
      expect([status, json.code, json.msg], path).to.deep.equal([400, '400100', msg]);
    }
    expect((await kucoinCall(t.sandbox, t.now, 'GET', '/api/v3/margin/accounts', undefined, { sign: false })).status).to.equal(401);
  });

  it('moves by exactly the borrow, the hold of an order and the interest, and agrees with the histories', async () => {
    const t = sandboxWith({ USDT: '1000', BTC: '0.1' });
    t.sandbox.state.loans.marketRate = (currency) => (currency === 'USDT' ? d('0.0876') : undefined);
    await at(t, 0, { 'BTC-USDT': '60000' });
    const transport = sandboxTransport(t);
    const hf = () => getCrossMarginAccount(transport, { queryType: 'MARGIN_V2' });

    const before = await hf();
    // 1000 + 0.1 * 60000
    expect(before.totalAssetOfQuoteCurrency.toString()).to.equal('7000');
    expect([before.debtRatio.toString(), before.status]).to.deep.equal(['0', 'EFFECTIVE']);
    expect(line(before, 'USDT')).to.deep.include({ currency: 'USDT' });
    const usdt0 = before.accounts.find((a) => a.currency === 'USDT')!;
    expect(usdt0.maxBorrowSize.toString()).to.equal('1000000');

    const venue = kucoinVenue(transport, new Hub(), 'cross');
    await venue.borrow({ currency: 'USDT', amount: '2000' });
    const borrowed = await hf();
    const usdt1 = borrowed.accounts.find((a) => a.currency === 'USDT')!;
    expect(usdt1.available.minus(usdt0.available).toString()).to.equal('2000');
    expect([usdt1.liability.toString(), usdt1.liabilityPrincipal.toString(), usdt1.liabilityInterest.toString()]).to.deep.equal(['2000', '2000', '0']);
    expect(usdt1.maxBorrowSize.toString()).to.equal('998000');
    // 9000 of assets against 2000 owed: 0.2222... up to 0.2223
    expect([borrowed.totalAssetOfQuoteCurrency.toString(), borrowed.totalLiabilityOfQuoteCurrency.toString(), borrowed.debtRatio.toString()]).to.deep.equal(['9000', '2000', '0.2223']);
    // The classic account never saw the HF loan.
    const classic = await getCrossMarginAccount(transport);
    expect(classic.accounts.find((a) => a.currency === 'USDT')!.liability.toString()).to.equal('0');

    // A resting HF buy holds price * size plus the maker fee: 0.01 * 50000 * 1.0008 = 500.4
    const order = await addOrder(transport, { clientOid: 'acct-1', side: 'buy', symbol: 'BTC-USDT', price: '50000', size: '0.01' });
    expect((await getOrderByOrderId(transport, { orderId: order.orderId, symbol: 'BTC-USDT' })).active).to.equal(true);
    const holding = await hf();
    const usdt2 = holding.accounts.find((a) => a.currency === 'USDT')!;
    expect([usdt2.hold.toString(), usdt1.available.minus(usdt2.available).toString(), usdt2.total.toString()]).to.deep.equal(['500.4', '500.4', usdt1.total.toString()]);
    expect(holding.totalAssetOfQuoteCurrency.toString()).to.equal('9000');

    // One hour boundary: 2000 * (0.0876 / 365) / 24 = 0.02 of interest.
    await at(t, HOUR, { 'BTC-USDT': '60000' });
    const accrued = await hf();
    const usdt3 = accrued.accounts.find((a) => a.currency === 'USDT')!;
    expect([usdt3.liabilityInterest.toString(), usdt3.liability.toString()]).to.deep.equal(['0.02', '2000.02']);
    const interest = await getInterestHistory(transport, { currency: 'USDT' });
    expect(interest.items.reduce((sum, i) => sum.plus(i.interestAmount), d('0')).toString()).to.equal(usdt3.liabilityInterest.toString());
    const borrows = await getBorrowHistory(transport, { currency: 'USDT' });
    expect(borrows.items.reduce((sum, b) => sum.plus(b.actualSize), d('0')).toString()).to.equal(usdt3.liabilityPrincipal.toString());
    // 9000 against 2000.02: 0.22222444... up to 0.2223
    expect(accrued.debtRatio.toString()).to.equal('0.2223');

    // "Get Margin Risk Limit" agrees: buyMaxAmount is what is available plus what may still be borrowed.
    const [risk] = await getMarginRiskLimit(transport, { currency: 'USDT' });
    expect(risk!.buyMaxAmount!.toString()).to.equal(usdt3.available.plus(usdt3.maxBorrowSize).toString());
    expect(risk!.borrowMaxAmount!.minus(usdt3.liabilityPrincipal).toString()).to.equal(usdt3.maxBorrowSize.toString());

    // queryType ALL adds the classic account (1000 USDT, no debt) to the HF one.
    const all = await getCrossMarginAccount(transport, { queryType: 'ALL' });
    const allUsdt = all.accounts.find((a) => a.currency === 'USDT')!;
    expect(allUsdt.available.toString()).to.equal(usdt3.available.plus(1000).toString());
    expect(allUsdt.liability.toString()).to.equal('2000.02');
    // In BTC: 16000 / 60000 and 2000.02 / 60000, 8 places
    const inBtc = await getCrossMarginAccount(transport, { queryType: 'ALL', quoteCurrency: 'BTC' });
    expect([inBtc.totalAssetOfQuoteCurrency.toString(), inBtc.totalLiabilityOfQuoteCurrency.toString()]).to.deep.equal(['0.26666666', '0.03333367']);
  });

  it('borrow, an HF order with autoRepay and repay all act on the one HF account', async () => {
    const t = sandboxWith({ USDT: '10000' });
    await at(t, 0, { 'BTC-USDT': '60000' });
    const transport = sandboxTransport(t);
    const btc = async (queryType: 'MARGIN' | 'MARGIN_V2') =>
      (await getCrossMarginAccount(transport, { queryType })).accounts.find((a) => a.currency === 'BTC')!;
    const venue = kucoinVenue(transport, new Hub(), 'cross');

    await venue.borrow({ currency: 'BTC', amount: '0.02' });
    expect((await btc('MARGIN_V2')).liability.toString()).to.equal('0.02');
    // A market buy of 0.01 BTC with autoRepay repays what the fill brings in.
    const order = await addOrder(transport, { clientOid: 'hf-repay', side: 'buy', symbol: 'BTC-USDT', type: 'market', size: '0.01', autoRepay: true });
    expect((await getOrderByOrderId(transport, { orderId: order.orderId, symbol: 'BTC-USDT' })).dealSize.toString()).to.equal('0.01');
    const afterOrder = await btc('MARGIN_V2');
    expect([afterOrder.liability.toString(), afterOrder.available.toString()]).to.deep.equal(['0.01', '0.02']);
    await venue.repay({ currency: 'BTC', amount: '0.01' });
    const afterRepay = await btc('MARGIN_V2');
    expect([afterRepay.liability.toString(), afterRepay.available.toString()]).to.deep.equal(['0', '0.01']);
    // Two repayments on record, and the classic account untouched throughout.
    expect((await getRepayHistory(transport, { currency: 'BTC' })).items.map((r) => r.size.toString())).to.deep.equal(['0.01', '0.01']);
    const classic = await btc('MARGIN');
    expect([classic.liability.toString(), classic.available.toString()]).to.deep.equal(['0', '0']);
  });

  it('isolated: one pair derived from its wallet, its debt ratio and status as the mark moves', async () => {
    const t = sandboxAt();
    await at(t, 0, { 'BTC-USDT': '60000' });
    const transport = sandboxTransport(t);
    await kucoinVenue(transport, new Hub(), 'isolated').borrow({ currency: 'BTC', symbol: 'BTC-USDT', amount: '0.5' });
    const pair = async () => (await getIsolatedMarginAccount(transport, { symbol: 'BTC-USDT', queryType: 'ISOLATED_V2' })).assets[0]!;
    const a = await pair();
    // A new pair starts with 10 000 USDT: 10000 + 0.5 * 60000 = 40000 against 30000, 0.75
    expect([a.symbol, a.debtRatio.toString(), a.status]).to.deep.equal(['BTC-USDT', '0.75', 'EFFECTIVE']);
    expect([a.baseAsset.liability.toString(), a.baseAsset.available.toString(), a.quoteAsset.total.toString()]).to.deep.equal(['0.5', '0.5', '10000']);
    // The pair lends a tenth of the 75 BTC cross limit: 7.5 - 0.5
    expect(a.baseAsset.maxBorrowSize.toString()).to.equal('7');
    // At 700000: 360000 against 350000, 0.97222... up to 0.9723: liquidation
    t.sandbox.state.markPrices.set('BTC-USDT', '700000');
    const b = await pair();
    expect([b.debtRatio.toString(), b.status]).to.deep.equal(['0.9723', 'LIQUIDATION']);
    const classic = (await getIsolatedMarginAccount(transport, { symbol: 'BTC-USDT' })).assets[0]!;
    expect([classic.baseAsset.liability.toString(), classic.debtRatio.toString()]).to.deep.equal(['0', '0']);
  });
});

describe('sandbox: BitMart isolated margin account', () => {
  it('answers every pair as strings of 8 decimals, with null liquidate_price without debt', async () => {
    const t = sandboxAt();
    const { json } = await bitmartCall(t.sandbox, t.now, 'GET', '/spot/v1/margin/isolated/account');
    expect(json.code).to.equal(1000);
    const btc = json.data.symbols.find((s: { symbol: string }) => s.symbol === 'BTC_USDT');
    expect(Object.keys(btc).sort()).to.deep.equal(
      ['symbol', 'risk_rate', 'risk_level', 'buy_enabled', 'sell_enabled', 'liquidate_price', 'liquidate_rate', 'base', 'quote'].sort(),
    );
    expect(btc).to.include({ risk_rate: '999.00', risk_level: '1', liquidate_price: null, liquidate_rate: '1.15', buy_enabled: true });
    expect(Object.keys(btc.quote).sort()).to.deep.equal([...BITMART_SIDE].sort());
    expect(btc.quote).to.include({ currency: 'USDT', available: '10000.00000000', total_asset: '10000.00000000', borrowed: '0.00000000' });
    expect(json.data.symbols.find((s: { symbol: string }) => s.symbol === 'LTC_USDT')).to.include({ buy_enabled: false });
  });

  it('moves with a borrow and its interest, and agrees with the borrow record', async () => {
    const t = sandboxAt();
    const transport = bitmartSandboxTransport(t);
    await at(t, 0, { 'BTC-USDT': '60000' });
    await bitmartCall(t.sandbox, t.now, 'POST', '/spot/v1/margin/isolated/borrow', { symbol: 'BTC_USDT', currency: 'BTC', amount: '1' });
    const [pair] = await getMarginAccountDetailsIsolated(transport, { symbol: 'BTC_USDT' });
    // 1 BTC + 10000 USDT = 70000 against 60000: 1.16, level 3; liquidated when p + 10000 = 1.15 p,
    // at 10000 / 0.15 = 66666.66..., on the pair's 0.1 tick: 66666.7
    expect([pair!.risk_rate.toString(), pair!.risk_level, pair!.liquidate_price!.toString()]).to.deep.equal(['1.16', '3', '66666.7']);
    expect([pair!.base.borrowed.toString(), pair!.base.available.toString(), pair!.base.net_asset.toString()]).to.deep.equal(['1', '1', '0']);
    // 10000 USDT is 10000 / 60000 BTC, 8 places down
    expect(pair!.quote.net_assetBTC.toString()).to.equal('0.16666666');

    // One hour: 1 * 0.0005 / 24 = 0.0000208333... up to 0.00002084, as the borrow record says.
    await at(t, HOUR, { 'BTC-USDT': '60000' });
    const [later] = await getMarginAccountDetailsIsolated(transport, { symbol: 'BTC_USDT' });
    expect(later!.base.interest_unpaid.toString()).to.equal('0.00002084');
    const record = await bitmartCall(t.sandbox, t.now, 'GET', '/spot/v1/margin/isolated/borrow_record?symbol=BTC_USDT');
    expect(record.json.data.records[0].interest_amount).to.equal('0.00002084');
  });

  it('refuses an unknown pair and unknown parameters with BitMart codes', async () => {
    const t = sandboxAt();
    const unknown = await bitmartCall(t.sandbox, t.now, 'GET', '/spot/v1/margin/isolated/account?symbol=FOO_USDT');
    expect([unknown.status, unknown.json.code]).to.deep.equal([400, 50001]);
    const extra = await bitmartCall(t.sandbox, t.now, 'GET', '/spot/v1/margin/isolated/account?currency=BTC');
    expect([extra.status, extra.json.code]).to.deep.equal([400, 50000]);
  });
});
