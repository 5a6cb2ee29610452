import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedMember } from '../../../../shared/cases/members';
import { openChunked } from '../../vault/chunkedCipher';
import { toBgzf } from '../../vcf/bgzfWriter';
import { genomeAssetsDir } from '../genomeAssets';
import { equalityVcf } from '../testing/equalityVcf';
import { runImportJob } from './importJob';
import type { ImportJob, ImportStats, WorkerMessage } from './workerProtocol';

// Issue 16 (decision 0061): a large BGZF file is parsed on two workers. The case must be the one
// the single worker builds, row for row; a problem in the second half keeps its file and line;
// a cancel while both parse leaves nothing behind.

const MEMBER: ResolvedMember = {
  sampleIdx: 0,
  column: 0,
  sample: 'S1',
  member: 'S1',
  role: 'proband',
  sex: 'female',
  affected: true,
  fatherIdx: null,
  motherIdx: null,
};
/** The worker's script as tests start it (caseImports.ts importWorkerSpec). */
const PARTS = {
  url: new URL('./importWorker.ts', import.meta.url).href,
  execArgv: ['--import', 'tsx'],
  minBytes: 0,
};

let root: string;
let text: string;
let instance: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'case-parallel-'));
  // About 40 BGZF blocks, several spool files per large table: the split falls inside records.
  text = equalityVcf(12_000);
  instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
  conn = await instance.connect();
});

afterAll(() => {
  conn.closeSync();
  instance.closeSync();
  rmSync(root, { recursive: true, force: true });
});

interface Run {
  readonly end: WorkerMessage | undefined;
  readonly job: ImportJob;
  readonly dataKey: Buffer;
  readonly binding: Buffer;
}

/** Imports `vcf` (BGZF) with the import job, on two workers when `parallel`. */
async function importJob(
  name: string,
  vcf: string,
  parallel: boolean,
  onProgress?: (m: WorkerMessage, signal: { aborted: boolean; onAbort?: () => void }) => void,
): Promise<Run> {
  const dir = join(root, name);
  const scratchDir = join(dir, 'scratch');
  mkdirSync(scratchDir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${name}.vcf.gz`);
  const bytes = toBgzf(vcf);
  writeFileSync(file, bytes);
  const dataKey = randomBytes(32);
  const binding = randomBytes(16);
  const job: ImportJob = {
    source: { kind: 'file', path: file },
    name: `${name}.vcf.gz`,
    size: bytes.length,
    members: [MEMBER],
    caseId: 'SAME',
    scratchDir,
    dbFile: join(scratchDir, 'case.duckdb'),
    sealedFile: join(dir, 'sealed'),
    dataKey,
    binding,
    genomeDir: genomeAssetsDir(),
    meta: { created_at: '2026-12-06T00:00:00.000Z', vcf_name: 'same.vcf.gz' },
    ...(parallel && { parts: PARTS }),
  };
  let end: WorkerMessage | undefined;
  const signal: { aborted: boolean; onAbort?: () => void } = { aborted: false };
  await runImportJob(
    job,
    (m) => {
      if (m.type === 'progress') onProgress?.(m, signal);
      else end = m;
    },
    signal,
  );
  return { end, job, dataKey, binding };
}

/** Opens a run's sealed case under `alias`. */
async function attach(run: Run, alias: string): Promise<void> {
  const plain = join(root, `${alias}.duckdb`);
  const sealed = readFileSync(run.job.sealedFile);
  writeFileSync(plain, openChunked(run.dataKey, sealed, run.binding), { mode: 0o600 });
  await conn.run(`ATTACH '${plain}' AS ${alias} (READ_ONLY)`);
}

/** Every table of a case: its rows in stored order, and (for tables built in parallel) sorted. */
async function digests(alias: string): Promise<Record<string, unknown[]>> {
  const tables = await conn.runAndReadAll(
    `SELECT table_name FROM duckdb_tables() WHERE database_name = '${alias}' ORDER BY 1`,
  );
  const out: Record<string, unknown[]> = {};
  for (const [t] of tables.getRows()) {
    const r = await conn.runAndReadAll(
      `SELECT count(*)::INTEGER,
        md5(coalesce(string_agg(x::VARCHAR, chr(10) ORDER BY rowid), '')),
        md5(coalesce(string_agg(x::VARCHAR, chr(10) ORDER BY x::VARCHAR), ''))
      FROM (SELECT rowid, ${alias}.main.${String(t)} AS x FROM ${alias}.main.${String(t)})`,
    );
    out[String(t)] = r.getRows()[0] ?? [];
  }
  return out;
}

describe('the import parses a large BGZF file on two workers (issue 16, decision 0061)', () => {
  it('issue 16: the case from two parse workers equals the single worker’s, table for table', async () => {
    const single = await importJob('single', text, false);
    const both = await importJob('both', text, true);
    expect(single.end?.type).toBe('done');
    expect(both.end?.type).toBe('done');
    if (single.end?.type !== 'done' || both.end?.type !== 'done') return;
    expect(single.end.stats.parseWorkers).toBe(1);
    expect(both.end.stats.parseWorkers).toBe(2);
    // The sealed bytes differ (fresh keys and IVs); every count and the plaintext size may not.
    const counts = (s: ImportStats): Partial<ImportStats> => ({
      ...s,
      sha256: '',
      sealedBytes: 0,
      // The DuckDB file's size depends on how parallel inserts fill its blocks (4,730,880 vs
      // 4,993,024 bytes in one CI run): the tables below are compared by content instead.
      plainBytes: 0,
      parseWorkers: 0,
    });
    expect(counts(both.end.stats)).toEqual(counts(single.end.stats));
    await attach(single, 'single_case');
    await attach(both, 'both_case');
    const expected = await digests('single_case');
    const got = await digests('both_case');
    // Inheritance rows are inserted by DuckDB's threads in no fixed order: compared sorted.
    for (const t of Object.keys(expected)) {
      const [rows, stored, sorted] = expected[t] ?? [];
      expect({ t, rows: got[t]?.[0], sorted: got[t]?.[2] }).toEqual({ t, rows, sorted });
      if (t !== 'inheritance') expect({ t, stored: got[t]?.[1] }).toEqual({ t, stored });
    }
    expect(Object.keys(got)).toEqual(Object.keys(expected));
    expect(expected.variants?.[0]).toBeGreaterThan(10_000);
    await conn.run('DETACH single_case');
    await conn.run('DETACH both_case');
  }, 180_000);

  it('issue 16: a problem in the second half is reported at its file and line, as by one worker', async () => {
    const lines = text.split('\n');
    const at = Math.floor(lines.length * 0.8);
    const cols = (lines[at] ?? '').split('\t');
    const broken = [
      // Out of order against the record before it (the order check sees the whole file).
      (): string[] => ['chr17', '43000001', ...cols.slice(2)],
      // A QUAL that is not a number.
      (): string[] => [...cols.slice(0, 5), 'high', ...cols.slice(6)],
    ];
    for (const [i, make] of broken.entries()) {
      const vcf = [...lines.slice(0, at), make().join('\t'), ...lines.slice(at + 1)].join('\n');
      const single = await importJob(`bad-single-${String(i)}`, vcf, false);
      const both = await importJob(`bad-both-${String(i)}`, vcf, true);
      expect(single.end?.type).toBe('failed');
      if (single.end?.type !== 'failed') return;
      expect(single.end.problems[0]?.line).toBe(at + 1);
      expect(single.end.problems[0]?.file).toBe(`bad-single-${String(i)}.vcf.gz`);
      expect(both.end).toEqual({
        ...single.end,
        message: single.end.message.replace('bad-single', 'bad-both'),
        why: { code: 'import-not-valid', params: { file: `bad-both-${String(i)}.vcf.gz` } },
        problems: single.end.problems.map((p) => ({
          ...p,
          file: p.file.replace('bad-single', 'bad-both'),
        })),
      });
      expect(existsSync(both.job.scratchDir)).toBe(false);
      expect(existsSync(both.job.sealedFile)).toBe(false);
    }
  }, 240_000);

  it('issue 16: a cancel while both workers parse leaves nothing behind', async () => {
    // The first progress comes with the first megabyte read: both workers are started by then.
    const run = await importJob('cancel', text, true, (m, signal) => {
      if (m.type !== 'progress' || m.phase !== 'reading') return;
      signal.aborted = true;
      signal.onAbort?.();
    });
    expect(run.end).toEqual({ type: 'cancelled' });
    expect(existsSync(run.job.scratchDir)).toBe(false);
    expect(existsSync(run.job.sealedFile)).toBe(false);
  }, 120_000);
});
