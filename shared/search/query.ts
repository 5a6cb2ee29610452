import { z } from 'zod';

/** What a search looks for: Beacon entry types this app queries (individuals or genomic variants). */
export const SearchTargetSchema = z.enum(['individuals', 'g_variants']);
export type SearchTarget = z.infer<typeof SearchTargetSchema>;

/** Ontology prefixes the query builder accepts as filters (phenotypes, diseases). */
export const FILTER_PREFIXES = ['HP', 'ORPHA', 'OMIM', 'ICD10', 'NCIT', 'SO'] as const;

/** An ontology filter (Beacon OntologyFilter): a CURIE and whether descendants match too. */
export const OntologyFilterSchema = z.strictObject({
  id: z
    .string()
    .max(100)
    .regex(
      /^[A-Za-z0-9]+:[A-Za-z0-9._-]+$/,
      'a filter must be an ontology CURIE such as HP:0001250',
    ),
  label: z.string().max(300).optional(),
  includeDescendantTerms: z.boolean().default(true),
});
export type OntologyFilter = z.infer<typeof OntologyFilterSchema>;

export const SexSchema = z.enum(['female', 'male', 'unknown']);
export type Sex = z.infer<typeof SexSchema>;

/**
 * The typed query the renderer sends (DESIGN flow 2). `genomic` is what the user typed: a gene
 * symbol, a region chr:start-end, a variant chr-pos-ref-alt or a gene with a protein change
 * (BRAF V600E); parseGenomic turns it into Beacon request parameters.
 */
export const SearchQuerySchema = z.strictObject({
  target: SearchTargetSchema.default('individuals'),
  genomic: z.string().trim().max(200).default(''),
  filters: z.array(OntologyFilterSchema).max(20).default([]),
  sex: SexSchema.optional(),
  /** BCN-01: what we ask for; nodes answer with what the user may see. */
  granularity: z.enum(['boolean', 'count', 'record']).default('record'),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;
export type SearchQueryInput = z.input<typeof SearchQuerySchema>;

/** NCIT terms for sex, as Beacon v2 default-model individuals use them. */
export const SEX_TERMS: Readonly<Record<Sex, string>> = {
  female: 'NCIT:C16576',
  male: 'NCIT:C20197',
  unknown: 'NCIT:C17998',
};

/** A one-line, human-readable summary of a query (recent-query lists, file names). */
export function describeQuery(q: SearchQuery): string {
  const parts: string[] = [];
  if (q.genomic !== '') parts.push(q.genomic);
  for (const f of q.filters) parts.push(f.includeDescendantTerms ? f.id : `${f.id} (exact)`);
  if (q.sex !== undefined) parts.push(q.sex);
  const what = parts.length === 0 ? 'everything' : parts.join(' · ');
  return `${q.target === 'g_variants' ? 'variants' : 'individuals'}: ${what}`;
}
