import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFilter } from './filters';
import { INHERITANCE_MODES } from './filters';
import type { CaseSqlContext } from './filterSql';
import { caseCountsSql, caseRowsSql } from './filterSql';
import { inheritanceBits } from './inheritanceSql';
import { hasPageTableSql } from './queryLayout';
import { trioCaseStatements } from './testing/trioCase';

// Issue 16 (filter speed, decision 0028): the filters run over allele ids and precomputed columns
// (`inh_mask`, `sort_key`), and read a page's wide columns, compound-het pairs and cohort carriers
// for that page alone. These tests hold the results to what the tables themselves say.

let conn: DuckDBConnection;
const DB = 'case_trio';
const ctx: CaseSqlContext = {
  db: DB,
  panelGenes: () => [],
  cohort: { individuals: 'ti', genotypes: 'tg' },
};
// The trio case has the page table, as the import writes it (case schema 3); `ctx` reads pages from
// `variants` as a schema-2 case does, and the equality tests below hold the two to each other.
const all = { limit: 10_000, offset: 0 };

const rows = async (sql: string): Promise<Record<string, unknown>[]> =>
  (await conn.runAndReadAll(sql)).getRowObjectsJS();

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  await conn.run(`ATTACH ':memory:' AS ${DB}`);
  for (const s of trioCaseStatements(DB)) await conn.run(s);
  // A small cohort: 25 individuals in one country; carriers of the first three alleles.
  await conn.run(
    "CREATE TABLE ti AS SELECT 'D1' AS dataset_id, 'I' || i AS individual_id, 'PT' AS country FROM range(25) t(i)",
  );
  await conn.run(
    `CREATE TABLE tg AS SELECT 'D1' AS dataset_id, 'I' || (v.vid + k) AS individual_id, v.variant_key, 'het' AS zygosity
     FROM ${DB}.main.variants v, range(v.vid + 1) r(k) WHERE v.vid < 3`,
  );
});
afterAll(() => conn.closeSync());

const FILTERS: [string, CaseFilter][] = [
  ['no filter', {}],
  ['impact', { impacts: ['HIGH', 'MODERATE'] }],
  ['frequency', { maxPopAf: 0.01 }],
  ['quality', { minGq: 20, passOnly: true }],
];

describe('issue 16: the filters over allele ids and precomputed columns', () => {
  it('inh_mask holds exactly the modes and statuses of the inheritance table', async () => {
    const table = await rows(
      `SELECT vid, list(mode || CASE WHEN status = 'possible' THEN '?' ELSE '' END ORDER BY mode) AS modes
       FROM ${DB}.main.inheritance GROUP BY vid`,
    );
    const masks = await rows(`SELECT vid, inh_mask FROM ${DB}.main.variants`);
    const expected = new Map(table.map((r) => [Number(r.vid), r.modes as string[]]));
    expect(masks.some((m) => Number(m.inh_mask) !== 0)).toBe(true);
    for (const m of masks) {
      const mask = Number(m.inh_mask);
      const modes = [...INHERITANCE_MODES]
        .sort()
        .flatMap((mode) =>
          (mask & inheritanceBits(mode).confirmed) !== 0
            ? [mode]
            : (mask & inheritanceBits(mode).fits) !== 0
              ? [`${mode}?`]
              : [],
        );
      expect(modes).toEqual(expected.get(Number(m.vid)) ?? []);
    }
  });

  for (const [name, filter] of FILTERS)
    it(`${name}: a page's modes are the table's modes plus the compound hets paired over every kept allele`, async () => {
      const page = await rows(caseRowsSql(filter, ctx, all));
      const table = await rows(
        `SELECT vid, mode || CASE WHEN status = 'possible' THEN '?' ELSE '' END AS m FROM ${DB}.main.inheritance`,
      );
      // Pairs formed over every kept allele: the compound_het filter's own path.
      const paired = await rows(
        caseRowsSql({ ...filter, inheritance: ['compound_het'] }, ctx, all),
      );
      const ch = new Map(
        paired.map((r) => [
          Number(r.vid),
          (r.modes as string[]).filter((m) => m.startsWith('compound_het')),
        ]),
      );
      expect(page.length).toBeGreaterThan(0);
      expect([...ch.values()].flat().length).toBeGreaterThan(0);
      for (const r of page) {
        const vid = Number(r.vid);
        const expected = [
          ...table.filter((t) => Number(t.vid) === vid).map((t) => String(t.m)),
          ...(ch.get(vid) ?? []),
        ].sort();
        expect(r.modes).toEqual(expected);
      }
    });

  it('a page reads the same cohort carriers as the cohort step computes over every allele', async () => {
    const page = await rows(caseRowsSql({}, ctx, all));
    const everyAllele = await rows(
      caseRowsSql({ maxCohortFrequency: { max: 1, minIndividuals: 20 } }, ctx, all),
    );
    const carriers = (rs: Record<string, unknown>[]): [unknown, unknown, unknown][] =>
      rs.map((r) => [r.vid, r.cohort_carriers, r.cohort_max_freq]);
    const carried = carriers(page).filter(([, c]) => c !== null);
    expect(carried.sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [0, 1, 0.04],
      [1, 2, 0.08],
      [2, 3, 0.12],
    ]);
    expect(carriers(page)).toEqual(carriers(everyAllele));
  });

  it('pages follow sort_key, the default order: severity, rarity, position', async () => {
    const page = await rows(caseRowsSql({}, ctx, all));
    const direct = await rows(
      `SELECT vid FROM ${DB}.main.variants ORDER BY impact_rank DESC, coalesce(pop_af, 0),
       CASE chrom WHEN 'X' THEN 23 WHEN 'Y' THEN 24 WHEN 'MT' THEN 25 ELSE TRY_CAST(chrom AS INTEGER) END, pos, alt`,
    );
    expect(page.map((r) => r.vid)).toEqual(direct.map((r) => r.vid));
    const second = await rows(caseRowsSql({}, ctx, { limit: 2, offset: 2 }));
    expect(second.map((r) => r.vid)).toEqual(direct.slice(2, 4).map((r) => r.vid));
  });

  it('counts per step still add up to the kept rows', async () => {
    const f: CaseFilter = { maxPopAf: 0.01, inheritance: ['compound_het', 'de_novo'] };
    const c = (await rows(caseCountsSql(f, ctx).sql))[0] ?? {};
    expect(Number(c.kept)).toBe((await rows(caseRowsSql(f, ctx, all))).length);
    expect(Number(c.after_inheritance)).toBe(Number(c.kept));
  });

  it('the page table holds the page columns of every allele, stored in sort_key order', async () => {
    expect(Number((await rows(hasPageTableSql(DB)))[0]?.n)).toBe(1);
    const stored = await rows(`SELECT rowid AS r, sort_key, vid FROM ${DB}.main.variant_rows`);
    const variants = await rows(`SELECT sort_key, vid FROM ${DB}.main.variants ORDER BY sort_key`);
    expect(stored.map((r) => [Number(r.r), r.sort_key, r.vid])).toEqual(
      variants.map((v) => [Number(v.sort_key), v.sort_key, v.vid]),
    );
  });

  // Issue 16 (decision 0036): at 5M alleles a page read every wide column of `variants`; with the
  // page table it reads a sort_key range. Same counts, rows and order on every page.
  const PAGED: [string, CaseFilter][] = [
    ...FILTERS,
    ['inheritance', { inheritance: ['compound_het', 'de_novo', 'homozygous_recessive'] }],
    ['frequency + inheritance', { maxPopAf: 0.01, inheritance: ['compound_het'] }],
    ['cohort', { maxCohortFrequency: { max: 0.1, minIndividuals: 20 } }],
  ];
  for (const [name, filter] of PAGED)
    it(`${name}: pages from the page table equal pages from variants, at every offset`, async () => {
      const laid = { ...ctx, pageTable: true };
      expect(await rows(caseCountsSql(filter, laid).sql)).toEqual(
        await rows(caseCountsSql(filter, ctx).sql),
      );
      const whole = await rows(caseRowsSql(filter, laid, all));
      expect(whole).toEqual(await rows(caseRowsSql(filter, ctx, all)));
      expect(whole.length).toBeGreaterThan(0);
      for (const offset of [0, 1, 3, whole.length - 1]) {
        const page = { limit: 2, offset };
        const got = await rows(caseRowsSql(filter, laid, page));
        expect(got).toEqual(await rows(caseRowsSql(filter, ctx, page)));
        expect(got).toEqual(whole.slice(offset, offset + 2));
      }
    });
});
