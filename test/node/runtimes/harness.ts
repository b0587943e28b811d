/**
 * What each runtime under test serves (bundled with its entry in entries/): the proxy's fetch
 * handler, one instance per refusal case (the case's options over the table's defaults, as the
 * node adapters' suite builds them) and one with the sandbox's demo keys for signed calls, all
 * pointed at the venue on 127.0.0.1 that the Node side runs and counts.
 *
 * The instance is picked by a header the proxy never reads (`x-harness`), so the request the
 * proxy sees is the one the test sent: same target, same headers otherwise.
 */
import { createSigningProxy, type SigningProxyOptions } from '../../../src/proxy/index.js';
import { DEMO_CREDENTIALS } from '../../../src/sandbox/fixtures.js';
import { CASE_ORIGIN, CASE_TOKEN, REFUSAL_CASES } from '../../proxy/refusal-cases.js';

export const HARNESS_HEADER = 'x-harness';
/** The proxy with the sandbox's keys: signed calls the sandbox verifies. */
export const LIVE = 'live';
/** Answers what the handler was given (URL, Host) without any proxy: what the runtime did to the target. */
export const ECHO = 'echo';
/** Answers `{ logs, offLoopback }` of case `log:<index>`. */
export const LOG = 'log:';

export const LIVE_TOKEN = 'runtime-suite-token-abcdefghijklmnop';

export interface EchoAnswer {
  url: string;
  host: string | null;
}

export interface LogAnswer {
  logs: string[];
  /** Hosts the proxy tried to reach off loopback (none, or the test fails). */
  offLoopback: string[];
}

type Handler = (request: Request) => Promise<Response>;

const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

export function createHarness(venueUrl: string): Handler {
  if (new URL(venueUrl).hostname !== '127.0.0.1') throw new Error(`the harness only talks to 127.0.0.1, got ${venueUrl}`);
  const offLoopback: string[] = [];
  const loopbackFetch: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname !== '127.0.0.1') {
      offLoopback.push(url.host);
      return Promise.reject(new Error(`the proxy tried to reach ${url.host}`));
    }
    return fetch(input, init);
  };

  const logs = new Map<number, string[]>();
  const proxies = new Map<number, Handler>();
  function caseProxy(index: number): Handler | undefined {
    const refusal = REFUSAL_CASES[index];
    if (!refusal) return undefined;
    let proxy = proxies.get(index);
    if (!proxy) {
      const lines: string[] = [];
      logs.set(index, lines);
      const options: SigningProxyOptions = {
        kucoin: { apiKey: 'kc-key', apiSecret: 'kc-secret', apiPassphrase: 'kc-pass' },
        bitmart: { apiKey: 'bm-key', apiSecret: 'bm-secret', memo: 'bm-memo', baseUrl: venueUrl },
        token: CASE_TOKEN,
        allowedOrigins: [CASE_ORIGIN],
        log: (line) => lines.push(line),
        fetch: loopbackFetch,
        ...refusal.options,
      };
      if (options.kucoin) options.kucoin = { ...options.kucoin, baseUrl: venueUrl };
      proxy = createSigningProxy(options);
      proxies.set(index, proxy);
    }
    return proxy;
  }

  const live = createSigningProxy({
    kucoin: { ...DEMO_CREDENTIALS.kucoin, baseUrl: venueUrl },
    bitmart: { ...DEMO_CREDENTIALS.bitmart, baseUrl: venueUrl },
    token: LIVE_TOKEN,
    fetch: loopbackFetch,
  });

  return async (request) => {
    const which = request.headers.get(HARNESS_HEADER) ?? '';
    if (which === LIVE) return live(request);
    if (which === ECHO) return json({ url: request.url, host: request.headers.get('host') } satisfies EchoAnswer);
    if (which.startsWith(LOG)) {
      const index = Number(which.slice(LOG.length));
      return json({ logs: logs.get(index) ?? [], offLoopback } satisfies LogAnswer);
    }
    const proxy = /^\d+$/.test(which) ? caseProxy(Number(which)) : undefined;
    return proxy ? proxy(request) : json({ harness: `no instance ${JSON.stringify(which)}` }, 418);
  };
}
