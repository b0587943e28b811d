/**
 * The ticker carries no decimal.js (DESIGN "Venues": a display-only element keeps exact decimal
 * text). Bundled as a page's bundler would bundle `margin-kit/margin-mark-price-ticker.js`, with
 * tree-shaking, the output holds no byte of decimal.js; the order ticket, which computes, does
 * (so the check can fail).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import * as esbuild from 'esbuild';
import { browserBundle } from '../../../scripts/browser-bundle.js';

const ROOT = join(import.meta.dirname, '../../..');

async function bundled(entry: string): Promise<{ text: string; decimalBytes: number }> {
  const result = await esbuild.build({ ...browserBundle(ROOT), entryPoints: [join(ROOT, entry)] });
  let decimalBytes = 0;
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) if (/node_modules\/decimal\.js\//.test(path)) decimalBytes += input.bytesInOutput;
  }
  return { text: result.outputFiles.map((f) => f.text).join('\n'), decimalBytes };
}

describe('the ticker bundle', () => {
  test('holds no decimal.js', async () => {
    const ticker = await bundled('src/define/margin-mark-price-ticker.ts');
    assert.equal(ticker.decimalBytes, 0, 'bytes of decimal.js in the ticker bundle');
    assert.equal(ticker.text.includes('[DecimalError]'), false, "decimal.js's error prefix in the ticker bundle");
    assert.match(ticker.text, /margin-mark-price-ticker/);
  });

  test('the check sees decimal.js where it is: the order ticket computes with it', async () => {
    const ticket = await bundled('src/define/margin-order-ticket.ts');
    assert.ok(ticket.decimalBytes > 10_000, `decimal.js bytes in the order ticket: ${ticket.decimalBytes}`);
    assert.equal(ticket.text.includes('[DecimalError]'), true);
  });
});
