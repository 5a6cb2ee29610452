import type { SampleSpec } from './sampleCache';

/** The two small datasets the equivalence tests (node and Chromium) share. */
export const SMALL_SAMPLE: readonly SampleSpec[] = [
  {
    datasetId: 'FI-RD-01',
    nodeId: 'FI',
    countries: ['FI'],
    individuals: 400,
    variants: 300,
    genotypesPerIndividual: 12,
    seed: 1,
  },
  {
    datasetId: 'SE-CA-01',
    nodeId: 'SE',
    countries: ['SE', 'FI'],
    individuals: 300,
    variants: 250,
    genotypesPerIndividual: 10,
    seed: 2,
  },
];
