import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { sealChunkedFile } from '../../vault/chunkedCipher';
import { DUCKDB_STORAGE_VERSION } from '../../vault/duckdbFile';
import { databaseBinding, readCaseDatabase, rewriteManifest } from '../caseFolder';
import type { OpenedCase } from '../caseService';
import type { CaseHarness } from './caseHarness';

/**
 * A case's sealed database read and replaced the way an older app version left it (the upgrade
 * tests of decision 0035): the plaintext attached read-only, and another file sealed in its place
 * with the case's own key and binding.
 */

/** The opened case `caseId` of the harness' owner. */
export function openedCase(h: CaseHarness, caseId: string): OpenedCase {
  const c = h.services.cases.find(caseId);
  if (c === undefined) throw new Error(`no case ${caseId}`);
  return c;
}

/** A query runner over an attached database, and a scratch folder deleted afterwards. */
export type PlainFn<T> = (
  run: (sql: string) => Promise<Record<string, unknown>[]>,
  dir: string,
) => Promise<T>;

/** Runs `fn` on a connection with the plaintext `bytes` attached read-only as `cur`. */
export async function withPlainBytes<T>(bytes: Buffer, fn: PlainFn<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'case-upgrade-'));
  const file = join(dir, 'cur.duckdb');
  writeFileSync(file, bytes);
  const instance = await DuckDBInstance.create(':memory:', {
    threads: '1',
    autoinstall_known_extensions: 'false',
  });
  const conn = await instance.connect();
  try {
    await conn.run(`ATTACH '${file}' AS cur (READ_ONLY)`);
    return await fn(async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJS(), dir);
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `fn` on a connection with the case's current plaintext attached read-only as `cur`. */
export async function withPlain<T>(h: CaseHarness, caseId: string, fn: PlainFn<T>): Promise<T> {
  const c = openedCase(h, caseId);
  const o = h.services.cases.owner();
  return withPlainBytes(readCaseDatabase(c.dir, c.folder, o.user, c.dataKey, c.manifest), fn);
}

/** Seals `old` as the case's database, its manifest recording `schema` (undefined: none). */
export function sealOld(
  h: CaseHarness,
  caseId: string,
  old: string,
  schema: number | undefined,
): void {
  const c = openedCase(h, caseId);
  const o = h.services.cases.owner();
  const sealed = sealChunkedFile(
    c.dataKey,
    old,
    join(c.dir, 'data.duckdb.sealed'),
    databaseBinding(o.user, c.folder),
  );
  const manifest = { ...c.manifest };
  delete manifest.schema;
  rewriteManifest(c.dir, c.folder, o.user, c.dataKey, {
    ...manifest,
    ...(schema === undefined ? {} : { schema }),
    database: { ...sealed, plainBytes: readFileSync(old).length },
  });
}

/**
 * Replaces the case's database with a copy as schema `schema` wrote it: the current one without
 * the `drop` columns (each `[table, column]`) the later schemas added, sealed as `sealOld` does.
 */
export async function sealAsSchema(
  h: CaseHarness,
  caseId: string,
  schema: number,
  drop: readonly (readonly [string, string])[],
): Promise<void> {
  await withPlain(h, caseId, async (run, dir) => {
    const old = join(dir, `schema${String(schema)}.duckdb`);
    await run(`ATTACH '${old}' AS old (STORAGE_VERSION '${DUCKDB_STORAGE_VERSION}')`);
    await run('COPY FROM DATABASE cur TO old');
    for (const [table, column] of drop)
      await run(`ALTER TABLE old.main.${table} DROP COLUMN ${column}`);
    await run(
      `UPDATE old.main.case_meta SET value = '${String(schema)}' WHERE key = 'schema_version'`,
    );
    await run('DETACH old');
    sealOld(h, caseId, old, schema);
  });
}
