/** Bun: the harness on Bun.serve, on a free port it prints. */
import { createHarness } from '../harness.js';

declare const Bun: {
  env: Record<string, string | undefined>;
  serve(options: { hostname: string; port: number; fetch(request: Request): Promise<Response> }): { port: number };
};

const harness = createHarness(Bun.env.VENUE_URL!);
const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: harness });
console.log(`listening ${server.port}`);
