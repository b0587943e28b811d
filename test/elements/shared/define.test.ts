import { expect } from '@open-wc/testing';
import { defineElement } from '../../../src/elements/shared/define.js';
import { VERSION } from '../../../src/version.js';

describe('defineElement', () => {
  it('defines a tag once and ignores a second definition of the same version', () => {
    class A extends HTMLElement {}
    class B extends HTMLElement {}
    defineElement('margin-define-a', A);
    expect(() => defineElement('margin-define-a', B)).not.to.throw();
    expect(customElements.get('margin-define-a')).to.equal(A);
  });

  it('warns once, naming both versions, when another version comes second', () => {
    class A extends HTMLElement {}
    class B extends HTMLElement {}
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      defineElement('margin-define-b', A);
      defineElement('margin-define-b', B, '0.0.1-other');
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain(VERSION).and.to.contain('0.0.1-other');
  });

  it('warns once for two versions that each won some tags (two loaders racing)', () => {
    class A extends HTMLElement {}
    class B extends HTMLElement {}
    class C extends HTMLElement {}
    class D extends HTMLElement {}
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      defineElement('margin-define-c', A, '0.0.2-first');
      defineElement('margin-define-d', B, '0.0.2-second');
      defineElement('margin-define-c', C, '0.0.2-second');
      defineElement('margin-define-d', D, '0.0.2-first');
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('0.0.2-first').and.to.contain('0.0.2-second');
  });

  it('VERSION matches package.json', async () => {
    const pkg = (await (await fetch('/package.json')).json()) as { version: string };
    expect(VERSION).to.equal(pkg.version);
  });
});
