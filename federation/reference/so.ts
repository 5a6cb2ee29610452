/**
 * Sequence Ontology consequence terms the generator assigns, with their SO ids and labels (SO release
 * 2024-06-05; the same terms and impact classes Ensembl VEP reports). Hand-listed: SO is not in the shared data.
 */
export type Impact = 'HIGH' | 'MODERATE' | 'LOW' | 'MODIFIER';

export interface SoTerm {
  readonly id: string;
  readonly label: string;
  readonly impact: Impact;
  /** Whether the consequence changes the protein sequence (gets an hgvs_p). */
  readonly coding: boolean;
}

export const SO_TERMS: readonly SoTerm[] = [
  { id: 'SO:0001587', label: 'stop_gained', impact: 'HIGH', coding: true },
  { id: 'SO:0001589', label: 'frameshift_variant', impact: 'HIGH', coding: true },
  { id: 'SO:0001575', label: 'splice_donor_variant', impact: 'HIGH', coding: false },
  { id: 'SO:0001574', label: 'splice_acceptor_variant', impact: 'HIGH', coding: false },
  { id: 'SO:0002012', label: 'start_lost', impact: 'HIGH', coding: true },
  { id: 'SO:0001583', label: 'missense_variant', impact: 'MODERATE', coding: true },
  { id: 'SO:0001822', label: 'inframe_deletion', impact: 'MODERATE', coding: true },
  { id: 'SO:0001630', label: 'splice_region_variant', impact: 'LOW', coding: false },
  { id: 'SO:0001819', label: 'synonymous_variant', impact: 'LOW', coding: true },
  { id: 'SO:0001623', label: '5_prime_UTR_variant', impact: 'MODIFIER', coding: false },
  { id: 'SO:0001624', label: '3_prime_UTR_variant', impact: 'MODIFIER', coding: false },
  { id: 'SO:0001627', label: 'intron_variant', impact: 'MODIFIER', coding: false },
];

const byLabel = new Map(SO_TERMS.map((t) => [t.label, t]));

/** The SO term for a consequence label such as 'missense_variant'. */
export function soTerm(label: string): SoTerm {
  const t = byLabel.get(label);
  if (!t) throw new Error(`unknown SO consequence ${label}`);
  return t;
}
