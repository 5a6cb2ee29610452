import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFilter, InheritanceMode, PanelId } from './filters';
import type { CaseSqlContext } from './filterSql';
import { caseCountsSql, caseRowsSql } from './filterSql';
import type { LayoutPanel } from './queryLayout';
import { queryLayoutSql } from './queryLayout';
import { caseSqlContext } from './sqlContext';
import { generatedCaseSql } from './testing/generatedCase';

// Issue 16 (decision 0062): the panel step tests a bit per shipped panel in the filter table
// instead of joining `variant_genes` over every allele. The plain query over `variants` (no page
// or filter table, the panels' gene lists) is the reference: counts and every kept row must be
// equal for a grid of panel × frequency × inheritance filters, and a bit built from another gene
// list than the app's (a panel changed since the import) must not be used.

let conn: DuckDBConnection;
const DB = 'case_bits';
const all = { limit: 100_000, offset: 0 };
const PANELS: LayoutPanel[] = [
  { id: 'acmg-sf', genes: ['G1', 'G4', 'G9', 'G28'] },
  { id: 'cancer', genes: ['G4', 'G5', 'G12', 'G13', 'G21'] },
  { id: 'epilepsy', genes: ['G3', 'G7', 'G11', 'G19'] },
];
// The epilepsy panel as a later version of the app ships it.
const EDITED: LayoutPanel[] = PANELS.map((p) =>
  p.id === 'epilepsy' ? { id: p.id, genes: ['G3', 'G8', 'G11', 'G20', 'G29'] } : p,
);

const rows = async (sql: string): Promise<Record<string, unknown>[]> =>
  (await conn.runAndReadAll(sql)).getRowObjectsJS();
const plainOf = (panels: readonly LayoutPanel[]): CaseSqlContext => ({
  db: DB,
  panelGenes: (id) => panels.find((p) => p.id === id)?.genes ?? [],
});
const laidOf = (panels: readonly LayoutPanel[]): Promise<CaseSqlContext> =>
  caseSqlContext(rows, DB, panels);

/** Counts and every kept row of `f` are the plain query's, and one page is the whole's slice. */
async function expectSame(f: CaseFilter, laid: CaseSqlContext, plain: CaseSqlContext) {
  expect(await rows(caseCountsSql(f, laid).sql)).toEqual(await rows(caseCountsSql(f, plain).sql));
  const whole = await rows(caseRowsSql(f, laid, all));
  expect(whole).toEqual(await rows(caseRowsSql(f, plain, all)));
  const offset = Math.floor(whole.length / 2);
  expect(await rows(caseRowsSql(f, laid, { limit: 5, offset }))).toEqual(
    whole.slice(offset, offset + 5),
  );
  return whole.length;
}

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  await conn.run(`ATTACH ':memory:' AS ${DB}`);
  for (const s of generatedCaseSql(DB, 1500)) await conn.run(s);
  for (const s of queryLayoutSql(DB, PANELS)) await conn.run(s);
});
afterAll(() => conn.closeSync());

const PANEL_CHOICES: { panels?: PanelId[]; genes?: string[] }[] = [
  {},
  { panels: ['epilepsy'] },
  { panels: ['acmg-sf', 'cancer'] },
  { panels: ['cancer'], genes: ['G2', 'G4'] },
];
const FREQUENCIES: (number | undefined)[] = [undefined, 0.01];
const MODES: (InheritanceMode[] | undefined)[] = [
  undefined,
  ['homozygous_recessive'],
  ['compound_het'],
  ['autosomal_dominant', 'compound_het'],
];
const GRID: CaseFilter[] = PANEL_CHOICES.flatMap((p) =>
  FREQUENCIES.flatMap((maxPopAf) =>
    MODES.map((inheritance) => ({
      ...p,
      ...(maxPopAf === undefined ? {} : { maxPopAf }),
      ...(inheritance === undefined ? {} : { inheritance }),
    })),
  ),
);

describe('issue 16: panel bits in the filter table (decision 0062)', () => {
  it('every shipped panel gets its bit, and the panel step tests it instead of variant_genes', async () => {
    const laid = await laidOf(PANELS);
    expect([...(laid.panelBits ?? new Map<string, number>())]).toEqual([
      ['acmg-sf', 1],
      ['cancer', 2],
      ['epilepsy', 4],
    ]);
    const sql = caseCountsSql({ panels: ['epilepsy', 'cancer'] }, laid).sql;
    expect(sql).toContain('panel_mask & 6');
    expect(sql).not.toContain('variant_genes');
  });

  it('panel × frequency × inheritance: counts and rows equal the plain query', async () => {
    const laid = await laidOf(PANELS);
    const plain = plainOf(PANELS);
    let kept = 0;
    for (const f of GRID) kept += Math.min(1, await expectSame(f, laid, plain));
    // Most combinations keep something, so the equality is not between empty results.
    expect(kept).toBeGreaterThan(GRID.length / 2);
  });

  it('a panel changed since the import is looked up by its genes, not by its old bit', async () => {
    const laid = await laidOf(EDITED);
    expect([...(laid.panelBits?.keys() ?? [])]).toEqual(['acmg-sf', 'cancer']);
    const f: CaseFilter = { panels: ['epilepsy', 'acmg-sf'], maxPopAf: 0.01 };
    expect(caseCountsSql(f, laid).sql).toContain('variant_genes');
    expect(await expectSame(f, laid, plainOf(EDITED))).toBeGreaterThan(0);
    // The old bit would keep other alleles: the edit changes the result.
    expect(await rows(caseRowsSql(f, plainOf(PANELS), all))).not.toEqual(
      await rows(caseRowsSql(f, laid, all)),
    );
  });

  it('a new import (the layout built again) gives the changed panel its bit again', async () => {
    for (const s of queryLayoutSql(DB, EDITED)) await conn.run(s);
    try {
      const laid = await laidOf(EDITED);
      expect(laid.panelBits?.get('epilepsy')).toBe(4);
      for (const f of GRID.filter((g) => g.panels?.includes('epilepsy')))
        await expectSame(f, laid, plainOf(EDITED));
    } finally {
      for (const s of queryLayoutSql(DB, PANELS)) await conn.run(s);
    }
  });

  it('the cohort step reads variants, so its panel step joins variant_genes', async () => {
    const laid = await laidOf(PANELS);
    const f: CaseFilter = {
      panels: ['epilepsy'],
      maxCohortFrequency: { max: 0.1, by: 'dataset', minIndividuals: 20 },
    };
    expect(caseCountsSql(f, laid).sql).toContain('variant_genes');
  });
});
