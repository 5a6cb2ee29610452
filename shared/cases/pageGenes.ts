/**
 * The genes of a page's compound hets, asked before the filter change (issue 16, decision 0090).
 * The change statement pairs compound hets for the page's rows over the genes of the page's
 * alleles (filterSql.ts rowsParts). As a subquery DuckDB scanned every row of `comphet_sides`
 * twice for it (the genes of the page's alleles, then every candidate of those genes, reading the
 * gene strings of all 1.2 M rows of a genome); given as literals, DuckDB pushes the lists into the
 * scans and reads the matching rows only. Two small statements first: the page's alleles that pair
 * at all (`ch_all > 0`), then their genes with the ids inlined. The same text for duckdb-wasm, main
 * and the command line; the change's result is the same as with the subquery (same genes).
 */
import type { CaseFilter } from './filters';
import type { CaseSqlContext } from './filterSql';
import { rowsParts } from './filterSql';

/** Runs one statement, its rows as objects (filterRuns.ts RunSql). */
type Run = (sql: string) => Promise<readonly Record<string, unknown>[]>;

/**
 * The page's alleles whose compound hets the page pairs, or undefined when the page pairs none
 * (every allele kept by the other steps: the import's `ch_all`; compound hets paired over every
 * kept allele; no filter table, or the cohort step, where the page stays the one statement).
 */
export function pagePairedVidsSql(
  f: CaseFilter,
  ctx: CaseSqlContext,
  page: { limit: number; offset: number },
): string | undefined {
  // The page only: its pairing (genes none yet) is not read.
  const r = rowsParts(f, ctx, page, [], true, []);
  if (!r.w.laid || r.w.pairedAll || r.w.chAll) return undefined;
  return `${r.ctes}\nSELECT vid FROM page WHERE ch_all > 0`;
}

/** The genes of alleles `vids` as candidate sides (`comphet_sides`), ids inlined. */
export const sidesGenesSql = (db: string, vids: readonly number[]): string =>
  `SELECT DISTINCT gene FROM ${db}.main.comphet_sides WHERE vid IN (${vids.map((v) => String(Math.trunc(v))).join(', ')}) AND gene IS NOT NULL ORDER BY gene`;

/**
 * The genes for caseCountsAndRowsSql / caseChangeSql `pageGenes` (undefined: the page pairs none,
 * pass nothing). The page is the change's page (`page` the same limit and offset).
 */
export async function pageGenesOf(
  run: Run,
  f: CaseFilter,
  ctx: CaseSqlContext,
  page: { limit: number; offset: number },
): Promise<readonly string[] | undefined> {
  const sql = pagePairedVidsSql(f, ctx, page);
  if (sql === undefined) return undefined;
  const vids = (await run(sql)).map((r) => Number(r.vid));
  if (vids.length === 0) return [];
  return (await run(sidesGenesSql(ctx.db, vids))).flatMap((r) =>
    typeof r.gene === 'string' ? [r.gene] : [],
  );
}
