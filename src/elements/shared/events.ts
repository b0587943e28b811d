import type { Venue } from '../../core/endpoints.js';

/** Event names, as constants: strings copied by hand drift. */
export const MARGIN_ERROR = 'margin-error';
export const MARGIN_BEFORE_SUBMIT = 'margin-before-submit';

/**
 * What every margin-kit event is: it bubbles out of shadow roots (`composed`) and carries a typed
 * `detail`. Cancelable only when it is a request the host may refuse (`margin-before-submit`).
 */
export class MarginEvent<D> extends Event {
  readonly detail: D;

  constructor(type: string, detail: D, cancelable = false) {
    super(type, { bubbles: true, composed: true, cancelable });
    this.detail = detail;
  }
}

export type MarginEventClass<D> = new (detail: D) => MarginEvent<D>;

/**
 * The base of one named event, so each event is one line that still declares its own class
 * (`instanceof`, the manifest and `GlobalEventHandlersEventMap` see it by name):
 * `export class MarginRepaidEvent extends marginEvent<MarginLoanDetail>(MARGIN_REPAID) {}`.
 */
export function marginEvent<D>(type: string, options: { cancelable?: boolean } = {}): MarginEventClass<D> {
  const cancelable = options.cancelable ?? false;
  return class extends MarginEvent<D> {
    constructor(detail: D) {
      super(type, detail, cancelable);
    }
  };
}

export interface MarginErrorDetail {
  /** The error as thrown (a MarginKitError subclass when it came from the client). */
  error: unknown;
  /** Its stable kind (`exchange`, `rate-limit`, `proxy`, `network`, `timeout`, `validation`, `malformed-response`), or `unknown`. */
  kind: string;
  /** What the element shows the trader. */
  message: string;
  /** What the element was doing: `load`, `place-order`, `borrow`... */
  action: string;
}

/** Something failed; the element shows it too. Bubbles out of shadow roots. */
export class MarginErrorEvent extends marginEvent<MarginErrorDetail>(MARGIN_ERROR) {}

export interface MarginBeforeSubmitDetail {
  venue: Venue;
  /** `place-order`, `borrow`, `repay`, `purchase`, `redeem`, `modify-purchase`, `modify-leverage`... */
  action: string;
  /** The exact parameters that will be sent (amounts as the exact decimal strings). */
  params: Readonly<Record<string, unknown>>;
}

/**
 * About to send an action to the venue. Cancelable: a host page calls `preventDefault()` to
 * stop it (its own confirmation dialog, a limit of its own); nothing is sent then.
 */
export class MarginBeforeSubmitEvent extends marginEvent<MarginBeforeSubmitDetail>(MARGIN_BEFORE_SUBMIT, { cancelable: true }) {}

declare global {
  interface GlobalEventHandlersEventMap {
    [MARGIN_ERROR]: MarginErrorEvent;
    [MARGIN_BEFORE_SUBMIT]: MarginBeforeSubmitEvent;
  }
}
