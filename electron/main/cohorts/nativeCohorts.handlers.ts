import type { DuckDBConnection, Json } from '@duckdb/node-api';
import { refuseConsoleSql } from '../../../shared/cohorts/consoleSql';
import type { CohortFilters } from '../../../shared/cohorts/definition';
import { MAX_EXPORT_ROWS } from '../../../shared/cohorts/exportFile';
import type { CohortVariantRow } from '../../../shared/cohorts/exportFormats';
import { toExportRow } from '../../../shared/cohorts/exportFormats';
import type { CohortRows, CohortSqlResult } from '../../../shared/cohorts/nativeChannels';
import { cohortExportCountSql, cohortExportSql } from '../../../shared/cohorts/sql';
import { exportPlan } from '../../../shared/vault/exportRules';
import { isCliSender } from '../ipc/cliSender';
import type { Handlers, Sender } from '../ipc/router';
import { HandlerError } from '../ipc/router';
import type { VaultService } from '../vault/vaultTypes';
import type { NativeCache } from './nativeCache';
import { withNativeCache } from './nativeCache';
import { words } from '../../../shared/appError';

type NativeChannels = 'cohorts:rows' | 'cohorts:sql' | 'cohorts:sqlBatch';

const cliOnly = (sender: Sender): void => {
  // The app's pages run these on duckdb-wasm over the same views; main does it for the CLI only.
  if (!isCliSender(sender))
    throw new HandlerError(
      'NOT_ALLOWED',
      'Cohort queries run in the page; this is for the command line.',
      undefined,
      words('cohortsInPage'),
    );
};

/**
 * The export's rows, chosen as the app's export chooses them (renderer/src/db/cohortExport.ts):
 * DUO decides which datasets may leave (DATA-07), counted first so an export over the cap is
 * refused whole, then one row per individual and matching variant with provenance columns.
 */
export async function cohortRows(
  cache: NativeCache,
  filters: CohortFilters,
): Promise<Omit<CohortRows, 'skipped'>> {
  const plan = exportPlan(cache.datasets, filters.diseases.length > 0);
  const wanted =
    filters.datasets.length === 0
      ? plan.allowed
      : filters.datasets.filter((d) => plan.allowed.includes(d));
  const rows: CohortRows['rows'] = [];
  if (wanted.length > 0) {
    const f = { ...filters, datasets: wanted };
    const c = cohortExportCountSql(f, cache.catalog);
    const n = (await cache.conn.runAndReadAll(c.sql, c.params)).getRowObjectsJS()[0]?.n;
    if (Number(n ?? 0) > MAX_EXPORT_ROWS)
      throw new HandlerError(
        'NOT_ALLOWED',
        `The export would hold more than ${String(MAX_EXPORT_ROWS)} rows; narrow the cohort.`,
      );
    const q = cohortExportSql(f, MAX_EXPORT_ROWS, cache.catalog);
    const found = (await cache.conn.runAndReadAll(q.sql, q.params)).getRowObjectsJson();
    rows.push(...(found as unknown as CohortVariantRow[]).map(toExportRow));
  }
  const individuals = new Set(rows.map((r) => `${r.dataset_id}\u0000${r.individual_id}`)).size;
  return { rows, individuals, included: wanted, decisions: plan.decisions };
}

/** Handlers for the command line's cohort queries on native DuckDB (issue 23). */
export function nativeCohortHandlers(
  vault: VaultService | undefined,
): Pick<Handlers, NativeChannels> {
  const open = <T>(fn: (cache: NativeCache) => Promise<T>): Promise<T> => {
    if (vault === undefined) throw new HandlerError('NOT_ALLOWED', 'No vault here.');
    return withNativeCache(vault, fn);
  };
  return {
    'cohorts:rows': ({ filters }, sender) => {
      cliOnly(sender);
      return open(async (cache) => ({
        ...(await cohortRows(cache, filters)),
        skipped: cache.skipped,
      }));
    },
    'cohorts:sql': ({ sql, limit }, sender) => {
      cliOnly(sender);
      refuse(sql, 'sql');
      return open(async ({ conn, skipped }) => ({
        ...(await runRead(conn, sql, limit, 'sql')),
        skipped,
      }));
    },
    'cohorts:sqlBatch': ({ statements, limit }, sender) => {
      cliOnly(sender);
      // Every statement is checked before any runs: a script is refused whole, never half run.
      statements.forEach((sql, i) => refuse(sql, `statements.${String(i)}`));
      return open(async ({ conn, skipped }) => {
        const results = [];
        for (const [i, sql] of statements.entries())
          results.push(await runRead(conn, sql, limit, `statements.${String(i)}`));
        return { results, skipped };
      });
    },
  };
}

const refuse = (sql: string, field: string): void => {
  const refusal = refuseConsoleSql(sql);
  if (refusal !== undefined) throw new HandlerError('INVALID_REQUEST', refusal, field);
};

/** One read-only statement: its columns and at most `limit` rows, and whether more existed. */
async function runRead(
  conn: DuckDBConnection,
  sql: string,
  limit: number,
  field: string,
): Promise<Omit<CohortSqlResult, 'skipped'>> {
  let reader;
  try {
    reader = await conn.runAndReadUntil(sql, limit + 1);
  } catch (error: unknown) {
    throw new HandlerError(
      'INVALID_REQUEST',
      error instanceof Error ? error.message : String(error),
      field,
    );
  }
  const rows: Json[][] = reader.getRowsJson();
  return {
    columns: reader.columnNames(),
    rows: rows.slice(0, limit),
    truncated: rows.length > limit,
  };
}
