import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingMigrations, SCHEMA_TABLE_SQL, viewStatements } from '../cohorts/schema';
import type { CaseFilter } from './filters';
import type { CaseSqlContext } from './filterSql';
import { caseRowsSql } from './filterSql';
import { caseSortedRowsSql, familyCallsSql, rankInputSql, rankRecordOf } from './reviewSql';
import { trioCaseStatements } from './testing/trioCase';

let conn: DuckDBConnection;
const DB = 'case_trio';
const ctx: CaseSqlContext = {
  db: DB,
  panelGenes: () => [],
  cohort: { individuals: 'individuals', genotypes: 'genotypes' },
};

const rows = async (sql: string): Promise<Record<string, unknown>[]> =>
  (await conn.runAndReadAll(sql)).getRowObjectsJS();

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  await conn.run(`ATTACH ':memory:' AS ${DB}`);
  for (const s of [SCHEMA_TABLE_SQL, ...pendingMigrations(0), ...viewStatements([])])
    await conn.run(s);
  for (const s of trioCaseStatements(DB)) await conn.run(s);
});
afterAll(() => conn.closeSync());

describe('case review queries (issues 16, 17)', () => {
  it('the default order is the filter query own order', async () => {
    const own = await rows(caseRowsSql({}, ctx, { limit: 100, offset: 0 }));
    const sorted = await rows(
      caseSortedRowsSql({}, ctx, { sort: { key: 'default', dir: 'asc' }, kept: 6, limit: 100 }),
    );
    expect(sorted.map((r) => r.vid)).toEqual(own.map((r) => r.vid));
    expect(own.map((r) => r.vid)).toEqual([4, 1, 0, 5, 2, 3]);
  });

  it('sorts every kept allele by a column, missing values last, either way', async () => {
    const byAf = async (dir: 'asc' | 'desc') =>
      (
        await rows(
          caseSortedRowsSql({}, ctx, { sort: { key: 'pop_af', dir }, kept: 6, limit: 100 }),
        )
      ).map((r) => r.vid);
    expect(await byAf('asc')).toEqual([1, 2, 3, 4, 0, 5]);
    expect(await byAf('desc')).toEqual([3, 2, 1, 4, 0, 5]);
    const top = await rows(
      caseSortedRowsSql({}, ctx, { sort: { key: 'gene', dir: 'desc' }, kept: 6, limit: 2 }),
    );
    expect(top.map((r) => r.gene)).toEqual(['GENEX', 'GENED']);
  });

  it('issue 16: windows of the virtualised table are the slices of the whole order, any sort', async () => {
    for (const sort of [
      { key: 'default', dir: 'asc' },
      { key: 'pop_af', dir: 'desc' },
      { key: 'gene', dir: 'asc' },
    ] as const) {
      const whole = (await rows(caseSortedRowsSql({}, ctx, { sort, kept: 6, limit: 100 }))).map(
        (r) => r.vid,
      );
      expect(whole).toHaveLength(6);
      for (const offset of [0, 2, 5]) {
        const got = await rows(caseSortedRowsSql({}, ctx, { sort, kept: 6, limit: 2, offset }));
        expect(got.map((r) => r.vid)).toEqual(whole.slice(offset, offset + 2));
      }
    }
  });

  it('joins the ranking and sorts by it', async () => {
    const ranks = new Map([
      ['GENEB', 2],
      ['GENEA', 1],
    ]);
    const got = await rows(
      caseSortedRowsSql({}, ctx, { sort: { key: 'rank', dir: 'asc' }, kept: 6, limit: 100, ranks }),
    );
    expect(got.map((r) => [r.gene, r.gene_rank])).toEqual([
      ['GENEA', 1],
      ['GENEB', 2],
      ['GENEB', 2],
      ['GENED', null],
      ['GENEX', null],
      ['GENEC', null],
    ]);
  });

  it('hands the ranking every rare kept allele the proband carries, per gene', async () => {
    const got = await rows(rankInputSql({}, ctx, { kept: 6, cap: 100 }));
    const records = got.map(rankRecordOf);
    expect(records.map((r) => [r.gene, r.pos, r.zygosity, r.impact])).toEqual([
      ['GENEB', 2000, 'het', 'HIGH'],
      ['GENEA', 1000, 'het', 'MODERATE'],
      ['GENEX', 5_000_000, 'hom', 'MODERATE'],
      ['GENEB', 2500, 'het', 'MODERATE'],
    ]);
    expect(records[0]?.hgvsp).toBe('p.Gln5Ter');
  });

  it('ranks only what the filter keeps (compound heterozygous pair)', async () => {
    const f: CaseFilter = { inheritance: ['compound_het'], includePossible: false };
    const got = await rows(rankInputSql(f, ctx, { kept: 6, cap: 100 }));
    expect(got.map((r) => r.pos)).toEqual([2000, 2500]);
  });

  it('caps the ranking input, most severe first', async () => {
    const got = await rows(rankInputSql({}, ctx, { kept: 6, cap: 1 }));
    expect(got.map((r) => r.gene)).toEqual(['GENEB']);
  });

  it("reads every member's call in a region for the Browser", async () => {
    const got = await rows(familyCallsSql(DB, { chrom: '2', start: 1999, end: 2600 }, 100));
    expect(got.map((r) => [r.pos, r.member_id, r.role, r.gt])).toEqual([
      [2000, 'P', 'proband', '0/1'],
      [2000, 'M', 'mother', '0/1'],
      [2000, 'F', 'father', '0/0'],
      [2500, 'P', 'proband', '0/1'],
      [2500, 'M', 'mother', '0/0'],
      [2500, 'F', 'father', '0/1'],
    ]);
    const capped = await rows(familyCallsSql(DB, { chrom: '2', start: 1, end: 9999 }, 1));
    expect(new Set(capped.map((r) => r.pos))).toEqual(new Set([2000]));
  });
});
