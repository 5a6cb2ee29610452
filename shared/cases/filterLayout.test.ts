import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consequenceMask } from './consequences';
import { caseTableDdl } from './dbSchema';
import type { CaseFilter } from './filters';
import type { CaseSqlContext } from './filterSql';
import { caseCountsSql, caseRowsSql } from './filterSql';
import { derivedColumnsSql } from './inheritanceSql';
import { FILTER_TABLE, hasPageTableSql, queryLayoutSql } from './queryLayout';
import { caseSortedRowsSql } from './reviewSql';

// Issue 16 (decision 0045): at 5M alleles the filter steps read the narrow filter table in sort_key
// order, compound hets paired over every allele come from its `ch_all`, and pairing over a subset
// skips alleles that pair with nothing. The
// plain query over `variants` (no page or filter table) is the reference: counts and every page
// must be equal. The case is generated (deterministic hashes): 1,500 alleles over 30 genes, with
// every compound-het side mixed within genes, phase sets, and inheritance rows, so the pairing
// rules are exercised far beyond the planted trio.

let conn: DuckDBConnection;
const DB = 'case_gen';
const plain: CaseSqlContext = { db: DB, panelGenes: () => ['G3', 'G7', 'G11', 'G19'] };
const laid: CaseSqlContext = { ...plain, pageTable: true, filterTable: true };
const all = { limit: 100_000, offset: 0 };
const N = 1500;

const rows = async (sql: string): Promise<Record<string, unknown>[]> =>
  (await conn.runAndReadAll(sql)).getRowObjectsJS();

// h(k, m): a deterministic pseudo-random integer in 0..m-1 per allele and purpose.
const h = (k: number, m: number): string =>
  `(hash(i + ${String(k * 1_000_003)}) % ${String(m)})::INTEGER`;
const IMPACTS = `['HIGH', 'MODERATE', 'LOW', 'MODIFIER'][${h(2, 4)} + 1]`;
const SIDES = `['mother', 'father', 'not_mother', 'not_father', 'de_novo', 'unknown', 'hap1', 'hap2'][${h(6, 8)} + 1]`;

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  await conn.run(`ATTACH ':memory:' AS ${DB}`);
  for (const s of caseTableDdl(DB)) await conn.run(s);
  await conn.run(`INSERT INTO ${DB}.main.variants
    SELECT i, CASE WHEN ${h(1, 10)} = 0 THEN 'X' ELSE CAST(1 + ${h(9, 22)} AS VARCHAR) END,
      1000 + i * 37, 1000 + i * 37 + ${h(10, 3)}, 'A', 'G', 'k' || i, 'bases', NULL, 50.0, NULL,
      ${h(11, 5)} <> 0, i + 10, false, 'G' || ${h(3, 30)}, 'missense_variant', ${consequenceMask(['missense_variant']).toString()}::BIGINT * ${h(12, 2)},
      ${IMPACTS}, 0, NULL, NULL, NULL,
      CASE WHEN ${h(4, 7)} = 0 THEN NULL ELSE ${h(4, 1000)} / 20000.0 END, NULL, NULL, NULL,
      1 + ${h(5, 2)}, '0/1', ${h(13, 60)}, ${h(14, 40)}, ${h(15, 100)} / 100.0, NULL, NULL
    FROM range(${String(N)}) t(i)`);
  await conn.run(`UPDATE ${DB}.main.variants SET impact_rank = CASE impact WHEN 'HIGH' THEN 4
    WHEN 'MODERATE' THEN 3 WHEN 'LOW' THEN 2 ELSE 1 END`);
  // Every allele in its gene, one in ten also in a second gene.
  await conn.run(`INSERT INTO ${DB}.main.variant_genes
    SELECT vid, gene FROM ${DB}.main.variants
    UNION ALL SELECT i, 'G' || ${h(7, 30)} FROM range(${String(N)}) t(i) WHERE ${h(8, 10)} = 0`);
  await conn.run(`INSERT INTO ${DB}.main.comphet_sides
    SELECT DISTINCT ON (vg.vid, vg.gene) vg.vid, vg.gene, ${SIDES.replaceAll('(i +', '(vg.vid +')},
      CASE WHEN ${h(16, 2).replaceAll('(i +', '(vg.vid +')} = 0 THEN 1 ELSE 2 END
    FROM ${DB}.main.variant_genes vg WHERE ${h(17, 3).replaceAll('(i +', '(vg.vid +')} = 0`);
  await conn.run(`UPDATE ${DB}.main.comphet_sides SET ps = NULL WHERE side NOT LIKE 'hap%'`);
  await conn.run(`INSERT INTO ${DB}.main.inheritance
    SELECT i, ['autosomal_dominant', 'de_novo', 'homozygous_recessive'][${h(18, 3)} + 1],
      CASE WHEN ${h(19, 2)} = 0 THEN 'confirmed' ELSE 'possible' END
    FROM range(${String(N)}) t(i) WHERE ${h(20, 4)} = 0`);
  await conn.run(derivedColumnsSql(DB));
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
