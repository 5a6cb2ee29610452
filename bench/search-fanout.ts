/**
 * Benchmark of the search fan-out (issue 5): total time of a federated query vs the slowest
 * responding node's own latency, with 5 and 20 demo nodes, one node slow (2 s) and one down; plus a
 * black-hole node (accepts, never answers) to show a dead node costs no more than its timeout.
 * Run: npx tsx bench/search-fanout.ts → bench/results/search-fanout.json + a markdown table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FederationDirectory } from '../shared/federation/directory';
import { startCaptureServer } from '../electron/main/search/testing/captureServer';
import { startTokenFederation } from '../electron/main/search/testing/tokenFederation';
import { createHarness } from '../electron/main/search/testing/searchHarness';

const RUNS = 7;
const TIMEOUT_MS = 5_000;
const SLOW_MS = 2_000;

interface Row {
  scenario: string;
  nodes: number;
  timeoutMs: number;
  /** Medians over RUNS. */
  totalMs: number;
  slowestOkMs: number;
  overheadMs: number;
  ratio: number;
  deadNodeMs: number | null;
  statuses: string;
  goal: string;
  met: boolean;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

const demo = await startTokenFederation({ extraNodes: 15 });
const hang = await startCaptureServer();
const all = demo.directory();
const dir =
  (n: number, extra: FederationDirectory['nodes'] = []) =>
  (): FederationDirectory => ({
    ...all,
    nodes: [...all.nodes.slice(0, n), ...extra],
  });

async function scenario(
  name: string,
  directory: () => FederationDirectory,
  timeoutMs: number,
  dead: string | undefined,
  goal: (total: number, slowest: number, deadMs: number | null) => boolean,
  goalText: string,
): Promise<Row> {
  const h = createHarness(directory, { nodeTimeoutMs: () => timeoutMs });
  await h.search({ genomic: 'BRCA1' }); // warm-up: connections, DuckDB caches
  const totals: number[] = [];
  const slowest: number[] = [];
  const deadMs: number[] = [];
  let statuses = '';
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const { final } = await h.search({ genomic: 'BRCA1' });
    totals.push(performance.now() - t0);
    const ok = [...final.values()].filter((u) => u.status === 'ok');
    slowest.push(Math.max(...ok.map((u) => u.timeMs ?? 0)));
    const d = dead === undefined ? undefined : final.get(dead);
    if (d?.timeMs !== undefined) deadMs.push(d.timeMs);
    const counts = new Map<string, number>();
    for (const u of final.values()) counts.set(u.status, (counts.get(u.status) ?? 0) + 1);
    statuses = [...counts].map(([s, c]) => `${c} ${s}`).join(', ');
  }
  const total = median(totals);
  const slow = median(slowest);
  const deadMedian = deadMs.length > 0 ? median(deadMs) : null;
  return {
    scenario: name,
    nodes: directory().nodes.length,
    timeoutMs,
    totalMs: Math.round(total),
    slowestOkMs: Math.round(slow),
    overheadMs: Math.round(total - slow),
    ratio: Math.round((total / slow) * 1000) / 1000,
    deadNodeMs: deadMedian === null ? null : Math.round(deadMedian),
    statuses,
    goal: goalText,
    met: goal(total, slow, deadMedian),
  };
}

const rows: Row[] = [];
const within = (total: number, slowest: number): boolean => total <= slowest + 100;
try {
  rows.push(
    await scenario(
      '5 nodes, healthy',
      dir(5),
      TIMEOUT_MS,
      undefined,
      within,
      'total ≤ slowest + 100 ms',
    ),
  );
  demo.setFaults('IT', { latencyMs: SLOW_MS });
  demo.setFaults('PT', { down: true });
  rows.push(
    await scenario(
      '5 nodes, IT slow 2 s, PT down',
      dir(5),
      TIMEOUT_MS,
      'PT',
      (t, s, d) => within(t, s) && (d ?? 0) <= TIMEOUT_MS,
      'total ≤ slowest + 100 ms; dead ≤ timeout',
    ),
  );
  rows.push(
    await scenario(
      '20 nodes, IT slow 2 s, PT down',
      dir(20),
      TIMEOUT_MS,
      'PT',
      (t, s, d) => within(t, s) && (d ?? 0) <= TIMEOUT_MS,
      'total ≤ slowest + 100 ms; dead ≤ timeout',
    ),
  );
  const blackHole = {
    id: 'HOLE',
    name: 'Black hole',
    country: 'Nowhere',
    beaconUrl: `${hang.url}/api`,
  };
  rows.push(
    await scenario(
      '20 nodes + black hole, timeout 3 s',
      dir(20, [blackHole]),
      3_000,
      'HOLE',
      (t, _s, d) => t <= 3_000 + 100 && (d ?? Infinity) <= 3_000 + 100,
      'total ≤ timeout + 100 ms',
    ),
  );
} finally {
  await hang.close();
  await demo.close();
}

const out = join(import.meta.dirname, 'results', 'search-fanout.json');
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
const meta = {
  runs: RUNS,
  machine: '2 cores',
  node: process.versions.node,
  date: new Date().toISOString(),
};
writeFileSync(out, `${JSON.stringify({ meta, rows }, null, 2)}\n`);
console.log(
  `| scenario | nodes | timeout | total (ms) | slowest ok node (ms) | overhead (ms) | ratio | dead node (ms) | statuses | goal | met |`,
);
console.log(`|---|---|---|---|---|---|---|---|---|---|---|`);
for (const r of rows) {
  console.log(
    `| ${r.scenario} | ${r.nodes} | ${r.timeoutMs} | ${r.totalMs} | ${r.slowestOkMs} | ${r.overheadMs} | ${r.ratio} | ${r.deadNodeMs ?? '–'} | ${r.statuses} | ${r.goal} | ${r.met ? 'yes' : 'NO'} |`,
  );
}
console.log(`\nmedians of ${RUNS} runs; written to ${out}`);
