/** Deno: the harness on Deno.serve, on a free port it prints. */
import { createHarness } from '../harness.js';

declare const Deno: {
  env: { get(name: string): string | undefined };
  serve(options: { hostname: string; port: number; onListen(address: { port: number }): void }, handler: (request: Request) => Promise<Response>): unknown;
};

const harness = createHarness(Deno.env.get('VENUE_URL')!);
Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: ({ port }) => console.log(`listening ${port}`) }, harness);
