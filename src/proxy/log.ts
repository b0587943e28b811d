/**
 * One JSON line per request: who, what, how it ended, how long. Only the fields of
 * ProxyLogEntry are ever written: no headers, bodies, query values, keys or signatures.
 */
import type { ProxyLogEntry, SigningProxyOptions } from './types.js';

const MAX_PATH = 200;

export type LogSink = (entry: ProxyLogEntry) => void;

/** The fields in a fixed order (so lines diff and grep well), the path cut short. */
function normalize(entry: ProxyLogEntry): ProxyLogEntry {
  const line: ProxyLogEntry = {
    time: entry.time,
    caller: entry.caller,
    venue: entry.venue,
    method: entry.method,
    path: entry.path.length > MAX_PATH ? `${entry.path.slice(0, MAX_PATH)}...` : entry.path,
    status: entry.status,
    ms: entry.ms,
  };
  if (entry.error !== undefined) line.error = entry.error;
  return line;
}

export function formatLogLine(entry: ProxyLogEntry): string {
  return JSON.stringify(normalize(entry));
}

/**
 * The sink for `options.log`; undefined for `false`, so the handler skips building the entry.
 * Without one, `platform` (the node adapter's pino log) or console.log gets the lines.
 */
export function createLogSink(log: SigningProxyOptions['log'], platform?: LogSink): LogSink | undefined {
  if (log === false) return undefined;
  if (log === undefined && platform) {
    return (entry) => {
      try {
        platform(normalize(entry));
      } catch {
        // As below: logging never fails a request.
      }
    };
  }
  const write = log ?? ((line: string) => console.log(line));
  return (entry) => {
    try {
      const line = normalize(entry);
      write(JSON.stringify(line), line);
    } catch {
      // A failing logger must not turn a served request into an error.
    }
  };
}
