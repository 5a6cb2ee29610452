import { z } from 'zod';

/** The patient's karyotype as far as it is known (chrX dosage, X-linked inheritance fit). */
export const sexSchema = z.enum(['female', 'male', 'unknown']);
export type Sex = z.infer<typeof sexSchema>;

/** Zygosity as called: `hemi` is a haploid call (chrX/chrY of a male sample). */
export const zygositySchema = z.enum(['het', 'hom', 'hemi']);
export type Zygosity = z.infer<typeof zygositySchema>;

export const impactSchema = z.enum(['HIGH', 'MODERATE', 'LOW', 'MODIFIER']);
export type Impact = z.infer<typeof impactSchema>;

/**
 * One variant allele of the patient in one gene, as the case's VCF reader hands it over (VEP/SnpEff
 * annotation already chosen per gene). The ranking needs nothing else from the VCF.
 */
export const variantRecordSchema = z.object({
  gene: z.string().min(1),
  chrom: z.string().min(1),
  pos: z.number().int().positive(),
  ref: z.string().min(1),
  alt: z.string().min(1),
  /** Sequence Ontology terms as VEP writes them; several joined by '&'. */
  consequence: z.string().min(1),
  impact: impactSchema,
  /** Highest population allele frequency given (e.g. gnomAD); null: absent from the population. */
  populationAf: z.number().min(0).max(1).nullable(),
  zygosity: zygositySchema,
  hgvsc: z.string().optional(),
  hgvsp: z.string().optional(),
});
export type VariantRecord = z.infer<typeof variantRecordSchema>;

/** What the ranking reads: the phenotype (HP ids), the sex and, in vcf mode, the variants. */
export const rankRequestSchema = z.object({
  observed: z.array(z.string()),
  excluded: z.array(z.string()),
  sex: sexSchema,
  /**
   * The patient's earliest onset, in years (before birth: -1 to 0), from the onsets of the
   * observed features; absent: not recorded.
   */
  onset: z.object({ from: z.number().min(-1), to: z.number().min(-1) }).optional(),
  /** Age when last seen, in years (the patient was already affected then). */
  ageYears: z.number().min(0).optional(),
  /** Absent: phenotype-only ranking of every gene with a known disease. */
  variants: z.array(variantRecordSchema).optional(),
  /**
   * The whole exome's genes with two damaging alleles and with one (inheritance.ts,
   * exomeGenotypes), when `variants` holds only part of it (a reduced fixture, a filtered view):
   * how rare two alleles are by chance is a property of the exome. Absent: counted from `variants`.
   */
  exomeGenotypes: z
    .object({
      twoAlleleGenes: z.number().int().min(0),
      oneAlleleGenes: z.number().int().min(0),
    })
    .optional(),
});
export type RankRequest = z.infer<typeof rankRequestSchema>;
