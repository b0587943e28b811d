/**
 * Every word `<margin-order-ticket>` shows, in one place for translation. Functions take values
 * already formatted for the locale.
 */
import { msg, str } from '@lit/localize';
import type { OrderSide, OrderType, TimeInForce } from '../../client/kucoin/orders.js';
import { isSingular, sharedStrings } from '../shared/strings.js';
import type { MarginMode, OrderField, OrderViolation, StpChoice } from './order-draft.js';
import type { OrderStatus } from './order-status.js';
import type { DisabledReason } from './symbols.js';

const sideWord = (side: OrderSide) => (side === 'buy' ? msg('Buy', { id: 'ticket.buy' }) : msg('Sell', { id: 'ticket.sell' }));

export const ticketStrings = {
  shared: sharedStrings,
  get title() { return msg('Margin order', { id: 'ticket.title' }); },
  get symbol() { return msg('Symbol', { id: 'ticket.symbol' }); },
  get symbolOpenOrders() { return msg('open orders', { id: 'ticket.symbolOpenOrders' }); },
  get symbolOff() { return msg('trading off', { id: 'ticket.symbolOff' }); },
  mode: {
    get cross() { return msg('Cross margin', { id: 'ticket.mode.cross' }); },
    get isolated() { return msg('Isolated margin', { id: 'ticket.mode.isolated' }); },
  } satisfies Record<MarginMode, string>,
  get markPrice() { return msg('Mark price', { id: 'ticket.markPrice' }); },
  get markUnknown() { return msg('no mark price yet', { id: 'ticket.markUnknown' }); },
  get side() { return msg('Side', { id: 'ticket.side' }); },
  sides: {
    get buy() { return sideWord('buy'); },
    get sell() { return sideWord('sell'); },
  } satisfies Record<OrderSide, string>,
  get orderType() { return msg('Order type', { id: 'ticket.orderType' }); },
  types: {
    get limit() { return msg('Limit', { id: 'ticket.type.limit' }); },
    get market() { return msg('Market', { id: 'ticket.type.market' }); },
  } satisfies Record<OrderType, string>,
  price: (quote: string) => msg(str`Price (${quote})`, { id: 'ticket.priceIn' }),
  tickDown: (increment: string) => msg(str`Lower the price by ${increment}`, { id: 'ticket.tickDown' }),
  tickUp: (increment: string) => msg(str`Raise the price by ${increment}`, { id: 'ticket.tickUp' }),
  snap: (price: string) => msg(str`Use ${price}`, { id: 'ticket.snap' }),
  size: (base: string) => msg(str`Size (${base})`, { id: 'ticket.sizeIn' }),
  funds: (quote: string) => msg(str`Funds (${quote})`, { id: 'ticket.fundsIn' }),
  get marketAmount() { return msg('Amount in', { id: 'ticket.marketAmount' }); },
  marketBySize: (base: string) => msg(str`${base} (size)`, { id: 'ticket.marketBySize' }),
  marketByFunds: (quote: string) => msg(str`${quote} (funds)`, { id: 'ticket.marketByFunds' }),
  get advanced() { return msg('Advanced options', { id: 'ticket.advanced' }); },
  get limitOnly() { return msg('Time in force and display options apply to limit orders only.', { id: 'ticket.limitOnly' }); },
  get timeInForce() { return msg('Time in force', { id: 'ticket.timeInForce' }); },
  tif: {
    get GTC() { return msg('Good till cancelled (GTC)', { id: 'ticket.tif.GTC' }); },
    get GTT() { return msg('Good till time (GTT)', { id: 'ticket.tif.GTT' }); },
    get IOC() { return msg('Immediate or cancel (IOC)', { id: 'ticket.tif.IOC' }); },
    get FOK() { return msg('Fill or kill (FOK)', { id: 'ticket.tif.FOK' }); },
  } satisfies Record<TimeInForce, string>,
  get cancelAfter() { return msg('Cancel after (seconds, GTT only)', { id: 'ticket.cancelAfter' }); },
  get postOnly() { return msg('Post only', { id: 'ticket.postOnly' }); },
  get postOnlyOff() { return msg('Post only is not available with IOC or FOK', { id: 'ticket.postOnlyOff' }); },
  get hidden() { return msg('Hidden (not shown in the book)', { id: 'ticket.hidden' }); },
  get iceberg() { return msg('Iceberg', { id: 'ticket.iceberg' }); },
  visibleSize: (base: string) => msg(str`Visible size (${base}, iceberg only)`, { id: 'ticket.visibleSize' }),
  get stp() { return msg('Self-trade prevention', { id: 'ticket.stp' }); },
  stpChoices: {
    get ''() { return msg('None', { id: 'ticket.stp.none' }); },
    get DC() { return msg('Decrease and cancel (DC)', { id: 'ticket.stp.DC' }); },
    get CO() { return msg('Cancel oldest (CO)', { id: 'ticket.stp.CO' }); },
    get CN() { return msg('Cancel newest (CN)', { id: 'ticket.stp.CN' }); },
    get CB() { return msg('Cancel both (CB)', { id: 'ticket.stp.CB' }); },
  } satisfies Record<StpChoice, string>,
  get autoBorrow() { return msg('Auto-borrow', { id: 'ticket.autoBorrow' }); },
  get autoRepay() { return msg('Auto-repay', { id: 'ticket.autoRepay' }); },
  get notional() { return msg('Notional', { id: 'ticket.notional' }); },
  notionalValue: (value: string, currency: string, approximate: boolean) =>
    approximate ? msg(str`≈ ${value} ${currency}`, { id: 'ticket.notionalApprox' }) : ticketStrings.account.amount(value, currency),
  notionalUnknown: '—',
  mayBorrow: (value: string, currency: string) =>
    msg(str`Auto-borrow may borrow up to ${value} ${currency}: the part your margin balance does not cover.`, { id: 'ticket.mayBorrow' }),
  get leverage() { return msg('Leverage', { id: 'ticket.leverage' }); },
  leverageHint: (max: string | undefined) =>
    max
      ? msg(str`Above 1, at most 2 decimals, at most ${max}×`, { id: 'ticket.leverageHintMax' })
      : msg('Above 1, at most 2 decimals', { id: 'ticket.leverageHint' }),
  get setLeverage() { return msg('Set leverage', { id: 'ticket.setLeverage' }); },
  get settingLeverage() { return msg('Setting leverage…', { id: 'ticket.settingLeverage' }); },
  leverageSet: (value: string) => msg(str`Leverage set to ${value}×.`, { id: 'ticket.leverageSet' }),
  get preview() { return msg('Preview', { id: 'ticket.preview' }); },
  get previewing() { return msg('Checking with the venue…', { id: 'ticket.previewing' }); },
  place: (side: OrderSide, base: string) =>
    side === 'buy' ? msg(str`Buy ${base}`, { id: 'ticket.placeBuy' }) : msg(str`Sell ${base}`, { id: 'ticket.placeSell' }),
  get placing() { return msg('Placing…', { id: 'ticket.placing' }); },
  get previewOk() { return msg('KuCoin accepted this order in a test: nothing was placed.', { id: 'ticket.previewOk' }); },
  previewBorrow: (value: string, currency: string) => msg(str`It would borrow ${value} ${currency}.`, { id: 'ticket.previewBorrow' }),
  /** History tools: filters, an order's details and fills, open orders in every symbol. */
  history: {
    get filters() { return msg('Filter', { id: 'ticket.history.filters' }); },
    get from() { return msg('From', { id: 'ticket.history.from' }); },
    get to() { return msg('To', { id: 'ticket.history.to' }); },
    get side() { return msg('Side', { id: 'ticket.history.side' }); },
    get type() { return msg('Type', { id: 'ticket.history.type' }); },
    get any() { return msg('Any', { id: 'ticket.history.any' }); },
    get notADate() { return msg('Enter a date and time', { id: 'ticket.history.notADate' }); },
    get rangeOrder() { return msg('“To” must not be before “From”', { id: 'ticket.history.rangeOrder' }); },
    get details() { return msg('Details', { id: 'ticket.history.details' }); },
    detailsLabel: (summary: string) => msg(str`Details of ${summary}`, { id: 'ticket.history.detailsLabel' }),
    detailsTitle: (id: string) => msg(str`Order ${id}`, { id: 'ticket.history.detailsTitle' }),
    get close() { return msg('Close', { id: 'ticket.history.close' }); },
    get orderFills() { return msg('Fills of this order', { id: 'ticket.history.orderFills' }); },
    get noOrderFills() { return msg('Nothing of this order filled.', { id: 'ticket.history.noOrderFills' }); },
    get loading() { return msg('Loading the order…', { id: 'ticket.history.loading' }); },
    get allSymbols() { return msg('Open orders in every symbol', { id: 'ticket.history.allSymbols' }); },
    get showAll() { return msg('Show open orders in every symbol', { id: 'ticket.history.showAll' }); },
    get hideAll() { return msg('Hide open orders in every symbol', { id: 'ticket.history.hideAll' }); },
    get noneAnywhere() { return msg('No open orders in any symbol.', { id: 'ticket.history.noneAnywhere' }); },
    get symbol() { return msg('Symbol', { id: 'ticket.history.symbol' }); },
    get yes() { return msg('yes', { id: 'ticket.history.yes' }); },
    get no() { return msg('no', { id: 'ticket.history.no' }); },
  },
  /** The account the order trades in: balances, debt, debt ratio, sizing, price protection, borrow cost. */
  account: {
    get title() { return msg('Account', { id: 'ticket.account' }); },
    get available() { return msg('Available', { id: 'ticket.available' }); },
    get liability() { return msg('Liability', { id: 'ticket.liability' }); },
    get debtRatio() { return msg('Debt ratio', { id: 'ticket.debtRatio' }); },
    get unknown() { return msg('not loaded yet', { id: 'ticket.accountUnknown' }); },
    amount: (value: string, currency: string) => msg(str`${value} ${currency}`, { id: 'ticket.amountIn' }),
    liabilityParts: (principal: string, interest: string) =>
      msg(str`principal ${principal} + interest ${interest}`, { id: 'ticket.liabilityParts' }),
    thresholds: (warning: string | undefined, liquidation: string) =>
      warning
        ? msg(str`warning at ${warning}, liquidation at ${liquidation}`, { id: 'ticket.debtThresholds' })
        : msg(str`liquidation at ${liquidation}`, { id: 'ticket.debtLiquidation' }),
    level: {
      get safe() { return msg('safe', { id: 'ticket.riskSafe' }); },
      get warning() { return msg('near liquidation', { id: 'ticket.riskWarning' }); },
      get liquidation() { return msg('at liquidation', { id: 'ticket.riskLiquidation' }); },
    },
    get sizing() { return msg('Size from the account', { id: 'ticket.sizing' }); },
    get max() { return msg('Max', { id: 'ticket.max' }); },
    percent: (value: string) => msg(str`${value}%`, { id: 'ticket.percent' }),
    percentLabel: (value: string) => msg(str`${value}% of what the account can spend`, { id: 'ticket.percentLabel' }),
    maxLabel: (value: string, currency: string) => msg(str`Max: ${value} ${currency}`, { id: 'ticket.maxLabel' }),
    canSpend: (value: string, currency: string, withBorrow: boolean) =>
      withBorrow
        ? msg(str`Can spend ${value} ${currency} with auto-borrow (buyMaxAmount)`, { id: 'ticket.canSpendBorrow' })
        : msg(str`Can spend ${value} ${currency}`, { id: 'ticket.canSpend' }),
    get noBalance() { return msg('Nothing available to spend: deposit, or tick Auto-borrow.', { id: 'ticket.noBalance' }); },
    aboveLimit: (max: string, currency: string, withBorrow: boolean) =>
      withBorrow
        ? msg(str`More than the account can reach with auto-borrow: at most ${max} ${currency}`, { id: 'ticket.aboveBuyMax' })
        : msg(str`More than the account has: at most ${max} ${currency} (tick Auto-borrow to borrow the rest)`, { id: 'ticket.aboveAvailable' }),
    priceBeyond: (side: OrderSide, price: string, mark: string, deviation: string, bound: string, rate: string) =>
      side === 'buy'
        ? msg(str`Price ${price} is ${deviation} above the mark price ${mark}: KuCoin refuses buys above ${bound} (mark + ${rate}).`, { id: 'ticket.priceAbove' })
        : msg(str`Price ${price} is ${deviation} below the mark price ${mark}: KuCoin refuses sells below ${bound} (mark − ${rate}).`, { id: 'ticket.priceBelow' }),
    borrowCost: (borrow: string, currency: string, perHour: string, perDay: string, dailyRate: string) =>
      msg(str`Borrowing ${borrow} ${currency} costs ${perHour} ${currency} an hour, ${perDay} ${currency} a day (${dailyRate} a day).`, {
        id: 'ticket.borrowCost',
      }),
  },
  review: {
    get title() { return msg('Review the order', { id: 'ticket.review.title' }); },
    get intro() { return msg('These exact parameters will be sent:', { id: 'ticket.review.intro' }); },
    get confirm() { return msg('Confirm and place', { id: 'ticket.review.confirm' }); },
    get back() { return msg('Back to the form', { id: 'ticket.review.back' }); },
  },
  get vetoed() { return msg('Not sent: the page stopped this order.', { id: 'ticket.vetoed' }); },
  summary: (side: OrderSide, size: string, base: string, at: string | undefined) => {
    if (side === 'buy') {
      return at
        ? msg(str`Buy ${size} ${base} at ${at}`, { id: 'ticket.summaryBuyAt' })
        : msg(str`Buy ${size} ${base} at market`, { id: 'ticket.summaryBuyMarket' });
    }
    return at
      ? msg(str`Sell ${size} ${base} at ${at}`, { id: 'ticket.summarySellAt' })
      : msg(str`Sell ${size} ${base} at market`, { id: 'ticket.summarySellMarket' });
  },
  summaryFunds: (side: OrderSide, funds: string, quote: string, base: string) =>
    side === 'buy'
      ? msg(str`Buy ${base} for ${funds} ${quote} at market`, { id: 'ticket.summaryFundsBuy' })
      : msg(str`Sell ${base} for ${funds} ${quote} at market`, { id: 'ticket.summaryFundsSell' }),
  placed: (summary: string) => msg(str`Order placed: ${summary}.`, { id: 'ticket.placed' }),
  placedFound: (summary: string) =>
    msg(str`The order was placed: ${summary}. (The answer was lost; KuCoin confirmed it when asked.)`, { id: 'ticket.placedFound' }),
  orderIds: (orderId: string, clientOid: string) => msg(str`Order id ${orderId}, client id ${clientOid}.`, { id: 'ticket.orderIds' }),
  borrowed: (value: string, currency: string) => msg(str`Borrowed ${value} ${currency} for it.`, { id: 'ticket.borrowed' }),
  checking: (why: string) =>
    msg(str`${why} Checking with KuCoin whether the order was placed… Nothing else can be placed until we know.`, { id: 'ticket.checking' }),
  checkingAttempt: (n: number) =>
    isSingular(n)
      ? msg(str`Asked ${n} time so far.`, { id: 'ticket.checkingAttemptOne' })
      : msg(str`Asked ${n} times so far.`, { id: 'ticket.checkingAttempts' }),
  checkingError: (why: string) => msg(str`Last check failed: ${why}`, { id: 'ticket.checkingError' }),
  get checkNow() { return msg('Check now', { id: 'ticket.checkNow' }); },
  notFound: (clientOid: string) =>
    msg(
      str`The order was not placed: KuCoin has no order with client id ${clientOid}. You can place it again; the same client id is used, so it can never be placed twice.`,
      { id: 'ticket.notFound' },
    ),
  refused: (why: string) => msg(str`The order was not placed. ${why}`, { id: 'ticket.refused' }),
  busy: {
    get sending() { return msg('Placing the order…', { id: 'ticket.busy.sending' }); },
    get checking() { return msg('Waiting to learn whether the last order was placed.', { id: 'ticket.busy.checking' }); },
    get reviewing() { return msg('Review the order below, or go back to the form.', { id: 'ticket.busy.reviewing' }); },
  },
  get status() { return msg('Status', { id: 'ticket.status' }); },
  statuses: {
    get open() { return msg('In the book', { id: 'ticket.status.open' }); },
    get 'partially-filled'() { return msg('Partly filled', { id: 'ticket.status.partiallyFilled' }); },
    get filled() { return msg('Filled', { id: 'ticket.status.filled' }); },
    get 'partially-filled-cancelled'() { return msg('Partly filled, rest cancelled', { id: 'ticket.status.partiallyFilledCancelled' }); },
    get cancelled() { return msg('Cancelled', { id: 'ticket.status.cancelled' }); },
  } satisfies Record<OrderStatus, string>,
  filledOf: (filled: string, size: string, base: string) => msg(str`${filled} of ${size} ${base} filled`, { id: 'ticket.filledOf' }),
  filledFunds: (funds: string, quote: string) => msg(str`${funds} ${quote} filled`, { id: 'ticket.filledFunds' }),
  partialFill: (filled: string, size: string, unit: string) =>
    msg(str`Filled ${filled} of ${size} ${unit}; the venue cancelled the rest.`, { id: 'ticket.partialFill' }),
  get cancelTracked() { return msg('Cancel this order', { id: 'ticket.cancelTracked' }); },
  disabled: {
    'trading-off': (symbol: string) => msg(str`Trading ${symbol} on margin is turned off at the venue.`, { id: 'ticket.disabled.tradingOff' }),
    'no-rules': (symbol: string) => msg(str`The venue gives no trading rules (increments) for ${symbol}.`, { id: 'ticket.disabled.noRules' }),
    // The mode's name mid-sentence: lower case reads right in English and Spanish, and changes no CJK.
    'not-listed': (symbol: string, mode: string) =>
      msg(str`${symbol} is not listed for ${mode.toLowerCase()}.`, { id: 'ticket.disabled.notListed' }),
  } satisfies Record<DisabledReason, (symbol: string, mode: string) => string>,
  noSymbols: (mode: string) => msg(str`No symbols are listed for ${mode.toLowerCase()}.`, { id: 'ticket.noSymbols' }),
  loadSymbolsFailed: (why: string) => msg(str`The symbols could not be loaded: ${why}`, { id: 'ticket.loadSymbolsFailed' }),
  orders: {
    get label() { return msg('Orders', { id: 'ticket.orders.label' }); },
    get open() { return msg('Open orders', { id: 'ticket.orders.open' }); },
    get history() { return msg('Order history', { id: 'ticket.orders.history' }); },
    get fills() { return msg('Fills', { id: 'ticket.orders.fills' }); },
    noOpen: (symbol: string) => msg(str`No open orders on ${symbol}.`, { id: 'ticket.orders.noOpen' }),
    unknownSymbol: (symbol: string) => msg(str`${symbol} is not a symbol the venue knows: no orders to show.`, { id: 'ticket.orders.unknownSymbol' }),
    noHistory: (symbol: string) => msg(str`No closed orders on ${symbol}.`, { id: 'ticket.orders.noHistory' }),
    noFills: (symbol: string) => msg(str`No fills on ${symbol}.`, { id: 'ticket.orders.noFills' }),
    get cancel() { return msg('Cancel', { id: 'ticket.orders.cancel' }); },
    get cancelling() { return msg('Cancelling…', { id: 'ticket.orders.cancelling' }); },
    cancelLabel: (summary: string) => msg(str`Cancel ${summary}`, { id: 'ticket.orders.cancelLabel' }),
    cancelled: (summary: string) => msg(str`Cancel requested: ${summary}.`, { id: 'ticket.orders.cancelled' }),
    cancelAll: (symbol: string) => msg(str`Cancel all ${symbol} orders`, { id: 'ticket.orders.cancelAll' }),
    cancelAllConfirm: (count: number, symbol: string) =>
      isSingular(count)
        ? msg(str`Cancel the open order on ${symbol}?`, { id: 'ticket.orders.cancelAllConfirmOne' })
        : msg(str`Cancel all ${count} open orders on ${symbol}?`, { id: 'ticket.orders.cancelAllConfirm' }),
    get cancelAllYes() { return msg('Yes, cancel all', { id: 'ticket.orders.cancelAllYes' }); },
    get cancelAllNo() { return msg('Keep them', { id: 'ticket.orders.cancelAllNo' }); },
    cancelledAll: (symbol: string) => msg(str`All open orders on ${symbol} were cancelled.`, { id: 'ticket.orders.cancelledAll' }),
    get loadMore() { return msg('Load more', { id: 'ticket.orders.loadMore' }); },
    get loading() { return sharedStrings.loading; },
    columns: {
      get time() { return msg('Time', { id: 'ticket.col.time' }); },
      get side() { return msg('Side', { id: 'ticket.side' }); },
      get type() { return msg('Type', { id: 'ticket.col.type' }); },
      get price() { return msg('Price', { id: 'ticket.col.price' }); },
      get size() { return msg('Size', { id: 'ticket.col.size' }); },
      get filled() { return msg('Filled', { id: 'ticket.status.filled' }); },
      get status() { return msg('Status', { id: 'ticket.status' }); },
      get actions() { return msg('Actions', { id: 'ticket.col.actions' }); },
      get funds() { return msg('Value', { id: 'ticket.col.funds' }); },
      get fee() { return msg('Fee', { id: 'ticket.col.fee' }); },
      get liquidity() { return msg('Liquidity', { id: 'ticket.col.liquidity' }); },
    },
    get market() { return msg('Market', { id: 'ticket.type.market' }); },
    liquidity: {
      get taker() { return msg('Taker', { id: 'ticket.liquidity.taker' }); },
      get maker() { return msg('Maker', { id: 'ticket.liquidity.maker' }); },
    },
  },
  fields: {
    get symbol() { return msg('Symbol', { id: 'ticket.symbol' }); },
    get price() { return msg('Price', { id: 'ticket.col.price' }); },
    get size() { return msg('Size', { id: 'ticket.col.size' }); },
    get funds() { return msg('Funds', { id: 'ticket.field.funds' }); },
    get notional() { return msg('Notional', { id: 'ticket.notional' }); },
    get timeInForce() { return msg('Time in force', { id: 'ticket.timeInForce' }); },
    get cancelAfter() { return msg('Cancel after', { id: 'ticket.field.cancelAfter' }); },
    get postOnly() { return msg('Post only', { id: 'ticket.postOnly' }); },
    get hidden() { return msg('Hidden', { id: 'ticket.field.hidden' }); },
    get visibleSize() { return msg('Visible size', { id: 'ticket.field.visibleSize' }); },
    get leverage() { return msg('Leverage', { id: 'ticket.leverage' }); },
  } satisfies Record<OrderField, string>,
  errors: {
    insufficient: (message: string, code: string) =>
      msg(
        str`Not enough balance in your margin account for this order. Turn on auto-borrow or lower the amount. (KuCoin: ${message}, code ${code})`,
        { id: 'ticket.errors.insufficient' },
      ),
    get duplicate() { return msg('An order with this client id already exists: looking it up…', { id: 'ticket.errors.duplicate' }); },
    amounts: (message: string, code: string) => msg(str`KuCoin refused the amounts: ${message} (code ${code})`, { id: 'ticket.errors.amounts' }),
    margin: (message: string, code: string) =>
      msg(str`Margin trading is not available for this (margin not enabled, or no isolated pair): ${message} (code ${code})`, {
        id: 'ticket.errors.margin',
      }),
    refused: (message: string, code: string) => msg(str`KuCoin refused the order: ${message} (code ${code})`, { id: 'ticket.errors.refused' }),
    auth: (message: string) => msg(str`The proxy did not let this page in: ${message}`, { id: 'ticket.errors.auth' }),
    venueAuth: (message: string, code: string) =>
      msg(str`KuCoin refused the API key the proxy signs with: ${message} (code ${code})`, { id: 'ticket.errors.venueAuth' }),
    get lost() { return msg('The answer was lost (the connection failed).', { id: 'ticket.errors.lost' }); },
    get timeout() { return msg('There was no answer in time.', { id: 'ticket.errors.timeout' }); },
    get server() { return msg('The venue had an internal error.', { id: 'ticket.errors.server' }); },
    get malformed() { return msg('The answer could not be read.', { id: 'ticket.errors.malformed' }); },
    get unknownCause() { return msg('The outcome is unknown.', { id: 'ticket.errors.unknownCause' }); },
    invalid: (count: number) =>
      isSingular(count)
        ? msg('Please fix the highlighted field: nothing was sent.', { id: 'ticket.errors.invalidOne' })
        : msg(str`Please fix the ${count} highlighted problems: nothing was sent.`, { id: 'ticket.errors.invalid' }),
  },
};

export type TicketStrings = typeof ticketStrings;

/** What a violation's words need to know about the symbol. */
export interface ViolationContext {
  base: string;
  quote: string;
  /** Localizes an exact decimal limit. */
  formatLimit: (limit: string) => string;
}

/** One broken rule in a trader's words, naming the rule and its limit. */
export function describeOrderViolation(v: OrderViolation, ctx: ViolationContext): string {
  const limit = v.limit === undefined ? '' : v.rule === 'decimals' || v.field === 'cancelAfter' ? v.limit : ctx.formatLimit(v.limit);
  const { base, quote } = ctx;
  switch (v.rule) {
    case 'step':
      if (v.field === 'price') return msg(str`Must be a multiple of the price increment ${limit} ${quote}`, { id: 'ticket.rule.priceStep' });
      if (v.field === 'funds') return msg(str`Must be a multiple of the funds increment ${limit} ${quote}`, { id: 'ticket.rule.fundsStep' });
      return msg(str`Must be a multiple of the size increment ${limit} ${base}`, { id: 'ticket.rule.sizeStep' });
    case 'min':
      if (v.field === 'size') return msg(str`At least the minimum size ${limit} ${base}`, { id: 'ticket.rule.minSize' });
      if (v.field === 'funds') return msg(str`At least the minimum funds ${limit} ${quote}`, { id: 'ticket.rule.minFunds' });
      if (v.field === 'cancelAfter') return msg(str`At least ${limit} second`, { id: 'ticket.rule.minSeconds' });
      return sharedStrings.rules.min(limit);
    case 'max':
      if (v.field === 'size') return msg(str`At most the maximum size ${limit} ${base}`, { id: 'ticket.rule.maxSize' });
      if (v.field === 'funds') return msg(str`At most the maximum funds ${limit} ${quote}`, { id: 'ticket.rule.maxFunds' });
      if (v.field === 'leverage') return msg(str`At most the maximum leverage ${limit}×`, { id: 'ticket.rule.maxLeverage' });
      if (v.field === 'cancelAfter') return msg(str`At most ${limit} seconds`, { id: 'ticket.rule.maxSeconds' });
      return sharedStrings.rules.max(limit);
    case 'min-notional':
      return v.field === 'notional'
        ? msg(str`The order value (price × size, or funds) must be at least the minimum ${limit} ${quote}`, { id: 'ticket.rule.minNotional' })
        : msg(str`At least ${limit} ${quote}`, { id: 'ticket.rule.minIn' });
    case 'above-size':
      return msg(str`At most the order size ${limit} ${base}`, { id: 'ticket.rule.aboveSize' });
    case 'gtt-only':
      return msg('Only with time in force GTT: clear it or choose GTT', { id: 'ticket.rule.gttOnly' });
    case 'not-with-ioc-fok':
      return msg('Post only cannot be combined with IOC or FOK', { id: 'ticket.rule.notWithIocFok' });
    case 'not-with-iceberg':
      return msg('An order cannot be both hidden and iceberg', { id: 'ticket.rule.notWithIceberg' });
    case 'iceberg-only':
      return msg('Only for iceberg orders: clear it or tick Iceberg', { id: 'ticket.rule.icebergOnly' });
    case 'whole-number':
      return msg('Whole seconds only, like 60', { id: 'ticket.rule.wholeNumber' });
    case 'above':
      return msg(str`Must be more than ${limit}`, { id: 'ticket.rule.above' });
    case 'decimals':
      return sharedStrings.rules.decimals(limit);
    case 'trading-disabled':
      return msg('Trading is turned off for this symbol', { id: 'ticket.rule.tradingDisabled' });
    default: {
      const text = sharedStrings.rules[v.rule];
      return typeof text === 'function' ? text(limit || undefined) : text;
    }
  }
}
