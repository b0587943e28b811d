import { msg, str } from '@lit/localize';

/**
 * Every word `<margin-lending-market>` shows, in one place for translation; each read when the
 * element renders, so it follows the page's locale.
 */
export const lendingStrings = {
  tabs: {
    get market() { return msg('Market', { id: 'lending.tabs.market' }); },
    get orders() { return msg('My lending', { id: 'lending.tabs.orders' }); },
    get redemptions() { return msg('Redemptions', { id: 'lending.tabs.redemptions' }); },
  },
  get tabsLabel() { return msg('Lending', { id: 'lending.tabsLabel' }); },
  get filter() { return msg('Filter by currency', { id: 'lending.filter' }); },
  get filterBitmart() { return msg('Filter by symbol or currency', { id: 'lending.filterBitmart' }); },
  get marketCaption() { return msg('KuCoin lending market (rates are annual)', { id: 'lending.marketCaption' }); },
  get bitmartCaption() { return msg('BitMart isolated margin borrowing', { id: 'lending.bitmartCaption' }); },
  columns: {
    get currency() { return msg('Currency', { id: 'lending.col.currency' }); },
    get marketInterestRate() { return msg('Market rate', { id: 'lending.col.marketInterestRate' }); },
    get history() { return msg('7-day rate', { id: 'lending.col.history' }); },
    get minInterestRate() { return msg('Min rate', { id: 'lending.col.minInterestRate' }); },
    get maxInterestRate() { return msg('Max rate', { id: 'lending.col.maxInterestRate' }); },
    get minPurchaseSize() { return msg('Min amount', { id: 'lending.col.minPurchaseSize' }); },
    get maxPurchaseSize() { return msg('Max amount', { id: 'lending.col.maxPurchaseSize' }); },
    get increment() { return msg('Step', { id: 'lending.col.increment' }); },
    get purchaseEnable() { return msg('Lending', { id: 'lending.tabsLabel' }); },
    get redeemEnable() { return msg('Redeeming', { id: 'lending.col.redeemEnable' }); },
    get actions() { return msg('Actions', { id: 'lending.col.actions' }); },
    // BitMart
    get symbol() { return msg('Symbol', { id: 'lending.col.symbol' }); },
    get maxLeverage() { return msg('Max leverage', { id: 'lending.col.maxLeverage' }); },
    get baseDaily() { return msg('Base daily interest', { id: 'lending.col.baseDaily' }); },
    get baseHourly() { return msg('Base hourly interest', { id: 'lending.col.baseHourly' }); },
    get baseMin() { return msg('Base min borrow', { id: 'lending.col.baseMin' }); },
    get baseMax() { return msg('Base max borrow', { id: 'lending.col.baseMax' }); },
    get baseBorrowable() { return msg('Base borrowable', { id: 'lending.col.baseBorrowable' }); },
    get quoteDaily() { return msg('Quote daily interest', { id: 'lending.col.quoteDaily' }); },
    get quoteHourly() { return msg('Quote hourly interest', { id: 'lending.col.quoteHourly' }); },
    get quoteMin() { return msg('Quote min borrow', { id: 'lending.col.quoteMin' }); },
    get quoteMax() { return msg('Quote max borrow', { id: 'lending.col.quoteMax' }); },
    get quoteBorrowable() { return msg('Quote borrowable', { id: 'lending.col.quoteBorrowable' }); },
    // orders
    get order() { return msg('Order', { id: 'lending.col.order' }); },
    get purchaseOrder() { return msg('Purchase order', { id: 'lending.col.purchaseOrder' }); },
    get amount() { return msg('Amount', { id: 'lending.size' }); },
    get lent() { return msg('Lent', { id: 'lending.col.lent' }); },
    get rate() { return msg('Rate', { id: 'lending.col.rate' }); },
    get interest() { return msg('Interest earned', { id: 'lending.col.interest' }); },
    get asked() { return msg('Asked', { id: 'lending.col.asked' }); },
    get received() { return msg('Received', { id: 'lending.col.received' }); },
    get time() { return msg('Time', { id: 'lending.col.time' }); },
    get status() { return msg('Status', { id: 'lending.col.status' }); },
  },
  sortBy: (column: string) => msg(str`Sort by ${column}`, { id: 'lending.sortBy' }),
  get on() { return msg('On', { id: 'lending.on' }); },
  get off() { return msg('Off', { id: 'lending.off' }); },
  get lend() { return msg('Lend', { id: 'lending.lend' }); },
  get lendingOff() { return msg('Lending off', { id: 'lending.lendingOff' }); },
  get redeemOff() { return msg('Redeeming off', { id: 'lending.redeemOff' }); },
  lendingOffReason: (currency: string) => msg(str`KuCoin has turned lending ${currency} off.`, { id: 'lending.lendingOffReason' }),
  redeemOffReason: (currency: string) => msg(str`KuCoin has turned redeeming ${currency} off.`, { id: 'lending.redeemOffReason' }),
  get changeRate() { return msg('Change rate', { id: 'lending.changeRate' }); },
  get redeem() { return msg('Redeem', { id: 'lending.redeem' }); },
  get select() { return msg('Select', { id: 'lending.select' }); },
  get borrowingOff() { return msg('Borrowing off', { id: 'lending.borrowingOff' }); },
  get cancel() { return msg('Cancel', { id: 'lending.cancel' }); },
  get sending() { return msg('Sending…', { id: 'lending.sending' }); },
  get checking() { return msg('Checking…', { id: 'lending.checking' }); },
  get checkAgain() { return msg('Check again', { id: 'lending.checkAgain' }); },
  lendTitle: (currency: string) => msg(str`Lend ${currency}`, { id: 'lending.lendTitle' }),
  modifyTitle: (currency: string) => msg(str`Change the rate of a ${currency} loan`, { id: 'lending.modifyTitle' }),
  redeemTitle: (currency: string) => msg(str`Redeem ${currency}`, { id: 'lending.redeemTitle' }),
  get size() { return msg('Amount', { id: 'lending.size' }); },
  get rate() { return msg('Minimum annual rate (%)', { id: 'lending.rate' }); },
  get newRate() { return msg('New annual rate (%)', { id: 'lending.newRate' }); },
  get redeemSize() { return msg('Amount to redeem', { id: 'lending.redeemSize' }); },
  sizeHint: (min: string, max: string, step: string) => msg(str`From ${min} to ${max}, in steps of ${step}`, { id: 'lending.sizeHint' }),
  rateHint: (min: string, max: string, step: string, market?: string) =>
    market
      ? msg(str`From ${min} to ${max}, in steps of ${step}; the market rate is ${market}`, { id: 'lending.rateHintMarket' })
      : msg(str`From ${min} to ${max}, in steps of ${step}`, { id: 'lending.sizeHint' }),
  redeemHint: (holding: string, step: string) =>
    msg(str`Up to ${holding} (what the order holds), in steps of ${step}`, { id: 'lending.redeemHint' }),
  get rateChangeNote() { return msg('A new rate applies from the next hour.', { id: 'lending.rateChangeNote' }); },
  get holdingUnknown() { return msg('Could not load what this order holds; the venue will check the amount.', { id: 'lending.holdingUnknown' }); },
  get vetoed() { return msg('Not sent: the page stopped it.', { id: 'lending.vetoed' }); },
  get notConfirmed() { return msg('No answer: it may have gone through. Checking with KuCoin before you can try again…', { id: 'lending.notConfirmed' }); },
  get lookupFailed() { return msg('We could not confirm whether it went through. Check again before trying again.', { id: 'lending.lookupFailed' }); },
  get notFound() { return msg('It did not go through. You can try again.', { id: 'lending.notFound' }); },
  purchased: (size: string, currency: string, rate: string) =>
    msg(str`Lent ${size} ${currency} at ${rate} a year.`, { id: 'lending.purchased' }),
  modified: (currency: string, rate: string) =>
    msg(str`New rate for the ${currency} loan: ${rate} a year, from the next hour.`, { id: 'lending.modified' }),
  redeemed: (size: string, currency: string) => msg(str`Redeem of ${size} ${currency} requested.`, { id: 'lending.redeemed' }),
  redeeming: (size: string) => msg(str`redeeming ${size}`, { id: 'lending.redeeming' }),
  get statusLabel() { return msg('Show', { id: 'lending.statusLabel' }); },
  statuses: {
    get PENDING() { return msg('Active', { id: 'lending.status.pending' }); },
    get DONE() { return msg('Completed', { id: 'lending.status.done' }); },
  },
  get previous() { return msg('Previous page', { id: 'lending.previous' }); },
  get next() { return msg('Next page', { id: 'lending.next' }); },
  pageOf: (page: number, total: number) => {
    const of = Math.max(total, 1);
    return msg(str`Page ${page} of ${of}`, { id: 'lending.pageOf' });
  },
  get loading() { return msg('Loading…', { id: 'shared.loading' }); },
  noMatch: (text: string) => msg(str`No currency matches “${text}”.`, { id: 'lending.noMatch' }),
  noMatchBitmart: (text: string) => msg(str`No pair matches “${text}”.`, { id: 'lending.noMatchBitmart' }),
  get noMarket() { return msg('No currency is open for lending.', { id: 'lending.noMarket' }); },
  noOrders: {
    get PENDING() { return msg('No active lending.', { id: 'lending.noOrders.pending' }); },
    get DONE() { return msg('No completed lending.', { id: 'lending.noOrders.done' }); },
  },
  noRedemptions: {
    get PENDING() { return msg('No redemption in progress.', { id: 'lending.noRedemptions.pending' }); },
    get DONE() { return msg('No completed redemption.', { id: 'lending.noRedemptions.done' }); },
  },
  get historyLoading() { return msg('Loading the 7-day rate', { id: 'lending.historyLoading' }); },
  get historyUnavailable() { return msg('No 7-day rate', { id: 'lending.historyUnavailable' }); },
  historyLabel: (first: string, last: string, low: string, high: string) =>
    msg(str`7 days: from ${first} to ${last}, low ${low}, high ${high}`, { id: 'lending.historyLabel' }),
  unknownCurrency: (currency: string) => msg(str`${currency} is not in the lending market.`, { id: 'lending.unknownCurrency' }),
};
