/**
 * The exact body a borrow or repay sends, for `margin-before-submit`: a host page confirms what
 * will reach the venue, not our model of it. It mirrors `client/venue.ts` (KuCoin sends
 * `isHf: true`, the HF account the kit's orders trade in, and IOC unless told; BitMart only
 * symbol, currency and amount); the element tests compare it with the body that reached the proxy.
 */
import type { Venue } from '../../core/endpoints.js';
import type { LoanAction, LoanRequest, MarginMode } from '../../client/venue.js';

export type LoanParams = Readonly<Record<string, string | boolean>>;

export function loanParams(
  exchange: Venue,
  marginMode: MarginMode,
  action: LoanAction,
  request: LoanRequest & { amount: string },
): LoanParams {
  if (exchange === 'bitmart') {
    return { symbol: request.symbol ?? '', currency: request.currency, amount: request.amount };
  }
  const isolated = marginMode === 'isolated';
  return {
    currency: request.currency,
    size: request.amount,
    ...(action === 'borrow' ? { timeInForce: request.timeInForce ?? 'IOC' } : {}),
    ...(isolated && request.symbol ? { symbol: request.symbol } : {}),
    isIsolated: isolated,
    isHf: true,
  };
}
