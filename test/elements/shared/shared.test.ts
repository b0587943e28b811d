import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import {
  ExchangeError,
  MalformedResponseError,
  NetworkError,
  ProxyError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from '../../../src/client/errors.js';
import { createMarginClient } from '../../../src/client/client.js';
import { describeError } from '../../../src/elements/shared/describe-error.js';
import { MarginBeforeSubmitEvent, MarginErrorEvent } from '../../../src/elements/shared/events.js';
import { PollController } from '../../../src/elements/shared/poll-controller.js';
import { describeViolation } from '../../../src/elements/shared/strings.js';
import { THEME_TOKENS, themeTokens } from '../../../src/elements/shared/theme.js';
import { tokenUse } from '../../helpers/lit-warnings.js';

describe('shared element pieces', () => {
  it('describes every error kind in words, naming venue and code', () => {
    const texts = [
      describeError(new ExchangeError({ venue: 'kucoin', code: '200004', message: 'Balance insufficient!', status: 400 })),
      describeError(new RateLimitError({ message: 'x', retryAfterMs: 2500, status: 429, source: 'venue' })),
      describeError(new ProxyError({ code: 'guard', message: 'read-only mode', status: 403 })),
      describeError(new NetworkError('x')),
      describeError(new TimeoutError(10_000)),
      describeError(new ValidationError([{ field: 'size', rule: 'step', limit: '0.001' }])),
      describeError(new MalformedResponseError('x', 200)),
      describeError(new Error('boom')),
    ];
    expect(texts).to.deep.equal([
      'KuCoin refused: Balance insufficient! (code 200004)',
      'Too many requests: trying again in 3 s',
      'The proxy refused this request: read-only mode',
      'Cannot reach the proxy: check your connection',
      'No answer in time',
      'size: Must be a multiple of 0.001',
      'The venue sent an answer we cannot read',
      'Something went wrong',
    ]);
    expect(texts.join(' ')).not.to.contain('boom');
  });

  it('names a refused origin as the proxy refusing this page, not as a lost connection', () => {
    const text = describeError(new ProxyError({ code: 'origin', message: 'This origin may not call the proxy', status: 403 }));
    expect(text).to.equal(`The proxy refused this request: this origin (${location.origin}) is not on its allowed origins (PROXY_ALLOWED_ORIGINS)`);
  });

  it('words each rule with its localized limit', () => {
    expect(describeViolation({ field: 'price', rule: 'min', limit: '1000' }, (l) => `<${l}>`)).to.equal('At least <1000>');
    expect(describeViolation({ field: 'amount', rule: 'decimals', limit: '8' }, (l) => `<${l}>`)).to.equal('At most 8 decimal places');
    expect(describeViolation({ field: 'amount', rule: 'required' })).to.equal('Required');
  });

  it('events bubble out of shadow roots; before-submit is cancelable', () => {
    const error = new MarginErrorEvent({ error: new Error('x'), kind: 'unknown', message: 'm', action: 'load' });
    expect([error.type, error.bubbles, error.composed, error.cancelable]).to.deep.equal(['margin-error', true, true, false]);
    const submit = new MarginBeforeSubmitEvent({ venue: 'kucoin', action: 'borrow', params: { size: '1' } });
    expect([submit.type, submit.bubbles, submit.composed, submit.cancelable]).to.deep.equal(['margin-before-submit', true, true, true]);
  });

  it('reads exactly the public tokens it lists, each into a private variable', () => {
    const { used, declared } = tokenUse(themeTokens.cssText);
    const publicUsed = [...used].filter((t) => t.startsWith('--margin-kit-')).sort();
    expect(publicUsed).to.deep.equal([...THEME_TOKENS].sort());
    // each public token has its private twin: --margin-kit-buy -> --_buy
    for (const token of THEME_TOKENS) expect(declared.has(token.replace('--margin-kit-', '--_')), token).to.equal(true);
  });

  it('PollController subscribes while connected and shares the poll between elements', async () => {
    let calls = 0;
    // A background test tab is `document.hidden`, where the hub rightly pauses: poll regardless.
    const client = createMarginClient({ proxyUrl: 'https://p.test', hub: { visibility: { isHidden: () => false, subscribe: () => () => {} } } });
    class Probe extends LitElement {
      poll = new PollController<number>(this);
      override render() {
        return html`${this.poll.state.value ?? 'none'}`;
      }
    }
    customElements.define('margin-poll-probe', Probe);
    const loader = async () => ++calls;
    // A background test tab renders no frames, so a real IntersectionObserver may never report.
    const realObserver = globalThis.IntersectionObserver;
    (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = undefined;
    after(() => (globalThis.IntersectionObserver = realObserver));
    const a = await fixture<Probe>(html`<margin-poll-probe></margin-poll-probe>`);
    const b = await fixture<Probe>(html`<margin-poll-probe></margin-poll-probe>`);
    a.poll.set({ client, key: 'k', loader, intervalMs: 60_000 });
    b.poll.set({ client, key: 'k', loader, intervalMs: 60_000 });
    await new Promise((r) => setTimeout(r, 20));
    await a.updateComplete;
    expect(calls).to.equal(1);
    expect(a.shadowRoot!.textContent).to.equal('1');
    expect(b.poll.state.value).to.equal(1);
    a.remove();
    b.remove();
    expect(client.hub.activeTimers).to.equal(0);
  });
});

describe('configure() after elements connected', () => {
  it('every margin-kit element picks up the page client when configure() runs later', async () => {
    const { MarginKitElement } = await import('../../../src/elements/shared/margin-element.js');
    const { configure, pageConfig } = await import('../../../src/client/client.js');
    class LateProbe extends MarginKitElement {
      override render() {
        return html`${this.client ? `client:${this.client.proxyUrl}` : 'no client'}`;
      }
    }
    customElements.define('margin-late-probe', LateProbe);
    const before = pageConfig().proxyUrl;
    configure({ proxyUrl: undefined });
    const el = await fixture<LateProbe>(html`<margin-late-probe></margin-late-probe>`);
    expect(el.shadowRoot!.textContent).to.equal('no client');
    configure({ proxyUrl: 'https://late.proxy.test' });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('client:https://late.proxy.test');
    configure({ proxyUrl: before });
  });
});
