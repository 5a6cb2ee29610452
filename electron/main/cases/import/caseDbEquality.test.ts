import { randomBytes } from 'node:crypto';
import {
  createReadStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseTable } from '../../../../shared/cases/dbSchema';
import { appendedColumns, caseTableDdl } from '../../../../shared/cases/dbSchema';
import type { ResolvedMember } from '../../../../shared/cases/members';
import { annotationLayouts, frequencyInfoKeys, readVcf } from '../../../../shared/vcf';
import { openChunked } from '../../vault/chunkedCipher';
import { nodeInflater } from '../../vcf/nodeVcf';
import { genomeAssetsDir, loadGeneIndex } from '../genomeAssets';
import { CaseRowBuilder } from './caseRows';
import type { RowSink } from './caseRows';
import { runImportJob } from './importJob';
import type { WorkerMessage } from './workerProtocol';
import { equalityVcf } from '../testing/equalityVcf';

// Issue 16 (decision 0044): the import's spool-and-load pipeline (text encoding, small spool
// files, one transaction) must store exactly the rows the row builder produced. The reference
// path appends the same rows value by value with DuckDB's typed appender; every loaded table must
// match it row for row, in file order.

const LOADED: readonly CaseTable[] = [
  'variants',
  'variant_genes',
  'genotypes',
  'annotations',
  'frequencies',
];
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

let root: string;
let vcfFile: string;
let instance: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'case-equality-'));
  vcfFile = join(root, 'equality.vcf');
  // Enough rows for several 2 MB spool files per large table.
  writeFileSync(vcfFile, equalityVcf(24_000));
  instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
  conn = await instance.connect();
});

afterAll(() => {
  conn.closeSync();
  instance.closeSync();
  rmSync(root, { recursive: true, force: true });
});

/** The app's path: the import job (worker body), sealed; the test opens the sealed file. */
async function importThroughJob(): Promise<string> {
  const scratchDir = join(root, 'job', 'scratch');
  mkdirSync(scratchDir, { recursive: true, mode: 0o700 });
  const dataKey = randomBytes(32);
  const binding = randomBytes(16);
  const sealedFile = join(root, 'job', 'sealed');
  let end: WorkerMessage | undefined;
  await runImportJob(
    {
      source: { kind: 'file', path: vcfFile },
      name: 'equality.vcf',
      size: statSync(vcfFile).size,
      members: [MEMBER],
      caseId: 'EQ',
      scratchDir,
      dbFile: join(scratchDir, 'case.duckdb'),
      sealedFile,
      dataKey,
      binding,
      genomeDir: genomeAssetsDir(),
      meta: { created_at: '2026-12-06T00:00:00.000Z', vcf_name: 'equality.vcf' },
    },
    (m) => {
      if (m.type !== 'progress') end = m;
    },
    { aborted: false },
  );
  expect(end?.type).toBe('done');
  const plain = join(root, 'job.duckdb');
  writeFileSync(plain, openChunked(dataKey, readFileSync(sealedFile), binding), { mode: 0o600 });
  return plain;
}

/** The reference path: the same reader and row builder, every value appended with its type. */
async function importThroughAppender(): Promise<void> {
  for (const ddl of caseTableDdl('ref')) await conn.run(ddl.replace('ref.main.', 'memory.main.'));
  const appenders = new Map<CaseTable, DuckDBAppender>();
  for (const t of LOADED) appenders.set(t, await conn.createAppender(t, 'main', 'memory'));
  const append = (t: CaseTable, row: readonly unknown[]): void => {
    const a = appenders.get(t) as DuckDBAppender;
    const cols = appendedColumns(t);
    cols.forEach(([, type], i) => {
      const v = row[i];
      if (v === null || v === undefined) a.appendNull();
      else if (type === 'VARCHAR') a.appendVarchar(v as string);
      else if (type === 'BOOLEAN') a.appendBoolean(v as boolean);
      else if (type === 'DOUBLE') a.appendDouble(v as number);
      else if (type === 'BIGINT') a.appendBigInt(BigInt(v as number | bigint));
      else if (type === 'TINYINT') a.appendTinyInt(v as number);
      else a.appendInteger(v as number);
    });
    // The derived columns (inh_mask, sort_key) are filled after the load, not compared here.
    for (let i = cols.length; i < (t === 'variants' ? cols.length + 2 : cols.length); i++)
      a.appendNull();
    a.endRow();
  };
  const sink: RowSink = {
    variant: (row) => append('variants', row),
    variantGene: (vid, gene) => append('variant_genes', [vid, gene]),
    genotype: (row) => append('genotypes', row),
    annotation: (row) => append('annotations', row),
    frequency: (vid, field, af) => append('frequencies', [vid, field, af]),
  };
  const genes = loadGeneIndex(genomeAssetsDir());
  let builder: CaseRowBuilder | undefined;
  const summary = await readVcf(createReadStream(vcfFile), {
    file: 'equality.vcf',
    inflater: nodeInflater,
    onHeader: (h) => {
      builder = new CaseRowBuilder(
        {
          members: [MEMBER],
          layouts: annotationLayouts(h),
          frequencyKeys: frequencyInfoKeys(h),
          genes,
        },
        sink,
      );
    },
    onRecord: (r) => builder?.add(r),
  });
  expect(summary.problemCount).toBe(0);
  for (const a of appenders.values()) a.closeSync();
}

/** Row count and a digest of the appended columns of `t`, in stored (file) order. */
async function digest(db: string, t: CaseTable): Promise<unknown[]> {
  const cols = appendedColumns(t)
    .map(([c]) => c)
    .join(', ');
  const reader = await conn.runAndReadAll(
    `SELECT count(*)::INTEGER, md5(coalesce(string_agg(row(${cols})::VARCHAR, chr(10) ORDER BY rowid), '')) FROM ${db}.main.${t}`,
  );
  return reader.getRows()[0] ?? [];
}

describe('the case import stores exactly the rows it builds (issue 16, decision 0044)', () => {
  it('issue 16: every loaded table equals the typed-appender reference, row for row', async () => {
    const file = await importThroughJob();
    await conn.run(`ATTACH '${file}' AS app (READ_ONLY)`);
    await importThroughAppender();
    for (const t of LOADED) {
      const [appRows, appDigest] = await digest('app', t);
      const [refRows, refDigest] = await digest('memory', t);
      expect({ t, rows: appRows, digest: appDigest }).toEqual({
        t,
        rows: refRows,
        digest: refDigest,
      });
    }
    // A real comparison: thousands of rows per table, several spool files' worth, with every
    // shape the builder meets: CSQ and SnpEff ANN entries, split multi-allelics, empty fields.
    const [variants] = await digest('app', 'variants');
    expect(variants).toBeGreaterThan(20_000);
    const shapes = await conn.runAndReadAll(
      `SELECT (SELECT count(*) FROM app.annotations WHERE source = 'ANN')::INTEGER AS ann,
        (SELECT count(*) FROM app.annotations WHERE source = 'CSQ')::INTEGER AS csq,
        (SELECT count(*) FROM app.annotations WHERE source = 'ANN' AND biotype IS NULL)::INTEGER AS ann_empty,
        (SELECT count(*) FROM app.variants WHERE multiallelic)::INTEGER AS split,
        (SELECT count(*) FROM app.genotypes WHERE ps IS NULL AND gq IS NOT NULL)::INTEGER AS no_ps,
        (SELECT count(*) FROM app.variants WHERE qual IS NULL AND filters IS NULL)::INTEGER AS dots`,
    );
    for (const n of Object.values(shapes.getRowObjectsJS()[0] ?? {})) expect(n).toBeGreaterThan(50);
    await conn.run('DETACH app');
  });
});
