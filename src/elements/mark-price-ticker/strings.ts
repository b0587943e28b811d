/** Every word `<margin-mark-price-ticker>` shows, in one place for translation. */
export const tickerStrings = {
  label: 'Mark prices',
  symbol: 'Symbol',
  markPrice: 'Mark price',
  change: 'Change since opened',
  sinceOpened: 'since opened',
  up: 'up',
  down: 'down',
  pause: 'Pause ticker',
  tradingOff: 'Trading off',
  tradingOffTitle: 'Trading is turned off for this symbol',
  loading: 'Loading mark prices…',
  noSymbol: 'No symbol to show: set the symbols attribute, for example symbols="BTC-USDT".',
  noPrices: 'No mark prices to show.',
  unknownSymbols: (symbols: readonly string[]) =>
    `No mark price for ${symbols.join(', ')}: ${symbols.length === 1 ? 'it is' : 'they are'} not margin symbols.`,
  announce: (symbol: string, price: string, change: string) =>
    change ? `${symbol} mark price ${price}, ${change} since opened` : `${symbol} mark price ${price}`,
};
