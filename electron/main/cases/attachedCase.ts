import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import { caseDatabaseName } from '../../../shared/cases/dbSchema';

/**
 * A decrypted case database on native DuckDB, for one query (issues 16, 19). Native DuckDB can only
 * attach a file, so the bytes are written 0600 into a 0700 scratch folder inside the owner's case
 * staging (swept at start after a crash), attached read-only and unlinked at once; the open handle
 * keeps it readable until `fn` ends (decision 0010's exposure window, shortened to the attach).
 * No extension is ever downloaded: the app contacts only the hosts it lists (issue 21).
 */
export async function withAttachedCase<T>(
  opts: { bytes: Uint8Array; scratchDir: string; name: string },
  fn: (conn: DuckDBConnection, alias: string) => Promise<T>,
): Promise<T> {
  return withAttachedCases(
    { scratchDir: opts.scratchDir, databases: [{ bytes: opts.bytes, name: opts.name }] },
    (conn, aliases) => fn(conn, aliases[0] ?? ''),
  );
}

/**
 * Several decrypted databases of one case in one read session (decision 0059: a cancer case's
 * database and its germline VCF's), each attached read-only and unlinked at once, as above.
 */
export async function withAttachedCases<T>(
  opts: { scratchDir: string; databases: readonly { bytes: Uint8Array; name: string }[] },
  fn: (conn: DuckDBConnection, aliases: string[]) => Promise<T>,
): Promise<T> {
  mkdirSync(opts.scratchDir, { recursive: true, mode: 0o700 });
  const files = opts.databases.map(() =>
    join(opts.scratchDir, `${randomBytes(8).toString('hex')}.duckdb`),
  );
  const instance = await DuckDBInstance.create(':memory:', {
    threads: '2',
    autoinstall_known_extensions: 'false',
  });
  let conn: DuckDBConnection | undefined;
  try {
    conn = await instance.connect();
    const aliases: string[] = [];
    for (const [i, db] of opts.databases.entries()) {
      const file = files[i] ?? '';
      writeFileSync(file, db.bytes, { mode: 0o600 });
      chmodSync(file, 0o600);
      const alias = caseDatabaseName(db.name);
      await conn.run(`ATTACH '${file.replaceAll("'", "''")}' AS ${alias} (READ_ONLY)`);
      rmSync(file, { force: true });
      aliases.push(alias);
    }
    return await fn(conn, aliases);
  } finally {
    conn?.closeSync();
    instance.closeSync();
    for (const file of files) rmSync(file, { force: true });
    rmSync(opts.scratchDir, { recursive: true, force: true });
  }
}
