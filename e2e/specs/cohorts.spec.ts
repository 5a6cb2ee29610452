import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { canonicalRows, suiteQueries } from '../../shared/cohorts/querySuite';
import { sampleDataset } from '../../shared/cohorts/sampleCache';
import { SMALL_SAMPLE } from '../../shared/cohorts/sampleDatasets';
import type { CacheTable } from '../../shared/cohorts/schema';
import { CACHE_TABLES } from '../../shared/cohorts/schema';
import { cohortCountSql } from '../../shared/cohorts/sql';
import { CohortFiltersSchema } from '../../shared/cohorts/definition';
import type { VaultManifest } from '../../shared/domain/vault';
import { expect, test } from '../fixtures/app';
import { arrowBytes, consoleText, inlineParams, nativeCache } from '../fixtures/cohortData';
import { CohortsPage } from '../pages/CohortsPage';
import { routeVaultStandIn } from '../fixtures/vaultStandIn';

const data = SMALL_SAMPLE.map(sampleDataset);
const bytes = new Map<string, Uint8Array>(
  data.flatMap((d) => CACHE_TABLES.map((t) => [`${d.datasetId}/${t}`, arrowBytes(d, t)] as const)),
);
const GRU = [{ id: 'DUO:0000042', label: 'general research use' }];
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

function manifest(
  datasetId: string,
  nodeId: string,
  duo = [{ id: 'DUO:0000043', label: 'clinical care use' }],
): VaultManifest {
  const d = data.find((x) => x.datasetId === datasetId)!;
  const of = (t: CacheTable) => bytes.get(`${datasetId}/${t}`)!;
  return {
    schemaVersion: 1,
    datasetId,
    nodeId,
    nodeName: `Node ${nodeId}`,
    country: nodeId,
    title: `Synthetic ${datasetId}`,
    level: 'controlled',
    duo,
    allowLocalCopies: true,
    purpose: 'clinical-care',
    query: { filters: [] },
    pulledAt: '2026-11-01T00:00:00.000Z',
    visa: {
      jti: 'j',
      iss: 'https://aai.example',
      value: datasetId,
      source: 'dac',
      exp: 4102444800,
      asserted: 1,
    },
    expiresAt: '2099-01-01T00:00:00.000Z',
    rows: {
      individuals: d.individuals.individual_id.length,
      variants: d.variants.variant_key.length,
      genotypes: d.genotypes.individual_id.length,
    },
    sha256: {
      individuals: sha(of('individuals')),
      variants: sha(of('variants')),
      genotypes: sha(of('genotypes')),
    },
    bytes: CACHE_TABLES.reduce((n, t) => n + of(t).length, 0),
  };
}

/**
 * Stands in for VAULT's route and vault:list until a pull can fill a real vault in this test: the
 * /vault route is answered on the app's own origin with the Arrow bytes main would serve, and
 * vault:list on the real /rpc socket is answered with their manifests; everything else passes.
 */
async function serveSampleVault(page: Page, origin: string): Promise<void> {
  const list = {
    // SE-CA-01 carries only GRU while pulled for clinical care: exports must leave it out.
    datasets: data.map((d) =>
      manifest(d.datasetId, d.nodeId, d.datasetId === 'SE-CA-01' ? GRU : undefined),
    ),
    removed: [],
    locked: false,
  };
  await routeVaultStandIn(page, origin, bytes, list);
}

test.describe('cohort builder over the local cache (issue 6)', () => {
  test('duckdb-wasm answers every cohort query exactly as native DuckDB, offline, same-origin only', async ({
    app,
    sandbox,
    page,
  }) => {
    test.setTimeout(120_000);
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
  }) => {
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
    const audit = await readFile(join(app.dataDir, 'audit', 'audit.jsonl'), 'utf8');
    expect(audit).toContain('"cohort.export"');
    expect(audit).toContain('"cohort.save"');
    expect(audit).not.toContain('-I0000'); // no individual ids in the audit log
  });
});
