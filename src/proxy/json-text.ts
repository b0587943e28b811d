/**
 * A JSON reader for request bodies that keeps every number as the text the caller wrote.
 * `JSON.parse` turns `123456789012345678901234567890` into a double, and writing it back sends
 * the venue `1.2345678901234568e+29` (or `null` for `1e400`): an amount the caller never asked
 * for. Here a number stays a `JsonNumber` holding its source text, and `writeJson` writes it back
 * unchanged. Nesting is bounded before any recursion, so 7000 nested arrays are a refusal, not a
 * stack overflow. Duplicate keys keep the last value (as `JSON.parse` does), so the text written
 * back has one value per key, the one the guards checked.
 */

/** A JSON number exactly as written (`100.000000000000000000000000001`, `1e400`). */
export class JsonNumber {
  constructor(readonly text: string) {}
}

export type JsonValue = string | boolean | null | JsonNumber | JsonValue[] | JsonObject;
/** Keys in first-seen order; no prototype, so `__proto__` is a key like any other. */
export type JsonObject = { [key: string]: JsonValue };

/** Venue bodies are flat (an order, a borrow); this is far past any of them. */
export const MAX_JSON_DEPTH = 32;

export class JsonTextError extends Error {
  constructor(
    message: string,
    /** Refused for its nesting, before reading further. */
    readonly tooDeep = false,
  ) {
    super(message);
    this.name = 'JsonTextError';
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Reader {
  private at = 0;
  /**
   * Set when writeJson would not give the text back as it is: white space, an escape, a
   * surrogate, a repeated key, or a key that looks like an index (objects list those first).
   */
  rewritten = false;

  constructor(private readonly text: string) {}

  document(): JsonValue {
    const value = this.value(0);
    this.space();
    if (this.at !== this.text.length) throw new JsonTextError('Text follows the JSON value.');
    return value;
  }

  private space(): void {
    const text = this.text;
    let at = this.at;
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) at += 1;
      else break;
    }
    if (at !== this.at) this.rewritten = true;
    this.at = at;
  }

  private value(depth: number): JsonValue {
    this.space();
    const code = this.text.charCodeAt(this.at);
    if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      if (depth >= MAX_JSON_DEPTH) throw new JsonTextError(`The body nests deeper than ${MAX_JSON_DEPTH} levels.`, true);
      return code === 0x7b ? this.object(depth + 1) : this.array(depth + 1);
    }
    if (code === 0x22 /* " */) return this.string();
    if (this.literal('true')) return true;
    if (this.literal('false')) return false;
    if (this.literal('null')) return null;
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (!match) throw new JsonTextError('Not JSON.');
    this.at += match[0].length;
    return new JsonNumber(match[0]);
  }

  private literal(word: string): boolean {
    if (!this.text.startsWith(word, this.at)) return false;
    this.at += word.length;
    return true;
  }

  private string(): string {
    const text = this.text;
    const start = this.at;
    let at = start + 1;
    let escaped = false;
    for (;;) {
      if (at >= text.length) throw new JsonTextError('A string is not closed.');
      const code = text.charCodeAt(at);
      if (code === 0x22) break;
      if (code < 0x20) throw new JsonTextError('A string holds a control character.');
      if (code >= 0xd800 && code <= 0xdfff) this.rewritten = true;
      if (code === 0x5c /* \ */) {
        escaped = true;
        at += 2;
      } else at += 1;
    }
    this.at = at + 1;
    if (!escaped) return text.slice(start + 1, at);
    this.rewritten = true;
    // Escapes are rare in venue bodies: the platform's parser decodes (and validates) them.
    try {
      return JSON.parse(text.slice(start, at + 1)) as string;
    } catch {
      throw new JsonTextError('A string has a bad escape.');
    }
  }

  private expect(code: number, what: string): void {
    this.space();
    if (this.text.charCodeAt(this.at) !== code) throw new JsonTextError(`Expected ${what}.`);
    this.at += 1;
  }

  private next(close: number): boolean {
    this.space();
    const code = this.text.charCodeAt(this.at);
    if (code === close) {
      this.at += 1;
      return false;
    }
    if (code !== 0x2c /* , */) throw new JsonTextError('Expected , or the end.');
    this.at += 1;
    return true;
  }

  private object(depth: number): JsonObject {
    this.at += 1;
    const object = Object.create(null) as JsonObject;
    this.space();
    if (this.text.charCodeAt(this.at) === 0x7d /* } */) {
      this.at += 1;
      return object;
    }
    do {
      this.space();
      if (this.text.charCodeAt(this.at) !== 0x22) throw new JsonTextError('Expected a key.');
      const key = this.string();
      const first = key.charCodeAt(0);
      if ((first >= 0x30 && first <= 0x39) || key in object) this.rewritten = true;
      this.expect(0x3a /* : */, ':');
      object[key] = this.value(depth);
    } while (this.next(0x7d));
    return object;
  }

  private array(depth: number): JsonValue[] {
    this.at += 1;
    const array: JsonValue[] = [];
    this.space();
    if (this.text.charCodeAt(this.at) === 0x5d /* ] */) {
      this.at += 1;
      return array;
    }
    do array.push(this.value(depth));
    while (this.next(0x5d));
    return array;
  }
}

/** Parses one JSON document; throws JsonTextError on anything else, or past MAX_JSON_DEPTH. */
export function readJson(text: string): JsonValue {
  return new Reader(text).document();
}

/**
 * Parses one JSON document (as readJson) and gives the text writeJson would write for it: the
 * text itself when that is already it (compact, no escapes, no repeated keys: nearly every
 * client's body), so it is neither built again nor compared.
 */
export function readJsonText(text: string): { value: JsonValue; text: string } {
  const reader = new Reader(text);
  const value = reader.document();
  return { value, text: reader.rewritten ? writeJson(value) : text };
}

/** The value as compact JSON, numbers exactly as they were read. */
export function writeJson(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof JsonNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map(writeJson).join(',')}]`;
  let text = '{';
  let first = true;
  for (const key in value) {
    text += `${first ? '' : ','}${JSON.stringify(key)}:${writeJson(value[key]!)}`;
    first = false;
  }
  return `${text}}`;
}
