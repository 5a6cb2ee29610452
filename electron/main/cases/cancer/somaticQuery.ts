import type { DuckDBConnection } from '@duckdb/node-api';
import type { SomaticResult, SomaticRow } from '../../../../shared/cancer/channels';
import { SomaticRowSchema } from '../../../../shared/cancer/channels';
import type { SomaticFilter } from '../../../../shared/cancer/somaticFilter';
import { somaticCountsSql, somaticRowsSql } from '../../../../shared/cancer/somaticFilter';
import { withAttachedCase } from '../attachedCase';

/**
 * The somatic filter on native DuckDB, over a decrypted case database (the same exposure rules as
 * attachedCase.ts: 0600 in a 0700 scratch folder, attached read-only and unlinked at once).
 */
export async function querySomaticBytes(opts: {
  bytes: Uint8Array;
  scratchDir: string;
  filter: SomaticFilter;
  page: { limit: number; offset: number };
}): Promise<SomaticResult> {
  return withAttachedCase({ ...opts, name: 'somatic' }, (conn, alias) =>
    runSomaticQuery(conn, alias, opts.filter, opts.page),
  );
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
  return { total, kept: Number(c.kept ?? 0), steps, rows: rows.map(somaticRow) };
}

const INTS = ['vid', 'pos', 't_ad_ref', 't_ad_alt', 't_dp', 'n_ad_ref', 'n_ad_alt', 'n_dp'];
const somaticRow = (r: Record<string, unknown>): SomaticRow =>
  SomaticRowSchema.parse({
    ...r,
    ...Object.fromEntries(INTS.map((k) => [k, numOrNull(r[k])])),
    protein_pos: numOrNull(r.protein_pos),
    hotspot_tumours: numOrNull(r.hotspot_tumours),
  });

/** The somatic rows of these variants, whatever the filter, in the rows' order (issue 19). */
export async function somaticRowsOf(
  conn: DuckDBConnection,
  alias: string,
  variantKeys: readonly string[],
): Promise<SomaticRow[]> {
  if (variantKeys.length === 0) return [];
  // Keys come from the case's sealed record; quoted as SQL strings all the same.
  const keys = variantKeys.map((k) => `'${k.replaceAll("'", "''")}'`).join(', ');
  const all = somaticRowsSql({}, alias, { limit: Number.MAX_SAFE_INTEGER, offset: 0 });
  const rows = await conn.runAndReadAll(`SELECT * FROM (${all}) WHERE variant_key IN (${keys})`);
  return rows.getRowObjectsJS().map(somaticRow);
}
