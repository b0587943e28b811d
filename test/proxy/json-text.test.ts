import { expect } from '@open-wc/testing';
import { JsonNumber, JsonTextError, MAX_JSON_DEPTH, readJson, writeJson } from '../../src/proxy/json-text.js';

const roundTrip = (text: string) => writeJson(readJson(text));

describe('json-text: numbers as written', () => {
  it('writes every number back with the caller\'s digits, where JSON.stringify(JSON.parse()) would not', () => {
    for (const [text, viaDouble] of [
      ['{"size":123456789012345678901234567890}', '{"size":1.2345678901234568e+29}'],
      ['{"price":100.000000000000000000000000001}', '{"price":100}'],
      ['{"size":1e400}', '{"size":null}'],
      ['{"a":10.500,"b":-0,"c":1E-7}', '{"a":10.5,"b":0,"c":1e-7}'],
    ] as const) {
      expect(roundTrip(text)).to.equal(text);
      expect(JSON.stringify(JSON.parse(text)), 'the defect this replaces').to.equal(viaDouble);
    }
  });

  it('agrees with JSON.parse on everything but numbers: strings, escapes, nesting, duplicates (last wins)', () => {
    const samples = [
      '{}',
      '[]',
      '{"a":"x","b":true,"c":false,"d":null,"e":[1,"2",{"f":[]}]}',
      ' { "clientOid" : "c\\u00e9\\n\\"q\\"" , "symbol":"BTC-USDT" } ',
      '{"currency":"USDT","currency":"BTC","size":"0.5"}',
      '{"__proto__":{"x":1},"constructor":"y"}',
      '"text"',
      '12',
    ];
    for (const text of samples) expect(roundTrip(text), text).to.equal(JSON.stringify(JSON.parse(text)));
    const parsed = readJson('{"__proto__":{"x":"1"}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed), 'no prototype to pollute').to.equal(null);
    expect(parsed.__proto__).to.deep.equal(readJson('{"x":"1"}'));
  });

  it('refuses what JSON.parse refuses', () => {
    for (const text of ['', ' ', '{', '{"a":1,}', '[1,]', '{"a" 1}', "{'a':1}", '{"a":01}', '{"a":1.}', '{"a":.5}', '{"a":+1}', '{"a":NaN}', '{"a":"\u0001"}', '{"a":"\\x41"}', '{"a":1} {}', 'nul', '{"a":tru}']) {
      expect(() => readJson(text), JSON.stringify(text)).to.throw(JsonTextError);
      expect(() => JSON.parse(text), JSON.stringify(text)).to.throw(SyntaxError);
    }
  });

  it(`refuses nesting past ${MAX_JSON_DEPTH} before reading on (7000 arrays: no stack overflow)`, () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(roundTrip(nested(MAX_JSON_DEPTH))).to.equal(nested(MAX_JSON_DEPTH));
    for (const depth of [MAX_JSON_DEPTH + 1, 7000, 100_000]) {
      let error: unknown;
      try {
        readJson(nested(depth));
      } catch (thrown) {
        error = thrown;
      }
      expect(error).to.be.instanceOf(JsonTextError);
      expect((error as JsonTextError).tooDeep).to.equal(true);
    }
  });

  it('keeps a number as a JsonNumber holding its text', () => {
    const value = readJson('{"n":-12.50e+3}') as { n: JsonNumber };
    expect(value.n).to.be.instanceOf(JsonNumber);
    expect(value.n.text).to.equal('-12.50e+3');
  });
});
