import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParquetColumn } from './parquetWriter';
import { openParquetSink } from './parquetWriter';

const dir = mkdtempSync(join(tmpdir(), 'parquet-writer-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const COLUMNS: ParquetColumn[] = [
  { name: 'id', type: 'VARCHAR' },
  { name: 'n', type: 'INTEGER' },
  { name: 'af', type: 'DOUBLE' },
  { name: 'terms', type: 'VARCHAR[]' },
];

describe('native DuckDB Parquet writer', () => {
  it('keeps VARCHAR, INTEGER, DOUBLE and VARCHAR[] types, nulls and awkward strings over many vectors', async () => {
    // 5,000 rows with up to 20 list items each: several 2,048-row vectors with long list children.
    const rows = Array.from({ length: 5000 }, (_, k) => ({
      id: k % 7 === 0 ? null : `I${String(k)}`,
      n: k % 11 === 0 ? null : k - 2500,
      af: k / 3,
      terms:
        k % 5 === 0
          ? null
          : k % 3 === 0
            ? []
            : ['HP:0000098', 'quote " back\\slash \' é \u0000', ...Array<string>(k % 20).fill('x')],
    }));
    const sink = await openParquetSink(COLUMNS);
    sink.append(rows.slice(0, 3000));
    sink.append(rows.slice(3000));
    expect(sink.rows).toBe(5000);
    const bytes = await sink.finish({ note: "it's noted" }, 10 * 1024 * 1024);
    const file = join(dir, 'w.parquet');
    writeFileSync(file, bytes);
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const types = (await c.runAndReadAll(`DESCRIBE SELECT * FROM '${file}'`))
      .getRows()
      .map((r) => [r[0], r[1]]);
    expect(types).toEqual(COLUMNS.map((col) => [col.name, col.type]));
    expect((await c.runAndReadAll(`SELECT * FROM '${file}'`)).getRowObjectsJS()).toEqual(rows);
    const kv = (
      await c.runAndReadAll(`SELECT decode(value) AS v FROM parquet_kv_metadata('${file}')`)
    ).getRows();
    expect(kv).toEqual([["it's noted"]]);
    c.closeSync();
    db.closeSync();
  });

  it('refuses a cell of the wrong type', async () => {
    const sink = await openParquetSink(COLUMNS);
    try {
      expect(() => {
        sink.append([{ id: 'a', n: 1.5, af: 0, terms: [] }]);
      }).toThrow(/column n: a INTEGER cell/);
      expect(() => {
        sink.append([{ id: 'a', n: 1, af: 0, terms: 'HP:1' }]);
      }).toThrow(/column terms/);
    } finally {
      sink.close();
    }
  });
});
