import { z } from 'zod';
import { CodedParamsSchema } from '../i18n/coded';

/**
 * The reader's problems about the file as a whole (its bytes, its first and last lines, the header
 * order), as codes the renderer words (issue 22, decision 0064). A record's problems (a column's
 * value against the header's rules) stay English: they quote the VCF specification's terms.
 */
export const VCF_PROBLEM_CODES = [
  'empty',
  'bom',
  'fileformat',
  'no-chrom-line',
  'cut-off',
  'hash-after-header',
  'empty-line',
  'before-header',
  'not-utf8',
  'binary',
  'no-line-break',
] as const;
export type VcfProblemCode = (typeof VCF_PROBLEM_CODES)[number];

/** A located problem, as it crosses IPC (types.ts: VcfProblem). */
export const VcfProblemSchema = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  column: z.string().optional(),
  field: z.string().optional(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
  code: z.enum(VCF_PROBLEM_CODES).optional(),
  params: CodedParamsSchema.optional(),
});

/**
 * 'vcf:check' request: a file on this machine, by path. Only the command line may send it (a trusted
 * local sender, see electron/main/ipc/cliSender.ts); the app checks files the user opens itself.
 */
export const VcfCheckRequestSchema = z
  .object({
    path: z.string().min(1).max(4096),
    /** The name problems are reported under (what the user typed); default: the path. */
    name: z.string().min(1).max(4096).optional(),
    maxProblems: z.number().int().min(1).max(100_000).optional(),
  })
  .strict();

/** 'vcf:check' response: what the strict reader found. */
export const VcfCheckResultSchema = z.object({
  file: z.string(),
  valid: z.boolean(),
  container: z.enum(['plain', 'gzip', 'bgzf']).nullable(),
  version: z.string().nullable(),
  samples: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
  errors: z.array(VcfProblemSchema),
  errorCount: z.number().int().nonnegative(),
  warnings: z.array(VcfProblemSchema),
  warningCount: z.number().int().nonnegative(),
  assembly: z
    .object({ name: z.enum(['GRCh38', 'GRCh37', 'unknown']), evidence: z.string() })
    .nullable(),
});
export type VcfCheckResult = z.infer<typeof VcfCheckResultSchema>;
