/**
 * BitMart "Get Margin Account Details(Isolated)" (DESIGN.md "Beyond the seeds: margin accounts"),
 * KEYED. BitMart sends numbers as strings, read here as exact decimals; `liquidate_price` is null
 * while the pair owes nothing.
 */
import type { Decimal } from '../../core/decimal.js';
import { sendForObject } from '../call.js';
import type { FieldReader } from '../read.js';
import type { Transport } from '../transport.js';
import type { CallOptions } from '../kucoin/types.js';

export interface IsolatedAccountSide {
  currency: string;
  borrow_enabled: boolean;
  /** Principal still borrowed. */
  borrowed: Decimal;
  available: Decimal;
  /** Held by open orders. */
  frozen: Decimal;
  /** `total_asset` less what is owed. */
  net_asset: Decimal;
  /** `net_asset` valued in BTC. */
  net_assetBTC: Decimal;
  total_asset: Decimal;
  borrow_unpaid: Decimal;
  interest_unpaid: Decimal;
}

export interface IsolatedAccountPair {
  symbol: string;
  /** Assets over liabilities: the lower, the nearer liquidation (at `liquidate_rate`). */
  risk_rate: Decimal;
  risk_level: string;
  buy_enabled: boolean;
  sell_enabled: boolean;
  /** The base price at which the pair is liquidated; absent without debt. */
  liquidate_price: Decimal | undefined;
  liquidate_rate: Decimal;
  base: IsolatedAccountSide;
  quote: IsolatedAccountSide;
}

function readSide(r: FieldReader): IsolatedAccountSide {
  return {
    currency: r.str('currency'),
    borrow_enabled: r.bool('borrow_enabled'),
    borrowed: r.dec('borrowed'),
    available: r.dec('available'),
    frozen: r.dec('frozen'),
    net_asset: r.dec('net_asset'),
    net_assetBTC: r.dec('net_assetBTC'),
    total_asset: r.dec('total_asset'),
    borrow_unpaid: r.dec('borrow_unpaid'),
    interest_unpaid: r.dec('interest_unpaid'),
  };
}

/** `GET /spot/v1/margin/isolated/account`: every isolated pair's wallet, or one `symbol`'s. */
export function getMarginAccountDetailsIsolated(transport: Transport, params: { symbol?: string } = {}, options: CallOptions = {}): Promise<IsolatedAccountPair[]> {
  const call = { name: 'getMarginAccountDetailsIsolated', venue: 'bitmart', method: 'GET', path: '/spot/v1/margin/isolated/account', query: { symbol: params.symbol } } as const;
  return sendForObject(transport, call, options, (r) =>
    r.list('symbols', (p) => ({
      symbol: p.str('symbol'),
      risk_rate: p.dec('risk_rate'),
      risk_level: p.str('risk_level'),
      buy_enabled: p.bool('buy_enabled'),
      sell_enabled: p.bool('sell_enabled'),
      liquidate_price: p.optDec('liquidate_price'),
      liquidate_rate: p.dec('liquidate_rate'),
      base: readSide(p.obj('base')),
      quote: readSide(p.obj('quote')),
    })),
  );
}
