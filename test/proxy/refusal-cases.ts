/**
 * Everything the proxy must refuse (issue 3, "What it refuses"), as data: the browser suite runs
 * it against the handler with a fake upstream fetch, the Node suite over real HTTP with a capture
 * server on 127.0.0.1. Both assert the status, the code, and that nothing reached the venue.
 */
import type { SigningProxyOptions } from '../../src/proxy/index.js';

export const CASE_TOKEN = 'proxy-token-TEST-abcdefghijklmnop';
export const CASE_ORIGIN = 'https://app.example.com';

export interface RefusalCase {
  name: string;
  method: string;
  /** The request target exactly as sent on the wire. */
  target: string;
  /** Added to (or, when null, removed from) the defaults: a valid token and `accept`. */
  headers?: Record<string, string | null>;
  body?: string;
  /** Over the defaults: both venues keyed, the token above, CASE_ORIGIN allowed. Runners point a given `kucoin` at their upstream. */
  options?: Partial<SigningProxyOptions>;
  /** Requests sent first, which must pass (the rate-limit case). */
  warmup?: number;
  /** URL parsing resolves this target (`..`, `\`) before a handler sees it: only a server adapter passing the raw target can refuse it. */
  rawOnly?: boolean;
  status: number;
  code: string;
}

const order = JSON.stringify({ clientOid: 'c1', side: 'buy', symbol: 'BTC-USDT', type: 'limit', price: '100', size: '1' });
const json = { 'content-type': 'application/json' };

/**
 * Bodies that must reach the venue exactly as spelled here (the compact form of what was sent):
 * JSON numbers are never re-serialized through a double (issue 20: `1.2345678901234568e+29`,
 * `100`, `null` before).
 */
export interface ExactBodyCase {
  name: string;
  target: string;
  /** What the caller sends. */
  body: string;
  /** What the venue must receive, byte for byte. */
  sent: string;
}

export const EXACT_BODY_CASES: readonly ExactBodyCase[] = [
  { name: 'a 30-digit JSON number size', target: '/kucoin/api/v3/hf/margin/order', body: '{"clientOid":"c1","side":"buy","symbol":"BTC-USDT","type":"limit","price":"1","size":123456789012345678901234567890}', sent: '{"clientOid":"c1","side":"buy","symbol":"BTC-USDT","type":"limit","price":"1","size":123456789012345678901234567890}' },
  { name: 'a JSON number price with 27 decimals', target: '/kucoin/api/v3/hf/margin/order', body: '{ "clientOid": "c2", "side": "buy", "symbol": "BTC-USDT", "type": "limit", "price": 100.000000000000000000000000001, "size": "1" }', sent: '{"clientOid":"c2","side":"buy","symbol":"BTC-USDT","type":"limit","price":100.000000000000000000000000001,"size":"1"}' },
  { name: 'a JSON number past the double range', target: '/kucoin/api/v3/margin/borrow', body: '{"currency":"USDT","size":1e400}', sent: '{"currency":"USDT","size":1e400}' },
  { name: 'a BitMart amount as a JSON number with trailing zeros', target: '/bitmart/spot/v1/margin/isolated/borrow', body: '{"symbol":"BTC_USDT","currency":"USDT","amount":10.500}', sent: '{"symbol":"BTC_USDT","currency":"USDT","amount":10.500}' },
];

export const REFUSAL_CASES: readonly RefusalCase[] = [
  // The allow-list: the 41 (method, path) pairs of the two docs and DESIGN.md's margin accounts, nothing else.
  { name: 'an endpoint not in the docs', method: 'GET', target: '/kucoin/api/v1/accounts', status: 404, code: 'not_allowed' },
  { name: 'a KuCoin withdrawal', method: 'POST', target: '/kucoin/api/v1/withdrawals', headers: json, body: '{"currency":"BTC"}', status: 404, code: 'not_allowed' },
  { name: 'a documented path with another method', method: 'POST', target: '/kucoin/api/v3/margin/symbols', headers: json, body: '{}', status: 404, code: 'not_allowed' },
  { name: 'PUT', method: 'PUT', target: '/kucoin/api/v3/margin/borrow', headers: json, body: '{}', status: 404, code: 'not_allowed' },
  { name: 'PATCH', method: 'PATCH', target: '/kucoin/api/v3/margin/borrow', headers: json, body: '{}', status: 404, code: 'not_allowed' },
  { name: 'an unknown venue', method: 'GET', target: '/binance/api/v3/margin/symbols', status: 404, code: 'not_allowed' },
  { name: 'a venue without a path', method: 'GET', target: '/kucoin', status: 404, code: 'not_allowed' },
  { name: 'the root', method: 'GET', target: '/', status: 404, code: 'not_allowed' },
  { name: 'a BitMart path on the KuCoin route', method: 'GET', target: '/kucoin/spot/v1/margin/isolated/pairs', status: 404, code: 'not_allowed' },
  // Issue 9: the dangerous neighbours of the allowed endpoints, by name.
  { name: 'a KuCoin universal transfer', method: 'POST', target: '/kucoin/api/v3/accounts/universal-transfer', headers: json, body: '{"currency":"USDT","amount":"1","type":"INTERNAL"}', status: 404, code: 'not_allowed' },
  { name: 'a KuCoin sub-account list', method: 'GET', target: '/kucoin/api/v2/sub/user', status: 404, code: 'not_allowed' },
  { name: 'a KuCoin sub-account creation', method: 'POST', target: '/kucoin/api/v2/sub/user/created', headers: json, body: '{"subName":"x"}', status: 404, code: 'not_allowed' },
  { name: 'a KuCoin sub-account API key creation', method: 'POST', target: '/kucoin/api/v1/sub/api-key', headers: json, body: '{"subName":"x"}', status: 404, code: 'not_allowed' },
  { name: 'a KuCoin master-sub transfer', method: 'POST', target: '/kucoin/api/v2/accounts/sub-transfer', headers: json, body: '{"currency":"USDT"}', status: 404, code: 'not_allowed' },
  { name: 'a BitMart withdrawal', method: 'POST', target: '/bitmart/account/v1/withdraw/apply', headers: json, body: '{"currency":"USDT"}', status: 404, code: 'not_allowed' },
  { name: 'a BitMart main-to-sub transfer', method: 'POST', target: '/bitmart/account/sub-account/main/v1/main-to-sub', headers: json, body: '{"currency":"USDT"}', status: 404, code: 'not_allowed' },
  { name: 'a BitMart isolated margin transfer', method: 'POST', target: '/bitmart/spot/v1/margin/isolated/transfer', headers: json, body: '{"symbol":"BTC_USDT"}', status: 404, code: 'not_allowed' },
  // Spellings that normalize to something else.
  { name: '.. segments', method: 'GET', target: '/kucoin/api/v1/accounts/../../v3/margin/symbols', rawOnly: true, status: 404, code: 'not_allowed' },
  { name: '%2e%2e segments', method: 'GET', target: '/kucoin/api/v3/margin/x/%2e%2e/symbols', rawOnly: true, status: 404, code: 'not_allowed' },
  { name: '. segment', method: 'GET', target: '/kucoin/api/v3/./margin/symbols', rawOnly: true, status: 404, code: 'not_allowed' },
  { name: '%2e inside a segment', method: 'GET', target: '/kucoin/api/v3/margin/symbols%2e', status: 404, code: 'not_allowed' },
  { name: '%2E upper case', method: 'GET', target: '/kucoin/api/v3/hf/margin/orders/abc%2Ejson', status: 404, code: 'not_allowed' },
  { name: '%2f', method: 'GET', target: '/kucoin/api/v3/margin%2fsymbols', status: 404, code: 'not_allowed' },
  { name: '%2F in a path parameter', method: 'GET', target: '/kucoin/api/v1/mark-price/BTC%2FUSDT/current', status: 404, code: 'not_allowed' },
  { name: '%5c', method: 'GET', target: '/kucoin/api/v3%5cmargin/symbols', status: 404, code: 'not_allowed' },
  { name: 'a backslash', method: 'GET', target: '/kucoin/api/v3\\margin/symbols', rawOnly: true, status: 404, code: 'not_allowed' },
  { name: '//', method: 'GET', target: '/kucoin//api/v3/margin/symbols', status: 404, code: 'not_allowed' },
  { name: 'a leading //', method: 'GET', target: '//kucoin/api/v3/margin/symbols', rawOnly: true, status: 404, code: 'not_allowed' },
  { name: 'a trailing /', method: 'GET', target: '/kucoin/api/v3/margin/symbols/', status: 404, code: 'not_allowed' },
  { name: 'upper case in the path', method: 'GET', target: '/kucoin/API/v3/margin/symbols', status: 404, code: 'not_allowed' },
  { name: 'upper case in the venue', method: 'GET', target: '/KuCoin/api/v3/margin/symbols', status: 404, code: 'not_allowed' },
  { name: 'a dot in a path parameter', method: 'GET', target: '/kucoin/api/v3/hf/margin/orders/abc.def', status: 404, code: 'not_allowed' },
  { name: 'an encoded space in a path parameter', method: 'GET', target: '/kucoin/api/v3/hf/margin/orders/abc%20def', status: 404, code: 'not_allowed' },
  { name: 'an absolute-form target', method: 'GET', target: 'http://evil.example/kucoin/api/v3/margin/symbols', rawOnly: true, status: 404, code: 'not_allowed' },
  { name: '.. from an allowed path to a withdrawal', method: 'POST', target: '/kucoin/api/v3/margin/borrow/../../../api/v1/withdrawals', headers: json, body: '{"currency":"BTC"}', rawOnly: true, status: 404, code: 'not_allowed' },
  { name: '%2E%2E from an allowed path to a universal transfer', method: 'POST', target: '/kucoin/api/v3/margin/%2E%2E/%2E%2E/accounts/universal-transfer', headers: json, body: '{}', rawOnly: true, status: 404, code: 'not_allowed' },
  { name: 'a double-encoded slash (%252f)', method: 'GET', target: '/kucoin/api/v3/margin%252fsymbols', status: 404, code: 'not_allowed' },
  { name: 'an overlong UTF-8 dot (%c0%ae)', method: 'GET', target: '/kucoin/api/v3/margin/%c0%ae%c0%ae/symbols', status: 404, code: 'not_allowed' },
  { name: '%5C upper case', method: 'GET', target: '/kucoin/api/v3%5Cmargin/symbols', status: 404, code: 'not_allowed' },
  { name: 'a // inside the venue path', method: 'GET', target: '/kucoin/api/v3//margin/symbols', status: 404, code: 'not_allowed' },
  { name: 'mixed case in a signed path', method: 'POST', target: '/kucoin/api/v3/margin/Borrow', headers: json, body: '{"currency":"USDT","size":"1"}', status: 404, code: 'not_allowed' },
  { name: 'upper case BitMart venue', method: 'GET', target: '/BITMART/spot/v1/margin/isolated/pairs', status: 404, code: 'not_allowed' },
  { name: 'a raw # in the target', method: 'GET', target: '/kucoin/api/v3/margin/symbols?symbol=BTC-USDT#&symbol=ETH-USDT', rawOnly: true, status: 404, code: 'not_allowed' },
  // Queries the venue might read differently from how they are signed.
  { name: 'a percent-encoded query value', method: 'GET', target: '/kucoin/api/v3/margin/symbols?symbol=BTC%2DUSDT', status: 400, code: 'bad_query' },
  { name: 'a smuggled & in a value', method: 'GET', target: '/kucoin/api/v3/hf/margin/orders/active?symbol=BTC-USDT%26tradeType%3DMARGIN_ISOLATED_TRADE', status: 400, code: 'bad_query' },
  { name: 'a second = in a value', method: 'GET', target: '/kucoin/api/v3/margin/symbols?symbol=BTC-USDT=x', status: 400, code: 'bad_query' },
  { name: 'a + in a value', method: 'GET', target: '/kucoin/api/v3/margin/symbols?symbol=BTC+USDT', status: 400, code: 'bad_query' },
  { name: 'an encoded # in a value', method: 'GET', target: '/kucoin/api/v3/margin/symbols?symbol=BTC%23USDT', status: 400, code: 'bad_query' },
  { name: 'an encoded = in a value', method: 'GET', target: '/kucoin/api/v3/margin/symbols?symbol=BTC-USDT%3Dx', status: 400, code: 'bad_query' },
  { name: 'a ; separator in a value', method: 'GET', target: '/kucoin/api/v3/hf/margin/orders/active?symbol=BTC-USDT;tradeType=MARGIN_ISOLATED_TRADE', status: 400, code: 'bad_query' },
  { name: 'a smuggled & in a BitMart (keyed) query', method: 'GET', target: '/bitmart/spot/v1/margin/isolated/borrow_record?symbol=BTC_USDT%26N%3D100', status: 400, code: 'bad_query' },
  { name: 'a smuggled & in a signed POST query', method: 'POST', target: '/kucoin/api/v3/hf/margin/order?x=1%26symbol%3DETH-USDT', headers: json, body: order, status: 400, code: 'bad_query' },
  { name: 'a repeated parameter', method: 'GET', target: '/kucoin/api/v3/hf/margin/orders/active?symbol=BTC-USDT&symbol=ETH-USDT', status: 400, code: 'bad_query' },
  { name: 'a parameter without =', method: 'GET', target: '/kucoin/api/v3/margin/symbols?symbol', status: 400, code: 'bad_query' },
  { name: 'an empty parameter', method: 'GET', target: '/kucoin/api/v3/margin/symbols?symbol=BTC-USDT&&x=1', status: 400, code: 'bad_query' },
  { name: 'a _method parameter', method: 'GET', target: '/kucoin/api/v3/margin/symbols?_method=DELETE', status: 400, code: 'method_override' },
  { name: 'X-HTTP-Method-Override', method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers: { ...json, 'x-http-method-override': 'DELETE' }, body: order, status: 400, code: 'method_override' },
  { name: 'X-Method-Override', method: 'GET', target: '/kucoin/api/v3/margin/symbols', headers: { 'x-method-override': 'POST' }, status: 400, code: 'method_override' },
  { name: 'X-HTTP-Method', method: 'POST', target: '/kucoin/api/v3/margin/borrow', headers: { ...json, 'x-http-method': 'GET' }, body: '{"currency":"USDT","size":"1"}', status: 400, code: 'method_override' },
  { name: 'a _method parameter on a POST', method: 'POST', target: '/kucoin/api/v3/hf/margin/order?_method=DELETE', headers: json, body: order, status: 400, code: 'method_override' },
  // Origin, caller, Host.
  { name: 'an origin not allowed', method: 'GET', target: '/kucoin/api/v3/margin/symbols', headers: { origin: 'https://evil.example' }, status: 403, code: 'origin' },
  { name: 'Origin: null', method: 'GET', target: '/kucoin/api/v3/margin/symbols', headers: { origin: 'null' }, status: 403, code: 'origin' },
  { name: 'an allowed origin with another scheme', method: 'GET', target: '/kucoin/api/v3/margin/symbols', headers: { origin: 'http://app.example.com' }, status: 403, code: 'origin' },
  // A preflight from an origin not on the list passes (so the browser lets the page read the 403 that follows); Origin: null gets nothing.
  { name: 'a preflight from Origin: null', method: 'OPTIONS', target: '/kucoin/api/v3/hf/margin/order', headers: { origin: 'null', 'access-control-request-method': 'POST' }, status: 403, code: 'origin' },
  { name: 'a signed POST from an origin not allowed', method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers: { ...json, origin: 'https://evil.example' }, body: order, status: 403, code: 'origin' },
  { name: 'no token', method: 'GET', target: '/kucoin/api/v3/margin/symbols', headers: { authorization: null }, status: 401, code: 'unauthorized' },
  { name: 'a wrong token', method: 'GET', target: '/kucoin/api/v3/margin/symbols', headers: { authorization: 'Bearer proxy-token-TEST-abcdefghijklmnoq' }, status: 401, code: 'unauthorized' },
  { name: 'a prefix of the token', method: 'GET', target: '/kucoin/api/v3/margin/symbols', headers: { authorization: 'Bearer proxy-token-TEST' }, status: 401, code: 'unauthorized' },
  { name: 'the token without Bearer', method: 'GET', target: '/kucoin/api/v3/margin/symbols', headers: { authorization: CASE_TOKEN }, status: 401, code: 'unauthorized' },
  { name: 'an authorize hook that says no', method: 'GET', target: '/kucoin/api/v3/margin/symbols', options: { token: undefined, authorize: () => false }, status: 401, code: 'unauthorized' },
  { name: 'a Host not configured (DNS rebinding)', method: 'GET', target: '/kucoin/api/v3/margin/symbols', headers: { host: 'attacker.example:8787' }, status: 403, code: 'host' },
  { name: 'a Host that only starts like loopback', method: 'GET', target: '/kucoin/api/v3/margin/symbols', headers: { host: '127.0.0.1.attacker.example' }, status: 403, code: 'host' },
  { name: 'a Host with userinfo-like text', method: 'GET', target: '/kucoin/api/v3/margin/symbols', headers: { host: '127.0.0.1:8787@attacker.example' }, status: 403, code: 'host' },
  { name: 'a rebinding Host on a signed POST', method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers: { ...json, host: 'attacker.example' }, body: order, status: 403, code: 'host' },
  { name: 'an anonymous call to a host not configured', method: 'GET', target: '/kucoin/api/v3/margin/symbols', headers: { host: 'rebound.example', authorization: null }, options: { token: undefined, allowAnonymous: true }, status: 403, code: 'host' },
  // Bodies.
  { name: 'a body over 16 KiB', method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers: json, body: JSON.stringify({ clientOid: 'x'.repeat(17 * 1024) }), status: 413, code: 'body_too_large' },
  { name: 'a body that is not JSON', method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers: json, body: 'symbol=BTC-USDT', status: 400, code: 'bad_body' },
  { name: 'a JSON array', method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers: json, body: `[${order}]`, status: 400, code: 'bad_body' },
  { name: 'JSON null', method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers: json, body: 'null', status: 400, code: 'bad_body' },
  { name: 'an empty POST', method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers: json, body: '', status: 400, code: 'bad_body' },
  { name: 'a text/plain POST (no preflight)', method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers: { 'content-type': 'text/plain' }, body: order, status: 400, code: 'bad_body' },
  { name: 'a form-encoded POST', method: 'POST', target: '/kucoin/api/v3/margin/borrow', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'currency=USDT&size=1', status: 400, code: 'bad_body' },
  { name: 'JSON followed by more text', method: 'POST', target: '/kucoin/api/v3/margin/borrow', headers: json, body: '{"currency":"USDT","size":"1"} {"size":"1000"}', status: 400, code: 'bad_body' },
  { name: 'a BitMart borrow over 16 KiB', method: 'POST', target: '/bitmart/spot/v1/margin/isolated/borrow', headers: json, body: JSON.stringify({ symbol: 'BTC_USDT', currency: 'USDT', amount: '1', pad: 'x'.repeat(16 * 1024) }), status: 413, code: 'body_too_large' },
  // Issue 20's attack run: nesting that overflowed the stack when re-serialized (a 500 before).
  { name: '7000 nested arrays in 14 KB', method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers: json, body: `{"clientOid":${'['.repeat(7000)}${']'.repeat(7000)}}`, status: 400, code: 'bad_body' },
  { name: '33 nested objects', method: 'POST', target: '/kucoin/api/v3/margin/borrow', headers: json, body: `${'{"a":'.repeat(33)}1${'}'.repeat(33)}`, status: 400, code: 'bad_body' },
  { name: 'a raw control character in a string', method: 'POST', target: '/kucoin/api/v3/margin/borrow', headers: json, body: '{"currency":"US\u0001DT","size":"1"}', status: 400, code: 'bad_body' },
  { name: 'a DELETE with a body', method: 'DELETE', target: '/kucoin/api/v3/hf/margin/orders/abc?symbol=BTC-USDT', headers: json, body: order, status: 400, code: 'bad_body' },
  // Rate limit.
  { name: 'the request over the rate limit', method: 'GET', target: '/kucoin/api/v3/margin/symbols', options: { rateLimit: { capacity: 2, refillPerSecond: 1 } }, warmup: 2, status: 429, code: 'rate_limited' },
  // Guards.
  { name: 'a POST in read-only mode', method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers: json, body: order, options: { readOnly: true }, status: 403, code: 'guard' },
  { name: 'a DELETE in read-only mode', method: 'DELETE', target: '/kucoin/api/v3/hf/margin/orders/abc?symbol=BTC-USDT', options: { readOnly: true }, status: 403, code: 'guard' },
  { name: 'a symbol not allowed (body)', method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers: json, body: order, options: { allowedSymbols: ['ETH-USDT'] }, status: 403, code: 'guard' },
  { name: 'a symbol not allowed (query list)', method: 'DELETE', target: '/kucoin/api/v3/hf/margin/orders?symbol=ETH-USDT,BTC-USDT', options: { allowedSymbols: ['ETH-USDT'] }, status: 403, code: 'guard' },
  { name: 'a symbol not allowed (path)', method: 'GET', target: '/kucoin/api/v1/mark-price/BTC-USDT/current', options: { allowedSymbols: ['ETH-USDT'] }, status: 403, code: 'guard' },
  { name: 'an order over the notional limit', method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers: json, body: order, options: { maxOrderNotional: '99.99' }, status: 403, code: 'guard' },
  // Issue 20's attack run: what a guard cannot read exactly, it refuses.
  { name: 'a symbol with U+017F (upper-cases to S)', method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers: json, body: JSON.stringify({ clientOid: 'c1', side: 'buy', symbol: 'BTC-U\u017fDT', type: 'limit', price: '100', size: '1' }), options: { allowedSymbols: ['BTC-USDT'] }, status: 403, code: 'guard' },
  { name: 'a symbol with U+0131 (upper-cases to I)', method: 'POST', target: '/bitmart/spot/v1/margin/isolated/borrow', headers: json, body: JSON.stringify({ symbol: 'BTC_USDT\u0131', currency: 'USDT', amount: '1' }), options: { allowedSymbols: ['BTC_USDTI'] }, status: 403, code: 'guard' },
  { name: 'exponent amounts that make a notional of 1', method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers: json, body: JSON.stringify({ clientOid: 'c1', side: 'buy', symbol: 'BTC-USDT', type: 'limit', price: '1e-1000000000', size: '1e1000000000' }), options: { maxOrderNotional: '1000' }, status: 403, code: 'guard' },
  { name: 'a JSON-number amount over the limit by less than a double can tell', method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers: json, body: '{"clientOid":"c1","side":"buy","symbol":"BTC-USDT","type":"limit","price":1000.000000000000000000000000001,"size":1}', options: { maxOrderNotional: '1000' }, status: 403, code: 'guard' },
  { name: 'a JSON-number amount in exponent form under a notional limit', method: 'POST', target: '/kucoin/api/v3/hf/margin/order', headers: json, body: '{"clientOid":"c1","side":"buy","symbol":"BTC-USDT","type":"limit","price":1e2,"size":1e400}', options: { maxOrderNotional: '1000' }, status: 403, code: 'guard' },
  { name: 'a market order by size under a notional limit', method: 'POST', target: '/kucoin/api/v1/margin/order', headers: json, body: JSON.stringify({ clientOid: 'c', side: 'buy', symbol: 'BTC-USDT', type: 'market', size: '5', price: '0.01' }), options: { maxOrderNotional: '1000' }, status: 403, code: 'guard' },
  // Keys missing.
  { name: 'a BitMart call without BitMart keys', method: 'GET', target: '/bitmart/spot/v1/margin/isolated/pairs', options: { bitmart: undefined }, status: 503, code: 'venue_not_configured' },
  { name: 'a private KuCoin call without KuCoin keys', method: 'GET', target: '/kucoin/api/v3/margin/borrow?currency=BTC', options: { kucoin: {} }, status: 503, code: 'venue_not_configured' },
];
