import { z } from 'zod';

const Curie = z
  .string()
  .max(100)
  .regex(/^[A-Za-z0-9]+:[A-Za-z0-9._-]+$/, 'a term must be an ontology CURIE such as HP:0001250');

/** One phenotype criterion: a HPO term, with or without its descendant terms. */
export const PhenotypeCriterionSchema = z.strictObject({
  id: Curie,
  includeDescendants: z.boolean().default(true),
});
export type PhenotypeCriterion = z.infer<typeof PhenotypeCriterionSchema>;

/** Carriers of variants matching all given parts (gene, consequence, maximum allele frequency). */
export const GenotypeCriterionSchema = z.strictObject({
  gene: z.string().trim().max(40).optional(),
  consequence: z.string().trim().max(80).optional(),
  maxAf: z.number().min(0).max(1).optional(),
});
export type GenotypeCriterion = z.infer<typeof GenotypeCriterionSchema>;

/** The filters of a cohort: every present part must hold (AND); lists inside a part are OR. */
export const CohortFiltersSchema = z.strictObject({
  phenotypes: z.array(PhenotypeCriterionSchema).max(20).default([]),
  /** 'all': an individual has every phenotype criterion; 'any': at least one. */
  phenotypeMatch: z.enum(['all', 'any']).default('all'),
  diseases: z.array(Curie).max(20).default([]),
  sexes: z
    .array(z.enum(['female', 'male', 'unknown']))
    .max(3)
    .default([]),
  countries: z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .max(30)
    .default([]),
  datasets: z.array(z.string().min(1).max(200)).max(50).default([]),
  genotype: GenotypeCriterionSchema.optional(),
});
export type CohortFilters = z.infer<typeof CohortFiltersSchema>;
export type CohortFiltersInput = z.input<typeof CohortFiltersSchema>;

/** A saved cohort: a definition that re-evaluates over the cache, never a copy of patient data. */
export const CohortDefinitionSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  filters: CohortFiltersSchema,
  savedAt: z.iso.datetime(),
});
export type CohortDefinition = z.infer<typeof CohortDefinitionSchema>;

/** Filters with every default filled in (an empty cohort = every cached individual). */
export const emptyFilters = (): CohortFilters => CohortFiltersSchema.parse({});

/** True when the genotype criterion constrains anything. */
export const hasGenotype = (g: GenotypeCriterion | undefined): g is GenotypeCriterion =>
  g !== undefined &&
  ((g.gene ?? '') !== '' || (g.consequence ?? '') !== '' || g.maxAf !== undefined);
