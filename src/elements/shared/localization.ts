/**
 * The kit's words, on Lit's own runtime localization (`@lit/localize`): every user-visible string
 * goes through `msg()`, and one page-level switch (`configure({ locale })` or `setLocale()`)
 * changes the words of every element at once. The element's `locale` attribute only drives
 * number and date formats.
 *
 * The kit ships `en` (the source) plus the locales in `locales/`, each loaded on demand, so an
 * English page carries no other language. A page brings any other language with
 * `registerTranslation()`; a locale neither shipped nor registered shows English words.
 */
import { configureLocalization, type LocaleModule } from '@lit/localize';
import { CONFIGURED_EVENT, pageConfig } from '../../client/connection.js';
import { sourceLocale, targetLocales } from '../../locales/locale-codes.js';

export type KitTranslation = LocaleModule['templates'];

const SHIPPED: Record<(typeof targetLocales)[number], () => Promise<LocaleModule>> = {
  es: () => import('../../locales/es.js'),
  'zh-Hans': () => import('../../locales/zh-Hans.js'),
};

/**
 * @lit/localize takes its list of locales once. A page's own translations go through two spare
 * codes used in turn, so switching from one page locale to another is still a change of locale.
 */
const PAGE_SLOTS = ['x-margin-kit-page-a', 'x-margin-kit-page-b'] as const;

const registered = new Map<string, KitTranslation>();
const slotTemplates = new Map<string, KitTranslation>();
let wordsLocale: string = sourceLocale;
let requested: string = sourceLocale;
let nextSlot = 0;

const localization = configureLocalization({
  sourceLocale,
  targetLocales: [...targetLocales, ...PAGE_SLOTS],
  loadLocale: async (code) => {
    const page = slotTemplates.get(code);
    if (page) return { templates: page };
    const load = SHIPPED[code as keyof typeof SHIPPED];
    if (!load) throw new Error(`margin-kit: no translation for ${code}`);
    return load();
  },
});

/** The kit's locale for a BCP 47 tag: its own words, a shipped one by language (and script), else English. */
export function resolveWordsLocale(tag: string | undefined): string {
  if (!tag) return sourceLocale;
  const canonical = canonicalTag(tag);
  if (!canonical) return sourceLocale;
  const lower = canonical.toLowerCase();
  for (const code of registered.keys()) if (code.toLowerCase() === lower) return code;
  for (const code of [sourceLocale, ...targetLocales] as string[]) if (code.toLowerCase() === lower) return code;
  const { language, script } = new Intl.Locale(canonical).maximize();
  const sameLanguage = (code: string) => {
    const other = new Intl.Locale(code).maximize();
    return other.language === language && other.script === script;
  };
  for (const code of registered.keys()) if (sameLanguage(code)) return code;
  // By language and script: es-MX reads es; zh-CN is zh-Hans, but zh-TW (Hant) is not.
  for (const code of targetLocales as readonly string[]) if (sameLanguage(code)) return code;
  return sourceLocale;
}

function canonicalTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/**
 * Adds (or replaces) the words of a locale the kit does not ship. `templates` maps each message id
 * of the kit's catalog (`xliff/es.xlf` lists them with their English source) to its translation;
 * ids left out show English. Takes effect at once if the page shows that locale.
 */
export function registerTranslation(locale: string, templates: KitTranslation): void {
  const code = canonicalTag(locale);
  if (!code) throw new RangeError(`margin-kit: "${locale}" is not a BCP 47 language tag`);
  registered.set(code, templates);
  if (resolveWordsLocale(requested) === code) void applyWords(requested, true);
}

/**
 * The locale `msg()` reads now, changed only once its words are loaded: a key for templates that
 * skip re-rendering (`guard`), so they render again when the words change.
 */
export function renderedWordsKey(): string {
  return localization.getLocale();
}

/** The locale whose words the kit shows now (`en` when it fell back). */
export function getWordsLocale(): string {
  return wordsLocale;
}

/**
 * Shows every element's words in `locale` (a BCP 47 tag; `en` for English). Resolves once the
 * words are loaded. Pages usually say it with `configure({ locale })`, which also sets the
 * default number format.
 */
export function setLocale(locale: string): Promise<void> {
  return applyWords(locale, false);
}

function applyWords(locale: string, force: boolean): Promise<void> {
  requested = locale;
  const code = resolveWordsLocale(locale);
  if (code === wordsLocale && !force) return Promise.resolve();
  wordsLocale = code;
  const page = registered.get(code);
  if (!page) return localization.setLocale(code);
  const slot = PAGE_SLOTS[nextSlot++ % PAGE_SLOTS.length]!;
  slotTemplates.set(slot, page);
  return localization.setLocale(slot);
}

// `configure({ locale })` is the page-level switch; every copy of the kit on the page hears it.
let pageLocale = pageConfig().locale;
if (pageLocale) void setLocale(pageLocale);
globalThis.addEventListener?.(CONFIGURED_EVENT, () => {
  const next = pageConfig().locale;
  if (next && next !== pageLocale) void setLocale(next);
  pageLocale = next;
});
