/**
 * The node adapter's request log: pino on an asynchronous, buffered destination, so the request
 * path only appends to a buffer: a write per 4 KiB of lines when busy, at least one every 250 ms
 * when not (one fs.write per line cost the proxy a quarter of its CPU). The
 * lines are the fetch handler's (ProxyLogEntry's fields, in its order, nothing more: no pino
 * level, pid or host), already cut and redacted by the core.
 */
import { pino, destination as pinoDestination, type Logger } from 'pino';
import type { ProxyLogEntry } from '../proxy/types.js';

const FLUSH_EVERY_MS = 250;

export interface PinoRequestLog {
  write(entry: ProxyLogEntry): void;
  /** Writes what is buffered and stops the flush timer (the proxy is closing). */
  close(): void;
}

/** One line per request to `fd` (default stdout), through pino. */
export function createPinoRequestLog(fd = 1, options: { sync?: boolean } = {}): PinoRequestLog {
  const sync = options.sync ?? false;
  // Lines gather up to 4 KiB (a write per ~30 requests when busy) and are written at least every
  // 250 ms when not, so an idle proxy's lines still show at once.
  const stream = pinoDestination({ dest: fd, sync, minLength: sync ? 0 : 4096 });
  const timer = sync ? undefined : setInterval(() => stream.flush(), FLUSH_EVERY_MS).unref();
  // pino writes its timestamp first: it is the entry's own (the request's start), set per line.
  let time = '';
  const logger: Logger = pino(
    {
      base: null,
      timestamp: () => `"time":${time}`,
      formatters: { level: () => ({}) },
    },
    stream,
  );
  return {
    write(entry) {
      const { time: at, ...rest } = entry;
      time = JSON.stringify(at);
      logger.info(rest);
    },
    close() {
      clearInterval(timer);
      try {
        stream.flushSync();
      } catch {
        // A stdout already gone takes its lines with it; closing must not throw.
      }
    },
  };
}
