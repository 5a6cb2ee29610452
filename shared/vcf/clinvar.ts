// ClinVar-style INFO keys (as in ClinVar's VCF, or copied there by annotators) and the INFO keys
// that hold population allele frequencies.
import { FREQUENCY_FIELD } from './annotations';
import type { VcfHeader, VcfRecord, VcfValue } from './types';

/** ClinVar's own INFO keys (as in ClinVar's VCF, or copied by annotators). */
export interface ClinVarInfo {
  readonly significance: string | null;
  readonly reviewStatus: string | null;
  readonly conditions: readonly string[];
  readonly alleleId: string | null;
  readonly geneInfo: string | null;
}

const joined = (v: VcfValue | undefined): string | null => {
  if (v === undefined || v === null || v === true) return null;
  if (Array.isArray(v)) return v.filter((x) => x !== null).join(',') || null;
  return String(v);
};

/** The ClinVar INFO keys of a record, or undefined when it has none. */
export function clinvarInfo(record: VcfRecord): ClinVarInfo | undefined {
  const sig = record.infoValue('CLNSIG');
  const rev = record.infoValue('CLNREVSTAT');
  const dn = record.infoValue('CLNDN');
  if (sig === undefined && rev === undefined && dn === undefined) return undefined;
  return {
    significance: joined(sig),
    reviewStatus: joined(rev),
    conditions: (joined(dn) ?? '').split(/[|,]/).filter((c) => c !== '' && c !== '.'),
    alleleId: joined(record.infoValue('ALLELEID')),
    geneInfo: joined(record.infoValue('GENEINFO')),
  };
}

/**
 * INFO keys that hold population allele frequencies (gnomAD_AF, EAS_AF, AF_popmax, …). The bare
 * `AF` is left out: in a patient's VCF it is the sample's own allele fraction, not a population's.
 */
export function frequencyInfoKeys(header: VcfHeader): string[] {
  return [...header.info.values()]
    .filter((d) => d.id !== 'AF' && d.type === 'Float' && FREQUENCY_FIELD.test(d.id))
    .map((d) => d.id);
}
