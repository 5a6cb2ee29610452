import { z } from 'zod';

/**
 * ClinVar assertions as the app shows them (issue 18): an allele's aggregate classification with
 * its review status, stars and the release it comes from. Shown beside the evidence sheet, never
 * turned into a class: PP5/BP6 are not suggested (ClinGen SVI 2018 retired them).
 */

export const ClinvarAssertionSchema = z.object({
  variantKey: z.string(),
  variationId: z.string(),
  gene: z.string(),
  significance: z.string(),
  reviewStatus: z.string(),
  stars: z.number().int().min(0).max(4),
  condition: z.string(),
  /** "ClinVar GRCh38 2026-02-26 (hereditary-cancer subset)" or "VCF INFO CLNSIG". */
  source: z.string(),
  /** The release date of the table, or null when the VCF carried the assertion. */
  date: z.string().nullable(),
});
export type ClinvarAssertion = z.infer<typeof ClinvarAssertionSchema>;

/** What the extract says of a gene: how many pathogenic null variants it lists (PVS1's mechanism). */
export const ClinvarGeneSchema = z.object({
  gene: z.string(),
  pathogenic: z.number().int().nonnegative(),
  pathogenicNull: z.number().int().nonnegative(),
});
export type ClinvarGene = z.infer<typeof ClinvarGeneSchema>;

export const ClinvarLookupRequestSchema = z
  .object({
    variantKeys: z.array(z.string().min(1).max(1000)).max(2000),
    genes: z.array(z.string().min(1).max(100)).max(2000),
  })
  .strict();
export const ClinvarLookupSchema = z.object({
  release: z.string(),
  source: z.string(),
  /** Genes the extract covers at all (it is a subset: absence elsewhere says nothing). */
  coveredGenes: z.array(z.string()),
  variants: z.array(ClinvarAssertionSchema),
  genes: z.array(ClinvarGeneSchema),
});
export type ClinvarLookup = z.infer<typeof ClinvarLookupSchema>;

/** P or LP (any "Pathogenic…" aggregate, not conflicting). */
export const isPathogenicAssertion = (significance: string): boolean =>
  /^(Pathogenic|Likely pathogenic)/.test(significance);
