import type { FederatedAnswer } from '../acmg/sheet';
import type { CaseWork, ReportMethod } from '../cases/workChannels';

/**
 * A reference data source and its release (machine text: the report names the source in its
 * language, issue 22); `unavailable` says why a source was missing (the report still renders).
 */
export interface ReportSource {
  readonly kind: 'clinvar' | 'hpo' | 'ranking';
  readonly version: string;
  readonly unavailable?: string;
}

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
    /** When the case was imported (ISO 8601). */
    readonly importedAt: string;
  };
  readonly method: ReportMethod;
  /** The panels the filter used, with their versions. */
  readonly panels: readonly { id: string; label: string; version: string }[];
  /** The releases of the reference data used; the VCF and the federation are named above. */
  readonly sources: readonly ReportSource[];
  readonly work: CaseWork;
  /** Seen-before answers; absent: the federation was not looked up. */
  readonly federated?: readonly FederatedAnswer[];
  readonly generatedAt: string;
  readonly app: string;
}

/** The proband's genotype as a term (a key of the catalogue's `terms.zygosity`; the Phenopacket maps it to GENO). */
export function zygosity(gt: string | null): string {
  if (gt === null || gt === '') return 'unknown';
  const alleles = gt.split(/[/|]/).filter((a) => a !== '.');
  if (alleles.length === 1) return alleles[0] === '0' ? 'reference' : 'hemizygous';
  const alt = alleles.filter((a) => a !== '0').length;
  if (alt === 0) return 'reference';
  return alt === alleles.length ? 'homozygous' : 'heterozygous';
}
