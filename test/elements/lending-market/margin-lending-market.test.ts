import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { readFile, sendKeys } from '@web/test-runner-commands';
import { createInPageStack, type InPageStack } from '../../../demo/in-page-stack.js';
import { getMarginClient } from '../../../src/client/client.js';
import { MarginLendingMarket } from '../../../src/define/margin-lending-market.js';
import type { MarginPurchasedEvent, MarginPurchaseModifiedEvent, MarginRedeemedEvent } from '../../../src/elements/lending-market/events.js';
import styles from '../../../src/elements/lending-market/margin-lending-market.styles.js';
import type { MarginBeforeSubmitEvent, MarginErrorEvent } from '../../../src/elements/shared/events.js';
import { loanMarket } from '../../../src/elements/shared/resources.js';
import { THEME_TOKENS, themeTokens } from '../../../src/elements/shared/theme.js';
import { BITMART_PAIRS, CURRENCIES } from '../../../src/sandbox/index.js';
import { FakeClock, FakeVisibility } from '../../helpers/fake-clock.js';
import { captureLitWarnings, tokenUse } from '../../helpers/lit-warnings.js';
import { P, panelHidden } from './harness.js';

const PURCHASE = 'POST /api/v3/purchase';
const MODIFY = 'POST /api/v3/lend/purchase/update';
const REDEEM = 'POST /api/v3/redeem';
const LOAN_MARKET = 'GET /api/v3/project/list';
const HISTORY = 'GET /api/v3/project/marketInterestRate';

interface Setup {
  clock: FakeClock;
  stack: InPageStack;
  count(prefix: string): number;
  tick(ms: number): Promise<void>;
}

function setup(): Setup {
  const clock = new FakeClock();
  // The sandbox's time moves with the hub's fake clock, from the real time now: an action whose
  // answer is lost is looked up by the time it was sent, read from the page's own clock.
  const start = Date.now();
  const origin = clock.now();
  const stack = createInPageStack({ now: () => start + (clock.now() - origin), page: { hub: { clock, visibility: new FakeVisibility() } } });
  return {
    clock,
    stack,
    count: (prefix) => stack.upstream.filter((r) => r.startsWith(prefix)).length,
    async tick(ms) {
      await clock.advance(ms);
      for (let i = 0; i < 5; i += 1) await aTimeout(5);
    },
  };
}

const q = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const qa = <E extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<E>(selector)];
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function market(template = html`<margin-lending-market locale="en-US"></margin-lending-market>`): Promise<MarginLendingMarket> {
  const el = await fixture<MarginLendingMarket>(template);
  await waitUntil(() => q(el, 'tbody tr'), 'the market never loaded', { timeout: 4000 });
  return el;
}

function row(el: Element, name: string): HTMLTableRowElement {
  const found = qa<HTMLTableRowElement>(el, 'tbody tr').find((r) => text(r.querySelector('th')) .startsWith(name));
  if (!found) throw new Error(`no row ${name}`);
  return found;
}

const cells = (r: HTMLTableRowElement) => [...r.children].map((c) => text(c));

function type(el: Element, id: 'size' | 'rate', value: string): void {
  const input = q<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

async function submit(el: MarginLendingMarket): Promise<void> {
  q(el, P.submit)!.click();
  await el.updateComplete;
}

async function openLend(el: MarginLendingMarket, currency: string): Promise<void> {
  q(el, `[data-action="lend"][data-currency="${currency}"]`)!.click();
  await el.updateComplete;
  await waitUntil(() => q(el, P.form));
}

async function lend(t: Setup, el: MarginLendingMarket, currency: string, size: string, rate: string): Promise<string> {
  await openLend(el, currency);
  type(el, 'size', size);
  type(el, 'rate', rate);
  const done = oneEvent(el, 'margin-purchased');
  await submit(el);
  return (await done).detail.orderNo;
}

async function openTab(el: MarginLendingMarket, tab: 'market' | 'orders' | 'redemptions', ready = 'tbody tr'): Promise<void> {
  q(el, `#tab-${tab}`)!.click();
  await el.updateComplete;
  await waitUntil(() => q(el, `#panel-${tab} ${ready}`), `the ${tab} tab never loaded`, { timeout: 4000 });
}

describe('<margin-lending-market> (KuCoin)', () => {
  let lit: ReturnType<typeof captureLitWarnings>;
  beforeEach(() => {
    lit = captureLitWarnings();
  });
  afterEach(() => {
    lit.stop();
    expect(lit.warnings, lit.warnings.join('\n')).to.deep.equal([]);
  });

  it('is registered by its define file', () => {
    expect(customElements.get('margin-lending-market')).to.equal(MarginLendingMarket);
  });

  it('renders the sandbox loan market: rates as annual %, limits at the increment, lending on/off', async () => {
    setup();
    const el = await market();
    expect(qa(el, 'tbody tr').length).to.equal(CURRENCIES.length);
    const usdt = cells(row(el, 'USDT'));
    expect(usdt[0]).to.equal('USDT');
    expect(usdt[1]).to.match(/^\d+\.\d{2}%$/);
    expect(usdt.slice(3)).to.deep.equal(['0.50%', '32.00%', '1', '1,000,000', '1', 'On', 'On', 'Lend USDT']);
    expect(cells(row(el, 'BTC')).slice(5, 8)).to.deep.equal(['0.0001', '75.0000', '0.0001']);
    const lunc = row(el, 'LUNC');
    expect(cells(lunc).slice(8)).to.deep.equal(['Off', 'Off', 'Lending off']);
    expect(lunc.querySelector('[data-action="lend"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('sorts on every column with aria-sort, by click and by keyboard', async () => {
    setup();
    const el = await market();
    const rates = () => qa(el, 'tbody tr').map((r) => Number.parseFloat(text(r.children[1]!)));
    const header = (label: string) => qa(el, 'thead th').find((th) => text(th).startsWith(label))!;
    expect(header('Currency').getAttribute('aria-sort')).to.equal('ascending');
    header('Market rate').querySelector('button')!.click();
    await el.updateComplete;
    expect(header('Market rate').getAttribute('aria-sort')).to.equal('ascending');
    expect(qa(el, 'thead th[aria-sort]').length).to.equal(1);
    const ascending = rates();
    expect(ascending).to.deep.equal([...ascending].sort((a, b) => a - b));
    header('Market rate').querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(header('Market rate').getAttribute('aria-sort')).to.equal('descending');
    expect(rates()).to.deep.equal([...ascending].reverse());
    // every data column sorts (the sparkline and actions columns are not data)
    const sortable = qa(el, 'thead th').filter((th) => th.querySelector('button'));
    expect(sortable.map((th) => text(th))).to.deep.equal([
      'Currency', 'Market rate', 'Min rate', 'Max rate', 'Min amount', 'Max amount', 'Step', 'Lending', 'Redeeming',
    ].map((l) => (l === 'Market rate' ? `${l}▼` : l)));
    header('Max amount').querySelector('button')!.click();
    await el.updateComplete;
    expect(text(qa(el, 'tbody tr th')[0]!)).to.equal('LUNC'); // max purchase 0
    header('Lending').querySelector('button')!.click();
    await el.updateComplete;
    expect(text(qa(el, 'tbody tr th')[0]!)).to.equal('LUNC'); // off sorts first
    await expect(el).to.be.accessible();
  });

  it('filters by currency and says so when nothing matches', async () => {
    setup();
    const el = await market();
    const filter = q<HTMLInputElement>(el, '#filter')!;
    expect(text(q(el, 'label[for="filter"]'))).to.equal('Filter by currency');
    filter.value = 'us';
    filter.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(qa(el, 'tbody th').map((th) => text(th))).to.deep.equal(['USDC', 'USDT']);
    filter.value = 'zzz';
    filter.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(qa(el, 'tbody tr').length).to.equal(0);
    expect(text(q(el, P.message))).to.equal('No currency matches “zzz”.');
    await expect(el).to.be.accessible();
  });

  it('loads a sparkline only for rows shown, once per currency for the page', async () => {
    const observers: Array<{ targets: Element[]; show(target: Element): void }> = [];
    const real = globalThis.IntersectionObserver;
    globalThis.IntersectionObserver = class {
      targets: Element[] = [];
      constructor(private readonly callback: IntersectionObserverCallback) {
        observers.push(this);
      }
      observe(target: Element) {
        this.targets.push(target);
      }
      unobserve() {}
      disconnect() {}
      takeRecords() {
        return [];
      }
      show(target: Element) {
        this.callback([{ isIntersecting: true, target } as unknown as IntersectionObserverEntry], this as unknown as IntersectionObserver);
      }
    } as unknown as typeof IntersectionObserver;
    try {
      const t = setup();
      const el = await market();
      await el.updateComplete;
      expect(t.count(HISTORY)).to.equal(0);
      const cellsObserver = observers.find((o) => o.targets.some((c) => (c as HTMLElement).dataset.history))!;
      const cell = (currency: string) => cellsObserver.targets.find((c) => (c as HTMLElement).dataset.history === currency)!;
      cellsObserver.show(cell('USDT'));
      cellsObserver.show(cell('BTC'));
      await waitUntil(() => row(el, 'BTC').querySelector('svg[part="sparkline"]') && row(el, 'USDT').querySelector('svg'));
      expect(t.stack.upstream.filter((r) => r.startsWith(HISTORY))).to.deep.equal([
        `${HISTORY}?currency=USDT`,
        `${HISTORY}?currency=BTC`,
      ]);
      const svg = row(el, 'USDT').querySelector('svg')!;
      expect(svg.getAttribute('role')).to.equal('img');
      expect(svg.getAttribute('aria-label')).to.match(/^7 days: from [\d.]+% to [\d.]+%, low [\d.]+%, high [\d.]+%$/);
      expect(svg.querySelector('polyline')!.getAttribute('points')!.split(' ').length).to.equal(168);
      expect(row(el, 'ETH').querySelector('svg')).to.equal(null);
      // a second market on the page reads the same cache
      const other = await market();
      const otherObserver = observers.filter((o) => o.targets.some((c) => other.shadowRoot!.contains(c))).at(-1)!;
      otherObserver.show(otherObserver.targets.find((c) => (c as HTMLElement).dataset.history === 'USDT')!);
      await waitUntil(() => row(other, 'USDT').querySelector('svg'));
      expect(t.count(HISTORY)).to.equal(2);
      await expect(el).to.be.accessible();
    } finally {
      globalThis.IntersectionObserver = real;
    }
  });

  it('lend: every rule is checked before sending; nothing is sent while the form is invalid', async () => {
    const t = setup();
    const el = await market();
    let asked = 0;
    el.addEventListener('margin-before-submit', () => (asked += 1));
    await openLend(el, 'KCS'); // increment 0.1, minimum 1, maximum 100,000
    expect(q(el, '#size')).to.equal(el.shadowRoot!.activeElement);
    expect(text(q(el, '#size-hint'))).to.equal('From 1.0 to 100,000.0, in steps of 0.1');
    const cases: Array<[string, string, string, string]> = [
      ['', '5', 'size', 'Required'],
      ['abc', '5', 'size', 'Enter a number, like 12.5'],
      ['0', '5', 'size', 'Must be more than 0'],
      ['1.25', '5', 'size', 'Must be a multiple of 0.1'],
      ['0.5', '5', 'size', 'At least 1.0'],
      ['100000.1', '5', 'size', 'At most 100,000.0'],
      ['10', '', 'rate', 'Required'],
      ['10', '1.555', 'rate', 'Must be a multiple of 0.01%'],
      ['10', '0.4', 'rate', 'At least 0.5%'],
      ['10', '32.5', 'rate', 'At most 32%'],
    ];
    for (const [size, rate, field, message] of cases) {
      type(el, 'size', size);
      type(el, 'rate', rate);
      await submit(el);
      expect(text(q(el, `#${field}-error`)), `${size} @ ${rate}`).to.equal(message);
      expect(q(el, `#${field}`)!.getAttribute('aria-invalid')).to.equal('true');
      expect(q(el, `#${field}`)!.getAttribute('aria-describedby')).to.equal(`${field}-hint ${field}-error`);
      expect(q<HTMLInputElement>(el, '#size')!.value).to.equal(size); // the input is kept
    }
    expect(t.count(PURCHASE)).to.equal(0);
    expect(asked).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('lend: before-submit carries the exact params; margin-purchased follows; one click, one request', async () => {
    const t = setup();
    const el = await market();
    await openLend(el, 'USDT');
    type(el, 'size', '100.0');
    type(el, 'rate', '8.5');
    const events: string[] = [];
    let before: MarginBeforeSubmitEvent | undefined;
    el.addEventListener('margin-before-submit', (e) => {
      before = e;
      events.push(e.type);
    });
    el.addEventListener('margin-purchased', (e) => events.push(e.type));
    const loadsBefore = t.count(LOAN_MARKET);
    const purchased = oneEvent(el, 'margin-purchased') as Promise<MarginPurchasedEvent>;
    const button = q(el, P.submit)!;
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.click();
    button.click();
    const { detail } = await purchased;
    expect(before!.detail).to.deep.equal({ venue: 'kucoin', action: 'purchase', params: { currency: 'USDT', size: '100', interestRate: '0.085' } });
    expect(before!.cancelable).to.equal(true);
    expect(detail).to.deep.include({ currency: 'USDT', size: '100', interestRate: '0.085' });
    expect(detail.orderNo).to.match(/^[0-9a-f]{24}$/);
    expect(events).to.deep.equal(['margin-before-submit', 'margin-purchased']);
    expect(t.count(PURCHASE)).to.equal(1);
    await waitUntil(() => t.count(LOAN_MARKET) > loadsBefore, 'the loan market was not reloaded');
    await el.updateComplete;
    expect(q(el, P.form)).to.equal(null);
    expect(text(q(el, P.notice))).to.equal('Lent 100 USDT at 8.50% a year.');
    expect(q(el, P.notice)!.getAttribute('role')).to.equal('status');
    expect(el.shadowRoot!.activeElement).to.equal(q(el, '[data-action="lend"][data-currency="USDT"]'));
  });

  it('lend: a page that cancels margin-before-submit stops it; nothing is sent', async () => {
    const t = setup();
    const el = await market();
    el.addEventListener('margin-before-submit', (e) => e.preventDefault());
    await openLend(el, 'USDT');
    type(el, 'size', '100');
    type(el, 'rate', '8.5');
    await submit(el);
    await aTimeout(20);
    expect(t.count(PURCHASE)).to.equal(0);
    expect(text(q(el, P.note))).to.equal('Not sent: the page stopped it.');
    expect(q<HTMLInputElement>(el, '#size')!.value).to.equal('100');
  });

  it('lend: a refusal is shown in words, margin-error fires, the input stays', async () => {
    const t = setup();
    const el = await market();
    await openLend(el, 'USDT');
    type(el, 'size', '200000'); // within the market's limits, above the account's 100,000
    type(el, 'rate', '8.5');
    const error = oneEvent(el, 'margin-error') as Promise<MarginErrorEvent>;
    await submit(el);
    const { detail } = await error;
    expect([detail.kind, detail.action]).to.deep.equal(['exchange', 'purchase']);
    await el.updateComplete;
    expect(text(q(el, P.actionError))).to.equal('KuCoin refused: Balance insufficient! (code 200004)');
    expect(q(el, P.actionError)!.getAttribute('role')).to.equal('alert');
    expect(q<HTMLInputElement>(el, '#size')!.value).to.equal('200000');
    expect(t.count(PURCHASE)).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('lend: when the answer is lost it looks the purchase up instead of sending twice', async () => {
    const t = setup();
    const el = await market();
    t.stack.sandbox.faults.add({ kind: 'lose-response', path: '/api/v3/purchase', times: 1 });
    let errors = 0;
    el.addEventListener('margin-error', () => (errors += 1));
    await openLend(el, 'USDT');
    type(el, 'size', '250');
    type(el, 'rate', '9');
    const purchased = oneEvent(el, 'margin-purchased') as Promise<MarginPurchasedEvent>;
    await submit(el);
    const { detail } = await purchased;
    expect(detail).to.deep.include({ currency: 'USDT', size: '250', interestRate: '0.09' });
    expect(t.count(PURCHASE)).to.equal(1);
    expect(t.stack.upstream.some((r) => r.startsWith('GET /api/v3/purchase/orders?status=PENDING&currency=USDT'))).to.equal(true);
    expect(errors).to.equal(0);
    const orders = await getMarginClient(t.stack.proxyUrl).kucoin.getPurchaseOrders({ status: 'PENDING' });
    expect(orders.items.map((o) => o.purchaseOrderNo)).to.deep.equal([detail.orderNo]);
  });

  it('lend: if the lookup fails too, it offers "Check again", never a second send', async () => {
    const t = setup();
    const el = await market();
    t.stack.sandbox.faults.add({ kind: 'lose-response', path: '/api/v3/purchase', times: 1 });
    t.stack.sandbox.faults.add({ kind: 'server-error', path: '/api/v3/purchase/orders', times: 3 });
    const errors: MarginErrorEvent[] = [];
    el.addEventListener('margin-error', (e) => errors.push(e));
    await openLend(el, 'USDT');
    type(el, 'size', '300');
    type(el, 'rate', '9');
    await submit(el);
    await waitUntil(() => text(q(el, P.submit)) === 'Check again', 'no "Check again"', { timeout: 5000 });
    expect(text(q(el, P.note))).to.equal('We could not confirm whether it went through. Check again before trying again.');
    expect(errors.map((e) => [e.detail.kind, e.detail.action])).to.deep.equal([['network', 'purchase']]);
    await expect(el).to.be.accessible();
    const purchased = oneEvent(el, 'margin-purchased') as Promise<MarginPurchasedEvent>;
    await submit(el);
    expect((await purchased).detail).to.deep.include({ currency: 'USDT', size: '300', interestRate: '0.09' });
    expect(t.count(PURCHASE)).to.equal(1);
  });

  it('lend: a rate limit is said in words and nothing is retried', async () => {
    const t = setup();
    const el = await market();
    t.stack.sandbox.faults.add({ kind: 'rate-limit', path: '/api/v3/purchase', times: 1 });
    await openLend(el, 'USDT');
    type(el, 'size', '10');
    type(el, 'rate', '9');
    await submit(el);
    await waitUntil(() => q(el, P.actionError));
    expect(text(q(el, P.actionError))).to.match(/^Too many requests/);
    expect(t.count(PURCHASE)).to.equal(1);
    expect(q<HTMLInputElement>(el, '#size')!.value).to.equal('10');
  });

  it('my lending: lists purchase orders; change rate checks the rate and fires margin-purchase-modified', async () => {
    const t = setup();
    const el = await market();
    const orderNo = await lend(t, el, 'USDT', '100', '8.5');
    await openTab(el, 'orders');
    const order = qa<HTMLTableRowElement>(el, '#panel-orders tbody tr')[0]!;
    expect(cells(order).slice(0, 8)).to.deep.equal(['USDT', orderNo, '100', '0', '8.50%', '0', cells(order)[6]!, 'Active']);
    await expect(el).to.be.accessible();
    q(el, `[data-action="modify"][data-order="${orderNo}"]`)!.click();
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, '#rate')!.value).to.equal('8.5');
    expect(q(el, '#size')).to.equal(null);
    for (const [rate, message] of [['0.1', 'At least 0.5%'], ['40', 'At most 32%'], ['7.125', 'Must be a multiple of 0.01%'], ['', 'Required']]) {
      type(el, 'rate', rate!);
      await submit(el);
      expect(text(q(el, '#rate-error'))).to.equal(message);
    }
    expect(t.count(MODIFY)).to.equal(0);
    let before: MarginBeforeSubmitEvent | undefined;
    el.addEventListener('margin-before-submit', (e) => (before = e));
    type(el, 'rate', '7.25');
    const modified = oneEvent(el, 'margin-purchase-modified') as Promise<MarginPurchaseModifiedEvent>;
    await submit(el);
    expect((await modified).detail).to.deep.equal({ currency: 'USDT', purchaseOrderNo: orderNo, interestRate: '0.0725' });
    expect(before!.detail).to.deep.equal({ venue: 'kucoin', action: 'modify-purchase', params: { currency: 'USDT', interestRate: '0.0725', purchaseOrderNo: orderNo } });
    expect(t.count(MODIFY)).to.equal(1);
    await waitUntil(() => text(qa(el, '#panel-orders tbody tr')[0]?.children[4] ?? null) === '7.25%', 'the list did not reload');
  });

  it('redeem: checked against what the order still holds; fires margin-redeemed; listed in Redemptions', async () => {
    const t = setup();
    const el = await market();
    const orderNo = await lend(t, el, 'KCS', '10', '1.5');
    await openTab(el, 'orders');
    const openRedeem = async () => {
      q(el, `[data-action="redeem"][data-order="${orderNo}"]`)!.click();
      await el.updateComplete;
      await waitUntil(() => text(q(el, '#size-hint')).startsWith('Up to'), 'no holding');
    };
    await openRedeem();
    expect(text(q(el, '#size-hint'))).to.equal('Up to 10.0 (what the order holds), in steps of 0.1');
    for (const [size, message] of [['10.5', 'At most 10.0'], ['0.05', 'Must be a multiple of 0.1'], ['', 'Required'], ['-1', 'Must not be negative']]) {
      type(el, 'size', size!);
      await submit(el);
      expect(text(q(el, '#size-error')), size).to.equal(message);
    }
    expect(t.count(REDEEM)).to.equal(0);
    let before: MarginBeforeSubmitEvent | undefined;
    el.addEventListener('margin-before-submit', (e) => (before = e));
    type(el, 'size', '4');
    const redeemed = oneEvent(el, 'margin-redeemed') as Promise<MarginRedeemedEvent>;
    await submit(el);
    const { detail } = await redeemed;
    expect(detail).to.deep.include({ currency: 'KCS', purchaseOrderNo: orderNo, size: '4' });
    expect(before!.detail).to.deep.equal({ venue: 'kucoin', action: 'redeem', params: { currency: 'KCS', size: '4', purchaseOrderNo: orderNo } });
    expect(t.count(REDEEM)).to.equal(1);
    // the order now holds 6
    await waitUntil(() => q(el, `[data-action="redeem"][data-order="${orderNo}"]`), 'the list did not come back');
    await openRedeem();
    expect(text(q(el, '#size-hint'))).to.equal('Up to 6.0 (what the order holds), in steps of 0.1');
    type(el, 'size', '6.1');
    await submit(el);
    expect(text(q(el, '#size-error'))).to.equal('At most 6.0');
    q(el, P.cancel)!.click();
    await openTab(el, 'redemptions', `tbody tr, ${P.message}`);
    const select = q<HTMLSelectElement>(el, '#redemptions-status')!;
    select.value = 'DONE';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete; // the in-progress list (which now shows the redeem just asked for) goes
    await waitUntil(() => q(el, '#panel-redemptions tbody tr'), 'no redemption listed');
    expect(cells(qa<HTMLTableRowElement>(el, '#panel-redemptions tbody tr')[0]!).slice(0, 5)).to.deep.equal(['KCS', detail.orderNo, orderNo, '4.0', '4.0']);
    await expect(el).to.be.accessible();
  });

  it('tabs work from the keyboard; the order tabs show their empty states', async () => {
    setup();
    const el = await market();
    q(el, '#tab-market')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(q(el, '#tab-orders')!.getAttribute('aria-selected')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(q(el, '#tab-orders'));
    expect(panelHidden(el, 'market')).to.equal(true);
    await waitUntil(() => q(el, `${P.panel('orders')} ${P.message}`));
    expect(text(q(el, `${P.panel('orders')} ${P.message}`))).to.equal('No active lending.');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(q(el, '#tab-redemptions')!.getAttribute('aria-selected')).to.equal('true');
    await waitUntil(() => q(el, `${P.panel('redemptions')} ${P.message}`));
    expect(text(q(el, `${P.panel('redemptions')} ${P.message}`))).to.equal('No redemption in progress.');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(q(el, '#tab-market')!.getAttribute('aria-selected')).to.equal('true');
  });

  it('shows a skeleton while loading, then an error with retry, and recovers', async () => {
    const t = setup();
    t.stack.sandbox.faults.add({ kind: 'server-error', path: '/api/v3/project/list', times: 3 });
    const el = await fixture<MarginLendingMarket>(html`<margin-lending-market></margin-lending-market>`);
    expect(q(el, P.skeleton)!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    const error = (await oneEvent(el, 'margin-error')) as MarginErrorEvent;
    expect([error.detail.kind, error.detail.action]).to.deep.equal(['exchange', 'load']);
    await el.updateComplete;
    expect(text(q(el, P.error))).to.contain('KuCoin refused: Internal Server Error (code 500000)');
    await expect(el).to.be.accessible();
    q(el, P.retry)!.click();
    await waitUntil(() => q(el, 'tbody tr'), 'no data after retry');
  });

  it('keeps the last market and shows a stale badge when a reload fails', async () => {
    const t = setup();
    const el = await market(html`<margin-lending-market poll-interval="5000"></margin-lending-market>`);
    getMarginClient(t.stack.proxyUrl).hub.invalidate(loanMarket.key);
    t.stack.sandbox.faults.add({ kind: 'server-error', path: '/api/v3/project/list', times: 3 });
    await t.tick(5000);
    await waitUntil(() => q(el, P.staleBadge), 'no stale badge', { timeout: 4000 });
    expect(qa(el, 'tbody tr').length).to.equal(CURRENCIES.length);
    await expect(el).to.be.accessible();
    q(el, P.toolbarRetry)!.click();
    await waitUntil(() => !q(el, P.staleBadge), 'still stale after retry');
  });

  it('without a proxy it says how to connect', async () => {
    createInPageStack({ page: { proxyUrl: '' } });
    const el = await fixture<MarginLendingMarket>(html`<margin-lending-market></margin-lending-market>`);
    expect(text(q(el, P.message))).to.contain('Not connected');
    await expect(el).to.be.accessible();
  });

  it('reads only declared tokens; the public ones it reads are the theme\'s and documented', async () => {
    const { used, declared } = tokenUse(themeTokens.cssText + styles.cssText);
    for (const token of used) if (!token.startsWith('--margin-kit-')) expect(declared.has(token), `${token} is read but never declared`).to.equal(true);
    const own = [...tokenUse(styles.cssText).used].filter((t) => t.startsWith('--margin-kit-'));
    expect(own).to.deep.equal([]);
    const source = (await readFile({ path: '../../../src/elements/lending-market/margin-lending-market.ts' })) ?? '';
    for (const token of [...source.matchAll(/@cssprop (--margin-kit-[\w-]+)/g)].map((m) => m[1]!)) expect(THEME_TOKENS).to.include(token);
    // Every part the element's parts and the shared blocks it renders write is documented.
    const files = ['margin-lending-market', 'market-table', 'rate-histories', 'lending-lists', 'lending-form', 'lending-context', 'pairs-table'].map((f) => `lending-market/${f}`);
    files.push('shared/blocks/field', 'shared/blocks/status', 'shared/blocks/tabs');
    const sources = await Promise.all(files.map(async (f) => (await readFile({ path: `../../../src/elements/${f}.ts` })) ?? ''));
    expect(sources.every((s) => s.length > 0)).to.equal(true);
    for (const part of new Set(sources.flatMap((s) => [...s.matchAll(/part="([\w\s-]+)"/g)].flatMap((m) => m[1]!.split(/\s+/))))) {
      expect(source, `part ${part} undocumented`).to.contain(`@csspart ${part} `);
    }
  });
});

describe('<margin-lending-market exchange="bitmart">', () => {
  it('lists the isolated pairs with rates and limits, sortable; a row fires margin-symbol-select', async () => {
    const t = setup();
    const el = await market(html`<margin-lending-market exchange="bitmart" locale="en-US"></margin-lending-market>`);
    expect(t.stack.upstream).to.include('GET /spot/v1/margin/isolated/pairs');
    expect(qa(el, 'tbody tr').length).to.equal(BITMART_PAIRS.length);
    const btc = cells(row(el, 'BTC_USDT'));
    expect(btc.slice(0, 3)).to.deep.equal(['BTC_USDT', '10×', '0.0500%']);
    expect(btc[4]).to.equal('0.0001');
    expect(text(row(el, 'LTC_USDT').querySelector('[part="disabled-reason"]'))).to.equal('Borrowing off');
    expect(q(el, '[role="tablist"]')).to.equal(null);
    await expect(el).to.be.accessible();

    setTimeout(() => (row(el, 'ETH_USDT').children[3] as HTMLElement).click());
    const clicked = await oneEvent(el, 'margin-symbol-select');
    expect(clicked.detail).to.deep.equal({ symbol: 'ETH_USDT', exchange: 'bitmart' });
    await el.updateComplete;
    expect(el.selected).to.equal('ETH_USDT');
    expect(row(el, 'ETH_USDT').getAttribute('aria-current')).to.equal('true');

    el.addEventListener('margin-symbol-select', (e) => e.preventDefault());
    row(el, 'SOL_USDT').querySelector('button')!.focus();
    const pressed = oneEvent(el, 'margin-symbol-select');
    await sendKeys({ press: 'Enter' });
    expect((await pressed).detail.symbol).to.equal('SOL_USDT');
    await el.updateComplete;
    expect(el.selected).to.equal('ETH_USDT');

    const header = (label: string) => qa(el, 'thead th').find((th) => text(th).startsWith(label))!;
    expect(qa(el, 'thead th button').length).to.equal(12);
    header('Base max borrow').querySelector('button')!.click();
    await el.updateComplete;
    header('Base max borrow').querySelector('button')!.click();
    await el.updateComplete;
    expect(header('Base max borrow').getAttribute('aria-sort')).to.equal('descending');
    expect(qa(el, 'tbody tr').map((r) => r.dataset.symbol)).to.deep.equal(['DOGE_USDT', 'XRP_USDT', 'SOL_USDT', 'LTC_USDT', 'ETH_USDT', 'BTC_USDT']);

    const filter = q<HTMLInputElement>(el, '#filter')!;
    filter.value = 'doge';
    filter.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(qa(el, 'tbody tr').map((r) => r.dataset.symbol)).to.deep.equal(['DOGE_USDT']);
  });
});
