/**
 * Part 2 of bench/vault-pull.ts: every large-profile node's genotypes (≥ 5M rows) as one vault
 * DuckDB file (decision 0010), not a pull: its build from columns and its encryption, then main's
 * time from the sealed folder to bytes the renderer can attach (unwrap, decrypt, GCM verify,
 * sha256) against reading the same file unencrypted, and native DuckDB's attach and first query.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { VaultManifest } from '../../shared/vault/vault';
import {
  readPart,
  unwrapDataKey,
  writeDatasetFolder,
} from '../../electron/main/vault/datasetFolder';
import { buildDuckDbFile } from '../../electron/main/vault/duckdbFile';

const say = (m: string) => process.stderr.write(`[vault-bench] ${m}\n`);
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (b: number) => b / 1_048_576;
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

/** `dataDir`: the generated federation data; `m`: the pulled dataset's manifest (a template). */
export async function decryptPart(dataDir: string, m: VaultManifest) {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const glob = join(dataDir, '*', 'genotypes.parquet').replaceAll("'", "''");
  const reader = await c.runAndReadAll(
    `SELECT individual_id, variant_id, zygosity FROM read_parquet('${glob}')`,
  );
  const cols = reader.getColumns() as [string[], string[], string[]];
  const n = cols[0].length;
  c.closeSync();
  say(`${n} genotype rows read from Parquet`);
  const ids = { datasetId: 'BENCH-ALL', nodeId: 'ALL' };
  const work = tmp('bench-vault-5m-');
  const tBuild = performance.now();
  const database = await buildDuckDbFile(
    join(work, 'scratch'),
    {
      individuals: {},
      variants: {},
      genotypes: { individual_id: cols[0], variant_key: cols[1], zygosity: cols[2] },
    },
    ids,
  );
  const buildMs = performance.now() - tBuild;
  say(`DuckDB file built in ${Math.round(buildMs)} ms`);
  const plainFile = join(work, 'data.duckdb');
  writeFileSync(plainFile, database);
  const masterKey = randomBytes(32);
  const user = { sub: 'bench', iss: 'http://bench' };
  const folder = join(work, 'BENCH-ALL');
  const tEnc = performance.now();
  const vm = writeDatasetFolder({
    outDir: folder,
    user,
    masterKey,
    parts: { database },
    manifest: {
      ...m,
      schemaVersion: 2,
      format: 'duckdb',
      datasetId: 'BENCH-ALL',
      nodeId: 'ALL',
      rows: { individuals: 0, variants: 0, genotypes: n },
    },
  });
  const encryptMs = performance.now() - tEnc;

  /** Native DuckDB: attach the (plaintext) file read-only and count the genotypes. */
  async function firstQuery(file: string): Promise<number> {
    const conn = await db.connect();
    await conn.run(`ATTACH '${file}' AS d (READ_ONLY)`);
    const got = Number(
      (await conn.runAndReadAll('SELECT count(*) FROM d.genotypes')).getRows()[0]?.[0],
    );
    await conn.run('DETACH d');
    conn.closeSync();
    return got;
  }

  const runs = 5;
  const plainTimes: number[] = [];
  const vaultTimes: number[] = [];
  const attachTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    if (readFileSync(plainFile).length !== database.length) throw new Error('plain bytes');
    plainTimes.push(performance.now() - t);
    t = performance.now();
    const key = unwrapDataKey(folder, user, 'BENCH-ALL', masterKey);
    if (readPart(folder, vm, 'database', key).length !== database.length) throw new Error('vault');
    vaultTimes.push(performance.now() - t);
    t = performance.now();
    if ((await firstQuery(plainFile)) !== n) throw new Error('rows');
    attachTimes.push(performance.now() - t);
  }
  db.closeSync();
  rmSync(work, { recursive: true, force: true });
  return {
    genotypeRows: n,
    databaseMB: round(mb(database.length)),
    sealedMB: round(mb(vm.bytes)),
    buildDatabaseMs: Math.round(buildMs),
    encryptMs: Math.round(encryptMs),
    plainReadMsMedian: round(median(plainTimes), 1),
    vaultReadMsMedian: round(median(vaultTimes), 1),
    decryptMBPerSec: round(mb(database.length) / (median(vaultTimes) / 1000)),
    nativeAttachFirstQueryMsMedian: round(median(attachTimes), 1),
  };
}
