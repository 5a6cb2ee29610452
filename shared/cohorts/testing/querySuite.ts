import type { CachedDataset } from '../cacheCatalog';
import { cachedDatasets } from '../cacheCatalog';
import type { CohortFiltersInput } from '../definition';
import { CohortFiltersSchema } from '../definition';
import { PAGE_DELIVERY } from '../pageStatements';
import type { BoundSql } from '../sql';
import {
  cohortByColumnSql,
  cohortByPhenotypeSql,
  cohortCountSql,
  cohortExportSql,
  cohortRowsSql,
  cohortVariantsSql,
} from '../sql';

/** Named cohort filters the equivalence tests and the benchmark run in both engines. */
export const SUITE_FILTERS: Record<string, CohortFiltersInput> = {
  everyone: {},
  headNeckDescendants: { phenotypes: [{ id: 'HP:0000152' }] },
  headNeckExact: { phenotypes: [{ id: 'HP:0000152', includeDescendants: false }] },
  femaleFiSe: { sexes: ['female'], countries: ['FI', 'SE'] },
  disease: { diseases: ['ORPHA:145', 'ORPHA:144'] },
  brca1Carriers: { genotype: { gene: 'BRCA1' } },
  rareStopGained: { genotype: { consequence: 'stop_gained', maxAf: 0.01 } },
  combined: {
    phenotypes: [{ id: 'HP:0000118' }],
    sexes: ['female', 'male'],
    genotype: { gene: 'TP53', maxAf: 0.05 },
  },
};

/**
 * Every query of the suite over `datasets` (default: the loaded ones): count, rows, per country,
 * per phenotype, export rows, carried variants; each with the delivery the app runs it with
 * (renderer/src/db/runStatement.ts, decision 0094): the Cohorts page's statements whole
 * (PAGE_DELIVERY), export rows streamed as renderer/src/db/cohortExport.ts streams them.
 */
export function suiteQueries(
  datasets: readonly CachedDataset[] = cachedDatasets(),
): { name: string; bound: BoundSql; delivery: 'whole' | 'stream' }[] {
  return Object.entries(SUITE_FILTERS).flatMap(([name, input]) => {
    const f = CohortFiltersSchema.parse(input);
    const page = (part: string, bound: BoundSql) => ({
      name: `${name}.${part}`,
      bound,
      delivery: PAGE_DELIVERY,
    });
    return [
      page('count', cohortCountSql(f, datasets)),
      page('rows', cohortRowsSql(f, 50, datasets)),
      page('byCountry', cohortByColumnSql(f, 'country', datasets)),
      page('byPhenotype', cohortByPhenotypeSql(f, 10, datasets)),
      {
        name: `${name}.export`,
        bound: cohortExportSql(f, 50, datasets),
        delivery: 'stream' as const,
      },
      ...(f.genotype === undefined ? [] : [page('variants', cohortVariantsSql(f, 20, datasets))]),
    ];
  });
}

/** Canonical JSON of result rows (lists as arrays, numbers rounded) to compare engines. */
export function canonicalRows(rows: readonly Record<string, unknown>[]): string {
  const norm = (v: unknown): unknown => {
    if (typeof v === 'bigint') return Number(v);
    if (typeof v === 'number') return Math.round(v * 1e9) / 1e9;
    if (Array.isArray(v)) return v.map(norm);
    return v ?? null;
  };
  return JSON.stringify(
    rows.map((r) =>
      Object.fromEntries(
        Object.keys(r)
          .sort()
          .map((k) => [k, norm(r[k])]),
      ),
    ),
  );
}
