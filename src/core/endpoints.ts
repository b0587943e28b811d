/**
 * Every endpoint of the two venue docs (`kucoin-margin-rest-api.md`: 33,
 * `bitmart-isolated-margin-loan.md`: 5) and the three margin-account reads beyond them (DESIGN.md
 * "Beyond the seeds: margin accounts"), as data: 41. The client's typed functions, the proxy's
 * allow-list and the sandbox's router are all checked against this one list.
 */

export type Venue = 'kucoin' | 'bitmart';
export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/**
 * How a call is authenticated upstream. `public`: no keys (KuCoin market data). `signed`: full
 * signature. `keyed`: BitMart's KEYED endpoints, the API key header and nothing else.
 */
export type EndpointAuth = 'public' | 'signed' | 'keyed';

export interface EndpointSpec {
  /** The client function that calls it. */
  readonly name: string;
  readonly venue: Venue;
  readonly method: HttpMethod;
  /** The venue path; `{orderId}`-style placeholders match one path segment. */
  readonly path: string;
  readonly auth: EndpointAuth;
  /** The doc's section title. */
  readonly title: string;
}

// Pure (an annotation bundlers read): a page that imports only `fillPath` does not carry the whole list.
const kucoin = /* @__NO_SIDE_EFFECTS__ */ (name: string, method: HttpMethod, path: string, auth: EndpointAuth, title: string): EndpointSpec =>
  ({ name, venue: 'kucoin', method, path, auth, title });
const bitmart = /* @__NO_SIDE_EFFECTS__ */ (name: string, method: HttpMethod, path: string, auth: EndpointAuth, title: string): EndpointSpec =>
  ({ name, venue: 'bitmart', method, path, auth, title });

export const ENDPOINTS: readonly EndpointSpec[] = [
  // Market data: public (DESIGN.md "Venues")
  kucoin('getCrossMarginSymbols', 'GET', '/api/v3/margin/symbols', 'public', 'Get Symbols - Cross Margin'),
  kucoin('getEtfInfo', 'GET', '/api/v3/etf/info', 'public', 'Get ETF Info'),
  kucoin('getMarkPriceDetail', 'GET', '/api/v1/mark-price/{symbol}/current', 'public', 'Get Mark Price Detail'),
  kucoin('getMarginConfig', 'GET', '/api/v1/margin/config', 'public', 'Get Margin Config'),
  kucoin('getMarkPriceList', 'GET', '/api/v3/mark-price/all-symbols', 'public', 'Get Mark Price List'),
  kucoin('getIsolatedMarginSymbols', 'GET', '/api/v1/isolated/symbols', 'public', 'Get Symbols - Isolated Margin'),
  // Orders
  kucoin('addOrder', 'POST', '/api/v3/hf/margin/order', 'signed', 'Add Order'),
  kucoin('addOrderTest', 'POST', '/api/v3/hf/margin/order/test', 'signed', 'Add Order Test'),
  kucoin('cancelOrderByOrderId', 'DELETE', '/api/v3/hf/margin/orders/{orderId}', 'signed', 'Cancel Order By OrderId'),
  kucoin('getOrderByOrderId', 'GET', '/api/v3/hf/margin/orders/{orderId}', 'signed', 'Get Order By OrderId'),
  kucoin('cancelOrderByClientOid', 'DELETE', '/api/v3/hf/margin/orders/client-order/{clientOid}', 'signed', 'Cancel Order By ClientOid'),
  kucoin('getOrderByClientOid', 'GET', '/api/v3/hf/margin/orders/client-order/{clientOid}', 'signed', 'Get Order By ClientOid'),
  kucoin('cancelAllOrdersBySymbol', 'DELETE', '/api/v3/hf/margin/orders', 'signed', 'Cancel All Orders By Symbol'),
  kucoin('getSymbolsWithOpenOrder', 'GET', '/api/v3/hf/margin/order/active/symbols', 'signed', 'Get Symbols With Open Order'),
  kucoin('getOpenOrders', 'GET', '/api/v3/hf/margin/orders/active', 'signed', 'Get Open Orders'),
  kucoin('getClosedOrders', 'GET', '/api/v3/hf/margin/orders/done', 'signed', 'Get Closed Orders'),
  kucoin('getTradeHistory', 'GET', '/api/v3/hf/margin/fills', 'signed', 'Get Trade History'),
  kucoin('addOrderV1', 'POST', '/api/v1/margin/order', 'signed', 'Add Order - V1'),
  kucoin('addOrderTestV1', 'POST', '/api/v1/margin/order/test', 'signed', 'Add Order Test - V1'),
  // Lending market
  kucoin('getLoanMarket', 'GET', '/api/v3/project/list', 'public', 'Get Loan Market'),
  kucoin('getLoanMarketInterestRate', 'GET', '/api/v3/project/marketInterestRate', 'public', 'Get Loan Market Interest Rate'),
  kucoin('purchase', 'POST', '/api/v3/purchase', 'signed', 'Purchase'),
  kucoin('modifyPurchase', 'POST', '/api/v3/lend/purchase/update', 'signed', 'Modify Purchase'),
  kucoin('getPurchaseOrders', 'GET', '/api/v3/purchase/orders', 'signed', 'Get Purchase Orders'),
  kucoin('redeem', 'POST', '/api/v3/redeem', 'signed', 'Redeem'),
  kucoin('getRedeemOrders', 'GET', '/api/v3/redeem/orders', 'signed', 'Get Redeem Orders'),
  // Debit: borrow, repay, interest, leverage, risk limit
  kucoin('borrow', 'POST', '/api/v3/margin/borrow', 'signed', 'Borrow'),
  kucoin('getBorrowHistory', 'GET', '/api/v3/margin/borrow', 'signed', 'Get Borrow History'),
  kucoin('repay', 'POST', '/api/v3/margin/repay', 'signed', 'Repay'),
  kucoin('getRepayHistory', 'GET', '/api/v3/margin/repay', 'signed', 'Get Repay History'),
  kucoin('getInterestHistory', 'GET', '/api/v3/margin/interest', 'signed', 'Get Interest History.'),
  kucoin('modifyLeverage', 'POST', '/api/v3/position/update-user-leverage', 'signed', 'Modify Leverage'),
  kucoin('getMarginRiskLimit', 'GET', '/api/v3/margin/currencies', 'signed', 'Get Margin Risk Limit'),
  // Margin accounts: beyond the seeds (DESIGN.md), read-only
  kucoin('getCrossMarginAccount', 'GET', '/api/v3/margin/accounts', 'signed', 'Get Account - Cross Margin'),
  kucoin('getIsolatedMarginAccount', 'GET', '/api/v3/isolated/accounts', 'signed', 'Get Account - Isolated Margin'),
  // BitMart isolated margin loan: POSTs SIGNED, GETs KEYED
  bitmart('marginBorrowIsolated', 'POST', '/spot/v1/margin/isolated/borrow', 'signed', 'Margin Borrow (Isolated)'),
  bitmart('marginRepayIsolated', 'POST', '/spot/v1/margin/isolated/repay', 'signed', 'Margin Repay (Isolated)'),
  bitmart('getBorrowRecordIsolated', 'GET', '/spot/v1/margin/isolated/borrow_record', 'keyed', 'Get Borrow Record(Isolated)'),
  bitmart('getRepayRecordIsolated', 'GET', '/spot/v1/margin/isolated/repay_record', 'keyed', 'Get Repayment Record(Isolated)'),
  bitmart('getIsolatedPairs', 'GET', '/spot/v1/margin/isolated/pairs', 'keyed', 'Get Trading Pair Borrowing Rate and Amount'),
  bitmart('getMarginAccountDetailsIsolated', 'GET', '/spot/v1/margin/isolated/account', 'keyed', 'Get Margin Account Details(Isolated)'),
];

/** A path parameter (`{orderId}`, `{clientOid}`, `{symbol}`) is one segment of these characters. */
export const PATH_PARAM = /^[A-Za-z0-9_-]+$/;

export interface EndpointMatch {
  endpoint: EndpointSpec;
  params: Record<string, string>;
}

function matchTemplate(template: string, path: string): Record<string, string> | null {
  const want = template.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const segment = want[i]!;
    const actual = got[i]!;
    if (segment.startsWith('{') && segment.endsWith('}')) {
      if (!PATH_PARAM.test(actual)) return null;
      params[segment.slice(1, -1)] = actual;
    } else if (segment !== actual) {
      return null;
    }
  }
  return params;
}

/**
 * Finds the endpoint for a method and an exact, already-decoded path. Literal paths win over
 * templates: `GET /api/v3/hf/margin/orders/active` is Get Open Orders, not an order id `active`.
 */
export function matchEndpoint(venue: Venue, method: string, path: string): EndpointMatch | null {
  let templated: EndpointMatch | null = null;
  for (const endpoint of ENDPOINTS) {
    if (endpoint.venue !== venue || endpoint.method !== method) continue;
    if (endpoint.path === path) return { endpoint, params: {} };
    if (!templated && endpoint.path.includes('{')) {
      const params = matchTemplate(endpoint.path, path);
      if (params) templated = { endpoint, params };
    }
  }
  return templated;
}

/** Fills `{name}` placeholders, refusing any value that is not one safe segment. */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || !PATH_PARAM.test(value)) {
      throw new TypeError(`path parameter ${name} must match ${PATH_PARAM}, got ${JSON.stringify(value)}`);
    }
    return value;
  });
}
