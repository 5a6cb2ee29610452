import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_SCHEMA_VERSION } from '../../../../shared/cases/dbSchema';
import { FILTER_TABLE, hasPageTableSql } from '../../../../shared/cases/queryLayout';
import { sealChunkedFile } from '../../vault/chunkedCipher';
import { DUCKDB_STORAGE_VERSION } from '../../vault/duckdbFile';
import { casesRoot, databaseBinding, readCaseDatabase, rewriteManifest } from '../caseFolder';
import { STAGING_DIR } from '../caseFolder';
import type { OpenedCase } from '../caseService';
import type { CaseHarness } from '../testing/caseHarness';
import { openCaseHarness } from '../testing/caseHarness';
import type { PlainFn } from '../testing/sealedCase';
import { withPlainBytes } from '../testing/sealedCase';
import { GERMLINE_DB_FILE, germlineBinding, readGermlineDatabase } from './germlineFile';
import { GERMLINE_SAMPLE, germlineVcf, PATIENT_GERMLINE } from './testing/germlineVcfs';
import { mutect2Vcf } from './testing/somaticVcfs';

// Issue 19 (decision 0068): a cancer case's separate germline database (decision 0059) is written
// at the case schema of its import, like the tumour's. An older case is upgraded whole when it is
// opened: both databases, in one folder swap; a germline database the upgrade cannot alter leaves
// the whole case as it was. The older cases are made here from real imports, sealed as an older
// app sealed them (schema 3: no filter table, decision 0045).

let h: CaseHarness;

const opened = (caseId: string): OpenedCase => {
  const c = h.services.cases.find(caseId);
  if (c === undefined) throw new Error(`no case ${caseId}`);
  return c;
};

type Which = 'case' | 'germline';

const plainOf = (caseId: string, which: Which): Buffer => {
  const c = opened(caseId);
  const user = h.services.cases.owner().user;
  return which === 'case'
    ? readCaseDatabase(c.dir, c.folder, user, c.dataKey, c.manifest)
    : readGermlineDatabase(c, user);
};

/** Runs `fn` over the case's database `which`, as it is now, attached read-only as `cur`. */
const withPlain = <T>(caseId: string, which: Which, fn: PlainFn<T>): Promise<T> =>
  withPlainBytes(plainOf(caseId, which), fn);

/**
 * Seals a schema-`schema` copy of the database `which` (without the filter table) in its place,
 * as that app sealed it (same key and binding), the manifest recording schema 3 and the new file.
 */
async function sealOlder(caseId: string, which: Which, schema: number): Promise<void> {
  await withPlain(caseId, which, async (run, dir) => {
    const old = join(dir, 'old.duckdb');
    await run(`ATTACH '${old}' AS old (STORAGE_VERSION '${DUCKDB_STORAGE_VERSION}')`);
    await run('COPY FROM DATABASE cur TO old');
    await run(`DROP TABLE old.main.${FILTER_TABLE}`);
    await run(
      `UPDATE old.main.case_meta SET value = '${String(schema)}' WHERE key = 'schema_version'`,
    );
    await run('DETACH old');
    const c = opened(caseId);
    const user = h.services.cases.owner().user;
    const name = which === 'case' ? 'data.duckdb.sealed' : GERMLINE_DB_FILE;
    const binding =
      which === 'case' ? databaseBinding(user, c.folder) : germlineBinding(user, c.folder);
    const sealed = sealChunkedFile(c.dataKey, old, join(c.dir, name), binding);
    const record = { ...sealed, plainBytes: readFileSync(old).length };
    const m = c.manifest;
    const germline = m.cancer?.germline;
    rewriteManifest(c.dir, c.folder, user, c.dataKey, {
      ...m,
      schema: 3,
      ...(which === 'case'
        ? { database: record }
        : m.cancer &&
          germline && { cancer: { ...m.cancer, germline: { ...germline, ...record } } }),
    });
  });
}

const schemaOf = (caseId: string, which: Which): Promise<number> =>
  withPlain(caseId, which, async (run) =>
    Number(
      (await run(`SELECT value AS v FROM cur.main.case_meta WHERE key = 'schema_version'`))[0]?.v,
    ),
  );

const hasFilterTable = (caseId: string, which: Which): Promise<boolean> =>
  withPlain(
    caseId,
    which,
    async (run) => Number((await run(hasPageTableSql('cur')))[0]?.f ?? 0) === 1,
  );

/** Every file of the case folder with its sha256: what "left as it was" compares. */
const folderFiles = (caseId: string): string[] => {
  const c = opened(caseId);
  return readdirSync(c.dir).map(
    (n) =>
      `${n} ${createHash('sha256')
        .update(readFileSync(join(c.dir, n)))
        .digest('hex')}`,
  );
};

const staged = (): string[] =>
  readdirSync(join(casesRoot(h.services.cases.owner().userDir), STAGING_DIR));

beforeAll(async () => {
  h = openCaseHarness();
  for (const caseId of ['CA-UP-1', 'CA-UP-BAD']) {
    const done = await h.importCase({
      caseId,
      patientId: 'P-019U',
      sex: 'male',
      vcf: h.handle(h.file(`${caseId}-tumour.vcf.gz`, mutect2Vcf(), { bgzf: true })),
      cancer: {
        tumour: 'T-001',
        normal: 'N-001',
        tumourType: 'BRCA',
        germline: {
          vcf: h.handle(h.file(`${caseId}-blood.vcf.gz`, germlineVcf(), { bgzf: true })),
          sample: GERMLINE_SAMPLE,
        },
      },
    });
    expect(done, JSON.stringify([done.message, done.problems])).toMatchObject({ phase: 'done' });
  }
}, 180_000);

afterAll(async () => {
  await h.close();
});

describe('issue 19: caseUpgrade upgrades a cancer case’s germline database with its own', () => {
  it('issue 19: a schema-3 cancer case opens with both databases at the current schema, the germline findings unchanged', async () => {
    const want = await h.call('cancer:germline', { caseId: 'CA-UP-1' });
    expect(want.rows.map((r) => r.variant_key)).toEqual(PATIENT_GERMLINE.map((x) => x.key));
    await sealOlder('CA-UP-1', 'case', 3);
    await sealOlder('CA-UP-1', 'germline', 3);
    expect(await schemaOf('CA-UP-1', 'germline')).toBe(3);
    expect(await hasFilterTable('CA-UP-1', 'germline')).toBe(false);

    // The Germline tab's channel opens the case (after its upgrade) and reads both databases.
    expect(await h.call('cancer:germline', { caseId: 'CA-UP-1' })).toEqual(want);
    const m = opened('CA-UP-1').manifest;
    expect(m.schema).toBe(CASE_SCHEMA_VERSION);
    for (const which of ['case', 'germline'] as const) {
      expect(await schemaOf('CA-UP-1', which)).toBe(CASE_SCHEMA_VERSION);
      expect(await hasFilterTable('CA-UP-1', which)).toBe(true);
    }
    // The manifest records the rewritten germline file (readGermlineDatabase checks its sha256).
    expect(m.cancer?.germline).toMatchObject({ sample: GERMLINE_SAMPLE, records: 5 });
    expect(m.cancer?.germline?.plainBytes).toBe(plainOf('CA-UP-1', 'germline').length);
    expect(staged()).toEqual([]);
    const log = await h.call('audit:list', { types: ['case.upgrade'] });
    expect(log.rows.map((r) => r.fields)).toEqual([
      expect.objectContaining({ from: 3, to: CASE_SCHEMA_VERSION, count: 2 }),
    ]);

    // Once: opened again, the sealed files are read as they are.
    const before = folderFiles('CA-UP-1');
    await h.call('cancer:germline', { caseId: 'CA-UP-1' });
    expect(folderFiles('CA-UP-1')).toEqual(before);
  }, 120_000);

  it('issue 19: a germline database the upgrade cannot alter leaves the whole case as it was', async () => {
    const want = await h.call('cancer:germline', { caseId: 'CA-UP-BAD' });
    await sealOlder('CA-UP-BAD', 'case', 3);
    // Schema 0: older than any upgradable case (caseUpgradeSql refuses it).
    await sealOlder('CA-UP-BAD', 'germline', 0);
    const before = folderFiles('CA-UP-BAD');
    // The case database is still readable at schema 3: the case opens, unchanged, not half-upgraded.
    expect(await h.call('cancer:germline', { caseId: 'CA-UP-BAD' })).toEqual(want);
    expect(folderFiles('CA-UP-BAD')).toEqual(before);
    expect(opened('CA-UP-BAD').manifest.schema).toBe(3);
    expect(await schemaOf('CA-UP-BAD', 'case')).toBe(3);
    expect(staged()).toEqual([]);
  }, 120_000);
});
