/** The Localization page's language picker: the page-level switch every element follows. */
import { createElement, useState } from 'react';
import { configure } from '../src/client/connection.js';

const LOCALES = [
  ['en', 'English'],
  ['es', 'Español'],
  ['zh-Hans', '简体中文'],
] as const;

export function LocaleSwitcher() {
  const [locale, setLocale] = useState('en');
  return createElement(
    'label',
    { style: { display: 'inline-flex', gap: '0.5rem', alignItems: 'center', margin: '0.5rem 0 1rem' } },
    'Language',
    createElement(
      'select',
      {
        value: locale,
        onChange: (event: { target: HTMLSelectElement }) => {
          setLocale(event.target.value);
          configure({ locale: event.target.value });
        },
      },
      LOCALES.map(([code, name]) => createElement('option', { key: code, value: code }, name)),
    ),
  );
}
