import { expect } from '@open-wc/testing';
import { callerCheck, type CallerRequest } from '../../src/proxy/callers.js';
import { Refusal } from '../../src/proxy/respond.js';
import { createSigners } from '../../src/proxy/signers.js';
import type { CallerCredentials } from '../../src/proxy/types.js';

const ALICE = 'alice-token-TEST-0123456789';
const BOB = 'bob-token-TEST-0123456789ab';

function bearer(token: string | undefined): CallerRequest {
  return {
    header: (name) => (name === 'authorization' && token !== undefined ? `Bearer ${token}` : null),
    remoteAddress: '10.0.0.9',
    toRequest: () => new Request('http://127.0.0.1/'),
  };
}

function refusedWith(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof Refusal) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'pass';
}

describe('callers: named tokens', () => {
  it('names each caller by its token, the single token as "token", and refuses anything else', () => {
    const check = callerCheck({ token: 'single-token-TEST-0123456789', tokens: { alice: ALICE, bob: BOB } });
    expect(check.identify(bearer(ALICE))).to.equal('alice');
    expect(check.identify(bearer(BOB))).to.equal('bob');
    expect(check.identify(bearer('single-token-TEST-0123456789'))).to.equal('token');
    for (const wrong of [undefined, '', ALICE.slice(0, -1), `${ALICE}x`, ALICE.toUpperCase(), BOB.replace('bob', 'alice')]) {
      expect(refusedWith(() => check.identify(bearer(wrong))), String(wrong)).to.equal('401 unauthorized');
    }
    expect(check.label('alice')).to.equal('alice');
  });

  it('refuses bad names, short or shared tokens, and mixing with other caller checks', () => {
    expect(() => callerCheck({ tokens: { 'al ice': ALICE } })).to.throw(TypeError);
    expect(() => callerCheck({ tokens: { alice: 'short' } })).to.throw(TypeError);
    expect(() => callerCheck({ tokens: { alice: ALICE, bob: ALICE } })).to.throw(TypeError);
    expect(() => callerCheck({ tokens: {} })).to.throw(TypeError);
    expect(() => callerCheck({ tokens: { alice: ALICE }, allowAnonymous: true })).to.throw(TypeError);
    expect(() => callerCheck({ tokens: { alice: ALICE }, authorize: () => true })).to.throw(TypeError);
  });

  it('keeps metrics labels bounded: hook-made ids and addresses collapse to their kind', () => {
    expect(callerCheck({ authorize: () => 'user-8812' }).label('user-8812')).to.equal('authorized');
    const anonymous = callerCheck({ allowAnonymous: true });
    expect(anonymous.identify(bearer(undefined))).to.equal('anonymous:10.0.0.9');
    expect(anonymous.label('anonymous:10.0.0.9')).to.equal('anonymous');
  });
});

describe('signers: per-caller credentials', () => {
  const keys: CallerCredentials = { kucoin: { apiKey: 'k', apiSecret: 's', apiPassphrase: 'p' } };

  it('looks a caller up once per TTL, each caller on its own', async () => {
    const clock = { now: 0 };
    const asked: string[] = [];
    const signersFor = createSigners({ credentials: async (caller) => (asked.push(caller), keys), credentialsTtlMs: 1000 }, undefined, () => clock.now);
    expect((await signersFor('alice')).kucoin).to.not.equal(undefined);
    await signersFor('alice');
    await signersFor('bob');
    clock.now = 999;
    await signersFor('alice');
    expect(asked).to.deep.equal(['alice', 'bob']);
    clock.now = 1000;
    await signersFor('alice');
    expect(asked).to.deep.equal(['alice', 'bob', 'alice']);
  });

  it('answers 503 for a failed look-up, says nothing of why, and asks again next time', async () => {
    let fail = true;
    const signersFor = createSigners(
      {
        credentials: async () => {
          if (fail) throw new Error('db down: password=hunter2');
          return keys;
        },
      },
      undefined,
      () => 0,
    );
    const error = await Promise.resolve(signersFor('alice')).catch((thrown: unknown) => thrown);
    expect(error).to.be.instanceOf(Refusal);
    expect(error).to.include({ status: 503, code: 'venue_not_configured' });
    expect((error as Refusal).message).not.to.contain('hunter2');
    fail = false;
    expect((await signersFor('alice')).kucoin).to.not.equal(undefined);
  });

  it('treats partial keys as a failed look-up, no keys as public data only, and refuses keys in both places', async () => {
    const partial = createSigners({ credentials: async () => ({ kucoin: { apiKey: 'k' } as CallerCredentials['kucoin'] }) }, undefined, () => 0);
    expect(await Promise.resolve(partial('alice')).catch((thrown: unknown) => thrown)).to.be.instanceOf(Refusal);
    const none = await createSigners({ credentials: async () => undefined }, undefined, () => 0)('alice');
    expect(none).to.deep.equal({ kucoin: undefined, bitmart: undefined });
    expect(() => createSigners({ credentials: async () => keys, kucoin: { apiKey: 'k', apiSecret: 's', apiPassphrase: 'p' } }, undefined, () => 0)).to.throw(TypeError);
  });
});
