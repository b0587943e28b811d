/**
 * Every word `<margin-order-ticket>` shows, in one place for translation. Functions take values
 * already formatted for the locale.
 */
import { msg, str } from '@lit/localize';
import type { OrderSide, OrderType, TimeInForce } from '../../client/kucoin/orders.js';
import { sharedStrings } from '../shared/strings.js';
import type { MarginMode, OrderField, OrderViolation, StpChoice } from './order-draft.js';
import type { OrderStatus } from './order-status.js';
import type { DisabledReason } from './symbols.js';

const sideWord = (side: OrderSide) => (side === 'buy' ? 'Buy' : 'Sell');

export const ticketStrings = {
  shared: sharedStrings,
  title: 'Margin order',
  symbol: 'Symbol',
  symbolOpenOrders: 'open orders',
  symbolOff: 'trading off',
  mode: { cross: 'Cross margin', isolated: 'Isolated margin' } satisfies Record<MarginMode, string>,
  markPrice: 'Mark price',
  markUnknown: 'no mark price yet',
  side: 'Side',
  sides: { buy: 'Buy', sell: 'Sell' } satisfies Record<OrderSide, string>,
  orderType: 'Order type',
  types: { limit: 'Limit', market: 'Market' } satisfies Record<OrderType, string>,
  price: (quote: string) => `Price (${quote})`,
  tickDown: (increment: string) => `Lower the price by ${increment}`,
  tickUp: (increment: string) => `Raise the price by ${increment}`,
  snap: (price: string) => `Use ${price}`,
  size: (base: string) => `Size (${base})`,
  funds: (quote: string) => `Funds (${quote})`,
  marketAmount: 'Amount in',
  marketBySize: (base: string) => `${base} (size)`,
  marketByFunds: (quote: string) => `${quote} (funds)`,
  advanced: 'Advanced options',
  limitOnly: 'Time in force and display options apply to limit orders only.',
  timeInForce: 'Time in force',
  tif: {
    GTC: 'Good till cancelled (GTC)',
    GTT: 'Good till time (GTT)',
    IOC: 'Immediate or cancel (IOC)',
    FOK: 'Fill or kill (FOK)',
  } satisfies Record<TimeInForce, string>,
  cancelAfter: 'Cancel after (seconds, GTT only)',
  postOnly: 'Post only',
  postOnlyOff: 'Post only is not available with IOC or FOK',
  hidden: 'Hidden (not shown in the book)',
  iceberg: 'Iceberg',
  visibleSize: (base: string) => `Visible size (${base}, iceberg only)`,
  stp: 'Self-trade prevention',
  stpChoices: {
    '': 'None',
    DC: 'Decrease and cancel (DC)',
    CO: 'Cancel oldest (CO)',
    CN: 'Cancel newest (CN)',
    CB: 'Cancel both (CB)',
  } satisfies Record<StpChoice, string>,
  autoBorrow: 'Auto-borrow',
  autoRepay: 'Auto-repay',
  notional: 'Notional',
  notionalValue: (value: string, currency: string, approximate: boolean) => `${approximate ? '≈ ' : ''}${value} ${currency}`,
  notionalUnknown: '—',
  mayBorrow: (value: string, currency: string) =>
    `Auto-borrow may borrow up to ${value} ${currency}: the part your margin balance does not cover.`,
  leverage: 'Leverage',
  leverageHint: (max: string | undefined) =>
    max ? `Above 1, at most 2 decimals, at most ${max}×` : 'Above 1, at most 2 decimals',
  setLeverage: 'Set leverage',
  settingLeverage: 'Setting leverage…',
  leverageSet: (value: string) => `Leverage set to ${value}×.`,
  preview: 'Preview',
  previewing: 'Checking with the venue…',
  place: (side: OrderSide, base: string) => `${sideWord(side)} ${base}`,
  placing: 'Placing…',
  previewOk: 'KuCoin accepted this order in a test: nothing was placed.',
  previewBorrow: (value: string, currency: string) => `It would borrow ${value} ${currency}.`,
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
    title: 'Review the order',
    intro: 'These exact parameters will be sent:',
    confirm: 'Confirm and place',
    back: 'Back to the form',
  },
  vetoed: 'Not sent: the page stopped this order.',
  summary: (side: OrderSide, size: string, base: string, at: string | undefined) =>
    `${sideWord(side)} ${size} ${base}${at ? ` at ${at}` : ' at market'}`,
  summaryFunds: (side: OrderSide, funds: string, quote: string, base: string) => `${sideWord(side)} ${base} for ${funds} ${quote} at market`,
  placed: (summary: string) => `Order placed: ${summary}.`,
  placedFound: (summary: string) => `The order was placed: ${summary}. (The answer was lost; KuCoin confirmed it when asked.)`,
  orderIds: (orderId: string, clientOid: string) => `Order id ${orderId}, client id ${clientOid}.`,
  borrowed: (value: string, currency: string) => `Borrowed ${value} ${currency} for it.`,
  checking: (why: string) => `${why} Checking with KuCoin whether the order was placed… Nothing else can be placed until we know.`,
  checkingAttempt: (n: number) => `Asked ${n} ${n === 1 ? 'time' : 'times'} so far.`,
  checkingError: (why: string) => `Last check failed: ${why}`,
  checkNow: 'Check now',
  notFound: (clientOid: string) =>
    `The order was not placed: KuCoin has no order with client id ${clientOid}. You can place it again; the same client id is used, so it can never be placed twice.`,
  refused: (why: string) => `The order was not placed. ${why}`,
  busy: {
    sending: 'Placing the order…',
    checking: 'Waiting to learn whether the last order was placed.',
    reviewing: 'Review the order below, or go back to the form.',
  },
  status: 'Status',
  statuses: {
    open: 'In the book',
    'partially-filled': 'Partly filled',
    filled: 'Filled',
    'partially-filled-cancelled': 'Partly filled, rest cancelled',
    cancelled: 'Cancelled',
  } satisfies Record<OrderStatus, string>,
  filledOf: (filled: string, size: string, base: string) => `${filled} of ${size} ${base} filled`,
  filledFunds: (funds: string, quote: string) => `${funds} ${quote} filled`,
  cancelTracked: 'Cancel this order',
  disabled: {
    'trading-off': (symbol: string) => `Trading ${symbol} on margin is turned off at the venue.`,
    'no-rules': (symbol: string) => `The venue gives no trading rules (increments) for ${symbol}.`,
    'not-listed': (symbol: string, mode: string) => `${symbol} is not listed for ${mode.toLowerCase()}.`,
  } satisfies Record<DisabledReason, (symbol: string, mode: string) => string>,
  noSymbols: (mode: string) => `No symbols are listed for ${mode.toLowerCase()}.`,
  loadSymbolsFailed: (why: string) => `The symbols could not be loaded: ${why}`,
  orders: {
    label: 'Orders',
    open: 'Open orders',
    history: 'Order history',
    fills: 'Fills',
    noOpen: (symbol: string) => `No open orders on ${symbol}.`,
    noHistory: (symbol: string) => `No closed orders on ${symbol}.`,
    noFills: (symbol: string) => `No fills on ${symbol}.`,
    cancel: 'Cancel',
    cancelling: 'Cancelling…',
    cancelLabel: (summary: string) => `Cancel ${summary}`,
    cancelled: (summary: string) => `Cancel requested: ${summary}.`,
    cancelAll: (symbol: string) => `Cancel all ${symbol} orders`,
    cancelAllConfirm: (count: number, symbol: string) =>
      `Cancel ${count === 1 ? 'the open order' : `all ${count} open orders`} on ${symbol}?`,
    cancelAllYes: 'Yes, cancel all',
    cancelAllNo: 'Keep them',
    cancelledAll: (symbol: string) => `All open orders on ${symbol} were cancelled.`,
    loadMore: 'Load more',
    loading: 'Loading…',
    columns: {
      time: 'Time',
      side: 'Side',
      type: 'Type',
      price: 'Price',
      size: 'Size',
      filled: 'Filled',
      status: 'Status',
      actions: 'Actions',
      funds: 'Value',
      fee: 'Fee',
      liquidity: 'Liquidity',
    },
    market: 'Market',
    liquidity: { taker: 'Taker', maker: 'Maker' },
  },
  fields: {
    symbol: 'Symbol',
    price: 'Price',
    size: 'Size',
    funds: 'Funds',
    notional: 'Notional',
    timeInForce: 'Time in force',
    cancelAfter: 'Cancel after',
    postOnly: 'Post only',
    hidden: 'Hidden',
    visibleSize: 'Visible size',
    leverage: 'Leverage',
  } satisfies Record<OrderField, string>,
  errors: {
    insufficient: (message: string, code: string) =>
      `Not enough balance in your margin account for this order. Turn on auto-borrow or lower the amount. (KuCoin: ${message}, code ${code})`,
    duplicate: 'An order with this client id already exists: looking it up…',
    amounts: (message: string, code: string) => `KuCoin refused the amounts: ${message} (code ${code})`,
    margin: (message: string, code: string) =>
      `Margin trading is not available for this (margin not enabled, or no isolated pair): ${message} (code ${code})`,
    refused: (message: string, code: string) => `KuCoin refused the order: ${message} (code ${code})`,
    auth: (message: string) => `The proxy did not let this page in: ${message}`,
    venueAuth: (message: string, code: string) => `KuCoin refused the API key the proxy signs with: ${message} (code ${code})`,
    lost: 'The answer was lost (the connection failed).',
    timeout: 'There was no answer in time.',
    server: 'The venue had an internal error.',
    malformed: 'The answer could not be read.',
    unknownCause: 'The outcome is unknown.',
    invalid: (count: number) => `Please fix ${count === 1 ? 'the highlighted field' : `the ${count} highlighted problems`}: nothing was sent.`,
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
  switch (v.rule) {
    case 'step':
      if (v.field === 'price') return `Must be a multiple of the price increment ${limit} ${ctx.quote}`;
      if (v.field === 'funds') return `Must be a multiple of the funds increment ${limit} ${ctx.quote}`;
      return `Must be a multiple of the size increment ${limit} ${ctx.base}`;
    case 'min':
      if (v.field === 'size') return `At least the minimum size ${limit} ${ctx.base}`;
      if (v.field === 'funds') return `At least the minimum funds ${limit} ${ctx.quote}`;
      if (v.field === 'cancelAfter') return `At least ${limit} second`;
      return `At least ${limit}`;
    case 'max':
      if (v.field === 'size') return `At most the maximum size ${limit} ${ctx.base}`;
      if (v.field === 'funds') return `At most the maximum funds ${limit} ${ctx.quote}`;
      if (v.field === 'leverage') return `At most the maximum leverage ${limit}×`;
      if (v.field === 'cancelAfter') return `At most ${limit} seconds`;
      return `At most ${limit}`;
    case 'min-notional':
      return v.field === 'notional'
        ? `The order value (price × size, or funds) must be at least the minimum ${limit} ${ctx.quote}`
        : `At least ${limit} ${ctx.quote}`;
    case 'above-size':
      return `At most the order size ${limit} ${ctx.base}`;
    case 'gtt-only':
      return 'Only with time in force GTT: clear it or choose GTT';
    case 'not-with-ioc-fok':
      return 'Post only cannot be combined with IOC or FOK';
    case 'not-with-iceberg':
      return 'An order cannot be both hidden and iceberg';
    case 'iceberg-only':
      return 'Only for iceberg orders: clear it or tick Iceberg';
    case 'whole-number':
      return 'Whole seconds only, like 60';
    case 'above':
      return `Must be more than ${limit}`;
    case 'decimals':
      return `At most ${limit} decimal places`;
    case 'trading-disabled':
      return 'Trading is turned off for this symbol';
    default: {
      const text = sharedStrings.rules[v.rule];
      return typeof text === 'function' ? text(limit || undefined) : text;
    }
  }
}
