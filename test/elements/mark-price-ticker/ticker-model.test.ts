import { expect } from '@open-wc/testing';
import {
  announcementDelay,
  clampPollInterval,
  parseMode,
  parseSymbols,
  TickerModel,
  type MarkPriceSample,
} from '../../../src/elements/mark-price-ticker/ticker-model.js';
import { formatChange, TickerViews } from '../../../src/elements/mark-price-ticker/ticker-view.js';
import { changeSinceStart } from './reference.js';

/** Samples as the client gives them: canonical exact text (`99.50` arrives as `99.5`). */
const sample = (symbol: string, value: string, timePoint = 1): MarkPriceSample => ({ symbol, value: value.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''), timePoint });

describe('ticker model (pure)', () => {
  it('reads attributes: mode, poll interval (default 3000, never below 1000), symbols', () => {
    expect([parseMode('list'), parseMode(' SINGLE '), parseMode('tape'), parseMode('wobble'), parseMode(null)]).to.deep.equal([
      'list',
      'single',
      'tape',
      'tape',
      'tape',
    ]);
    expect([clampPollInterval(5000), clampPollInterval(200), clampPollInterval(1000), clampPollInterval(NaN), clampPollInterval(0), clampPollInterval(undefined), clampPollInterval(-5)]).to.deep.equal([
      5000, 1000, 1000, 3000, 3000, 3000, 3000,
    ]);
    expect(parseSymbols(' btc-usdt, ETH-USDT,,BTC-USDT ,')).to.deep.equal(['BTC-USDT', 'ETH-USDT']);
    expect(parseSymbols('')).to.deep.equal([]);
  });

  it('tracks direction, moves and change since the first value; one row object per symbol, moved in place', () => {
    const model = new TickerModel();
    expect(model.ingest([sample('BTC-USDT', '100'), sample('ETH-USDT', '50')], true)).to.deep.equal([]);
    const eth = model.get('ETH-USDT');
    expect(model.get('BTC-USDT')!.direction).to.equal('flat');
    expect(model.ingest([sample('BTC-USDT', '101'), sample('ETH-USDT', '50')], true)).to.deep.equal(['BTC-USDT']);
    expect(model.get('ETH-USDT')).to.equal(eth); // same object: its view is reused
    const btc = model.get('BTC-USDT')!;
    expect([btc.direction, btc.moves, btc.baseline.toString()]).to.deep.equal(['up', 1, '100']);
    expect(changeSinceStart(btc)!.toString()).to.equal('0.01');
    model.ingest([sample('BTC-USDT', '99.5')], false);
    const down = model.get('BTC-USDT')!;
    expect(down).to.equal(btc); // moved in place: no object per move
    expect([down.direction, down.moves]).to.deep.equal(['down', 2]);
    expect(changeSinceStart(down)!.toString()).to.equal('-0.005');
    // nothing moved: no move counted
    expect(model.ingest([sample('BTC-USDT', '99.50'), sample('ETH-USDT', '50')], true)).to.deep.equal([]);
    expect(down.moves).to.equal(2);
    expect(changeSinceStart({ ...down, baseline: '0' })).to.equal(undefined);
    // the view shows no change from a zero baseline
    expect(new TickerViews().views([{ ...down, baseline: '0' }], 'en-US', new Map())[0]!.changeText).to.equal('');
  });

  it('selects the named symbols in their order, or every symbol in the venue order', () => {
    const model = new TickerModel();
    model.ingest([sample('A-USDT', '1'), sample('B-USDT', '2'), sample('C-USDT', '3')], true);
    expect(model.select([]).rows.map((r) => r.symbol)).to.deep.equal(['A-USDT', 'B-USDT', 'C-USDT']);
    const picked = model.select(['C-USDT', 'X-USDT', 'A-USDT']);
    expect(picked.rows.map((r) => r.symbol)).to.deep.equal(['C-USDT', 'A-USDT']);
    expect(picked.missing).to.deep.equal(['X-USDT']);
    // every symbol: the same list until something changes, then the new rows in the new order
    const every = model.select([]).rows;
    expect(model.select([]).rows).to.equal(every);
    model.ingest([sample('B-USDT', '2')], false);
    expect(model.select([]).rows).to.equal(every);
    model.ingest([sample('B-USDT', '2.5')], false);
    expect(model.select([]).rows.map((r) => r.value.toString())).to.deep.equal(['1', '2.5', '3']);
    model.ingest([sample('C-USDT', '3'), sample('A-USDT', '1'), sample('B-USDT', '2.5')], true);
    expect(model.select([]).rows.map((r) => r.symbol)).to.deep.equal(['C-USDT', 'A-USDT', 'B-USDT']);
  });

  it('formats at the priceIncrement, reusing text for unchanged rows; the flash class alternates per move', () => {
    const model = new TickerModel();
    model.ingest([sample('BTC-USDT', '67250.4'), sample('SHIB-USDT', '0.00002512')], true);
    const info = new Map([
      ['BTC-USDT', { priceIncrement: '0.1', enableTrading: true }],
      ['SHIB-USDT', { priceIncrement: '0.00000001', enableTrading: false }],
    ]);
    const views = new TickerViews();
    const [btc, shib] = views.views(model.select([]).rows, 'en-US', info);
    expect([btc!.priceText, btc!.changeText, btc!.flashClass, btc!.tradingOff]).to.deep.equal(['67,250.4', '0.00%', '', false]);
    expect([shib!.priceText, shib!.tradingOff]).to.deep.equal(['0.00002512', true]);
    expect(views.views(model.select([]).rows, 'de-DE', info)[0]!.priceText).to.equal('67.250,4');
    model.ingest([sample('BTC-USDT', '67300')], false);
    const [up, shibAgain] = views.views(model.select([]).rows, 'de-DE', info);
    expect(shibAgain).to.equal(views.views(model.select([]).rows, 'de-DE', info)[1]);
    expect([up!.priceText, up!.flashClass, up!.changeSign, up!.direction]).to.deep.equal(['67.300,0', 'flash-up flash-1', 'up', 'up']);
    model.ingest([sample('BTC-USDT', '67299.9')], false);
    const [down] = views.views(model.select([]).rows, 'de-DE', info);
    expect(down!.flashClass).to.equal('flash-down flash-0');
    // without an increment the venue's own digits are kept
    expect(new TickerViews().views(model.select(['SHIB-USDT']).rows, 'en-US', new Map())[0]!.priceText).to.equal('0.00002512');
  });

  it('formats a change as a signed percentage with two decimals', () => {
    expect(formatChange('0.012345', 'en-US')).to.equal('+1.23%');
    expect(formatChange('-0.004', 'en-US')).to.equal('-0.40%');
    expect(formatChange('0', 'en-US')).to.equal('0.00%');
  });

  it('throttles announcements to one per gap', () => {
    expect(announcementDelay(undefined, 5000, 10_000)).to.equal(0);
    expect(announcementDelay(1000, 5000, 10_000)).to.equal(6000);
    expect(announcementDelay(1000, 11_000, 10_000)).to.equal(0);
    expect(announcementDelay(1000, 20_000, 10_000)).to.equal(0);
  });
});
