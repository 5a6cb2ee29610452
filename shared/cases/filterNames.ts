/**
 * The names the filters and the import share, without their schemas (filters.ts): the case import
 * worker needs the panel ids and the inheritance modes but not zod, whose module evaluation cost
 * each worker start 25–40 ms of CPU (issue 16's exome goal, decision 0078). filters.ts re-exports
 * them and keeps the schemas for the trust boundaries (IPC, presets read from disk).
 */

/** The gene panels the app ships (resources/genome/panel-*.bed, versions in its manifest.json). */
export const PANEL_IDS = ['acmg-sf', 'cancer', 'epilepsy'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/**
 * Inheritance modes on the pedigree (docs/decisions/case-import-and-filters.md):
 * `autosomal_dominant` includes de novo alleles; `de_novo` needs both parents' calls;
 * `compound_het` pairs heterozygous alleles of one gene over the alleles the other filters keep.
 */
export const INHERITANCE_MODES = [
  'autosomal_dominant',
  'de_novo',
  'homozygous_recessive',
  'compound_het',
  'x_linked_recessive',
  'x_linked_dominant',
  'mitochondrial',
] as const;
export type InheritanceMode = (typeof INHERITANCE_MODES)[number];
