import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/margin-mark-price-ticker.js';
import { manifestArgTypes } from './manifest-controls.js';
import { dark, storyStack } from './support.js';

interface Args {
  mode: 'tape' | 'list' | 'single';
  symbols: string;
  'poll-interval': number;
  locale: string;
}

const render = (name: string, state: 'live' | 'loading' | 'error' = 'live') => (args: Args) =>
  html`<margin-mark-price-ticker
    proxy-url=${storyStack(name, state)}
    mode=${args.mode}
    symbols=${args.symbols}
    poll-interval=${args['poll-interval']}
    locale=${args.locale}
  ></margin-mark-price-ticker>`;

const meta: Meta<Args> = {
  title: 'Elements/margin-mark-price-ticker',
  component: 'margin-mark-price-ticker',
  args: { mode: 'list', symbols: 'BTC-USDT,ETH-USDT,SOL-USDT,XRP-USDT,DOGE-USDT,LUNC-USDT', 'poll-interval': 1000, locale: 'en-US' },
  argTypes: manifestArgTypes('margin-mark-price-ticker'),
};
export default meta;
type Story = StoryObj<Args>;

export const List: Story = { render: render('ticker-list') };
export const Tape: Story = { args: { mode: 'tape', symbols: '' }, render: render('ticker-tape') };
export const Single: Story = { args: { mode: 'single', symbols: 'BTC-USDT' }, render: render('ticker-single') };
export const Loading: Story = { render: render('ticker-loading', 'loading') };
export const Error: Story = { render: render('ticker-error', 'error') };
export const Empty: Story = { args: { symbols: 'NOT-LISTED' }, render: render('ticker-empty') };
export const Dark: Story = { render: (args) => dark(render('ticker-dark')(args)) };
export const GermanLocale: Story = { name: 'German locale', args: { locale: 'de-DE' }, render: render('ticker-de') };
