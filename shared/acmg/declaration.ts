import { z } from 'zod';

/**
 * What a dataset declares about its content, as its node published it in Beacon /datasets (issue
 * 18; decision 0051): kept with each seen-before answer, so the ACMG sheet can tell a population
 * reference from a cohort enriched for the case's disease, also after reopening offline.
 */
/** A DUO term as declared (strict: it travels back in the case:report request, issue 14). */
const DeclaredDuoSchema = z
  .object({
    id: z.string().max(300),
    label: z.string().max(300),
    modifiers: z
      .array(z.object({ id: z.string().max(300), label: z.string().max(300) }).strict())
      .max(50)
      .optional(),
  })
  .strict();

export const DatasetDeclarationSchema = z
  .object({
    title: z.string().max(500).optional(),
    description: z.string().max(2000).optional(),
    /** The node's cohort type or kind ("cancer", "rare-disease", "neuro"; Beacon info/cohortType). */
    kind: z.string().max(100).optional(),
    duo: z.array(DeclaredDuoSchema).max(50).optional(),
  })
  .strict();
export type DatasetDeclaration = z.infer<typeof DatasetDeclarationSchema>;
