import type { SomaticFilter } from './somaticFilter';
import { DEFAULT_SOMATIC_FILTER } from './somaticFilter';

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
