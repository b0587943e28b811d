/**
 * The node adapter's request log: pino on an asynchronous destination, so the request path only
 * appends to a buffer; lines that arrive while a write is under way go out together in the next
 * one (a busy proxy makes few large writes, an idle one writes each line at once). The
 * lines are the fetch handler's (ProxyLogEntry's fields, in its order, nothing more: no pino
 * level, pid or host), already cut and redacted by the core.
 */
import { pino, destination as pinoDestination, type Logger } from 'pino';
import type { ProxyLogEntry } from '../proxy/types.js';

export interface PinoRequestLog {
  write(entry: ProxyLogEntry): void;
  /** Writes what is buffered (before exit, or in tests). */
  flush(): void;
}

/** One line per request to `fd` (default stdout), through pino. */
export function createPinoRequestLog(fd = 1, options: { sync?: boolean } = {}): PinoRequestLog {
  const stream = pinoDestination({ dest: fd, sync: options.sync ?? false });
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
    flush() {
      stream.flushSync();
    },
  };
}
