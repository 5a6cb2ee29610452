/**
 * Test fixture: the small profile generated once into the OS temp folder (shared by every test file
 * and process through ensureData's manifest reuse and lock), never into the git-ignored default root.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ensureData, type DataManifest } from '../index';

/** Root of the shared test data (the profile folder is `${TEST_ROOT}/small`). */
export const TEST_ROOT = join(tmpdir(), 'cohort-desk-generator-tests');

/** The small-profile data with the default seed. */
export function smallTestData(): Promise<DataManifest> {
  return ensureData({ profile: 'small', rootDir: TEST_ROOT });
}

export interface Sql {
  (query: string): Promise<Record<string, unknown>[]>;
  close(): void;
}

/** An in-memory DuckDB connection for queries over the generated files; returns plain JS rows. */
export async function openSql(): Promise<Sql> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const run = async (query: string): Promise<Record<string, unknown>[]> =>
    (await conn.runAndReadAll(query)).getRowObjectsJS();
  return Object.assign(run, {
    close(): void {
      conn.closeSync();
      instance.closeSync();
    },
  });
}
