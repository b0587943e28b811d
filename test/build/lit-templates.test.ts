/**
 * The build's template minifier against the real thing: Lit renders the template as written and
 * as minified, and the page must show the same text, elements, attributes and properties; the CSS
 * parser reads each element's styles as written and as minified, and must find the same rules.
 * (The rules themselves: test/node/build/lit-templates.test.ts.)
 */
import { expect } from '@open-wc/testing';
import { html, render, type CSSResultGroup, type TemplateResult } from 'lit';
import { minifyCssParts, minifyHtmlParts } from '../../scripts/minify-template-parts.js';
import borrowRepayStyles from '../../src/elements/borrow-repay/margin-borrow-repay.styles.js';
import lendingStyles from '../../src/elements/lending-market/margin-lending-market.styles.js';
import tickerStyles from '../../src/elements/mark-price-ticker/margin-mark-price-ticker.styles.js';
import orderTicketStyles from '../../src/elements/order-ticket/margin-order-ticket.styles.js';
import { themeTokens } from '../../src/elements/shared/theme.js';

/** A tag function call as the compiler makes it, from the static parts (no escapes in them). */
function template(parts: readonly string[], values: unknown[]): TemplateResult {
  const strings = Object.assign([...parts], { raw: [...parts] }) as unknown as TemplateStringsArray;
  return html(strings, ...values);
}

interface Rendered {
  text: string;
  elements: string[];
}

function renderBoth(parts: readonly string[], values: () => unknown[]): [Rendered, Rendered] {
  const minified = minifyHtmlParts(parts);
  expect(minified.join('').length, 'the minifier did nothing').to.be.lessThan(parts.join('').length);
  return [parts, minified].map((p) => {
    const host = document.createElement('div');
    document.body.append(host);
    render(template(p, values()), host);
    const elements = [...host.querySelectorAll('*')].map((el) => {
      const attributes = [...el.attributes].map((a) => `${a.name}=${a.value}`).sort();
      const value = (el as HTMLInputElement).value;
      return `${el.localName}[${attributes.join(' ')}]${value !== undefined ? ` value=${value}` : ''}${el.localName === 'pre' || el.localName === 'textarea' ? ` text=${JSON.stringify(el.textContent)}` : ''}`;
    });
    const text = host.innerText;
    host.remove();
    return { text, elements };
  }) as [Rendered, Rendered];
}

describe('minified Lit templates render alike', () => {
  it('inline text and elements across indented lines', () => {
    const parts = ['\n  <p class="row">\n    <span>Buy  now</span>\n    <b>', '</b>\n    <em>\n      at ', '\n    </em>\n  </p>\n  <ul>\n    <li>one</li>\n    <li>two</li>\n  </ul>\n'];
    const [a, b] = renderBoth(parts, () => ['0.1', 'market']);
    expect(b).to.deep.equal(a);
    expect(a.text).to.contain('Buy now 0.1 at market');
  });

  it('bindings of every kind, spread over lines, and /> after an unquoted binding', () => {
    let clicks = 0;
    const parts = ['<form>\n  <input\n    type="text"\n    class="a ', '\n      b"\n    .value=', '\n    ?disabled=', '\n    @click=', '\n  />\n  <button\n    type="button"\n    aria-label="', '"\n  >go</button>\n</form>'];
    const [a, b] = renderBoth(parts, () => ['c', '12.5', false, () => clicks++, 'Go now']);
    expect(b).to.deep.equal(a);
    expect(a.elements.join()).to.contain('value=12.5');
  });

  it('<pre>, <textarea> and quoted values keep their whitespace', () => {
    const parts = ['<div title="a\n   b">\n  <pre>\n  keep\n    this ', '\n</pre>\n  <textarea>\n  and this\n</textarea>\n</div>'];
    const [a, b] = renderBoth(parts, () => ['too']);
    expect(b).to.deep.equal(a);
    expect(a.elements.join()).to.contain('keep\\n    this too');
  });

  it('svg', () => {
    const parts = ['<svg viewBox="0 0 10 10" role="img" aria-label=', '>\n    <title>chart</title>\n    <polyline\n      points=', '\n      fill="none"\n    />\n  </svg>'];
    const [a, b] = renderBoth(parts, () => ['rates', '0,1 5,5 10,2']);
    expect(b).to.deep.equal(a);
  });
});

function rules(cssText: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  const walk = (list: CSSRuleList): string[] => [...list].flatMap((rule) => ('cssRules' in rule && rule.cssRules ? [rule.cssText.split('{')[0]!, ...walk(rule.cssRules as CSSRuleList)] : [rule.cssText]));
  return walk(sheet.cssRules);
}

describe('minified element styles parse alike', () => {
  const styles: Record<string, CSSResultGroup> = { themeTokens, orderTicketStyles, borrowRepayStyles, lendingStyles, tickerStyles };
  for (const [name, style] of Object.entries(styles)) {
    it(name, () => {
      const cssText = (style as { cssText: string }).cssText;
      const [minified] = minifyCssParts([cssText]);
      expect(minified!.length).to.be.lessThan(cssText.length * 0.9);
      const before = rules(cssText);
      expect(before.length).to.be.greaterThan(3);
      expect(rules(minified!)).to.deep.equal(before);
    });
  }
});
