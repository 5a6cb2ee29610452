import { z } from 'zod';
import { DuoTermSchema } from '../federation/directory';

/**
 * What a dataset declares about its content, as its node published it in Beacon /datasets (issue
 * 18; decision 0051): kept with each seen-before answer, so the ACMG sheet can tell a population
 * reference from a cohort enriched for the case's disease, also after reopening offline.
 */
export const DatasetDeclarationSchema = z
  .object({
    title: z.string().max(500).optional(),
    description: z.string().max(2000).optional(),
    /** The node's cohort type or kind ("cancer", "rare-disease", "neuro"; Beacon info/cohortType). */
    kind: z.string().max(100).optional(),
    duo: z.array(DuoTermSchema).max(50).optional(),
  })
  .strict();
export type DatasetDeclaration = z.infer<typeof DatasetDeclarationSchema>;
