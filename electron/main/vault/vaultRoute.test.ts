import { describe, expect, it } from 'vitest';
import { DUCKDB_FILE_MIME } from '../../../shared/vault/vault';
import { VaultRefusalSchema } from '../../../shared/vault/vaultRefusal';
import { startBrowserModeServer } from '../../browserMode/server';
import { launchSession } from '../../browserMode/testing/loopbackApp';
import type { SharedFederation } from '../pull/testing/pullHarness';
import { signedIn, useSharedFederation, tmp } from '../pull/testing/pullHarness';
import { databaseRows } from '../pull/testing/vaultRows';

let fed: SharedFederation;
useSharedFederation((started) => (fed = started));

describe('GET /vault/{datasetId}/data.duckdb in browser mode (decisions 0002, 0010; issue 6)', () => {
  it('needs the session header; then serves the decrypted DuckDB file, no-store; unknown paths 404', async () => {
    const h = await signedIn({ fed, dataDir: tmp('vault-route-'), user: 'clinician' });
    const { jobId } = await h.invoke('pull:start', {
      nodeId: 'FI',
      datasetId: 'FI-RD-01',
      purpose: 'clinical-care',
    });
    expect((await h.until(jobId, (p) => p.state !== 'running')).state).toBe('done');
    const server = await startBrowserModeServer({
      rendererDir: tmp('renderer-'),
      logger: h.services.logger,
      services: () => h.services,
    });
    try {
      const url = `${server.origin}/vault/FI-RD-01/data.duckdb`;
      const anonymous = await fetch(url);
      expect(anonymous.status).toBe(401);
      expect(Buffer.from(await anonymous.arrayBuffer()).toString()).not.toContain('FI-RD-01-0');
      const { headers: session } = await launchSession(server);
      const res = await fetch(url, { headers: session });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(DUCKDB_FILE_MIME);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-security-policy')).toBeTruthy();
      const rows = await databaseRows(new Uint8Array(await res.arrayBuffer()), 'individuals');
      expect(rows).toHaveLength(400);
      const foreign = await fetch(url, { headers: { ...session, origin: 'https://evil.example' } });
      expect(foreign.status).toBe(403);
      expect(
        (await fetch(`${server.origin}/vault/FI-RD-01/secrets.arrow`, { headers: session })).status,
      ).toBe(404);
      // A 0010 dataset has no per-table Arrow files: the legacy path is 404 (the renderer's cue).
      expect(
        (await fetch(`${server.origin}/vault/FI-RD-01/individuals.arrow`, { headers: session }))
          .status,
      ).toBe(404);
      const nope = await fetch(`${server.origin}/vault/NOPE/data.duckdb`, { headers: session });
      expect(nope.status).toBe(404);
      // Issue 22, decision 0076: a refusal names its code for the window to word; English beside.
      expect(VaultRefusalSchema.parse(await nope.json())).toEqual({
        message: 'No such dataset in the vault.',
        said: { code: 'no-dataset', params: { dataset: 'NOPE' } },
      });
      const odd = await fetch(`${server.origin}/vault/FI-RD-01/secrets.arrow`, {
        headers: session,
      });
      expect(VaultRefusalSchema.parse(await odd.json()).said).toEqual({ code: 'not-found' });
    } finally {
      await server.close();
      h.close();
    }
  }, 120_000);
});
