/**
 * The four tags in React 19's JSX. React 19 sets a prop as a property when the element has a
 * property of that name (`symbol`, `confirm`, `lookupTiming`), as an attribute otherwise
 * (`margin-mode`), and `on<event-name>` listens for that DOM event (`onmargin-symbol-select`).
 */
import type { HTMLAttributes, RefAttributes } from 'react';
import type { MarginBorrowRepay, MarginLendingMarket, MarginMarkPriceTicker, MarginOrderTicket } from 'margin-kit';

/** `onmargin-order-placed={(event) => ...}`, typed by the event map margin-kit declares. */
type MarginEventProps = {
  [K in keyof GlobalEventHandlersEventMap as K extends `margin-${string}` ? `on${K}` : never]?: (event: GlobalEventHandlersEventMap[K]) => void;
};

/** The element's own properties (not those of every HTMLElement), React's usual ones, and the events. */
type MarginElementProps<T extends HTMLElement> = Partial<Omit<T, keyof HTMLElement>> & HTMLAttributes<T> & RefAttributes<T> & MarginEventProps;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'margin-order-ticket': MarginElementProps<MarginOrderTicket>;
      'margin-borrow-repay': MarginElementProps<MarginBorrowRepay>;
      'margin-lending-market': MarginElementProps<MarginLendingMarket>;
      'margin-mark-price-ticker': MarginElementProps<MarginMarkPriceTicker>;
    }
  }
}
