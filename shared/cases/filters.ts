import { z } from 'zod';
import { INHERITANCE_MODES, PANEL_IDS } from './filterNames';

/**
 * A case's variant filter (issue 16): what a clinical geneticist combines every day. Every part is
 * optional; the parts are ANDed in the order of FILTER_STEPS, and the filter SQL (filterSql.ts)
 * reports how many variants each step removes. Values are validated tightly here because the SQL
 * inlines them (one SQL text for duckdb-wasm and native DuckDB, no driver-specific parameters).
 */

export { INHERITANCE_MODES, PANEL_IDS } from './filterNames';
export type { InheritanceMode, PanelId } from './filterNames';
export const PanelIdSchema = z.enum(PANEL_IDS);

/** HGNC-style symbols (letters, digits, `-`, `.`, `_`, `@`); case kept. */
export const GeneSymbolSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,39}$/);
/** A Sequence Ontology term name as VEP and SnpEff write it. */
export const ConsequenceSchema = z.string().regex(/^[A-Za-z0-9_]{1,80}$/);
export const ImpactSchema = z.enum(['HIGH', 'MODERATE', 'LOW', 'MODIFIER']);
export type Impact = z.infer<typeof ImpactSchema>;

/** A BED interval: 0-based start, exclusive end, chromosome in any common naming. */
export const RegionSchema = z
  .object({
    chrom: z.string().regex(/^(chr)?([1-9]|1\d|2[0-2]|X|Y|M|MT)$/i),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .strict()
  .refine((r) => r.end > r.start, { error: 'a region ends after it starts' });
export type Region = z.infer<typeof RegionSchema>;

export const InheritanceModeSchema = z.enum(INHERITANCE_MODES);

const Fraction = z.number().min(0).max(1);

export const CaseFilterSchema = z
  .object({
    /** Keep variants in a gene of any of these panels or of `genes` (their union). */
    panels: z.array(PanelIdSchema).max(PANEL_IDS.length).optional(),
    genes: z.array(GeneSymbolSchema).max(5000).optional(),
    /** Keep variants overlapping any region (a BED file). */
    regions: z.array(RegionSchema).max(20_000).optional(),
    /** Keep variants with any of these consequences (most severe or any transcript). */
    consequences: z.array(ConsequenceSchema).max(200).optional(),
    impacts: z.array(ImpactSchema).max(4).optional(),
    /** FILTER is PASS (a record with FILTER `.` has had no filter applied and is kept). */
    passOnly: z.boolean().optional(),
    /** Quality of the proband's call. */
    minGq: z.number().int().min(0).max(10_000).optional(),
    minDp: z.number().int().min(0).max(1_000_000).optional(),
    minAb: Fraction.optional(),
    maxAb: Fraction.optional(),
    /** Highest population AF from the VCF's own fields (a variant without one is kept). */
    maxPopAf: Fraction.optional(),
    /** Carrier frequency in the local cohort cache, per dataset or per country. */
    maxCohortFrequency: z
      .object({
        max: Fraction,
        /** Default: per dataset. */
        by: z.enum(['dataset', 'country']).optional(),
        /** Datasets/countries with fewer individuals do not count (noise); default 20. */
        minIndividuals: z.number().int().min(1).max(1_000_000).optional(),
      })
      .strict()
      .optional(),
    /** Keep variants that fit any of these modes. */
    inheritance: z.array(InheritanceModeSchema).max(INHERITANCE_MODES.length).optional(),
    /** Also keep fits flagged `possible` (a parent missing or unphased pairs); default true. */
    includePossible: z.boolean().optional(),
  })
  .strict();
export type CaseFilter = z.infer<typeof CaseFilterSchema>;
export type CaseFilterInput = z.input<typeof CaseFilterSchema>;

/** The filter steps, in the order they apply; each reports what it removes. */
export const FILTER_STEPS = [
  'genes',
  'regions',
  'consequence',
  'pass',
  'quality',
  'populationFrequency',
  'cohortFrequency',
  'inheritance',
] as const;
export type FilterStep = (typeof FILTER_STEPS)[number];

/** A saved filter: shareable as JSON (the file is exactly this object). */
export const CasePresetSchema = z
  .object({
    kind: z.literal('cohort-desk.case-filter-preset'),
    version: z.literal(1),
    name: z.string().trim().min(1).max(100),
    description: z.string().max(1000).optional(),
    filter: CaseFilterSchema,
  })
  .strict();
export type CasePreset = z.infer<typeof CasePresetSchema>;
