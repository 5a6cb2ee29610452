/**
 * Sequence Ontology consequence terms, most severe first (Ensembl VEP's order, SnpEff's own names
 * beside theirs), and the bit mask the case database stores per allele (`variants.csq_mask`), so
 * the consequence filter is one integer AND in both DuckDB engines instead of a list scan.
 */
export const CONSEQUENCE_ORDER = [
  'transcript_ablation',
  'splice_acceptor_variant',
  'splice_donor_variant',
  'stop_gained',
  'frameshift_variant',
  'stop_lost',
  'start_lost',
  'transcript_amplification',
  'feature_elongation',
  'feature_truncation',
  'inframe_insertion',
  'inframe_deletion',
  'missense_variant',
  'protein_altering_variant',
  'splice_donor_5th_base_variant',
  'splice_region_variant',
  'splice_donor_region_variant',
  'splice_polypyrimidine_tract_variant',
  'incomplete_terminal_codon_variant',
  'start_retained_variant',
  'stop_retained_variant',
  'synonymous_variant',
  'coding_sequence_variant',
  'mature_miRNA_variant',
  '5_prime_UTR_variant',
  '3_prime_UTR_variant',
  'non_coding_transcript_exon_variant',
  'intron_variant',
  'NMD_transcript_variant',
  'non_coding_transcript_variant',
  'coding_transcript_variant',
  'upstream_gene_variant',
  'downstream_gene_variant',
  'TFBS_ablation',
  'TFBS_amplification',
  'TF_binding_site_variant',
  'regulatory_region_ablation',
  'regulatory_region_amplification',
  'regulatory_region_variant',
  'intergenic_variant',
  'sequence_variant',
] as const;

/** SnpEff names for the same terms. */
const ALIASES: Readonly<Record<string, string>> = {
  intergenic_region: 'intergenic_variant',
  '5_prime_UTR_premature_start_codon_gain_variant': '5_prime_UTR_variant',
  non_coding_exon_variant: 'non_coding_transcript_exon_variant',
  conservative_inframe_insertion: 'inframe_insertion',
  disruptive_inframe_insertion: 'inframe_insertion',
  conservative_inframe_deletion: 'inframe_deletion',
  disruptive_inframe_deletion: 'inframe_deletion',
  exon_loss_variant: 'transcript_ablation',
  initiator_codon_variant: 'start_retained_variant',
  gene_fusion: 'transcript_ablation',
  bidirectional_gene_fusion: 'transcript_ablation',
};

/** The bit of terms not in the list (still filterable as "other"). */
export const OTHER_BIT = 62;
const RANK = new Map<string, number>(CONSEQUENCE_ORDER.map((t, i) => [t, i]));

/** The canonical name of a term (SnpEff aliases mapped to VEP's). */
export const canonicalTerm = (term: string): string => ALIASES[term] ?? term;

/** Severity rank: 0 is the most severe; unknown terms after every known one. */
export function severity(term: string): number {
  return RANK.get(canonicalTerm(term)) ?? CONSEQUENCE_ORDER.length;
}

/** The most severe of an annotation's terms (CONSEQUENCE_ORDER), or null for none. */
export function mostSevere(terms: readonly string[]): string | null {
  let best: string | null = null;
  for (const t of terms) if (best === null || severity(t) < severity(best)) best = t;
  return best;
}

/** The bit of one term. */
export function termBit(term: string): number {
  return RANK.get(canonicalTerm(term)) ?? OTHER_BIT;
}

/** 1n << i for every bit a term can take (the import builds a mask per allele: no BigInt shifts). */
const BITS = Array.from({ length: 64 }, (_, i) => 1n << BigInt(i));

/** The mask of a set of terms, as a BigInt (DuckDB BIGINT). */
export function consequenceMask(terms: Iterable<string>): bigint {
  let m = 0n;
  for (const t of terms) m |= BITS[termBit(t)] as bigint;
  return m;
}
