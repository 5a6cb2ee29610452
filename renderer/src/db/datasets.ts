/**
 * Cached datasets in the renderer's duckdb-wasm (docs/decisions/0010, 0027).
 *
 * API (unchanged by 0010 and 0027):
 * - `loadDataset(datasetId, meta?)` fetches GET /vault/{datasetId}/data.duckdb (main decrypts it),
 *   registers the bytes as `/vault/<alias>.duckdb` and ATTACHes it READ_ONLY as
 *   `datasetDatabaseName(datasetId)`; no rows are copied. Older caches get their query layout
 *   built in memory under the same name: a layout-1 DuckDB file (0010) from its tables, a cache
 *   from before 0010 (the route answers 404 for data.duckdb) from its three Arrow tables. Then the
 *   views `individuals`, `variants`, `genotypes` are rebuilt over every loaded dataset and the
 *   dataset is noted for the cohort SQL (cacheCatalog.ts). Resolves with the row counts per table.
 * - `unloadDataset(datasetId)` forgets it, rebuilds the views without it, DETACHes it and drops
 *   the registered buffer (or its in-memory tables), and removes its cd_datasets row.
 * - `loadedDatasets()` lists the loaded ids.
 */
import { forgetDataset, noteDataset } from '../../../shared/cohorts/cacheCatalog';
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
import { SaidError } from '../i18n/said';
import { forgetCases } from './cases';
import type { Engine } from './engine';
import { closeEngine } from './engine';
import { dropInMemory, layoutInMemory, loadArrowTables } from './legacyArrow';
import { onConnection } from './query';
import { vaultRefused } from './vaultRefused';

const loaded = new Set<string>();
/** Loaded datasets that are attached DuckDB files (the others are in-memory layouts). */
const attached = new Set<string>();

/** The registered file name: under /vault/, the only folder the engine allows (engine.ts). */
const fileOf = (datasetId: string): string => `/vault/${datasetDatabaseName(datasetId)}.duckdb`;
/** The alias a layout-1 file is attached under while its layout is built in memory. */
const sourceOf = (datasetId: string): string => `${datasetDatabaseName(datasetId)}_src`;

async function refreshViews({ conn }: Engine): Promise<void> {
  for (const s of viewStatements([...loaded].sort())) await conn.query(s);
}

async function detach(e: Engine, datasetId: string): Promise<void> {
  await e.conn.query(CACHE_SQL.detach(datasetDatabaseName(datasetId)));
  await e.conn.query(CACHE_SQL.detach(sourceOf(datasetId)));
  await e.db.dropFile(fileOf(datasetId));
}

const firstNumber = (t: { toArray(): unknown[] }, column: string): number => {
  const row = t.toArray()[0] as { toJSON(): Record<string, unknown> } | undefined;
  return Number(row?.toJSON()[column] ?? NaN);
};

/** The dataset's DuckDB file as main serves it; undefined for a pre-0010 (Arrow) copy (404). */
async function fetchDatabase(datasetId: string): Promise<Uint8Array | undefined> {
  const res = await fetch(vaultDatabasePath(datasetId), {
    cache: 'no-store',
    credentials: 'same-origin',
    headers: vaultRequestHeaders(),
  });
  if (res.status === 404) return undefined;
  if (!res.ok)
    throw await vaultRefused(
      res,
      datasetId,
      `The cache refused ${datasetId} (HTTP ${String(res.status)}).`,
    );
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * Attaches the dataset's DuckDB file (`bytes`, fetched before): as is when it holds the query
 * layout, or as the source of an in-memory layout when it predates it.
 */
async function attachDatabase(e: Engine, datasetId: string, bytes: Uint8Array): Promise<void> {
  const alias = datasetDatabaseName(datasetId);
  await detach(e, datasetId);
  await dropInMemory(e, datasetId);
  // The buffer is transferred to the worker: no copy stays on this thread.
  await e.db.registerFileBuffer(fileOf(datasetId), bytes);
  await e.conn.query(CACHE_SQL.attach(fileOf(datasetId), alias));
  const version = firstNumber(await e.conn.query(CACHE_SQL.fileVersion(alias)), 'v');
  if (!(version <= SCHEMA_VERSION)) {
    await detach(e, datasetId);
    throw new SaidError(
      { key: 'datasetNewer', params: { dataset: datasetId, version: String(version) } },
      `${datasetId} was written for cache schema ${String(version)}; update the app.`,
    );
  }
  if (version === SCHEMA_VERSION) {
    attached.add(datasetId);
    return;
  }
  // An older file (0010's three tables, or 0027's layout through its public views) feeds an
  // in-memory layout, then it goes; main normally rewrote it first (cacheUpgrade.ts).
  await e.conn.query(CACHE_SQL.detach(alias));
  await e.conn.query(CACHE_SQL.attach(fileOf(datasetId), sourceOf(datasetId)));
  const src = Object.fromEntries(CACHE_TABLES.map((t) => [t, `${sourceOf(datasetId)}.main.${t}`]));
  await layoutInMemory(e, datasetId, src as Record<CacheTable, string>);
  await detach(e, datasetId);
  attached.delete(datasetId);
}

/** Rows per public table, from the layout (genotypes: carrier entries plus unlinked rows). */
async function rowCounts(e: Engine, db: string): Promise<Record<CacheTable, number>> {
  const row = (await e.conn.query(CACHE_SQL.layoutRowCounts(db))).toArray()[0] as
    { toJSON(): Record<string, unknown> } | undefined;
  const n = (c: CacheTable): number => Number(row?.toJSON()[c] ?? NaN);
  return { individuals: n('individuals'), variants: n('variants'), genotypes: n('genotypes') };
}

/**
 * Loads (or reloads) one cached dataset and rebuilds the union views. The file is fetched first;
 * everything the engine does with it runs on the connection alone (query.ts onConnection), so a
 * query sent meanwhile is answered before or after the load, never cut short by it.
 */
export async function loadDataset(
  datasetId: string,
  meta?: Record<string, string>,
): Promise<{ rows: Record<CacheTable, number> }> {
  forgetDataset(datasetId);
  const bytes = await fetchDatabase(datasetId);
  return onConnection(async (e) => {
    if (bytes !== undefined) await attachDatabase(e, datasetId, bytes);
    else {
      // A cache from before 0010: its three Arrow tables (rare; fetched with the connection held).
      await detach(e, datasetId);
      await loadArrowTables(e, datasetId);
      const src = Object.fromEntries(CACHE_TABLES.map((t) => [t, datasetTableName(datasetId, t)]));
      await layoutInMemory(e, datasetId, src as Record<CacheTable, string>);
      for (const t of CACHE_TABLES)
        await e.conn.query(CACHE_SQL.dropTable(datasetTableName(datasetId, t)));
      attached.delete(datasetId);
    }
    loaded.add(datasetId);
    const db = datasetDatabaseName(datasetId);
    // Before the views include it: a query must not expand HPO terms without this dataset's.
    const terms = await e.conn.query(CACHE_SQL.layoutTerms(db));
    noteCacheTerms(
      terms.toArray().map((r) => String((r as { toJSON(): { t: unknown } }).toJSON().t)),
    );
    const stmt = await e.conn.prepare(CACHE_SQL.registerDataset);
    await stmt.query(datasetId, meta?.nodeId ?? '', meta?.title ?? '', meta?.purpose ?? '');
    await stmt.close();
    await refreshViews(e);
    const rows = await rowCounts(e, db);
    noteDataset({ id: datasetId, individuals: rows.individuals });
    return { rows };
  });
}

/** Drops one dataset (after a purge or on unload): its note and views first, then its data. */
export async function unloadDataset(datasetId: string): Promise<void> {
  forgetDataset(datasetId);
  loaded.delete(datasetId);
  const wasAttached = attached.delete(datasetId);
  await onConnection(async (e) => {
    await refreshViews(e);
    if (wasAttached) await detach(e, datasetId);
    else await dropInMemory(e, datasetId);
    const stmt = await e.conn.prepare(CACHE_SQL.forgetDataset);
    await stmt.query(datasetId);
    await stmt.close();
  });
}

/** Ids of the datasets currently loaded. */
export const loadedDatasets = (): string[] => [...loaded].sort();

/** Drops every loaded dataset with the database itself (issue 13: the local service stopped). */
export async function closeDatasets(): Promise<void> {
  // The cohort SQL must not name a dataset whose database is gone.
  for (const id of loaded) forgetDataset(id);
  loaded.clear();
  attached.clear();
  // Case databases are attached to the same engine: they go with it (issue 16).
  forgetCases();
  await closeEngine();
}
