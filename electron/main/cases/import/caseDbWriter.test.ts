import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { openCaseDbWriter, OUT } from './caseDbWriter';
import { LOAD_MEMORY_LIMIT, SQL_MEMORY_LIMIT, writerSettings } from './writerSettings';

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

/** Bytes of a DuckDB memory setting as `current_setting` words it ("488.2 MiB"). */
const bytesOf = (said: string): number => {
  const m = /^([\d.]+) (KiB|MiB|GiB)$/u.exec(said);
  if (m === null) throw new Error(`not a memory size: ${said}`);
  return Number(m[1]) * 2 ** { KiB: 10, MiB: 20, GiB: 30 }[m[2] as 'KiB' | 'MiB' | 'GiB'];
};

/** Opens `file` read-only in a fresh DuckDB and returns a reader of it (attached as `x`). */
async function readBack(
  file: string,
): Promise<{ read: (sql: string) => Promise<Record<string, unknown>[]>; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
  });
  const conn = await instance.connect();
  await conn.run(`ATTACH '${file}' AS x (READ_ONLY)`);
  return {
    read: async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJS(),
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

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

  it('issue 16: DuckDB loads under 256 MB, runs the SQL after the loads under 512 MB, frees memory early, and spills only inside the scratch folder (decision 0081)', async () => {
    const { folder, file } = scratch();
    // What the writer's instance is opened with, as DuckDB reads it.
    const settings = writerSettings(folder);
    const probe = await DuckDBInstance.create(':memory:', {
      autoinstall_known_extensions: 'false',
      ...settings,
    });
    const pc = await probe.connect();
    try {
      const [row] = (
        await pc.runAndReadAll(
          "SELECT current_setting('memory_limit') AS m, current_setting('temp_directory') AS t, current_setting('threads')::INTEGER AS n, current_setting('allocator_flush_threshold') AS f, current_setting('allocator_background_threads') AS b",
        )
      ).getRowObjectsJS() as { m: string; t: string; n: number; f: string; b: boolean }[];
      expect(bytesOf(row?.m ?? '')).toBeLessThanOrEqual(256e6);
      expect(row?.t).toBe(join(folder, 'spill'));
      expect(row?.n).toBe(1);
      // Freed memory goes back to the system sooner than DuckDB's defaults (128 MB, no thread).
      expect(bytesOf(row?.f ?? '')).toBeLessThanOrEqual(32e6);
      expect(row?.b).toBe(true);
    } finally {
      pc.closeSync();
      probe.closeSync();
    }
    expect(settings.memory_limit).toBe(LOAD_MEMORY_LIMIT);
    // The statements after the loads see the larger limit (768 MB before decision 0081).
    const w = await openCaseDbWriter(file, folder);
    try {
      for (let vid = 0; vid < 100; vid++) w.variantGene(vid, 'G');
      await w.run(`CREATE TABLE ${OUT}.main.lim AS SELECT current_setting('memory_limit') AS m`);
    } finally {
      await w.finish();
    }
    const db = await readBack(file);
    try {
      const [row] = (await db.read('SELECT m FROM x.lim')) as { m: string }[];
      const said = bytesOf(row?.m ?? '');
      expect(SQL_MEMORY_LIMIT).toBe('512MB');
      // DuckDB prints 512 MB as 488.2 MiB.
      expect(Math.abs(said - 512e6)).toBeLessThan(2 ** 20);
    } finally {
      db.close();
    }
  });

  it("issue 16: a genome's stage runs its statements one after the other, and the first failure stops the rest (decision 0081)", async () => {
    const { folder, file } = scratch();
    // From 0 alleles on: every case here counts as a genome.
    const w = await openCaseDbWriter(file, folder, 0);
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
        ]),
      ).rejects.toThrow(/no_such_table/);
    } finally {
      await w.finish();
    }
    const db = await readBack(file);
    try {
      expect(await db.read('SELECT n::INTEGER AS n FROM x.c')).toEqual([{ n: 107 }]);
      // Side by side (an exome), the sequence beside the failed one ran to its end; here it never ran.
      expect(
        await db.read(
          "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = 'x' AND table_name = 'd'",
        ),
      ).toEqual([{ n: 0 }]);
    } finally {
      db.close();
    }
  });
});
