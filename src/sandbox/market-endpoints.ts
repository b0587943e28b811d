/** Market data (public): symbols, ETF info, mark prices, margin config. */
import { CURRENCIES, MARGIN_CONFIG, SYMBOLS } from './fixtures.js';
import { ParamReader, type EndpointImpl } from './context.js';
import { KUCOIN } from './errors.js';
import { jsonNumber } from './json.js';

export const marketEndpoints: Record<string, EndpointImpl> = {
  getCrossMarginSymbols(ctx) {
    const q = ParamReader.query(ctx);
    const symbol = q.optString('symbol');
    q.done();
    const items = SYMBOLS.filter((s) => !symbol || s.symbol === symbol).map((s) => ({
      symbol: s.symbol,
      name: s.symbol,
      enableTrading: s.enableTrading,
      market: s.quoteCurrency,
      baseCurrency: s.baseCurrency,
      quoteCurrency: s.quoteCurrency,
      baseIncrement: s.baseIncrement,
      baseMinSize: s.baseMinSize,
      quoteIncrement: s.quoteIncrement,
      quoteMinSize: s.quoteMinSize,
      baseMaxSize: s.baseMaxSize,
      quoteMaxSize: s.quoteMaxSize,
      priceIncrement: s.priceIncrement,
      feeCurrency: s.quoteCurrency,
      priceLimitRate: '0.1',
      minFunds: s.minFunds,
    }));
    return { timestamp: ctx.now, items };
  },

  getEtfInfo(ctx) {
    const q = ParamReader.query(ctx);
    const currency = q.optString('currency');
    q.done();
    const etfs = ['BTC3L', 'BTC3S', 'ETH3L', 'ETH3S'].map((etf) => {
      const underlying = etf.startsWith('BTC') ? 'BTC-USDT' : 'ETH-USDT';
      const long = etf.endsWith('L');
      const mark = ctx.state.markPrices.get(underlying)!;
      return {
        currency: etf,
        netAsset: mark.div(long ? 20000 : 40000).toDecimalPlaces(8).toString(),
        targetLeverage: '2-4',
        actualLeverage: long ? '2.9731' : '3.0412',
        issuedSize: long ? '12000000' : '8000000',
        basket: `${long ? '' : '-'}118.8 ${underlying.split('-')[0]}`,
      };
    });
    return etfs.filter((e) => !currency || e.currency === currency);
  },

  getMarkPriceDetail(ctx) {
    const symbol = ctx.params.symbol!;
    const value = ctx.state.markPrices.get(symbol);
    if (!value) throw KUCOIN.badRequest(`${symbol} is not a margin symbol`);
    ParamReader.query(ctx).done();
    // The doc types `value` as a number: sent as a JSON number, as KuCoin does.
    return { symbol, timePoint: ctx.now, value: jsonNumber(value) };
  },

  getMarginConfig(ctx) {
    ParamReader.query(ctx).done();
    return {
      currencyList: CURRENCIES.filter((c) => c.borrowEnabled).map((c) => c.currency),
      maxLeverage: MARGIN_CONFIG.maxLeverage,
      warningDebtRatio: MARGIN_CONFIG.warningDebtRatio,
      liqDebtRatio: MARGIN_CONFIG.liqDebtRatio,
    };
  },

  getMarkPriceList(ctx) {
    ParamReader.query(ctx).done();
    return ctx.state.markPrices.symbols().map((symbol) => ({
      symbol,
      timePoint: ctx.now,
      value: jsonNumber(ctx.state.markPrices.get(symbol)!),
    }));
  },

  getIsolatedMarginSymbols(ctx) {
    ParamReader.query(ctx).done();
    return SYMBOLS.filter((s) => s.isolated).map((s) => ({
      symbol: s.symbol,
      symbolName: s.symbol,
      baseCurrency: s.baseCurrency,
      quoteCurrency: s.quoteCurrency,
      maxLeverage: s.isolated!.maxLeverage,
      flDebtRatio: '0.97',
      tradeEnable: s.isolated!.tradeEnable,
      autoRenewMaxDebtRatio: '0.96',
      baseBorrowEnable: s.isolated!.baseBorrowEnable,
      quoteBorrowEnable: s.isolated!.quoteBorrowEnable,
      baseTransferInEnable: true,
      quoteTransferInEnable: true,
      baseBorrowCoefficient: '1',
      quoteBorrowCoefficient: '1',
    }));
  },
};
