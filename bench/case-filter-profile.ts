/**
 * Where a filter change's time goes on one kept case database (issue 16, decision 0045): per filter
 * of bench/case/filterTimes.ts, the CPU time of the counts query and of the first window, natively
 * and in duckdb-wasm, with the filter table (case schema 4) and without them (the same file, the
 * steps reading `variants` as a schema-3 case does), plus the heaviest operators of EXPLAIN ANALYZE
 * (native). CPU time of this process, because the machine is shared.
 * Run: npx tsx bench/case-filter-profile.ts --case-file FILE [--rounds N] [--no-wasm] [--explain]
 *   (FILE: a case kept by bench/case-import.ts --keep-case; an older schema is upgraded on a copy
 *   first, as the app does once; plaintext patient data: keep it in tmp)
 *   → bench/results/case-filter-profile.json and stdout.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadPanels } from '../electron/main/cases/genomeAssets';
import { openWasmDuckDb } from '../electron/main/cases/testing/wasmDuckDb';
import type { CaseSqlContext } from '../shared/cases/filterSql';
import { caseCountsAndRowsSql, caseCountsSql, caseRowsSql } from '../shared/cases/filterSql';
import { panelBitsOf, panelBitsSql, TABLE_WINDOW } from '../shared/cases/queryLayout';
import { SCHEMA_TABLE_SQL, pendingMigrations, viewStatements } from '../shared/cohorts/schema';
import { FILTERS } from './case/filterTimes';
import { upgradeCaseFile } from './case/upgradeCaseFile';

const { values: args } = parseArgs({
  options: {
    'case-file': { type: 'string' },
    rounds: { type: 'string', default: '3' },
    'no-wasm': { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
  },
});
const kept = args['case-file'];
if (kept === undefined) throw new Error('--case-file FILE is required');
const scratch = join(tmpdir(), `case-profile-${String(process.pid)}`);
const panels = loadPanels();
const upgraded = await upgradeCaseFile(kept, `${scratch}.up`, panels, true);
const file = `${scratch}.duckdb`;
writeFileSync(file, upgraded.bytes, { mode: 0o600 });
const rounds = Number(args.rounds);
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const alias = 'case_bench';
const cohortViews = [SCHEMA_TABLE_SQL, ...pendingMigrations(0), ...viewStatements([])];
// The panel bits of the relaid copy (decision 0062), read once it is attached.
let panelBits = new Map<string, number>();
const ctxOf = (filterTable: boolean): CaseSqlContext => ({
  db: alias,
  panelGenes: (id) => panels.find((p) => p.id === id)?.genes ?? [],
  cohort: { individuals: 'individuals', genotypes: 'genotypes' },
  pageTable: true,
  filterTable,
  ...(filterTable ? { panelBits } : {}),
});

/** Mean CPU ms of `run` over the rounds (the first call warms caches and is not counted). */
async function cpuMs(run: () => Promise<unknown>): Promise<number> {
  await run();
  const c0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) await run();
  const c = process.cpuUsage(c0);
  return Math.round((c.user + c.system) / 1000 / rounds);
}

type Row = Record<string, number | string>;

/** A node of DuckDB's JSON profile. */
interface Op {
  operator_name?: string;
  operator_timing?: number;
  operator_cardinality?: number;
  extra_info?: Record<string, unknown>;
  children?: Op[];
}

/** The five operators that took longest, as `name rows ms (table)`. */
function heaviest(root: Op): string {
  const ops: Op[] = [];
  const walk = (o: Op): void => {
    ops.push(o);
    for (const c of o.children ?? []) walk(c);
  };
  walk(root);
  return ops
    .filter((o) => o.operator_name !== undefined)
    .sort((a, b) => (b.operator_timing ?? 0) - (a.operator_timing ?? 0))
    .slice(0, 5)
    .map((o) => {
      const t = o.extra_info?.Table;
      return `${o.operator_name ?? ''} ${String(o.operator_cardinality ?? 0)} rows ${((o.operator_timing ?? 0) * 1000).toFixed(1)} ms${typeof t === 'string' ? ` (${t})` : ''}`;
    })
    .join('; ');
}
const page = { limit: TABLE_WINDOW, offset: 0 };
const out: {
  load: Record<string, string>;
  upgrade: object;
  native: Row[];
  wasm: Row[];
  explain: Row[];
} = {
  load: { before: load() },
  upgrade: upgraded.report,
  native: [],
  wasm: [],
  explain: [],
};

const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const conn = await instance.connect();
await conn.run(`ATTACH '${file}' AS ${alias} (READ_ONLY)`);
for (const s of cohortViews) await conn.run(s);
panelBits = panelBitsOf((await conn.runAndReadAll(panelBitsSql(alias))).getRowObjectsJS(), panels);
for (const [name, filter] of FILTERS)
  for (const laid of [false, true]) {
    const ctx = ctxOf(laid);
    const counts = await cpuMs(() => conn.run(caseCountsSql(filter, ctx).sql));
    const rows = await cpuMs(() => conn.run(caseRowsSql(filter, ctx, page)));
    // Both in one statement (decision 0062), as the page and main run a change.
    const both = await cpuMs(() => conn.run(caseCountsAndRowsSql(filter, ctx, page).sql));
    out.native.push({
      filter: name,
      filterTable: String(laid),
      countsMs: counts,
      windowMs: rows,
      countsAndWindowMs: both,
    });
    process.stderr.write(
      `native ${name} ${String(laid)}: ${String(counts)} + ${String(rows)} ms, together ${String(both)} ms (load ${load()})\n`,
    );
    if (args.explain && laid)
      for (const [q, sql] of [
        ['counts', caseCountsSql(filter, ctx).sql],
        ['window', caseRowsSql(filter, ctx, page)],
      ] as const) {
        const r = await conn.runAndReadAll(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`);
        const text = r.getRowObjectsJS()[0]?.explain_value;
        const plan = JSON.parse(typeof text === 'string' ? text : '{}') as Op;
        out.explain.push({ filter: name, query: q, top: heaviest(plan) });
      }
  }
conn.closeSync();
instance.closeSync();
out.load.afterNative = load();

if (!args['no-wasm']) {
  const db = await openWasmDuckDb();
  const registered = `/vault/${alias}.duckdb`;
  db.registerFile(registered, upgraded.bytes);
  db.query(`ATTACH '${registered}' AS ${alias} (READ_ONLY)`);
  for (const s of cohortViews) db.query(s);
  for (const [name, filter] of FILTERS)
    for (const laid of [false, true]) {
      const ctx = ctxOf(laid);
      const counts = await cpuMs(() => Promise.resolve(db.query(caseCountsSql(filter, ctx).sql)));
      const rows = await cpuMs(() => Promise.resolve(db.query(caseRowsSql(filter, ctx, page))));
      const both = await cpuMs(() =>
        Promise.resolve(db.query(caseCountsAndRowsSql(filter, ctx, page).sql)),
      );
      out.wasm.push({
        filter: name,
        filterTable: String(laid),
        countsMs: counts,
        windowMs: rows,
        countsAndWindowMs: both,
      });
      process.stderr.write(
        `wasm ${name} ${String(laid)}: ${String(counts)} + ${String(rows)} ms, together ${String(both)} ms (load ${load()})\n`,
      );
    }
  db.close();
}
out.load.end = load();
rmSync(file, { force: true });
const results = join(import.meta.dirname, 'results');
mkdirSync(results, { recursive: true });
writeFileSync(join(results, 'case-filter-profile.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(JSON.stringify({ ...out, explain: out.explain.length }, null, 2));
