import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../../../shared/i18n/languages';
import en from './en.json';
import { compareToEnglish, describeReport } from './parity';

// Every translation file present (bundled the same way the app bundles them).
const files = import.meta.glob<{ default: Record<string, never> }>('./*.json', { eager: true });
const present = Object.keys(files)
  .map((f) => /^\.\/([a-z]{2})\.json$/.exec(f)?.[1])
  .filter((l): l is string => l !== undefined && l !== 'en');

describe('issue 22: every translation has exactly the English keys, placeholders and plural forms', () => {
  it('only supported languages have a file', () => {
    expect(present.filter((l) => !(SUPPORTED_LANGUAGES as readonly string[]).includes(l))).toEqual(
      [],
    );
  });

  // A missing file is not an error here: the app falls back to English (translations land apart).
  it.each(present)('%s.json matches en.json', (lang) => {
    const other = files[`./${lang}.json`]?.default ?? {};
    const report = compareToEnglish(en, other, lang);
    expect(describeReport(lang, report), 'keys or placeholders differ from en.json').toBe('');
  });
});

describe('the parity check itself', () => {
  const source = {
    a: 'Hello {{name}}',
    n: { x_one: 'one thing', x_other: '{{count}} things in {{place}}' },
  };

  it('finds missing, extra and misplaced placeholders', () => {
    const r = compareToEnglish(
      source,
      { a: 'Hallo {{nom}}', b: 'extra', n: { x_one: 'ein Ding' } },
      'de',
    );
    expect(r.missing).toEqual(['n.x_other']);
    expect(r.extra).toEqual(['b']);
    expect(r.placeholders).toEqual(['a: {{nom}} is not in English', 'a: lacks {{name}}']);
    expect(describeReport('de', r)).toContain('de.json lacks 1 keys:\n  n.x_other');
  });

  it('asks French for one, many and other, and German for one and other only', () => {
    const fr = compareToEnglish(
      source,
      { a: '{{name}}', n: { x_one: 'une', x_other: '{{count}} à {{place}}' } },
      'fr',
    );
    expect(fr.missing).toEqual(['n.x_many']);
    const de = compareToEnglish(
      source,
      { a: '{{name}}', n: { x_one: 'eins', x_many: 'x', x_other: '{{count}} in {{place}}' } },
      'de',
    );
    expect(de.extra).toEqual(['n.x_many']);
    expect(de.missing).toEqual([]);
  });

  it('a translated _other must keep every placeholder but a _one may drop the count', () => {
    const r = compareToEnglish(
      source,
      { a: '{{name}}', n: { x_one: 'ein Ding', x_other: '{{count}} Dinge' } },
      'de',
    );
    expect(r.placeholders).toEqual(['n.x_other: lacks {{place}}']);
  });
});
