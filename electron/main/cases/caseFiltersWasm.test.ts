import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFilter } from '../../../shared/cases/filters';
import { INHERITANCE_MODES } from '../../../shared/cases/filters';
import { caseCountsSql, caseRowsSql } from '../../../shared/cases/filterSql';
import { inheritanceSelectSql } from '../../../shared/cases/inheritanceSql';
import { BUILT_IN_PRESETS } from '../../../shared/cases/presets';
import {
  pendingMigrations,
  SCHEMA_TABLE_SQL,
  viewStatements,
} from '../../../shared/cohorts/schema';
import { loadPanels } from './genomeAssets';
import type { CaseHarness } from './testing/caseHarness';
import { openCaseHarness } from './testing/caseHarness';
import { syntheticTrio } from './testing/syntheticTrio';
import type { WasmDuckDb } from './testing/wasmDuckDb';
import { openWasmDuckDb } from './testing/wasmDuckDb';

// The page's engine (duckdb-wasm) over the very file main wrote and sealed, with the same SQL text
// the command line runs natively (issue 16: one filter source for both).
const trio = syntheticTrio();
let h: CaseHarness;
let wasm: WasmDuckDb;
let alias: string;
const panels = loadPanels();

beforeAll(async () => {
  h = openCaseHarness();
  const vcf = h.handle(h.file('trio.vcf.gz', trio.vcf, { bgzf: true }));
  const done = await h.importCase({
    caseId: 'TRIO-W',
    patientId: 'P-002',
    sex: 'male',
    vcf,
    ped: { name: 'trio.ped', text: trio.ped },
    links: ['MOTHER', 'PROBAND', 'FATHER'].map((s) => ({ sample: s, member: s })),
    proband: 'PROBAND',
  });
  expect(done.phase).toBe('done');
  const detail = await h.call('case:open', { caseId: 'TRIO-W' });
  const read = h.services.cases.readDatabase('TRIO-W');
  if (!read.ok) throw new Error(read.message);
  wasm = await openWasmDuckDb();
  wasm.registerFile(detail.database.registeredFile, read.bytes);
  alias = detail.database.alias;
  wasm.query(`ATTACH '${detail.database.registeredFile}' AS ${alias} (READ_ONLY)`);
  for (const s of [SCHEMA_TABLE_SQL, ...pendingMigrations(0), ...viewStatements([])]) wasm.query(s);
}, 120_000);

afterAll(async () => {
  wasm.close();
  await h.close();
});

const ctx = () => ({
  db: alias,
  panelGenes: (id: string) => panels.find((p) => p.id === id)?.genes ?? [],
  cohort: { individuals: 'individuals', genotypes: 'genotypes' },
});

const FILTERS: [string, CaseFilter][] = [
  ...INHERITANCE_MODES.map((m): [string, CaseFilter] => [m, { inheritance: [m] }]),
  ...BUILT_IN_PRESETS.map((p): [string, CaseFilter] => [`preset ${p.name}`, p.filter]),
  [
    'consequence + region',
    { consequences: ['stop_gained'], regions: [{ chrom: 'chr2', start: 100, end: 200_000_000 }] },
  ],
  ['quality', { minGq: 55, minAb: 0.2, maxAb: 0.8, passOnly: true }],
];

describe('issue 16: the case filters in duckdb-wasm give exactly what native DuckDB gives', () => {
  it('the inheritance SQL run in wasm reproduces the table the import materialised natively', () => {
    const p = wasm.query(
      `SELECT mother_idx, father_idx FROM ${alias}.samples WHERE sample_idx = 0`,
    )[0];
    const proband = {
      motherIdx: Number(p?.mother_idx),
      fatherIdx: Number(p?.father_idx),
      probandSex: 'male' as const,
    };
    const inWasm = wasm.query(
      `SELECT * FROM (${inheritanceSelectSql(alias, proband)}) ORDER BY vid, mode`,
    );
    const stored = wasm.query(`SELECT * FROM ${alias}.inheritance ORDER BY vid, mode`);
    expect(inWasm.length).toBeGreaterThan(0);
    expect(inWasm).toEqual(stored);
  });

  for (const [name, filter] of FILTERS)
    it(`${name}: same counts per step, same rows and modes`, async () => {
      const native = await h.call('case:variants', { caseId: 'TRIO-W', filter, limit: 10_000 });
      const counts = caseCountsSql(filter, ctx());
      const c = wasm.query(counts.sql)[0] ?? {};
      expect(counts.steps.map((s) => Number(c[`after_${s}`]))).toEqual(
        native.steps.map((s) => s.remaining),
      );
      expect(Number(c.kept)).toBe(native.kept);
      const rows = wasm.query(caseRowsSql(filter, ctx(), { limit: 10_000, offset: 0 }));
      expect(rows.map((r) => [r.variant_key, r.modes])).toEqual(
        native.rows.map((r) => [r.variant_key, r.modes]),
      );
      if (filter.inheritance?.length === 1 && filter.inheritance[0] !== undefined)
        expect(rows.map((r) => r.variant_key).sort()).toEqual(
          [...trio.expected[filter.inheritance[0]]].sort(),
        );
    });
});
