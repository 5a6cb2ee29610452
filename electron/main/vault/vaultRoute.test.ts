import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARROW_STREAM_MIME } from '../../../shared/domain/vault';
import { startBrowserModeServer } from '../../browserMode/server';
import type { PullFederation } from '../pull/testing/pullHarness';
import { signedIn, startPullFederation, tmp } from '../pull/testing/pullHarness';

let fed: PullFederation;
beforeAll(async () => {
  fed = await startPullFederation();
}, 180_000);
afterAll(async () => {
  await fed.close();
});

describe('GET /vault/{datasetId}/{table}.arrow in browser mode (decision 0002 checks, issue 6)', () => {
  it('needs the session cookie; then serves decrypted Arrow IPC, no-store; unknown paths 404', async () => {
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
      const url = `${server.origin}/vault/FI-RD-01/individuals.arrow`;
      const anonymous = await fetch(url);
      expect(anonymous.status).toBe(401);
      expect(Buffer.from(await anonymous.arrayBuffer()).toString()).not.toContain('FI-RD-01-0');
      const launch = await fetch(server.launchUrl, { redirect: 'manual' });
      const cookie = (launch.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect(cookie).toMatch(/=/);
      const res = await fetch(url, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(ARROW_STREAM_MIME);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-security-policy')).toBeTruthy();
      const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
      expect(table.numRows).toBe(400);
      const foreign = await fetch(url, { headers: { cookie, origin: 'https://evil.example' } });
      expect(foreign.status).toBe(403);
      expect(
        (await fetch(`${server.origin}/vault/FI-RD-01/secrets.arrow`, { headers: { cookie } }))
          .status,
      ).toBe(404);
      expect(
        (await fetch(`${server.origin}/vault/NOPE/variants.arrow`, { headers: { cookie } })).status,
      ).toBe(404);
    } finally {
      await server.close();
      h.close();
    }
  }, 120_000);
});
