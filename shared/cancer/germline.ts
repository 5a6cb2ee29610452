import { z } from 'zod';
import { CaseIdSchema } from '../cases/caseId';
import { VARIANT_ROW_LOCUS } from '../cases/variantChannels';
import type { VariantSnapshot } from '../cases/workChannels';
import { GERMLINE_LEAK_MIN_ALT_READS, GERMLINE_LEAK_NORMAL_VAF } from './somaticCalls';

/**
 * A cancer case's germline predisposition view (issue 19, CPSR-style): the cancer-predisposition
 * superpanel applied to the germline sample, which is the matched normal of a tumour-normal VCF
 * (member 1, shared/cancer/cancerMembers.ts). A tumour-only case has no germline sample, and says
 * so rather than reading the tumour's calls as germline. Each variant can be taken into the case's
 * ACMG/AMP review (issue 18's evidence sheet); the tumour-board report lists what was classified.
 */

/** The normal's member index in a cancer case's database. */
export const NORMAL_SAMPLE_IDX = 1;
/** Most germline rows one answer carries (a normal's superpanel calls are a few hundred). */
export const GERMLINE_LIMIT = 2000;

export const GermlineRequestSchema = z.object({ caseId: CaseIdSchema }).strict();

export const GermlineRowSchema = z.object({
  ...VARIANT_ROW_LOCUS,
  hgvs_c: z.string().nullable(),
  hgvs_p: z.string().nullable(),
  pop_af: z.number().nullable(),
  clinvar_sig: z.string().nullable(),
  /** The germline sample's call: GT, ALT copies, depth, allele balance. */
  gt: z.string().nullable(),
  alt_count: z.number().int().nullable(),
  dp: z.number().int().nullable(),
  ab: z.number().nullable(),
  filters: z.string().nullable(),
});
export type GermlineRow = z.infer<typeof GermlineRowSchema>;

export const GermlineResultSchema = z.object({
  /** The germline sample, or null for a tumour-only case (predisposition not assessed). */
  sample: z.string().nullable(),
  /**
   * The separate germline VCF the sample is from (decision 0059), or null when it is the matched
   * normal of the tumour-normal VCF.
   */
  file: z.string().nullable(),
  panel: z.object({ label: z.string(), version: z.string(), genes: z.number().int() }),
  /** Carried variants in the panel's genes; `rows` holds at most GERMLINE_LIMIT of them. */
  total: z.number().int().nonnegative(),
  rows: z.array(GermlineRowSchema),
});
export type GermlineResult = z.infer<typeof GermlineResultSchema>;

const quote = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/**
 * Where the germline sample is: the normal column of the tumour-normal VCF (member 1 of the case
 * database), or the only sample of a separate germline VCF's own database (member 0; decision 0059).
 */
export type GermlineSource = 'normal' | 'germline-vcf';

/**
 * The germline sample's carried alleles in any of `genes` (an allele counts when any of its genes
 * is in the panel: variant_genes), in file order. Carried: ALT copies ≥ 1 (a germline caller's GT
 * as it wrote it: het, hom, hemizygous), or, for the normal column only, since a somatic caller
 * writes the normal's GT as 0/0 (Mutect2) or none (Strelka2), the normal's reads show it as
 * germline does (somaticCalls.ts germlineLeak: VAF ≥ 10 % on ≥ 2 reads).
 */
export function germlineSql(
  alias: string,
  genes: readonly string[],
  source: GermlineSource = 'normal',
): { rows: string; count: string } {
  const list = genes.length === 0 ? 'NULL' : genes.map(quote).join(', ');
  const reads = `g.ad_alt >= ${String(GERMLINE_LEAK_MIN_ALT_READS)} AND g.ab >= ${String(GERMLINE_LEAK_NORMAL_VAF)}`;
  const sampleIdx = source === 'normal' ? NORMAL_SAMPLE_IDX : 0;
  const where = `FROM ${alias}.variants v JOIN ${alias}.genotypes g
  ON g.vid = v.vid AND g.sample_idx = ${String(sampleIdx)}
WHERE ${source === 'normal' ? `(g.alt_count >= 1 OR (${reads}))` : 'g.alt_count >= 1'}
  AND EXISTS (SELECT 1 FROM ${alias}.variant_genes vg WHERE vg.vid = v.vid AND vg.gene IN (${list}))`;
  return {
    count: `SELECT count(*) AS n ${where}`,
    rows: `SELECT v.variant_key, v.chrom, v.pos, v.ref, v.alt, v.gene, v.consequence, v.hgvs_c,
  v.hgvs_p, v.pop_af, v.clinvar_sig, g.gt, g.alt_count, g.dp, g.ab, v.filters
${where}
ORDER BY v.vid LIMIT ${String(GERMLINE_LIMIT)}`,
  };
}

/** Allele balance at or above this reads as homozygous when the caller wrote no germline GT. */
export const HOMOZYGOUS_AB = 0.85;

/**
 * The GT the evidence sheet and the report show for a germline row: the caller's when it shows
 * the allele; else (a somatic caller's 0/0 or no GT for the normal) read from the normal's VAF.
 */
export function germlineGt(r: Pick<GermlineRow, 'gt' | 'alt_count' | 'ab'>): string | null {
  if (r.alt_count !== null && r.alt_count >= 1) return r.gt;
  if (r.ab === null) return r.gt;
  return r.ab >= HOMOZYGOUS_AB ? '1/1' : '0/1';
}

/** What the case work keeps of a germline row taken into the ACMG/AMP review (issue 18's sheet). */
export const germlineSnapshot = (r: GermlineRow): VariantSnapshot => ({
  variantKey: r.variant_key,
  chrom: r.chrom,
  pos: r.pos,
  ref: r.ref,
  alt: r.alt,
  gene: r.gene,
  consequence: r.consequence,
  hgvs_c: r.hgvs_c,
  hgvs_p: r.hgvs_p,
  gt: germlineGt(r),
  // No pedigree: a cancer case is one person, so no mode of inheritance is derived.
  modes: [],
  pop_af: r.pop_af,
  clinvar_sig: r.clinvar_sig,
});
