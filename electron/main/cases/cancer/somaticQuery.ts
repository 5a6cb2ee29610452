import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import type { SomaticResult } from '../../../../shared/cancer/channels';
import { SomaticRowSchema } from '../../../../shared/cancer/channels';
import type { SomaticFilter } from '../../../../shared/cancer/somaticFilter';
import { somaticCountsSql, somaticRowsSql } from '../../../../shared/cancer/somaticFilter';
import { caseDatabaseName } from '../../../../shared/cases/dbSchema';

/**
 * The somatic filter on native DuckDB, over a decrypted case database (the same exposure rules as
 * caseQuery.ts: 0600 in a 0700 scratch folder, attached read-only and unlinked at once).
 */
export async function querySomaticBytes(opts: {
  bytes: Uint8Array;
  scratchDir: string;
  filter: SomaticFilter;
  page: { limit: number; offset: number };
}): Promise<SomaticResult> {
  mkdirSync(opts.scratchDir, { recursive: true, mode: 0o700 });
  const file = join(opts.scratchDir, `${randomBytes(8).toString('hex')}.duckdb`);
  const instance = await DuckDBInstance.create(':memory:', {
    threads: '2',
    autoinstall_known_extensions: 'false', // no download from extensions.duckdb.org (issue 21)
  });
  let conn: DuckDBConnection | undefined;
  try {
    writeFileSync(file, opts.bytes, { mode: 0o600 });
    chmodSync(file, 0o600);
    conn = await instance.connect();
    const alias = caseDatabaseName('somatic');
    await conn.run(`ATTACH '${file.replaceAll("'", "''")}' AS ${alias} (READ_ONLY)`);
    rmSync(file, { force: true });
    return await runSomaticQuery(conn, alias, opts.filter, opts.page);
  } finally {
    conn?.closeSync();
    instance.closeSync();
    rmSync(file, { force: true });
    rmSync(opts.scratchDir, { recursive: true, force: true });
  }
}

const numOrNull = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));

/** Counts per step and one page of rows over an attached case database. */
export async function runSomaticQuery(
  conn: DuckDBConnection,
  alias: string,
  filter: SomaticFilter,
  page: { limit: number; offset: number },
): Promise<SomaticResult> {
  const counts = somaticCountsSql(filter, alias);
  const c = (await conn.runAndReadAll(counts.sql)).getRowObjectsJS()[0] ?? {};
  const total = Number(c.total ?? 0);
  let before = total;
  const steps = counts.steps.map((step) => {
    const remaining = Number(c[`after_${step}`] ?? 0);
    const removes = before - remaining;
    before = remaining;
    return { step, removes, remaining };
  });
  const rows = (await conn.runAndReadAll(somaticRowsSql(filter, alias, page))).getRowObjectsJS();
  const ints = ['vid', 'pos', 't_ad_ref', 't_ad_alt', 't_dp', 'n_ad_ref', 'n_ad_alt', 'n_dp'];
  return {
    total,
    kept: Number(c.kept ?? 0),
    steps,
    rows: rows.map((r) =>
      SomaticRowSchema.parse({
        ...r,
        ...Object.fromEntries(ints.map((k) => [k, numOrNull(r[k])])),
        protein_pos: numOrNull(r.protein_pos),
        hotspot_tumours: numOrNull(r.hotspot_tumours),
      }),
    ),
  };
}
