import type { Venue } from '../../core/endpoints.js';

/** Event names, as constants: strings copied by hand drift. */
export const MARGIN_ERROR = 'margin-error';
export const MARGIN_BEFORE_SUBMIT = 'margin-before-submit';

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
export class MarginErrorEvent extends Event {
  readonly detail: MarginErrorDetail;

  constructor(detail: MarginErrorDetail) {
    super(MARGIN_ERROR, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

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
export class MarginBeforeSubmitEvent extends Event {
  readonly detail: MarginBeforeSubmitDetail;

  constructor(detail: MarginBeforeSubmitDetail) {
    super(MARGIN_BEFORE_SUBMIT, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [MARGIN_ERROR]: MarginErrorEvent;
    [MARGIN_BEFORE_SUBMIT]: MarginBeforeSubmitEvent;
  }
}
