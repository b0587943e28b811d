/**
 * KuCoin margin orders: `kucoin-margin-rest-api.md`, "Add Order" to "Add Order Test - V1".
 * Marketable orders take from the synthetic book around the mark (`matching.ts`); what rests
 * fills as maker once the mark moves through its price, on the clock's tick. Balances live in
 * the margin wallets; `autoBorrow`/`autoRepay` go through the shared loan ledger.
 */
import { CLIENT_OID_PATTERN } from '../core/client-oid.js';
import { Decimal, toPlainString } from '../core/decimal.js';
import type { KucoinAccount, MarginMode, Wallet } from './accounts.js';
import { kucoinAccount, ParamReader, type EndpointImpl, type RequestContext } from './context.js';
import { KUCOIN, VenueError } from './errors.js';
import { SYMBOLS, type SymbolFixture } from './fixtures.js';
import { jsonNumber } from './json.js';
import type { LoanTarget } from './loans.js';
import {
  isMarketable,
  MAKER_FEE_RATE,
  syntheticDepth,
  TAKER_FEE_RATE,
  takeFromDepth,
  type Execution,
  type OrderSide,
} from './matching.js';
import type { SandboxState } from './state.js';

type OrderType = 'limit' | 'market';
type TimeInForce = 'GTC' | 'GTT' | 'IOC' | 'FOK';
type SelfTradePrevention = 'DC' | 'CO' | 'CN' | 'CB';
type TradeType = 'MARGIN_TRADE' | 'MARGIN_ISOLATED_TRADE';
type Liquidity = 'taker' | 'maker';

const SIDES: readonly OrderSide[] = ['buy', 'sell'];
const TYPES: readonly OrderType[] = ['limit', 'market'];
const TIMES_IN_FORCE: readonly TimeInForce[] = ['GTC', 'GTT', 'IOC', 'FOK'];
const STPS: readonly SelfTradePrevention[] = ['DC', 'CO', 'CN', 'CB'];
const TRADE_TYPES: readonly TradeType[] = ['MARGIN_TRADE', 'MARGIN_ISOLATED_TRADE'];
const MARGIN_MODELS: readonly MarginMode[] = ['cross', 'isolated'];

/** "Get Symbols - Cross Margin" advertises `priceLimitRate` 0.1: a taking price at most 10% through the mark. */
const PRICE_LIMIT_RATE = new Decimal('0.1');
/** "Get Closed Orders" / "Get Trade History": `limit` "Default20, Max100". */
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
/** Numeric ids (`lastId` of closed orders, fill `id`) look like KuCoin's int64 ids. */
const FIRST_DONE_ID = 100_000_000_000;
const FIRST_FILL_ID = 10_000_000_000_000;
const ZERO = new Decimal(0);

interface MarginOrder {
  id: string;
  apiKey: string;
  /** Placement order: open orders are matched in it. */
  seq: number;
  clientOid: string;
  symbol: string;
  mode: MarginMode;
  /** HF orders (v3) trade in the HF margin account, V1 orders in the classic one. */
  hf: boolean;
  tradeType: TradeType;
  type: OrderType;
  side: OrderSide;
  price: Decimal;
  size: Decimal;
  funds: Decimal;
  dealSize: Decimal;
  dealFunds: Decimal;
  fee: Decimal;
  feeCurrency: string;
  stp: SelfTradePrevention | undefined;
  timeInForce: TimeInForce;
  postOnly: boolean;
  hidden: boolean;
  iceberg: boolean;
  visibleSize: Decimal;
  cancelAfter: number;
  /** GTT: when the tick cancels it. */
  expiresAt: number | undefined;
  cancelExist: boolean;
  createdAt: number;
  lastUpdatedAt: number;
  /** Entered the book (rested) at some point; stays true once done. */
  inOrderBook: boolean;
  /** Which side of the price the mark was on when the order rested: it fills once the mark crosses to the other. */
  restedAt: MarkPosition;
  cancelledSize: Decimal;
  cancelledFunds: Decimal;
  active: boolean;
  autoRepay: boolean;
  /** What the order still holds in its wallet: quote (buys, with the maker fee) or base (sells). */
  held: Decimal;
  /** The `lastId` of "Get Closed Orders", given when the order is done; 0 while active. */
  doneId: number;
}

interface MarginFill {
  id: number;
  apiKey: string;
  symbol: string;
  tradeId: number;
  orderId: string;
  counterOrderId: string;
  side: OrderSide;
  liquidity: Liquidity;
  price: Decimal;
  size: Decimal;
  funds: Decimal;
  fee: Decimal;
  feeRate: Decimal;
  feeCurrency: string;
  tradeType: TradeType;
  type: OrderType;
  createdAt: number;
}

/** One validated placement request, before anything is applied. */
interface OrderRequest {
  clientOid: string;
  side: OrderSide;
  fixture: SymbolFixture;
  mode: MarginMode;
  type: OrderType;
  stp: SelfTradePrevention | undefined;
  price: Decimal | undefined;
  size: Decimal | undefined;
  funds: Decimal | undefined;
  timeInForce: TimeInForce;
  postOnly: boolean;
  hidden: boolean;
  iceberg: boolean;
  visibleSize: Decimal | undefined;
  cancelAfter: number | undefined;
  autoBorrow: boolean;
  autoRepay: boolean;
}

/** What placing the order would do: executions now, what rests, what the wallet must give. */
interface Plan {
  executions: Execution[];
  restSize: Decimal;
  /** Quote for a buy, base for a sell. */
  holdCurrency: string;
  holdAmount: Decimal;
  /** What autoBorrow would borrow (0 when the wallet covers it). */
  borrowSize: Decimal;
}

type Version = 'v3' | 'v1';

/** 1: the mark is above the price, -1: below. */
type MarkPosition = 1 | -1;

/**
 * Where the mark is against a resting price. At the price itself counts as the side that does
 * not fill, so an order resting at the mark waits for the mark to move through it.
 */
function markPosition(mark: Decimal, price: Decimal, side: OrderSide): MarkPosition {
  const c = mark.cmp(price);
  if (c === 0) return side === 'buy' ? 1 : -1;
  return c > 0 ? 1 : -1;
}

const str = (value: Decimal): string => toPlainString(value);
const sum = (values: readonly Decimal[]): Decimal => values.reduce((a, b) => a.plus(b), ZERO);

/**
 * A test order is never placed: its id comes from the request alone, so answering it moves no
 * counter and no seeded draw (the next real order gets the same id either way).
 */
function testOrderId(apiKey: string, clientOid: string, now: number): string {
  const text = `${apiKey}\n${clientOid}\n${now}`;
  let id = '';
  for (const seed of [0x811c9dc5, 0x01000193, 0x5bd1e995]) {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    id += h.toString(16).padStart(8, '0');
  }
  return id;
}

function tradeTypeOf(mode: MarginMode): TradeType {
  return mode === 'isolated' ? 'MARGIN_ISOLATED_TRADE' : 'MARGIN_TRADE';
}

/** The venue's balance refusal: the HF margin family (126013) on v3, the classic one (200004) on V1. */
function balanceError(version: Version, message = 'Balance insufficient!'): VenueError {
  return version === 'v3' ? KUCOIN.marginBalanceInsufficient(message) : KUCOIN.balanceInsufficient(message);
}

function requireMultiple(name: string, value: Decimal, step: string, increment: string): void {
  if (value.lte(0)) throw KUCOIN.badRequest(`${name} must be positive`);
  if (!value.mod(step).isZero()) throw KUCOIN.badRequest(`Order ${name} increment invalid: must be a multiple of ${increment} ${step}`);
}

function requireWithin(name: string, value: Decimal, min: string, max: string): void {
  if (value.lt(min)) throw KUCOIN.badRequest(`Order ${name} below the minimum requirement ${min}`);
  if (value.gt(max)) throw KUCOIN.badRequest(`Order ${name} exceeds the maximum ${max}`);
}

/** Reads and checks a placement body as the venue does (every check a test order runs too). */
function readOrderRequest(ctx: RequestContext, version: Version): OrderRequest {
  const b = ParamReader.body(ctx);
  const clientOid = b.string('clientOid');
  if (!CLIENT_OID_PATTERN.test(clientOid)) {
    throw KUCOIN.badRequest('clientOid may contain only letters, digits, _ and -, at most 40 characters');
  }
  const side = b.enum('side', SIDES);
  const symbol = b.string('symbol');
  const type = b.optEnum('type', TYPES) ?? 'limit';
  const stp = b.optEnum('stp', STPS);
  const price = b.optDecimal('price');
  const size = b.optDecimal('size');
  const timeInForce = b.optEnum('timeInForce', TIMES_IN_FORCE) ?? 'GTC';
  const postOnly = b.optBoolean('postOnly') ?? false;
  const hidden = b.optBoolean('hidden') ?? false;
  const iceberg = b.optBoolean('iceberg') ?? false;
  const visibleSize = b.optDecimal('visibleSize');
  const cancelAfter = b.optInteger('cancelAfter', 1);
  const funds = b.optDecimal('funds');
  const mode: MarginMode =
    version === 'v3' ? (b.optBoolean('isIsolated') ? 'isolated' : 'cross') : (b.optEnum('marginModel', MARGIN_MODELS) ?? 'cross');
  const autoBorrow = b.optBoolean('autoBorrow') ?? false;
  const autoRepay = b.optBoolean('autoRepay') ?? false;
  b.done();

  const fixture = SYMBOLS.find((s) => s.symbol === symbol);
  if (!fixture) throw KUCOIN.badRequest(`Symbol ${symbol} not exists`);
  if (mode === 'isolated' && !fixture.isolated) throw KUCOIN.badRequest(`${symbol} is not an isolated margin symbol`);
  if (!fixture.enableTrading || (mode === 'isolated' && !fixture.isolated!.tradeEnable)) {
    throw KUCOIN.orderRefused(`Order creation for ${symbol} is suspended`);
  }

  if (cancelAfter !== undefined && timeInForce !== 'GTT') throw KUCOIN.badRequest('cancelAfter is only valid with timeInForce GTT');
  if (timeInForce === 'GTT' && cancelAfter === undefined) throw KUCOIN.badRequest('cancelAfter is required with timeInForce GTT');
  // The doc: postOnly "is disabled when the order timing strategy is IOC or FOK"; refused, not silently dropped.
  if (postOnly && (timeInForce === 'IOC' || timeInForce === 'FOK')) {
    throw KUCOIN.badRequest('postOnly cannot be used with timeInForce IOC or FOK');
  }
  if (hidden && iceberg) throw KUCOIN.badRequest('An order cannot be both hidden and iceberg');
  if (visibleSize !== undefined && !iceberg) throw KUCOIN.badRequest('visibleSize is only valid for iceberg orders');

  if (type === 'limit') {
    if (price === undefined) throw KUCOIN.badRequest('price is required for limit orders');
    if (size === undefined) throw KUCOIN.badRequest('size is required for limit orders');
    if (funds !== undefined) throw KUCOIN.badRequest('funds is only valid for market orders');
  } else {
    if ((size === undefined) === (funds === undefined)) throw KUCOIN.badRequest('Market orders take exactly one of size or funds');
    if (timeInForce === 'GTT') throw KUCOIN.badRequest('Market orders cannot be GTT');
    if (hidden || iceberg) throw KUCOIN.badRequest('Market orders cannot be hidden or iceberg');
  }

  if (type === 'limit') requireMultiple('price', price!, fixture.priceIncrement, 'priceIncrement');
  if (size !== undefined) {
    requireMultiple('size', size, fixture.baseIncrement, 'baseIncrement');
    requireWithin('size', size, fixture.baseMinSize, fixture.baseMaxSize);
  }
  if (funds !== undefined) {
    requireMultiple('funds', funds, fixture.quoteIncrement, 'quoteIncrement');
    requireWithin('funds', funds, fixture.quoteMinSize, fixture.quoteMaxSize);
  }
  const notional = type === 'limit' ? price!.mul(size!) : funds;
  if (notional !== undefined && notional.lt(fixture.minFunds)) {
    throw KUCOIN.badRequest(`Order funds below the minimum requirement: price x size must be at least minFunds ${fixture.minFunds}`);
  }
  if (iceberg) {
    if (visibleSize === undefined) throw KUCOIN.badRequest('visibleSize is required for iceberg orders');
    requireMultiple('visibleSize', visibleSize, fixture.baseIncrement, 'baseIncrement');
    if (visibleSize.gt(size!)) throw KUCOIN.badRequest('visibleSize cannot exceed size');
  }

  return {
    clientOid,
    side,
    fixture,
    mode,
    type,
    stp,
    price: type === 'limit' ? price : undefined,
    size,
    funds,
    timeInForce,
    postOnly,
    hidden,
    iceberg,
    visibleSize,
    cancelAfter,
    autoBorrow,
    autoRepay,
  };
}

export function orderEndpoints(state: SandboxState): Record<string, EndpointImpl> {
  const orders = new Map<string, MarginOrder>();
  /** `apiKey \n clientOid`: a clientOid is the account's, once, for good. */
  const byClientOid = new Map<string, MarginOrder>();
  /** Open orders in placement order (the tick walks them in it). */
  const open = new Map<string, MarginOrder>();
  const fills: MarginFill[] = [];
  const tradeIds = new Map<string, number>();
  let seq = 0;
  let lastDoneId = FIRST_DONE_ID;
  let lastFillId = FIRST_FILL_ID;

  const clientOidKey = (apiKey: string, clientOid: string) => `${apiKey}\n${clientOid}`;

  function accountOf(order: MarginOrder): KucoinAccount {
    return state.kucoinAccounts.get(order.apiKey)!;
  }

  function walletOf(order: MarginOrder): Wallet {
    return accountOf(order).wallet(order.mode, order.symbol, order.hf);
  }

  /** Buys hold (and pay in) the quote currency, sells the base. */
  function currencies(order: MarginOrder): { held: string; received: string } {
    const fixture = SYMBOLS.find((s) => s.symbol === order.symbol)!;
    return order.side === 'buy'
      ? { held: fixture.quoteCurrency, received: fixture.baseCurrency }
      : { held: fixture.baseCurrency, received: fixture.quoteCurrency };
  }

  function quoteUsd(quote: string): Decimal {
    if (quote === 'USDT' || quote === 'USDC') return new Decimal(1);
    return state.markPrices.get(`${quote}-USDT`) ?? new Decimal(1);
  }

  /**
   * What autoBorrow borrows to cover `shortfall`: rounded up to `borrowMinUnit`, refused as the
   * ledger would refuse it. Reads the ledger without touching it, so test orders can ask too.
   */
  function borrowFor(account: KucoinAccount, target: LoanTarget, shortfall: Decimal, version: Version): Decimal {
    const limits = state.loans.limits(target);
    if (!limits) throw KUCOIN.borrowRefused(`${target.currency} cannot be borrowed${target.symbol && target.mode === 'isolated' ? ` on ${target.symbol}` : ''}`);
    if (!limits.borrowEnabled) throw KUCOIN.borrowRefused(`Borrowing ${target.currency} is not enabled`);
    const unit = limits.borrowMinUnit;
    const ask = Decimal.max(shortfall.div(unit).ceil().mul(unit), limits.borrowMinAmount);
    if (ask.gt(state.loans.room(account, target, limits))) {
      throw balanceError(version, `Balance insufficient! Borrowing ${ask.toString()} ${target.currency} would exceed the borrow limit`);
    }
    return ask;
  }

  function plan(account: KucoinAccount, request: OrderRequest, version: Version): Plan {
    const { fixture, side } = request;
    const mark = state.markPrices.get(fixture.symbol)!;
    const price = request.price;
    if (price) {
      // Price protection: a buy at most 10% above the mark, a sell at most 10% below.
      const bound = side === 'buy' ? mark.mul(PRICE_LIMIT_RATE.plus(1)) : mark.mul(new Decimal(1).minus(PRICE_LIMIT_RATE));
      if (side === 'buy' ? price.gt(bound) : price.lt(bound)) {
        throw KUCOIN.orderRefused(`The order price is beyond the price limit (${side === 'buy' ? 'at most' : 'at least'} ${bound.toString()})`);
      }
    }
    const takes = request.type === 'market' || isMarketable(fixture, mark, side, price!);
    if (request.postOnly && takes) throw KUCOIN.orderRefused('The postOnly order would take liquidity, so it was not placed');

    let executions: Execution[] = [];
    if (takes) {
      const levels = syntheticDepth(fixture, mark, side, quoteUsd(fixture.quoteCurrency));
      const want = request.size ? { size: request.size } : { funds: request.funds! };
      const taken = takeFromDepth(levels, side, want, new Decimal(fixture.baseIncrement), price);
      executions = request.timeInForce === 'FOK' && !taken.complete ? [] : taken.executions;
    }
    const takenSize = sum(executions.map((e) => e.size));
    const takenFunds = sum(executions.map((e) => e.funds));
    const rests = request.type === 'limit' && (request.timeInForce === 'GTC' || request.timeInForce === 'GTT');
    const restSize = rests ? request.size!.minus(takenSize) : ZERO;
    const holdCurrency = side === 'buy' ? fixture.quoteCurrency : fixture.baseCurrency;
    // A buy holds what it pays, fee included: the taker part now, the resting part at its price plus the maker fee.
    const holdAmount =
      side === 'buy'
        ? takenFunds.mul(TAKER_FEE_RATE.plus(1)).plus(restSize.mul(price ?? ZERO).mul(MAKER_FEE_RATE.plus(1)))
        : takenSize.plus(restSize);

    const wallet = account.wallet(request.mode, fixture.symbol, version === 'v3');
    const available = wallet.balances.get(holdCurrency)?.available ?? ZERO;
    let borrowSize = ZERO;
    if (available.lt(holdAmount)) {
      if (!request.autoBorrow) throw balanceError(version);
      const target: LoanTarget = { mode: request.mode, symbol: fixture.symbol, currency: holdCurrency, hf: version === 'v3' };
      borrowSize = borrowFor(account, target, holdAmount.minus(available), version);
    }
    return { executions, restSize, holdCurrency, holdAmount, borrowSize };
  }

  function markDone(order: MarginOrder, at: number): void {
    order.active = false;
    order.lastUpdatedAt = at;
    lastDoneId += 1;
    order.doneId = lastDoneId;
    open.delete(order.id);
  }

  function recordFill(order: MarginOrder, execution: Execution, liquidity: Liquidity, at: number): Decimal {
    const feeRate = liquidity === 'taker' ? TAKER_FEE_RATE : MAKER_FEE_RATE;
    const fee = execution.funds.mul(feeRate);
    const tradeId = (tradeIds.get(order.symbol) ?? 0) + 1;
    tradeIds.set(order.symbol, tradeId);
    lastFillId += 1;
    fills.push({
      id: lastFillId,
      apiKey: order.apiKey,
      symbol: order.symbol,
      tradeId,
      orderId: order.id,
      counterOrderId: state.nextId(),
      side: order.side,
      liquidity,
      price: execution.price,
      size: execution.size,
      funds: execution.funds,
      fee,
      feeRate,
      feeCurrency: order.feeCurrency,
      tradeType: order.tradeType,
      type: order.type,
      createdAt: at,
    });
    order.dealSize = order.dealSize.plus(execution.size);
    order.dealFunds = order.dealFunds.plus(execution.funds);
    order.fee = order.fee.plus(fee);
    order.lastUpdatedAt = at;
    return fee;
  }

  /** Moves the money of executions: the held side is spent, the other side credited net of fees. */
  function settle(order: MarginOrder, executions: readonly Execution[], liquidity: Liquidity, at: number): void {
    if (executions.length === 0) return;
    const fee = sum(executions.map((e) => recordFill(order, e, liquidity, at)));
    const size = sum(executions.map((e) => e.size));
    const funds = sum(executions.map((e) => e.funds));
    const wallet = walletOf(order);
    const { held, received: receivedCurrency } = currencies(order);
    const spent = order.side === 'buy' ? funds.plus(fee) : size;
    wallet.release(held, spent, true);
    order.held = order.held.minus(spent);
    const received = order.side === 'buy' ? size : funds.minus(fee);
    wallet.credit(receivedCurrency, received);
    if (order.autoRepay) autoRepay(order, receivedCurrency, received);
  }

  /** "the maximum repayment amount equals to the filled-order amount": what the fill brought in. */
  function autoRepay(order: MarginOrder, currency: string, received: Decimal): void {
    const wallet = walletOf(order);
    const owed = wallet.debt(currency);
    const amount = Decimal.min(owed, received);
    if (amount.lte(0)) return;
    try {
      state.loans.repay(accountOf(order), { mode: order.mode, symbol: order.symbol, currency, hf: order.hf }, amount);
    } catch (error) {
      // A fill never fails for its repayment: the debt just stays.
      if (!(error instanceof VenueError)) throw error;
    }
  }

  function releaseHeld(order: MarginOrder): void {
    if (order.held.gt(0)) walletOf(order).release(currencies(order).held, order.held);
    order.held = ZERO;
  }

  function cancel(order: MarginOrder, at: number): void {
    releaseHeld(order);
    order.cancelledSize = order.size.minus(order.dealSize);
    order.cancelledFunds = order.cancelledSize.mul(order.price);
    order.cancelExist = true;
    markDone(order, at);
  }

  /** Closes an order that did not rest: what it did not fill is cancelled at once. */
  function closeUnrested(order: MarginOrder, at: number): void {
    releaseHeld(order);
    if (order.funds.gt(0)) {
      order.cancelledFunds = order.funds.minus(order.dealFunds);
    } else {
      order.cancelledSize = order.size.minus(order.dealSize);
      order.cancelledFunds = order.cancelledSize.mul(order.price);
    }
    order.cancelExist = order.cancelledSize.gt(0) || order.cancelledFunds.gt(0);
    markDone(order, at);
  }

  // Resting orders move with the clock: GTT ones expire, the others fill once the mark crosses
  // their price. Usually that is the mark falling through a bid (rising through an ask); the rest
  // of an order that swept the whole synthetic book sits past the mark and fills when the mark reaches it.
  state.onTick((now) => {
    for (const order of [...open.values()]) {
      if (order.expiresAt !== undefined && now >= order.expiresAt) {
        cancel(order, order.expiresAt);
        continue;
      }
      const mark = state.markPrices.get(order.symbol)!;
      if (markPosition(mark, order.price, order.side) !== order.restedAt) {
        const remaining = order.size.minus(order.dealSize);
        settle(order, [{ price: order.price, size: remaining, funds: order.price.mul(remaining) }], 'maker', now);
        markDone(order, now);
      }
    }
  });

  function place(ctx: RequestContext, version: Version, test: boolean): Record<string, unknown> {
    const account = kucoinAccount(ctx);
    const request = readOrderRequest(ctx, version);
    if (byClientOid.has(clientOidKey(account.apiKey, request.clientOid))) throw KUCOIN.duplicateClientOid();
    const p = plan(account, request, version);
    const { fixture } = request;

    if (test) {
      return answer(version, true, testOrderId(account.apiKey, request.clientOid, ctx.now), request, p.borrowSize, '');
    }

    let loanApplyId = '';
    let borrowSize = ZERO;
    if (p.borrowSize.gt(0)) {
      const target: LoanTarget = { mode: request.mode, symbol: fixture.symbol, currency: p.holdCurrency, hf: version === 'v3' };
      const record = state.loans.borrow(account, target, p.borrowSize, 'IOC');
      loanApplyId = record.orderNo;
      borrowSize = record.actualSize;
    }
    const wallet = account.wallet(request.mode, fixture.symbol, version === 'v3');
    wallet.hold(p.holdCurrency, p.holdAmount, () => balanceError(version));

    seq += 1;
    const order: MarginOrder = {
      id: state.nextId(),
      apiKey: account.apiKey,
      seq,
      clientOid: request.clientOid,
      symbol: fixture.symbol,
      mode: request.mode,
      hf: version === 'v3',
      tradeType: tradeTypeOf(request.mode),
      type: request.type,
      side: request.side,
      price: request.price ?? ZERO,
      size: request.size ?? ZERO,
      funds: request.funds ?? ZERO,
      dealSize: ZERO,
      dealFunds: ZERO,
      fee: ZERO,
      feeCurrency: fixture.quoteCurrency,
      stp: request.stp,
      timeInForce: request.timeInForce,
      postOnly: request.postOnly,
      hidden: request.hidden,
      iceberg: request.iceberg,
      visibleSize: request.visibleSize ?? ZERO,
      cancelAfter: request.cancelAfter ?? 0,
      expiresAt: request.cancelAfter === undefined ? undefined : ctx.now + request.cancelAfter * 1000,
      cancelExist: false,
      createdAt: ctx.now,
      lastUpdatedAt: ctx.now,
      inOrderBook: false,
      restedAt: markPosition(state.markPrices.get(fixture.symbol)!, request.price ?? ZERO, request.side),
      cancelledSize: ZERO,
      cancelledFunds: ZERO,
      active: true,
      autoRepay: request.autoRepay,
      held: p.holdAmount,
      doneId: 0,
    };
    orders.set(order.id, order);
    byClientOid.set(clientOidKey(account.apiKey, order.clientOid), order);
    settle(order, p.executions, 'taker', ctx.now);
    if (p.restSize.gt(0)) {
      order.inOrderBook = true;
      open.set(order.id, order);
    } else {
      closeUnrested(order, ctx.now);
    }
    return answer(version, false, order.id, request, borrowSize, loanApplyId);
  }

  /**
   * The doc marks all four fields required yet says `loanApplyId`/`borrowSize` are "returned only
   * after placing the order under the mode of Auto-Borrow": sent with autoBorrow only. "Add Order
   * Test" types `borrowSize` as a number, the other three as a string.
   */
  function answer(version: Version, test: boolean, orderId: string, request: OrderRequest, borrowSize: Decimal, loanApplyId: string) {
    const data: Record<string, unknown> = { orderId };
    if (request.autoBorrow) {
      data.loanApplyId = loanApplyId;
      data.borrowSize = version === 'v3' && test ? jsonNumber(borrowSize) : str(borrowSize);
    }
    data.clientOid = request.clientOid;
    return data;
  }

  function orderView(o: MarginOrder) {
    const remainSize = o.active ? o.size.minus(o.dealSize) : ZERO;
    return {
      id: o.id,
      symbol: o.symbol,
      opType: 'DEAL',
      type: o.type,
      side: o.side,
      price: str(o.price),
      size: str(o.size),
      funds: str(o.funds),
      dealSize: str(o.dealSize),
      dealFunds: str(o.dealFunds),
      fee: str(o.fee),
      feeCurrency: o.feeCurrency,
      // Sent only when the order has one: the schema allows DC, CO, CN, CB and nothing else.
      ...(o.stp ? { stp: o.stp } : {}),
      // HF margin has no stop orders: the stop fields are always empty.
      stop: '',
      stopTriggered: false,
      stopPrice: '0',
      timeInForce: o.timeInForce,
      postOnly: o.postOnly,
      hidden: o.hidden,
      iceberg: o.iceberg,
      visibleSize: str(o.visibleSize),
      cancelAfter: o.cancelAfter,
      channel: 'API',
      clientOid: o.clientOid,
      remark: '',
      tags: '',
      cancelExist: o.cancelExist,
      createdAt: o.createdAt,
      lastUpdatedAt: o.lastUpdatedAt,
      tradeType: o.tradeType,
      inOrderBook: o.inOrderBook,
      cancelledSize: str(o.cancelledSize),
      cancelledFunds: str(o.cancelledFunds),
      remainSize: str(remainSize),
      remainFunds: str(remainSize.mul(o.price)),
      tax: '0',
      active: o.active,
    };
  }

  function fillView(f: MarginFill) {
    return {
      id: f.id,
      symbol: f.symbol,
      tradeId: f.tradeId,
      orderId: f.orderId,
      counterOrderId: f.counterOrderId,
      side: f.side,
      liquidity: f.liquidity,
      forceTaker: false,
      price: str(f.price),
      size: str(f.size),
      funds: str(f.funds),
      fee: str(f.fee),
      feeRate: str(f.feeRate),
      feeCurrency: f.feeCurrency,
      stop: '',
      tradeType: f.tradeType,
      tax: '0',
      taxRate: '0',
      type: f.type,
      createdAt: f.createdAt,
    };
  }

  function requireSymbol(symbol: string): void {
    if (!SYMBOLS.some((s) => s.symbol === symbol)) throw KUCOIN.badRequest(`Symbol ${symbol} not exists`);
  }

  /** The caller's order on `symbol`, by id or clientOid; the venue's not-found otherwise. */
  function findOrder(ctx: RequestContext, by: 'orderId' | 'clientOid'): MarginOrder {
    const account = kucoinAccount(ctx);
    const q = ParamReader.query(ctx);
    const symbol = q.string('symbol');
    q.done();
    const key = ctx.params[by]!;
    const order = by === 'orderId' ? orders.get(key) : byClientOid.get(clientOidKey(account.apiKey, key));
    if (!order || order.apiKey !== account.apiKey || order.symbol !== symbol) throw KUCOIN.orderNotExist();
    return order;
  }

  function cancelOpen(order: MarginOrder, now: number): void {
    // KuCoin's answer for an order already filled or cancelled.
    if (!order.active) throw KUCOIN.badRequest('order_not_exist_or_not_allow_to_cancel');
    cancel(order, now);
  }

  /**
   * The query of the per-symbol lists and the cancel-all: `symbol` and `tradeType` (then what
   * else the endpoint reads), and which of the caller's orders or fills it names.
   */
  function symbolQuery<T>(ctx: RequestContext, more: (q: ParamReader) => T) {
    const account = kucoinAccount(ctx);
    const q = ParamReader.query(ctx);
    const symbol = q.string('symbol');
    const tradeType = q.enum('tradeType', TRADE_TYPES);
    const extra = more(q);
    q.done();
    requireSymbol(symbol);
    const mine = (o: { apiKey: string; symbol: string; tradeType: TradeType }) => o.apiKey === account.apiKey && o.symbol === symbol && o.tradeType === tradeType;
    return { ...extra, mine };
  }

  /** The `lastId`/`limit`/`side`/`type`/`startAt`/`endAt` filter of the two history lists. */
  function readHistoryQuery(q: ParamReader) {
    const side = q.optEnum('side', SIDES);
    const type = q.optEnum('type', TYPES);
    const lastId = q.optInteger('lastId', 0);
    const limit = q.optInteger('limit', 1, MAX_LIMIT) ?? DEFAULT_LIMIT;
    const startAt = q.optInteger('startAt', 0);
    const endAt = q.optInteger('endAt', 0);
    if (startAt !== undefined && endAt !== undefined && startAt > endAt) throw KUCOIN.badRequest('startAt must not be after endAt');
    const within = (at: number) => (startAt === undefined || at >= startAt) && (endAt === undefined || at <= endAt);
    /** Whether a done order or a fill (`id`: its `lastId` number) is in the asked side, type, page and time range. */
    const matches = (s: OrderSide, t: OrderType, id: number, at: number) =>
      (!side || s === side) && (!type || t === type) && (lastId === undefined || id < lastId) && within(at);
    return { limit, matches };
  }

  return {
    addOrder: (ctx) => place(ctx, 'v3', false),
    addOrderTest: (ctx) => place(ctx, 'v3', true),
    addOrderV1: (ctx) => place(ctx, 'v1', false),
    addOrderTestV1: (ctx) => place(ctx, 'v1', true),

    cancelOrderByOrderId(ctx) {
      const order = findOrder(ctx, 'orderId');
      cancelOpen(order, ctx.now);
      return { orderId: order.id };
    },

    getOrderByOrderId: (ctx) => orderView(findOrder(ctx, 'orderId')),

    cancelOrderByClientOid(ctx) {
      const order = findOrder(ctx, 'clientOid');
      cancelOpen(order, ctx.now);
      return { clientOid: order.clientOid };
    },

    getOrderByClientOid: (ctx) => orderView(findOrder(ctx, 'clientOid')),

    cancelAllOrdersBySymbol(ctx) {
      const { mine } = symbolQuery(ctx, () => ({}));
      for (const order of [...open.values()]) if (mine(order)) cancel(order, ctx.now);
      // The doc types `data` as a bare string.
      return 'success';
    },

    getSymbolsWithOpenOrder(ctx) {
      const account = kucoinAccount(ctx);
      const q = ParamReader.query(ctx);
      const tradeType = q.enum('tradeType', TRADE_TYPES);
      q.done();
      const symbols = [...new Set([...open.values()].filter((o) => o.apiKey === account.apiKey && o.tradeType === tradeType).map((o) => o.symbol))].sort();
      return { symbolSize: symbols.length, symbols };
    },

    getOpenOrders(ctx) {
      const { mine } = symbolQuery(ctx, () => ({}));
      return [...open.values()].filter(mine).sort((a, b) => b.lastUpdatedAt - a.lastUpdatedAt || b.seq - a.seq).map(orderView);
    },

    getClosedOrders(ctx) {
      const { mine, filter } = symbolQuery(ctx, (q) => ({ filter: readHistoryQuery(q) }));
      const items = [...orders.values()]
        .filter((o) => !o.active && mine(o) && filter.matches(o.side, o.type, o.doneId, o.createdAt))
        .sort((a, b) => b.doneId - a.doneId)
        .slice(0, filter.limit);
      return { lastId: items.at(-1)?.doneId ?? 0, items: items.map(orderView) };
    },

    getTradeHistory(ctx) {
      const { mine, orderId, filter } = symbolQuery(ctx, (q) => ({ orderId: q.optString('orderId'), filter: readHistoryQuery(q) }));
      const items = fills
        .filter((f) => mine(f) && (!orderId || f.orderId === orderId) && filter.matches(f.side, f.type, f.id, f.createdAt))
        .sort((a, b) => b.id - a.id)
        .slice(0, filter.limit);
      return { items: items.map(fillView), lastId: items.at(-1)?.id ?? 0 };
    },
  };
}
