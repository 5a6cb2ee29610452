/**
 * Checks one translation against the English source (issue 22): the same keys (plural keys with
 * exactly the plural categories the language's Intl.PluralRules has: fr, it, es and pt have
 * `many`, which i18next asks for by that name; `_zero` where English has one), and the same
 * {{placeholders}}.
 */

type Tree = { readonly [key: string]: string | Tree };

const PLURAL = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*([\w.]+)(?:\s*,[^}]*)?\s*\}\}/g;

/** Every leaf as "a.b.c" → text. */
export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string): Set<string> =>
  new Set([...s.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''));

export interface ParityReport {
  missing: string[];
  extra: string[];
  /** "key: {{x}} not in English" or "key: lacks {{x}}". */
  placeholders: string[];
}

/** What a language file lacks, has too much, or interpolates differently from English. */
export function compareToEnglish(en: Tree, other: Tree, lang: string): ParityReport {
  const source = flatten(en);
  const target = flatten(other);
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  // English key (or plural base) → the keys the language must have.
  const expected = new Map<string, string[]>();
  const englishForms = new Map<string, string[]>();
  for (const key of source.keys()) {
    const base = key.replace(PLURAL, '');
    if (base === key) {
      expected.set(key, [key]);
      englishForms.set(key, [key]);
    } else {
      // i18next asks for _zero at a count of 0 in every language, when English has one.
      const zero = key.endsWith('_zero') || expected.get(base)?.includes(`${base}_zero`) === true;
      expected.set(base, [
        ...(zero ? [`${base}_zero`] : []),
        ...categories.map((c) => `${base}_${c}`),
      ]);
      englishForms.set(base, [...(englishForms.get(base) ?? []), key]);
    }
  }
  const wanted = new Set([...expected.values()].flat());
  const report: ParityReport = {
    missing: [...wanted].filter((k) => !target.has(k)),
    extra: [...target.keys()].filter((k) => !wanted.has(k)),
    placeholders: [],
  };
  for (const [base, keys] of expected) {
    const forms = englishForms.get(base) ?? [];
    const allowed = new Set(forms.flatMap((k) => [...placeholders(source.get(k) ?? '')]));
    const required = new Set(placeholders(source.get(forms.at(-1) ?? '') ?? ''));
    // A plural form may leave the count out ("one variant"); every other placeholder stays.
    if (keys.length > 1 || base !== keys[0]) required.delete('count');
    for (const key of keys) {
      const text = target.get(key);
      if (text === undefined) continue;
      const have = placeholders(text);
      for (const p of have)
        if (!allowed.has(p)) report.placeholders.push(`${key}: {{${p}}} is not in English`);
      const isOther = key.endsWith('_other') || keys.length === 1;
      if (isOther)
        for (const p of required)
          if (!have.has(p)) report.placeholders.push(`${key}: lacks {{${p}}}`);
    }
  }
  return report;
}

/** The report as lines for a failing test: per language, what to add, remove or fix. */
export function describeReport(lang: string, r: ParityReport): string {
  const lines: string[] = [];
  if (r.missing.length > 0)
    lines.push(
      `${lang}.json lacks ${String(r.missing.length)} keys:`,
      ...r.missing.map((k) => `  ${k}`),
    );
  if (r.extra.length > 0)
    lines.push(
      `${lang}.json has ${String(r.extra.length)} keys English does not:`,
      ...r.extra.map((k) => `  ${k}`),
    );
  if (r.placeholders.length > 0)
    lines.push(`${lang}.json placeholders differ:`, ...r.placeholders.map((k) => `  ${k}`));
  return lines.join('\n');
}
