/**
 * A trading page in React 19: the ticker picks the symbol, the order ticket and the borrow/repay
 * panel follow it, and every margin-kit event lands in one log.
 */
import { useState } from 'react';
import type { MarginBeforeSubmitEvent } from 'margin-kit';

export interface AppProps {
  /** Ask before each order, loan or purchase is sent (the elements wait for this answer). */
  confirmSubmit?: (event: MarginBeforeSubmitEvent) => boolean;
}

export function App({ confirmSubmit = () => true }: AppProps) {
  const [symbol, setSymbol] = useState('BTC-USDT');
  const [log, setLog] = useState<string[]>([]);
  const note = (line: string) => setLog((lines) => [...lines, line]);
  const [base = ''] = symbol.split('-');

  const beforeSubmit = (event: MarginBeforeSubmitEvent) => {
    if (!confirmSubmit(event)) event.preventDefault();
  };

  return (
    <main className="trading">
      {/* Attributes: strings, as in HTML. The event: the trader picked a symbol. */}
      <margin-mark-price-ticker
        mode="list"
        symbols="BTC-USDT,ETH-USDT,SOL-USDT"
        selected={symbol}
        onmargin-symbol-select={(event) => {
          setSymbol(event.detail.symbol);
          note(`margin-symbol-select ${event.detail.symbol}`);
        }}
      />

      {/* Properties: React 19 sets `symbol`, `confirm` and `lookupTiming` on the element itself. */}
      <margin-order-ticket
        symbol={symbol}
        margin-mode="cross"
        confirm
        lookupTiming={{ maxDelayMs: 4_000 }}
        onmargin-before-submit={beforeSubmit}
        onmargin-order-placed={(event) => note(`margin-order-placed ${event.detail.symbol} ${event.detail.orderId}`)}
        onmargin-order-cancelled={() => note('margin-order-cancelled')}
        onmargin-error={(event) => note(`margin-error ${event.detail.message}`)}
      />

      <margin-borrow-repay
        currency={base}
        margin-mode="cross"
        onmargin-before-submit={beforeSubmit}
        onmargin-borrowed={(event) => note(`margin-borrowed ${event.detail.currency} ${event.detail.actualSize}`)}
        onmargin-repaid={(event) => note(`margin-repaid ${event.detail.currency} ${event.detail.actualSize}`)}
      />

      <margin-lending-market
        onmargin-before-submit={beforeSubmit}
        onmargin-purchased={(event) => note(`margin-purchased ${event.detail.currency} ${event.detail.size}`)}
      />

      <section aria-labelledby="log-title">
        <h2 id="log-title">Events</h2>
        <ol id="event-log">
          {log.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
      </section>
    </main>
  );
}
