import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CacheTable } from '../../../shared/cohorts/schema';
import { CACHE_TABLES } from '../../../shared/cohorts/schema';
import type { DatasetColumns } from './datasetBuild';
import { buildInstance, openDatasetBuild, writeLayout } from './datasetBuild';

export { DUCKDB_STORAGE_VERSION } from './datasetBuild';
export type { DatasetColumns } from './datasetBuild';

/**
 * Builds one dataset's DuckDB database file with native DuckDB (docs/decisions/0010): the query
 * layout of shared/cohorts/layout.ts (0027: sorted, integer-keyed tables, carrier lists and
 * summaries, views `individuals`, `variants`, `genotypes` with the public columns) and `cd_meta`
 * (the layout version the file implements). The renderer's duckdb-wasm attaches it read-only from
 * a registered buffer, so it keeps DuckDB's compressed storage and needs no insert.
 */

/** The scratch folder of a staging folder: the only place plaintext ever touches the disk. */
export const scratchDir = (stagingDir: string): string => join(stagingDir, 'scratch');

/** Where main rewrites an old cache into the query layout (cacheUpgrade.ts), per user. */
export const UPGRADE_DIR = '.upgrade';

/**
 * Removes every pull's scratch folder under a user's vault (`.staging/<job>/scratch`) and any
 * cache rewrite a crash interrupted (`.upgrade/`: the old folder is untouched until its swap).
 */
export function sweepScratch(userDir: string): void {
  rmSync(join(userDir, UPGRADE_DIR), { recursive: true, force: true });
  const root = join(userDir, '.staging');
  if (!existsSync(root)) return;
  for (const job of readdirSync(root))
    rmSync(scratchDir(join(root, job)), { recursive: true, force: true });
}

/**
 * Writes the database into a 0600 file in `scratch` (0700, inside the user's staging folder),
 * reads it back and deletes it before returning: DuckDB cannot write a database file to memory,
 * so the plaintext exists on disk for the duration of this call only (0010, "exposure window").
 */
export async function buildDuckDbFile(
  scratch: string,
  data: DatasetColumns,
  ids: { datasetId: string; nodeId: string },
): Promise<Buffer> {
  const build = await openDatasetBuild(ids);
  try {
    for (const table of CACHE_TABLES) build.append(table, data[table]);
  } catch (error: unknown) {
    build.close();
    throw error;
  }
  return build.finish(scratch);
}

/**
 * Rewrites a layout-1 file (0010: the three public tables) into the query layout, natively (issue
 * 20: duckdb-wasm rebuilt it at every load, 80 s at 5M genotypes). The old bytes are written to a
 * second 0600 file in the same scratch folder and deleted with it: the same exposure window.
 */
export async function relayoutDuckDbFile(
  scratch: string,
  legacy: Uint8Array,
  ids: { datasetId: string; nodeId: string },
): Promise<Buffer> {
  mkdirSync(scratch, { recursive: true, mode: 0o700 });
  const old = join(scratch, `${randomBytes(8).toString('hex')}.old.duckdb`);
  try {
    writeFileSync(old, legacy, { mode: 0o600, flag: 'wx' });
    const instance = await buildInstance();
    try {
      const conn = await instance.connect();
      await conn.run(`ATTACH '${old}' AS legacy (READ_ONLY)`);
      const src = Object.fromEntries(CACHE_TABLES.map((t) => [t, `legacy.main.${t}`]));
      return await writeLayout(conn, scratch, ids, src as Record<CacheTable, string>);
    } finally {
      instance.closeSync();
    }
  } finally {
    rmSync(old, { force: true });
    rmSync(`${old}.wal`, { force: true });
  }
}
