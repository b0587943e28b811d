import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedServer {
  /** `http://127.0.0.1:8787`, with the port actually bound. */
  url: string;
  port: number;
  server: Server;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * Listens on `host:port` (0: any free port) and resolves with the address actually bound, IPv6 in
 * brackets. `onClose` runs when the returned `close` does, or when listening fails.
 */
export function listen(server: Server, host: string, port: number, onClose: () => void = () => {}): Promise<ServedServer> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => {
      onClose();
      reject(error);
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${shown}:${address.port}`,
        port: address.port,
        server,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
            onClose();
          }),
      });
    });
  });
}
