import type { CasePreset } from './filters';

/** The presets every user has (issue 16); users save their own next to them (case:savePreset). */
export const BUILT_IN_PRESETS: readonly CasePreset[] = [
  {
    kind: 'cohort-desk.case-filter-preset',
    version: 1,
    name: 'rare disease trio',
    description:
      'Protein-altering, rare (population and local cohort AF ≤ 1%), PASS, well-called alleles that fit any inheritance mode on the pedigree.',
    filter: {
      impacts: ['HIGH', 'MODERATE'],
      passOnly: true,
      minGq: 20,
      minDp: 10,
      maxPopAf: 0.01,
      maxCohortFrequency: { max: 0.01, by: 'dataset', minIndividuals: 20 },
      inheritance: [
        'autosomal_dominant',
        'de_novo',
        'homozygous_recessive',
        'compound_het',
        'x_linked_recessive',
        'x_linked_dominant',
        'mitochondrial',
      ],
      includePossible: true,
    },
  },
  {
    kind: 'cohort-desk.case-filter-preset',
    version: 1,
    name: 'epilepsy panel',
    description: 'Genes4Epilepsy genes, protein-altering, population AF ≤ 1%, PASS.',
    filter: {
      panels: ['epilepsy'],
      impacts: ['HIGH', 'MODERATE'],
      passOnly: true,
      maxPopAf: 0.01,
    },
  },
  {
    kind: 'cohort-desk.case-filter-preset',
    version: 1,
    name: 'ACMG secondary findings',
    description:
      'ACMG SF v3.1 genes, protein-altering, population AF ≤ 5%, PASS (report P/LP only, after review).',
    filter: {
      panels: ['acmg-sf'],
      impacts: ['HIGH', 'MODERATE'],
      passOnly: true,
      maxPopAf: 0.05,
    },
  },
];

/** A built-in preset by name (case-insensitive). */
export function builtInPreset(name: string): CasePreset | undefined {
  const n = name.trim().toLowerCase();
  return BUILT_IN_PRESETS.find((p) => p.name.toLowerCase() === n);
}
