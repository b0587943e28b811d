/**
 * The demo page: configures the shared client from the demo server (proxy URL and a bearer
 * token), then shows what margin-kit offers so far.
 */
import { configure, getMarginClient } from '../src/client/index.js';
import type { MarkPrice } from '../src/client/kucoin/market.js';
import { formatDecimal } from '../src/core/format.js';
import '../src/index.js';

interface DemoConfig {
  proxyUrl: string;
  token: string;
}

async function start(): Promise<void> {
  const status = document.querySelector<HTMLElement>('#status')!;
  const table = document.querySelector<HTMLTableElement>('#prices')!;
  const config = (await (await fetch('/demo-config.json')).json()) as DemoConfig;
  configure({ proxyUrl: config.proxyUrl, getToken: () => config.token });
  const client = getMarginClient();
  const { items: symbols } = await client.kucoin.getCrossMarginSymbols();
  const increments = new Map(symbols.map((s) => [s.symbol, s.priceIncrement]));
  client.hub.poll<MarkPrice[]>('kucoin:mark-prices', (signal) => client.kucoin.getMarkPriceList({ signal }), 3000, (state) => {
    if (state.error && !state.value) status.textContent = `Cannot load prices: ${String((state.error as Error).message)}`;
    if (!state.value) return;
    status.textContent = state.stale ? 'Stale: showing the last prices received' : `Updated ${new Date(state.updatedAt!).toLocaleTimeString()}`;
    const body = table.tBodies[0]!;
    body.replaceChildren(
      ...state.value.map((price) => {
        const row = document.createElement('tr');
        const symbol = document.createElement('td');
        symbol.textContent = price.symbol;
        const value = document.createElement('td');
        value.textContent = formatDecimal(price.value, { increment: increments.get(price.symbol) });
        row.append(symbol, value);
        return row;
      }),
    );
    table.hidden = false;
  });
}

start().catch((error: unknown) => {
  document.querySelector('#status')!.textContent = `The demo could not start: ${error instanceof Error ? error.message : String(error)}`;
});
