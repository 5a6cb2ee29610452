import type { Language } from '../languages';
import { formatNumber } from '../format';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import fi from './fi.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import it from './it.json' with { type: 'json' };
import pt from './pt.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };

/**
 * The strings of the documents main writes (the clinical report) and the clinical words both
 * processes show (ACMG classes, zygosity, inheritance, SO consequences, DUO terms), one catalogue
 * per language (issue 22, decision 0048). Main renders with `documentTranslator`; the renderer
 * merges the same trees into its i18next resources, so a word reads the same on screen and on paper.
 */
export type Catalogue = { readonly [key: string]: string | Catalogue };

export const DOCUMENT_CATALOGUES: Readonly<Record<Language, Catalogue>> = {
  en,
  de,
  fr,
  it,
  es,
  pt,
  fi,
  sv,
};

/** Values a document string interpolates: numbers are shown in the language, text as it is. */
export type Values = Readonly<Record<string, string | number>>;

/** Placeholders that hold identifiers, never grouped (the renderer's i18n keeps the same list). */
const VERBATIM = new Set(['id', 'line', 'version', 'release', 'caseId', 'patient', 'tier', 'year']);

function lookup(tree: Catalogue, key: string): string | undefined {
  let at: string | Catalogue | undefined = tree;
  for (const part of key.split('.')) {
    if (at === undefined || typeof at === 'string') return undefined;
    at = at[part];
  }
  return typeof at === 'string' ? at : undefined;
}

/** A translate function for one language, i18next's rules in small: plural keys, {{x}}, fallback. */
export type DocumentT = (key: string, values?: Values) => string;

/**
 * Translates document keys in `lang`, falling back to English key by key (like the renderer), and
 * to the key itself when even English lacks it, so a missing string shows rather than vanishes.
 * A `count` picks the plural form by Intl.PluralRules (and `_zero` at 0 where there is one).
 */
export function documentTranslator(lang: Language): DocumentT {
  const rules = new Intl.PluralRules(lang);
  const find = (key: string): string | undefined =>
    lookup(DOCUMENT_CATALOGUES[lang], key) ?? lookup(DOCUMENT_CATALOGUES.en, key);
  return (key, values = {}) => {
    const count = values['count'];
    let text: string | undefined;
    if (typeof count === 'number') {
      text =
        (count === 0 ? find(`${key}_zero`) : undefined) ??
        find(`${key}_${rules.select(count)}`) ??
        find(`${key}_other`);
    }
    text ??= find(key) ?? key;
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
      const v = values[name];
      if (v === undefined) return whole;
      return typeof v === 'number' && !VERBATIM.has(name) ? formatNumber(v, lang) : String(v);
    });
  };
}

/** A term's translation when the catalogue has one, else the term as the data carries it. */
export function termText(t: DocumentT, group: string, term: string): string {
  const key = `terms.${group}.${term.replaceAll(':', '_')}`;
  const text = t(key);
  return text === key ? term : text;
}
