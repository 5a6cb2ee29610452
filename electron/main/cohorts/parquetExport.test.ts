import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyFilters } from '../../../shared/cohorts/definition';
import type { CohortVariantRow, ExportRow } from '../../../shared/cohorts/exportFormats';
import { EXPORT_COLUMNS, NO_VARIANT, toExportRow } from '../../../shared/cohorts/exportFormats';
import { parquetChunks } from '../../../shared/cohorts/parquetExport';
import { sampleDataset } from '../../../shared/cohorts/testing/sampleCache';
import { SMALL_SAMPLE } from '../../../shared/cohorts/testing/sampleDatasets';
import { channels } from '../../../shared/ipc';
import { DUO } from '../../../shared/vault/duoRules';
import { exportPlan } from '../../../shared/vault/exportRules';
import { openAuditLog } from '../audit/auditLog';
import { HandlerError } from '../ipc/router';
import { parquetExportHandlers } from './parquetExport.handlers';
import { createParquetExports } from './parquetExports';

const dirs: string[] = [];
const dir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'parquet-export-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const sender = { url: undefined };

/**
 * Every individual of the small sample cache as the renderer's export query returns them: one row
 * per BRCA1 variant they carry (issue 13), or one row without a variant.
 */
const allRows: ExportRow[] = SMALL_SAMPLE.map(sampleDataset).flatMap((d) => {
  const v = d.variants;
  const at = new Map(v.variant_key.map((k, j) => [k, j]));
  return d.individuals.individual_id.flatMap((id, i) => {
    const person = {
      dataset_id: d.datasetId,
      node_id: d.nodeId,
      individual_id: id,
      sex: d.individuals.sex[i] ?? '',
      age_band: d.individuals.age_band[i] ?? null,
      country: d.individuals.country[i] ?? '',
      diseases: d.individuals.diseases[i] ?? [],
      phenotypes: d.individuals.phenotypes[i] ?? [],
    };
    const carried: CohortVariantRow[] = d.genotypes.individual_id.flatMap((g, r) => {
      const j = at.get(d.genotypes.variant_key[r] ?? '') ?? -1;
      if (g !== id || v.gene[j] !== 'BRCA1') return [];
      return [
        {
          ...person,
          variant_key: v.variant_key[j] ?? null,
          chrom: v.chrom[j] ?? null,
          pos: v.pos[j] ?? null,
          ref: v.ref[j] ?? null,
          alt: v.alt[j] ?? null,
          gene: v.gene[j] ?? null,
          consequence: v.consequence[j] ?? null,
          hgvs_c: v.hgvs_c[j] ?? null,
          hgvs_p: v.hgvs_p[j] ?? null,
          clin_sig: v.clin_sig[j] ?? null,
          af: v.af[j] ?? null,
          zygosity: d.genotypes.zygosity[r] ?? null,
        },
      ];
    });
    return (carried.length > 0 ? carried : [{ ...person, ...NO_VARIANT }]).map(toExportRow);
  });
});

// SE-CA-01 carries only GRU while pulled for clinical care: DATA-07 leaves it out (as in the e2e).
const plan = exportPlan(
  SMALL_SAMPLE.map((s) => ({
    datasetId: s.datasetId,
    duo: [{ id: s.datasetId === 'SE-CA-01' ? DUO.GRU : DUO.CC, label: '' }],
    purpose: 'clinical-care' as const,
    allowLocalCopies: true,
  })),
  false,
);
const leftOut = plan.decisions.filter((d) => !d.allowed).map((d) => d.datasetId);
const rows = allRows.filter((r) => plan.allowed.includes(r.dataset_id));

/** The HandlerError a call ends with (the test fails if it succeeds or throws something else). */
async function failure(call: () => Promise<unknown>): Promise<HandlerError> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof HandlerError))
    throw new Error(`expected a HandlerError, got ${String(error)}`);
  return error;
}

async function readBack(bytes: Uint8Array) {
  const file = join(dir(), 'back.parquet');
  writeFileSync(file, bytes);
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    const types = (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`))
      .getRowObjectsJS()
      .map((r) => ({ name: r.column_name, type: r.column_type }));
    const back = (await c.runAndReadAll(`SELECT * FROM read_parquet('${file}')`)).getRowObjectsJS();
    const kv = (
      await c.runAndReadAll(
        `SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${file}')`,
      )
    ).getRowObjectsJS();
    const meta = new Map(kv.map((r) => [r.k as string, r.v as string]));
    return { types, back, kv: meta };
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

describe('Parquet export through native DuckDB in main (issue 6, DATA-07)', () => {
  it('writes typed columns that read back equal to the rows, leaves DUO-refused datasets out, audits', async () => {
    expect(leftOut).toEqual(['SE-CA-01']);
    expect(rows.length).toBeGreaterThan(0);
    const d = dir();
    const audit = openAuditLog({ dir: d });
    const h = parquetExportHandlers(audit);
    const begin = channels['cohorts:parquetBegin'].request.parse({
      datasets: plan.allowed,
      leftOut,
      filters: emptyFilters(),
      note: plan.decisions.flatMap((x) => x.reasons),
      total: rows.length,
    });
    const { exportId } = await h['cohorts:parquetBegin'](begin, sender);
    // Small chunks so the export crosses several requests.
    let received = 0;
    for (const chunk of parquetChunks(rows, 150)) {
      const req = channels['cohorts:parquetRows'].request.parse({ exportId, rows: chunk });
      ({ received } = await h['cohorts:parquetRows'](req, sender));
    }
    expect(received).toBe(rows.length);
    const file = channels['cohorts:parquetFinish'].response.parse(
      await h['cohorts:parquetFinish']({ exportId }, sender),
    );
    const bytes = new Uint8Array(Buffer.from(file.base64, 'base64'));
    expect(bytes.length).toBe(file.bytes);
    expect(file.rows).toBe(rows.length);
    expect(Buffer.from(bytes.subarray(0, 4)).toString()).toBe('PAR1');

    const { types, back, kv } = await readBack(bytes);
    expect(types).toEqual(EXPORT_COLUMNS.map((c) => ({ name: c.name, type: c.type })));
    expect(back).toEqual(rows);
    // Issue 13: the matching variants travel with zygosity, typed (position INTEGER, AF DOUBLE).
    expect(back.filter((r) => r.variant_key !== null).length).toBeGreaterThan(10);
    expect(new Set(back.map((r) => r.zygosity))).toEqual(
      new Set([null, 'heterozygous', 'homozygous']),
    );
    expect(back.some((r) => r.dataset_id === 'SE-CA-01')).toBe(false);
    expect(kv.get('cohort_desk_note')).toContain('SE-CA-01: pulled for clinical care');
    expect(kv.get('cohort_desk_left_out')).toBe('SE-CA-01');

    const log = readFileSync(audit.file, 'utf8').trim().split('\n');
    const entry = JSON.parse(log.at(-1) ?? '{}') as { type: string; fields: unknown };
    expect(entry).toMatchObject({
      type: 'cohort.export',
      fields: { format: 'parquet', rows: rows.length, datasets: ['FI-RD-01'], leftOut },
    });
    expect(log.join('\n')).not.toContain(rows[0]?.individual_id); // counts, never rows
    expect(audit.verify().ok).toBe(true);
  });

  it('refuses rows of a left-out dataset: nothing written, nothing audited, the export is gone', async () => {
    const audit = openAuditLog({ dir: dir() });
    const h = parquetExportHandlers(audit);
    const { exportId } = await h['cohorts:parquetBegin'](
      { datasets: plan.allowed, leftOut, filters: emptyFilters(), note: [], total: 10 },
      sender,
    );
    const stray = allRows.filter((r) => r.dataset_id === 'SE-CA-01').slice(0, 2);
    const refused = await failure(async () =>
      h['cohorts:parquetRows']({ exportId, rows: stray }, sender),
    );
    expect(refused.code).toBe('NOT_ALLOWED');
    expect(refused.message).toContain('SE-CA-01');
    await expect(h['cohorts:parquetFinish']({ exportId }, sender)).rejects.toBeInstanceOf(
      HandlerError,
    );
    expect(audit.verify()).toMatchObject({ ok: true, entries: 0 });
  });

  it('refuses a file over the size limit with the sizes in the message, and audits nothing', async () => {
    const audit = openAuditLog({ dir: dir() });
    const h = parquetExportHandlers(audit, createParquetExports({ audit, maxBytes: 1024 }));
    const { exportId } = await h['cohorts:parquetBegin'](
      { datasets: plan.allowed, leftOut, filters: emptyFilters(), note: [], total: rows.length },
      sender,
    );
    await h['cohorts:parquetRows']({ exportId, rows }, sender);
    const refused = await failure(async () => h['cohorts:parquetFinish']({ exportId }, sender));
    expect(refused.code).toBe('NOT_ALLOWED');
    expect(refused.message).toMatch(/MB; Cohort Desk hands over at most 0\.0 MB/);
    expect(audit.verify()).toMatchObject({ ok: true, entries: 0 });
  });

  it('refuses more rows than announced', async () => {
    const audit = openAuditLog({ dir: dir() });
    const h = parquetExportHandlers(audit);
    const { exportId } = await h['cohorts:parquetBegin'](
      { datasets: plan.allowed, leftOut, filters: emptyFilters(), note: [], total: 1 },
      sender,
    );
    expect(() => h['cohorts:parquetRows']({ exportId, rows: rows.slice(0, 2) }, sender)).toThrow(
      /More rows arrived/,
    );
  });
});
