/**
 * Benchmark of the national node's Beacon queries on the large profile: gene, region and filter queries
 * (p50/p95 per type) and paged record retrieval (records/s), side by side with the same SQL run directly
 * in DuckDB on the same Parquet (the floor: no HTTP, JSON, access control or record mapping).
 * Run: npx tsx bench/federation-queries.ts   → bench/results/federation-queries.json + a markdown table.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DATASETS,
  NODES,
  datasetVisaValue,
  nodeDacSource,
  type NodeId,
} from '../federation/catalogue';
import { ensureData, type GroundTruth } from '../federation/generator/index';
import { geneBySymbol } from '../federation/reference/index';
import { createMemoryLogger, startNode } from '../federation/node/index';
import { parseGet } from '../federation/node/beacon/parseRequest';
import {
  compileQuery,
  countByDataset,
  pageRows,
  type EntityType,
} from '../federation/node/query/entityQuery';
import { openStore } from '../federation/node/store/db';
import { loadVocabulary } from '../federation/node/store/vocabulary';
import { startPassportIssuer, visaPayload } from '../federation/node/testing/passportIssuer';

const NODE: NodeId = 'IT';
const REPS = 40;

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}
const round = (x: number) => Math.round(x * 100) / 100;

const manifest = await ensureData({
  profile: 'large',
  rootDir: 'federation/data',
  onProgress: (m) => process.stderr.write(`${m}\n`),
});
const truth = JSON.parse(
  readFileSync(join(manifest.dir, 'ground-truth.json'), 'utf8'),
) as GroundTruth;
const datasets = DATASETS.filter((d) => d.node === NODE);
const issuer = await startPassportIssuer();
const visas = await Promise.all(
  datasets.map((d) =>
    issuer.sign(
      visaPayload(issuer.iss, 'bench', {
        type: 'ControlledAccessGrants',
        value: datasetVisaValue(d),
        source: nodeDacSource(NODE),
        by: 'dac',
      }),
    ),
  ),
);
const nodeInfo = NODES.find((n) => n.id === NODE)!;
const node = await startNode({
  node: nodeInfo,
  port: 0,
  dataDir: manifest.dir,
  trustedIssuers: [{ iss: issuer.iss, jku: issuer.jku }],
  registerAtBrokers: () => Promise.resolve([issuer.client]),
  logger: createMemoryLogger('bench'),
});
// A token for this node only (decision 0015-node-audience-tokens), whose passport holds the visas above.
const bearer = `Bearer ${await issuer.tokenFor('bench', visas, { aud: node.resource, claims: { exp: Math.floor(Date.now() / 1000) + 24 * 3600 } })}`;
const store = await openStore(join(manifest.dir, NODE));
const vocab = await loadVocabulary(store);
const all = datasets.map((d) => d.id);

const genes = [
  ...new Set(datasets.flatMap((d) => Object.keys(truth.datasets[d.id]?.genes ?? {}))),
].slice(0, REPS);
const terms = [
  ...new Set(datasets.flatMap((d) => Object.keys(truth.datasets[d.id]?.hpo ?? {}))),
].slice(0, REPS);
const queries: Record<string, { entity: EntityType; qs: string }[]> = {
  'gene (g_variants count)': genes.map((g) => ({ entity: 'g_variants', qs: `geneId=${g}` })),
  'gene carriers (individuals count)': genes.map((g) => ({
    entity: 'individuals',
    qs: `geneId=${g}`,
  })),
  'region (g_variants count)': genes.map((g) => {
    const s = geneBySymbol(g)!;
    return {
      entity: 'g_variants',
      qs: `referenceName=${s.chrom}&start=${s.start - 1}&end=${s.end}`,
    };
  }),
  'HPO filter (individuals count)': terms.map((t) => ({
    entity: 'individuals',
    qs: `filters=${t}`,
  })),
};

async function httpMs(entity: string, qs: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${node.beaconUrl}/${entity}?${qs}&requestedGranularity=count`, {
    headers: { authorization: bearer },
  });
  await res.json();
  if (res.status !== 200) throw new Error(`${entity}?${qs}: HTTP ${res.status}`);
  return performance.now() - t0;
}

async function floorMs(entity: EntityType, qs: string): Promise<number> {
  const t0 = performance.now();
  await countByDataset(
    store,
    compileQuery(entity, parseGet(new URLSearchParams(qs)), { datasetIds: all }, store, vocab),
  );
  return performance.now() - t0;
}

const rows: {
  query: string;
  n: number;
  p50: number;
  p95: number;
  floorP50: number;
  floorP95: number;
}[] = [];
for (const [name, list] of Object.entries(queries)) {
  for (const q of list.slice(0, 3)) await httpMs(q.entity, q.qs); // warm-up (Parquet metadata, prepared plans)
  const http: number[] = [];
  const floor: number[] = [];
  for (const q of list) {
    http.push(await httpMs(q.entity, q.qs));
    floor.push(await floorMs(q.entity, q.qs));
  }
  rows.push({
    query: name,
    n: list.length,
    p50: round(pct(http, 50)),
    p95: round(pct(http, 95)),
    floorP50: round(pct(floor, 50)),
    floorP95: round(pct(floor, 95)),
  });
}

/** Pages through one dataset at limit 1000 over HTTP and directly; returns records/s for both. */
async function paged(
  entity: EntityType,
  datasetId: string,
): Promise<{ records: number; httpRps: number; floorRps: number }> {
  let records = 0;
  const t0 = performance.now();
  for (let skip = 0; ; skip++) {
    const res = await fetch(
      `${node.beaconUrl}/${entity}?requestedGranularity=record&limit=1000&skip=${skip}&datasetIds=${datasetId}`,
      { headers: { authorization: bearer } },
    );
    const body = (await res.json()) as { response: { resultSets: { results: unknown[] }[] } };
    const n = body.response.resultSets[0]?.results.length ?? 0;
    records += n;
    if (n < 1000) break;
  }
  const httpS = (performance.now() - t0) / 1000;
  const q = compileQuery(
    entity,
    parseGet(new URLSearchParams('')),
    { datasetIds: [datasetId] },
    store,
    vocab,
  );
  const t1 = performance.now();
  let floorRecords = 0;
  for (let skip = 0; ; skip++) {
    const n = (await pageRows(store, q, datasetId, skip * 1000, 1000)).length;
    floorRecords += n;
    if (n < 1000) break;
  }
  const floorS = (performance.now() - t1) / 1000;
  return {
    records,
    httpRps: Math.round(records / httpS),
    floorRps: Math.round(floorRecords / floorS),
  };
}

const biggest = [...datasets].sort(
  (a, b) => (truth.datasets[b.id]?.individuals ?? 0) - (truth.datasets[a.id]?.individuals ?? 0),
)[0]!;
const pagedRows = [
  { entity: 'individuals', datasetId: biggest.id, ...(await paged('individuals', biggest.id)) },
  { entity: 'g_variants', datasetId: biggest.id, ...(await paged('g_variants', biggest.id)) },
];

await node.close();
await issuer.close();
store.close();

const result = {
  node: NODE,
  profile: 'large',
  nodeSize: manifest.nodes[NODE],
  machine: '2 cores',
  date: new Date().toISOString(),
  queries: rows,
  paged: pagedRows,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/federation-queries.json', JSON.stringify(result, null, 2) + '\n');

console.log(
  `\nNode ${NODE} (large profile: ${JSON.stringify(manifest.nodes[NODE])}), count granularity, record access\n`,
);
console.log('| query type | n | HTTP p50 ms | HTTP p95 ms | DuckDB floor p50 ms | floor p95 ms |');
console.log('|---|---|---|---|---|---|');
for (const r of rows)
  console.log(`| ${r.query} | ${r.n} | ${r.p50} | ${r.p95} | ${r.floorP50} | ${r.floorP95} |`);
console.log(
  '\n| paged record retrieval (limit 1000) | dataset | records | HTTP records/s | DuckDB floor records/s |',
);
console.log('|---|---|---|---|---|');
for (const p of pagedRows)
  console.log(`| ${p.entity} | ${p.datasetId} | ${p.records} | ${p.httpRps} | ${p.floorRps} |`);
