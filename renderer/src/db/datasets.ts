import { tableFromIPC } from 'apache-arrow';
import type { CacheTable } from '../../../shared/cohorts/schema';
import { CACHE_TABLES, datasetTableName, viewStatements } from '../../../shared/cohorts/schema';
import { engine } from './engine';

/** Rows per insert: one-shot inserts of hundreds of MB failed in duckdb-wasm (DESIGN). */
const CHUNK_ROWS = 500_000;
const loaded = new Set<string>();

/** The same-origin route main serves decrypted Arrow IPC on (CONVENTIONS rule 6). */
const tableUrl = (datasetId: string, table: CacheTable): string =>
  `/vault/${encodeURIComponent(datasetId)}/${table}.arrow`;

async function fetchTable(datasetId: string, table: CacheTable): Promise<ArrayBuffer> {
  const res = await fetch(tableUrl(datasetId, table), {
    cache: 'no-store',
    credentials: 'same-origin',
  });
  if (!res.ok)
    throw new Error(`The cache refused ${datasetId} ${table} (HTTP ${String(res.status)}).`);
  return res.arrayBuffer();
}

async function refreshViews(): Promise<void> {
  const { conn } = await engine();
  for (const s of viewStatements([...loaded].sort())) await conn.query(s);
}

/** Loads (or reloads) one cached dataset's three tables and rebuilds the union views. */
export async function loadDataset(
  datasetId: string,
  meta?: Record<string, string>,
): Promise<{ rows: Record<CacheTable, number> }> {
  const { conn } = await engine();
  const bytes = await Promise.all(CACHE_TABLES.map((t) => fetchTable(datasetId, t)));
  const rows = { individuals: 0, variants: 0, genotypes: 0 };
  for (const [k, table] of CACHE_TABLES.entries()) {
    const name = datasetTableName(datasetId, table);
    const arrow = tableFromIPC(new Uint8Array(bytes[k] ?? new ArrayBuffer(0)));
    await conn.query(`DROP TABLE IF EXISTS ${name}`);
    for (let start = 0; start < Math.max(arrow.numRows, 1); start += CHUNK_ROWS)
      await conn.insertArrowTable(arrow.slice(start, start + CHUNK_ROWS), {
        name,
        create: start === 0,
      });
    rows[table] = arrow.numRows;
  }
  loaded.add(datasetId);
  const stmt = await conn.prepare(
    'INSERT OR REPLACE INTO cd_datasets (dataset_id, node_id, title, purpose) VALUES (?, ?, ?, ?)',
  );
  await stmt.query(datasetId, meta?.nodeId ?? '', meta?.title ?? '', meta?.purpose ?? '');
  await stmt.close();
  await refreshViews();
  return { rows };
}

/** Drops one dataset's tables (after a purge or on unload) and rebuilds the views. */
export async function unloadDataset(datasetId: string): Promise<void> {
  const { conn } = await engine();
  loaded.delete(datasetId);
  await refreshViews();
  for (const t of CACHE_TABLES)
    await conn.query(`DROP TABLE IF EXISTS ${datasetTableName(datasetId, t)}`);
  const stmt = await conn.prepare('DELETE FROM cd_datasets WHERE dataset_id = ?');
  await stmt.query(datasetId);
  await stmt.close();
}

/** Ids of the datasets currently loaded. */
export const loadedDatasets = (): string[] => [...loaded].sort();
