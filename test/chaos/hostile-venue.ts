/**
 * A hostile venue: the sandbox behind a wrapper that rewrites its answers so that names,
 * currencies, symbols and messages carry markup. Every list of symbols or currencies gets one more
 * entry whose symbol and currency are markup; display names (`name`, `symbolName`, `baseCurrency`,
 * `quoteCurrency`) of every entry become markup; chosen actions are refused with a markup message.
 * If any element parsed venue text as HTML, an `<img onerror>` or `<svg onload>` would run and
 * count itself in `globalThis.__marginKitPwned`. Pure fetch-handler code: the browser suite and the
 * Node CSP page both use it.
 */

export const PWNED = '__marginKitPwned';

export const MARKUP = {
  img: `<img src=x onerror="globalThis.${PWNED}=(globalThis.${PWNED}||0)+1">`,
  script: `<script>globalThis.${PWNED}=(globalThis.${PWNED}||0)+1</script>`,
  svg: `<svg onload="globalThis.${PWNED}=(globalThis.${PWNED}||0)+1"></svg>`,
} as const;

/** The start of each payload, to find it rendered as text. */
export const MARKUP_TEXT = ['<img src=x onerror=', '<script>globalThis.', '<svg onload='] as const;

export interface HostileOptions {
  /** Requests answered with the venue's error envelope and a markup message, by `METHOD /path`. */
  refuse?: RegExp;
}

type Handler = (request: Request) => Promise<Response>;

const DISPLAY_FIELDS = { name: MARKUP.img, symbolName: MARKUP.svg, baseCurrency: MARKUP.img, quoteCurrency: MARKUP.script } as const;
/** Only on the extra entry: keys and ids the real entries need intact. */
const KEY_FIELDS = {
  symbol: `${MARKUP.img}-USDT`,
  currency: MARKUP.svg,
  orderNo: MARKUP.img,
  purchaseOrderNo: MARKUP.svg,
  borrow_id: MARKUP.img,
  repay_id: MARKUP.svg,
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function poison(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(poison);
    const first = value.find(isRecord);
    if (first && (typeof first.symbol === 'string' || typeof first.currency === 'string')) {
      const extra: Record<string, unknown> = { ...(poison(first) as Record<string, unknown>) };
      for (const [key, markup] of Object.entries(KEY_FIELDS)) if (typeof extra[key] === 'string') extra[key] = markup;
      items.push(extra);
    }
    return items;
  }
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] = typeof field === 'string' && key in DISPLAY_FIELDS ? DISPLAY_FIELDS[key as keyof typeof DISPLAY_FIELDS] : poison(field);
  }
  return out;
}

export function hostileVenue(handler: Handler, options: HostileOptions = {}): Handler {
  return async (request) => {
    const url = new URL(request.url);
    const kucoin = url.pathname.startsWith('/api/');
    if (options.refuse?.test(`${request.method} ${url.pathname}`)) {
      const body = kucoin
        ? { code: '400100', msg: `${MARKUP.img} ${MARKUP.script}` }
        : { code: 50000, message: `${MARKUP.img} ${MARKUP.svg}`, trace: MARKUP.script, data: {} };
      return new Response(JSON.stringify(body), { status: 400, headers: { 'content-type': 'application/json' } });
    }
    const response = await handler(request);
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return new Response(text, { status: response.status, headers: response.headers });
    }
    if (isRecord(json)) {
      if (typeof json.msg === 'string' && json.code !== '200000') json.msg = `${MARKUP.img} ${json.msg}`;
      if (typeof json.message === 'string' && json.code !== 1000) json.message = `${MARKUP.svg} ${json.message}`;
      if ('data' in json) json.data = poison(json.data);
    }
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(JSON.stringify(json), { status: response.status, headers });
  };
}
