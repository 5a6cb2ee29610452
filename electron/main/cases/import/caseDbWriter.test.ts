import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { openCaseDbWriter, OUT } from './caseDbWriter';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const scratch = (): { folder: string; file: string } => {
  const root = mkdtempSync(join(tmpdir(), 'case-writer-'));
  dirs.push(root);
  const folder = join(root, 'scratch');
  return { folder, file: join(folder, 'case.duckdb') };
};

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('the case database writer (issue 16, decision 0035)', () => {
  it("issue 16: the import's DuckDB .wal is 0600 inside the 0700 scratch folder", async () => {
    const { folder, file } = scratch();
    const w = await openCaseDbWriter(file, folder);
    try {
      for (let vid = 0; vid < 1000; vid++) w.variantGene(vid, `GENE${String(vid)}`);
      // Every row is loaded once `run` returns; a load this small goes through the WAL.
      await w.run(`SELECT count(*) FROM ${OUT}.main.variant_genes`);
      expect(mode(folder)).toBe(0o700);
      expect(mode(file)).toBe(0o600);
      expect(existsSync(`${file}.wal`)).toBe(true);
      expect(mode(`${file}.wal`)).toBe(0o600);
    } finally {
      await w.finish();
    }
    expect(existsSync(`${file}.wal`)).toBe(false);
  });

  it('keeps every row and value across spool files (quotes, tabs, empty, NULL)', async () => {
    const { folder, file } = scratch();
    const w = await openCaseDbWriter(file, folder);
    const odd = ['a\tb', 'say "x"', 'line\nbreak', '', 'ünï€ode'];
    // ~150 bytes a row: more than one 8 MB spool file, each loaded by DuckDB's CSV reader.
    const rows = 80_000;
    const pad = 'x'.repeat(140);
    for (let vid = 0; vid < rows; vid++)
      w.variantGene(vid, vid < odd.length ? (odd[vid] ?? '') : `${pad}${String(vid)}`);
    w.frequency(0, 'gnomAD_AF', 0.5);
    w.annotation([0, 'CSQ', null, null, null, null, 'x', null, null, null, true, null, null, null]);
    expect(w.rows('variant_genes')).toBe(rows);
    await w.finish();
    const instance = await DuckDBInstance.create(':memory:', {
      autoinstall_known_extensions: 'false',
    });
    const conn = await instance.connect();
    try {
      await conn.run(`ATTACH '${file}' AS c (READ_ONLY)`);
      const read = async (sql: string): Promise<Record<string, unknown>[]> =>
        (await conn.runAndReadAll(sql)).getRowObjectsJS();
      expect(await read('SELECT count(*)::INTEGER AS n FROM c.variant_genes')).toEqual([
        { n: rows },
      ]);
      expect(
        (
          await read(
            `SELECT gene FROM c.variant_genes WHERE vid < ${String(odd.length)} ORDER BY vid`,
          )
        ).map((r) => r.gene),
      ).toEqual(odd);
      expect(
        await read(`SELECT gene FROM c.variant_genes WHERE vid = ${String(rows - 1)}`),
      ).toEqual([{ gene: `${pad}${String(rows - 1)}` }]);
      expect(await read('SELECT gene, canonical FROM c.annotations')).toEqual([
        { gene: null, canonical: true },
      ]);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });

  it("runs a stage's sequences side by side; a failed one fails the stage after the others ended (decision 0078)", async () => {
    const { folder, file } = scratch();
    const w = await openCaseDbWriter(file, folder);
    try {
      for (let vid = 0; vid < 100; vid++) w.variantGene(vid, `G${String(vid % 7)}`);
      await w.runStages([
        [
          [`CREATE TABLE ${OUT}.main.a AS SELECT count(*) AS n FROM ${OUT}.main.variant_genes`],
          [
            `CREATE TABLE ${OUT}.main.b AS SELECT count(DISTINCT gene) AS n FROM ${OUT}.main.variant_genes`,
          ],
        ],
        [[`CREATE TABLE ${OUT}.main.c AS SELECT a.n + b.n AS n FROM ${OUT}.main.a, ${OUT}.main.b`]],
      ]);
      await expect(
        w.runStages([
          [
            [`SELECT * FROM ${OUT}.main.no_such_table`],
            [`CREATE TABLE ${OUT}.main.d AS SELECT n FROM ${OUT}.main.c`],
          ],
          [[`CREATE TABLE ${OUT}.main.e AS SELECT 1 AS n`]],
        ]),
      ).rejects.toThrow(/no_such_table/);
    } finally {
      await w.finish();
    }
    const instance = await DuckDBInstance.create(':memory:', {
      autoinstall_known_extensions: 'false',
    });
    const conn = await instance.connect();
    try {
      await conn.run(`ATTACH '${file}' AS x (READ_ONLY)`);
      const read = async (sql: string): Promise<Record<string, unknown>[]> =>
        (await conn.runAndReadAll(sql)).getRowObjectsJS();
      expect(await read('SELECT n::INTEGER AS n FROM x.c')).toEqual([{ n: 107 }]);
      // The sequence beside the failed one ran to its end; the next stage never started.
      expect(await read('SELECT n::INTEGER AS n FROM x.d')).toEqual([{ n: 107 }]);
      expect(
        await read("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'e'"),
      ).toEqual([{ n: 0 }]);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });
});
