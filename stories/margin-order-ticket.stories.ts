import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/margin-order-ticket.js';
import { manifestArgTypes } from './manifest-controls.js';
import { ACCOUNT_SEEDS, dark, storyStack, type AccountSeed } from './support.js';

interface Args {
  symbol: string;
  'margin-mode': 'cross' | 'isolated';
  side: 'buy' | 'sell';
  'order-type': 'limit' | 'market';
  api: 'hf' | 'v1';
  confirm: boolean;
  locale: string;
}

const render = (name: string, state: 'live' | 'loading' | 'error' = 'live', seed?: AccountSeed) => (args: Args) =>
  html`<margin-order-ticket
    proxy-url=${storyStack(name, state, seed)}
    symbol=${args.symbol}
    margin-mode=${args['margin-mode']}
    side=${args.side}
    order-type=${args['order-type']}
    api=${args.api}
    ?confirm=${args.confirm}
    locale=${args.locale}
  ></margin-order-ticket>`;

const meta: Meta<Args> = {
  title: 'Elements/margin-order-ticket',
  component: 'margin-order-ticket',
  args: { symbol: 'BTC-USDT', 'margin-mode': 'cross', side: 'buy', 'order-type': 'limit', api: 'hf', confirm: false, locale: 'en-US' },
  argTypes: manifestArgTypes('margin-order-ticket'),
};
export default meta;
type Story = StoryObj<Args>;

export const Limit: Story = { render: render('ticket-limit') };
export const Market: Story = { args: { 'order-type': 'market', side: 'sell' }, render: render('ticket-market') };
export const SymbolPicker: Story = { name: 'Symbol picker', args: { symbol: '' }, render: render('ticket-picker') };
export const Isolated: Story = { args: { 'margin-mode': 'isolated', symbol: 'ETH-USDT' }, render: render('ticket-isolated') };
export const V1WithReview: Story = { name: 'V1 with review', args: { api: 'v1', confirm: true }, render: render('ticket-v1') };
export const TradingDisabled: Story = { name: 'Trading disabled', args: { symbol: 'LUNC-USDT' }, render: render('ticket-disabled') };
export const Loading: Story = { render: render('ticket-loading', 'loading') };
export const Error: Story = { render: render('ticket-error', 'error') };
export const Dark: Story = { render: (args) => dark(render('ticket-dark')(args)) };
export const GermanLocale: Story = { name: 'German locale', args: { locale: 'de-DE' }, render: render('ticket-de') };
/** 40 USDT of its own and 1000 USDT borrowed: debt ratio 1000 / 1040 = 96.16%, past the 95% warning, below the 97% liquidation. */
export const NearLiquidation: Story = { name: 'Near liquidation', render: render('ticket-near-liquidation', 'live', ACCOUNT_SEEDS.nearLiquidation) };
/** Nothing in the account: available 0, Max and the percentages off until Auto-borrow is ticked. */
export const NoBalance: Story = { name: 'No balance', render: render('ticket-no-balance', 'live', ACCOUNT_SEEDS.noBalance) };
/** The whole USDT borrow limit (1000000) taken: with Auto-borrow, a buy can spend only what is available. */
export const MaxReached: Story = { name: 'Max reached', render: render('ticket-max-reached', 'live', ACCOUNT_SEEDS.maxReached) };
