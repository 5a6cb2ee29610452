import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { CacheTable } from '../../../../shared/cohorts/schema';
import type { VaultService } from '../../vault/vaultService';

/**
 * Tests only: the rows of one table of a cached dataset, read the way the renderer reads them
 * (decrypted DuckDB file attached read-only), here with native DuckDB from a temporary file.
 */
export async function vaultRows(
  vault: Pick<VaultService, 'readPart'>,
  datasetId: string,
  table: CacheTable,
): Promise<Record<string, unknown>[]> {
  const r = vault.readPart(datasetId, 'database');
  if (!r.ok) throw new Error(r.message);
  return databaseRows(r.bytes, table);
}

/** The rows of one table of DuckDB database bytes, in stored order. */
export async function databaseRows(
  bytes: Uint8Array,
  table: CacheTable,
): Promise<Record<string, unknown>[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vault-rows-'));
  const file = join(dir, 'data.duckdb');
  writeFileSync(file, bytes, { mode: 0o600 });
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const conn = await instance.connect();
    await conn.run(`ATTACH '${file}' AS d (READ_ONLY)`);
    const rows = (await conn.runAndReadAll(`SELECT * FROM d.${table}`)).getRowObjectsJS();
    conn.closeSync();
    return rows;
  } finally {
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}
