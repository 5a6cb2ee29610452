import { z } from 'zod';
import type { YearRange } from './context';
import { isoYears, onsetTermYears } from './context';
import type { Sex } from './input';

/** A Phenopacket v2 TimeElement as far as the ranking reads it: an age or an onset class. */
const timeSchema = z.object({
  age: z.object({ iso8601duration: z.string() }).optional(),
  ontologyClass: z.object({ id: z.string() }).optional(),
});

/** The part of a GA4GH Phenopacket v2 the ranking reads: sex, age and phenotypic features. */
const phenopacketSchema = z.object({
  subject: z
    .object({ sex: z.string().optional(), timeAtLastEncounter: timeSchema.optional() })
    .optional(),
  phenotypicFeatures: z
    .array(
      z.object({
        type: z.object({ id: z.string() }),
        excluded: z.boolean().optional(),
        onset: timeSchema.optional(),
      }),
    )
    .optional(),
});

const yearsOf = (time: z.infer<typeof timeSchema> | undefined): YearRange | undefined => {
  const iso = time?.age?.iso8601duration;
  const years = iso === undefined ? undefined : isoYears(iso);
  if (years !== undefined) return { from: years, to: years };
  const id = time?.ontologyClass?.id;
  return id === undefined ? undefined : onsetTermYears(id);
};

/** The phenotype of a phenopacket: observed and excluded term ids, and the subject's sex. */
export interface PhenopacketPhenotype {
  readonly observed: string[];
  readonly excluded: string[];
  readonly sex: Sex;
  /** The earliest onset of an observed feature, when the phenopacket gives one. */
  readonly onset?: YearRange;
  readonly ageYears?: number;
}

/** Reads a parsed Phenopacket v2 JSON value; throws a zod error naming the bad field. */
export function phenotypeOfPhenopacket(json: unknown): PhenopacketPhenotype {
  const packet = phenopacketSchema.parse(json);
  const observed: string[] = [];
  const excluded: string[] = [];
  let onset: YearRange | undefined;
  for (const f of packet.phenotypicFeatures ?? []) {
    (f.excluded === true ? excluded : observed).push(f.type.id);
    const years = f.excluded === true ? undefined : yearsOf(f.onset);
    if (years !== undefined && (onset === undefined || years.from < onset.from)) onset = years;
  }
  const sex = packet.subject?.sex;
  const age = yearsOf(packet.subject?.timeAtLastEncounter);
  return {
    observed,
    excluded,
    sex: sex === 'MALE' ? 'male' : sex === 'FEMALE' ? 'female' : 'unknown',
    ...(onset === undefined ? {} : { onset }),
    ...(age === undefined ? {} : { ageYears: Math.max(0, age.from) }),
  };
}
