/**
 * Cached datasets in the renderer's duckdb-wasm (docs/decisions/0010-vault-duckdb-files.md).
 *
 * API (unchanged by 0010):
 * - `loadDataset(datasetId, meta?)` fetches GET /vault/{datasetId}/data.duckdb (main decrypts it),
 *   registers the bytes as `/vault/<alias>.duckdb` and ATTACHes it READ_ONLY as
 *   `datasetDatabaseName(datasetId)`; no rows are copied. A dataset cached before 0010 (the route
 *   answers 404 for data.duckdb) is loaded from its three Arrow tables instead (legacyArrow.ts).
 *   Then the views `individuals`, `variants`, `genotypes` are rebuilt over every loaded dataset.
 *   Resolves with the row counts per table.
 * - `unloadDataset(datasetId)` rebuilds the views without it, DETACHes it and drops the registered
 *   buffer (or the legacy tables), and removes its cd_datasets row.
 * - `loadedDatasets()` lists the loaded ids.
 */
import { noteCacheTerms } from '../../../shared/cohorts/cacheTerms';
import type { CacheTable } from '../../../shared/cohorts/schema';
import {
  CACHE_SQL,
  CACHE_TABLES,
  datasetDatabaseName,
  datasetTableName,
  SCHEMA_VERSION,
  viewStatements,
} from '../../../shared/cohorts/schema';
import { vaultDatabasePath } from '../../../shared/vault/vault';
import { vaultRequestHeaders } from '../api/browserSession';
import { forgetCases } from './cases';
import type { Engine } from './engine';
import { closeEngine, engine } from './engine';
import { dropArrowTables, loadArrowTables } from './legacyArrow';

const loaded = new Set<string>();
/** Loaded datasets that are attached DuckDB files (the others are legacy in-memory tables). */
const attached = new Set<string>();

/** The registered file name: under /vault/, the only folder the engine allows (engine.ts). */
const fileOf = (datasetId: string): string => `/vault/${datasetDatabaseName(datasetId)}.duckdb`;

async function refreshViews(): Promise<void> {
  const { conn } = await engine();
  for (const s of viewStatements([...loaded].sort(), [...attached])) await conn.query(s);
}

async function detach(e: Engine, datasetId: string): Promise<void> {
  await e.conn.query(CACHE_SQL.detach(datasetDatabaseName(datasetId)));
  await e.db.dropFile(fileOf(datasetId));
}

const firstNumber = (t: { toArray(): unknown[] }, column: string): number => {
  const row = t.toArray()[0] as { toJSON(): Record<string, unknown> } | undefined;
  return Number(row?.toJSON()[column] ?? NaN);
};

/** Attaches the dataset's DuckDB file; undefined when it is a pre-0010 (Arrow) copy. */
async function attachDatabase(
  e: Engine,
  datasetId: string,
): Promise<Record<CacheTable, number> | undefined> {
  const res = await fetch(vaultDatabasePath(datasetId), {
    cache: 'no-store',
    credentials: 'same-origin',
    headers: vaultRequestHeaders(),
  });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`The cache refused ${datasetId} (HTTP ${String(res.status)}).`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const alias = datasetDatabaseName(datasetId);
  await detach(e, datasetId);
  // The buffer is transferred to the worker: no copy stays on this thread.
  await e.db.registerFileBuffer(fileOf(datasetId), bytes);
  await e.conn.query(CACHE_SQL.attach(fileOf(datasetId), alias));
  const version = firstNumber(await e.conn.query(CACHE_SQL.fileVersion(alias)), 'v');
  if (!(version <= SCHEMA_VERSION)) {
    await detach(e, datasetId);
    throw new Error(
      `${datasetId} was written for cache schema ${String(version)}; update the app.`,
    );
  }
  const rows = { individuals: 0, variants: 0, genotypes: 0 };
  for (const t of CACHE_TABLES)
    rows[t] = firstNumber(await e.conn.query(CACHE_SQL.rowCount(`${alias}.${t}`)), 'n');
  return rows;
}

/** Loads (or reloads) one cached dataset and rebuilds the union views. */
export async function loadDataset(
  datasetId: string,
  meta?: Record<string, string>,
): Promise<{ rows: Record<CacheTable, number> }> {
  const e = await engine();
  let rows = await attachDatabase(e, datasetId);
  if (rows === undefined) {
    rows = await loadArrowTables(e, datasetId);
    attached.delete(datasetId);
  } else {
    await dropArrowTables(e, datasetId);
    attached.add(datasetId);
  }
  loaded.add(datasetId);
  // Before the views include it: a query must not expand HPO terms without this dataset's.
  const individuals = attached.has(datasetId)
    ? `${datasetDatabaseName(datasetId)}.individuals`
    : datasetTableName(datasetId, 'individuals');
  const terms = await e.conn.query(CACHE_SQL.phenotypeTerms(individuals));
  noteCacheTerms(
    terms.toArray().map((r) => String((r as { toJSON(): { t: unknown } }).toJSON().t)),
  );
  const stmt = await e.conn.prepare(CACHE_SQL.registerDataset);
  await stmt.query(datasetId, meta?.nodeId ?? '', meta?.title ?? '', meta?.purpose ?? '');
  await stmt.close();
  await refreshViews();
  return { rows };
}

/** Drops one dataset (after a purge or on unload): views first, then its database or tables. */
export async function unloadDataset(datasetId: string): Promise<void> {
  const e = await engine();
  loaded.delete(datasetId);
  const wasAttached = attached.delete(datasetId);
  await refreshViews();
  if (wasAttached) await detach(e, datasetId);
  else await dropArrowTables(e, datasetId);
  const stmt = await e.conn.prepare(CACHE_SQL.forgetDataset);
  await stmt.query(datasetId);
  await stmt.close();
}

/** Ids of the datasets currently loaded. */
export const loadedDatasets = (): string[] => [...loaded].sort();

/** Drops every loaded dataset with the database itself (issue 13: the local service stopped). */
export async function closeDatasets(): Promise<void> {
  loaded.clear();
  attached.clear();
  // Case databases are attached to the same engine: they go with it (issue 16).
  forgetCases();
  await closeEngine();
}
