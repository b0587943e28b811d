import { msg, str } from '@lit/localize';

/**
 * Every word `<margin-mark-price-ticker>` shows, in one place for translation; each read when the
 * element renders, so it follows the page's locale.
 */
export const tickerStrings = {
  get label() { return msg('Mark prices', { id: 'ticker.label' }); },
  get symbol() { return msg('Symbol', { id: 'ticker.symbol' }); },
  get markPrice() { return msg('Mark price', { id: 'ticker.markPrice' }); },
  get change() { return msg('Change since opened', { id: 'ticker.change' }); },
  get sinceOpened() { return msg('since opened', { id: 'ticker.sinceOpened' }); },
  get up() { return msg('up', { id: 'ticker.up' }); },
  get down() { return msg('down', { id: 'ticker.down' }); },
  get pause() { return msg('Pause ticker', { id: 'ticker.pause' }); },
  get tradingOff() { return msg('Trading off', { id: 'ticker.tradingOff' }); },
  get tradingOffTitle() { return msg('Trading is turned off for this symbol', { id: 'ticker.tradingOffTitle' }); },
  get loading() { return msg('Loading mark prices…', { id: 'ticker.loading' }); },
  get noSymbol() { return msg('No symbol to show: set the symbols attribute, for example symbols="BTC-USDT".', { id: 'ticker.noSymbol' }); },
  get noPrices() { return msg('No mark prices to show.', { id: 'ticker.noPrices' }); },
  unknownSymbols: (symbols: readonly string[]) => {
    const list = symbols.join(', ');
    return symbols.length === 1
      ? msg(str`No mark price for ${list}: it is not a margin symbol.`, { id: 'ticker.unknownSymbol' })
      : msg(str`No mark price for ${list}: they are not margin symbols.`, { id: 'ticker.unknownSymbols' });
  },
  announce: (symbol: string, price: string, change: string) =>
    change
      ? msg(str`${symbol} mark price ${price}, ${change} since opened`, { id: 'ticker.announceChange' })
      : msg(str`${symbol} mark price ${price}`, { id: 'ticker.announce' }),
};
