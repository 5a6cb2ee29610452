import type { TFunction } from 'i18next';
import { DUO_TERMS } from '../../../shared/vault/duo.data';
import type { PullReason, TermRef } from '../../../shared/vault/pullReason';
import type { PullJob } from '../../../shared/vault/vault';
import type { ExportDecision } from '../../../shared/vault/exportRules';
import { codedText } from './codedText';
import { currentLocale } from '.';

const SHORTHAND = new Map(DUO_TERMS.map(([id, short]) => [id, short]));

/**
 * A DUO term inside a sentence: its label in the reader's language with the standard shorthand and
 * id kept ("krankheitsspezifische Forschung (DS, DUO:0000007)"); a term the app does not know keeps
 * the label the node sent, and a term without one is its id.
 */
export function duoInText(t: TFunction, term: TermRef): string {
  const words = t(`terms.duo.${term.id.replace(':', '_')}`, { defaultValue: term.label ?? '' });
  const short = SHORTHAND.get(term.id);
  const code = short === undefined || short === '' ? term.id : `${short}, ${term.id}`;
  return words === '' || words === term.id ? term.id : `${words} (${code})`;
}

/** A disease as the node or the person named it: label (as given: HPO labels stay English) and id. */
const disease = (d: TermRef): string => (d.label === undefined ? d.id : `${d.label} (${d.id})`);

const list = (items: string[], type: 'conjunction' | 'disjunction'): string =>
  new Intl.ListFormat(currentLocale(), { style: 'long', type }).format(items);

/**
 * Why a pull is refused, in the reader's language (issue 22, decision 0070): the check's code with
 * its DUO terms worded and its lists joined as the language joins them; main's English when the
 * check came without codes (an older main).
 */
export function pullReasonText(
  t: TFunction,
  reason: PullReason | undefined,
  english: string,
): string {
  if (reason === undefined) return english;
  const p = reason.params ?? {};
  const values: Record<string, string | number> = { ...p };
  const [first] = reason.terms ?? [];
  if (first !== undefined) {
    values.term = duoInText(t, first);
    values.has = list(
      (reason.terms ?? []).map((x) => duoInText(t, x)),
      'conjunction',
    );
  }
  if (reason.within !== undefined) values.within = list(reason.within.map(disease), 'disjunction');
  if (typeof p.disease === 'string')
    values.disease = disease({
      id: p.disease,
      ...(typeof p.diseaseLabel === 'string' ? { label: p.diseaseLabel } : {}),
    });
  return t(`coded.pullReason.${reason.code}`, { ...values, defaultValue: english });
}

/**
 * What a pull job says, in the reader's language: main's code (`mainCoded.pull.*`), the vault's
 * reason when it deleted the job's staged pages, else main's English as it came (a job of an
 * older main).
 */
export function pullJobText(
  t: TFunction,
  job: Pick<PullJob, 'message' | 'said' | 'purged'>,
): string {
  const english = job.message ?? '';
  if (job.said !== undefined)
    return t(`mainCoded.pull.${job.said.key}`, { ...job.said.params, defaultValue: english });
  if (job.purged !== undefined) return codedText(t, 'vaultNote', job.purged, english);
  return english;
}

/**
 * A cohort export's note in the reader's language (issue 22, decision 0077): per dataset, why it
 * was left out (the DUO reasons worded as the pull check's) and the conditions its rows carry (DUO
 * terms worded). The note written into the export stays English (decision 0048); a line without
 * its code is main's English as it came.
 */
export function exportNoteText(t: TFunction, decisions: readonly ExportDecision[]): string[] {
  return decisions.flatMap((d) => [
    ...d.reasons.map((english, i) => {
      const said = d.said?.[i];
      return said === undefined
        ? english
        : t('cohorts.export.leftOut', {
            dataset: d.datasetId,
            reason: pullReasonText(t, said, english),
          });
    }),
    ...d.conditions.map((english, i) => {
      const term = d.conditionTerms?.[i];
      return term === undefined
        ? english
        : t('cohorts.export.condition', { dataset: d.datasetId, term: duoInText(t, term) });
    }),
  ]);
}
