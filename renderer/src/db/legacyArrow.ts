import { tableFromIPC } from 'apache-arrow';
import { layoutStatements } from '../../../shared/cohorts/layout';
import type { CacheTable } from '../../../shared/cohorts/schema';
import {
  CACHE_SQL,
  CACHE_TABLES,
  datasetDatabaseName,
  datasetTableName,
} from '../../../shared/cohorts/schema';
import { vaultTablePath } from '../../../shared/vault/vault';
import { vaultRequestHeaders } from '../api/browserSession';
import { vaultRefused } from './vaultRefused';
import type { Engine } from './engine';

/** Rows per insert: one-shot inserts of hundreds of MB failed in duckdb-wasm (DESIGN). */
const CHUNK_ROWS = 500_000;

/**
 * Loads a dataset cached before decision 0010 (three Arrow IPC tables, 0006) into in-memory tables
 * named datasetTableName: the source of its in-memory layout (layoutInMemory). Kept so that
 * existing caches stay usable without a migration step.
 */
export async function loadArrowTables({ conn }: Engine, datasetId: string): Promise<void> {
  for (const table of CACHE_TABLES) {
    const res = await fetch(vaultTablePath(datasetId, table), {
      cache: 'no-store',
      credentials: 'same-origin',
      headers: vaultRequestHeaders(),
    });
    if (!res.ok)
      throw await vaultRefused(
        res,
        datasetId,
        `The cache refused ${datasetId} ${table} (HTTP ${String(res.status)}).`,
      );
    const arrow = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    const name = datasetTableName(datasetId, table);
    await conn.query(CACHE_SQL.dropTable(name));
    for (let start = 0; start < Math.max(arrow.numRows, 1); start += CHUNK_ROWS)
      await conn.insertArrowTable(arrow.slice(start, start + CHUNK_ROWS), {
        name,
        create: start === 0,
      });
  }
}

/**
 * Builds the query layout (docs/decisions/0027) of a dataset cached before it, in an in-memory
 * schema named like an attached file, from `src` (its Arrow tables, or the tables of a layout-1
 * DuckDB file): the SQL then reads every dataset the same way. Costs one pass at load.
 */
export async function layoutInMemory(
  { conn }: Engine,
  datasetId: string,
  src: Record<CacheTable, string>,
): Promise<void> {
  const schema = datasetDatabaseName(datasetId);
  await conn.query(CACHE_SQL.dropSchema(schema));
  await conn.query(CACHE_SQL.createSchema(schema));
  for (const s of layoutStatements(src, schema)) await conn.query(s);
}

/** Drops a dataset's in-memory layout and Arrow tables (no-op for an attached file). */
export async function dropInMemory({ conn }: Engine, datasetId: string): Promise<void> {
  await conn.query(CACHE_SQL.dropSchema(datasetDatabaseName(datasetId)));
  for (const t of CACHE_TABLES)
    await conn.query(CACHE_SQL.dropTable(datasetTableName(datasetId, t)));
}
