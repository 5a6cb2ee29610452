/**
 * The dataset every cohort benchmark measures (cohort-queries.ts, cohort-explain.ts,
 * vault-duckdb.ts): one generator call, so their numbers describe the same data.
 */
import { sampleDataset } from '../../shared/cohorts/testing/sampleCache';

export const BENCH_DATASET_ID = 'BENCH-01';

/** About `genotypes` genotype rows (20 per individual) over 200,000 variants in five countries. */
export const benchDataset = (genotypes: number): ReturnType<typeof sampleDataset> =>
  sampleDataset({
    datasetId: BENCH_DATASET_ID,
    nodeId: 'FI',
    countries: ['FI', 'SE', 'IT', 'ES', 'PT'],
    individuals: Math.ceil(genotypes / 20) + 1000,
    variants: 200_000,
    genotypesPerIndividual: 20,
    seed: 7,
  });
