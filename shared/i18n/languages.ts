import { z } from 'zod';

/**
 * The app's languages (issue 22): English plus the demo nodes' countries and the largest EU
 * languages. English is the source; the others are translations that may lag behind it.
 */
export const SUPPORTED_LANGUAGES = ['en', 'de', 'fr', 'it', 'es', 'pt', 'fi', 'sv'] as const;

export type Language = (typeof SUPPORTED_LANGUAGES)[number];

export const LanguageSchema = z.enum(SUPPORTED_LANGUAGES);

/** Each language's name in itself, so a person can find theirs whatever the app shows now. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  it: 'Italiano',
  es: 'Español',
  pt: 'Português',
  fi: 'Suomi',
  sv: 'Svenska',
};

/** The supported language a BCP 47 tag ("de-AT", "pt_BR", "fr") belongs to, if any. */
export function languageOf(tag: string): Language | undefined {
  const base = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return SUPPORTED_LANGUAGES.find((l) => l === base);
}

/**
 * The first supported language among the operating system's preferences (in order), else English:
 * the app starts in the clinician's own language when it has it (issue 22).
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const l = languageOf(tag);
    if (l !== undefined) return l;
  }
  return 'en';
}

/** The language setting: a supported language, or 'system' to follow the OS (or browser). */
export type LanguageSetting = 'system' | Language;

/**
 * The language to show: the setting when it names one, else the first supported one among the
 * OS's (Electron) or browser's (browser mode) preferences, else English.
 */
export function chooseLanguage(setting: LanguageSetting, preferred: readonly string[]): Language {
  return setting === 'system' ? pickLanguage(preferred) : setting;
}
