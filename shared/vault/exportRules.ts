import type { DuoTerm } from '../federation/directory';
import type { Purpose } from './vault';
import { DUO, readDuo } from './duoRules';
import type { PullReason, TermRef } from './pullReason';

/**
 * DATA-07, issue 6: may a cached dataset's rows leave the app in an export? The DUO table and its
 * reading are the pull's (duoRules.ts); the export adds its own reasons. Every reason carries its
 * code beside the English of the export's note (issue 22, decision 0077).
 */

/** What the export rules need to know about one cached dataset (a subset of its manifest). */
export interface ExportSubject {
  readonly datasetId: string;
  readonly duo: readonly DuoTerm[];
  readonly purpose: Purpose;
  readonly allowLocalCopies: boolean;
}

export interface ExportDecision {
  readonly datasetId: string;
  readonly allowed: boolean;
  /** Why the dataset is left out (empty when allowed). */
  readonly reasons: string[];
  /** `reasons` as codes, in the same order, for the window's words (issue 22, decision 0077). */
  readonly said?: PullReason[];
  /** Conditions the recipient must honour (written into the export's note). */
  readonly conditions: string[];
  /** The DUO term of each of `conditions`, in the same order (worded in the window). */
  readonly conditionTerms?: TermRef[];
}

/**
 * Decides whether one cached dataset's rows may leave the app in an export (issue 6). Everything
 * the pull rules deny denies here too; on top, an export is left out when the node forbade local
 * copies, or the terms are DS only (disease specific) and the cohort names no disease. A refusal
 * names the exact term so the export's note says why a dataset was left out.
 */
export function exportDecision(d: ExportSubject, cohortHasDiseaseFilter: boolean): ExportDecision {
  const ids = new Set(d.duo.map((t) => t.id));
  const r = readDuo(d.duo, d.purpose);
  const reasons: string[] = [];
  const said: PullReason[] = [];
  // The English for the note (the file and the command line), the code for the window: the
  // export's own reasons have no term; the DUO denials are the pull's (decision 0070).
  const say = (text: string, code: PullReason): void => {
    reasons.push(`${d.datasetId}: ${text}`);
    said.push(code);
  };
  if (!d.allowLocalCopies)
    say('the node does not permit local copies.', { code: 'export-no-copies' });
  if (!r.permitted && d.purpose === 'clinical-care')
    say('pulled for clinical care, but its terms lack DUO:0000043 (clinical care use).', {
      code: 'export-purpose-clinical-care',
    });
  if (!r.permitted && d.purpose === 'research')
    say('pulled for research, but its terms permit no research use (GRU, HMB, DS, POA or NRES).', {
      code: 'export-purpose-research',
    });
  if (
    d.purpose === 'research' &&
    ids.has(DUO.DS) &&
    !ids.has(DUO.GRU) &&
    !ids.has(DUO.HMB) &&
    !cohortHasDiseaseFilter
  )
    say('DUO:0000007 limits use to a disease; add the disease to the cohort first.', {
      code: 'export-ds-no-disease',
    });
  r.denials.forEach((x) => say(x.text, x.said));
  const conditions = r.obligations.map((o) => `${d.datasetId}: ${o.rule.name} (${o.id})`);
  const conditionTerms = r.obligations.map((o) => ({ id: o.id }));
  return {
    datasetId: d.datasetId,
    allowed: reasons.length === 0,
    reasons,
    said,
    conditions,
    conditionTerms,
  };
}

/** Decides every dataset; the allowed ids go into the export, the rest into its note. */
export function exportPlan(
  datasets: readonly ExportSubject[],
  cohortHasDiseaseFilter: boolean,
): { allowed: string[]; decisions: ExportDecision[] } {
  const decisions = datasets.map((d) => exportDecision(d, cohortHasDiseaseFilter));
  return { allowed: decisions.filter((d) => d.allowed).map((d) => d.datasetId), decisions };
}
