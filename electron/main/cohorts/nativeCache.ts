import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import type { CachedDataset } from '../../../shared/cohorts/cacheCatalog';
import { noteCacheTerms } from '../../../shared/cohorts/cacheTerms';
import {
  CACHE_SQL,
  datasetDatabaseName,
  pendingMigrations,
  SCHEMA_TABLE_SQL,
  SCHEMA_VERSION,
  viewStatements,
} from '../../../shared/cohorts/schema';
import type { VaultManifest } from '../../../shared/vault/vault';
import { formatOf } from '../../../shared/vault/vault';
import { HandlerError } from '../ipc/router';
import type { VaultService } from '../vault/vaultTypes';

/** What a query over the native cache gets: the connection and the datasets in its views. */
export interface NativeCache {
  conn: DuckDBConnection;
  datasets: VaultManifest[];
  /** The attached datasets as the cohort SQL reads them (sql.ts; db/ notes the same in the app). */
  catalog: CachedDataset[];
  skipped: { datasetId: string; message: string }[];
}

/**
 * The cohort cache on native DuckDB (issue 23, for the command line): the signed-in user's readable
 * datasets attached read-only under the aliases, with the views and cd_datasets rows, that the
 * renderer builds in duckdb-wasm (renderer/src/db/datasets.ts), so the same SQL from shared/ gives
 * the same answers. As for cases (caseQuery.ts, decision 0010's window): each decrypted file is
 * written 0600 in a 0700 scratch folder of the user's vault folder, attached, and unlinked at once.
 * Then external access and the configuration are locked, so a query cannot read or write files.
 */
export async function withNativeCache<T>(
  vault: VaultService,
  fn: (cache: NativeCache) => Promise<T>,
): Promise<T> {
  const list = vault.list();
  const writer = vault.writer();
  if (list.locked || writer === undefined)
    throw new HandlerError(
      'NOT_ALLOWED',
      list.locked
        ? 'The vault is locked: unlock it with its passphrase first.'
        : 'Sign in to query the datasets you pulled.',
    );
  const scratch = join(writer.userDir, `.native-${randomBytes(6).toString('hex')}`);
  mkdirSync(scratch, { recursive: true, mode: 0o700 });
  const instance = await DuckDBInstance.create(':memory:', {
    threads: '2',
    autoinstall_known_extensions: 'false', // no download from extensions.duckdb.org (issue 21)
  });
  const conn = await instance.connect();
  try {
    await conn.run(SCHEMA_TABLE_SQL);
    for (const s of pendingMigrations(0)) await conn.run(s);
    const datasets: VaultManifest[] = [];
    const catalog: CachedDataset[] = [];
    const skipped: NativeCache['skipped'] = [];
    for (const listed of list.datasets) {
      // An old copy is rewritten into the query layout once, natively, as the app's vault route
      // does (decision 0027); a failed rewrite leaves the old copy, refused below with its reason.
      const rewritten = await vault.upgrade(listed.datasetId).catch(() => false);
      const d = rewritten
        ? (vault.list().datasets.find((m) => m.datasetId === listed.datasetId) ?? listed)
        : listed;
      const attached = await attach(conn, vault, d, scratch);
      if (typeof attached === 'string') skipped.push({ datasetId: d.datasetId, message: attached });
      else {
        datasets.push(d);
        catalog.push({ id: d.datasetId, individuals: attached.individuals });
      }
    }
    const ids = datasets.map((d) => d.datasetId).sort();
    for (const s of viewStatements(ids)) await conn.run(s);
    await conn.run('SET enable_external_access = false');
    await conn.run('SET lock_configuration = true');
    catalog.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return await fn({ conn, datasets, catalog, skipped });
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Attaches one dataset's database: its number of individuals, or a message when it cannot be. */
async function attach(
  conn: DuckDBConnection,
  vault: VaultService,
  d: VaultManifest,
  scratch: string,
): Promise<string | { individuals: number }> {
  if (formatOf(d) !== 'duckdb')
    return 'cached before the database format (decision 0010): pull it again to query it here';
  const part = vault.readPart(d.datasetId, 'database');
  if (!part.ok) return part.message;
  const alias = datasetDatabaseName(d.datasetId);
  const file = join(scratch, `${randomBytes(8).toString('hex')}.duckdb`);
  try {
    writeFileSync(file, part.bytes, { mode: 0o600 });
    await conn.run(CACHE_SQL.attach(file.replaceAll("'", "''"), alias));
  } finally {
    rmSync(file, { force: true });
    part.bytes.fill(0);
  }
  const v = Number(
    (await conn.runAndReadAll(CACHE_SQL.fileVersion(alias))).getRowObjectsJson()[0]?.v,
  );
  if (v !== SCHEMA_VERSION) {
    await conn.run(CACHE_SQL.detach(alias));
    return v > SCHEMA_VERSION
      ? `written for cache schema ${String(v)}; update the app`
      : `stored in cache layout ${String(v)}, which could not be rewritten into this version's layout; pull it again`;
  }
  // Before any query: HPO expansion keeps only the terms the cache holds (as loadDataset does).
  const terms = await conn.runAndReadAll(CACHE_SQL.layoutTerms(alias));
  noteCacheTerms(terms.getRowObjectsJson().map((r) => (typeof r.t === 'string' ? r.t : '')));
  await conn.run(CACHE_SQL.registerDataset, [d.datasetId, d.nodeId, d.title, d.purpose]);
  const counts = await conn.runAndReadAll(CACHE_SQL.layoutRowCounts(alias));
  return { individuals: Number(counts.getRowObjectsJson()[0]?.individuals ?? 0) };
}
