/**
 * readJsonText (src/proxy/json-text.ts): a body already written as writeJson would write it goes
 * on as it came; any other (white space, escapes, repeated keys, index-like keys, surrogates) is
 * written again. Either way the text sent is exactly writeJson of what was read, the value the
 * guards checked.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JsonNumber, readJson, readJsonText, writeJson, type JsonValue } from '../../../src/proxy/json-text.js';

/** A small deterministic random source, so a failure names its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const KEYS = ['symbol', 'side', 'size', 'price', 'clientOid', '1', '0', '10', '__proto__', 'é', 'a"b', 'tab\there', 'x'];
const STRINGS = ['BTC-USDT', 'buy', '', 'caf\u00e9', 'quote"d', 'back\\slash', 'line\nbreak', '\u2028', '\ud83d\ude00'];
const NUMBERS = ['0', '-1', '0.0001', '123456789012345678901234567890', '1e400', '2.50E-3'];

function value(next: () => number, depth: number): JsonValue {
  const pick = next();
  if (depth < 3 && pick < 0.15) return Array.from({ length: Math.floor(next() * 3) }, () => value(next, depth + 1));
  if (depth < 3 && pick < 0.3) return object(next, depth + 1);
  if (pick < 0.55) return STRINGS[Math.floor(next() * STRINGS.length)]!;
  if (pick < 0.85) return new JsonNumber(NUMBERS[Math.floor(next() * NUMBERS.length)]!);
  return [true, false, null][Math.floor(next() * 3)]!;
}

function object(next: () => number, depth: number): { [key: string]: JsonValue } {
  const result = Object.create(null) as { [key: string]: JsonValue };
  for (let i = Math.floor(next() * 5); i > 0; i -= 1) result[KEYS[Math.floor(next() * KEYS.length)]!] = value(next, depth);
  return result;
}

/** The same document spelled another way: white space, \\u escapes, a key given twice. */
function respell(text: string, next: () => number): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === '"' && text[i - 1] !== '\\') inString = !inString;
    if (inString && /[a-z]/.test(char) && next() < 0.1) out += `\\u00${char.charCodeAt(0).toString(16)}`;
    else out += char;
    if (!inString && (char === ',' || char === ':') && next() < 0.3) out += ' \n\t'[Math.floor(next() * 3)];
  }
  if (out.startsWith('{"') && next() < 0.3) out = `{"symbol":"ETH-USDT",${out.slice(1)}`.replace(/,}$/, '}');
  return out === '{"symbol":"ETH-USDT",}' ? '{"symbol":"ETH-USDT"}' : out;
}

describe('readJsonText', () => {
  test('always the text writeJson writes for the value read; the same text when the body already was it', () => {
    for (let seed = 1; seed <= 3000; seed += 1) {
      const next = random(seed);
      const compact = writeJson(object(next, 0));
      const read = readJsonText(compact);
      assert.equal(read.text, compact, `seed ${seed}`);
      assert.deepEqual(read.value, readJson(compact));
      const other = respell(compact, next);
      const reread = readJsonText(other);
      assert.equal(reread.text, writeJson(readJson(other)), `seed ${seed}: ${other}`);
      assert.deepEqual(reread.value, readJson(other));
    }
  });

  test('what a client sends as it is goes on as it is; anything writeJson writes otherwise is written again', () => {
    const same = ['{"symbol":"BTC_USDT","currency":"BTC","amount":"0.0001"}', '{}', '{"a":[1,{"b":null}],"c":true}', '{"x":1e400}'];
    for (const text of same) assert.equal(readJsonText(text).text, text);
    const rewritten: [string, string][] = [
      ['{ "a": 1 }', '{"a":1}'],
      ['{"a":"\\u0041"}', '{"a":"A"}'],
      ['{"a":1,"a":2}', '{"a":2}'],
      ['{"b":1,"1":2}', '{"1":2,"b":1}'],
      ['{"a":"\\ud800"}', '{"a":"\\ud800"}'],
    ];
    for (const [text, written] of rewritten) assert.equal(readJsonText(text).text, written, text);
  });
});
