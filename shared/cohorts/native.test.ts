import { DuckDBInstance, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortFiltersSchema } from './definition';
import { withDescendants } from './hpo';
import { canonicalRows, SUITE_FILTERS, suiteQueries } from './testing/querySuite';
import type { SampleDataset } from './testing/sampleCache';
import { sampleDataset } from './testing/sampleCache';
import { SMALL_SAMPLE } from './testing/sampleDatasets';
import type { CachedDataset } from './cacheCatalog';
import { layoutStatements } from './layout';
import {
  CACHE_TABLES,
  datasetDatabaseName,
  datasetTableName,
  pendingMigrations,
  SCHEMA_TABLE_SQL,
  viewStatements,
} from './schema';
import type { BoundSql } from './sql';
import {
  carrierPhenotypesSql,
  cohortByColumnSql,
  cohortByPhenotypeSql,
  cohortCountSql,
  cohortExportCountSql,
  cohortExportSql,
  cohortRowsSql,
  cohortVariantsSql,
} from './sql';
import { noteCacheTerms, resetCacheTerms } from './cacheTerms';
import { referenceSql } from './testing/referenceSql';

let conn: DuckDBConnection;
const data: SampleDataset[] = SMALL_SAMPLE.map(sampleDataset);
/** The loaded datasets as db/ notes them (cacheCatalog.ts). */
const catalog: CachedDataset[] = data.map((d) => ({
  id: d.datasetId,
  individuals: d.individuals.individual_id.length,
}));

async function load(d: SampleDataset): Promise<void> {
  for (const [table, cols] of [
    ['individuals', d.individuals],
    ['variants', d.variants],
    ['genotypes', d.genotypes],
  ] as const) {
    const name = datasetTableName(d.datasetId, table);
    await conn.run(`CREATE TABLE ${name} AS SELECT * FROM cd_empty_${table} LIMIT 0`);
    const app = await conn.createAppender(name);
    const columns = Object.entries(cols) as [string, unknown[]][];
    const n = columns[0]?.[1].length ?? 0;
    for (let r = 0; r < n; r++) {
      app.appendVarchar(d.datasetId);
      app.appendVarchar(d.nodeId);
      for (const [c, values] of columns) {
        const v = values[r];
        if (v === null) app.appendNull();
        else if (Array.isArray(v)) app.appendList(listValue(v as string[]), LIST(VARCHAR));
        else if (c === 'af') app.appendDouble(v as number);
        else if (typeof v === 'number') app.appendInteger(v);
        else app.appendVarchar(v as string);
      }
      app.endRow();
    }
    app.closeSync();
  }
}

beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run(SCHEMA_TABLE_SQL);
  for (const s of pendingMigrations(0)) await conn.run(s);
  // As db/ does for a cache from before 0027: rows in, query layout built in memory (layout.ts).
  for (const d of data) {
    await load(d);
    const db = datasetDatabaseName(d.datasetId);
    await conn.run(`CREATE SCHEMA ${db}`);
    const src = Object.fromEntries(CACHE_TABLES.map((t) => [t, datasetTableName(d.datasetId, t)]));
    for (const s of layoutStatements(src as never, db)) await conn.run(s);
  }
  for (const s of viewStatements(data.map((d) => d.datasetId))) await conn.run(s);
});
afterAll(() => {
  conn.closeSync();
});

const rows = async (sql: string, params: (string | number)[]) =>
  (await conn.runAndReadAll(sql, params)).getRowObjectsJS();

/** Plain-JS evaluation of the same filters over the sample columns (the expectation). */
function expectedCount(name: string): number {
  const f = CohortFiltersSchema.parse(SUITE_FILTERS[name]);
  let n = 0;
  for (const d of data) {
    const carriers = new Set<string>();
    if (f.genotype) {
      const g = f.genotype;
      const ok = new Set(
        d.variants.variant_key.filter(
          (_, j) =>
            (g.gene === undefined || d.variants.gene[j] === g.gene) &&
            (g.consequence === undefined || d.variants.consequence[j] === g.consequence) &&
            (g.maxAf === undefined || (d.variants.af[j] ?? 1) <= g.maxAf),
        ),
      );
      d.genotypes.variant_key.forEach((k, r) => {
        if (ok.has(k)) carriers.add(d.genotypes.individual_id[r] ?? '');
      });
    }
    d.individuals.individual_id.forEach((id, r) => {
      const ph = d.individuals.phenotypes[r] ?? [];
      const hits = f.phenotypes.map((p) => {
        const terms = p.includeDescendants ? withDescendants(p.id) : [p.id];
        return ph.some((t) => terms.includes(t));
      });
      if (
        hits.length > 0 &&
        !(f.phenotypeMatch === 'all' ? hits.every(Boolean) : hits.some(Boolean))
      )
        return;
      if (
        f.diseases.length > 0 &&
        !(d.individuals.diseases[r] ?? []).some((x) => f.diseases.includes(x))
      )
        return;
      if (f.sexes.length > 0 && !f.sexes.includes(d.individuals.sex[r] as 'female')) return;
      if (f.countries.length > 0 && !f.countries.includes(d.individuals.country[r] ?? '')) return;
      if (f.genotype && !carriers.has(id)) return;
      n++;
    });
  }
  return n;
}

describe('cohort queries in native DuckDB 1.4.3 match plain-JS expectations', () => {
  it('schema: views union every dataset with provenance', async () => {
    const r = await rows(
      'SELECT dataset_id, node_id, count(*)::INTEGER AS n FROM individuals GROUP BY ALL ORDER BY 1',
      [],
    );
    expect(r).toEqual([
      { dataset_id: 'FI-RD-01', node_id: 'FI', n: 400 },
      { dataset_id: 'SE-CA-01', node_id: 'SE', n: 300 },
    ]);
  });
  // Unpruned expansions: 'combined' binds every descendant of HP:0000118 (18,355 terms), so
  // one statement takes ~30 s on a loaded 2-core machine. A bound on hangs, not a timing check.
  const UNPRUNED_MS = 300_000;
  for (const name of Object.keys(SUITE_FILTERS)) {
    it(
      `${name}: count equals the JS evaluation`,
      async () => {
        const q = suiteQueries(catalog).find((x) => x.name === `${name}.count`)!;
        const [r] = await rows(q.bound.sql, q.bound.params);
        expect(r?.n).toBe(expectedCount(name));
      },
      UNPRUNED_MS,
    );
  }
  it(
    'every suite query runs and descendants widen the cohort',
    async () => {
      for (const q of suiteQueries(catalog))
        expect(canonicalRows(await rows(q.bound.sql, q.bound.params))).toBeTypeOf('string');
      expect(expectedCount('headNeckDescendants')).toBeGreaterThan(expectedCount('headNeckExact'));
      expect(expectedCount('brca1Carriers')).toBeGreaterThan(0);
    },
    UNPRUNED_MS,
  );
});

describe('issue 13: export rows carry the variants that matched, with zygosity', () => {
  it('a genotype cohort exports one row per individual × matching variant they carry', async () => {
    const f = CohortFiltersSchema.parse(SUITE_FILTERS.brca1Carriers);
    const q = cohortExportSql(f, 100_000, catalog);
    const got = await rows(q.sql, q.params);
    const expected = data.flatMap((d) => {
      const brca1 = new Set(
        d.variants.variant_key.filter((_, j) => d.variants.gene[j] === 'BRCA1'),
      );
      return d.genotypes.variant_key.flatMap((k, r) =>
        brca1.has(k)
          ? [
              `${d.datasetId}/${d.genotypes.individual_id[r] ?? ''}/${k}/${d.genotypes.zygosity[r] ?? ''}`,
            ]
          : [],
      );
    });
    expect(expected.length).toBeGreaterThan(expectedCount('brca1Carriers'));
    const key = (r: Record<string, unknown>): string =>
      ['dataset_id', 'individual_id', 'variant_key', 'zygosity']
        .map((c) => r[c] as string)
        .join('/');
    expect(got.map(key).sort()).toEqual(expected.sort());
    expect(new Set(got.map((r) => r.gene))).toEqual(new Set(['BRCA1']));
    expect(got.every((r) => typeof r.pos === 'number' && r.node_id !== '')).toBe(true);
    const c = cohortExportCountSql(f, catalog);
    expect((await rows(c.sql, c.params))[0]?.n).toBe(got.length);
  });
  it('a cohort without a genotype criterion exports one row per individual, variant columns empty', async () => {
    const f = CohortFiltersSchema.parse(SUITE_FILTERS.disease);
    const q = cohortExportSql(f, 100_000, catalog);
    const got = await rows(q.sql, q.params);
    expect(got).toHaveLength(expectedCount('disease'));
    expect(got.every((r) => r.variant_key === null && r.zygosity === null)).toBe(true);
  });
});

describe('issue 20: the query layout answers exactly as the SQL over the views did', () => {
  const EXTRA: Record<string, object> = {
    anyTwoPhenotypes: {
      phenotypes: [{ id: 'HP:0000152' }, { id: 'HP:0001250' }],
      phenotypeMatch: 'any',
    },
    allTwoPhenotypesFi: {
      phenotypes: [{ id: 'HP:0000118' }, { id: 'HP:0000152' }],
      countries: ['FI'],
    },
    geneLowerCase: { genotype: { gene: 'brca2' } },
    geneAbsent: { genotype: { gene: 'NOPE1' } },
    oneDatasetConsequence: {
      datasets: ['SE-CA-01'],
      genotype: { consequence: 'missense_variant' },
    },
    unknownDataset: { datasets: ['XX-01'] },
    diseaseSexAf: {
      diseases: ['ORPHA:145'],
      sexes: ['unknown', 'male'],
      genotype: { maxAf: 0.01 },
    },
    maleTp53Stop: { sexes: ['male'], genotype: { gene: 'TP53', consequence: 'stop_gained' } },
  };
  beforeAll(() => {
    noteCacheTerms(data.flatMap((d) => d.individuals.phenotypes.flat()));
  });
  afterAll(resetCacheTerms);
  for (const [name, input] of Object.entries({ ...SUITE_FILTERS, ...EXTRA })) {
    it(`${name}: every statement equals the reference`, async () => {
      const f = CohortFiltersSchema.parse(input);
      const pairs: [string, BoundSql, BoundSql][] = [
        ['count', cohortCountSql(f, catalog), referenceSql.count(f)],
        ['rows', cohortRowsSql(f, 50, catalog), referenceSql.rows(f, 50)],
        ['byPhenotype', cohortByPhenotypeSql(f, 10, catalog), referenceSql.byPhenotype(f, 10)],
        ['variants', cohortVariantsSql(f, 20, catalog), referenceSql.variants(f, 20)],
        ['export', cohortExportSql(f, 60, catalog), referenceSql.export(f, 60)],
        ['exportCount', cohortExportCountSql(f, catalog), referenceSql.export(f, 1, true)],
        ...(['country', 'sex', 'dataset_id'] as const).map((c): [string, BoundSql, BoundSql] => [
          `by ${c}`,
          cohortByColumnSql(f, c, catalog),
          referenceSql.byColumn(f, c),
        ]),
      ];
      for (const [kind, got, want] of pairs)
        expect(canonicalRows(await rows(got.sql, got.params)), kind).toBe(
          canonicalRows(await rows(want.sql, want.params)),
        );
    });
  }
  it("issue 20: a variant's carrier phenotypes, read from the layout, equal the join of the views", async () => {
    const keys = await rows(
      'SELECT variant_key FROM genotypes GROUP BY ALL ORDER BY count(*) DESC, variant_key LIMIT 6',
      [],
    );
    expect(keys.length).toBeGreaterThan(0);
    for (const key of [...keys.map((k) => k.variant_key as string), 'no:such:variant']) {
      const got = carrierPhenotypesSql(key, 10, catalog);
      const want = referenceSql.carrierPhenotypes(key, 10);
      expect(canonicalRows(await rows(got.sql, got.params)), key).toBe(
        canonicalRows(await rows(want.sql, want.params)),
      );
    }
    expect(await rows(carrierPhenotypesSql('x', 5, []).sql, [])).toEqual([]);
  });
  it('with no dataset loaded every statement answers nothing (0 for counts), typed', async () => {
    const f = CohortFiltersSchema.parse(SUITE_FILTERS.combined);
    expect(await rows(cohortCountSql(f, []).sql, [])).toEqual([{ n: 0 }]);
    for (const q of suiteQueries([]))
      if (!q.name.endsWith('.count')) expect(await rows(q.bound.sql, q.bound.params)).toEqual([]);
  });
});
