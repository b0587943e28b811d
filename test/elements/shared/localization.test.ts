import { LOCALE_STATUS_EVENT, str } from '@lit/localize';
import { expect, fixture, html } from '@open-wc/testing';
import { configure } from '../../../src/client/connection.js';
import { getWordsLocale, registerTranslation, resolveWordsLocale, setLocale } from '../../../src/elements/shared/localization.js';
import { MarginKitElement } from '../../../src/elements/shared/margin-element.js';
import { sharedStrings } from '../../../src/elements/shared/strings.js';

class WordsProbe extends MarginKitElement {
  override render() {
    return html`<span>${sharedStrings.retry}</span><span>${sharedStrings.errors.proxy('origin')}</span>`;
  }
}
customElements.define('margin-words-probe', WordsProbe);

const nextReady = () =>
  new Promise<string>((resolve) =>
    window.addEventListener(LOCALE_STATUS_EVENT, function onStatus(event) {
      if (event.detail.status !== 'ready') return;
      window.removeEventListener(LOCALE_STATUS_EVENT, onStatus);
      resolve(event.detail.readyLocale);
    }),
  );

describe('localization: one page-level switch for every element', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('starts in English and switches every element at once with configure({ locale })', async () => {
    const probe = await fixture<WordsProbe>(html`<margin-words-probe></margin-words-probe>`);
    const other = await fixture<WordsProbe>(html`<margin-words-probe></margin-words-probe>`);
    expect(probe.shadowRoot!.textContent).to.contain('Retry');
    const ready = nextReady();
    configure({ locale: 'es' });
    expect(await ready).to.equal('es');
    await probe.updateComplete;
    await other.updateComplete;
    expect(probe.shadowRoot!.textContent).to.contain('Reintentar');
    expect(other.shadowRoot!.textContent).to.contain('El proxy rechazó esta solicitud: origin');
    configure({ locale: 'en' });
    await nextReady();
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.contain('Retry');
  });

  it('matches shipped words by language and script, and falls back to English', () => {
    expect(resolveWordsLocale('es-MX')).to.equal('es');
    expect(resolveWordsLocale('zh-CN')).to.equal('zh-Hans');
    expect(resolveWordsLocale('zh')).to.equal('zh-Hans');
    expect(resolveWordsLocale('zh-TW')).to.equal('en');
    expect(resolveWordsLocale('ar-EG')).to.equal('en');
    expect(resolveWordsLocale('not a tag')).to.equal('en');
  });

  it('shows Simplified Chinese words for zh-CN', async () => {
    await setLocale('zh-CN');
    expect(getWordsLocale()).to.equal('zh-Hans');
    expect(sharedStrings.loading).to.equal('加载中…');
    expect(sharedStrings.rules.max('5')).to.equal('最多 5');
  });

  it('takes a page-provided translation, with placeholders in the translator\'s order', async () => {
    await setLocale('de-AT');
    expect(getWordsLocale()).to.equal('en');
    expect(sharedStrings.retry).to.equal('Retry');
    const ready = nextReady();
    registerTranslation('de', {
      'shared.retry': 'Erneut versuchen',
      'shared.errors.exchange': str`Abgelehnt von ${0} (Code ${2}): ${1}`,
    });
    await ready;
    expect(getWordsLocale()).to.equal('de');
    expect(sharedStrings.retry).to.equal('Erneut versuchen');
    expect(sharedStrings.errors.exchange('KuCoin', '400100', 'bad size')).to.equal('Abgelehnt von KuCoin (Code 400100): bad size');
    // An id the page left out shows English.
    expect(sharedStrings.loading).to.equal('Loading…');
  });

  it('refuses a translation for something that is not a language tag', () => {
    expect(() => registerTranslation('not a tag', {})).to.throw(/not a BCP 47 language tag/);
  });
});
