/**
 * Request bodies: read no more than the limit, accept only a JSON object, and hand on the
 * re-serialized text, so the body the guards checked, the body signed and the body sent are one
 * (a duplicate key, read one way here and another way by the venue, cannot slip through).
 * Numbers are written back exactly as the caller wrote them (json-text.ts), never through a
 * double. Reading is the adapter's (a web stream, a node:http request); judging the text is shared.
 */
import { JsonNumber, JsonTextError, readJsonText, type JsonObject, type JsonValue } from './json-text.js';
import { Refusal } from './respond.js';

const decoder = new TextDecoder('utf-8', { fatal: true });
const DIGITS = /^\d+$/;

export function tooLarge(maxBytes: number): Refusal {
  return new Refusal(413, 'body_too_large', `Bodies are limited to ${maxBytes} bytes.`);
}

/**
 * Judges a declared Content-Length before anything is read: a number, and within the limit.
 * Returns the declared length, or -1 when none was declared.
 */
export function checkDeclaredLength(declared: string | null | undefined, maxBytes: number): number {
  if (declared === null || declared === undefined) return -1;
  if (!DIGITS.test(declared)) throw new Refusal(400, 'bad_body', 'Content-Length is not a number.');
  const length = Number(declared);
  if (length > maxBytes) throw tooLarge(maxBytes);
  return length;
}

export function notUtf8(): Refusal {
  return new Refusal(400, 'bad_body', 'The body is not UTF-8.');
}

/** UTF-8 text, refusing malformed bytes rather than replacing them. */
export function decodeBody(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw notUtf8();
  }
}

/** The raw body text, refused past `maxBytes` without reading further. */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  checkDeclaredLength(request.headers.get('content-length'), maxBytes);
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
  return decodeBody(bytes);
}

function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  // The common spellings without splitting: what every client sends.
  if (value === 'application/json' || value === 'application/json; charset=utf-8') return true;
  const [type, ...parameters] = value.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((parameter) => parameter === '' || parameter === 'charset=utf-8');
}

/** Refuses a POST that is not `Content-Type: application/json`, before its body is read. */
export function checkJsonContentType(value: string | null): void {
  // Requiring application/json also means a browser must preflight, so CORS decides first.
  if (!isJsonContentType(value)) throw new Refusal(400, 'bad_body', 'Send the body as Content-Type: application/json.');
}

export interface JsonBody {
  /** The exact text signed and sent. */
  text: string;
  /** Numbers are `JsonNumber`s holding their text. */
  json: JsonObject;
}

function isObject(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof JsonNumber);
}

/** A JSON object, returned parsed and as the exact text to sign and send. */
export function parseJsonObject(raw: string): JsonBody {
  let read: { value: JsonValue; text: string };
  try {
    read = readJsonText(raw);
  } catch (error) {
    throw new Refusal(400, 'bad_body', error instanceof JsonTextError && error.tooDeep ? error.message : 'The body is not JSON.');
  }
  const json = read.value;
  if (!isObject(json)) throw new Refusal(400, 'bad_body', 'The body must be a JSON object.');
  return { text: read.text, json };
}

/** A POST's body: a JSON object, returned parsed and as the exact text to sign and send. */
export async function readJsonObject(request: Request, maxBytes: number): Promise<JsonBody> {
  checkJsonContentType(request.headers.get('content-type'));
  return parseJsonObject(await readBodyText(request, maxBytes));
}

/** GET and DELETE carry their parameters in the query: a body would go unsigned or unread. */
export function refuseNonEmptyBody(method: string, text: string): void {
  if (text !== '') throw new Refusal(400, 'bad_body', `${method} takes no body.`);
}

export async function refuseBody(request: Request, maxBytes: number): Promise<void> {
  refuseNonEmptyBody(request.method, await readBodyText(request, maxBytes));
}
