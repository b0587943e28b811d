/**
 * The node adapter's request log: pino, writing into a buffer of lines that goes out in one
 * asynchronous write per 4 KiB when busy, at least one every 250 ms when not. The lines are the
 * fetch handler's (ProxyLogEntry's fields, in its order, nothing more: no pino level, pid or
 * host), already cut and redacted by the core.
 *
 * The buffer is ours rather than pino's own destination (sonic-boom): on the proxy bench's load
 * the same lines through sonic-boom cost 7-20% of the proxy's CPU per request, through this buffer
 * too little to tell from logging off; one fs.write per line, before either, a quarter. Batched
 * sonic-boom (`minLength`) was tried too: about 3 µs more per line than this buffer, and its
 * `flushSync` (4.2.1) loops forever on an output that is gone (EPIPE, EBADF: only EAGAIN is meant
 * to be retried), which would hang the proxy's shutdown.
 */
import { write as fsWrite, writeSync } from 'node:fs';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { ProxyLogEntry } from '../proxy/types.js';

const FLUSH_EVERY_MS = 250;
const WRITE_AT_BYTES = 4096;
/** Lines held while the output does not take them (a stalled log collector); later ones are dropped. */
export const MAX_BUFFERED_CHARS = 4 * 1024 * 1024;
/** A full non-blocking pipe (EAGAIN): try again after this long. */
const RETRY_MS = 20;

export interface PinoRequestLog {
  write(entry: ProxyLogEntry): void;
  /** Writes what is buffered and stops the flush timer (the proxy is closing). */
  close(): void;
}

/**
 * Lines into one string, out in one write at a time: a short write goes on with the rest, a full
 * pipe is tried again shortly, an output gone (EPIPE) takes its lines with it. Nothing here
 * throws into the request path.
 */
export class LineBuffer implements DestinationStream {
  private pending = '';
  private writing = false;
  /** Lines not kept because MAX_BUFFERED_CHARS were waiting. */
  dropped = 0;

  constructor(private readonly fd: number) {}

  write(line: string): boolean {
    if (this.pending.length + line.length > MAX_BUFFERED_CHARS) {
      this.dropped += 1;
      return true;
    }
    this.pending += line;
    if (!this.writing && this.pending.length >= WRITE_AT_BYTES) this.flush();
    return true;
  }

  /** Starts a write of what is buffered, unless one is under way. */
  flush(): void {
    if (this.writing || this.pending === '') return;
    const bytes = Buffer.from(this.pending, 'utf8');
    this.pending = '';
    this.send(bytes);
  }

  /** Writes what is buffered now (a write under way finishes on its own). */
  flushSync(): void {
    if (this.pending === '') return;
    const bytes = Buffer.from(this.pending, 'utf8');
    this.pending = '';
    try {
      for (let at = 0; at < bytes.byteLength; ) at += writeSync(this.fd, bytes, at);
    } catch {
      // A stdout already gone (or full at exit) takes its lines with it; closing must not throw.
    }
  }

  private send(bytes: Buffer): void {
    this.writing = true;
    fsWrite(this.fd, bytes, 0, bytes.byteLength, null, (error, written) => {
      if (error) {
        if (error.code === 'EAGAIN') {
          setTimeout(() => this.send(bytes), RETRY_MS).unref();
          return;
        }
        this.writing = false;
        return;
      }
      if (written < bytes.byteLength) return this.send(bytes.subarray(written));
      this.writing = false;
      if (this.pending.length >= WRITE_AT_BYTES) this.flush();
    });
  }
}

/** One line per request to `fd` (default stdout), through pino. */
export function createPinoRequestLog(fd = 1): PinoRequestLog {
  const lines = new LineBuffer(fd);
  // An idle proxy's lines still show at once.
  const timer = setInterval(() => lines.flush(), FLUSH_EVERY_MS).unref();
  // pino writes its timestamp first: it is the entry's own (the request's start), set per line.
  let time = '';
  const logger: Logger = pino(
    {
      base: null,
      timestamp: () => `"time":${time}`,
      formatters: { level: () => ({}) },
    },
    lines,
  );
  return {
    write(entry) {
      const { time: at, ...rest } = entry;
      time = JSON.stringify(at);
      logger.info(rest);
    },
    close() {
      clearInterval(timer);
      lines.flushSync();
    },
  };
}
