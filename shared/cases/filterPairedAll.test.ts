import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFilter } from './filters';
import type { CaseSqlContext } from './filterSql';
import { caseCountsSql, caseRowsSql } from './filterSql';
import { KEPT_SET, keptSetSql } from './keptSet';
import type { LayoutPanel } from './queryLayout';
import { queryLayoutSql } from './queryLayout';
import { caseChangeSql, filterChangeOf } from './reviewSql';
import { caseSqlContext } from './sqlContext';
import { generatedCaseSql } from './testing/generatedCase';

// Issue 16 (decision 0097): compound hets as a step among others pair over every allele the other
// steps keep. From case schema 7 (decision 0093) that pairing tests the steps on the sides' own
// copy of the filter table's columns instead of a semi join of every side with the ids of a scan
// of the filter table (`pre`); and an impact step is a literal list, not a mark join per allele.
// Both must give exactly the old results: the same statements of a case without the sides'
// columns (`laidSides` false: the old path, which a schema-6 case still takes) are the reference,
// on a generated case with every side kind, phase sets, a second gene per allele, missing impacts
// and frequencies, and X-linked alleles.

let conn: DuckDBConnection;
const DB = 'case_paired_all';
const PANELS: LayoutPanel[] = [
  { id: 'acmg-sf', genes: ['G1', 'G4', 'G9', 'G28'] },
  { id: 'cancer', genes: ['G4', 'G5', 'G12', 'G13', 'G21'] },
  { id: 'epilepsy', genes: ['G3', 'G7', 'G11', 'G19'] },
];

const rows = async (sql: string): Promise<Record<string, unknown>[]> =>
  (await conn.runAndReadAll(sql)).getRowObjectsJS();

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  await conn.run(`ATTACH ':memory:' AS ${DB}`);
  for (const s of generatedCaseSql(DB, 4000)) await conn.run(s);
  // Alleles without an impact (intergenic annotations): a literal list must not keep them.
  await conn.run(`UPDATE ${DB}.main.variants SET impact = NULL WHERE vid % 17 = 3`);
  for (const s of queryLayoutSql(DB, PANELS)) await conn.run(s);
});
afterAll(() => conn.closeSync());

/** Every filter pairs compound hets over the alleles its other steps keep (`pairedAll`). */
const PAIRED_ALL: [string, CaseFilter][] = [
  [
    'impact + frequency + compound het (the bench)',
    { impacts: ['HIGH', 'MODERATE'], maxPopAf: 0.01, inheritance: ['compound_het'] },
  ],
  [
    'panel + compound het, confirmed only',
    { panels: ['epilepsy', 'cancer'], inheritance: ['compound_het'], includePossible: false },
  ],
  [
    'gene list + quality + pass + three modes',
    {
      genes: ['G2', 'g5', 'G17', 'G22'],
      minGq: 20,
      minDp: 10,
      passOnly: true,
      inheritance: ['compound_het', 'homozygous_recessive', 'autosomal_dominant'],
    },
  ],
  [
    'regions + consequence + allele balance + compound het',
    {
      regions: [
        { chrom: 'chr5', start: 0, end: 90_000 },
        { chrom: '7', start: 10_000, end: 120_000 },
        { chrom: 'X', start: 0, end: 200_000 },
      ],
      consequences: ['missense_variant'],
      minAb: 0.2,
      maxAb: 0.9,
      inheritance: ['compound_het'],
    },
  ],
  [
    'frequency + compound het + de novo + X-linked',
    {
      maxPopAf: 0.02,
      inheritance: ['compound_het', 'de_novo', 'x_linked_recessive', 'x_linked_dominant'],
    },
  ],
  [
    'one impact + panels + frequency + compound het',
    {
      impacts: ['LOW'],
      panels: ['acmg-sf', 'cancer', 'epilepsy'],
      maxPopAf: 0.04,
      inheritance: ['compound_het'],
    },
  ],
  [
    'no impact at all + compound het (nothing kept)',
    { impacts: [], inheritance: ['compound_het'] },
  ],
];

const plain = (x: unknown): unknown =>
  JSON.parse(JSON.stringify(x, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)));

describe('issue 16: compound hets paired over every kept allele on the sides alone (decision 0097)', () => {
  for (const [name, filter] of PAIRED_ALL)
    it(`${name}: the counts, pages, change and kept sets of the old pairing`, async () => {
      const ctx: CaseSqlContext = await caseSqlContext(rows, DB, PANELS);
      expect(ctx.laidSides).toBe(true);
      const old: CaseSqlContext = { ...ctx, laidSides: false };
      // The new path reads no ids of `pre` to pair; the old one (schema 6) does.
      const counts = caseCountsSql(filter, ctx);
      expect(counts.sql).not.toMatch(/SELECT vid FROM pre\b/);
      expect(caseCountsSql(filter, old).sql).toMatch(/SELECT vid FROM pre WHERE ch_all > 0/);
      const [c] = await rows(counts.sql);
      expect(c).toEqual((await rows(caseCountsSql(filter, old).sql))[0]);
      for (const page of [
        { limit: 200, offset: 0 },
        { limit: 9, offset: 13 },
      ])
        expect(await rows(caseRowsSql(filter, ctx, page))).toEqual(
          await rows(caseRowsSql(filter, old, page)),
        );
      const change = caseChangeSql(filter, ctx, { limit: 200 });
      const want = caseChangeSql(filter, old, { limit: 200 });
      const got = filterChangeOf(await rows(change.sql), change.steps);
      expect(plain(got)).toEqual(plain(filterChangeOf(await rows(want.sql), want.steps)));
      for (const sort of [
        { key: 'default', dir: 'asc' },
        { key: 'gene', dir: 'desc' },
        { key: 'modes', dir: 'asc' },
      ] as const) {
        await conn.run(keptSetSql(filter, ctx, { sort, cap: 500 }));
        const kept = await rows(`SELECT * FROM ${KEPT_SET} ORDER BY i`);
        await conn.run(keptSetSql(filter, old, { sort, cap: 500 }));
        expect(kept).toEqual(await rows(`SELECT * FROM ${KEPT_SET} ORDER BY i`));
      }
      if (name.includes('nothing kept')) expect(got.kept).toBe(0);
      else {
        // Not an equality of empty pairings: real compound hets are kept, as rows of the table.
        expect(got.rows.some((r) => String(r.modes).includes('compound_het'))).toBe(true);
        expect(got.kept).toBeGreaterThan(0);
      }
    });

  it('an impact step keeps exactly the alleles with one of its impacts (none without an impact)', async () => {
    const ctx = await caseSqlContext(rows, DB, PANELS);
    const all = await rows(`SELECT vid, impact FROM ${DB}.main.variants`);
    expect(all.some((r) => r.impact === null)).toBe(true);
    for (const impacts of [
      ['HIGH'],
      ['MODERATE', 'LOW'],
      ['HIGH', 'MODERATE', 'LOW', 'MODIFIER'],
      [],
    ] as const) {
      const f: CaseFilter = { impacts: [...impacts] };
      const sql = caseRowsSql(f, ctx, { limit: 100_000, offset: 0 });
      expect(sql).not.toMatch(/unnest/);
      const want = all
        .filter((r) => (impacts as readonly unknown[]).includes(r.impact))
        .map((r) => Number(r.vid))
        .sort((a, b) => a - b);
      const got = (await rows(sql)).map((r) => Number(r.vid)).sort((a, b) => a - b);
      expect(got).toEqual(want);
      const [c] = await rows(caseCountsSql(f, ctx).sql);
      expect(c?.kept).toBe(want.length);
    }
  });
});
