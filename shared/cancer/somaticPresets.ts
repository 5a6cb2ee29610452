import { z } from 'zod';
import type { SomaticFilter } from './somaticFilter';
import { DEFAULT_SOMATIC_FILTER, SomaticFilterSchema } from './somaticFilter';

/** A built-in somatic filter: its name is its id (CLI, request); `key` names its words (i18n). */
export interface SomaticPreset {
  readonly name: string;
  readonly key: string;
  /** English, for the CLI's help and listings (the app words the name through `key`). */
  readonly description: string;
  readonly filter: SomaticFilter;
}

/**
 * The somatic presets (issue 19), the same for the app's somatic view and `case variants` on a
 * cancer case. Each starts from the default view (PASS, VAF and depth floors, no germline leak).
 */
export const SOMATIC_PRESETS: readonly SomaticPreset[] = [
  {
    name: 'somatic default',
    key: 'somaticDefault',
    description:
      'PASS, tumour VAF ≥ 5%, tumour depth ≥ 20, normal depth ≥ 10, normal VAF ≤ 5% (no germline leak).',
    filter: DEFAULT_SOMATIC_FILTER,
  },
  {
    name: 'somatic actionable',
    key: 'somaticActionable',
    description: 'The default view, AMP/ASCO/CAP Tier I and II only.',
    filter: { ...DEFAULT_SOMATIC_FILTER, tiers: ['I', 'II'] },
  },
  {
    name: 'somatic hotspots',
    key: 'somaticHotspots',
    description: 'The default view, known cancer hotspot alleles and residues only.',
    filter: { ...DEFAULT_SOMATIC_FILTER, hotspotOnly: true },
  },
  {
    name: 'somatic driver genes',
    key: 'somaticDriverGenes',
    description: 'The default view, in oncogenes, tumour suppressors and hotspot genes only.',
    filter: { ...DEFAULT_SOMATIC_FILTER, geneSet: 'driver' },
  },
];

/** A somatic preset by name (case-insensitive). */
export function somaticPreset(name: string): SomaticPreset | undefined {
  const n = name.trim().toLowerCase();
  return SOMATIC_PRESETS.find((p) => p.name === n);
}

/** A saved somatic filter (decision 0079): shareable as JSON, the file is exactly this object. */
export const SomaticPresetFileSchema = z
  .object({
    kind: z.literal('cohort-desk.somatic-filter-preset'),
    version: z.literal(1),
    name: z.string().trim().min(1).max(100),
    description: z.string().max(1000).optional(),
    filter: SomaticFilterSchema,
  })
  .strict();
export type SomaticPresetFile = z.infer<typeof SomaticPresetFileSchema>;

/** A somatic filter as a preset file (the built-ins are listed and shared this way too). */
export const somaticPresetFile = (
  name: string,
  filter: SomaticFilter,
  description?: string,
): SomaticPresetFile => ({
  kind: 'cohort-desk.somatic-filter-preset',
  version: 1,
  name,
  ...(description === undefined ? {} : { description }),
  filter,
});

/** The built-in somatic presets as preset files, for the list beside a user's own. */
export const BUILT_IN_SOMATIC_PRESET_FILES: readonly SomaticPresetFile[] = SOMATIC_PRESETS.map(
  (p) => somaticPresetFile(p.name, p.filter, p.description),
);

/** Whether two somatic filters keep the same rows: the same steps with the same values. */
export function sameSomaticFilter(a: SomaticFilter, b: SomaticFilter): boolean {
  const text = (f: SomaticFilter): string =>
    JSON.stringify(
      Object.entries(f)
        .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
        .sort(([x], [y]) => (x < y ? -1 : 1)),
    );
  return text(a) === text(b);
}

/** The preset `filter` is (a built-in first, else one of `saved`), if any. */
export function somaticPresetNamed(
  filter: SomaticFilter,
  saved: readonly SomaticPresetFile[],
): string | undefined {
  return (
    SOMATIC_PRESETS.find((p) => sameSomaticFilter(p.filter, filter))?.name ??
    saved.find((p) => sameSomaticFilter(p.filter, filter))?.name
  );
}
