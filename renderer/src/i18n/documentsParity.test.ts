import { describe, expect, it } from 'vitest';
import { DOCUMENT_CATALOGUES } from '../../../shared/i18n/documents';
import { SUPPORTED_LANGUAGES } from '../../../shared/i18n/languages';
import en from './en.json';
import { compareToEnglish, describeReport, flatten } from './parity';

// The document catalogues (report strings and clinical terms, decision 0048) follow the same rules
// as the app's files: every key, placeholder and plural form of English, in every language.
describe('issue 22: every document catalogue has exactly the English keys, placeholders and plural forms', () => {
  it.each(SUPPORTED_LANGUAGES.filter((l) => l !== 'en'))(
    'shared/i18n/documents/%s.json',
    (lang) => {
      const report = compareToEnglish(DOCUMENT_CATALOGUES.en, DOCUMENT_CATALOGUES[lang], lang);
      expect(describeReport(lang, report), 'keys or placeholders differ from en.json').toBe('');
    },
  );

  it('no top-level key of a catalogue collides with the app’s own strings (they merge into one tree)', () => {
    const app = new Set(Object.keys(en));
    expect(Object.keys(DOCUMENT_CATALOGUES.en).filter((k) => app.has(k))).toEqual([]);
    expect(flatten(DOCUMENT_CATALOGUES.en).size).toBeGreaterThan(100);
  });
});
