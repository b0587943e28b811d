/**
 * The page's entry: configure margin-kit once (the proxy URL and a token from your backend; here
 * the demo server's /demo-config.json), define the elements, then render.
 */
import { createRoot } from 'react-dom/client';
import { configure } from 'margin-kit'; // defines all four elements too
import { App } from './App.js';

const { proxyUrl, token } = (await (await fetch('/demo-config.json')).json()) as { proxyUrl: string; token: string };
configure({ proxyUrl, getToken: () => token });

createRoot(document.querySelector('#app')!).render(
  <App confirmSubmit={(event) => window.confirm(`Send ${event.detail.action} on ${event.detail.venue}?`)} />,
);
