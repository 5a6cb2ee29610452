import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ARROW_STREAM_MIME, VAULT_TABLES } from '../../../shared/vault/vault';
import type { SharedFederation } from '../pull/testing/pullHarness';
import { signedIn, useSharedFederation, tmp } from '../pull/testing/pullHarness';
import { vaultRows } from '../pull/testing/vaultRows';
import type { TableRows } from './arrowTables';
import { toArrowIpc } from './arrowTables';
import { commitFolder, scopeOf, writeDatasetFolder } from './datasetFolder';
import { serveVaultTable } from './serveVaultTable';

let fed: SharedFederation;
useSharedFederation((started) => (fed = started));

describe('caches written before decision 0010 (Arrow IPC per table) stay readable', () => {
  it('a 0006 folder (schema 1, no format) is listed, served as Arrow per table, and has no database part (DATA-03)', async () => {
    const dataDir = tmp('vault-legacy-');
    const h = await signedIn({ fed, dataDir, user: 'clinician' });
    const { jobId } = await h.invoke('pull:start', {
      nodeId: 'FI',
      datasetId: 'FI-RD-01',
      purpose: 'clinical-care',
    });
    expect((await h.until(jobId, (p) => p.state !== 'running')).state).toBe('done');
    const current = (await h.invoke('vault:list')).datasets[0];
    if (current === undefined) throw new Error('nothing pulled');
    // The same rows, rewritten the 0006 way: three sealed Arrow tables, a version 1 manifest.
    const rows = {
      individuals: await vaultRows(h.services.vault, 'FI-RD-01', 'individuals'),
      variants: await vaultRows(h.services.vault, 'FI-RD-01', 'variants'),
      genotypes: await vaultRows(h.services.vault, 'FI-RD-01', 'genotypes'),
    } as unknown as TableRows;
    const ids = { datasetId: 'FI-RD-01', nodeId: 'FI' };
    const w = h.services.vault.writer();
    if (w === undefined) throw new Error('vault locked');
    // writeDatasetFolder recomputes sha256 and bytes; a version 1 manifest has no format.
    const legacy = { ...current, schemaVersion: 1 as const };
    delete legacy.format;
    const outDir = join(tmp('vault-legacy-out-'), 'FI-RD-01');
    writeDatasetFolder({
      outDir,
      user: w.user,
      masterKey: w.masterKey,
      manifest: legacy,
      parts: {
        individuals: toArrowIpc('individuals', rows, ids),
        variants: toArrowIpc('variants', rows, ids),
        genotypes: toArrowIpc('genotypes', rows, ids),
      },
    });
    const target = join(dataDir, 'vault', scopeOf(w.user), 'FI-RD-01');
    commitFolder(outDir, target);
    expect(existsSync(join(target, 'data.duckdb.sealed'))).toBe(false);
    h.close();

    // The app starts again over that vault.
    const again = await signedIn({ fed, dataDir, user: 'clinician' });
    const listed = (await again.invoke('vault:list')).datasets[0];
    expect(listed).toMatchObject({ schemaVersion: 1, rows: current.rows });
    expect(listed?.format).toBeUndefined();
    for (const table of VAULT_TABLES) {
      const answer = serveVaultTable(
        again.services.vault,
        `/vault/FI-RD-01/${table}.arrow`,
        again.services.logger,
      );
      expect(answer.status, table).toBe(200);
      expect(answer.headers['Content-Type']).toBe(ARROW_STREAM_MIME);
      expect(tableFromIPC(answer.body).numRows, table).toBe(current.rows[table]);
    }
    expect(
      serveVaultTable(again.services.vault, '/vault/FI-RD-01/data.duckdb', again.services.logger)
        .status,
    ).toBe(404);
    again.close();
  }, 120_000);
});
