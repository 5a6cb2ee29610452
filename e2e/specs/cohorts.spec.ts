import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { canonicalRows, suiteQueries } from '../../shared/cohorts/querySuite';
import { sampleDataset } from '../../shared/cohorts/sampleCache';
import { SMALL_SAMPLE } from '../../shared/cohorts/sampleDatasets';
import { CACHE_TABLES } from '../../shared/cohorts/schema';
import { cohortCountSql } from '../../shared/cohorts/sql';
import { CohortFiltersSchema } from '../../shared/cohorts/definition';
import type { VaultManifest } from '../../shared/domain/vault';
import { DuckDBInstance } from '@duckdb/node-api';
import { EXPORT_COLUMNS } from '../../shared/cohorts/exportFormats';
import { expect, test } from '../fixtures/app';
import {
  arrowBytes,
  consoleText,
  databaseBytes,
  inlineParams,
  nativeCache,
} from '../fixtures/cohortData';
import { legacyManifest, sampleManifest } from '../fixtures/plantedVault';
import { CohortsPage } from '../pages/CohortsPage';
import { routeVaultStandIn } from '../fixtures/vaultStandIn';

const data = SMALL_SAMPLE.map(sampleDataset);
const GRU = [{ id: 'DUO:0000042', label: 'general research use' }];
/** Stands for a cache written before decision 0010 (three Arrow tables); the others are DuckDB files. */
const LEGACY = 'SE-CA-01';

/**
 * Stands in for VAULT's route and vault:list: the /vault route is answered on the app's own origin
 * with the bytes main would serve (DuckDB files built by main's writer; Arrow tables for LEGACY),
 * and vault:list on the real /rpc socket with their manifests; everything else passes.
 */
async function serveSampleVault(page: Page, origin: string): Promise<void> {
  const bytes = new Map<string, Uint8Array>();
  const datasets: VaultManifest[] = [];
  for (const d of data) {
    // SE-CA-01 carries only GRU while pulled for clinical care: exports must leave it out.
    const duo = d.datasetId === 'SE-CA-01' ? GRU : undefined;
    if (d.datasetId !== LEGACY) {
      const db = await databaseBytes(d);
      bytes.set(`${d.datasetId}/database`, db);
      datasets.push(sampleManifest(d, db, duo));
      continue;
    }
    const tables = new Map(CACHE_TABLES.map((t) => [t, arrowBytes(d, t)] as const));
    for (const [t, b] of tables) bytes.set(`${d.datasetId}/${t}`, b);
    datasets.push(legacyManifest(d, tables, duo));
  }
  await routeVaultStandIn(page, origin, bytes, { datasets, removed: [], locked: false });
}

test.describe('cohort builder over the local cache (issue 6)', () => {
  test('duckdb-wasm over attached DuckDB files and a pre-0010 Arrow cache answers every cohort query exactly as native DuckDB, offline, same-origin only', async ({
    app,
    sandbox,
    page,
  }) => {
    // ~90 console round trips; on the shared 2-core machine this has taken over 120 s.
    test.setTimeout(300_000);
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|unsafe-eval/i.test(m.text())) cspErrors.push(m.text());
    });
    await serveSampleVault(page, app.server.origin);
    const docResponse = await page.reload();
    const csp = (await docResponse?.allHeaders())?.['content-security-policy'] ?? '';
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    const cohorts = new CohortsPage(page);
    await cohorts.open();
    await cohorts.waitLoaded(data.map((d) => d.datasetId));
    // Offline from here on: the analysis needs nothing but the app's own engine.
    await sandbox.context.setOffline(true);

    const native = await nativeCache(data);
    for (const q of suiteQueries()) {
      const sql = inlineParams(q.bound.sql, q.bound.params);
      const expected = (await native.runAndReadAll(q.bound.sql, q.bound.params)).getRowObjectsJS();
      const inBrowser = await cohorts.console(sql);
      const nativeCells = expected.map((r) => Object.values(r).map(consoleText));
      expect(inBrowser, q.name).toEqual(nativeCells);
      expect(canonicalRows(expected)).toBeTruthy();
    }

    // The builder's own count equals native DuckDB's for the same definition.
    await cohorts.countCarriers('BRCA1', 'female');
    const def = CohortFiltersSchema.parse({ sexes: ['female'], genotype: { gene: 'BRCA1' } });
    const c = cohortCountSql(def);
    const [row] = (await native.runAndReadAll(c.sql, c.params)).getRowObjectsJS();
    await expect(cohorts.count()).toHaveAttribute('data-count', JSON.stringify(row?.n));
    native.closeSync();

    await cohorts.submitConsole('DELETE FROM individuals');
    await expect(cohorts.consoleError()).toContainText('Only SELECT');
    expect(sandbox.outsideRequests).toEqual([]);
    expect(cspErrors).toEqual([]);
  });

  test('save a definition, export CSV: DUO leaves a dataset out with a note, the export is audited', async ({
    app,
    page,
    sandbox,
  }) => {
    test.setTimeout(180_000);
    await serveSampleVault(page, app.server.origin);
    await page.reload();
    const cohorts = new CohortsPage(page);
    await cohorts.open();
    await cohorts.waitLoaded(data.map((d) => d.datasetId));
    await cohorts.countCarriers('BRCA1', 'female');
    await expect(cohorts.count()).toHaveAttribute('data-count', /\d+/);
    await cohorts.saveAs('BRCA1 women');
    await expect(cohorts.savedList()).toContainText('BRCA1 women');

    const [download] = await Promise.all([page.waitForEvent('download'), cohorts.exportCsv()]);
    const csv = await readFile(await download.path());
    const lines = csv.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe(
      'dataset_id,node_id,individual_id,sex,age_band,country,diseases,phenotypes',
    );
    expect(lines.slice(1).filter((l) => !l.startsWith('"FI-RD-01","FI"'))).toEqual([]);
    await expect(cohorts.exportNote()).toContainText('SE-CA-01: pulled for clinical care');

    // Parquet, written by native DuckDB in main: the same rows as the CSV, typed. The page reaches
    // nothing but the app's origin (the sandbox blocks the rest); Chromium's setOffline would also
    // stall browser mode's loopback RPC socket, which in Electron is IPC, not network.
    const [pq] = await Promise.all([
      page.waitForEvent('download', (d) => d.suggestedFilename().endsWith('.parquet')),
      page.getByTestId('export-parquet').click(),
    ]);
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const file = `read_parquet('${await pq.path()}')`;
    const types = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${file}`)).getRows();
    expect(types.map((r) => `${String(r[0])} ${String(r[1])}`)).toEqual(
      EXPORT_COLUMNS.map((c) => `${c.name} ${c.type}`),
    );
    const ids = (await conn.runAndReadAll(`SELECT dataset_id, node_id, individual_id FROM ${file}`))
      .getRows()
      .map((r) => r.map((v) => `"${String(v)}"`).join(','));
    expect(ids).toEqual(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(',')));
    conn.closeSync();
    db.closeSync();
    expect(sandbox.outsideRequests).toEqual([]);
    const audit = await readFile(join(app.dataDir, 'audit', 'audit.jsonl'), 'utf8');
    expect(audit).toContain('"cohort.export"');
    expect(audit).toContain('"cohort.save"');
    expect(audit).not.toContain('-I0000'); // no individual ids in the audit log
  });
});
