import { expect } from '@open-wc/testing';
import { createMarginClient } from '../../src/client/client.js';
import { createInPageStack } from '../../demo/in-page-stack.js';
import { exerciseAllEndpoints } from './all-endpoints.js';

describe('all 41 endpoints in the browser: client -> proxy handler -> sandbox handler', () => {
  it('answers every endpoint as the docs describe', async () => {
    const stack = createInPageStack({ configurePage: false });
    const client = createMarginClient({ proxyUrl: stack.proxyUrl, fetch: stack.fetch });
    const failures: string[] = [];
    const called = await exerciseAllEndpoints(client, (ok, message) => {
      if (!ok) failures.push(message);
    });
    expect(failures).to.deep.equal([]);
    expect(called.size).to.equal(41);
  });
});
