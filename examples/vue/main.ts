/**
 * The page's entry: configure margin-kit once (the proxy URL and a token from your backend; here
 * the demo server's /demo-config.json), define the elements this page uses, then mount.
 */
import { createApp } from 'vue';
import { configure } from 'margin-kit/client';
import 'margin-kit/margin-mark-price-ticker.js';
import 'margin-kit/margin-order-ticket.js';
import 'margin-kit/margin-borrow-repay.js';
import 'margin-kit/margin-lending-market.js';
import App from './App.vue';

const { proxyUrl, token } = (await (await fetch('/demo-config.json')).json()) as { proxyUrl: string; token: string };
configure({ proxyUrl, getToken: () => token });

createApp(App, {
  confirmSubmit: (event: { detail: { action: string; venue: string } }) => window.confirm(`Send ${event.detail.action} on ${event.detail.venue}?`),
}).mount('#app');
