/**
 * Numbers in whole sentences: plurals are two messages chosen by the words' plural rules (never a
 * word glued to a number), and each language puts a value where its grammar does.
 */
import { expect } from '@open-wc/testing';
import { borrowRepayStrings } from '../../../src/elements/borrow-repay/strings.js';
import { setLocale } from '../../../src/elements/shared/localization.js';
import { isSingular } from '../../../src/elements/shared/strings.js';
import { ticketStrings } from '../../../src/elements/order-ticket/strings.js';

describe('sentences with numbers', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('English: one and other are different sentences', () => {
    expect(ticketStrings.orders.cancelAllConfirm(1, 'BTC-USDT')).to.equal('Cancel the open order on BTC-USDT?');
    expect(ticketStrings.orders.cancelAllConfirm(2, 'BTC-USDT')).to.equal('Cancel all 2 open orders on BTC-USDT?');
    expect(ticketStrings.errors.invalid(1)).to.equal('Please fix the highlighted field: nothing was sent.');
    expect(ticketStrings.errors.invalid(3)).to.equal('Please fix the 3 highlighted problems: nothing was sent.');
    expect(ticketStrings.checkingAttempt(1)).to.equal('Asked 1 time so far.');
    expect(ticketStrings.checkingAttempt(0)).to.equal('Asked 0 times so far.');
  });

  it('the plural rule is the words\' language: Chinese has one form, Spanish says 1 in the singular', async () => {
    await setLocale('es');
    expect(isSingular(1)).to.equal(true);
    expect(ticketStrings.checkingAttempt(1)).to.equal('Consultado 1 vez hasta ahora.');
    expect(ticketStrings.checkingAttempt(4)).to.equal('Consultado 4 veces hasta ahora.');
    await setLocale('zh-Hans');
    expect(isSingular(1)).to.equal(false);
    expect(ticketStrings.orders.cancelAllConfirm(1, 'BTC-USDT')).to.equal('撤销 BTC-USDT 的 1 笔当前委托？');
  });

  it('the translator places the values: the price before the verb in Chinese, the page number after it', async () => {
    await setLocale('zh-Hans');
    expect(ticketStrings.summary('buy', '0.001', 'BTC', '60,000 USDT')).to.equal('以 60,000 USDT 买入 0.001 BTC');
    expect(ticketStrings.summary('sell', '2', 'ETH', undefined)).to.equal('市价卖出 2 ETH');
    expect(borrowRepayStrings.history.page(2, 5)).to.equal('第 2 页，共 5 页');
    await setLocale('es');
    expect(ticketStrings.summary('buy', '0,001', 'BTC', '60.000 USDT')).to.equal('Comprar 0,001 BTC a 60.000 USDT');
    expect(borrowRepayStrings.form.amountHint('1', 8)).to.equal('Múltiplos de 1, como máximo 8 decimales');
  });
});
