import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SampleDataset } from '../../shared/cohorts/sampleCache';
import {
  CACHE_COLUMNS,
  CACHE_TABLES,
  datasetTableName,
  pendingMigrations,
  SCHEMA_TABLE_SQL,
  viewStatements,
} from '../../shared/cohorts/schema';

/** Loads a sample dataset into native DuckDB through TSV files (appending 5M rows one by one is slow). */
export async function loadNative(conn: DuckDBConnection, d: SampleDataset): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'cohort-bench-'));
  const t0 = performance.now();
  await conn.run(SCHEMA_TABLE_SQL);
  for (const s of pendingMigrations(0)) await conn.run(s);
  for (const table of CACHE_TABLES) {
    const body = d[table] as Record<string, unknown[]>;
    const names = CACHE_COLUMNS[table]
      .map(([c]) => c)
      .filter((c) => c !== 'dataset_id' && c !== 'node_id');
    const n = body[names[0]!]!.length;
    const lines: string[] = [];
    for (let r = 0; r < n; r++)
      lines.push(
        names
          .map((c) => {
            const v = body[c]![r] as string | number | null | string[];
            return v === null ? '\\N' : Array.isArray(v) ? v.join('|') : String(v);
          })
          .join('\t'),
      );
    const file = join(dir, `${table}.tsv`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const select = CACHE_COLUMNS[table].map(([c, t]) =>
      c === 'dataset_id'
        ? `'${d.datasetId}' AS dataset_id`
        : c === 'node_id'
          ? `'${d.nodeId}' AS node_id`
          : t === 'VARCHAR[]'
            ? `CASE WHEN ${c} = '' THEN []::VARCHAR[] ELSE string_split(${c}, '|') END AS ${c}`
            : `CAST(${c} AS ${t}) AS ${c}`,
    );
    const cols = names.map((c) => `'${c}': 'VARCHAR'`).join(', ');
    await conn.run(
      `CREATE TABLE ${datasetTableName(d.datasetId, table)} AS SELECT ${select.join(', ')} FROM read_csv('${file}', delim='\t', header=false, nullstr='\\N', quote='', columns={${cols}})`,
    );
  }
  for (const s of viewStatements([d.datasetId])) await conn.run(s);
  rmSync(dir, { recursive: true, force: true });
  return performance.now() - t0;
}
