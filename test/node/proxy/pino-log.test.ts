/**
 * The node adapter's request log (src/node/pino-log.ts): pino's lines through the proxy's own
 * buffer, which writes them in batches. Every line arrives, whole and in order; an idle proxy's
 * line shows without waiting for more; closing writes what is left.
 */
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createPinoRequestLog, LineBuffer } from '../../../src/node/pino-log.js';
import type { ProxyLogEntry } from '../../../src/proxy/index.js';

function withFile(run: (fd: number, read: () => string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'margin-kit-log-'));
  const file = join(dir, 'log');
  const fd = openSync(file, 'w');
  return run(fd, () => readFileSync(file, 'utf8')).finally(() => {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  });
}

const entry = (i: number): ProxyLogEntry => ({
  time: new Date(Date.UTC(2026, 11, 3, 12, 0, 0, i % 1000)).toISOString(),
  caller: i % 3 === 0 ? null : 'anonymous:127.0.0.1',
  venue: i % 3 === 0 ? null : 'kucoin',
  method: 'GET',
  path: `/kucoin/api/v3/margin/currencies/${i}"\u00e9`,
  status: i % 3 === 0 ? 404 : 200,
  ms: i % 7,
  ...(i % 3 === 0 ? { error: 'not_allowed' } : {}),
});

describe('the pino request log', () => {
  test('every line arrives whole, in order, with exactly the entry fields (time first), however many batches it takes', async () => {
    await withFile(async (fd, read) => {
      const log = createPinoRequestLog(fd);
      const count = 5000;
      for (let i = 0; i < count; i += 1) {
        log.write(entry(i));
        // Let batches go out while lines keep coming, as on a busy proxy.
        if (i % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      // The last write under way finishes on its own; what is left goes out on close.
      await new Promise((resolve) => setTimeout(resolve, 50));
      log.close();
      const lines = read().split('\n');
      assert.equal(lines.pop(), '');
      assert.equal(lines.length, count);
      lines.forEach((line, i) => {
        assert.equal(line, JSON.stringify(entry(i)), `line ${i}`);
      });
    });
  });

  test('a lone line shows within the flush interval, before any close', async () => {
    await withFile(async (fd, read) => {
      const log = createPinoRequestLog(fd);
      try {
        log.write(entry(1));
        assert.equal(read(), '', 'buffered at first');
        for (let i = 0; i < 100 && read() === ''; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
        assert.equal(read(), `${JSON.stringify(entry(1))}\n`);
      } finally {
        log.close();
      }
    });
  });

  test('an output that is gone takes its lines with it; writing and closing never throw', async () => {
    const lines = new LineBuffer(987_654);
    for (let i = 0; i < 200; i += 1) assert.equal(lines.write(`${JSON.stringify(entry(i))}\n`), true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    lines.write('{"after":true}\n');
    assert.doesNotThrow(() => lines.flushSync());
  });
});
