import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFilter } from './filters';
import type { CaseSqlContext } from './filterSql';
import { caseCountsSql, caseRowsSql } from './filterSql';
import { FILTER_TABLE, hasPageTableSql, queryLayoutSql } from './queryLayout';
import { caseSortedRowsSql } from './reviewSql';
import { generatedCaseSql } from './testing/generatedCase';

// Issue 16 (decision 0045): at 5M alleles the filter steps read the narrow filter table in sort_key
// order, compound hets paired over every allele come from its `ch_all`, and pairing over a subset
// skips alleles that pair with nothing. The
// plain query over `variants` (no page or filter table) is the reference: counts and every page
// must be equal. The case is generated (testing/generatedCase.ts): 1,500 alleles over 30 genes.

let conn: DuckDBConnection;
const DB = 'case_gen';
const plain: CaseSqlContext = { db: DB, panelGenes: () => ['G3', 'G7', 'G11', 'G19'] };
const laid: CaseSqlContext = { ...plain, pageTable: true, filterTable: true };
const all = { limit: 100_000, offset: 0 };
const N = 1500;

const rows = async (sql: string): Promise<Record<string, unknown>[]> =>
  (await conn.runAndReadAll(sql)).getRowObjectsJS();

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  await conn.run(`ATTACH ':memory:' AS ${DB}`);
  for (const s of generatedCaseSql(DB, N)) await conn.run(s);
  for (const s of queryLayoutSql(DB)) await conn.run(s);
});
afterAll(() => conn.closeSync());

const FILTERS: [string, CaseFilter][] = [
  ['no filter', {}],
  ['compound het alone', { inheritance: ['compound_het'] }],
  ['compound het alone, confirmed only', { inheritance: ['compound_het'], includePossible: false }],
  ['every mode', { inheritance: ['compound_het', 'de_novo', 'autosomal_dominant'] }],
  [
    'panel + frequency + inheritance',
    { panels: ['epilepsy'], maxPopAf: 0.01, inheritance: ['homozygous_recessive'] },
  ],
  [
    'impact + frequency + compound het',
    { impacts: ['HIGH', 'MODERATE'], maxPopAf: 0.02, inheritance: ['compound_het'] },
  ],
  [
    'genes + compound het, confirmed',
    { genes: ['G1', 'G2', 'G5'], inheritance: ['compound_het'], includePossible: false },
  ],
  [
    'quality + pass + compound het',
    { minGq: 20, minDp: 10, maxAb: 0.9, passOnly: true, inheritance: ['compound_het'] },
  ],
  [
    'regions + consequence',
    {
      regions: [
        { chrom: 'chr1', start: 0, end: 30_000 },
        { chrom: 'X', start: 0, end: 60_000 },
      ],
      consequences: ['missense_variant'],
    },
  ],
  ['an empty gene list', { genes: [] }],
];

describe('issue 16: the filter table gives the plain query results (decision 0045)', () => {
  it('the layout has the filter table, ch_all pairs some alleles and leaves others', async () => {
    const layout = (await rows(hasPageTableSql(DB)))[0];
    expect([Number(layout?.n), Number(layout?.f)]).toEqual([1, 1]);
    const ch = await rows(
      `SELECT ch_all, count(*) AS n FROM ${DB}.main.${FILTER_TABLE} GROUP BY ALL ORDER BY ALL`,
    );
    expect(ch.map((r) => Number(r.ch_all))).toEqual([0, 1, 2]);
  });

  for (const [name, filter] of FILTERS)
    it(`${name}: counts and pages at every offset equal the plain query's`, async () => {
      expect(await rows(caseCountsSql(filter, laid).sql)).toEqual(
        await rows(caseCountsSql(filter, plain).sql),
      );
      const whole = await rows(caseRowsSql(filter, laid, all));
      expect(whole).toEqual(await rows(caseRowsSql(filter, plain, all)));
      if (name !== 'an empty gene list') expect(whole.length).toBeGreaterThan(0);
      for (const offset of [0, 7, Math.floor(whole.length / 2), Math.max(0, whole.length - 3)]) {
        const page = { limit: 5, offset };
        const got = await rows(caseRowsSql(filter, laid, page));
        expect(got).toEqual(await rows(caseRowsSql(filter, plain, page)));
        expect(got).toEqual(whole.slice(offset, offset + 5));
      }
    });

  it('sorted windows of the table equal the plain query windows', async () => {
    const f: CaseFilter = { maxPopAf: 0.02, inheritance: ['compound_het'] };
    const kept = (await rows(caseRowsSql(f, plain, all))).length;
    for (const sort of [
      { key: 'default', dir: 'asc' },
      { key: 'gene', dir: 'desc' },
    ] as const)
      for (const offset of [0, 11]) {
        const opts = { sort, kept, limit: 10, offset };
        expect(await rows(caseSortedRowsSql(f, laid, opts))).toEqual(
          await rows(caseSortedRowsSql(f, plain, opts)),
        );
      }
  });
});
