import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/margin-lending-market.js';
import { manifestArgTypes } from './manifest-controls.js';
import { dark, storyStack } from './support.js';

interface Args {
  exchange: 'kucoin' | 'bitmart';
  filter: string;
  locale: string;
}

const render = (name: string, state: 'live' | 'loading' | 'error' = 'live') => (args: Args) =>
  html`<margin-lending-market
    proxy-url=${storyStack(name, state)}
    exchange=${args.exchange}
    filter=${args.filter}
    locale=${args.locale}
  ></margin-lending-market>`;

const meta: Meta<Args> = {
  title: 'Elements/margin-lending-market',
  component: 'margin-lending-market',
  args: { exchange: 'kucoin', filter: '', locale: 'en-US' },
  argTypes: manifestArgTypes('margin-lending-market'),
};
export default meta;
type Story = StoryObj<Args>;

export const KuCoin: Story = { name: 'KuCoin', render: render('lending-kucoin') };
export const BitMart: Story = { name: 'BitMart', args: { exchange: 'bitmart' }, render: render('lending-bitmart') };
export const Filtered: Story = { args: { filter: 'US' }, render: render('lending-filtered') };
export const Empty: Story = { args: { filter: 'NOTHING-MATCHES' }, render: render('lending-empty') };
export const Loading: Story = { render: render('lending-loading', 'loading') };
export const Error: Story = { render: render('lending-error', 'error') };
export const Dark: Story = { render: (args) => dark(render('lending-dark')(args)) };
export const GermanLocale: Story = { name: 'German locale', args: { locale: 'de-DE' }, render: render('lending-de') };
