/**
 * The demo page: configures the shared client from the demo server (proxy URL and a bearer
 * token, as a real site would from its own backend), then lets the elements run.
 */
import manifest from '../custom-elements.json';
import { configure } from '../src/client/index.js';
import '../src/index.js';

interface DemoConfig {
  proxyUrl: string;
  token: string;
}

/** Every event any element fires, as custom-elements.json lists them (`npm run analyze`). */
export const EVENTS = [...new Set(manifest.modules.flatMap((m) => m.declarations.flatMap((d) => d.events.map((e) => e.name))))].sort();

async function start(): Promise<void> {
  const status = document.querySelector<HTMLElement>('#status')!;
  const config = (await (await fetch('/demo-config.json')).json()) as DemoConfig;
  configure({ proxyUrl: config.proxyUrl, getToken: () => config.token });
  status.textContent = `Proxy: ${config.proxyUrl}`;
  languageSwitch();
  document.querySelector<HTMLElement>('#demo')!.hidden = false;
  const log = document.querySelector<HTMLElement>('#events')!;
  for (const name of EVENTS) {
    document.addEventListener(name, (event) => {
      const detail = (event as CustomEvent).detail as Record<string, unknown>;
      const shown = name === 'margin-error' ? { kind: detail.kind, message: detail.message, action: detail.action } : detail;
      log.textContent = `${new Date().toLocaleTimeString()} ${name} ${JSON.stringify(shown)}\n${log.textContent ?? ''}`;
    });
  }
}

/**
 * The page's language (`?lang=es` to start in one): `configure({ locale })` changes every
 * element's words and default number format at once.
 */
function languageSwitch(): void {
  const select = document.querySelector<HTMLSelectElement>('#language')!;
  const show = (locale: string) => {
    document.documentElement.lang = locale;
    configure({ locale });
  };
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked && [...select.options].some((o) => o.value === asked)) {
    select.value = asked;
    show(asked);
  }
  select.addEventListener('change', () => show(select.value));
}

start().catch((error: unknown) => {
  document.querySelector('#status')!.textContent = `The demo could not start: ${error instanceof Error ? error.message : String(error)}`;
});
