/** workerd: the harness as a module Worker; the venue's URL is a text binding (bindings reach a Worker per request). */
import { createHarness } from '../harness.js';

let harness: ((request: Request) => Promise<Response>) | undefined;

export default {
  fetch(request: Request, env: { VENUE_URL: string }): Promise<Response> {
    harness ??= createHarness(env.VENUE_URL);
    return harness(request);
  },
};
