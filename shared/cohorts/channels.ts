import { z } from 'zod';
import { CohortDefinitionSchema, CohortFiltersSchema } from './definition';

/** 'cohorts:list' response: saved definitions (no patient data), newest first. */
export const CohortListSchema = z.object({ items: z.array(CohortDefinitionSchema) });
export type CohortList = z.infer<typeof CohortListSchema>;

/** 'cohorts:save' request: a new definition, or a replacement when `id` names a saved one. */
export const CohortSaveRequestSchema = z
  .object({
    id: z.string().min(1).max(100).optional(),
    name: z.string().trim().min(1).max(200),
    filters: CohortFiltersSchema,
  })
  .strict();

export const CohortDeleteRequestSchema = z.object({ id: z.string().min(1).max(100) }).strict();

/** 'cohorts:exported' request: what left the app, for the audit log (never the rows themselves). */
export const CohortExportedRequestSchema = z
  .object({
    // tsv and jsonl: the command line's outputs (issue 23).
    format: z.enum(['csv', 'phenopacket', 'tsv', 'jsonl']),
    rows: z.number().int().nonnegative(),
    datasets: z.array(z.string().max(200)).max(100),
    leftOut: z.array(z.string().max(200)).max(100),
    filters: CohortFiltersSchema,
  })
  .strict();
export type CohortExported = z.input<typeof CohortExportedRequestSchema>;
