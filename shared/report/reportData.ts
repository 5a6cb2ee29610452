import type { FederatedAnswer } from '../acmg/sheet';
import type { CaseFilter } from '../cases/filters';
import type { CaseWork, ReportMethod } from '../cases/workChannels';

/** Everything the clinical report shows (issue 18), gathered by main from the case and its work. */
export interface ReportData {
  readonly caseId: string;
  readonly patientId: string;
  readonly sex: string;
  readonly phenotype: {
    readonly observed: readonly { id: string; label?: string | undefined }[];
    readonly excluded: readonly { id: string; label?: string | undefined }[];
  };
  readonly members: readonly { member: string; role: string; affected: boolean | null }[];
  readonly vcf: {
    readonly name: string;
    readonly version: string;
    readonly annotations: readonly string[];
    readonly frequencyFields: readonly string[];
  };
  readonly method: ReportMethod;
  /** The panels the filter used, with their versions. */
  readonly panels: readonly { id: string; label: string; version: string }[];
  readonly sources: readonly { name: string; version: string }[];
  readonly work: CaseWork;
  /** Seen-before answers; absent: the federation was not looked up. */
  readonly federated?: readonly FederatedAnswer[];
  readonly generatedAt: string;
  readonly app: string;
}

/** The proband's genotype in words. */
export function zygosity(gt: string | null): string {
  if (gt === null || gt === '') return 'unknown';
  const alleles = gt.split(/[/|]/).filter((a) => a !== '.');
  if (alleles.length === 1) return alleles[0] === '0' ? 'reference' : 'hemizygous';
  const alt = alleles.filter((a) => a !== '0').length;
  if (alt === 0) return 'reference';
  return alt === alleles.length ? 'homozygous' : 'heterozygous';
}

/** The inheritance modes a variant fits, in words ("de novo; autosomal dominant (possible)"). */
export function inheritanceText(modes: readonly string[]): string {
  if (modes.length === 0) return 'no mode fitted';
  return modes
    .map((m) => {
      const possible = m.endsWith('?');
      const word = m.replace(/\?$/, '').replaceAll('_', ' ').replace('het', 'heterozygous');
      return possible ? `${word} (possible)` : word;
    })
    .join('; ');
}

/** The filter in words, one line per step that is set. */
export function filterLines(f: CaseFilter): string[] {
  const out: string[] = [];
  if ((f.panels?.length ?? 0) > 0 || (f.genes?.length ?? 0) > 0)
    out.push(
      `Genes: ${[...(f.panels ?? []).map((p) => `panel ${p}`), ...(f.genes ?? [])].join(', ')}`,
    );
  if ((f.regions?.length ?? 0) > 0) out.push(`Regions: ${f.regions?.length ?? 0} from a BED file`);
  if ((f.consequences?.length ?? 0) > 0)
    out.push(`Consequences: ${(f.consequences ?? []).join(', ')}`);
  if ((f.impacts?.length ?? 0) > 0) out.push(`Impacts: ${(f.impacts ?? []).join(', ')}`);
  if (f.passOnly === true) out.push('FILTER is PASS');
  const q = [
    f.minGq === undefined ? '' : `GQ ≥ ${f.minGq}`,
    f.minDp === undefined ? '' : `DP ≥ ${f.minDp}`,
    f.minAb === undefined ? '' : `AB ≥ ${f.minAb}`,
    f.maxAb === undefined ? '' : `AB ≤ ${f.maxAb}`,
  ].filter((x) => x !== '');
  if (q.length > 0) out.push(`Call quality: ${q.join(', ')}`);
  if (f.maxPopAf !== undefined) out.push(`Population AF ≤ ${f.maxPopAf}`);
  if (f.maxCohortFrequency !== undefined)
    out.push(
      `Local cohort frequency ≤ ${f.maxCohortFrequency.max} per ${f.maxCohortFrequency.by ?? 'dataset'}`,
    );
  if ((f.inheritance?.length ?? 0) > 0)
    out.push(
      `Inheritance: ${inheritanceText(f.inheritance ?? [])}${f.includePossible === false ? ' (certain fits only)' : ''}`,
    );
  return out.length === 0 ? ['No filter: every variant of the case'] : out;
}

/** What the report cannot say (shown in every report). */
export const LIMITATIONS: readonly string[] = [
  'Indels are matched on their minimal representation and not left-aligned (no reference sequence offline): the same indel written differently elsewhere may not match.',
  'Coverage was not assessed: absence of a variant is not evidence of absence at that position.',
  'Copy-number, structural and repeat-expansion variants were not assessed.',
  'Population frequencies are those the VCF carries and the local cohort cache; the federation only where looked up.',
  'ClinVar assertions come from an extract covering a few hereditary-cancer genes; elsewhere none are shown.',
  'ACMG/AMP criteria were suggested by software from the data above and each was accepted or rejected by the signing clinician; parentage was not confirmed by the software.',
];
