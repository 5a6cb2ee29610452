import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseVariants } from '../../../shared/cases/channels';
import { CASE_SCHEMA_VERSION, SIDES_FILTER_COLUMNS } from '../../../shared/cases/dbSchema';
import type { CaseFilter } from '../../../shared/cases/filters';
import { hasPageTableSql } from '../../../shared/cases/queryLayout';
import type { CaseHarness } from './testing/caseHarness';
import { openCaseHarness } from './testing/caseHarness';
import { openedCase, sealAsSchema, withPlain } from './testing/sealedCase';
import { syntheticTrio } from './testing/syntheticTrio';

// Issue 16 (decision 0093): case schema 7 copies the filter table's columns into the compound-het
// sides (`comphet_sides`), so the page pairs compound hets without a second scan of the filter
// table. A schema-6 case, sealed as imports before 0093 wrote it (the sides with their own four
// columns), gets them once when opened (the one-time upgrade of decision 0035, sealed under the
// case's key like any upgrade), the same ones a new import writes, and filters the same.

const trio = syntheticTrio();
let h: CaseHarness;
const FILTERS: [string, CaseFilter][] = [
  ['trio', { inheritance: ['de_novo', 'compound_het', 'x_linked_recessive'] }],
  // The page's compound hets paired over the other steps (the sides' copied columns).
  [
    'gene list + frequency',
    {
      genes: ['ABCA4', 'TTN', 'NEB', 'RYR1', 'SYNE1', 'OBSCN', 'PLEC', 'USH2A'],
      maxPopAf: 0.05,
    },
  ],
  ['quality + frequency', { minGq: 10, passOnly: true, maxPopAf: 0.02 }],
  [
    'genes + frequency + recessive',
    { genes: ['ABCA4', 'TTN', 'NEB'], maxPopAf: 0.05, inheritance: ['homozygous_recessive'] },
  ],
];

beforeAll(async () => {
  h = openCaseHarness();
  const done = await h.importCase({
    caseId: 'OLD-6',
    patientId: 'P-001',
    sex: 'male',
    vcf: h.handle(h.file('OLD-6.vcf.gz', trio.vcf, { bgzf: true })),
    ped: { name: 'trio.ped', text: trio.ped },
    links: ['MOTHER', 'PROBAND', 'FATHER'].map((s) => ({ sample: s, member: s })),
    proband: 'PROBAND',
  });
  expect(done).toMatchObject({ phase: 'done' });
}, 120_000);

afterAll(async () => {
  await h.close();
});

/** Replaces the case's database with a schema-6 copy: the sides without the filter columns. */
const sealAsSchema6 = (caseId: string): Promise<void> =>
  sealAsSchema(
    h,
    caseId,
    6,
    SIDES_FILTER_COLUMNS.map((c) => ['comphet_sides', c] as const),
  );

/** The sides with every column, in a stable order, or null when they carry no filter columns. */
const sides = (caseId: string): Promise<Record<string, unknown>[] | null> =>
  withPlain(h, caseId, async (run) => {
    if (Number((await run(hasPageTableSql('cur')))[0]?.s ?? 0) === 0) return null;
    return run('SELECT * FROM cur.main.comphet_sides ORDER BY vid, gene, side');
  });

const schemaOf = (caseId: string): Promise<number> =>
  withPlain(h, caseId, async (run) =>
    Number(
      (await run(`SELECT value AS v FROM cur.main.case_meta WHERE key = 'schema_version'`))[0]?.v,
    ),
  );

const variants = (filter: CaseFilter): Promise<CaseVariants> =>
  h.call('case:variants', { caseId: 'OLD-6', filter, limit: 10_000 });

describe('decision 0093: case schema 7 (the filter columns in the compound-het sides)', () => {
  it('issue 16: a schema-6 case gets the sides’ filter columns once (schema 7) and filters the same', async () => {
    expect(CASE_SCHEMA_VERSION).toBe(7);
    const laid = await sides('OLD-6');
    expect(laid?.length).toBeGreaterThan(0);
    // Every side carries its allele's filter row and its gene's id.
    expect(laid?.every((r) => r.sort_key !== null && r.gene_id !== null)).toBe(true);
    expect(laid?.some((r) => r.ch_all === 2)).toBe(true);
    const want = new Map<string, CaseVariants>();
    for (const [name, f] of FILTERS) want.set(name, await variants(f));
    // The filters pair real compound hets on their pages.
    const paired = (v: CaseVariants | undefined): number =>
      v?.rows.filter((r) => r.modes.some((m) => m.startsWith('compound_het'))).length ?? 0;
    expect(paired(want.get('trio'))).toBeGreaterThan(0);
    expect(paired(want.get('gene list + frequency'))).toBeGreaterThan(0);

    await sealAsSchema6('OLD-6');
    expect(await schemaOf('OLD-6')).toBe(6);
    expect(await sides('OLD-6')).toBeNull();

    for (const [name, f] of FILTERS) expect(await variants(f), name).toEqual(want.get(name));
    expect(openedCase(h, 'OLD-6').manifest.schema).toBe(CASE_SCHEMA_VERSION);
    expect(await schemaOf('OLD-6')).toBe(CASE_SCHEMA_VERSION);
    expect(await sides('OLD-6')).toEqual(laid);
    const log = await h.call('audit:list', { types: ['case.upgrade'] });
    expect(log.rows.map((r) => r.fields)).toContainEqual(
      expect.objectContaining({ from: 6, to: CASE_SCHEMA_VERSION }),
    );
  }, 90_000);
});
