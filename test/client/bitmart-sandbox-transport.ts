import { buildQuery, type Transport } from '../../src/client/transport.js';
import { bitmartCall } from '../helpers/sandbox.js';

/** The client's BitMart functions straight into the sandbox: SIGNED POSTs, KEYED GETs, as the proxy sends them. */
export function bitmartSandboxTransport(t: { sandbox: (r: Request) => Promise<Response>; readonly now: number }): Transport {
  return {
    async send(request) {
      const query = buildQuery(request.query);
      const { json } = await bitmartCall(t.sandbox, t.now, request.method, `${request.path}${query ? `?${query}` : ''}`, request.body);
      if (json.code !== 1000) throw new Error(`${json.code} ${json.message}`);
      return json.data;
    },
  };
}
