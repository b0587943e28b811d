import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/define/margin-borrow-repay.js';
import type { MarginBorrowRepay } from '../../../src/define/margin-borrow-repay.js';
import type { MarginErrorEvent } from '../../../src/elements/shared/events.js';
import { DEMO_CREDENTIALS } from '../../../src/sandbox/index.js';
import { captureLitWarnings } from '../../helpers/lit-warnings.js';
import {
  $,
  chooseAction,
  clientOf,
  historyLoaded,
  limitsLoaded,
  outcome,
  panelStack,
  settled,
  submitButton,
  text,
  typeAmount,
  type PanelStack,
  until,
} from './helpers.js';

async function panel(stack: PanelStack, attrs: { exchange: string; mode: string; symbol?: string; currency: string }) {
  const el = await fixture<MarginBorrowRepay>(
    html`<margin-borrow-repay
      proxy-url=${stack.proxyUrl}
      exchange=${attrs.exchange}
      margin-mode=${attrs.mode}
      symbol=${attrs.symbol ?? ''}
      currency=${attrs.currency}
      locale="en-US"
    ></margin-borrow-repay>`,
  );
  await limitsLoaded(el);
  // the history's first load also reads the borrow path: let it pass before faults are armed
  await historyLoaded(el);
  return el;
}

function kucoinLoans(stack: PanelStack) {
  const account = stack.sandbox.state.kucoinAccounts.get(DEMO_CREDENTIALS.kucoin.apiKey)!;
  return stack.sandbox.state.loans.records(account);
}

function errorsOf(el: MarginBorrowRepay): MarginErrorEvent['detail'][] {
  const seen: MarginErrorEvent['detail'][] = [];
  el.addEventListener('margin-error', (e) => seen.push(e.detail));
  return seen;
}

describe('<margin-borrow-repay> never lends twice', function () {
  this.timeout(30_000);
  let lit: ReturnType<typeof captureLitWarnings>;
  beforeEach(() => (lit = captureLitWarnings()));
  afterEach(() => {
    lit.stop();
    expect(lit.warnings, lit.warnings.join('\n')).to.deep.equal([]);
  });

  it('one click = one request: a double click and a second Enter send one borrow', async () => {
    const stack = panelStack();
    const el = await panel(stack, { exchange: 'kucoin', mode: 'cross', currency: 'BTC' });
    await typeAmount(el, '0.1');
    const borrowed = oneEvent(el, 'margin-borrowed');
    submitButton(el).click();
    submitButton(el).click();
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await el.updateComplete;
    expect(submitButton(el).disabled).to.equal(true);
    expect(submitButton(el).textContent!.trim()).to.equal('Borrowing…');
    await borrowed;
    await settled(el);
    expect(stack.posts()).to.deep.equal(['POST /api/v3/margin/borrow']);
    expect(kucoinLoans(stack).borrows).to.have.length(1);
  });

  it('KuCoin: the answer is lost after the loan was made; the history shows it went through, and nothing is sent again', async () => {
    const stack = panelStack();
    const el = await panel(stack, { exchange: 'kucoin', mode: 'cross', currency: 'BTC' });
    const errors = errorsOf(el);
    stack.sandbox.faults.add({ kind: 'lose-response', path: '/api/v3/margin/borrow', times: 1 });
    // the look-up is slowed down so the checking state can be inspected
    stack.sandbox.faults.add({ kind: 'delay', method: 'GET', path: '/api/v3/margin/borrow', times: 1, delayMs: 300 });
    await typeAmount(el, '0.5');
    const borrowed = oneEvent(el, 'margin-borrowed');
    submitButton(el).click();
    await until(() => outcome(el).startsWith('No answer from the venue'), 'did not start checking');
    expect(submitButton(el).disabled).to.equal(true);
    expect(text(el, '#submit-block')).to.equal('Waiting for the check of the last request.');
    submitButton(el).click();
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await expect(el).to.be.accessible();

    const { detail } = await borrowed;
    const [record] = kucoinLoans(stack).borrows;
    expect(detail).to.deep.equal({
      venue: 'kucoin', marginMode: 'cross', currency: 'BTC', orderId: record!.orderNo, requested: '0.5', actualSize: '0.5', foundInHistory: true,
    });
    await settled(el);
    expect(outcome(el)).to.equal(`It went through: borrowed 0.5 BTC (order ${record!.orderNo}), found in the history.`);
    expect(kucoinLoans(stack).borrows).to.have.length(1);
    expect(stack.posts()).to.deep.equal(['POST /api/v3/margin/borrow']);
    expect(errors).to.deep.equal([]);
    expect(submitButton(el).disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('BitMart: the answer is lost after the loan was made; found in the borrow records, one loan only', async () => {
    const stack = panelStack();
    const el = await panel(stack, { exchange: 'bitmart', mode: 'isolated', symbol: 'BTC_USDT', currency: 'USDT' });
    stack.sandbox.faults.add({ kind: 'lose-response', path: '/spot/v1/margin/isolated/borrow', times: 1 });
    await typeAmount(el, '250.5');
    const borrowed = oneEvent(el, 'margin-borrowed');
    submitButton(el).click();
    const { detail } = await borrowed;
    expect(detail.foundInHistory).to.equal(true);
    expect([detail.requested, detail.actualSize]).to.deep.equal(['250.5', '250.5']);
    await settled(el);
    expect(outcome(el)).to.equal(`It went through: borrowed 250.5 USDT (order ${detail.orderId}), found in the history.`);
    const records = await clientOf(stack).bitmart.getBorrowRecordIsolated({ symbol: 'BTC_USDT' });
    expect(records.map((r) => [r.borrow_id, r.borrow_amount.toString()])).to.deep.equal([[detail.orderId, '250.5']]);
    expect(stack.posts()).to.deep.equal(['POST /spot/v1/margin/isolated/borrow']);
    await expect(el).to.be.accessible();
  });

  it('a lost repay answer: found in the repay history with what was paid', async () => {
    const stack = panelStack();
    await clientOf(stack).venue('kucoin', 'cross').borrow({ currency: 'ETH', amount: '2' });
    const el = await panel(stack, { exchange: 'kucoin', mode: 'cross', currency: 'ETH' });
    await chooseAction(el, 'repay');
    stack.sandbox.faults.add({ kind: 'lose-response', path: '/api/v3/margin/repay', times: 1 });
    await typeAmount(el, '1.5');
    const repaid = oneEvent(el, 'margin-repaid');
    submitButton(el).click();
    const { detail } = await repaid;
    expect(detail).to.deep.include({ foundInHistory: true, requested: '1.5', actualSize: '1.5' });
    expect(kucoinLoans(stack).repays).to.have.length(1);
    await settled(el);
    expect(outcome(el)).to.match(/^It went through: repaid 1\.5 ETH/);
  });

  it('the look-up fails too: still unknown, nothing can be sent until "Check again" finds it', async () => {
    const stack = panelStack();
    const el = await panel(stack, { exchange: 'kucoin', mode: 'cross', currency: 'BTC' });
    const errors = errorsOf(el);
    stack.sandbox.faults.add({ kind: 'lose-response', method: 'POST', path: '/api/v3/margin/borrow', times: 1 });
    // the first attempt and both retries of the look-up
    stack.sandbox.faults.add({ kind: 'server-error', method: 'GET', path: '/api/v3/margin/borrow', times: 3 });
    await typeAmount(el, '1');
    submitButton(el).click();
    await until(() => outcome(el).startsWith('Still unknown'), 'did not become unresolved');
    expect(outcome(el)).to.equal(
      'Still unknown whether it went through: the history could not be checked (KuCoin refused: Internal Server Error (code 500000)). Check again before sending anything else.',
    );
    expect(errors.map((e) => e.action)).to.deep.equal(['check-borrow']);
    expect(submitButton(el).disabled).to.equal(true);
    await typeAmount(el, '1'); // typing does not clear an unknown outcome
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await el.updateComplete;
    expect(stack.posts()).to.deep.equal(['POST /api/v3/margin/borrow']);
    await expect(el).to.be.accessible();

    const borrowed = oneEvent(el, 'margin-borrowed');
    $<HTMLButtonElement>(el, '#check-again').click();
    expect((await borrowed).detail.foundInHistory).to.equal(true);
    await settled(el);
    expect(kucoinLoans(stack).borrows).to.have.length(1);
    expect(el.shadowRoot!.querySelector('#check-again')).to.equal(null);
    expect(submitButton(el).disabled).to.equal(false);
  });

  it('a 503 that applied nothing: not in the history, so it says so and allows another try', async () => {
    const stack = panelStack();
    const el = await panel(stack, { exchange: 'bitmart', mode: 'isolated', symbol: 'ETH_USDT', currency: 'ETH' });
    const errors = errorsOf(el);
    stack.sandbox.faults.add({ kind: 'server-error', path: '/spot/v1/margin/isolated/borrow', times: 1 });
    await typeAmount(el, '3');
    submitButton(el).click();
    // Not found only after the last look-up of the default window (11 s after the first).
    await until(() => outcome(el).startsWith('It did not go through'), 'no not-found outcome', 15_000);
    expect(outcome(el)).to.equal('It did not go through: nothing was borrowed (not in the history). You can try again.');
    expect(errors.map((e) => [e.action, e.kind])).to.deep.equal([['borrow', 'exchange']]);
    expect($<HTMLInputElement>(el, '#amount').value).to.equal('3');
    await expect(el).to.be.accessible();
    const borrowed = oneEvent(el, 'margin-borrowed');
    submitButton(el).click();
    expect((await borrowed).detail.foundInHistory).to.equal(false);
    const records = await clientOf(stack).bitmart.getBorrowRecordIsolated({ symbol: 'ETH_USDT' });
    expect(records).to.have.length(1);
  });
});
