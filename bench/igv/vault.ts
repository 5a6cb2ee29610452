/**
 * Puts the benchmark dataset in the app's cache the way the e2e specs do (e2e/fixtures/vaultStandIn:
 * vault:list answered on the real socket), but with the table bytes served as a real HTTP body:
 * 'http' rewrites /vault/** on the app's origin to a loopback file server (the page still sees its
 * own origin); 'fulfill' hands the bytes to route.fulfill (through the DevTools protocol, as the
 * specs do), kept to reproduce the earlier 5M-row crash.
 */
import type { Page } from 'playwright-core';
import { arrowBytes, databaseBytes } from '../../e2e/fixtures/cohortData';
import { legacyManifest, sampleManifest } from '../../e2e/fixtures/plantedVault';
import { routeVaultStandIn } from '../../e2e/fixtures/vaultStandIn';
import type { SampleDataset } from '../../shared/cohorts/testing/sampleCache';
import { CACHE_TABLES } from '../../shared/cohorts/schema';
import type { VaultFormat, VaultList } from '../../shared/vault/vault';
import { vaultDatabasePath, vaultTablePath } from '../../shared/vault/vault';

export type VaultTransport = 'http' | 'fulfill';

/** What each cache format exercises in the renderer (recorded in the results). */
export const CACHE_PATHS: Record<VaultFormat, string> = {
  duckdb:
    'DuckDB database file (decision 0010): registerFileBuffer + ATTACH READ_ONLY (renderer/src/db/datasets.ts)',
  arrow:
    'legacy Arrow IPC tables (0006): insertArrowTable in 500k-row chunks (renderer/src/db/legacyArrow.ts)',
};

/**
 * The files main would serve for the dataset, keyed as the stand-in keys them: "id/database"
 * (built by main's own writer, via the e2e fixture) or "id/individuals" etc. (legacy Arrow).
 */
export async function vaultFiles(
  d: SampleDataset,
  format: VaultFormat,
): Promise<Map<string, Uint8Array>> {
  if (format === 'duckdb') return new Map([[`${d.datasetId}/database`, await databaseBytes(d)]]);
  return new Map(CACHE_TABLES.map((t) => [`${d.datasetId}/${t}`, arrowBytes(d, t)]));
}

/** The URL path the renderer fetches a stand-in key from (shared/vault/vault.ts). */
export const vaultPath = (key: string): string => {
  const [id = '', part = ''] = key.split('/');
  return part === 'database' ? vaultDatabasePath(id) : vaultTablePath(id, part as 'genotypes');
};

/** vault:list for the dataset: the e2e fixture's v2 manifest, or its v1 (Arrow) one like 0006's. */
export function vaultList(d: SampleDataset, files: ReadonlyMap<string, Uint8Array>): VaultList {
  const database = files.get(`${d.datasetId}/database`);
  if (database !== undefined)
    return { datasets: [sampleManifest(d, database)], removed: [], locked: false };
  const tables = new Map(
    CACHE_TABLES.map((t) => [t, files.get(`${d.datasetId}/${t}`) ?? new Uint8Array()] as const),
  );
  return { datasets: [legacyManifest(d, tables)], removed: [], locked: false };
}

/**
 * Installs the stand-in on `page` for the app at `origin`; with 'http', /vault/** goes to
 * `fileOrigin` (which serves vaultPath(key) → bytes), registered after the stand-in so it wins.
 */
export async function standInVault(
  page: Page,
  origin: string,
  files: ReadonlyMap<string, Uint8Array>,
  list: VaultList,
  transport: VaultTransport,
  fileOrigin: string,
): Promise<void> {
  await routeVaultStandIn(page, origin, transport === 'fulfill' ? files : new Map(), list);
  if (transport === 'http')
    await page.route(`${origin}/vault/**`, (route) =>
      route.continue({ url: `${fileOrigin}${new URL(route.request().url()).pathname}` }),
    );
}
