import type { FederatedAnswer } from '../acmg/sheet';
import type { CaseFilter } from '../cases/filters';
import { errorSaid } from '../acmg/federationFrequency';
import { saidText } from '../acmg/saidWords';
import type { DocumentT } from '../i18n/documents';
import { termText } from '../i18n/documents';
import { formatCountRange, formatDateTime, formatNumber } from '../i18n/format';

/**
 * The report's sentences in the reader's language (issue 22): every word through the document
 * catalogue, every number and date through shared/i18n/format.ts. Codes (HPO ids, HGVS, criteria,
 * FILTER/PASS, GQ/DP/AB/AF) stay as written, so the English and translated reports name the same things.
 */

/** A date and time with its zone, so a report read abroad is not an hour off. */
export const reportTime = (at: string, lang: string): string =>
  formatDateTime(at, lang, { dateStyle: 'medium', timeStyle: 'long' });

/** The inheritance modes a variant fits ("de novo; autosomal dominant (possible)"). */
export function inheritanceText(t: DocumentT, modes: readonly string[]): string {
  if (modes.length === 0) return t('terms.inheritance.none');
  return modes
    .map((m) => {
      const word = termText(t, 'inheritance', m.replace(/\?$/, ''));
      return m.endsWith('?') ? t('terms.inheritance.possible', { mode: word }) : word;
    })
    .join('; ');
}

/** The filter in words, one line per step that is set. */
export function filterLines(t: DocumentT, lang: string, f: CaseFilter): string[] {
  const out: string[] = [];
  const num = (n: number): string => formatNumber(n, lang, 6);
  if ((f.panels?.length ?? 0) > 0 || (f.genes?.length ?? 0) > 0) {
    const panels = (f.panels ?? []).map((id) => t('report.filterLine.panel', { id }));
    out.push(t('report.filterLine.genes', { list: [...panels, ...(f.genes ?? [])].join(', ') }));
  }
  if ((f.regions?.length ?? 0) > 0)
    out.push(t('report.filterLine.regions', { count: f.regions?.length ?? 0 }));
  if ((f.consequences?.length ?? 0) > 0) {
    const list = (f.consequences ?? []).map((c) => `${termText(t, 'consequence', c)} (${c})`);
    out.push(t('report.filterLine.consequences', { list: list.join(', ') }));
  }
  if ((f.impacts?.length ?? 0) > 0)
    out.push(t('report.filterLine.impacts', { list: (f.impacts ?? []).join(', ') }));
  if (f.passOnly === true) out.push(t('report.filterLine.passOnly'));
  const q = [
    f.minGq === undefined ? '' : `GQ ≥ ${num(f.minGq)}`,
    f.minDp === undefined ? '' : `DP ≥ ${num(f.minDp)}`,
    f.minAb === undefined ? '' : `AB ≥ ${num(f.minAb)}`,
    f.maxAb === undefined ? '' : `AB ≤ ${num(f.maxAb)}`,
  ].filter((x) => x !== '');
  if (q.length > 0) out.push(t('report.filterLine.callQuality', { list: q.join(', ') }));
  if (f.maxPopAf !== undefined)
    out.push(t('report.filterLine.populationAf', { max: num(f.maxPopAf) }));
  if (f.maxCohortFrequency !== undefined)
    out.push(
      t('report.filterLine.cohortFrequency', {
        max: num(f.maxCohortFrequency.max),
        by: t(`report.filterLine.per.${f.maxCohortFrequency.by ?? 'dataset'}`),
      }),
    );
  if ((f.inheritance?.length ?? 0) > 0) {
    const modes = inheritanceText(t, f.inheritance ?? []);
    out.push(
      t('report.filterLine.inheritance', {
        modes: f.includePossible === false ? t('report.filterLine.certainOnly', { modes }) : modes,
      }),
    );
  }
  return out.length === 0 ? [t('report.filterLine.none')] : out;
}

/** What the report cannot say (shown in every report). */
export const limitations = (t: DocumentT): string[] =>
  ['indels', 'coverage', 'structural', 'frequencies', 'clinvar', 'acmg'].map((k) =>
    t(`report.limitation.${k}`),
  );

/**
 * A failed lookup an earlier version stored without its problem's code (issue 22, decision 0077):
 * how it ended in words (its status, when stored) and main's English as written, which no code
 * words (decision 0071); `english` is undefined when the stored text was only the status.
 */
export function storedError(
  t: DocumentT,
  a: FederatedAnswer,
): { status: string; english: string | undefined } | undefined {
  if (a.error === undefined || a.problem !== undefined) return undefined;
  return {
    status: t(`report.federation.status.${a.status ?? 'error'}`),
    english: a.error === a.status ? undefined : a.error,
  };
}

/**
 * A stored failure's words with its English in English quotes (the report's HTML quotes it in a
 * `<q lang="en">` instead), or undefined for an answer that has its code.
 */
function storedErrorWords(t: DocumentT, a: FederatedAnswer): string | undefined {
  const stored = storedError(t, a);
  if (stored === undefined) return undefined;
  return stored.english === undefined
    ? t('report.federation.error', { error: stored.status })
    : t('report.federation.errorStored', {
        status: stored.status,
        message: `“${stored.english}”`,
      });
}

/** A federated answer's carriers as the node gave them ("<10" kept as a range's bound). */
export function answerWords(t: DocumentT, lang: string, a: FederatedAnswer): string {
  const stored = storedErrorWords(t, a);
  if (stored !== undefined) return stored;
  if (a.error !== undefined) {
    const error = errorSaid(a, a.error);
    return t('report.federation.error', {
      error: typeof error === 'string' ? error : saidText(t, lang, error),
    });
  }
  const r = a.countRange;
  if (r !== undefined)
    return r.min === 1 && r.max > 1
      ? `<${formatNumber(r.max + 1, lang, 0)}`
      : formatCountRange(r, lang);
  if (a.count !== null) return formatNumber(a.count, lang, 0);
  if (a.exists === null) return t('report.federation.unknown');
  return t(a.exists ? 'report.federation.yes' : 'report.federation.no');
}

/** A dataset's size as the node gave it, or "not given". */
export const individualsWords = (t: DocumentT, lang: string, a: FederatedAnswer): string =>
  a.individuals === undefined
    ? t('report.federation.notGiven')
    : formatCountRange(a.individuals, lang);
