/**
 * Benchmark of "seen before" (issue 18): 500 candidate alleles asked of every node in one batch,
 * with 5 demo nodes and with 20 (one slow, one down). Total time vs the slowest answering node's own
 * time for its share (from its first request to its last answer, in the same run, over the nodes
 * asked their whole share: a node given up as down is not one); goal: total ≤
 * 1.2 × that + 100 ms. For context it also times the slow node's share alone (no other node
 * competing for this machine's CPU: the demo nodes run in this process). Load average recorded.
 * Run: npx tsx bench/seen-before.ts [--candidates 500] [--runs 3] [--slow-ms 200] [--per-node 8]
 * → bench/results/seen-before.json and a markdown table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { NodeEntry } from '../shared/federation/directory';
import type { SeenCandidate, SeenProgress } from '../shared/seen/channels';
import { createAssemblyResolver } from '../electron/main/beacon/nodeAssembly';
import { startTokenFederation } from '../electron/main/search/testing/tokenFederation';
import { SEEN_BATCH_DEFAULTS, startSeenBatch } from '../electron/main/seen/seenBatch';

const { values: args } = parseArgs({
  options: {
    candidates: { type: 'string', default: '500' },
    runs: { type: 'string', default: '3' },
    'slow-ms': { type: 'string', default: '200' },
    'per-node': { type: 'string', default: String(SEEN_BATCH_DEFAULTS.perNode) },
  },
});
const N = Number(args.candidates);
const RUNS = Number(args.runs);
const SLOW_MS = Number(args['slow-ms']);
const PER_NODE = Number(args['per-node']);
const TIMEOUT_MS = 5_000;

const demo = await startTokenFederation({ extraNodes: 15 });
const all = demo.directory().nodes;
const tokens = await demo.tokenFor('clinician');
const assemblies = createAssemblyResolver({ fetch, timeoutMs: () => TIMEOUT_MS });

// Planted alleles first (some nodes hold them), then SNVs along BRCA1 that mostly none hold.
const planted = Object.keys(
  Object.values(demo.truth.datasets).reduce<Record<string, unknown>>(
    (acc, d) => ({ ...acc, ...d.planted }),
    {},
  ),
);
const candidates: SeenCandidate[] = [...planted, ...Array.from({ length: N }, (_, i) => i)]
  .slice(0, N)
  .map((k) => {
    if (typeof k === 'string') {
      const [chrom = '', pos = '', ref = '', alt = ''] = k.split('-');
      return { chrom, pos: Number(pos), ref, alt };
    }
    return { chrom: '17', pos: 43_044_295 + k * 150, ref: 'A', alt: 'G' };
  });

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function batch(
  nodes: readonly NodeEntry[],
): Promise<{ total: number; final: SeenProgress[] }> {
  const final = new Map<string, SeenProgress>();
  const b = startSeenBatch({
    queryId: crypto.randomUUID(),
    nodes,
    candidates,
    tokenFor: tokens,
    fetch,
    assemblies,
    timeoutMs: TIMEOUT_MS,
    ...SEEN_BATCH_DEFAULTS,
    perNode: PER_NODE,
    onProgress: (p) => final.set(p.nodeId, p),
  });
  const { totalMs } = await b.done;
  return { total: totalMs, final: [...final.values()] };
}

interface Row {
  scenario: string;
  nodes: number;
  candidates: number;
  totalMs: number;
  slowestOwnMs: number;
  ratio: number;
  goalMs: number;
  met: boolean;
  slowAloneMs: number | null;
  statuses: string;
  /** Lookups that failed over all nodes (median over runs). */
  failedLookups: number;
  /** What the nodes that did not answer every allele said (distinct). */
  messages: string[];
  load: number[];
}

async function scenario(name: string, nodes: readonly NodeEntry[], slow?: string): Promise<Row> {
  await batch(nodes.slice(0, 1)); // warm-up: connections, tokens, DuckDB caches
  const totals: number[] = [];
  const own: number[] = [];
  const failed: number[] = [];
  let statuses = '';
  let messages: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { total, final } = await batch(nodes);
    totals.push(total);
    // Nodes that were asked their whole share (a node given up is not one), even when some of
    // its lookups failed (timeouts under this machine's load are counted in `failed`).
    own.push(Math.max(...final.filter((p) => p.done === p.total).map((p) => p.timeMs ?? 0)));
    failed.push(final.reduce((s, p) => s + p.failed, 0));
    const counts = new Map<string, number>();
    for (const p of final) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
    statuses = [...counts].map(([s, c]) => `${String(c)} ${s}`).join(', ');
    messages = [...new Set(final.flatMap((p) => (p.message === undefined ? [] : [p.message])))];
  }
  const alone = slow === undefined ? null : (await batch(nodes.filter((n) => n.id === slow))).total;
  const total = median(totals);
  const slowest = median(own);
  const goalMs = 1.2 * slowest + 100;
  return {
    scenario: name,
    nodes: nodes.length,
    candidates: candidates.length,
    totalMs: Math.round(total),
    slowestOwnMs: Math.round(slowest),
    ratio: Math.round((total / slowest) * 1000) / 1000,
    goalMs: Math.round(goalMs),
    met: total <= goalMs,
    slowAloneMs: alone === null ? null : Math.round(alone),
    statuses,
    failedLookups: median(failed),
    messages,
    load: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

const rows: Row[] = [];
try {
  rows.push(await scenario('5 nodes, healthy', all.slice(0, 5)));
  demo.setFaults('IT', { latencyMs: SLOW_MS });
  demo.setFaults('PT', { down: true });
  rows.push(
    await scenario(`20 nodes, IT slow (+${String(SLOW_MS)} ms a request), PT down`, all, 'IT'),
  );
} finally {
  await demo.close();
}

const out = join(import.meta.dirname, 'results', 'seen-before.json');
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
const meta = {
  runs: RUNS,
  perNode: PER_NODE,
  slowMs: SLOW_MS,
  node: process.versions.node,
  date: new Date().toISOString(),
};
writeFileSync(out, `${JSON.stringify({ meta, rows }, null, 2)}\n`);
console.log(
  '| scenario | nodes | alleles | total (ms) | slowest node own (ms) | ratio | goal (ms) | met | slow node alone (ms) | statuses | failed lookups | load 1/5/15 |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.scenario} | ${String(r.nodes)} | ${String(r.candidates)} | ${String(r.totalMs)} | ${String(r.slowestOwnMs)} | ${String(r.ratio)} | ${String(r.goalMs)} | ${r.met ? 'yes' : 'NO'} | ${r.slowAloneMs === null ? '–' : String(r.slowAloneMs)} | ${r.statuses} | ${String(r.failedLookups)} | ${r.load.join(' / ')} |`,
  );
console.log(`\nmedians of ${String(RUNS)} runs; written to ${out}`);
