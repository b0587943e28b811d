import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/margin-borrow-repay.js';
import { manifestArgTypes } from './manifest-controls.js';
import { ACCOUNT_SEEDS, dark, storyStack, type AccountSeed } from './support.js';

interface Args {
  exchange: 'kucoin' | 'bitmart';
  'margin-mode': 'cross' | 'isolated';
  symbol: string;
  currency: string;
  locale: string;
}

const render = (name: string, state: 'live' | 'loading' | 'error' = 'live', seed?: AccountSeed) => (args: Args) =>
  html`<margin-borrow-repay
    proxy-url=${storyStack(name, state, seed)}
    exchange=${args.exchange}
    margin-mode=${args['margin-mode']}
    symbol=${args.symbol}
    currency=${args.currency}
    locale=${args.locale}
  ></margin-borrow-repay>`;

const meta: Meta<Args> = {
  title: 'Elements/margin-borrow-repay',
  component: 'margin-borrow-repay',
  args: { exchange: 'kucoin', 'margin-mode': 'cross', symbol: '', currency: 'USDT', locale: 'en-US' },
  argTypes: manifestArgTypes('margin-borrow-repay'),
};
export default meta;
type Story = StoryObj<Args>;

export const KuCoinCross: Story = { name: 'KuCoin cross', render: render('loan-cross') };
export const KuCoinIsolated: Story = { name: 'KuCoin isolated', args: { 'margin-mode': 'isolated', symbol: 'BTC-USDT', currency: 'BTC' }, render: render('loan-isolated') };
export const BitMart: Story = { name: 'BitMart', args: { exchange: 'bitmart', 'margin-mode': 'isolated', symbol: 'BTC_USDT', currency: 'USDT' }, render: render('loan-bitmart') };
export const BorrowingDisabled: Story = { name: 'Borrowing disabled', args: { currency: 'LUNC' }, render: render('loan-disabled') };
export const Loading: Story = { render: render('loan-loading', 'loading') };
export const Error: Story = { render: render('loan-error', 'error') };
export const Dark: Story = { render: (args) => dark(render('loan-dark')(args)) };
export const GermanLocale: Story = { name: 'German locale', args: { locale: 'de-DE' }, render: render('loan-de') };
/** The whole personal USDT limit (1000000) borrowed: max borrowable 0, Max off, Repay Max pays it back. */
export const MaxReached: Story = { name: 'Max reached', render: render('loan-max-reached', 'live', ACCOUNT_SEEDS.maxReached) };
/** Nothing in the account and nothing owed: available 0, liability 0; borrowing is still open. */
export const NoBalance: Story = { name: 'No balance', render: render('loan-no-balance', 'live', ACCOUNT_SEEDS.noBalance) };
