import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { canonicalRows, suiteQueries } from '../../shared/cohorts/testing/querySuite';
import { sampleDataset } from '../../shared/cohorts/testing/sampleCache';
import { SMALL_SAMPLE } from '../../shared/cohorts/testing/sampleDatasets';
import { CACHE_TABLES } from '../../shared/cohorts/schema';
import { cohortCountSql, cohortExportCountSql } from '../../shared/cohorts/sql';
import { CohortFiltersSchema } from '../../shared/cohorts/definition';
import type { VaultManifest } from '../../shared/vault/vault';
import { DuckDBInstance } from '@duckdb/node-api';
import { EXPORT_COLUMNS } from '../../shared/cohorts/exportFormats';
import { phenopacketValidator } from '../../electron/main/cohorts/testing/phenopacketSchemas';
import { expect, test } from '../fixtures/app';
import {
  arrowBytes,
  consoleText,
  databaseBytes,
  inlineParams,
  nativeCache,
} from '../fixtures/cohortData';
import { legacyManifest, sampleManifest } from '../fixtures/plantedVault';
import { AppShell } from '../pages/AppShell';
import { CohortsPage } from '../pages/CohortsPage';
import { SettingsPage } from '../pages/SettingsPage';
import { seriousAxeFindings } from '../pages/accessibility';
import { routeVaultStandIn } from '../fixtures/vaultStandIn';

const data = SMALL_SAMPLE.map(sampleDataset);
const screenshots = join(import.meta.dirname, '..', 'artifacts', 'screenshots');
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

  test("save a definition, export CSV, Parquet and Phenopackets: DUO leaves a dataset out with a note, every export is audited; issue 13: rows carry each carrier's matching variants with zygosity, the Phenopackets are a standard v2 Cohort", async ({
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
    expect(lines[0]).toBe(EXPORT_COLUMNS.map((c) => c.name).join(','));
    expect(lines.slice(1).filter((l) => !l.startsWith('"FI-RD-01","FI"'))).toEqual([]);
    await expect(cohorts.exportNote()).toContainText('SE-CA-01: pulled for clinical care');
    // Issue 13: one row per carrier and BRCA1 variant they carry, with zygosity, as native DuckDB
    // finds them over the dataset DUO lets out.
    const column = (name: string): string[] => {
      const i = EXPORT_COLUMNS.findIndex((c) => c.name === name);
      return lines
        .slice(1)
        .map((l) => [...l.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1] ?? '')[i] ?? '');
    };
    expect(new Set(column('gene'))).toEqual(new Set(['BRCA1']));
    expect(new Set(column('zygosity'))).toEqual(new Set(['heterozygous', 'homozygous']));
    expect(column('variant_key').every((k) => /^\d+-\d+-[ACGT]+-[ACGT]+$/.test(k))).toBe(true);
    const allowed = CohortFiltersSchema.parse({
      sexes: ['female'],
      genotype: { gene: 'BRCA1' },
      datasets: ['FI-RD-01'],
    });
    const native = await nativeCache(data);
    const n = cohortExportCountSql(allowed);
    const [expected] = (await native.runAndReadAll(n.sql, n.params)).getRowObjectsJS();
    native.closeSync();
    expect(lines.length - 1).toBe(expected?.n);
    const individuals = new Set(column('individual_id')).size;
    expect(individuals).toBeLessThan(lines.length - 1);

    // Issue 13: a standard Phenopacket v2 Cohort, one member per individual, the DUO note in it.
    const [pp] = await Promise.all([
      page.waitForEvent('download', (d) => d.suggestedFilename().endsWith('.phenopackets.json')),
      cohorts.exportPhenopacket(),
    ]);
    const cohort = JSON.parse(await readFile(await pp.path(), 'utf8')) as {
      description: string;
      members: { subject: { id: string }; interpretations: unknown[] }[];
    };
    expect(Object.keys(cohort).sort()).toEqual(['description', 'id', 'members', 'metaData']);
    expect(cohort.description).toContain('SE-CA-01: pulled for clinical care');
    expect(cohort.members).toHaveLength(individuals);
    expect(cohort.members.every((m) => m.interpretations.length === 1)).toBe(true);
    const validate = phenopacketValidator('cohort-schema.json');
    if (validate !== undefined)
      expect(validate(cohort), JSON.stringify(validate.errors)).toBe(true);

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
    expect(audit).toContain('"format":"phenopacket"');
    expect(audit).toContain('"cohort.save"');
    expect(audit).not.toContain('-I0000'); // no individual ids in the audit log
  });
});

test.describe('Cohorts page: exports a geneticist can use, labels that do not lie (issue 13)', () => {
  test('issue 13: an empty cache says so, with no raw DuckDB error and no "Counting…"; the console answers from the empty views', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const cohorts = new CohortsPage(page);
    await cohorts.open();
    await cohorts.recordRunLabels();
    await cohorts.unlockVault('correct horse battery');
    await expect(cohorts.emptyCache()).toContainText('Your local cache is empty');
    // The console waits on the same engine and connection as any cohort count would: once it
    // answers, an automatic count would have finished too.
    expect(await cohorts.console('SELECT count(*) AS n FROM individuals')).toEqual([['0']]);
    await expect(cohorts.error()).toHaveCount(0);
    await expect(page.getByTestId('cohorts-page')).not.toContainText('Catalog Error');
    expect(await cohorts.runLabelsSeen()).not.toContain('Counting…');
    await expect(cohorts.runButton()).toBeDisabled();
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  test('issue 13: the SQL console never leaves an earlier result under a new error or refusal', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const cohorts = new CohortsPage(page);
    await cohorts.open();
    expect(await cohorts.console('SELECT 42 AS answer')).toEqual([['42']]);
    await cohorts.submitConsole('SELECT * FROM no_such_table');
    await expect(cohorts.consoleError()).toContainText('no_such_table');
    await expect(cohorts.consoleResult()).toHaveCount(0);
    expect(await cohorts.console('SELECT 43 AS answer')).toEqual([['43']]);
    await expect(cohorts.consoleError()).toHaveCount(0);
    await cohorts.submitConsole('DELETE FROM individuals');
    await expect(cohorts.consoleError()).toContainText('Only SELECT');
    await expect(cohorts.consoleResult()).toHaveCount(0);
  });

  test("issue 13: plots in the theme's colours in light and dark with labels that fit and a table; the table shows labels and birth years or ages", async ({
    app,
    page,
  }) => {
    test.setTimeout(180_000);
    await serveSampleVault(page, app.server.origin);
    await page.reload();
    const cohorts = new CohortsPage(page);
    await cohorts.open();
    await cohorts.waitLoaded(data.map((d) => d.datasetId));
    await expect(cohorts.count()).toBeVisible();
    for (const theme of ['light', 'dark'] as const) {
      const settings = new SettingsPage(page);
      await new AppShell(page).open('settings');
      await settings.waitForForm();
      await settings.chooseTheme(theme);
      await settings.save();
      await expect(settings.documentTheme()).toHaveAttribute('data-theme', theme);
      await cohorts.open();
      for (const id of ['country', 'phenotype'] as const) {
        const look = await cohorts.plotLook(id);
        expect(new Set(look.barFills), `${id} bars, ${theme}`).toEqual(new Set([look.accent]));
        expect(new Set(look.textFills), `${id} text, ${theme}`).toEqual(new Set([look.fg]));
        expect(look.outside, `${id} labels outside the plot, ${theme}`).toEqual([]);
      }
      expect(await seriousAxeFindings(page), theme).toEqual([]);
      await page
        .locator('.cohort-plots')
        .screenshot({ path: join(screenshots, `cohort-plots-${theme}.png`) });
    }
    const phenotypes = await cohorts.plotTable('phenotype');
    expect(phenotypes.length).toBeGreaterThan(0);
    for (const [label, n] of phenotypes) {
      expect(label).not.toMatch(/^HP:\d{7}$/);
      expect(Number(n)).toBeGreaterThan(0);
    }
    const { headers, rows } = await cohorts.tableSample();
    expect(headers).toContain('Birth years or age');
    expect(headers).not.toContain('Age');
    const at = (name: string): number => headers.indexOf(name);
    for (const r of rows) {
      expect(r[at('Phenotypes (HPO)')]).not.toMatch(/HP:\d{7}/);
      expect(r[at('Birth years or age')]).toMatch(/^(|aged \d+-\d+|born \d{4}-\d{4})$/);
    }
    // The sample's diseases have labels: the table shows them, not their codes.
    expect(rows.map((r) => r[at('Diseases')]).join(' ')).not.toMatch(/ORPHA:|OMIM:/);
  });
});
