import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseVariants } from '../../../shared/cases/channels';
import type { CaseTable } from '../../../shared/cases/dbSchema';
import { CASE_COLUMNS, CASE_SCHEMA_VERSION } from '../../../shared/cases/dbSchema';
import type { CaseFilter } from '../../../shared/cases/filters';
import { FILTER_TABLE, PANEL_TABLE, hasPageTableSql } from '../../../shared/cases/queryLayout';
import { DUCKDB_STORAGE_VERSION } from '../vault/duckdbFile';
import { casesRoot, STAGING_DIR, sweepCaseStaging } from './caseFolder';
import type { OpenedCase } from './caseService';
import type { CaseHarness } from './testing/caseHarness';
import { openCaseHarness } from './testing/caseHarness';
import {
  openedCase,
  sealOld as sealOldCase,
  withPlain as withPlainCase,
} from './testing/sealedCase';
import { syntheticTrio } from './testing/syntheticTrio';

/**
 * Decision 0035: a case sealed with case schema 1 (before decision 0028 added `variants.inh_mask`
 * and `variants.sort_key`; before issue 19 added `somatic`) is rewritten once when it is opened.
 * The schema-1 file is written here with the old layout from a real import's rows and sealed into
 * the case folder as that version of the app sealed it (no schema in the manifest).
 */

/** The schema-1 layout: the tables and columns of that version, in its file order. */
const SCHEMA_1: [CaseTable, readonly string[]][] = (
  [
    'case_meta',
    'samples',
    'variants',
    'variant_genes',
    'genotypes',
    'annotations',
    'frequencies',
    'inheritance',
    'comphet_sides',
  ] as const
).map((t) => [
  t,
  CASE_COLUMNS[t]
    .map(([c]) => c)
    .filter((c) => t !== 'variants' || (c !== 'inh_mask' && c !== 'sort_key')),
]);

const trio = syntheticTrio();
let h: CaseHarness;
const TRIO: CaseFilter = {
  inheritance: ['de_novo', 'compound_het', 'x_linked_recessive', 'homozygous_recessive'],
};

const opened = (caseId: string): OpenedCase => openedCase(h, caseId);

async function importTrio(caseId: string): Promise<void> {
  const done = await h.importCase({
    caseId,
    patientId: 'P-001',
    sex: 'male',
    vcf: h.handle(h.file(`${caseId}.vcf.gz`, trio.vcf, { bgzf: true })),
    ped: { name: 'trio.ped', text: trio.ped },
    links: ['MOTHER', 'PROBAND', 'FATHER'].map((s) => ({ sample: s, member: s })),
    proband: 'PROBAND',
  });
  expect(done).toMatchObject({ phase: 'done' });
}

const withPlain = <T>(
  caseId: string,
  fn: (run: (sql: string) => Promise<Record<string, unknown>[]>, dir: string) => Promise<T>,
): Promise<T> => withPlainCase(h, caseId, fn);
const sealOld = (caseId: string, old: string, schema: number | undefined): void => {
  sealOldCase(h, caseId, old, schema);
};

/**
 * Replaces the case's database with a schema-1 file holding the same rows, sealed as that version
 * did (same key and binding, a manifest without `schema`). `variantsSql` may alter the old file.
 */
async function sealAsSchema1(caseId: string, variantsSql?: string): Promise<void> {
  await withPlain(caseId, async (run, dir) => {
    const old = join(dir, 'schema1.duckdb');
    await run(`ATTACH '${old}' AS old (STORAGE_VERSION '${DUCKDB_STORAGE_VERSION}')`);
    for (const [t, cols] of SCHEMA_1) {
      const types = cols.map((col) => CASE_COLUMNS[t].find(([n]) => n === col)?.[1] ?? '');
      await run(
        `CREATE TABLE old.main.${t} (${cols.map((col, i) => `${col} ${types[i] ?? ''}`).join(', ')})`,
      );
      await run(`INSERT INTO old.main.${t} SELECT ${cols.join(', ')} FROM cur.main.${t}`);
    }
    await run(`UPDATE old.main.case_meta SET value = '1' WHERE key = 'schema_version'`);
    if (variantsSql !== undefined) await run(variantsSql);
    await run('DETACH old');
    // That version's manifests did not record the schema.
    sealOld(caseId, old, undefined);
  });
}

/** Replaces the case's database with a schema-3 copy: the same file without the filter table. */
async function sealAsSchema3(caseId: string): Promise<void> {
  await withPlain(caseId, async (run, dir) => {
    const old = join(dir, 'schema3.duckdb');
    await run(`ATTACH '${old}' AS old (STORAGE_VERSION '${DUCKDB_STORAGE_VERSION}')`);
    await run('COPY FROM DATABASE cur TO old');
    await run(`DROP TABLE old.main.${FILTER_TABLE}`);
    await run(`UPDATE old.main.case_meta SET value = '3' WHERE key = 'schema_version'`);
    await run('DETACH old');
    sealOld(caseId, old, 3);
  });
}

/**
 * Replaces the case's database with a schema-4 copy as imports before decision 0062 wrote it: the
 * filter table without `panel_mask` and no `variant_panels`.
 */
async function sealAsSchema4(caseId: string): Promise<void> {
  await withPlain(caseId, async (run, dir) => {
    const old = join(dir, 'schema4.duckdb');
    await run(`ATTACH '${old}' AS old (STORAGE_VERSION '${DUCKDB_STORAGE_VERSION}')`);
    await run('COPY FROM DATABASE cur TO old');
    await run(`DROP TABLE old.main.${PANEL_TABLE}`);
    await run(`ALTER TABLE old.main.${FILTER_TABLE} DROP COLUMN panel_mask`);
    await run(`UPDATE old.main.case_meta SET value = '4' WHERE key = 'schema_version'`);
    await run('DETACH old');
    sealOld(caseId, old, 4);
  });
}

/** The case's panel bits: `variant_panels` rows, and how many alleles have any bit set. */
const panelBits = (caseId: string): Promise<{ panels: number; withBit: number } | null> =>
  withPlain(caseId, async (run) => {
    if (Number((await run(hasPageTableSql('cur')))[0]?.p ?? 0) === 0) return null;
    const [p] = await run(`SELECT count(*)::INTEGER AS n FROM cur.main.${PANEL_TABLE}`);
    const [b] = await run(
      `SELECT count(*) FILTER (WHERE panel_mask <> 0)::INTEGER AS n FROM cur.main.${FILTER_TABLE}`,
    );
    return { panels: Number(p?.n), withBit: Number(b?.n) };
  });

const hasFilterTable = (caseId: string): Promise<boolean> =>
  withPlain(caseId, async (run) => Number((await run(hasPageTableSql('cur')))[0]?.f ?? 0) === 1);

/** vid → [inh_mask, sort_key] of the case's database as it is now. */
const derived = (caseId: string): Promise<Map<number, string>> =>
  withPlain(caseId, async (run) => {
    const rows = await run('SELECT vid, inh_mask, sort_key FROM cur.main.variants');
    return new Map(rows.map((r) => [Number(r.vid), `${String(r.inh_mask)}/${String(r.sort_key)}`]));
  });

const schemaOf = (caseId: string): Promise<number> =>
  withPlain(caseId, async (run) =>
    Number(
      (await run(`SELECT value AS v FROM cur.main.case_meta WHERE key = 'schema_version'`))[0]?.v,
    ),
  );

const page = (caseId: string): Promise<CaseVariants> =>
  h.call('case:variants', { caseId, filter: TRIO, limit: 10_000 });

const staged = (): string[] => {
  const dir = join(casesRoot(h.services.cases.owner().userDir), STAGING_DIR);
  return existsSync(dir) ? readdirSync(dir) : [];
};

beforeAll(async () => {
  h = openCaseHarness();
  await importTrio('OLD-1');
  await importTrio('OLD-BAD');
  await importTrio('OLD-3');
  await importTrio('OLD-4');
}, 150_000);

afterAll(async () => {
  await h.close();
});

describe('decision 0035: older cases are upgraded once when opened', () => {
  it('issue 16: a case imported with schema 1 opens after the upgrade', async () => {
    const want = await page('OLD-1');
    const wantDerived = await derived('OLD-1');
    expect(want.rows.length).toBeGreaterThan(0);
    await sealAsSchema1('OLD-1');
    expect(await schemaOf('OLD-1')).toBe(1);
    expect(opened('OLD-1').manifest.schema).toBeUndefined();

    // The command line's path (case:variants) upgrades, then filters: the same variants as before.
    const got = await page('OLD-1');
    expect(got.rows.map((r) => r.variant_key)).toEqual(want.rows.map((r) => r.variant_key));
    expect(got.steps).toEqual(want.steps);
    expect(opened('OLD-1').manifest.schema).toBe(CASE_SCHEMA_VERSION);
    expect(await schemaOf('OLD-1')).toBe(CASE_SCHEMA_VERSION);
    // The derived columns are the ones the import computes.
    expect(await derived('OLD-1')).toEqual(wantDerived);
    expect(staged()).toEqual([]);

    // Once: a second open reads the sealed file as it is.
    const sealed = readFileSync(join(opened('OLD-1').dir, 'data.duckdb.sealed'));
    const read = await h.services.cases.openDatabase('OLD-1');
    expect(read.ok).toBe(true);
    expect(readFileSync(join(opened('OLD-1').dir, 'data.duckdb.sealed')).equals(sealed)).toBe(true);

    const log = await h.call('audit:list', { types: ['case.upgrade'] });
    expect(log.rows).toHaveLength(1);
    expect(JSON.stringify(log.rows[0]?.fields)).not.toContain('OLD-1');
  }, 60_000);

  it('issue 16: a schema-3 case (no filter table) gets the filter table once and filters the same', async () => {
    const want = await page('OLD-3');
    expect(want.rows.length).toBeGreaterThan(0);
    await sealAsSchema3('OLD-3');
    expect(await schemaOf('OLD-3')).toBe(3);
    expect(await hasFilterTable('OLD-3')).toBe(false);

    const got = await page('OLD-3');
    expect(got).toEqual(want);
    expect(opened('OLD-3').manifest.schema).toBe(CASE_SCHEMA_VERSION);
    expect(await schemaOf('OLD-3')).toBe(CASE_SCHEMA_VERSION);
    expect(await hasFilterTable('OLD-3')).toBe(true);
    expect(staged()).toEqual([]);
  }, 60_000);

  it('issue 16: a schema-4 case without panel bits gets them once (schema 5) and filters the same', async () => {
    const bits = await panelBits('OLD-4');
    expect(bits?.panels).toBe(3);
    const panelFilter: CaseFilter = { panels: ['acmg-sf', 'cancer', 'epilepsy'], maxPopAf: 0.05 };
    const want = await page('OLD-4');
    const wantPanel = await h.call('case:variants', {
      caseId: 'OLD-4',
      filter: panelFilter,
      limit: 10_000,
    });
    await sealAsSchema4('OLD-4');
    expect(await schemaOf('OLD-4')).toBe(4);
    expect(await panelBits('OLD-4')).toBeNull();

    expect(await page('OLD-4')).toEqual(want);
    expect(
      await h.call('case:variants', { caseId: 'OLD-4', filter: panelFilter, limit: 10_000 }),
    ).toEqual(wantPanel);
    expect(opened('OLD-4').manifest.schema).toBe(CASE_SCHEMA_VERSION);
    expect(await schemaOf('OLD-4')).toBe(CASE_SCHEMA_VERSION);
    expect(await panelBits('OLD-4')).toEqual(bits);
    expect(staged()).toEqual([]);
  }, 60_000);

  it('a failed upgrade leaves the case untouched and says why it cannot open', async () => {
    // A schema-1 file the upgrade cannot alter (the column it adds is already there).
    await sealAsSchema1('OLD-BAD', 'ALTER TABLE old.main.variants ADD COLUMN inh_mask INTEGER');
    const c = opened('OLD-BAD');
    const files = (): string[] =>
      readdirSync(c.dir).map(
        (n) =>
          `${n} ${createHash('sha256')
            .update(readFileSync(join(c.dir, n)))
            .digest('hex')}`,
      );
    const before = files();
    const r = await h.invoke('case:variants', { caseId: 'OLD-BAD', filter: TRIO, limit: 10 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/could not be upgraded.*unchanged.*import its VCF/);
    expect(files()).toEqual(before);
    expect(opened('OLD-BAD').manifest.schema).toBeUndefined();
    expect(staged()).toEqual([]);
  }, 60_000);

  it('a swap cut between its two renames is undone at start: the old folder comes back', () => {
    const c = opened('OLD-1');
    renameSync(c.dir, `${c.dir}.old-0123abcd`);
    expect(h.services.cases.find('OLD-1')).toBeUndefined();
    sweepCaseStaging(join(h.services.cases.owner().userDir, '..'));
    expect(h.services.cases.find('OLD-1')?.folder).toBe(c.folder);
  });
});
