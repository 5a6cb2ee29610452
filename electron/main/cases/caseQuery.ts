import type { DuckDBConnection } from '@duckdb/node-api';
import type { CaseVariants, Panel } from '../../../shared/cases/channels';
import { CaseVariantRowSchema } from '../../../shared/cases/channels';
import { CASE_SCHEMA_MIN } from '../../../shared/cases/dbSchema';
import type { CaseFilter } from '../../../shared/cases/filters';
import type { CaseSqlContext } from '../../../shared/cases/filterSql';
import { caseCountsAndRowsSql } from '../../../shared/cases/filterSql';
import { genesAbsentSql } from '../../../shared/cases/geneListSql';
import { filterChangeOf } from '../../../shared/cases/reviewSql';
import { caseSqlContext } from '../../../shared/cases/sqlContext';
import {
  pendingMigrations,
  SCHEMA_TABLE_SQL,
  viewStatements,
} from '../../../shared/cohorts/schema';
import { HandlerError } from '../ipc/router';
import { withAttachedCase } from './attachedCase';
import { words } from '../../../shared/appError';

/**
 * The case filters on native DuckDB (issue 16: the command line, and the tests that compare with
 * duckdb-wasm): the same SQL text as the page, over the decrypted database (attachedCase.ts).
 */

/** Runs counts and one page of rows over the case database `bytes`. */
export async function queryCaseBytes(opts: {
  bytes: Uint8Array;
  scratchDir: string;
  filter: CaseFilter;
  panels: readonly Panel[];
  page: { limit: number; offset: number };
}): Promise<CaseVariants> {
  return withAttachedCase({ ...opts, name: 'query' }, async (conn, alias) => {
    const version = Number(
      (
        await conn.runAndReadAll(
          `SELECT max(TRY_CAST(value AS INTEGER)) AS v FROM ${alias}.main.case_meta WHERE key = 'schema_version'`,
        )
      ).getRowObjectsJS()[0]?.v ?? 0,
    );
    // Said to the person as it is (main upgrades older cases first, caseUpgrade.ts: this one failed).
    if (version < CASE_SCHEMA_MIN)
      throw new HandlerError(
        'NOT_ALLOWED',
        `the case was imported by an older Cohort Desk (case schema ${String(version)}) and could not be upgraded to this version; it is unchanged. The log file says why; to review it here, import its VCF again`,
        'caseId',
        words('caseTooOld', { version }),
      );
    // The cohort cache's views, empty: the command line does not load the cohort cache yet (the
    // cohort step then removes nothing and says so by its count).
    for (const s of [SCHEMA_TABLE_SQL, ...pendingMigrations(0), ...viewStatements([])])
      await conn.run(s);
    return runCaseQuery(conn, alias, opts);
  });
}

/** The filters over an attached case database, on a connection that has the cohort views. */
export async function runCaseQuery(
  conn: DuckDBConnection,
  alias: string,
  opts: { filter: CaseFilter; panels: readonly Panel[]; page: { limit: number; offset: number } },
): Promise<CaseVariants> {
  const ctx: CaseSqlContext = await caseSqlContext(
    async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJS(),
    alias,
    opts.panels,
    { individuals: 'individuals', genotypes: 'genotypes' },
  );
  // Counts and the page in one statement: the steps run once (decision 0062).
  const q = caseCountsAndRowsSql(opts.filter, ctx, opts.page);
  const { total, kept, steps, rows } = filterChangeOf(
    (await conn.runAndReadAll(q.sql)).getRowObjectsJS(),
    q.steps,
  );
  const genes = opts.filter.genes ?? [];
  const genesAbsent =
    genes.length === 0
      ? []
      : (await conn.runAndReadAll(genesAbsentSql(alias, genes)))
          .getRowObjectsJS()
          .flatMap((r) => (typeof r.gene === 'string' ? [r.gene] : []));
  return {
    total,
    kept,
    steps,
    genesAbsent,
    rows: rows.map((r) =>
      CaseVariantRowSchema.parse({
        ...r,
        vid: Number(r.vid),
        pos: Number(r.pos),
        p_gq: r.p_gq === null ? null : Number(r.p_gq),
        p_dp: r.p_dp === null ? null : Number(r.p_dp),
        modes: Array.isArray(r.modes) ? r.modes.map(String) : [],
      }),
    ),
  };
}
