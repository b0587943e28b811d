/**
 * Real clients must be able to read the sandbox's margin accounts. Each check below reads the raw
 * answer with exactly the field access of a public client and asserts that every field it reads
 * is there with the type it expects:
 * - ccxt's kucoin `fetchBalance` (margin) and `parseBalanceHelper`: `ccxt/ccxt`, `ts/src/kucoin.ts`
 *   (commit 002c1d1bb8bc370ce0fd212467209c003b59d180). `parseBalanceHelper` reads
 *   `holdBalance`|`hold`, `availableBalance`|`available`, `totalBalance`|`total`, `liability` and
 *   `interest` (added to the debt when present); `fetchBalance` reads `data.accounts[].currency`
 *   (cross) and `data.assets[].symbol`, `.baseAsset`, `.quoteAsset`, `.currency` (isolated).
 * - ccxt's bitmart `fetchBalance` (margin) with `customParseBalance` and `parseBalanceHelper`:
 *   `ccxt/ccxt`, `ts/src/bitmart.ts` (commit 00209446330f7713d44fc80e50124bc6e54e04e4): it reads
 *   `data.symbols[].symbol`, `.base`, `.quote`, their `currency`, and `frozen`, `available`,
 *   `total_asset`, `borrow_unpaid` + `interest_unpaid` (the debt).
 * - KuCoin's official SDK response models: `Kucoin/kucoin-universal-sdk`,
 *   `sdk/node/src/generate/account/account/model_get_cross_margin_account_resp.ts`,
 *   `model_get_cross_margin_account_accounts.ts`, `model_get_isolated_margin_account_resp.ts`,
 *   `model_get_isolated_margin_account_assets.ts`, `model_get_isolated_margin_account_assets_base_asset.ts`
 *   (and `_quote_asset.ts`): the fields and TypeScript types listed in SDK_* below.
 */
import { expect } from '@open-wc/testing';
import { bitmartCall, kucoinCall, sandboxAt } from '../helpers/sandbox.js';

type Json = Record<string, unknown>;

/** ccxt's `safeString`: a string, or a number written as one; anything else is undefined. */
function safeString(entry: Json, key: string): string | undefined {
  const value = entry[key];
  return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}
const safeString2 = (entry: Json, a: string, b: string) => safeString(entry, a) ?? safeString(entry, b);
/** ccxt's `safeDict` / `safeList`. */
const safeDict = (entry: Json, key: string): Json | undefined => {
  const v = entry[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
};
const safeList = (entry: Json, key: string): Json[] | undefined => (Array.isArray(entry[key]) ? (entry[key] as Json[]) : undefined);

/** ccxt `Precise.stringAdd`: a missing side leaves the other. */
function stringAdd(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return String(Number(a) + Number(b)); // only compared for presence here, never used as money
}

/** What ccxt's `parseBalanceHelper` makes of one entry; each field it needs must be a numeric string. */
function ccxtBalance(entry: Json, where: string): { used: string; free: string; total: string; debt: string } {
  const used = safeString2(entry, 'holdBalance', 'hold');
  const free = safeString2(entry, 'availableBalance', 'available');
  const total = safeString2(entry, 'totalBalance', 'total');
  const debt = stringAdd(safeString(entry, 'liability'), safeString(entry, 'interest'));
  for (const [name, value] of Object.entries({ used, free, total, debt })) {
    expect(value, `${where}: ccxt ${name}`).to.be.a('string');
    expect(Number.isFinite(Number(value)), `${where}: ccxt ${name} = ${value}`).to.equal(true);
  }
  return { used: used!, free: free!, total: total!, debt: debt! };
}

/** KuCoin SDK model fields, by the TypeScript type the SDK declares. */
const SDK_ASSET = {
  string: ['currency', 'total', 'available', 'hold', 'liability', 'maxBorrowSize', 'liabilityPrincipal', 'liabilityInterest'],
  boolean: ['borrowEnabled', 'transferInEnabled'],
};
const SDK_CROSS = { string: ['totalAssetOfQuoteCurrency', 'totalLiabilityOfQuoteCurrency', 'debtRatio', 'status'] };
const SDK_ISOLATED = { string: ['totalAssetOfQuoteCurrency', 'totalLiabilityOfQuoteCurrency'], number: ['timestamp'] };
const SDK_ISOLATED_PAIR = { string: ['symbol', 'status', 'debtRatio'] };

function expectSdkTypes(value: Json, model: { string?: string[]; boolean?: string[]; number?: string[] }, where: string): void {
  for (const [type, keys] of Object.entries(model)) {
    for (const key of keys) expect(typeof value[key], `${where}.${key}`).to.equal(type);
  }
}

async function answers() {
  const t = sandboxAt();
  // Some debt and a hold, so liabilities and holds are not all "0".
  await kucoinCall(t.sandbox, t.now, 'POST', '/api/v3/margin/borrow', { currency: 'USDT', size: '500', timeInForce: 'IOC', isHf: true });
  await kucoinCall(t.sandbox, t.now, 'POST', '/api/v3/margin/borrow', { currency: 'ETH', size: '1', timeInForce: 'IOC', isIsolated: true, symbol: 'ETH-USDT', isHf: true });
  await kucoinCall(t.sandbox, t.now, 'POST', '/api/v3/hf/margin/order', { clientOid: 'rc-1', side: 'buy', symbol: 'BTC-USDT', price: '60000', size: '0.001' });
  const cross = (await kucoinCall(t.sandbox, t.now, 'GET', '/api/v3/margin/accounts?queryType=MARGIN_V2')).json;
  const isolated = (await kucoinCall(t.sandbox, t.now, 'GET', '/api/v3/isolated/accounts?queryType=ISOLATED_V2')).json;
  return { cross, isolated };
}

describe('sandbox margin accounts, read by real clients', () => {
  it("ccxt kucoin fetchBalance (cross and isolated) finds every field parseBalanceHelper reads", async () => {
    const { cross, isolated } = await answers();
    // Cross: data.accounts[] by currency.
    const accounts = safeList(safeDict(cross, 'data') ?? {}, 'accounts');
    expect(accounts, 'ccxt data.accounts').to.be.an('array').that.is.not.empty;
    const byCode: Record<string, ReturnType<typeof ccxtBalance>> = {};
    for (const entry of accounts!) {
      const code = safeString(entry, 'currency');
      expect(code, 'ccxt currency').to.be.a('string');
      byCode[code!] = ccxtBalance(entry, `accounts.${code}`);
    }
    // The numbers ccxt shows are the sandbox's: the hold of the order and the debt of the loan.
    expect(byCode.USDT!.used).to.equal('60.048');
    expect(byCode.USDT!.debt).to.equal('500');

    // Isolated: data.assets[] with symbol, baseAsset and quoteAsset.
    const assets = safeList(safeDict(isolated, 'data') ?? {}, 'assets');
    expect(assets, 'ccxt data.assets').to.be.an('array').that.is.not.empty;
    for (const entry of assets!) {
      expect(safeString(entry, 'symbol'), 'ccxt symbol').to.be.a('string');
      for (const side of ['baseAsset', 'quoteAsset']) {
        const asset = safeDict(entry, side);
        expect(asset, `ccxt ${side}`).to.be.an('object');
        expect(safeString(asset!, 'currency'), `ccxt ${side}.currency`).to.be.a('string');
        ccxtBalance(asset!, `${String(entry.symbol)}.${side}`);
      }
    }
    const eth = assets!.find((a) => a.symbol === 'ETH-USDT')!;
    expect(ccxtBalance(safeDict(eth, 'baseAsset')!, 'ETH').debt).to.equal('1');
  });

  it("KuCoin's SDK getCrossMarginAccount / getIsolatedMarginAccount models find every field with its declared type", async () => {
    const { cross, isolated } = await answers();
    const crossData = cross.data as Json;
    expectSdkTypes(crossData, SDK_CROSS, 'GetCrossMarginAccountResp');
    expect(crossData.accounts).to.be.an('array').that.is.not.empty;
    for (const account of crossData.accounts as Json[]) expectSdkTypes(account, SDK_ASSET, `GetCrossMarginAccountAccounts ${String(account.currency)}`);

    const isolatedData = isolated.data as Json;
    expectSdkTypes(isolatedData, SDK_ISOLATED, 'GetIsolatedMarginAccountResp');
    expect(isolatedData.assets).to.be.an('array').that.is.not.empty;
    for (const pair of isolatedData.assets as Json[]) {
      expectSdkTypes(pair, SDK_ISOLATED_PAIR, `GetIsolatedMarginAccountAssets ${String(pair.symbol)}`);
      expectSdkTypes(pair.baseAsset as Json, SDK_ASSET, `${String(pair.symbol)} BaseAsset`);
      expectSdkTypes(pair.quoteAsset as Json, SDK_ASSET, `${String(pair.symbol)} QuoteAsset`);
    }
  });

  it('ccxt bitmart fetchBalance (margin) finds every field its parseBalanceHelper reads', async () => {
    const t = sandboxAt();
    await bitmartCall(t.sandbox, t.now, 'POST', '/spot/v1/margin/isolated/borrow', { symbol: 'ETH_USDT', currency: 'ETH', amount: '2' });
    const { json } = await bitmartCall(t.sandbox, t.now, 'GET', '/spot/v1/margin/isolated/account');
    const symbols = safeList(safeDict(json, 'data') ?? {}, 'symbols');
    expect(symbols, 'ccxt data.symbols').to.be.an('array').that.is.not.empty;
    const debts: Record<string, string> = {};
    for (const entry of symbols!) {
      expect(safeString(entry, 'symbol'), 'ccxt symbol').to.be.a('string');
      for (const side of ['base', 'quote']) {
        const asset = safeDict(entry, side)!;
        const currency = safeString(asset, 'currency');
        expect(currency, `ccxt ${side}.currency`).to.be.a('string');
        const read = {
          used: safeString(asset, 'frozen'),
          free: safeString(asset, 'available'),
          total: safeString(asset, 'total_asset'),
          debt: stringAdd(safeString(asset, 'borrow_unpaid'), safeString(asset, 'interest_unpaid')),
        };
        for (const [name, value] of Object.entries(read)) expect(Number.isFinite(Number(value)), `${String(entry.symbol)}.${side} ccxt ${name} = ${value}`).to.equal(true);
        debts[`${String(entry.symbol)} ${currency!}`] = read.debt!;
      }
    }
    expect(Number(debts['ETH_USDT ETH'])).to.equal(2);
  });
});
