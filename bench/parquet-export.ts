/**
 * Benchmark of issue 6's Parquet export (on demand): the renderer's rows through the real
 * cohorts:parquet* handlers (chunking, a JSON round trip per chunk as either transport does, zod
 * parse, native DuckDB staging, COPY to Parquet, base64 answer) vs the CSV text of the same rows
 * (the baseline: what the CSV export builds in the renderer). Sizes show how far the 48 MiB cap is.
 * Run: npx tsx bench/parquet-export.ts [rows…]   → bench/results/parquet-export.json + a table.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyFilters } from '../shared/cohorts/definition';
import type { ExportRow } from '../shared/cohorts/exportFormats';
import { NO_VARIANT, toCsv, toExportRow } from '../shared/cohorts/exportFormats';
import { parquetChunks } from '../shared/cohorts/parquetExport';
import { sampleDataset } from '../shared/cohorts/testing/sampleCache';
import { channels } from '../shared/ipc';
import { openAuditLog } from '../electron/main/audit/auditLog';
import { parquetExportHandlers } from '../electron/main/cohorts/parquetExport.handlers';

const sizes = process.argv.slice(2).map(Number);
const sender = { url: undefined };
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function rowsOf(n: number): ExportRow[] {
  const d = sampleDataset({
    datasetId: 'BENCH-01',
    nodeId: 'FI',
    countries: ['FI', 'SE', 'IT'],
    individuals: n,
    variants: 10,
    genotypesPerIndividual: 0,
    seed: 3,
  });
  const ind = d.individuals;
  return ind.individual_id.map((id, i) =>
    toExportRow({
      dataset_id: d.datasetId,
      node_id: d.nodeId,
      individual_id: id,
      sex: ind.sex[i] ?? '',
      age_band: ind.age_band[i] ?? null,
      country: ind.country[i] ?? '',
      diseases: ind.diseases[i] ?? [],
      phenotypes: ind.phenotypes[i] ?? [],
      ...NO_VARIANT,
    }),
  );
}

async function parquet(rows: ExportRow[]) {
  const audit = openAuditLog({ dir: mkdtempSync(join(tmpdir(), 'bench-parquet-')) });
  const h = parquetExportHandlers(audit);
  const t0 = performance.now();
  const { exportId } = await h['cohorts:parquetBegin'](
    { datasets: ['BENCH-01'], leftOut: [], filters: emptyFilters(), note: [], total: rows.length },
    sender,
  );
  let chunks = 0;
  for (const chunk of parquetChunks(rows)) {
    // What a transport does to a request: serialise, parse, validate against the contract.
    const wire = JSON.parse(JSON.stringify({ exportId, rows: chunk })) as unknown;
    await h['cohorts:parquetRows'](channels['cohorts:parquetRows'].request.parse(wire), sender);
    chunks += 1;
  }
  const tSent = performance.now();
  const file = await h['cohorts:parquetFinish']({ exportId }, sender);
  const answer = JSON.parse(JSON.stringify(file)) as unknown;
  channels['cohorts:parquetFinish'].response.parse(answer);
  const t1 = performance.now();
  return {
    ms: round(t1 - t0),
    sendMs: round(tSent - t0),
    writeMs: round(t1 - tSent),
    chunks,
    bytes: file.bytes,
  };
}

const results = [];
for (const n of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
  const rows = rowsOf(n);
  const c0 = performance.now();
  const csv = toCsv(rows);
  const csvMs = round(performance.now() - c0);
  const p = await parquet(rows);
  results.push({
    rows: n,
    csv: { ms: csvMs, bytes: Buffer.byteLength(csv) },
    parquet: p,
    parquetRowsPerS: Math.round(n / (p.ms / 1000)),
  });
  process.stderr.write(`[parquet-bench] ${String(n)} rows done\n`);
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/parquet-export.json', JSON.stringify(results, null, 2));
console.log(
  '| rows | CSV text ms | CSV MB | Parquet total ms (send + write) | chunks | Parquet MB | rows/s |',
);
console.log('|---|---|---|---|---|---|---|');
for (const r of results)
  console.log(
    `| ${String(r.rows)} | ${String(r.csv.ms)} | ${String(round(r.csv.bytes / 1e6, 2))} | ` +
      `${String(r.parquet.ms)} (${String(r.parquet.sendMs)} + ${String(r.parquet.writeMs)}) | ` +
      `${String(r.parquet.chunks)} | ${String(round(r.parquet.bytes / 1e6, 2))} | ${String(r.parquetRowsPerS)} |`,
  );
