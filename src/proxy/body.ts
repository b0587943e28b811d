/**
 * Request bodies: read no more than the limit, accept only a JSON object, and hand on the
 * re-serialized text, so the body the guards checked, the body signed and the body sent are one
 * (a duplicate key, read one way here and another way by the venue, cannot slip through).
 */
import { Refusal } from './respond.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

function tooLarge(maxBytes: number): Refusal {
  return new Refusal(413, 'body_too_large', `Bodies are limited to ${maxBytes} bytes.`);
}

/** The raw body text, refused past `maxBytes` without reading further. */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null) {
    if (!/^\d+$/.test(declared)) throw new Refusal(400, 'bad_body', 'Content-Length is not a number.');
    if (Number(declared) > maxBytes) throw tooLarge(maxBytes);
  }
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new Refusal(400, 'bad_body', 'The body is not UTF-8.');
  }
}

function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  const [type, ...parameters] = value.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((parameter) => parameter === '' || parameter === 'charset=utf-8');
}

/** A POST's body: a JSON object, returned parsed and as the exact text to sign and send. */
export async function readJsonObject(
  request: Request,
  maxBytes: number,
): Promise<{ text: string; json: Record<string, unknown> }> {
  // Requiring application/json also means a browser must preflight, so CORS decides first.
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw new Refusal(400, 'bad_body', 'Send the body as Content-Type: application/json.');
  }
  const raw = await readBodyText(request, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Refusal(400, 'bad_body', 'The body is not JSON.');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Refusal(400, 'bad_body', 'The body must be a JSON object.');
  }
  const object = json as Record<string, unknown>;
  return { text: JSON.stringify(object), json: object };
}

/** GET and DELETE carry their parameters in the query: a body would go unsigned or unread. */
export async function refuseBody(request: Request, maxBytes: number): Promise<void> {
  if ((await readBodyText(request, maxBytes)) !== '') {
    throw new Refusal(400, 'bad_body', `${request.method} takes no body.`);
  }
}
