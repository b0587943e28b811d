/**
 * The events every element fires, in one place for every define module: each re-exports them and
 * extends GlobalEventHandlersEventMap with this map, so a page that imports one element alone
 * (`margin-kit/margin-order-ticket.js`) gets `margin-error` and `margin-before-submit` typed too.
 * A folder, not a file of src/define/: the build makes an entry of each file there.
 */
import { MARGIN_BEFORE_SUBMIT, MARGIN_ERROR, type MarginBeforeSubmitEvent, type MarginErrorEvent } from '../../elements/shared/events.js';

export {
  MarginBeforeSubmitEvent,
  MarginErrorEvent,
  MARGIN_BEFORE_SUBMIT,
  MARGIN_ERROR,
  type MarginBeforeSubmitDetail,
  type MarginErrorDetail,
} from '../../elements/shared/events.js';

export interface MarginSharedEventMap {
  [MARGIN_ERROR]: MarginErrorEvent;
  [MARGIN_BEFORE_SUBMIT]: MarginBeforeSubmitEvent;
}
