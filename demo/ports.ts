/** `npm start` on a busy machine: the first free port from the usual one up. */
import { createServer } from 'node:net';

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/**
 * `preferred` when free, else the next free port above it (up to `tries` ports). An explicit
 * choice (an env variable) is kept as given: a taken port then fails loudly at listen.
 */
export async function freePort(preferred: number, host: string, { explicit = false, tries = 100, taken = new Set<number>() } = {}): Promise<number> {
  if (explicit) return preferred;
  for (let port = preferred; port < preferred + tries && port <= 65_535; port++) {
    if (!taken.has(port) && (await isFree(port, host))) return port;
  }
  throw new Error(`no free port in ${preferred}..${preferred + tries - 1} on ${host}`);
}
