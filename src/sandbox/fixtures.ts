/**
 * The sandbox's market: symbols with realistic increments and limits (modelled on KuCoin's
 * own), some with trading or borrowing turned off so those states can be shown.
 */

export interface SymbolFixture {
  symbol: string;
  baseCurrency: string;
  quoteCurrency: string;
  /** Starting mark price. */
  price: string;
  priceIncrement: string;
  baseIncrement: string;
  baseMinSize: string;
  baseMaxSize: string;
  quoteIncrement: string;
  quoteMinSize: string;
  quoteMaxSize: string;
  minFunds: string;
  enableTrading: boolean;
  /** Listed for isolated margin too, with this max leverage. */
  isolated?: { maxLeverage: number; tradeEnable: boolean; baseBorrowEnable: boolean; quoteBorrowEnable: boolean };
}

const s = (
  symbol: string,
  price: string,
  priceIncrement: string,
  baseIncrement: string,
  baseMinSize: string,
  extra: Partial<SymbolFixture> = {},
): SymbolFixture => {
  const [baseCurrency, quoteCurrency] = symbol.split('-') as [string, string];
  return {
    symbol,
    baseCurrency,
    quoteCurrency,
    price,
    priceIncrement,
    baseIncrement,
    baseMinSize,
    baseMaxSize: '10000000000',
    quoteIncrement: priceIncrement,
    quoteMinSize: quoteCurrency === 'BTC' ? '0.00001' : '0.1',
    quoteMaxSize: '99999999',
    minFunds: quoteCurrency === 'BTC' ? '0.000001' : '0.1',
    enableTrading: true,
    ...extra,
  };
};

const iso = (maxLeverage = 10, overrides: Partial<NonNullable<SymbolFixture['isolated']>> = {}) => ({
  isolated: { maxLeverage, tradeEnable: true, baseBorrowEnable: true, quoteBorrowEnable: true, ...overrides },
});

export const SYMBOLS: readonly SymbolFixture[] = [
  s('BTC-USDT', '67250.4', '0.1', '0.00000001', '0.00001', { quoteIncrement: '0.000001', ...iso(10) }),
  s('ETH-USDT', '3412.57', '0.01', '0.0000001', '0.0001', { quoteIncrement: '0.000001', ...iso(10) }),
  s('SOL-USDT', '151.243', '0.001', '0.0001', '0.01', iso(10)),
  s('XRP-USDT', '0.52341', '0.00001', '0.0001', '0.1', iso(5)),
  s('DOGE-USDT', '0.123456', '0.000001', '0.0001', '10', iso(5)),
  s('ADA-USDT', '0.4512', '0.0001', '0.0001', '0.1'),
  s('AVAX-USDT', '35.123', '0.001', '0.0001', '0.01', iso(5, { quoteBorrowEnable: false })),
  s('DOT-USDT', '7.0123', '0.0001', '0.0001', '0.01'),
  s('LINK-USDT', '14.2345', '0.0001', '0.0001', '0.01', iso(5)),
  s('LTC-USDT', '80.12', '0.01', '0.000001', '0.001'),
  s('TRX-USDT', '0.112345', '0.000001', '0.0001', '10'),
  s('ATOM-USDT', '9.1234', '0.0001', '0.0001', '0.01'),
  s('NEAR-USDT', '5.123', '0.001', '0.0001', '0.1'),
  s('KCS-USDT', '10.123', '0.001', '0.0001', '0.01', iso(5)),
  s('ETH-BTC', '0.05123', '0.00001', '0.0000001', '0.0001', { quoteIncrement: '0.000001' }),
  s('BTC-USDC', '67251.2', '0.1', '0.00000001', '0.00001'),
  s('ETH-USDC', '3412.61', '0.01', '0.0000001', '0.0001'),
  s('SHIB-USDT', '0.00002512', '0.00000001', '1', '10000'),
  s('PEPE-USDT', '0.0000123456', '0.0000000001', '1', '100000'),
  // Listed but not tradable: shows the disabled state.
  s('LUNC-USDT', '0.00009123', '0.00000001', '1', '1000', { enableTrading: false, ...iso(3, { tradeEnable: false, baseBorrowEnable: false, quoteBorrowEnable: false }) }),
];

export interface CurrencyFixture {
  currency: string;
  /** KuCoin cross risk limit. */
  borrowMaxAmount: string;
  borrowMinAmount: string;
  borrowMinUnit: string;
  precision: number;
  borrowEnabled: boolean;
  /** Lending market. */
  marketInterestRate: string;
  minPurchaseSize: string;
  maxPurchaseSize: string;
  increment: string;
  purchaseEnable: boolean;
  redeemEnable: boolean;
  /** What each demo account starts with (main and cross margin alike). */
  startingBalance: string;
}

const c = (
  currency: string,
  borrowMaxAmount: string,
  borrowMinUnit: string,
  precision: number,
  marketInterestRate: string,
  startingBalance: string,
  extra: Partial<CurrencyFixture> = {},
): CurrencyFixture => ({
  currency,
  borrowMaxAmount,
  borrowMinAmount: borrowMinUnit,
  borrowMinUnit,
  precision,
  borrowEnabled: true,
  marketInterestRate,
  minPurchaseSize: borrowMinUnit,
  maxPurchaseSize: borrowMaxAmount,
  increment: borrowMinUnit,
  purchaseEnable: true,
  redeemEnable: true,
  startingBalance,
  ...extra,
});

export const CURRENCIES: readonly CurrencyFixture[] = [
  c('USDT', '1000000', '1', 8, '0.0876', '100000'),
  c('USDC', '500000', '1', 8, '0.0732', '50000'),
  c('BTC', '75', '0.0001', 8, '0.0123', '2'),
  c('ETH', '1000', '0.001', 8, '0.0198', '20'),
  c('SOL', '20000', '0.01', 8, '0.0345', '200'),
  c('XRP', '2000000', '1', 8, '0.0412', '20000'),
  c('DOGE', '10000000', '10', 8, '0.0512', '100000'),
  c('ADA', '2000000', '1', 8, '0.0298', '10000'),
  c('AVAX', '50000', '0.01', 8, '0.0377', '100'),
  c('DOT', '200000', '0.1', 8, '0.0311', '500'),
  c('LINK', '100000', '0.1', 8, '0.0287', '300'),
  c('LTC', '20000', '0.01', 8, '0.0255', '50'),
  c('TRX', '10000000', '10', 8, '0.0222', '50000'),
  c('ATOM', '200000', '0.1', 8, '0.0399', '300'),
  c('NEAR', '200000', '0.1', 8, '0.0421', '500'),
  // A minimum above the unit, so the "below the minimum" refusals can be shown.
  c('KCS', '100000', '0.1', 8, '0.0156', '100', { borrowMinAmount: '1', minPurchaseSize: '1' }),
  c('SHIB', '50000000000', '1000', 2, '0.0612', '100000000'),
  c('PEPE', '100000000000', '10000', 2, '0.0788', '1000000000'),
  // Borrowing and lending off: shows the disabled state.
  c('LUNC', '0', '1000', 2, '0.1', '0', { borrowEnabled: false, purchaseEnable: false, redeemEnable: false }),
];

export interface BitmartPairFixture {
  symbol: string;
  maxLeverage: string;
  enabled: boolean;
  base: { currency: string; dailyInterest: string; maxBorrow: string; minBorrow: string };
  quote: { currency: string; dailyInterest: string; maxBorrow: string; minBorrow: string };
}

const pair = (symbol: string, baseMax: string, baseMin: string, quoteMax: string, enabled = true): BitmartPairFixture => {
  const [base, quote] = symbol.split('_') as [string, string];
  return {
    symbol,
    maxLeverage: '10',
    enabled,
    base: { currency: base, dailyInterest: '0.0005', maxBorrow: baseMax, minBorrow: baseMin },
    quote: { currency: quote, dailyInterest: '0.0003', maxBorrow: quoteMax, minBorrow: '1' },
  };
};

export const BITMART_PAIRS: readonly BitmartPairFixture[] = [
  pair('BTC_USDT', '10', '0.0001', '200000'),
  pair('ETH_USDT', '100', '0.001', '200000'),
  pair('SOL_USDT', '2000', '0.01', '100000'),
  pair('XRP_USDT', '500000', '1', '100000'),
  pair('DOGE_USDT', '1000000', '10', '50000'),
  pair('LTC_USDT', '500', '0.01', '50000', false),
];

export const MARGIN_CONFIG = {
  maxLeverage: 5,
  warningDebtRatio: '0.95',
  liqDebtRatio: '0.97',
};

/** Credentials the demo, Storybook and tests use when none are given (never real keys). */
export const DEMO_CREDENTIALS = {
  kucoin: { apiKey: 'sandbox-kucoin-key', apiSecret: 'sandbox-kucoin-secret', apiPassphrase: 'sandbox-passphrase', apiKeyVersion: '3' as const },
  bitmart: { apiKey: 'sandbox-bitmart-key', apiSecret: 'sandbox-bitmart-secret', memo: 'sandbox-memo' },
};
