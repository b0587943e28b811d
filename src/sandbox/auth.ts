import { bitmartSign, constantTimeEqual, kucoinPassphrase, kucoinSign } from '../core/signing.js';
import type { BitmartAccount, KucoinAccount } from './accounts.js';
import { VenueError } from './errors.js';
import type { SandboxState } from './state.js';

/** KuCoin refuses a KC-API-TIMESTAMP more than 5 s from its clock. */
export const KUCOIN_TIMESTAMP_WINDOW_MS = 5_000;
/** BitMart: "X-BM-TIMESTAMP range. Within a minute". */
export const BITMART_TIMESTAMP_WINDOW_MS = 60_000;

const unauthorized = (code: string, message: string) => new VenueError(code, message, 401);

/** Verifies a KuCoin private request as KuCoin does; returns the caller's account. */
export async function verifyKucoin(request: Request, pathWithQuery: string, body: string, state: SandboxState, now: number): Promise<KucoinAccount> {
  const h = request.headers;
  const key = h.get('KC-API-KEY');
  const sign = h.get('KC-API-SIGN');
  const timestamp = h.get('KC-API-TIMESTAMP');
  const passphrase = h.get('KC-API-PASSPHRASE');
  if (!key || !sign || !timestamp || !passphrase) {
    throw unauthorized('400001', 'Please check the header of your request for KC-API-KEY, KC-API-SIGN, KC-API-TIMESTAMP, KC-API-PASSPHRASE');
  }
  if (!/^\d+$/.test(timestamp) || Math.abs(Number(timestamp) - now) > KUCOIN_TIMESTAMP_WINDOW_MS) {
    throw unauthorized('400002', 'KC-API-TIMESTAMP Invalid -- Time differs from server time by more than 5 seconds');
  }
  const account = state.kucoinAccounts.get(key);
  if (!account) throw unauthorized('400003', 'KC-API-KEY not exists');
  const version = h.get('KC-API-KEY-VERSION') ?? '1';
  const expectedPassphrase = version === '1' ? account.apiPassphrase : await kucoinPassphrase(account.apiSecret, account.apiPassphrase);
  if (version !== account.apiKeyVersion || !constantTimeEqual(passphrase, expectedPassphrase)) {
    throw unauthorized('400004', 'Invalid KC-API-PASSPHRASE');
  }
  const expectedSign = await kucoinSign(account.apiSecret, timestamp, request.method, pathWithQuery, body);
  if (!constantTimeEqual(sign, expectedSign)) throw unauthorized('400005', 'Signature error - Please check your signature');
  return account;
}

/** Verifies a BitMart KEYED (key only) or SIGNED request; returns the caller's account. */
export async function verifyBitmart(request: Request, body: string, signed: boolean, state: SandboxState, now: number): Promise<BitmartAccount> {
  const h = request.headers;
  const key = h.get('X-BM-KEY');
  if (!key) throw unauthorized('30001', 'Header X-BM-KEY is empty');
  const account = state.bitmartAccounts.get(key);
  if (!account) throw unauthorized('30002', 'Header X-BM-KEY not found');
  if (!signed) return account;
  const timestamp = h.get('X-BM-TIMESTAMP');
  const sign = h.get('X-BM-SIGN');
  if (!timestamp) throw unauthorized('30006', 'Header X-BM-TIMESTAMP is empty');
  if (!/^\d+$/.test(timestamp)) throw unauthorized('30008', 'Header X-BM-TIMESTAMP invalid format');
  if (Math.abs(Number(timestamp) - now) > BITMART_TIMESTAMP_WINDOW_MS) {
    throw unauthorized('30007', 'Header X-BM-TIMESTAMP range. Within a minute');
  }
  if (!sign) throw unauthorized('30004', 'Header X-BM-SIGN is empty');
  const expected = await bitmartSign(account.apiSecret, timestamp, account.memo, body);
  if (!constantTimeEqual(sign, expected)) throw unauthorized('30005', 'Header X-BM-SIGN is wrong');
  return account;
}
