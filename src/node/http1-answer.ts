/**
 * Reads one HTTP/1.1 answer from the bytes of a connection, for the proxy's venue client
 * (http-fetch.ts): status, raw headers, and the body framed by Content-Length, chunked
 * transfer coding, or the end of the connection. It is strict where a lenient reading could let
 * one answer's bytes pass for the next one's on a kept-alive connection: anything it cannot read
 * unambiguously (a malformed head, Content-Length with Transfer-Encoding, a coding other than
 * chunked, a bad chunk) throws, and the connection is closed, never reused.
 */

/** Node's own limit on an answer's head (`--max-http-header-size`). */
export const MAX_HEAD_BYTES = 16 * 1024;
/** A chunk-size line, extensions included. */
const MAX_CHUNK_LINE_BYTES = 1024;

const STATUS_LINE = /^HTTP\/1\.([01]) ([1-9]\d\d)(?: ([^\r\n]*))?$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/**
 * What a head must not hold: characters other than visible ASCII, obs-text, spaces and tabs
 * (NUL and other controls), and CR or LF other than together as a line end.
 */
const BAD_HEAD = /[^\t\r\n\x20-\x7e\x80-\xff]|\r(?!\n)|(?:^|[^\r])\n/;
const DIGITS = /^\d+$/;
const CHUNK_SIZE = /^([0-9A-Fa-f]{1,8})[\t ]*(?:;.*)?$/;
const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');

export class AnswerError extends Error {}

type State = 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailers' | 'until-close' | 'done';

export class AnswerReader {
  status = 0;
  statusMessage = '';
  /** `[name, value, ...]` as sent. */
  rawHeaders: string[] = [];
  /** The connection may carry another exchange once this answer is done. */
  keepAlive = false;
  /** Bytes came after the answer's end (a server out of step): the connection must not be reused. */
  overrun = false;
  /** Any byte of an answer arrived (a request on a closed kept-alive connection gets none). */
  started = false;

  private state: State = 'head';
  private pending: Buffer | undefined;
  private remaining = 0;
  private chunks: Buffer[] = [];
  private total = 0;
  private trailerBytes = 0;

  constructor(
    private readonly method: string,
    private readonly maxBodyBytes: number,
  ) {}

  get done(): boolean {
    return this.state === 'done';
  }

  /** The body read (empty for none). */
  body(): Buffer {
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.total);
  }

  /** Reads `chunk`; true once the answer is whole. Throws AnswerError on what it cannot read. */
  push(chunk: Buffer): boolean {
    if (chunk.byteLength === 0) return this.state === 'done';
    this.started = true;
    if (this.state === 'done') {
      this.overrun = true;
      return true;
    }
    let bytes = this.pending === undefined ? chunk : Buffer.concat([this.pending, chunk]);
    this.pending = undefined;
    let at = 0;
    while (at < bytes.byteLength) {
      switch (this.state) {
        case 'head': {
          const end = bytes.indexOf(HEAD_END, at);
          if (end === -1) {
            if (bytes.byteLength - at > MAX_HEAD_BYTES) throw new AnswerError('the answer head is too large');
            this.pending = bytes.subarray(at);
            return false;
          }
          if (end - at > MAX_HEAD_BYTES) throw new AnswerError('the answer head is too large');
          this.readHead(bytes.toString('latin1', at, end));
          at = end + 4;
          break;
        }
        case 'length':
          at = this.takeBody(bytes, at, 'done');
          break;
        case 'until-close':
          this.addBody(bytes.subarray(at));
          at = bytes.byteLength;
          break;
        case 'chunk-size': {
          const end = bytes.indexOf(CRLF, at);
          if (end === -1 || end - at > MAX_CHUNK_LINE_BYTES) {
            if (end === -1 && bytes.byteLength - at <= MAX_CHUNK_LINE_BYTES) {
              this.pending = bytes.subarray(at);
              return false;
            }
            throw new AnswerError('a chunk size line is too long');
          }
          const size = CHUNK_SIZE.exec(bytes.toString('latin1', at, end));
          if (!size) throw new AnswerError('a chunk size is malformed');
          at = end + 2;
          this.remaining = Number.parseInt(size[1]!, 16);
          this.state = this.remaining === 0 ? 'trailers' : 'chunk-data';
          break;
        }
        case 'chunk-data':
          at = this.takeBody(bytes, at, 'chunk-end');
          break;
        case 'chunk-end':
        case 'trailers': {
          const end = bytes.indexOf(CRLF, at);
          if (end === -1) {
            if (bytes.byteLength - at > MAX_HEAD_BYTES) throw new AnswerError('the answer trailers are too large');
            this.pending = bytes.subarray(at);
            return false;
          }
          if (this.state === 'chunk-end') {
            if (end !== at) throw new AnswerError('a chunk does not end where its size says');
            this.state = 'chunk-size';
          } else {
            // Trailer fields are read past, not used; an empty line ends them.
            this.trailerBytes += end - at + 2;
            if (this.trailerBytes > MAX_HEAD_BYTES) throw new AnswerError('the answer trailers are too large');
            if (end === at) this.state = 'done';
          }
          at = end + 2;
          break;
        }
        case 'done':
          this.overrun = true;
          return true;
      }
    }
    return this.state === 'done';
  }

  /** The connection ended: true when that ends the answer (a body read to the end). Throws when it cuts the answer short. */
  end(): boolean {
    if (this.state === 'until-close') {
      this.state = 'done';
      return true;
    }
    if (this.state === 'done') return true;
    throw new AnswerError('the connection closed before the whole answer arrived');
  }

  /** Takes up to `remaining` body bytes from `at`, then moves to `next` once none remain; where reading goes on. */
  private takeBody(bytes: Buffer, at: number, next: State): number {
    const take = Math.min(this.remaining, bytes.byteLength - at);
    this.addBody(bytes.subarray(at, at + take));
    this.remaining -= take;
    if (this.remaining === 0) this.state = next;
    return at + take;
  }

  private addBody(bytes: Buffer): void {
    if (bytes.byteLength === 0) return;
    this.total += bytes.byteLength;
    if (this.total > this.maxBodyBytes) throw new AnswerError(`the answer is over ${this.maxBodyBytes} bytes`);
    this.chunks.push(bytes);
  }

  private readHead(head: string): void {
    // One pass over the whole head instead of one per field.
    if (BAD_HEAD.test(head)) throw new AnswerError('an answer header is malformed');
    const firstEnd = head.indexOf('\r\n');
    const status = STATUS_LINE.exec(firstEnd === -1 ? head : head.slice(0, firstEnd));
    if (!status) throw new AnswerError('the answer has no HTTP/1.x status line');
    const code = Number(status[2]);
    const raw: string[] = [];
    let length: string | undefined;
    let chunked = false;
    let close = status[1] === '0';
    let at = firstEnd === -1 ? head.length : firstEnd + 2;
    while (at < head.length) {
      let end = head.indexOf('\r\n', at);
      if (end === -1) end = head.length;
      const colon = head.indexOf(':', at);
      // No folded lines (a leading space or tab), no name without a colon, no space before it.
      if (colon <= at || colon >= end) throw new AnswerError('an answer header is malformed');
      const name = head.slice(at, colon);
      if (!TOKEN.test(name)) throw new AnswerError('an answer header is malformed');
      let from = colon + 1;
      let to = end;
      while (from < to && (head.charCodeAt(from) === 0x20 || head.charCodeAt(from) === 0x09)) from += 1;
      while (to > from && (head.charCodeAt(to - 1) === 0x20 || head.charCodeAt(to - 1) === 0x09)) to -= 1;
      const value = head.slice(from, to);
      raw.push(name, value);
      at = end + 2;
      const lower = name.length === 14 || name.length === 17 || name.length === 10 ? name.toLowerCase() : '';
      if (lower === 'content-length') {
        if (!DIGITS.test(value) || (length !== undefined && length !== value)) throw new AnswerError('the answer Content-Length is malformed');
        length = value;
      } else if (lower === 'transfer-encoding') {
        // Only chunked, once: another coding would need decoding, a repeat is ambiguous.
        if (chunked || value.toLowerCase() !== 'chunked') throw new AnswerError('the answer Transfer-Encoding is not chunked');
        chunked = true;
      } else if (lower === 'connection') {
        if (value.toLowerCase().split(',').some((token) => token.trim() === 'close')) close = true;
      }
    }
    if (code >= 100 && code < 200) {
      // 100 Continue, 103 Early Hints: an interim answer, the final one follows. 101 was never asked for.
      if (code === 101) throw new AnswerError('the venue switched protocols');
      return;
    }
    if (chunked && length !== undefined) throw new AnswerError('the answer has both Content-Length and Transfer-Encoding');
    this.status = code;
    this.statusMessage = status[3] ?? '';
    this.rawHeaders = raw;
    if (this.method === 'HEAD' || code === 204 || code === 304) {
      this.state = 'done';
    } else if (chunked) {
      this.state = 'chunk-size';
    } else if (length !== undefined) {
      this.remaining = Number(length);
      if (this.remaining > this.maxBodyBytes) throw new AnswerError(`the answer is over ${this.maxBodyBytes} bytes`);
      this.state = this.remaining === 0 ? 'done' : 'length';
    } else {
      // Neither: the body is what comes until the venue closes the connection.
      this.state = 'until-close';
      close = true;
    }
    this.keepAlive = !close;
  }
}
