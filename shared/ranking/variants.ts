import type { ScoredVariant } from './inheritance';
import type { Impact, VariantRecord } from './input';

/**
 * How likely a variant of a consequence class is to be damaging, before anything about the gene
 * or the phenotype is known. Without in-silico predictors offline, the class is the evidence; the
 * values follow Exomiser's variant-effect defaults (loss of function ~1, missense 0.6). The
 * per-gene inheritance fit is in inheritance.ts.
 */
const CONSEQUENCE: Readonly<Record<string, number>> = {
  transcript_ablation: 1,
  stop_gained: 1,
  frameshift_variant: 1,
  splice_acceptor_variant: 0.95,
  splice_donor_variant: 0.95,
  start_lost: 0.9,
  stop_lost: 0.9,
  missense_variant: 0.6,
  inframe_deletion: 0.6,
  inframe_insertion: 0.6,
  protein_altering_variant: 0.6,
  splice_donor_5th_base_variant: 0.4,
  splice_region_variant: 0.3,
  splice_donor_region_variant: 0.3,
  splice_polypyrimidine_tract_variant: 0.1,
  synonymous_variant: 0.05,
  stop_retained_variant: 0.05,
  start_retained_variant: 0.05,
  '5_prime_UTR_variant': 0.05,
  '3_prime_UTR_variant': 0.05,
  non_coding_transcript_exon_variant: 0.05,
  mature_miRNA_variant: 0.05,
  intron_variant: 0.02,
  upstream_gene_variant: 0.01,
  downstream_gene_variant: 0.01,
  intergenic_variant: 0,
};

/** For consequence terms outside the table. */
const BY_IMPACT: Readonly<Record<Impact, number>> = {
  HIGH: 0.9,
  MODERATE: 0.5,
  LOW: 0.1,
  MODIFIER: 0.02,
};

/** The damage prior of a VEP consequence ('&'-joined terms: the most severe counts). */
export function consequenceScore(consequence: string, impact: Impact): number {
  let best = -1;
  for (const term of consequence.split('&')) {
    const s = CONSEQUENCE[term.trim()];
    if (s !== undefined && s > best) best = s;
  }
  return best < 0 ? BY_IMPACT[impact] : best;
}

/**
 * Exomiser's frequency score: 1 for a variant absent from the population, falling to 0 at 2%
 * allele frequency (a variant that common cannot cause a rare Mendelian disease).
 */
export function frequencyScore(af: number | null): number {
  if (af === null || af <= 0) return 1;
  const percent = af * 100;
  if (percent >= 2) return 0;
  return Math.min(1, Math.max(0, 1.13533 - 0.13533 * Math.exp(percent)));
}

/** A variant's pathogenicity prior: consequence class times population rarity (0..1). */
export const variantScore = (v: VariantRecord): number =>
  consequenceScore(v.consequence, v.impact) * frequencyScore(v.populationAf);

/**
 * Groups the patient's variants by gene with their pathogenicity priors (zero-scored dropped). One
 * allele annotated on several transcripts of a gene counts once, at its best prior: it is one
 * allele, not two (decision 0080).
 */
export function variantsByGene(variants: readonly VariantRecord[]): Map<string, ScoredVariant[]> {
  const out = new Map<string, Map<string, ScoredVariant>>();
  for (const record of variants) {
    const score = variantScore(record);
    if (score <= 0) continue;
    const key = record.gene.toUpperCase();
    const alleles = out.get(key) ?? new Map<string, ScoredVariant>();
    const allele = `${record.chrom}:${record.pos}:${record.ref}:${record.alt}`;
    if ((alleles.get(allele)?.score ?? -1) < score) alleles.set(allele, { record, score });
    out.set(key, alleles);
  }
  return new Map([...out].map(([gene, alleles]) => [gene, [...alleles.values()]]));
}
