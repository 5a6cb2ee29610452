/**
 * Which cached datasets may leave the app in an individual-level export (issue 6), from the DUO
 * terms the node attached and the purpose declared when the dataset was pulled (DATA-07).
 * A refusal names the exact term so the note in the export says why a dataset was left out.
 */

/** What the export rules need to know about one cached dataset (a subset of its manifest). */
export interface ExportSubject {
  readonly datasetId: string;
  readonly duo: readonly { readonly id: string; readonly label: string }[];
  readonly purpose: 'clinical-care' | 'research';
  readonly allowLocalCopies: boolean;
}

export interface ExportDecision {
  readonly datasetId: string;
  readonly allowed: boolean;
  /** Why the dataset is left out (empty when allowed). */
  readonly reasons: string[];
  /** Conditions the recipient must honour (written into the export's note). */
  readonly conditions: string[];
}

export const DUO = {
  GRU: 'DUO:0000042',
  HMB: 'DUO:0000006',
  DS: 'DUO:0000007',
  CC: 'DUO:0000043',
  NPU: 'DUO:0000045',
  PUB: 'DUO:0000019',
  COL: 'DUO:0000020',
  IS: 'DUO:0000028',
  GS: 'DUO:0000022',
  NCU: 'DUO:0000046',
} as const;

const RESEARCH = new Set<string>([DUO.GRU, DUO.HMB, DUO.DS]);

const CONDITION_TEXT: Record<string, string> = {
  [DUO.NPU]: 'not-for-profit use only (DUO:0000045)',
  [DUO.NCU]: 'non-commercial use only (DUO:0000046)',
  [DUO.PUB]: 'publication of results required (DUO:0000019)',
  [DUO.COL]: 'collaboration with the primary study required (DUO:0000020)',
  [DUO.GS]: 'geographical restriction applies (DUO:0000022)',
};

/**
 * Decides one dataset. Left out when: the node forbade local copies; the declared purpose is not
 * one its DUO terms permit (clinical care needs CC; research needs GRU, HMB or DS); DS (disease
 * specific) and the cohort names no disease; IS (institution specific) since a file leaves the app.
 */
export function exportDecision(d: ExportSubject, cohortHasDiseaseFilter: boolean): ExportDecision {
  const ids = new Set(d.duo.map((t) => t.id));
  const reasons: string[] = [];
  if (!d.allowLocalCopies) reasons.push(`${d.datasetId}: the node does not permit local copies.`);
  if (d.purpose === 'clinical-care' && !ids.has(DUO.CC))
    reasons.push(
      `${d.datasetId}: pulled for clinical care, but its terms lack DUO:0000043 (clinical care use).`,
    );
  if (d.purpose === 'research' && ![...ids].some((id) => RESEARCH.has(id)))
    reasons.push(
      `${d.datasetId}: pulled for research, but its terms permit no research use (GRU, HMB or DS).`,
    );
  if (
    d.purpose === 'research' &&
    ids.has(DUO.DS) &&
    !ids.has(DUO.GRU) &&
    !ids.has(DUO.HMB) &&
    !cohortHasDiseaseFilter
  )
    reasons.push(
      `${d.datasetId}: DUO:0000007 limits use to a disease; add the disease to the cohort first.`,
    );
  if (ids.has(DUO.IS))
    reasons.push(
      `${d.datasetId}: DUO:0000028 (institution specific) forbids files leaving this app.`,
    );
  const conditions = [...ids].flatMap((id) => {
    const text = CONDITION_TEXT[id];
    return text === undefined ? [] : [`${d.datasetId}: ${text}`];
  });
  return { datasetId: d.datasetId, allowed: reasons.length === 0, reasons, conditions };
}

/** Decides every dataset; the allowed ids go into the export, the rest into its note. */
export function exportPlan(
  datasets: readonly ExportSubject[],
  cohortHasDiseaseFilter: boolean,
): { allowed: string[]; decisions: ExportDecision[] } {
  const decisions = datasets.map((d) => exportDecision(d, cohortHasDiseaseFilter));
  return { allowed: decisions.filter((d) => d.allowed).map((d) => d.datasetId), decisions };
}
