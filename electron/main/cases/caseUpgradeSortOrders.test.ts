import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_SCHEMA_VERSION } from '../../../shared/cases/dbSchema';
import type { CaseFilter } from '../../../shared/cases/filters';
import { FILTER_TABLE, ORDER_COLUMNS, hasPageTableSql } from '../../../shared/cases/queryLayout';
import type { CaseHarness } from './testing/caseHarness';
import { openCaseHarness } from './testing/caseHarness';
import { openedCase, sealAsSchema, withPlain } from './testing/sealedCase';
import { syntheticTrio } from './testing/syntheticTrio';

// Issue 16 (decision 0082): case schema 6 holds the sort orders (`o_<column>`) in the filter table.
// A schema-5 case, sealed as imports before 0082 wrote it, gets them once when opened (the
// one-time upgrade of decision 0035), the same ones a new import writes, and filters the same.

const trio = syntheticTrio();
let h: CaseHarness;
const TRIO: CaseFilter = {
  inheritance: ['de_novo', 'compound_het', 'x_linked_recessive', 'homozygous_recessive'],
};

beforeAll(async () => {
  h = openCaseHarness();
  const done = await h.importCase({
    caseId: 'OLD-5',
    patientId: 'P-001',
    sex: 'male',
    vcf: h.handle(h.file('OLD-5.vcf.gz', trio.vcf, { bgzf: true })),
    ped: { name: 'trio.ped', text: trio.ped },
    links: ['MOTHER', 'PROBAND', 'FATHER'].map((s) => ({ sample: s, member: s })),
    proband: 'PROBAND',
  });
  expect(done).toMatchObject({ phase: 'done' });
}, 120_000);

afterAll(async () => {
  await h.close();
});

/** Replaces the case's database with a schema-5 copy: the filter table without sort orders. */
const sealAsSchema5 = (caseId: string): Promise<void> =>
  sealAsSchema(
    h,
    caseId,
    5,
    ORDER_COLUMNS.map((c) => [FILTER_TABLE, `o_${c}`] as const),
  );

/** The filter table's sort orders per vid, or null when it has none. */
const sortOrders = (caseId: string): Promise<Record<string, unknown>[] | null> =>
  withPlain(h, caseId, async (run) => {
    if (Number((await run(hasPageTableSql('cur')))[0]?.o ?? 0) === 0) return null;
    return run(
      `SELECT vid, ${ORDER_COLUMNS.map((c) => `o_${c}`).join(', ')} FROM cur.main.${FILTER_TABLE} ORDER BY vid`,
    );
  });

const schemaOf = (caseId: string): Promise<number> =>
  withPlain(h, caseId, async (run) =>
    Number(
      (await run(`SELECT value AS v FROM cur.main.case_meta WHERE key = 'schema_version'`))[0]?.v,
    ),
  );

describe('decision 0082: case schema 6 (sort orders in the filter table)', () => {
  it('issue 16: a schema-5 case without sort orders gets them once (schema 6) and filters the same', async () => {
    const orders = await sortOrders('OLD-5');
    expect(orders?.length).toBeGreaterThan(0);
    expect(orders?.some((r) => r.o_gene !== null)).toBe(true);
    const want = await h.call('case:variants', { caseId: 'OLD-5', filter: TRIO, limit: 10_000 });
    await sealAsSchema5('OLD-5');
    expect(await schemaOf('OLD-5')).toBe(5);
    expect(await sortOrders('OLD-5')).toBeNull();

    expect(await h.call('case:variants', { caseId: 'OLD-5', filter: TRIO, limit: 10_000 })).toEqual(
      want,
    );
    expect(openedCase(h, 'OLD-5').manifest.schema).toBe(CASE_SCHEMA_VERSION);
    expect(await schemaOf('OLD-5')).toBe(CASE_SCHEMA_VERSION);
    expect(await sortOrders('OLD-5')).toEqual(orders);
  }, 60_000);
});
