/**
 * Each element in a box of 280, 375, 600 and 1024 px: what test/elements/fit/width.test.ts
 * measures, to look at. The dashed line is the box the page gives; nothing should cross it (a
 * table wider than the box scrolls inside it).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../src/define/margin-borrow-repay.js';
import '../src/define/margin-lending-market.js';
import '../src/define/margin-mark-price-ticker.js';
import '../src/define/margin-order-ticket.js';
import { storyStack } from './support.js';

const meta: Meta = { title: 'Layout/Widths' };
export default meta;
type Story = StoryObj;

const ELEMENTS: Record<string, (proxyUrl: string) => TemplateResult> = {
  'order-ticket': (proxyUrl) => html`<margin-order-ticket proxy-url=${proxyUrl} symbol="BTC-USDT"></margin-order-ticket>`,
  'borrow-repay': (proxyUrl) => html`<margin-borrow-repay proxy-url=${proxyUrl} currency="USDT"></margin-borrow-repay>`,
  'lending-market': (proxyUrl) => html`<margin-lending-market proxy-url=${proxyUrl}></margin-lending-market>`,
  'mark-price-ticker': (proxyUrl) =>
    html`<margin-mark-price-ticker proxy-url=${proxyUrl} mode="list" symbols="BTC-USDT,ETH-USDT,SOL-USDT"></margin-mark-price-ticker>`,
};

const at = (element: string, width: number): Story => ({
  name: `${element} at ${width} px`,
  render: () =>
    html`<div style="inline-size: ${width}px; outline: 1px dashed GrayText; outline-offset: 2px;">
      ${ELEMENTS[element]!(storyStack(`widths-${element}-${width}`))}
    </div>`,
});

export const OrderTicket280 = at('order-ticket', 280);
export const OrderTicket375 = at('order-ticket', 375);
export const OrderTicket600 = at('order-ticket', 600);
export const OrderTicket1024 = at('order-ticket', 1024);
export const BorrowRepay280 = at('borrow-repay', 280);
export const BorrowRepay375 = at('borrow-repay', 375);
export const BorrowRepay600 = at('borrow-repay', 600);
export const BorrowRepay1024 = at('borrow-repay', 1024);
export const LendingMarket280 = at('lending-market', 280);
export const LendingMarket375 = at('lending-market', 375);
export const LendingMarket600 = at('lending-market', 600);
export const LendingMarket1024 = at('lending-market', 1024);
export const MarkPriceTicker280 = at('mark-price-ticker', 280);
export const MarkPriceTicker375 = at('mark-price-ticker', 375);
export const MarkPriceTicker600 = at('mark-price-ticker', 600);
export const MarkPriceTicker1024 = at('mark-price-ticker', 1024);
