/**
 * BitMart "Get Margin Account Details(Isolated)" (DESIGN.md "Beyond the seeds: margin accounts"),
 * KEYED. BitMart sends numbers as strings, read here as exact decimals; `liquidate_price` is null
 * while the pair owes nothing.
 */
import type { Decimal } from '../../core/decimal.js';
import { bitmart, sendForObject } from '../call.js';
import { objOf, type FieldReader } from '../read.js';
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

const SIDE = {
  currency: 'str', borrow_enabled: 'bool', borrowed: 'dec', available: 'dec', frozen: 'dec', net_asset: 'dec', net_assetBTC: 'dec',
  total_asset: 'dec', borrow_unpaid: 'dec', interest_unpaid: 'dec',
} as const;
const readSide = (r: FieldReader): IsolatedAccountSide => r.fields(SIDE);
const PAIR = {
  symbol: 'str', risk_rate: 'dec', risk_level: 'str', buy_enabled: 'bool', sell_enabled: 'bool', liquidate_price: 'optDec', liquidate_rate: 'dec',
  base: objOf(readSide), quote: objOf(readSide),
} as const;

/** `GET /spot/v1/margin/isolated/account`: every isolated pair's wallet, or one `symbol`'s. */
export async function getMarginAccountDetailsIsolated(transport: Transport, params: { symbol?: string } = {}, options: CallOptions = {}): Promise<IsolatedAccountPair[]> {
  const call = bitmart('getMarginAccountDetailsIsolated', 'GET', '/spot/v1/margin/isolated/account', { query: { symbol: params.symbol } });
  return sendForObject(transport, call, options, (r) => r.list('symbols', (p) => p.fields(PAIR)));
}
