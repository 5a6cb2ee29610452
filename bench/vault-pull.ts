/**
 * Benchmark of issue 6's vault (on demand): (1) pull throughput from a large-profile demo node into
 * the encrypted vault (records/s, MB/s of Beacon JSON) vs a raw fetch of the same pages with no
 * processing; (2) decrypt-to-Arrow time for ≥ 5,000,000 genotype rows vs reading the same Arrow IPC
 * unencrypted from disk.
 * Run: NODE_OPTIONS=--max-old-space-size=12000 npx tsx bench/vault-pull.ts
 *   → bench/results/vault.json + a markdown table.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { startDemoFederation } from '../electron/main/auth/testing/demoFederation';
import { createHarness } from '../electron/main/auth/testing/harness';
import { testKeyStorage } from '../electron/main/platform/keyStorage';
import { PULL_PAGE_SIZE } from '../electron/main/pull/beaconPages';
import type { PullProgress } from '../shared/domain/vault';
import { toArrowIpc, type GenotypeRow } from '../electron/main/vault/arrowTables';
import { readTable, writeDatasetFolder } from '../electron/main/vault/datasetFolder';
import { ensureData } from '../federation/generator/index';

const say = (m: string) => process.stderr.write(`[vault-bench] ${m}\n`);
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const NODE = 'FI';
const DATASET = 'FI-RD-01';

const manifest = await ensureData({
  profile: 'large',
  rootDir: 'federation/data',
  onProgress: (m) => process.stderr.write(`${m}\n`),
});
const fed = await startDemoFederation({
  runDir: tmp('bench-vault-fed-'),
  profile: 'large',
} as Parameters<typeof startDemoFederation>[0]);
const h = await createHarness({
  fed,
  dataDir: tmp('bench-vault-app-'),
  user: 'clinician',
  keyStorage: testKeyStorage(randomBytes(32)),
});
await h.invoke('auth:signIn', {});

// (1a) The pull into the vault, end to end (pages → zod → rows → Arrow → encrypted, atomically committed).
const done = new Promise<PullProgress>((resolve) => {
  h.services.events.subscribe((event, payload) => {
    const p = payload as PullProgress;
    if (event === 'pull:progress' && p.state !== 'running') resolve(p);
  });
});
const t0 = performance.now();
await h.invoke('pull:start', { nodeId: NODE, datasetId: DATASET, purpose: 'clinical-care' });
const pulled = await done;
const pullMs = performance.now() - t0;
say(`pull ${Math.round(pullMs)} ms`);
if (pulled.state !== 'done') throw new Error(`pull ended ${pulled.state}: ${pulled.message ?? ''}`);
const m = (await h.invoke('vault:list')).datasets.find((d) => d.datasetId === DATASET)!;

// (1b) The same pages fetched raw: POST + body read as text, nothing parsed (one retry on a reset
// keep-alive connection, as the pull does).
const dir = await h.invoke('federation:directory');
const node = dir.nodes.find((n) => n.id === NODE)!;
const token = await h.services.auth.accessToken();
async function rawPage(entity: string, page: number): Promise<string> {
  const body = JSON.stringify({
    meta: { apiVersion: '2.0' },
    query: {
      requestParameters: { datasetIds: [DATASET] },
      pagination: { skip: page, limit: PULL_PAGE_SIZE },
      requestedGranularity: 'record',
    },
  });
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(`${node.beaconUrl}/${entity}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token!}` },
        body,
      });
      return await res.text();
    } catch (error: unknown) {
      if (attempt >= 2) throw error;
    }
  }
}
const totals = { individuals: m.rows.individuals, g_variants: m.rows.variants };
let rawRecords = 0;
let rawBytes = 0;
const t1 = performance.now();
for (const entity of ['individuals', 'g_variants'] as const) {
  for (let page = 0; page * PULL_PAGE_SIZE < totals[entity]; page++) {
    const text = await rawPage(entity, page);
    rawBytes += Buffer.byteLength(text);
    rawRecords += Math.min(PULL_PAGE_SIZE, totals[entity] - page * PULL_PAGE_SIZE);
  }
}
const rawMs = performance.now() - t1;
say(`raw ${Math.round(rawMs)} ms`);
h.close();
await fed.close();

// (2) ≥ 5M genotype rows: every large-profile node's genotypes, as one vault table.
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const glob = join(manifest.dir, '*', 'genotypes.parquet').replaceAll("'", "''");
const reader = await c.runAndReadAll(
  `SELECT individual_id, variant_id, zygosity FROM read_parquet('${glob}')`,
);
const cols = reader.getColumns() as [string[], string[], string[]];
const n = cols[0].length;
const genotypes: GenotypeRow[] = new Array<GenotypeRow>(n);
for (let i = 0; i < n; i++)
  genotypes[i] = {
    individual_id: cols[0][i]!,
    variant_key: cols[1][i]!,
    zygosity: cols[2][i] === 'hom' ? 'hom' : 'het',
  };
c.closeSync();
say(`${n} genotype rows read from Parquet`);
const ids = { datasetId: 'BENCH-ALL', nodeId: 'ALL' };
const tBuild = performance.now();
const arrow = toArrowIpc('genotypes', { individuals: [], variants: [], genotypes }, ids);
const buildMs = performance.now() - tBuild;
say(`Arrow built in ${Math.round(buildMs)} ms`);
const work = tmp('bench-vault-5m-');
const plainFile = join(work, 'genotypes.arrow');
writeFileSync(plainFile, arrow);
const masterKey = randomBytes(32);
const user = { sub: 'bench', iss: 'http://bench' };
const folder = join(work, 'BENCH-ALL');
const tEnc = performance.now();
const vm = writeDatasetFolder({
  outDir: folder,
  user,
  masterKey,
  tables: {
    individuals: toArrowIpc('individuals', { individuals: [], variants: [], genotypes: [] }, ids),
    variants: toArrowIpc('variants', { individuals: [], variants: [], genotypes: [] }, ids),
    genotypes: arrow,
  },
  manifest: {
    ...m,
    datasetId: 'BENCH-ALL',
    nodeId: 'ALL',
    rows: { individuals: 0, variants: 0, genotypes: n },
  },
});
const encryptMs = performance.now() - tEnc;
const { unwrapDataKey } = await import('../electron/main/vault/datasetFolder');

const runs = 5;
const plainTimes: number[] = [];
const vaultTimes: number[] = [];
for (let r = 0; r < runs; r++) {
  let t = performance.now();
  const pt = tableFromIPC(readFileSync(plainFile));
  if (pt.numRows !== n) throw new Error('plain rows');
  plainTimes.push(performance.now() - t);
  t = performance.now();
  const key = unwrapDataKey(folder, user, 'BENCH-ALL', masterKey);
  const vt = tableFromIPC(readTable(folder, vm, 'genotypes', key));
  if (vt.numRows !== n) throw new Error('vault rows');
  vaultTimes.push(performance.now() - t);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (b: number) => b / 1_048_576;

const result = {
  at: new Date().toISOString(),
  machine: `2 cores, Node ${process.versions.node}, load average at end ${(await import('node:os')).loadavg()[0]?.toFixed(1) ?? '?'} (shared machine)`,
  pull: {
    node: NODE,
    dataset: DATASET,
    pageSize: PULL_PAGE_SIZE,
    records: pulled.records,
    rows: m.rows,
    jsonMB: round(mb(pulled.bytes)),
    vaultMB: round(mb(m.bytes)),
    vaultMs: Math.round(pullMs),
    vaultRecordsPerSec: Math.round(pulled.records / (pullMs / 1000)),
    vaultMBPerSec: round(mb(pulled.bytes) / (pullMs / 1000)),
    rawRecords,
    rawMs: Math.round(rawMs),
    rawRecordsPerSec: Math.round(rawRecords / (rawMs / 1000)),
    rawMBPerSec: round(mb(rawBytes) / (rawMs / 1000)),
  },
  decrypt: {
    genotypeRows: n,
    arrowMB: round(mb(arrow.length)),
    buildArrowMs: Math.round(buildMs),
    encryptMs: Math.round(encryptMs),
    plainReadMsMedian: round(median(plainTimes), 1),
    vaultReadMsMedian: round(median(vaultTimes), 1),
    decryptMBPerSec: round(mb(arrow.length) / (median(vaultTimes) / 1000)),
  },
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/vault.json', `${JSON.stringify(result, null, 2)}\n`);
const p = result.pull;
const d = result.decrypt;
process.stdout.write(
  [
    `| measurement | vault | raw / plain | ratio |`,
    `|---|---|---|---|`,
    `| pull ${DATASET} (${p.records} records, ${p.rows.genotypes} genotypes, ${p.jsonMB} MB JSON) | ${p.vaultMs} ms · ${p.vaultRecordsPerSec} rec/s · ${p.vaultMBPerSec} MB/s | ${p.rawMs} ms · ${p.rawRecordsPerSec} rec/s · ${p.rawMBPerSec} MB/s | ${round(p.vaultMs / p.rawMs)}× |`,
    `| read ${d.genotypeRows} genotype rows (${d.arrowMB} MB Arrow) to an Arrow table | ${d.vaultReadMsMedian} ms (decrypt+verify, ${d.decryptMBPerSec} MB/s) | ${d.plainReadMsMedian} ms | ${round(d.vaultReadMsMedian / d.plainReadMsMedian)}× |`,
    `| build Arrow IPC / encrypt (one-off at pull) | ${d.buildArrowMs} ms / ${d.encryptMs} ms | | |`,
    '',
  ].join('\n'),
);
db.closeSync();
process.exit(0);
