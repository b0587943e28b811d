import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { MarginConnection } from '../../../src/client/connection.js';
import { Hub } from '../../../src/client/hub.js';
import type { Transport } from '../../../src/client/transport.js';
import { PollController } from '../../../src/elements/shared/poll-controller.js';
import { resource } from '../../../src/elements/shared/resource.js';
import { FakeClock, FakeVisibility } from '../../helpers/fake-clock.js';

class PollHost extends LitElement {
  readonly poll = new PollController<number>(this);
}
customElements.define('margin-poll-host', PollHost);

/** Two elements poll one resource at 5 s for 2 minutes of fake time; counts the venue calls. */
async function venueCalls(reference: boolean): Promise<number> {
  const clock = new FakeClock();
  const hub = new Hub({ clock, visibility: new FakeVisibility() });
  const client = { proxyUrl: 'https://proxy.test', transport: {} as Transport, hub } as MarginConnection;
  let calls = 0;
  const market = resource('test:market', async () => ++calls, { ttlMs: 60_000, minIntervalMs: 5_000, reference });
  const a = await fixture<PollHost>(html`<margin-poll-host></margin-poll-host>`);
  const b = await fixture<PollHost>(html`<margin-poll-host></margin-poll-host>`);
  a.poll.watch(client, market, 5_000);
  b.poll.watch(client, market, 5_000);
  await clock.advance(120_000);
  expect(a.poll.state.value).to.equal(b.poll.state.value);
  return calls;
}

describe('PollController.watch: reference data', () => {
  it('polls of reference data read the shared copy: one venue call per ttl, whatever the interval', async () => {
    // 0 s, 60 s and 120 s: the copy lasts a minute.
    expect(await venueCalls(true)).to.be.within(2, 3);
  });

  it('live data is asked for at every interval (the floor still applies)', async () => {
    expect(await venueCalls(false)).to.be.within(24, 25);
  });
});
