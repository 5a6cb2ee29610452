import type { CachedDataset } from '../../shared/cohorts/cacheCatalog';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortFiltersSchema } from '../../shared/cohorts/definition';
import type { CohortVariantRow, ExportRow } from '../../shared/cohorts/exportFormats';
import { toExportRow } from '../../shared/cohorts/exportFormats';
import {
  datasetDatabaseName,
  pendingMigrations,
  SCHEMA_TABLE_SQL,
  viewStatements,
} from '../../shared/cohorts/schema';
import { CACHE_SQL } from '../../shared/cohorts/schema';
import type { BoundSql } from '../../shared/cohorts/sql';
import { cohortExportSql } from '../../shared/cohorts/sql';
import {
  canonicalRows,
  SUITE_FILTERS,
  suiteQueries,
} from '../../shared/cohorts/testing/querySuite';
import { completeLogin } from '../main/auth/testing/completeLogin';
import { newScriptedBrowser } from '../main/auth/testing/signInFederation';
import type { WasmDuckDb } from '../main/cases/testing/wasmDuckDb';
import { openWasmDuckDb } from '../main/cases/testing/wasmDuckDb';
import type { PullFederation } from '../main/pull/testing/pullHarness';
import { startPullFederation } from '../main/pull/testing/pullHarness';
import { EXIT } from './exitCodes';
import { cliHarness } from './testing/cliHarness';

// Issue 23: `cli cohort query` and `cli sql` run the app's SQL on native DuckDB over the vault;
// the page's engine (duckdb-wasm) over the same decrypted files must give the same answers.
const root = mkdtempSync(join(tmpdir(), 'cli-cohort-'));
const PASS = 'correct horse battery staple';
let fed: PullFederation;
let h: ReturnType<typeof cliHarness>;
let wasm: WasmDuckDb;
const catalog: CachedDataset[] = [];
const cli = (...argv: string[]) => h.cli(...argv);

/** The bound parameters written into the SQL text (the wasm test engine takes no parameters). */
function inline(b: BoundSql): string {
  let i = 0;
  return b.sql.replace(/\?/g, () => {
    const v = b.params[i++];
    return typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`;
  });
}

beforeAll(async () => {
  fed = await startPullFederation();
  h = cliHarness({
    env: {
      ...process.env,
      COHORT_DESK_DATA_DIR: join(root, 'data'),
      COHORT_DESK_POLICY: join(root, 'no-policy.json'),
      COHORT_DESK_FEDERATION_FILE: fed.infoFile,
    },
    cwd: root,
    passphrase: PASS,
    ctx: {
      openBrowser: (url) => {
        void newScriptedBrowser().then((b) => completeLogin(b, url, 'clinician'));
      },
    },
  });
  expect((await cli('login')).code).toBe(EXIT.ok);
  expect((await cli('pull', 'FI-RD-01')).code).toBe(EXIT.ok);
  const pt = await cli('pull', 'SE-CA-01', '--purpose', 'research');
  expect(pt.code, pt.err.join('\n')).toBe(EXIT.ok);
  // The app's engine over the very bytes the vault hands the page (GET /vault/<id>/data.duckdb).
  wasm = await openWasmDuckDb();
  for (const s of [SCHEMA_TABLE_SQL, ...pendingMigrations(0)]) wasm.query(s);
  const vault = h.transport().services().vault;
  const ids: string[] = [];
  for (const d of vault.list().datasets) {
    const part = vault.readPart(d.datasetId, 'database');
    if (!part.ok) throw new Error(part.message);
    const file = `/vault/${datasetDatabaseName(d.datasetId)}.duckdb`;
    wasm.registerFile(file, part.bytes);
    wasm.query(CACHE_SQL.attach(file, datasetDatabaseName(d.datasetId)));
    wasm.query(
      inline({
        sql: CACHE_SQL.registerDataset,
        params: [d.datasetId, d.nodeId, d.title, d.purpose],
      }),
    );
    ids.push(d.datasetId);
    const [counts] = wasm.query(CACHE_SQL.layoutRowCounts(datasetDatabaseName(d.datasetId)));
    catalog.push({ id: d.datasetId, individuals: Number(counts?.individuals) });
  }
  ids.sort();
  catalog.sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const s of viewStatements(ids)) wasm.query(s);
}, 300_000);
afterAll(async () => {
  wasm.close();
  h.close();
  await fed.close();
  rmSync(root, { recursive: true, force: true });
});

describe('issue 23: cli sql and cohort query on native DuckDB', () => {
  it('answers every query of the cohort query suite as the app engine (duckdb-wasm) does', async () => {
    const queries = suiteQueries(catalog);
    let answered = 0;
    expect(queries.length).toBeGreaterThan(30);
    for (const q of queries) {
      const sql = inline(q.bound);
      const r = await cli('sql', sql, '--json', '--limit', '100000');
      expect(r.code, `${q.name}: ${r.err.join(' ')}`).toBe(EXIT.ok);
      const native = r.out.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(canonicalRows(native), q.name).toBe(canonicalRows(wasm.query(sql)));
      if (native.length > 0) answered += 1;
    }
    // Equal answers must not be two empty ones: most suite queries find someone in the demo data.
    expect(answered).toBeGreaterThan(queries.length / 2);
  }, 300_000);

  it('issue 23: sql --file runs the whole suite in one command with the same answers, in order', async () => {
    const queries = suiteQueries(catalog);
    const script = queries.map((q) => `-- ${q.name}\n${inline(q.bound)};`).join('\n');
    writeFileSync(join(root, 'suite.sql'), script);
    const r = await cli('sql', '--file', 'suite.sql', '--json', '--limit', '100000');
    expect(r.code, r.err.join(' ')).toBe(EXIT.ok);
    const lines = r.out.map(
      (l) => JSON.parse(l) as { statement: number; row: Record<string, unknown> },
    );
    queries.forEach((q, i) => {
      const rows = lines.filter((l) => l.statement === i + 1).map((l) => l.row);
      expect(canonicalRows(rows), q.name).toBe(canonicalRows(wasm.query(inline(q.bound))));
    });
    expect(lines.map((l) => l.statement)).toEqual(
      [...lines.map((l) => l.statement)].sort((a, b) => a - b),
    );
    const tsv = await cli('sql', '--file', 'suite.sql', '--limit', '1');
    expect(tsv.code).toBe(EXIT.ok);
    // One header and at most one row per statement, blocks separated by one empty line.
    expect(tsv.out.filter((l) => l === '')).toHaveLength(queries.length - 1);
  }, 300_000);

  it('issue 23: sql --file refuses a script whole, naming the line of the refused statement', async () => {
    const before = readFileSync(join(root, 'data', 'audit', 'audit.jsonl'), 'utf8');
    writeFileSync(
      join(root, 'bad.sql'),
      "SELECT count(*) AS n FROM individuals;\n\n-- then\nATTACH '/tmp/x.db' AS x;\n",
    );
    const bad = await cli('sql', '--file', 'bad.sql');
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.out).toEqual([]);
    expect(bad.err.join('\n')).toMatch(/bad\.sql:4: Only SELECT/);
    writeFileSync(join(root, 'io.sql'), "SELECT 1;\nSELECT * FROM read_csv('/etc/passwd');");
    const io = await cli('sql', '--file', 'io.sql');
    expect(io.code).toBe(EXIT.usage);
    expect(io.err.join('\n')).toMatch(/io\.sql:2: /);
    expect((await cli('sql', '--file', 'missing.sql')).code).toBe(EXIT.usage);
    expect((await cli('sql', 'SELECT 1', '--file', 'bad.sql')).code).toBe(EXIT.usage);
    expect((await cli('sql')).code).toBe(EXIT.usage);
    writeFileSync(join(root, 'empty.sql'), '-- nothing; here\n;;');
    expect((await cli('sql', '--file', 'empty.sql')).err.join(' ')).toMatch(/holds no statement/);
    expect(readFileSync(join(root, 'data', 'audit', 'audit.jsonl'), 'utf8')).toBe(before);
  });

  it('cohort query prints the export rows with provenance, equal to the app engine, and audits', async () => {
    for (const [name, input] of Object.entries(SUITE_FILTERS)) {
      const r = await cli('cohort', 'query', JSON.stringify(input), '--format', 'jsonl');
      expect(r.code, `${name}: ${r.err.join(' ')}`).toBe(EXIT.ok);
      const rows = r.out.map((l) => JSON.parse(l) as ExportRow & Record<string, unknown>);
      const f = CohortFiltersSchema.parse(input);
      const app = wasm.query(inline(cohortExportSql(f, 1_000_000, catalog)));
      if (name === 'everyone') expect(rows.length).toBeGreaterThan(0);
      expect(rows.length, name).toBe(app.length);
      expect(canonicalRows(rows), name).toBe(
        canonicalRows(app.map((a) => ({ ...toExportRow(a as unknown as CohortVariantRow) }))),
      );
      for (const row of rows) expect(['FI-RD-01', 'SE-CA-01']).toContain(row.dataset_id);
    }
    const audit = readFileSync(join(root, 'data', 'audit', 'audit.jsonl'), 'utf8');
    expect(audit.match(/"cohort\.export"/g)?.length).toBeGreaterThanOrEqual(
      Object.keys(SUITE_FILTERS).length,
    );
  }, 120_000);

  it('writes TSV with a header, Parquet and Phenopacket files; a saved cohort is found by name', async () => {
    const tsv = await cli('cohort', 'query', '{"sexes":["female"]}');
    expect(tsv.code).toBe(EXIT.ok);
    expect(tsv.out[0]?.split('\t').slice(0, 3)).toEqual(['dataset_id', 'node_id', 'individual_id']);
    const pq = await cli('cohort', 'query', '{}', '--format', 'parquet', '--out', 'c.parquet');
    expect(pq.code).toBe(EXIT.ok);
    expect(readFileSync(join(root, 'c.parquet')).subarray(0, 4).toString()).toBe('PAR1');
    const pp = await cli('cohort', 'query', '{}', '--format', 'phenopacket', '--out', 'c.json');
    expect(pp.code).toBe(EXIT.ok);
    expect(pp.code).toBe(EXIT.ok);
    expect(JSON.parse(readFileSync(join(root, 'c.json'), 'utf8'))).toHaveProperty('members');
    const saved = await h.transport().invoke('cohorts:save', {
      name: 'females',
      filters: CohortFiltersSchema.parse({ sexes: ['female'] }),
    });
    expect(saved.ok).toBe(true);
    expect((await cli('cohort', 'query', 'females')).out).toEqual(tsv.out);
    expect((await cli('cohort', 'query', 'no such cohort')).code).toBe(EXIT.usage);
    expect((await cli('cohort', 'query', '{"sexes":"female"}')).code).toBe(EXIT.usage);
    expect((await cli('cohort', 'query', '{}', '--format', 'parquet')).code).toBe(EXIT.usage);
  }, 120_000);

  it('sql is read-only with a row limit, and cannot reach files', async () => {
    const r = await cli(
      'sql',
      'SELECT dataset_id, count(*) AS n FROM individuals GROUP BY ALL ORDER BY 1',
      '--limit',
      '1',
    );
    expect(r.code).toBe(EXIT.ok);
    expect(r.out[0]).toBe('dataset_id\tn');
    expect(r.out).toHaveLength(2);
    expect(r.err).toContain('More than 1 rows: the first 1 are shown (--limit).');
    for (const bad of [
      'DROP VIEW individuals',
      "SELECT * FROM read_csv('/etc/passwd')",
      "ATTACH '/tmp/x.db' AS x",
    ]) {
      const refused = await cli('sql', bad);
      expect(refused.code, bad).toBe(EXIT.usage);
      expect(refused.out).toEqual([]);
    }
  });
});

describe('issue 22: exports keep machine-readable values whatever the app’s language', () => {
  it('cohort query as TSV, JSON lines and Phenopackets (and their notes) is byte-identical with the app in German and in English', async () => {
    // Carriers of a gene: rows with variant columns (codes, HGVS, allele frequencies).
    const cohortJson = JSON.stringify(SUITE_FILTERS.brca1Carriers);
    // What the command line writes, with its run's own timestamps (file stamp, created) masked.
    const exportsIn = async (language: 'en' | 'de') => {
      const set = await h.transport().invoke('settings:set', { language });
      expect(set.ok).toBe(true);
      const tsv = await cli('cohort', 'query', cohortJson);
      const jsonl = await cli('cohort', 'query', cohortJson, '--format', 'jsonl');
      const file = join(root, `issue22-${language}.phenopackets.json`);
      const pp = await cli('cohort', 'query', cohortJson, '--format', 'phenopacket', '--out', file);
      for (const r of [tsv, jsonl, pp]) expect(r.code, r.err.join('\n')).toBe(EXIT.ok);
      const stamp = (s: string) =>
        s
          .replace(/cohort-\d{4}-\d\d-\d\dT[\d-]+Z/g, 'cohort-STAMP')
          .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'TIME');
      return {
        tsv: tsv.out,
        jsonl: jsonl.out,
        phenopackets: stamp(readFileSync(file, 'utf8')),
        notes: [tsv.err, jsonl.err, pp.err].map((e) => stamp(e.join('\n'))),
      };
    };
    const en = await exportsIn('en');
    const de = await exportsIn('de');
    await h.transport().invoke('settings:set', { language: 'system' });
    expect(de).toEqual(en);
    // Headers in English, codes as codes, decimals with a point.
    expect(en.tsv[0]?.split('\t').slice(0, 4)).toEqual([
      'dataset_id',
      'node_id',
      'individual_id',
      'sex',
    ]);
    expect(en.tsv.length).toBeGreaterThan(1);
    const rows = en.jsonl.map((l) => JSON.parse(l) as Record<string, unknown>);
    const afs = rows.map((r) => r['allele_frequency']).filter((x) => typeof x === 'number');
    expect(afs.some((x) => !Number.isInteger(x))).toBe(true);
    expect(en.tsv.join('\n')).toMatch(/\t0\.\d+\t/);
    expect(en.tsv.join('\n')).not.toMatch(/\t0,\d+\t/);
    expect(en.phenopackets).toContain('"HP:');
  }, 120_000);
});
