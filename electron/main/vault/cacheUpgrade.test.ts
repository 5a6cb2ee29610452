import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_TABLES, SCHEMA_VERSION } from '../../../shared/cohorts/schema';
import type { VaultManifest, VaultPart } from '../../../shared/vault/vault';
import type { PullHarness, SharedFederation } from '../pull/testing/pullHarness';
import { signedIn, tmp, useSharedFederation } from '../pull/testing/pullHarness';
import { databaseRows, vaultRows } from '../pull/testing/vaultRows';
import type { TableRows } from './arrowTables';
import { toArrowIpc } from './arrowTables';
import { commitFolder, scopeOf, writeDatasetFolder } from './datasetFolder';
import { DUCKDB_STORAGE_VERSION, UPGRADE_DIR } from './duckdbFile';
import { serveVaultRequest, serveVaultTable } from './serveVaultTable';
import { carrierGroups, termDiseaseGroups, termGroups, termIndex } from './testing/layoutRows';
import { individualAndGeneBits } from './testing/layoutRows';

let fed: SharedFederation;
useSharedFederation((started) => (fed = started));

const ID = 'FI-RD-01';
let dataDir: string;
let h: PullHarness;
let pulled: VaultManifest;
let rows: TableRows;
let database: Buffer;

beforeAll(async () => {
  dataDir = tmp('vault-upgrade-');
  h = await signedIn({ fed, dataDir, user: 'clinician' });
  const { jobId } = await h.invoke('pull:start', {
    nodeId: 'FI',
    datasetId: ID,
    purpose: 'clinical-care',
  });
  expect((await h.until(jobId, (p) => p.state !== 'running')).state).toBe('done');
  const m = (await h.invoke('vault:list')).datasets[0];
  if (m === undefined) throw new Error('nothing pulled');
  pulled = m;
  const r = h.services.vault.readPart(ID, 'database');
  if (!r.ok) throw new Error(r.message);
  database = r.bytes;
  rows = {
    individuals: await vaultRows(h.services.vault, ID, 'individuals'),
    variants: await vaultRows(h.services.vault, ID, 'variants'),
    genotypes: await vaultRows(h.services.vault, ID, 'genotypes'),
  } as unknown as TableRows;
}, 180_000);
afterAll(() => h.close());

/** Replaces the pulled folder with an old-format one holding the same rows. */
function plant(manifest: VaultManifest, parts: Partial<Record<VaultPart, Uint8Array>>): string {
  const w = h.services.vault.writer();
  if (w === undefined) throw new Error('vault locked');
  const outDir = join(tmp('vault-upgrade-out-'), ID);
  writeDatasetFolder({ outDir, user: w.user, masterKey: w.masterKey, manifest, parts });
  const target = join(dataDir, 'vault', scopeOf(w.user), ID);
  commitFolder(outDir, target);
  return target;
}

/** cd_meta's version and the row count of each public view of served DuckDB bytes. */
async function inspect(bytes: Uint8Array): Promise<{ version: number; rows: number[] }> {
  const dir = tmp('vault-upgrade-read-');
  writeFileSync(join(dir, 'd.duckdb'), bytes);
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const conn = await instance.connect();
    await conn.run(`ATTACH '${join(dir, 'd.duckdb')}' AS d (READ_ONLY)`);
    const one = async (sql: string): Promise<number> =>
      Number((await conn.runAndReadAll(sql)).getRows()[0]?.[0]);
    const version = await one('SELECT max(schema_version) FROM d.cd_meta');
    const counts: number[] = [];
    for (const t of CACHE_TABLES) counts.push(await one(`SELECT count(*) FROM d.${t}`));
    conn.closeSync();
    return { version, rows: counts };
  } finally {
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Serves the database twice: the first request rewrites the copy, the second finds it current. */
async function serveTwice(target: string): Promise<Uint8Array> {
  const path = `/vault/${ID}/data.duckdb`;
  const first = await serveVaultRequest(h.services.vault, path, h.services.logger);
  expect(first.status).toBe(200);
  const key = readFileSync(join(target, 'key.wrapped'));
  const second = await serveVaultRequest(h.services.vault, path, h.services.logger);
  expect(second.status).toBe(200);
  // Not rewritten again: the same sealed copy (a rewrite seals under a new data key).
  expect(readFileSync(join(target, 'key.wrapped')).equals(key)).toBe(true);
  expect(Buffer.from(second.body).equals(Buffer.from(first.body))).toBe(true);
  return first.body;
}

const expected = (): number[] => CACHE_TABLES.map((t) => pulled.rows[t]);

describe('issue 20: old caches are rewritten into the query layout once, natively, in main', () => {
  it('a 0006 copy (Arrow tables) becomes a layout file at its first read: sealed, same provenance, swapped whole (DATA-03, DATA-05)', async () => {
    const ids = { datasetId: ID, nodeId: 'FI' };
    const legacy: VaultManifest = { ...pulled, schemaVersion: 1 };
    delete legacy.format;
    delete legacy.layout;
    const target = plant(legacy, {
      individuals: toArrowIpc('individuals', rows, ids),
      variants: toArrowIpc('variants', rows, ids),
      genotypes: toArrowIpc('genotypes', rows, ids),
    });
    // Before: the database route has nothing for it (the renderer laid the tables out in wasm).
    expect(
      serveVaultTable(h.services.vault, `/vault/${ID}/data.duckdb`, h.services.logger).status,
    ).toBe(404);

    const served = await inspect(await serveTwice(target));
    expect(served).toEqual({ version: SCHEMA_VERSION, rows: expected() });
    const listed = (await h.invoke('vault:list')).datasets.find((d) => d.datasetId === ID);
    expect(listed).toMatchObject({
      schemaVersion: 2,
      format: 'duckdb',
      layout: SCHEMA_VERSION,
      rows: pulled.rows,
      visa: pulled.visa,
      expiresAt: pulled.expiresAt,
      pulledAt: pulled.pulledAt,
    });
    expect(readdirSync(target).sort()).toEqual([
      'binding.json',
      'data.duckdb.sealed',
      'key.wrapped',
      'manifest.sealed',
    ]);
    // No plaintext and no half-written folder left behind.
    expect(existsSync(join(target, '..', UPGRADE_DIR))).toBe(false);
    expect(readFileSync(join(target, 'data.duckdb.sealed')).includes(Buffer.from(ID))).toBe(false);
  }, 120_000);

  it('a layout-1 DuckDB copy (0010) is rewritten the same way and answers as before', async () => {
    // The same rows as a 0010 file: the three public tables and cd_meta version 1.
    const dir = tmp('vault-upgrade-l1-');
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    writeFileSync(join(dir, 'new.duckdb'), database);
    await conn.run(`ATTACH '${join(dir, 'new.duckdb')}' AS s (READ_ONLY)`);
    await conn.run(
      `ATTACH '${join(dir, 'old.duckdb')}' AS o (STORAGE_VERSION '${DUCKDB_STORAGE_VERSION}')`,
    );
    for (const t of CACHE_TABLES) await conn.run(`CREATE TABLE o.${t} AS SELECT * FROM s.${t}`);
    await conn.run(`CREATE TABLE o.cd_meta AS SELECT 1 AS schema_version, '${ID}' AS dataset_id`);
    await conn.run('DETACH o');
    conn.closeSync();
    instance.closeSync();
    const old = readFileSync(join(dir, 'old.duckdb'));
    rmSync(dir, { recursive: true, force: true });
    const legacy: VaultManifest = { ...pulled };
    delete legacy.layout;
    const target = plant(legacy, { database: old });
    // Before: served as it is, so duckdb-wasm had to lay it out at every load.
    const before = serveVaultTable(h.services.vault, `/vault/${ID}/data.duckdb`, h.services.logger);
    expect((await inspect(before.body)).version).toBe(1);

    const served = await inspect(await serveTwice(target));
    expect(served).toEqual({ version: SCHEMA_VERSION, rows: expected() });
    const listed = (await h.invoke('vault:list')).datasets.find((d) => d.datasetId === ID);
    expect(listed).toMatchObject({ format: 'duckdb', layout: SCHEMA_VERSION, rows: pulled.rows });
  }, 120_000);

  it('issue 20: a layout-2 copy (0027, no per-term ix lists) is rewritten once into the current layout with the same term index', async () => {
    // A layout-2 file is the current layout without the per-term index tables (decision 0040).
    const dir = tmp('vault-upgrade-l2-');
    const file = join(dir, 'old.duckdb');
    writeFileSync(file, database);
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    await conn.run(`ATTACH '${file}' AS o`);
    await conn.run('DROP TABLE o.cd_phenotype_index');
    await conn.run('DROP TABLE o.cd_disease_index');
    await conn.run('UPDATE o.cd_meta SET schema_version = 2');
    await conn.run('DETACH o');
    conn.closeSync();
    instance.closeSync();
    const old = readFileSync(file);
    rmSync(dir, { recursive: true, force: true });
    const target = plant({ ...pulled, layout: 2 }, { database: old });
    const before = serveVaultTable(h.services.vault, `/vault/${ID}/data.duckdb`, h.services.logger);
    expect((await inspect(before.body)).version).toBe(2);

    const body = await serveTwice(target);
    expect(await inspect(body)).toEqual({ version: SCHEMA_VERSION, rows: expected() });
    // The rewritten index lists the same individuals per term as the pulled copy's.
    expect(await termIndex(body)).toEqual(await termIndex(database));
    const listed = (await h.invoke('vault:list')).datasets.find((d) => d.datasetId === ID);
    expect(listed).toMatchObject({ format: 'duckdb', layout: SCHEMA_VERSION, rows: pulled.rows });
  }, 120_000);

  it('issue 20: a layout-3 copy (0040, zygosities as strings) is rewritten once with zygosity codes and the same genotypes', async () => {
    // A layout-3 file is the current layout with the zygosity strings in cd_variants (decision 0053).
    const dir = tmp('vault-upgrade-l3-');
    const file = join(dir, 'old.duckdb');
    writeFileSync(file, database);
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    await conn.run(`ATTACH '${file}' AS o`);
    for (const s of [
      'CREATE TABLE o.v3 AS WITH d AS (SELECT list(zygosity ORDER BY code) AS dict FROM o.cd_zygosities) ' +
        'SELECT v.* EXCLUDE (zygosity_codes), [d.dict[c + 1] FOR c IN v.zygosity_codes] AS zygosities ' +
        'FROM o.cd_variants v, d ORDER BY v.vx',
      'DROP VIEW o.genotypes',
      'DROP TABLE o.cd_variants',
      'DROP TABLE o.cd_zygosities',
      'ALTER TABLE o.v3 RENAME TO cd_variants',
      'CREATE VIEW o.genotypes AS SELECT i.dataset_id, i.node_id, i.individual_id, g.variant_key, ' +
        'g.zygosity FROM (SELECT variant_key, unnest(carriers) AS ix, unnest(zygosities) AS zygosity ' +
        'FROM cd_variants) g JOIN cd_individuals i ON i.ix = g.ix UNION ALL SELECT dataset_id, ' +
        'node_id, individual_id, variant_key, zygosity FROM cd_genotypes_unlinked',
      'UPDATE o.cd_meta SET schema_version = 3',
    ])
      await conn.run(s);
    await conn.run('DETACH o');
    conn.closeSync();
    instance.closeSync();
    const old = readFileSync(file);
    rmSync(dir, { recursive: true, force: true });
    const genotypes = async (bytes: Uint8Array): Promise<string> =>
      JSON.stringify((await databaseRows(bytes, 'genotypes')).map((r) => JSON.stringify(r)).sort());
    expect(await genotypes(old)).toEqual(await genotypes(database));
    const target = plant({ ...pulled, layout: 3 }, { database: old });

    const body = await serveTwice(target);
    expect(await inspect(body)).toEqual({ version: SCHEMA_VERSION, rows: expected() });
    expect(await genotypes(body)).toEqual(await genotypes(database));
    const listed = (await h.invoke('vault:list')).datasets.find((d) => d.datasetId === ID);
    expect(listed).toMatchObject({ format: 'duckdb', layout: SCHEMA_VERSION, rows: pulled.rows });
  }, 120_000);

  // A layout-N file is the current layout without the summaries of the later layouts (`drop`).
  const LAYOUT_8 = ['cd_individual_bits', 'cd_gene_carrier_groups'];
  const summaries = [
    {
      layout: 4,
      what: '0053, no counts per group) is rewritten once with cd_term_groups and cd_disease_groups',
      drop: [
        'cd_term_groups',
        'cd_disease_groups',
        'cd_term_disease_groups',
        'cd_carrier_groups',
        ...LAYOUT_8,
      ],
      read: () => termGroups,
    },
    {
      layout: 5,
      what: '0087, no phenotype counts per list of diseases) is rewritten once with cd_term_disease_groups',
      drop: ['cd_term_disease_groups', 'cd_carrier_groups', ...LAYOUT_8],
      read: () => termDiseaseGroups,
    },
    {
      layout: 6,
      what: '0094, no carriers per consequence and AF bucket) is rewritten once with cd_carrier_groups',
      drop: ['cd_carrier_groups', ...LAYOUT_8],
      read: () => carrierGroups,
    },
    {
      layout: 7,
      what: '0098, no bitmaps per sex, country, gene and AF bucket) is rewritten once with cd_individual_bits and cd_gene_carrier_groups',
      drop: LAYOUT_8,
      read: () => individualAndGeneBits,
    },
  ];
  for (const c of summaries)
    it(`issue 20: a layout-${String(c.layout)} copy (${c.what} equal to a fresh build’s`, async () => {
      const dir = tmp(`vault-upgrade-l${String(c.layout)}-`);
      const file = join(dir, 'old.duckdb');
      writeFileSync(file, database);
      const instance = await DuckDBInstance.create(':memory:');
      const conn = await instance.connect();
      await conn.run(`ATTACH '${file}' AS o`);
      for (const t of c.drop) await conn.run(`DROP TABLE o.${t}`);
      await conn.run(`UPDATE o.cd_meta SET schema_version = ${String(c.layout)}`);
      await conn.run('DETACH o');
      conn.closeSync();
      instance.closeSync();
      const old = readFileSync(file);
      rmSync(dir, { recursive: true, force: true });
      const target = plant({ ...pulled, layout: c.layout }, { database: old });
      const before = serveVaultTable(
        h.services.vault,
        `/vault/${ID}/data.duckdb`,
        h.services.logger,
      );
      expect((await inspect(before.body)).version).toBe(c.layout);

      const body = await serveTwice(target);
      expect(await inspect(body)).toEqual({ version: SCHEMA_VERSION, rows: expected() });
      expect(await c.read()(body)).toEqual(await c.read()(database));
      const listed = (await h.invoke('vault:list')).datasets.find((d) => d.datasetId === ID);
      expect(listed).toMatchObject({ format: 'duckdb', layout: SCHEMA_VERSION, rows: pulled.rows });
    }, 120_000);
});
