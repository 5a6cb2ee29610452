import { tableFromIPC } from 'apache-arrow';
import type { CacheTable } from '../../../shared/cohorts/schema';
import { CACHE_SQL, CACHE_TABLES, datasetTableName } from '../../../shared/cohorts/schema';
import { vaultTablePath } from '../../../shared/vault/vault';
import { vaultRequestHeaders } from '../api/browserSession';
import type { Engine } from './engine';

/** Rows per insert: one-shot inserts of hundreds of MB failed in duckdb-wasm (DESIGN). */
const CHUNK_ROWS = 500_000;

/**
 * Loads a dataset cached before decision 0010 (three Arrow IPC tables, 0006) into in-memory tables
 * named datasetTableName. Kept so that existing caches stay usable without a migration step.
 */
export async function loadArrowTables(
  { conn }: Engine,
  datasetId: string,
): Promise<Record<CacheTable, number>> {
  const rows = { individuals: 0, variants: 0, genotypes: 0 };
  for (const table of CACHE_TABLES) {
    const res = await fetch(vaultTablePath(datasetId, table), {
      cache: 'no-store',
      credentials: 'same-origin',
      headers: vaultRequestHeaders(),
    });
    if (!res.ok)
      throw new Error(`The cache refused ${datasetId} ${table} (HTTP ${String(res.status)}).`);
    const arrow = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    const name = datasetTableName(datasetId, table);
    await conn.query(CACHE_SQL.dropTable(name));
    for (let start = 0; start < Math.max(arrow.numRows, 1); start += CHUNK_ROWS)
      await conn.insertArrowTable(arrow.slice(start, start + CHUNK_ROWS), {
        name,
        create: start === 0,
      });
    rows[table] = arrow.numRows;
  }
  return rows;
}

/** Drops a legacy dataset's in-memory tables (no-op for an attached one). */
export async function dropArrowTables({ conn }: Engine, datasetId: string): Promise<void> {
  for (const t of CACHE_TABLES)
    await conn.query(CACHE_SQL.dropTable(datasetTableName(datasetId, t)));
}
