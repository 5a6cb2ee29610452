import { z } from 'zod';
import type { Sex } from './input';

/** The part of a GA4GH Phenopacket v2 the ranking reads: sex and phenotypic features. */
const phenopacketSchema = z.object({
  subject: z.object({ sex: z.string().optional() }).optional(),
  phenotypicFeatures: z
    .array(
      z.object({
        type: z.object({ id: z.string() }),
        excluded: z.boolean().optional(),
      }),
    )
    .optional(),
});

/** The phenotype of a phenopacket: observed and excluded term ids, and the subject's sex. */
export interface PhenopacketPhenotype {
  readonly observed: string[];
  readonly excluded: string[];
  readonly sex: Sex;
}

/** Reads a parsed Phenopacket v2 JSON value; throws a zod error naming the bad field. */
export function phenotypeOfPhenopacket(json: unknown): PhenopacketPhenotype {
  const packet = phenopacketSchema.parse(json);
  const observed: string[] = [];
  const excluded: string[] = [];
  for (const f of packet.phenotypicFeatures ?? [])
    (f.excluded === true ? excluded : observed).push(f.type.id);
  const sex = packet.subject?.sex;
  return {
    observed,
    excluded,
    sex: sex === 'MALE' ? 'male' : sex === 'FEMALE' ? 'female' : 'unknown',
  };
}
