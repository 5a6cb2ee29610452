/**
 * The rows of a dataset's DuckDB file that cacheUpgrade.test.ts compares between a rewritten old
 * copy and a fresh build (issue 20: summaries of decisions 0040, 0087, 0094, 0098 and 0103), as text.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect } from 'vitest';
import { tmp } from '../../pull/testing/pullHarness';

/** The rows of DuckDB bytes (attached as d) each statement reads, as text (none empty). */
export async function readAll(bytes: Uint8Array, statements: readonly string[]): Promise<string> {
  const dir = tmp('vault-upgrade-read-rows-');
  writeFileSync(join(dir, 'd.duckdb'), bytes);
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const conn = await instance.connect();
    await conn.run(`ATTACH '${join(dir, 'd.duckdb')}' AS d (READ_ONLY)`);
    const out: unknown[] = [];
    for (const s of statements) {
      const rows = (await conn.runAndReadAll(s)).getRowsJson();
      expect(rows.length, s).toBeGreaterThan(0);
      out.push(rows);
    }
    conn.closeSync();
    return JSON.stringify(out);
  } finally {
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows of cd_term_groups and cd_disease_groups of DuckDB bytes, as text. */
export const termGroups = (bytes: Uint8Array): Promise<string> =>
  readAll(bytes, [
    'SELECT term, dataset_id, sex, country, n FROM d.cd_term_groups ORDER BY ALL',
    'SELECT dataset_id, sex, country, diseases, n FROM d.cd_disease_groups ORDER BY ALL',
  ]);

/** Every (term, individual) pair of the per-term index of DuckDB bytes, as text. */
export const termIndex = (bytes: Uint8Array): Promise<string> =>
  readAll(bytes, [
    "SELECT 'p' AS k, t.term, i.individual_id FROM (SELECT term, unnest(ixs) AS ix FROM " +
      'd.cd_phenotype_index) t JOIN d.cd_individuals i USING (ix) UNION ALL ' +
      "SELECT 'd', t.term, i.individual_id FROM (SELECT term, unnest(ixs) AS ix FROM " +
      'd.cd_disease_index) t JOIN d.cd_individuals i USING (ix) ORDER BY ALL',
  ]);

/** The rows of cd_term_disease_groups of DuckDB bytes, as text. */
export const termDiseaseGroups = (bytes: Uint8Array): Promise<string> =>
  readAll(bytes, [
    'SELECT term, dataset_id, sex, country, diseases, n FROM d.cd_term_disease_groups ORDER BY ALL',
  ]);

/** The rows of cd_carrier_groups of DuckDB bytes (bitmaps as text), as text. */
export const carrierGroups = (bytes: Uint8Array): Promise<string> =>
  readAll(bytes, [
    'SELECT consequence, af_hi, carriers, ixs, bits::VARCHAR AS bits FROM d.cd_carrier_groups ORDER BY ALL',
  ]);

/** The rows of cd_individual_bits and cd_gene_carrier_groups of DuckDB bytes (0103), as text. */
export const individualAndGeneBits = (bytes: Uint8Array): Promise<string> =>
  readAll(bytes, [
    'SELECT kind, value, members, ixs, bits::VARCHAR AS bits FROM d.cd_individual_bits ORDER BY ALL',
    'SELECT gene_key, af_hi, carriers, bits::VARCHAR AS bits FROM d.cd_gene_carrier_groups ORDER BY ALL',
  ]);
