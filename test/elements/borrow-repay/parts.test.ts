/** The panel's parts on their own: the target it works on, and the words and events of a loan's outcome. */
import { expect } from '@open-wc/testing';
import { createConnection } from '../../../src/client/connection.js';
import { NetworkError } from '../../../src/client/errors.js';
import { Decimal } from '../../../src/core/decimal.js';
import { loanDetail, outcomeText, recordActualSize } from '../../../src/elements/borrow-repay/loan-outcome.js';
import type { LoanPhase } from '../../../src/elements/borrow-repay/loan-submission.js';
import { effectiveCurrency, effectiveMode, TargetResolver } from '../../../src/elements/borrow-repay/loan-target.js';

const connection = () => createConnection({ proxyUrl: 'http://127.0.0.1:9' });
const attrs = (extra: Partial<{ exchange: 'kucoin' | 'bitmart'; marginMode: 'cross' | 'isolated' | ''; symbol: string; currency: string }> = {}) => ({
  exchange: 'kucoin' as const,
  marginMode: '' as const,
  symbol: '',
  currency: '',
  ...extra,
});

describe('loan target', () => {
  it('mode and currency from the attributes: isolated for BitMart or a pair, the pair base by default', () => {
    expect(effectiveMode(attrs())).to.equal('cross');
    expect(effectiveMode(attrs({ symbol: 'BTC-USDT' }))).to.equal('isolated');
    expect(effectiveMode(attrs({ exchange: 'bitmart' }))).to.equal('isolated');
    expect(effectiveMode(attrs({ exchange: 'bitmart', marginMode: 'cross' }))).to.equal('cross');
    expect(effectiveCurrency(attrs({ symbol: 'BTC_USDT', exchange: 'bitmart' }))).to.equal('BTC');
    expect(effectiveCurrency(attrs({ currency: 'USDT', symbol: 'BTC-USDT' }))).to.equal('USDT');
    expect(effectiveCurrency(attrs())).to.equal('');
  });

  it('says why there is nothing to work on', () => {
    const resolver = new TargetResolver();
    const client = connection();
    expect(resolver.resolve(attrs({ exchange: 'binance' as never }), client).problem).to.match(/Unknown exchange "binance"/);
    expect(resolver.resolve(attrs({ exchange: 'bitmart', marginMode: 'cross', currency: 'BTC' }), client).problem).to.match(/isolated only/);
    expect(resolver.resolve(attrs({ marginMode: 'isolated', currency: 'BTC' }), client).problem).to.match(/needs a pair/);
    expect(resolver.resolve(attrs(), client).problem).to.match(/currency attribute/);
    expect(resolver.resolve(attrs({ currency: 'BTC' }), undefined).problem).to.match(/^Not connected/);
  });

  it('keeps the same target (and limits resource) while nothing that matters changed; a new one when it did', () => {
    const resolver = new TargetResolver();
    const client = connection();
    const first = resolver.resolve(attrs({ currency: 'USDT' }), client).target!;
    expect(first.limits.key).to.equal('borrow-repay:limits:kucoin:cross::USDT');
    expect(resolver.resolve(attrs({ currency: 'USDT' }), client).target).to.equal(first);
    const other = resolver.resolve(attrs({ currency: 'BTC' }), client).target!;
    expect(other).not.to.equal(first);
    expect(other.venue, 'one venue client per venue and mode').to.equal(first.venue);
    const isolated = resolver.resolve(attrs({ symbol: 'BTC-USDT' }), client).target!;
    expect([isolated.marginMode, isolated.symbol, isolated.currency, isolated.limits.key]).to.deep.equal([
      'isolated', 'BTC-USDT', 'BTC', 'borrow-repay:limits:kucoin:isolated:BTC-USDT:BTC',
    ]);
  });
});

describe('loan outcome', () => {
  const intent = { action: 'repay' as const, request: { currency: 'USDT', amount: '100' } };
  const amount = (value: Decimal | string) => new Decimal(value).toFixed(2);
  const answer = { orderId: 'r1', requested: new Decimal('100'), actualSize: new Decimal('40') };
  const record = { id: 'r2', action: 'repay' as const, currency: 'USDT', amount: new Decimal('41'), principal: new Decimal('40'), interest: new Decimal('0.5'), time: 1 };

  it('words each phase the trader sees', () => {
    const phase = (p: Partial<LoanPhase> & { kind: LoanPhase['kind'] }) => ({ intent, identity: 'i', ...p }) as LoanPhase;
    expect(outcomeText({ kind: 'idle' }, amount)).to.deep.equal({ text: '', tone: '' });
    expect(outcomeText(phase({ kind: 'sending' }), amount).text).to.equal('Repaying 100.00 USDT…');
    expect(outcomeText(phase({ kind: 'succeeded', answer } as never), amount)).to.deep.equal({
      text: 'Repaid 40.00 of the 100.00 USDT offered: that was all that was owed (order r1).',
      tone: 'good',
    });
    expect(outcomeText(phase({ kind: 'found', record, error: new NetworkError('x') } as never), amount)).to.deep.equal({
      text: 'It went through: repaid 40.50 USDT (order r2), found in the history.',
      tone: 'good',
    });
    expect(outcomeText(phase({ kind: 'not-found', error: new NetworkError('x') } as never), amount).tone).to.equal('bad');
  });

  it('the event detail of a loan that went through: answered, or found in the history', () => {
    const target = { exchange: 'kucoin', marginMode: 'isolated', symbol: 'BTC-USDT' } as never;
    expect(loanDetail(target, { kind: 'succeeded', intent, identity: 'i', answer })).to.deep.equal({
      venue: 'kucoin', marginMode: 'isolated', symbol: 'BTC-USDT', currency: 'USDT', orderId: 'r1', requested: '100', actualSize: '40', foundInHistory: false,
    });
    expect(loanDetail(target, { kind: 'found', intent, identity: 'i', record, error: undefined })).to.include({ orderId: 'r2', actualSize: '40.5', foundInHistory: true });
    expect(recordActualSize({ ...record, interest: undefined }).toString()).to.equal('41');
  });
});
