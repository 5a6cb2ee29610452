import i18n, { type FormatterModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import { formatDateTime, formatNumber } from '../../../shared/i18n/format';
import { pickLanguage, SUPPORTED_LANGUAGES, type Language } from '../../../shared/i18n/languages';
import { PSEUDO_LOCALE, pseudoLocalize } from '../../../shared/i18n/pseudo';
import { DOCUMENT_CATALOGUES } from '../../../shared/i18n/documents';

declare global {
  interface Window {
    /**
     * Set by an e2e init script only (the CSP admits no other script before the app's): show the
     * pseudo-locale, whatever the setting (issue 22).
     */
    __cohortDeskPseudoLocale?: boolean;
  }
}

const pseudo = typeof window !== 'undefined' && window.__cohortDeskPseudoLocale === true;

export { SUPPORTED_LANGUAGES };

/**
 * Every language file present in this folder, bundled (no network). A translation that has not
 * landed yet is simply absent: its language falls back to English key by key (issue 22).
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./*.json', { eager: true });

/**
 * The clinical words and report strings main also uses (shared/i18n/documents, decision 0048) join
 * each language's tree under their own top-level keys (`terms`, `report`), so a view and the
 * report read the same word.
 */
const withDocuments = (lang: Language, tree: Record<string, unknown>): Record<string, unknown> => ({
  ...tree,
  ...DOCUMENT_CATALOGUES[lang],
});

function bundled(): Record<string, { translation: Record<string, unknown> }> {
  const out: Record<string, { translation: Record<string, unknown> }> = {
    en: { translation: withDocuments('en', en) },
  };
  for (const [path, mod] of Object.entries(files)) {
    const lang = /\.\/(\w+)\.json$/.exec(path)?.[1];
    if (lang === undefined || lang === 'en') continue;
    if ((SUPPORTED_LANGUAGES as readonly string[]).includes(lang))
      out[lang] = { translation: withDocuments(lang as Language, mod.default) };
  }
  if (pseudo)
    out[PSEUDO_LOCALE] = { translation: pseudoLocalize({ ...en, ...DOCUMENT_CATALOGUES.en }) };
  return out;
}

/**
 * Placeholders that hold identifiers or codes, not quantities: never grouped ("VariationID 12345",
 * "line 1200", "version 4.2", "record 1200" of a page, "HTTP 503"), so a copied id stays the id.
 */
const VERBATIM = new Set([
  'id',
  'line',
  'version',
  'release',
  'caseId',
  'patient',
  'tier',
  'year',
  'record',
  'http',
]);

/**
 * Every number passed to t() is shown in the language's format (issue 22), so call sites pass
 * plain numbers and never format by hand; dates likewise. A formatter module, because i18next
 * replaces interpolation.format with its own formatter's.
 */
export const localeFormatter: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value: unknown, _format, lng, options) => {
    const key = (options as { interpolationkey?: string } | undefined)?.interpolationkey;
    if (key !== undefined && VERBATIM.has(key)) return value as string;
    if (typeof value === 'number' && Number.isFinite(value))
      return formatNumber(value, lng ?? 'en');
    if (value instanceof Date) return formatDateTime(value, lng ?? 'en');
    return value as string;
  },
};

void i18n
  .use(localeFormatter)
  .use(initReactI18next)
  .init({
    resources: bundled(),
    // The browser's (Chromium's, in Electron) languages until the settings say otherwise.
    lng: pseudo
      ? PSEUDO_LOCALE
      : pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages),
    fallbackLng: 'en',
    supportedLngs: pseudo ? [...SUPPORTED_LANGUAGES, PSEUDO_LOCALE] : [...SUPPORTED_LANGUAGES],
    initAsync: false,
    interpolation: { escapeValue: false, alwaysFormat: true },
    returnNull: false,
  });

/** The language the app shows now (a supported code). */
export function currentLocale(): string {
  const l = i18n.resolvedLanguage ?? i18n.language;
  return l === PSEUDO_LOCALE || (SUPPORTED_LANGUAGES as readonly string[]).includes(l) ? l : 'en';
}

/** Languages whose translation file is bundled (English always). */
export function bundledLanguages(): Language[] {
  const have = bundled();
  return SUPPORTED_LANGUAGES.filter((l) => have[l] !== undefined);
}

/** Shows the app in a language; one without a bundled file shows English. */
export async function setLanguage(lang: Language): Promise<void> {
  const shown = pseudo ? PSEUDO_LOCALE : lang;
  if (i18n.language !== shown) await i18n.changeLanguage(shown);
  document.documentElement.lang = shown;
}

export default i18n;
