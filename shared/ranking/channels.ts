import { z } from 'zod';
import { VcfProblemSchema } from '../vcf/channels';
import { sexSchema, zygositySchema } from './input';

/**
 * 'case:rankFiles' (issue 17, command line only, like vcf:check): ranks the genes of a patient from
 * a Phenopacket v2 JSON and, optionally, a VCF on disk, with shared/ranking and the app's one VCF
 * reader. Paths are absolute; `name` is how the user typed the file (for located messages).
 */
const FileArgSchema = z
  .object({ path: z.string().min(1).max(4096), name: z.string().min(1).max(4096) })
  .strict();

export const RankFilesRequestSchema = z
  .object({
    phenopacket: FileArgSchema,
    vcf: FileArgSchema.optional(),
    /** The VCF sample of the patient (default: the first sample column). */
    sample: z.string().min(1).max(255).optional(),
    /** Genes listed (whole tie groups are kept, so a few more may come). */
    limit: z.number().int().min(1).max(20_000).default(100),
  })
  .strict();
export type RankFilesRequest = z.input<typeof RankFilesRequestSchema>;

export const RankedVariantSchema = z.object({
  chrom: z.string(),
  pos: z.number().int(),
  ref: z.string(),
  alt: z.string(),
  consequence: z.string(),
  zygosity: zygositySchema,
  populationAf: z.number().nullable(),
  hgvsp: z.string().optional(),
});

export const RankedGeneOutSchema = z.object({
  symbol: z.string(),
  /** log10 of the summed likelihood ratios of the gene's diseases; higher is better. */
  score: z.number(),
  /** The gene's best diseases (id, label, log10 LR). */
  diseases: z.array(z.object({ id: z.string(), label: z.string(), score: z.number() })),
  /** With a VCF: how the patient's variants fit the best disease's mode of inheritance. */
  genotype: z
    .object({
      mode: z.string(),
      fit: z.string(),
      /**
       * log10 credit of a two-allele genotype for being rarer by chance in this exome than one
       * allele (decision 0080); absent when the fit earns none.
       */
      twoAlleleCredit: z.number().optional(),
      variants: z.array(RankedVariantSchema),
    })
    .optional(),
});
export type RankedGeneOut = z.infer<typeof RankedGeneOutSchema>;

export const RankFilesResultSchema = z.object({
  mode: z.enum(['pheno', 'vcf']),
  genes: z.array(RankedGeneOutSchema),
  /** The sex the ranking used and where it came from. */
  sex: sexSchema,
  sexFrom: z.enum(['phenopacket', 'vcf', 'unknown']),
  observed: z.number().int(),
  excluded: z.number().int(),
  /** VCF records read (null without a VCF). */
  records: z.number().int().nullable(),
  /** Errors of the VCF (FILE:LINE); nothing is ranked when there is one. */
  problems: z.array(VcfProblemSchema),
  /** Why a valid VCF cannot be ranked (GRCh37, no sample columns); nothing is ranked then. */
  refusal: z.string().nullable(),
});
export type RankFilesResult = z.infer<typeof RankFilesResultSchema>;
